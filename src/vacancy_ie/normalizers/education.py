"""Degree phrases to the education levels of the scheme.

A phrase is about one degree, normally the first it names: in "Master's degree, or a
Bachelor's degree with two years of experience" the annotator spans each route separately,
and the span that starts with "Master's" is the master route. So the level is that of the
first specific degree mentioned. A phrase naming no level ("university degree", "Degree or
equivalent experience") is a first degree: `bachelor`, as the guidelines say.

French and Spanish phrases (`lang="fr"`, `"es"`) add their degrees to the English ones. Their
traps: "(bonne) maîtrise de l'anglais" is a command of English, not a master's; "Bac" is
secondary but "Bac+3" a licence; "grado" and "título universitario" are any degree ("grado de
maestría"), so they name no level, and a bare "título" is a job title; a "técnico" is a degree
only as a noun ("Técnico en contabilidad"), not in "un campo técnico"; a "licence de conduire"
is a driving licence.
"""

from __future__ import annotations

import re

# What may follow a bare "master(s)" that is the degree: "Master in Economics", "Masters or
# equivalent", "Master ou équivalent", the end of a phrase. Elsewhere it is a word of the work
# ("master planning", "master data", "master list", "Master DRC").
_DEGREE_CONTEXT = (r"(?=\s*(?:$|[^\w\s]|(?:degrees?|diplomas?|of|in|or|and|level|programmes?|programs?|studies"
                   r"|students?|qualifications?|en|ou|o|y|de|dans|universitaire)\b))")
# One pattern per level of labels.EDUCATION_LEVELS.
_SPECIFIC: dict[str, str] = {
    "secondary": (
        r"high[ -]school|secondary(?:[ -]school| education| level)?|(?:school|matriculation)"
        r"[ -](?:diploma|certificate|leaving)|A[ -]levels?|GCSEs?|O[ -]levels?|baccalaur[eé]at"
        r"|matric\b|grade (?:12|twelve)\b|12th grade"  # South Africa's and North America's school-leaving
    ),
    "technical": (
        r"vocational|technical (?:diploma|certificate|school|college|training|qualification)"
        r"|TVET|associate(?:'s|’s|s)? degree|nursing diploma|diploma|certificate"
    ),
    "bachelor": (
        r"bachelor(?:'s|’s|s)?|first[- ]level (?:university )?degree|first university degree|undergraduate"
        r"|university diploma|(?-i:B\.?A\.?|B\.?Sc?\.?|LL\.?B|BEng|BBA|BCom)\b"
        r"|(?<!driving )(?<!driver's )licen[cs]e|licenciatura"
    ),
    "master": (
        r"master(?:'s|’s)|masters?" + _DEGREE_CONTEXT + r"|advanced? (?:level )?(?:university |academic |higher education )?degree"
        r"|post[- ]?graduat(?:e|ion)"
        r"|higher degree"  # British usage: a postgraduate degree
        r"|second[- ]level (?:university )?degree|second university degree|graduate degree"
        r"|graduate (?:school )?(?:programme|program|studies)"
        r"|(?-i:M\.?A|M\.?Sc|Msc|MBA|MPH|MPA|MPP|MEng|MSW|MPhil|LL\.?M)\b"
    ),
    "doctorate": r"ph\.? ?d|doctorate|doctoral|d\.?phil|(?-i:MD)\b|juris doctor|doctor of medicine",
}
# French and Spanish degrees, each tried before the English pattern of its level.
_LOCAL_SPECIFIC: dict[str, dict[str, str]] = {
    "fr": {
        "secondary": r"bac\b(?!\s*\+)|secondaires?\b",
        "technical": (
            r"bac\s*\+\s*[12]\b|(?-i:BTS|DUT|CAP|BEP)\b|brevet de technicien"
            r"|technicien sup[eé]rieur|dipl[oô]me (?:de technicien|technique)"
            r"|formation (?:technique|professionnelle)"
        ),
        "bachelor": r"bac\s*\+\s*3\b",
        "master": (
            r"bac\s*\+\s*[45]\b|mast[eè]re|(?:dipl[oô]me de |niveau )ma[iî]trise"
            r"|(?<!bonne )(?<!parfaite )(?<!excellente )(?<!solide )(?<!grande )(?<!forte )"
            r"ma[iî]trise(?=\s+(?:en|ou|universitaire)\b|\s*(?:[,;:/().]|$))"
            r"|(?-i:DESS|DEA)\b|dipl[oô]me d['’]ing[eé]nieur"
            r"|dipl[oô]me universitaire (?:de niveau )?sup[eé]rieur"  # the UN's "advanced university degree"
        ),
        "doctorate": r"bac\s*\+\s*8\b|doctorat\b|dipl[oô]me de docteur",
    },
    "es": {
        "secondary": (
            r"bachillerato|bachiller\b(?!\s+universitari)|secundari[ao]s?\b|(?:educaci[oó]n|ense[nñ]anza) media"
            r"|preparatoria|(?:nivel )?medio superior"
        ),
        "technical": (
            r"(?-i:T[eé]cnic[oa])(?:\s+(?:en|o|y|superior|medio|profesional|a\s+nivel)\b"
            r"|(?=\s*(?:[,;/)]|$)))|t[eé]cnic[oa]s? (?:superior|medio)\b"
            r"|(?:t[ií]tulo|carrera|estudios|formaci[oó]n|nivel) (?:de )?t[eé]cnic[oa]s?\b"
            r"|tecn[oó]log[oa]s?\b|tecnicatura|t[eé]cnic[oa] universitari[oa]|egresad[oa]s? t[eé]cnic[oa]s?"
        ),
        "bachelor": r"licenciad[oa]s?\b|pregrado|ingenier[ií]a|bachiller universitari[oa]",
        "master": r"maestr[ií]a|m[aá]ster|mag[ií]ster|mag[ií]stra|post?-?grado",
        "doctorate": r"doctorado",
    },
}
# Words for a degree that name no level: a first degree.
_ENGLISH_GENERIC = (r"\bdegree\b|tertiary (?:qualification|education)|university (?:qualification|education|studies)"
                    r"|higher education|final year of stud(?:y|ies)")
