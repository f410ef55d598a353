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

French and Spanish notices (`lang="fr"`, `"es"`) add that language's names of the whole
vocabulary, as langcodes gives them, and the forms it lacks ("kiswahili", "castellano",
feminine "langue française"), in any case and with or without accents. A name outside it
must be langcodes' own name for the language in that language, and not a common word there
("mari" is French for husband, "mandar" Spanish for send).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import langcodes
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS


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
# Spellings langcodes lacks that English notices use: South Africa's own names of its
# languages ("isiZulu", "Sesotho"), and misspellings the guidelines read as the language meant.
_OTHER_SPELLINGS = {
    "isizulu": "zu", "isixhosa": "xh", "isindebele": "nr", "sesotho": "st", "setswana": "tn",
    "sepedi": "nso", "xitsonga": "ts", "tshivenda": "ve", "siswati": "ss", "fulfulbe": "ff",
    "sinhalese": "si", "putonghua": "zh", "pilipino": "fil", "montenegrin": "cnr", "tok-pisin": "tpi",
    "ukranian": "uk", "englsih": "en",
}
# Names read in any case, in every notice.
_ANY_CASE_NAMES = _FOREIGN_NAMES | _OTHER_SPELLINGS
_OVERRIDES = {"dari": LanguageCode("prs", "Dari")}
# What langcodes' names in French and Spanish lack.
_LOCAL_NAMES = {
    "fr": {
        "kiswahili": "sw", "kirundi": "rn", "mandarin": "zh", "fulfulde": "ff", "pulaar": "ff",
        "tamasheq": "tmh",
    },
    "es": {
        "swahili": "sw", "kiswahili": "sw", "castellano": "es", "aymara": "ay", "mandarín": "zh",
        "tagalo": "tl",
    },
}
# Feminine forms name a language only after "langue" / "lengua" ("la langue française", "lengua
# inglesa"), not in "Agence Française" or "Cooperación Española". Spanish "china" names the
# country more often than the language, and is left out.
_FEMININE_NAMES = {
    "fr": {
        "anglaise": "en", "française": "fr", "espagnole": "es", "portugaise": "pt",
        "chinoise": "zh", "allemande": "de", "italienne": "it",
    },
    "es": {
        "inglesa": "en", "francesa": "fr", "española": "es", "castellana": "es",
        "portuguesa": "pt", "rusa": "ru", "alemana": "de", "italiana": "it",
    },
}
_AFTER_LANGUE = re.compile(r"\b(?:langues?|lenguas?)\b[^.;:\n]{0,40}$", re.IGNORECASE)
_COMMON_WORDS = {
    "fr": FRENCH_STOP_WORDS | {"mari"},
    "es": SPANISH_STOP_WORDS | {"mandar", "ido"},
}


def _from_langcodes(name: str) -> LanguageCode | None:
    try:
        language = langcodes.find(name)
    except LookupError:
        return None
    return _code(language)


def _code(language: langcodes.Language) -> LanguageCode | None:
    if len(language.language) == 3:  # "cmn" -> "zh", "swh" -> "sw"; "tw" stays "tw"
        language = language.prefer_macrolanguage()
    if language.script or language.territory or not language.is_valid():
        return None
    return LanguageCode(language.language, language.display_name())


def _build_vocabulary() -> dict[str, LanguageCode]:
    vocabulary = dict(_OVERRIDES)
    for name in _ENGLISH_NAMES:
        vocabulary.setdefault(name.casefold(), _from_langcodes(name))
    for name, code in _ANY_CASE_NAMES.items():
        vocabulary[name] = LanguageCode(code, langcodes.Language.get(code).display_name())
    missing = [name for name, found in vocabulary.items() if found is None]
    if missing:
        raise RuntimeError(f"langcodes does not know {missing}")
    return vocabulary


def _finder(names: Iterable[str]) -> re.Pattern[str]:
    """English names with their capital and `names` in any case, each a whole word."""
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(n) for n in sorted(_ENGLISH_NAMES, key=len, reverse=True))
        + "|(?i:"
        + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
        + r"))(?![\w-])"
    )


