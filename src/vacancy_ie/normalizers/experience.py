"""Durations of required experience to a minimum number of whole years.

The guidelines want the lower bound in whole years: "3-5 years" is 3, "18 months" is 1,
"six months" is 0. Vague amounts ("several years") give None. A duration with a unit wins
over a bare number ("Level 2 post, 5 years" is 5); a phrase without a unit ("a minimum of
two") takes its first number.
"""

from __future__ import annotations

import re

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_WORDS: dict[str, int] = (
    {word: n for n, word in enumerate(_UNITS, start=1)}
    | {"twenty": 20, "thirty": 30}
    | {f"twenty {word}": 20 + n for n, word in enumerate(_UNITS[:9], start=1)}
)
_WORD_NUMBER = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"[ -]") for w in sorted(_WORDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_NUMBER = r"(?P<n>\d+(?:\.\d+)?)"
_WITH_UNIT = re.compile(
    _NUMBER
    + r"(?:\s*\(\s*\d+\s*\))?"  # "five (5)"
    + r"(?:\s*(?:-|–|to|or)\s*\d+(?:\.\d+)?)?"  # "3-5", "3 to 5"
    + r"\s*\+?\s*-?\s*(?P<unit>years?|yrs?|months?)\b",
    re.IGNORECASE,
)
_BARE = re.compile(_NUMBER)
_MAX_YEARS = 40


def min_years(text: str) -> int | None:
    """The minimum whole years of experience a phrase states, or None when it states none."""
    text = _WORD_NUMBER.sub(lambda m: str(_WORDS[re.sub(r"[ -]", " ", m.group().lower())]), text)
    text = re.sub(r"\ban?\s+(?=years?\b)", "1 ", text, flags=re.IGNORECASE)
    match = _WITH_UNIT.search(text) or _BARE.search(text)
    if not match:
        return None
    amount = float(match["n"])
    if match.groupdict().get("unit", "").lower().startswith("month"):
        amount /= 12
    years = int(amount)
    return years if years <= _MAX_YEARS else None
