"""Durations of required experience to a minimum number of whole years.

The guidelines want the lower bound in whole years: "3-5 years" is 3, "18 months" is 1,
"six months" is 0. Vague amounts ("several years") give None. A duration with a unit wins
over a bare number ("Level 2 post, 5 years" is 5); a phrase without a unit ("a minimum of
two") takes its first number.

French and Spanish phrases (`lang="fr"`, `"es"`) are read without accents, with their number
words, units and ranges ("cinq (5) ans", "dieciocho meses", "2 à 3 ans", "1,5 año") on top
of the English ones. Their "un"/"une"/"una" counts only before a unit: elsewhere it is an
article ("une expérience de deux ans" is 2).
"""

from __future__ import annotations

import re
import unicodedata

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_WORDS: dict[str, int] = (
    {word: n for n, word in enumerate(_UNITS, start=1)}
    | {"twenty": 20, "thirty": 30}
    | {f"twenty {word}": 20 + n for n, word in enumerate(_UNITS[:9], start=1)}
)
# From two, unaccented: one is also the article, and is read only before a unit.
_FRENCH_UNITS = (
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
).split()
_SPANISH_UNITS = (
    "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis "
    "diecisiete dieciocho diecinueve veinte"
).split()
_LOCAL_WORDS: dict[str, dict[str, int]] = {
    "fr": (
        {word: n for n, word in enumerate(_FRENCH_UNITS, start=2)}
        | {"dix sept": 17, "dix huit": 18, "dix neuf": 19, "vingt": 20, "vingt et un": 21}
        | {f"vingt {word}": 20 + n for n, word in enumerate(_FRENCH_UNITS[:8], start=2)}
        | {"trente": 30}
    ),
    "es": (
        {word: n for n, word in enumerate(_SPANISH_UNITS, start=2)}
        | {f"veinti{word}": 20 + n for n, word in enumerate(["uno"] + _SPANISH_UNITS[:8], 1)}
        | {"treinta": 30}
    ),
}
_LOCAL_YEARS = {"fr": r"ans?|annees?", "es": r"anos?"}
_LOCAL_MONTHS = {"fr": r"mois", "es": r"mes(?:es)?"}
_LOCAL_RANGE = {"fr": r"a|ou|et", "es": r"a|o|y"}
_LOCAL_ONE = {"fr": r"une?", "es": r"un[oa]?"}
# Not a digit glued to a letter: "G6 - 3 years" is a grade and 3 years, not a range from 6.
_NUMBER = r"(?<![^\W\d_])(?P<n>\d+(?:\.\d+)?)"


def _word_number(words: dict[str, int]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"[ -]") for w in sorted(words, key=len, reverse=True))
        + r")\b",
        re.IGNORECASE,
    )


def _with_unit(to: str, unit: str) -> re.Pattern[str]:
    return re.compile(
        _NUMBER
        + r"(?:\s*\(\s*\d+\s*\))?"  # "five (5)"
        + rf"(?:\s*(?:{to})\s*\d+(?:\.\d+)?)?"  # "3-5", "3 to 5"
        + rf"\s*\+?\s*-?\s*(?P<unit>{unit})\b",
        re.IGNORECASE,
    )


_ALL_WORDS = {"en": _WORDS} | {lang: _WORDS | words for lang, words in _LOCAL_WORDS.items()}
_WORD_NUMBER = {lang: _word_number(words) for lang, words in _ALL_WORDS.items()}
_WITH_UNIT = {"en": _with_unit(r"-|–|to|or", r"years?|yrs?|months?")} | {
    lang: _with_unit(
        rf"-|–|to|or|{_LOCAL_RANGE[lang]}",
        rf"years?|yrs?|months?|{_LOCAL_YEARS[lang]}|{_LOCAL_MONTHS[lang]}",
    )
    for lang in _LOCAL_WORDS
}
# "a year", "un an", "un (1) año": the article is the number one.
_ONE = {"en": re.compile(r"\ban?\s+(?=years?\b)", re.IGNORECASE)} | {
    lang: re.compile(
        rf"\b(?:an?|{_LOCAL_ONE[lang]})\s+(?=(?:\(\s*1\s*\)\s*)?"
        rf"(?:years?|{_LOCAL_YEARS[lang]}|{_LOCAL_MONTHS[lang]})\b)",
        re.IGNORECASE,
    )
    for lang in _LOCAL_WORDS
}
_BARE = re.compile(_NUMBER)
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")  # "1,5 an"
_MONTH_UNITS = ("month", "mois", "mes")
_MAX_YEARS = 40


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def min_years(text: str, lang: str = "en") -> int | None:
    """The minimum whole years of experience a phrase states, or None when it states none.

    `lang` ("en", "fr", "es") adds the number words and units of that language.
    """
    words = _ALL_WORDS[lang]
    if lang != "en":
        text = _DECIMAL_COMMA.sub(".", _unaccented(text))
    text = _WORD_NUMBER[lang].sub(lambda m: str(words[re.sub(r"[ -]", " ", m.group().lower())]), text)
    text = _ONE[lang].sub("1 ", text)
    match = _WITH_UNIT[lang].search(text) or _BARE.search(text)
    if not match:
        return None
    amount = float(match["n"])
    if match.groupdict().get("unit", "").lower().startswith(_MONTH_UNITS):
        amount /= 12
    years = int(amount)
    return years if years <= _MAX_YEARS else None


# Years that add to a route's base ("a first-level degree with two additional years"): the
# guidelines record the route's total, so the record adds them to the base it states.
INCREMENT = re.compile(r"\b(?:additional|further|extra|suppl[ée]mentaires?|adicionales?)\b", re.IGNORECASE)
# Amounts that state no number ("several years"; an increment, "années supplémentaires"): the
# guidelines annotate such a phrase with no years; a span without one of these and without a
# number ("Years of Experience" as a table heading, "A minimum of" cut short) states none.
_VAGUE_AMOUNT = re.compile(
    r"\b(?:some|several|many|extensive|considerable|substantial|significant"
    r"|plusieurs|quelques|nombreuses|varios|algunos|muchos)\b",
    re.IGNORECASE)


def states_amount(text: str, lang: str = "en") -> bool:
    """Whether an experience phrase states how much: a number of years, or a vague amount."""
    return (min_years(text, lang) is not None or bool(_VAGUE_AMOUNT.search(text))
            or bool(INCREMENT.search(text)))


def route_totals(items: list[dict]) -> list[dict]:
    """Experience items with an increment's years made the route's total: the increment plus
    the years of the nearest item that is not one ("seven years ... or two additional years"
    is 7 and 9). Items are dicts with `years`, `text` and `text_start`; others pass unchanged."""
    bases = [i for i in items if i["years"] is not None and not INCREMENT.search(i["text"])]
    out = []
    for item in items:
        if item["years"] is not None and bases and INCREMENT.search(item["text"]):
            base = min(bases, key=lambda b: abs(b["text_start"] - item["text_start"]))
            item = {**item, "years": min(_MAX_YEARS, item["years"] + base["years"])}
        out.append(item)
    return out
