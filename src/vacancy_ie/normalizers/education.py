"""Degree phrases to the education levels of the scheme.

A phrase is about one degree, normally the first it names: in "Master's degree, or a
Bachelor's degree with two years of experience" the annotator spans each route separately,
and the span that starts with "Master's" is the master route. So the level is that of the
first specific degree mentioned. A phrase naming no level ("university degree", "Degree or
equivalent experience") is a first degree: `bachelor`, as the guidelines say.
"""

from __future__ import annotations

import re

# One pattern per level of labels.EDUCATION_LEVELS.
_SPECIFIC: dict[str, str] = {
    "secondary": (
        r"high[ -]school|secondary(?:[ -]school| education| level)?|(?:school|matriculation)"
        r"[ -](?:diploma|certificate|leaving)|A[ -]levels?|GCSEs?|O[ -]levels?|baccalaur[eé]at"
    ),
    "technical": (
        r"vocational|technical (?:diploma|certificate|school|college|training|qualification)"
        r"|TVET|associate(?:'s|’s|s)? degree|nursing diploma|diploma|certificate"
    ),
    "bachelor": (
        r"bachelor(?:'s|’s|s)?|first[- ]level (?:university )?degree|undergraduate"
        r"|university diploma|(?-i:B\.?A\.?|B\.?Sc?\.?|LL\.?B|BEng|BBA|BCom)\b"
        r"|(?<!driving )(?<!driver's )licen[cs]e|licenciatura"
    ),
    "master": (
        r"master(?:'s|’s|s)?|advanced (?:university |academic )?degree|post-?graduate"
        r"|second[- ]level (?:university )?degree|graduate degree"
        r"|(?-i:M\.?A|M\.?Sc|MBA|MPH|MPA|MPP|MEng|MSW|MPhil|LL\.?M)\b"
    ),
    "doctorate": r"ph\.? ?d|doctorate|doctoral|d\.?phil|(?-i:MD)\b",
}
_LEVEL = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{level}>{p})" for level, p in _SPECIFIC.items()) + ")",
    re.IGNORECASE,
)
_DEGREE = re.compile(r"\bdegree\b", re.IGNORECASE)


def education_level(text: str) -> str | None:
    """The level of the degree a requirement phrase names first; None when it names none."""
    match = _LEVEL.search(text)
    if match:
        return match.lastgroup
    return "bachelor" if _DEGREE.search(text) else None