_VOCABULARY = _build_vocabulary()
_FIND = _finder(_ANY_CASE_NAMES)
# Latin letters to their unaccented base, one for one, so that offsets in folded text hold.
_FOLD = {
    code: base
    for code in range(0xC0, 0x250)
    if (base := unicodedata.normalize("NFD", chr(code))[0]) != chr(code) and base.isascii()
}


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _local_names(lang: str) -> dict[str, str]:
    """Folded names in `lang` to codes: the foreign names above, langcodes' names in `lang`
    for every language of the vocabulary ("haoussa", "criollo haitiano"), and its gaps."""
    names = {_fold(name): code for name, code in _ANY_CASE_NAMES.items()}
    for code in sorted({found.code for found in _VOCABULARY.values()}):
        name = langcodes.Language.get(code).display_name(lang).casefold()
        if "(" not in name:  # "persan (Afghanistan)": not a name anyone writes
            names.setdefault(_fold(name), code)
    local = _LOCAL_NAMES[lang] | _FEMININE_NAMES[lang]
    return names | {_fold(name): code for name, code in local.items()}


def _local_vocabulary(names: dict[str, str]) -> dict[str, LanguageCode]:
    vocabulary = {_fold(name): found for name, found in _VOCABULARY.items()}
    for name, code in names.items():
        vocabulary.setdefault(name, LanguageCode(code, langcodes.Language.get(code).display_name()))
    return vocabulary


_LOCAL_NAMES_FOLDED = {lang: _local_names(lang) for lang in _LOCAL_NAMES}
_LOCAL_VOCABULARY = {lang: _local_vocabulary(n) for lang, n in _LOCAL_NAMES_FOLDED.items()}
_LOCAL_FIND = {lang: _finder(names) for lang, names in _LOCAL_NAMES_FOLDED.items()}  # on folded text
_FEMININE = {lang: {_fold(name) for name in names} for lang, names in _FEMININE_NAMES.items()}


def _from_local_langcodes(key: str, lang: str) -> LanguageCode | None:
    """langcodes' language for its own name in `lang` ("créole haïtien" in French)."""
    try:
        language = langcodes.find(key, language=lang)
    except LookupError:
        return None
    if _fold(language.display_name(lang).casefold()) != _fold(key):
        return None
    return _code(language)


@lru_cache(maxsize=1024)
def normalize_language(name: str, lang: str = "en") -> LanguageCode | None:
    """The code and English name of a language name, or None for anything else.

    `lang` ("en", "fr", "es") adds the names in that language to the English ones.
    """
    key = " ".join(name.split()).casefold()
    if lang != "en":
        found = _LOCAL_VOCABULARY[lang].get(_fold(key))
        if found or not key or key in _COMMON_WORDS[lang]:
            return found
        return _from_local_langcodes(key, lang) or normalize_language(key)
    if key in _VOCABULARY:
        return _VOCABULARY[key]
    if not key or key in STOP_WORDS:
        return None
    found = _from_langcodes(key)
    if found is None or found.name.casefold() != key:
        return None
    return found


def find_languages(text: str, lang: str = "en") -> list[tuple[int, int, LanguageCode]]:
    """Language names in a text as (start, end, code), one per name.

    `lang` ("en", "fr", "es") adds the names in that language to the English ones.
    """
    if lang != "en":
        folded = _fold(text)
        found = []
        for match in _LOCAL_FIND[lang].finditer(folded):
            key = " ".join(match.group().split()).casefold()
            after_langue = _AFTER_LANGUE.search(folded, max(0, match.start() - 60), match.start())
            if key in _FEMININE[lang] and not after_langue:
                continue
            found.append((match.start(), match.end(), _LOCAL_VOCABULARY[lang][key]))
        return found
    return [
        (match.start(), match.end(), _VOCABULARY[match.group().casefold()])
        for match in _FIND.finditer(text)
    ]
