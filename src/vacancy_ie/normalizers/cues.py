"""Cue phrases around language and requirement mentions.

`is_desirable` tells a plus from a requirement. The caller passes the clause that holds the
requirement: a context holding both kinds of cue ("English is required; French is an
asset") says nothing about which one a mention has, so it reads as required.

`is_boilerplate_language_sentence` spots what an organisation says about its own languages
or its application process, which the guidelines exclude from LANGUAGE. A sentence that also
asks something of the candidate ("fluency in ... is required") is never boilerplate.
"""

from __future__ import annotations

import re

_DESIRABLE = re.compile(
    r"\b(?:an?\s+(?:(?:added|additional|distinct|strong|definite|important|real)\s+)?"
    r"(?:asset|advantage|plus)|advantageous|desirable|desired|preferred|preferabl[ey]"
    r"|nice\s+to\s+have|(?:is|are|would\s+be)\s+(?:most\s+|very\s+)?welcome[d]?"
    r"|considered\s+an?\s+(?:strong\s+)?asset|optional)\b",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"(?<!\bnot\s)(?<!n't\s)\b(?:required|requirement|mandatory|essential|must|compulsory"
    r"|obligatory|necessary)\b",
    re.IGNORECASE,
)
_CANDIDATE_ASKED = re.compile(
    r"\b(?:requir\w*|fluen\w*|proficien\w*|knowledge|command|mastery|ability|skills?"
    r"|asset|desirable|advantage\w*|essential|mandatory|must|preferred|excellent)\b",
    re.IGNORECASE,
)
_ORGANISATION_LANGUAGES = re.compile(
    r"\b(?:official|working)\s+languages?\b(?:\s+of\s+[^.;:]{1,60}?)?\s+(?:are|is|include)\b"
    r"|\b(?:are|is)\s+the\s+(?:\w+\s+)?(?:official|working)\s+languages?\b",
    re.IGNORECASE,
)
_APPLICATION_LANGUAGE = re.compile(
    r"\b(?:applications?|CVs?|cover\s+letters?|forms?)\b[^.;]{0,40}?"
    r"\b(?:accepted|submitted|written|completed|received|considered)\b[^.;]{0,20}?\bin\s+[A-Z]"
    r"|\b(?:notice|vacancy|announcement|advertisement|advert|posting|page|website|document)s?"
    r"\b[^.;]{0,30}?\bavailable\s+in\b",
    re.IGNORECASE,
)


def is_desirable(context: str) -> bool:
    """True when the context marks a requirement as a plus, not as needed."""
    return bool(_DESIRABLE.search(context)) and not _REQUIRED.search(context)


def is_boilerplate_language_sentence(sentence: str) -> bool:
    """True for what the organisation says about its languages, not what it asks of you."""
    if _APPLICATION_LANGUAGE.search(sentence):
        return True
    return bool(_ORGANISATION_LANGUAGES.search(sentence)) and not _CANDIDATE_ASKED.search(sentence)