_GENERIC = {
    "en": _ENGLISH_GENERIC,
    "fr": (
        _ENGLISH_GENERIC + r"|dipl[oô]me (?:universitaire|d['’][eé]tudes sup[eé]rieures|sup[eé]rieur"
        r"|de l['’]enseignement sup[eé]rieur)"
        r"|(?:[eé]tudes|formation) (?:universitaires?|sup[eé]rieures?)|grade universitaire"
    ),
    "es": (
        _ENGLISH_GENERIC + r"|\bgrado\b|t[ií]tulos? (?:universitario|profesional|acad[eé]mico|de grado)"
        r"|(?:estudios|formaci[oó]n|carrera) (?:universitari[ao]s?|superior(?:es)?)"
        r"|profesional (?:universitari[oa]|en)\b|estudiantes? universitari[oa]s?|reci[eé]n (?:graduad|egresad)[oa]s?"
    ),
}
# Read as no degree at all, before the English "licence" can take them.
_NOT_A_DEGREE = {"fr": r"(?!licen[cs]e\s+de\s+condui)"}


def _level_pattern(specific: dict[str, str], exclude: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-]){exclude}(?:"
        + "|".join(f"(?P<{level}>{p})" for level, p in specific.items())
        + ")",
        re.IGNORECASE,
    )


_LEVEL = {"en": _level_pattern(_SPECIFIC, "")} | {
    lang: _level_pattern(
        {level: f"{local[level]}|{p}" for level, p in _SPECIFIC.items()}, _NOT_A_DEGREE.get(lang, "")
    )
    for lang, local in _LOCAL_SPECIFIC.items()
}
_DEGREE = {lang: re.compile(pattern, re.IGNORECASE) for lang, pattern in _GENERIC.items()}


def education_level(text: str, lang: str = "en") -> str | None:
    """The level of the degree a requirement phrase names first; None when it names none.

    `lang` ("en", "fr", "es") adds the degrees of that language to the English ones.
    """
    match = _LEVEL[lang].search(text)
    if match:
        return match.lastgroup
    return "bachelor" if _DEGREE[lang].search(text) else None
