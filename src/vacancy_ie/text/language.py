"""Which language a notice is written in, by the share of marker words.

The pipeline reads English, French and Spanish (`SUPPORTED`); the rules and normalisers take
the language as `lang`. Notices in the other languages job boards carry (German, Danish,
Dutch, Italian, Portuguese, Swedish) are recognised too, so that they get a clear error
instead of being read as English.
"""

from __future__ import annotations

import re

SUPPORTED = ("en", "fr", "es")
_WORD = re.compile(r"[^\W\d_]+")
# Words frequent in one language and rare in the others. Shared short words ("la", "en",
# "de", "que", "il", "para") are left out: they made English notices with a Spanish section
# look Spanish, and Dutch ones ("en" = and) too.
_MARKERS = {
    "en": frozenset("the and of to with is are will be for this that from have you our".split()),
    "fr": frozenset("le les des et du pour dans est une sur avec au aux vous nous ou être sont qui".split()),
    "es": frozenset("el los las y del para una con por su al sus como son".split()),
    "de": frozenset("und der die das für mit nicht wir sie ein eine ist auf werden bei".split()),
    "nl": frozenset("het een van voor zijn wij naar ook bij niet worden onze".split()),
    "da": frozenset("og det er til på af som med vi har du kan vil".split()),
    "sv": frozenset("och att är för på av som med vi har du kan".split()),
    "it": frozenset("della dei degli nel sono questo anche essere gli delle alla".split()),
    "pt": frozenset("não são você também pelo pela através uma dos das ao".split()),
}
_MIN_MARKER_SHARE = 0.06  # a French or Spanish notice has 10-25% markers; cross-language noise < 4%


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text has too few words, or
    too few markers, to tell. English wins ties: a bilingual notice has an English part to read."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 20:
        return None
    hits = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == "en", lang in SUPPORTED))
    return best if hits[best] >= _MIN_MARKER_SHARE * len(words) else None


def reading_language(text: str) -> str:
    """The language the rules read a text in: its own when supported, else English."""
    lang = guess_language(text)
    return lang if lang in SUPPORTED else "en"
