"""Language names to ISO codes: 639-1 where one exists, else 639-3, as the guidelines ask.

langcodes does the lookup, with its traps handled here: it reads "Dari" as Persian of
Afghanistan (fa-AF; the guidelines want `prs`), "Mandarin" as `cmn` (wanted: the
macrolanguage `zh`), and it matches words that are only incidentally language names
("Java" -> Javanese, "Even", "Mon").
So names outside the vocabulary below are accepted only when langcodes' English name for
the language is the name given and the name is not a common English word.

`find_languages` looks only for the vocabulary: the languages most often asked for at UN
duty stations, spelled in English with a capital, plus the French and Spanish names of the
UN languages and German, in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import langcodes
from spacy.lang.en.stop_words import STOP_WORDS


@dataclass(frozen=True)
class LanguageCode:
    code: str  # ISO 639-1, or 639-3 where no 639-1 code exists
    name: str  # English name, as langcodes gives it ("French", "Swahili")


# Names as they appear in English notices. Names that are also common words or usually
# name something else ("Mon", "Ga", "Polish", "Creole", "Bahasa") are left out.
_ENGLISH_NAMES = """
English French Spanish Arabic Chinese Mandarin Cantonese Russian Portuguese German Italian
Dutch Swahili Kiswahili Amharic Tigrinya Oromo Somali Afar Hausa Yoruba Igbo Fula Fulfulde
Pulaar Wolof Bambara Lingala Sango Kinyarwanda Kirundi Luganda Acholi Dinka Nuer Shona
Chichewa Malagasy Krio Twi Akan Ewe Kanuri Zarma Tamasheq Tetum Tetun Khmer Lao Thai
Vietnamese Burmese Indonesian Malay Tagalog Filipino Hindi Urdu Bengali Bangla Nepali Sinhala
Tamil Punjabi Sindhi Pashto Pashtu Dari Farsi Persian Kurdish Sorani Kurmanji Turkish Hebrew
Armenian Georgian Azerbaijani Azeri Uzbek Kazakh Kyrgyz Tajik Turkmen Mongolian Ukrainian
Belarusian Romanian Serbian Croatian Bosnian Albanian Macedonian Bulgarian Greek Hungarian
Japanese Korean Rohingya Dzongkha Dhivehi Quechua Aymara Guarani
""".split() + ["Haitian Creole", "Tok Pisin", "Bahasa Indonesia", "Serbo-Croatian"]

# French and Spanish spellings of the UN languages and German: notices quote them in
# titles and bilingual boxes.
_FOREIGN_NAMES = {
    "anglais": "en", "inglés": "en", "ingles": "en",
    "français": "fr", "francais": "fr", "francés": "fr", "frances": "fr",
    "espagnol": "es", "español": "es", "espanol": "es",
    "arabe": "ar", "árabe": "ar",
    "portugais": "pt", "portugués": "pt", "portugues": "pt",
    "russe": "ru", "ruso": "ru",
    "chinois": "zh", "chino": "zh",
    "allemand": "de", "alemán": "de", "aleman": "de",
}
_OVERRIDES = {"dari": LanguageCode("prs", "Dari")}


def _from_langcodes(name: str) -> LanguageCode | None:
    try:
        language = langcodes.find(name)
    except LookupError:
        return None
    if len(language.language) == 3:  # "cmn" -> "zh", "swh" -> "sw"; "tw" stays "tw"
        language = language.prefer_macrolanguage()
    if language.script or language.territory or not language.is_valid():
        return None
    return LanguageCode(language.language, language.display_name())


def _build_vocabulary() -> dict[str, LanguageCode]:
    vocabulary = dict(_OVERRIDES)
    for name in _ENGLISH_NAMES:
        vocabulary.setdefault(name.casefold(), _from_langcodes(name))
    for name, code in _FOREIGN_NAMES.items():
        vocabulary[name] = LanguageCode(code, langcodes.Language.get(code).display_name())
    missing = [name for name, found in vocabulary.items() if found is None]
    if missing:
        raise RuntimeError(f"langcodes does not know {missing}")
    return vocabulary


_VOCABULARY = _build_vocabulary()
_FIND = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(_ENGLISH_NAMES, key=len, reverse=True))
    + "|(?i:"
    + "|".join(re.escape(n) for n in sorted(_FOREIGN_NAMES, key=len, reverse=True))
    + r"))(?![\w-])"
)


@lru_cache(maxsize=1024)
def normalize_language(name: str) -> LanguageCode | None:
    """The code and English name of a language name, or None for anything else."""
    key = " ".join(name.split()).casefold()
    if key in _VOCABULARY:
        return _VOCABULARY[key]
    if not key or key in STOP_WORDS:
        return None
    found = _from_langcodes(key)
    if found is None or found.name.casefold() != key:
        return None
    return found


def find_languages(text: str) -> list[tuple[int, int, LanguageCode]]:
    """Language names in a text as (start, end, code), one per name."""
    return [
        (match.start(), match.end(), _VOCABULARY[match.group().casefold()])
        for match in _FIND.finditer(text)
    ]
