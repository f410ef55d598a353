"""The rule-based extractor: patterns and cue words over cleaned text.

It writes the silver pre-annotation that annotators correct, and it is the baseline every
trained pipeline must beat in the same evaluation run. It knows nothing a model could not
learn from the guidelines: no employer template is special-cased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, TypeVar

from ..labels import may_nest
from ..normalizers import (
    education_level,
    find_dates,
    find_grades,
    find_languages,
    infer_date_order,
    is_boilerplate_language_sentence,
    is_desirable,
    is_required,
    min_years,
    parse_date,
)

RULES_VERSION = "rules-v2"


@dataclass(frozen=True)
class Found:
    """A span found in cleaned text, with its normalised attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


_SENTENCE = re.compile(r"[^\n]+?(?:[.;!?](?=\s)|$)", re.MULTILINE)
# "to" / "until" / a dash close a period; they cue the deadline only in a period the posting
# date opens ("From 1 Nov to 15 Nov") or near words about the vacancy or the application
# ("Vacancy period: 1 - 15 Nov"), not in a mandate's or a mission's dates.
_PERIOD_END = re.compile(r"\bto\b\s*$|\buntil\b|\u2013\s*$|-\s*$", re.IGNORECASE)
_DEADLINE_CUE = re.compile(
    r"clos(?:ing|es?|ure)|deadline|apply (?:by|before|no later)|applications? (?:must|should|will)"
    r"|(?:last|final) date|expir|(?:submi(?:t|ssion)|send|appl(?:y|ication))[^.\n]{0,60}\b(?:by|before|latest on)\s*$"
    r"|no later than|posting end|end date|" + _PERIOD_END.pattern,
    re.IGNORECASE)
_ABOUT_APPLYING = re.compile(r"appl|vacan|post|open|submi|candida|period|publi|advert|recrui|concurso|convocatoria",
                             re.IGNORECASE)
_POSTED_CUE = re.compile(r"post(?:ed|ing)\b|publi(?:shed|cation)|opening date|date of (?:issue|issuance|posting)|date opened"
                         r"|issued?\b|\bfrom\b\s*$|start(?:ing)? date of (?:posting|advert)", re.IGNORECASE)
_LANGUAGE_CUE = re.compile(
    r"languages?|fluen|proficien|command of|knowledge of|working knowledge|written and (?:oral|spoken)"
    r"|spoken|speak|native|mother tongue|bilingual|ability to (?:read|write|communicate)"
    r"|\b(?:oral|written|writing|verbal)\b|communication skills|\blevel\b|excellent",
    re.IGNORECASE)
# A degree phrase: qualifiers, the degree, "(...)", "or equivalent / or higher", then the field
# ("in economics, law or a related field") up to the clause's end; without a field, the phrase
# ends after the degree wherever a non-word follows ("High school diploma or equivalent,").
_DEGREE_HEAD = (
    r"(?:(?:advanced|first[- ]level|second[- ]level|graduate|post-?graduate|higher|recognized|relevant"
    r"|accredited|undergraduate|university|college|academic)\s+)*"
    r"(?:(?:university|college|academic)\s+degree|degree(?!\s+of\b)|bachelor['’´]?s?(?:\s+(?:level\s+)?degree)?"
    r"|master['’´]?s?(?:\s+(?:level\s+)?degree)?|ph\.?\s?d\.?|doctorate|doctoral\s+degree|juris\s+doctor(?:ate)?"
    r"|mba|mph|msc|bsc|b\.?a\.?/b\.?s\.?|b\.?s\.?/b\.?a\.?|b\.a\.|m\.a\.|higher\s+education"
    r"|high\s+school(?:\s+(?:diploma|degree|certificate|education))?"
    r"|secondary\s+(?:school\s+)?(?:education|diploma|certificate)|school\s+diploma"
    r"|graduate\s+(?:school\s+)?(?:programme|program)|first\s+university\s+degree(?:\s+programme)?"
    r"|(?:technical|vocational)\s+(?:diploma|degree|certificate|training|qualification|school)|diploma"
    r"|apprenticeship)")
_DEGREE_STOP = (r"\s+(?:from|with|and\s+(?:at\s+least|a\s+minimum|\d)|plus|combined|or\s+equivalent\s+combination"
                r"|is|are|will|would|preferred|required|desirable|preferably)\b|[.;:\n(]|,\s+(?:with|and|plus|preferably)\b|$")
_DEGREE = re.compile(
    rf"(?:(?:an?|the)\s+)?{_DEGREE_HEAD}"
    r"(?:\s*\([^)]{0,80}\))?"
    r"(?:,?\s+(?:or\s+(?:its\s+)?(?:international\s+)?equivalent(?:\s+or\s+higher)?|or\s+higher|or\s+above))?"
    rf"(?:\s+(?:in|on|of)\s+[^.;:\n(]{{2,200}}?(?={_DEGREE_STOP})|(?={_DEGREE_STOP})|(?=[\s,/)–-]))",
    re.IGNORECASE)
_NUMBERS = (r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|several")
_NUMBER = f"(?:{_NUMBERS})"
_EXPERIENCE = re.compile(
    rf"(?:(?:an\s+)?(?:additional|further)\s+)?"
    rf"(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|up\s+to)\s+)?"
    rf"{_NUMBER}(?:\s*\(\d{{1,2}}\))?\s*\+?(?:\s*(?:-|–|to)\s*{_NUMBER}(?:\s*\(\d{{1,2}}\))?)?\s*\+?"
    rf"[\s-]*(?:(?:additional|further|more)\s+)?(?:years?(?:\(s\))?|yrs?|months?)['’]?(?:\s+(?:of\s+)?(?:[\w/-]+\s+){{0,5}}?)?experience",
    re.IGNORECASE)
_SKILL_FRAME = re.compile(
    r"(?:knowledge of|proficiency in|proficient in|experience (?:in|with)|expertise in|skills in|familiarity with"
    r"|competence in|ability to use)\s+([^.;:\n]{3,80}?)(?=[.;:\n]|,\s|\s+(?:and|is|are|would|will)\s|$)",
    re.IGNORECASE)
_QUALIFICATION_HEADING = re.compile(
    r"qualifications?|requirements?|skills|competenc|experience|education|profile|desirable|required"
    r"|what (?:you|we)|who you are|essential|languages?", re.IGNORECASE)


# French and Spanish cues, added to the English ones for notices in those languages (scheme v2;
# templates in English around a French or Spanish body are common).
_LOCAL_CUES = {
    "deadline": {
        "fr": r"date\s+limite|d[ée]lai\s+de\s+candidature|d[ée]publication|cl[oô]tur|au\s+plus\s+tard|avant\s+le|jusqu['’]au|d[ée]p[oô]t\s+des\s+candidatures",
        "es": r"fecha\s+(?:de\s+)?(?:cierre|l[ií]mite|vencimiento)|anulaci[oó]n\s+de\s+(?:la\s+)?publicaci[oó]n|plazo|hasta\s+el|cierre\s+de\s+(?:la\s+)?convocatoria",
    },
    "posted": {
        "fr": r"date\s+de\s+publication|publication\s+d['’]offre|publi[ée]e?\s+le|date\s+d['’]affichage|\bdu\b\s*$",
        "es": r"fecha\s+(?:de\s+)?publicaci[oó]n|publicad[oa]\s+el|\bdel\b\s*$|\bdesde\s+el\b",
    },
    "language": {
        "fr": r"langues?|ma[iî]trise|connaissance|parl[ée]|[ée]crit|courant|bilingue|anglophone|francophone",
        "es": r"idiomas?|lenguas?|dominio|conocimiento|habla|escrit|fluid|biling[uü]e|nativo",
    },
    "degree": {
        "fr": r"dipl[oô]me(?:\s+(?:universitaire|d['’][ée]tudes\s+sup[ée]rieures|d['’]ing[ée]nieur|technique))?"
              r"|licence|ma[iî]trise|master|doctorat|baccalaur[ée]at|bac\s*\+\s*\d|\bBTS\b|\bDUT\b|DESS|\bDEA\b"
              r"|(?:fin\s+d['’])?[ée]tudes\s+secondaires|enseignement\s+secondaire|dipl[oô]me\s+de\s+docteur",
        "es": r"t[ií]tulo\s+(?:universitario|profesional|de\s+\w+)|licenciatura|maestr[ií]a|m[aá]ster|mag[ií]ster"
              r"|doctorado|bachillerato|posgrado|postgrado|grado\s+(?:universitario|acad[ée]mico|en)|t[ée]cnico\s+(?:superior|en)"
              # Latin American wording: "Profesional en Psicología", "Bachiller", "Preparatoria"
              r"|(?<!experiencia )(?<!trayectoria )(?<!desarrollo )(?<!formación )(?<!carrera )(?<!ejercicio )"
              r"profesional(?=\s+(?:universitari[oa]|en)\b)(?:\s+universitari[oa])?|bachiller\b|preparatoria|nivel\s+medio\s+superior"
              r"|(?:educaci[oó]n\s+)?secundaria(?:\s+completa)?|formaci[oó]n\s+t[ée]cnica|carrera\s+t[ée]cnica"
              r"|tecn[oó]log[oa]|t[ée]cnico\s+(?:universitario|a\s+nivel\s+medio)|estudiantes?\s+universitari[oa]s?"
              r"|reci[ée]n\s+(?:graduad|egresad)[oa]s?|egresad[oa]s?\s+t[ée]cnic[oa]s?"
              r"|(?:estudios|formaci[oó]n)\s+(?:universitari[oa]s?|superior(?:es)?)|estudios\s+de\s+(?:licenciatura|maestr[ií]a|posgrado)",
    },
    "years": {
        "fr": r"(?:ans?|ann[ée]es?|mois)(?:\s+suppl[ée]mentaires?)?(?:\s+(?:d['’]|de\s+|minimum\s+d['’])\s*(?:[\w-]+\s+){0,3}?exp[ée]rience)",
        "es": r"(?:a[ñn]os?|mes(?:es)?)(?:\s+(?:de\s+)?(?:[\w-]+\s+){0,3}?experiencia)",
    },
    "number": {
        "fr": r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt",
        "es": r"uno?|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte",
    },
    "heading": {
        "fr": r"qualifications?|comp[ée]tences|profil|exigences|formation|exp[ée]rience|langues?|atouts?",
        "es": r"requisitos|calificaciones|competencias|perfil|formaci[oó]n|experiencia|idiomas?",
    },
}


_ANY = "any"  # date cues of every language at once: English templates wrap French dates


def _with_local(english: re.Pattern[str], kind: str) -> dict[str, re.Pattern[str]]:
    """The English pattern, per language the English one or that language's cues, and under
    `_ANY` all of them."""
    out = {"en": english}
    for lang, local in _LOCAL_CUES[kind].items():
        out[lang] = re.compile(f"(?:{english.pattern})|(?:{local})", english.flags)
    out[_ANY] = re.compile("|".join(f"(?:{p})" for p in (english.pattern, *_LOCAL_CUES[kind].values())),
                           english.flags)
    return out


# What may follow a French or Spanish degree word before its field: "de premier niveau",
# "supérieur", "de niveau supérieur", "a nivel avanzado", "completa".
_LOCAL_DEGREE_QUALIFIER = (
    r"(?:\s+(?:sup[ée]rieure?|avanc[ée]e?|universitaires?|de\s+(?:premier|deuxi[èe]me|second|troisi[èe]me)\s+"
    r"(?:niveau|cycle)(?:\s+universitaire)?|de\s+niveau\s+(?:sup[ée]rieur|avanc[ée]|master|licence)"
    r"|superior(?:es)?|avanzad[oa]|universitari[oa]s?|de\s+(?:primer|segundo)\s+nivel|completa?"
    r"|(?:a\s+)?nivel\s+(?:de\s+)?(?:licenciatura|maestr[ií]a|avanzado|superior)))*")


def _local_degree(lang: str) -> re.Pattern[str]:
    """A French or Spanish degree phrase: the degree, its qualifiers, "(Master ou équivalent)",
    "ou équivalent", then the field ("en économie, droit (ou domaine connexe)", "dans l'une
    des disciplines suivantes : ...") to the clause's end; without a field, the degree alone
    ("(avec Licence)", "Un doctorat constituerait un atout")."""
    degree = _LOCAL_CUES["degree"][lang]
    stop = (rf"\s+(?:ou|o|or)\s+(?:une?\s+|un\s+)?(?:{degree})|,?\s+(?:avec|et\s+(?:au\s+moins|\d)|con|y\s+(?:al\s+menos|\d)"
            rf"|au\s+moins|minimum|m[ií]nimo|al\s+menos)\b|[.;:\n]|$")
    field = (rf"\s+(?:en|de|dans|in)\s+(?:(?:suivant|siguient)e?s\s*:|\([^)\n]{{0,80}}\)|[^.;:\n()]){{2,200}}?"
             rf"(?={stop})")
    return re.compile(
        rf"(?:{degree}){_LOCAL_DEGREE_QUALIFIER}(?:\s*\([^)\n]{{0,80}}\))?"
        rf"(?:,?\s+(?:o|ou)\s+(?:(?:equivalente?|[ée]quivalent)(?:\s+(?:ou\s+sup[ée]rieur|o\s+superior))?"
        rf"|sup[ée]rieur|superior|plus))?"
        rf"(?:{field}|(?={stop})|(?=[\s,/)–-]))",
        re.IGNORECASE)


def _local_experience(lang: str) -> re.Pattern[str]:
    """Years then experience ("au moins cinq (5) ans d'expérience"), or experience then years
    ("Experiencia mínima de 2 años", "Expérience pertinente de 3 ans au moins")."""
    number = rf"(?:\d{{1,2}}|{_LOCAL_CUES['number'][lang]})"
    years_first = (
        rf"(?:(?:au\s+moins|minimum(?:\s+de)?|plus\s+de|al\s+menos|m[ií]nimo(?:\s+de)?|m[aá]s\s+de)\s+)?"
        rf"{number}(?:\s*\(\d{{1,2}}\))?(?:\s*(?:-|–|à|a)\s*{number}(?:\s*\(\d{{1,2}}\))?)?\s*\+?\s*"
        rf"{_LOCAL_CUES['years'][lang]}")
    experience_first = (
        rf"exp[ée]rienc(?:e|ia)\s+(?:[\w-]+\s+){{0,3}}?(?:de|d['’])\s*"
        rf"(?:(?:au\s+moins|plus\s+de|al\s+menos|m[aá]s\s+de)\s+)?{number}(?:\s*\(\d{{1,2}}\))?\s*"
        rf"(?:ans?|ann[ée]es?|a[ñn]os?)\b(?:\s+(?:au\s+moins|minimum|como\s+m[ií]nimo|m[ií]nimo))?")
    return re.compile(f"{years_first}|{experience_first}", re.IGNORECASE)


_DEADLINE_CUES = _with_local(_DEADLINE_CUE, "deadline")
_POSTED_CUES = _with_local(_POSTED_CUE, "posted")
_LANGUAGE_CUES = _with_local(_LANGUAGE_CUE, "language")
_HEADINGS = _with_local(_QUALIFICATION_HEADING, "heading")
_DEGREES = {"en": (_DEGREE,), **{lang: (_DEGREE, _local_degree(lang)) for lang in ("fr", "es")}}
_EXPERIENCES = {"en": (_EXPERIENCE,), **{lang: (_EXPERIENCE, _local_experience(lang)) for lang in ("fr", "es")}}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            yield match.span()


def _line_before(text: str, start: int, width: int = 80) -> str:
    """The text just before `start`, on this line and the line before (cue words live there)."""
    lo = max(0, start - width)
    return text[lo:start]


_PROBE = date(2000, 1, 1)  # resolves a year-less date only to tell whether it is one


def find_date_spans(text: str, reference: date | None, lang: str = "en") -> list[Found]:
    order = infer_date_order(text)
    found = []
    for start, end in find_dates(text, lang):
        before = _line_before(text, start)
        last_line = before.split("\n")[-1] if "\n" in before.strip("\n") else before
        cue_text = last_line if last_line.strip() else before
        parsed = parse_date(text[start:end], reference, order, lang)
        if parsed is None and (reference is not None or parse_date(text[start:end], _PROBE, order, lang) is None):
            continue  # no valid date; without a reference, a year-less one is kept unresolved
        iso = parsed.date.isoformat() if parsed else None
        deadline = _DEADLINE_CUES[_ANY].search(cue_text)
        opened = bool(found) and found[-1].label == "POSTED" and "\n" not in text[found[-1].end:start]
        if (deadline and _PERIOD_END.fullmatch(deadline.group()) and not opened
                and not _ABOUT_APPLYING.search(cue_text)):
            deadline = None
        posted = _POSTED_CUES[_ANY].search(cue_text)
        if deadline and (not posted or deadline.start() > posted.start() or deadline.end() >= posted.end()):
            found.append(Found(start, end, "DEADLINE", {
                "date": iso, "time": parsed and parsed.time, "timezone": parsed and parsed.timezone}))
        elif posted:
            found.append(Found(start, end, "POSTED", {"date": iso}))
    return found


def _heading_above(text: str, start: int, lookback: int = 4) -> str:
    """The nearest short line (up to four words) among the few non-empty lines above `start`:
    the heading a list sits under ("Desirable:", "Language (Desirable)"), or ''."""
    lines = [line for line in text[:text.rfind("\n", 0, start) + 1].split("\n") if line.strip()]
    for line in reversed(lines[-lookback:]):
        if len(line.split()) <= 4:
            return line
    return ""


def find_language_spans(text: str, lang: str = "en") -> list[Found]:
    """Languages in a sentence about languages, each required or desirable by its clause, or
    by the heading above when the clause says neither ("Desirable:\nFrench")."""
    found = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if not _LANGUAGE_CUES[lang].search(sentence) or is_boilerplate_language_sentence(sentence, lang):
            continue
        heading_desirable = is_desirable(_heading_above(text, s_start), lang)
        for start, end, language in find_languages(sentence, lang):
            clause = _clause_around(sentence, start, end)
            desirable = is_desirable(clause, lang) or (heading_desirable and not is_required(clause, lang))
            found.append(Found(s_start + start, s_start + end, "LANGUAGE",
                               {"code": language.code, "requirement": "desirable" if desirable else "required"}))
    return found


_CLAUSE_CUT = re.compile(
    r";|\bwhile\b|\bwhereas\b|,\s+(?:and|but)\b(?!/)|\.\s"  # ", and/or" joins, it does not cut
    r"|\band\s+(?=(?:an?|the|good|some|basic|working|knowledge|proficiency|fluency|ability)\b)", re.IGNORECASE)


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence that holds a span: cut at ';', 'while' / 'whereas', ', and',
    and an 'and' that opens a new requirement, so that "English is required; French is an
    asset" and "English is essential and a good knowledge of French is desirable" keep the two
    apart. A cut inside parentheses does not count: "(Arabic, Chinese, and Spanish) is
    desirable" is one clause."""
    inside = [False] * len(sentence)
    if "(" in sentence:  # most sentences have none
        depth = 0
        for i, char in enumerate(sentence):
            depth = depth + 1 if char == "(" else max(0, depth - 1) if char == ")" else depth
            inside[i] = depth > 0
    cuts = [0] + [m.end() for m in _CLAUSE_CUT.finditer(sentence) if not inside[m.start()]] + [len(sentence)]
    for lo, hi in zip(cuts, cuts[1:]):
        if lo <= start and end <= hi:
            return sentence[lo:hi]
    return sentence


# A grade in a clause about someone else's post: a supervisor ("reports to the Liaison Officer
# (P-4)"), the staff rules ("staff members ... up to and including the D-2 level"), a policy
# number ("Protection Policy (P4)"). The position's own grade is stated elsewhere.
_OTHER_POST = re.compile(
    r"up\s+to\s+and\s+including|staff\s+members\b|staff\s+member\s+who|reports?\s+(?:directly\s+)?to|reporting\s+(?:directly\s+)?to"
    r"|supervision\s+of|supervised\s+by|direction\s+of|guidance\s+of|an\s+SPA\s+to|holds?\s+an\s+appointment"
    r"|for\s+levels|polic(?:y|ies)\s*\(\s*$"
    r"|sous\s+la\s+(?:supervision|direction|responsabilit[ée])|bajo\s+la\s+(?:supervisi[oó]n|direcci[oó]n)",
    re.IGNORECASE)


def find_grade_spans(text: str, lang: str = "en") -> list[Found]:
    """The grades `find_grades` finds, less those in a clause about another post."""
    found = []
    for start, end, code in find_grades(text, lang):
        sentence_start = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "; ")))
        if not _OTHER_POST.search(text[max(sentence_start + 1, start - 120):start]):
            found.append(Found(start, end, "GRADE", {"code": code}))
    return found


def find_education_spans(text: str, lang: str = "en") -> list[Found]:
    found = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if not _DEGREE_WORDS[lang].search(sentence):
            continue
        matches = [m for pattern in _DEGREES[lang] for m in pattern.finditer(sentence)]
        for match in matches:
            phrase = match.group().strip(" ,")
            level = education_level(phrase, lang)
            if level is None or len(phrase) < 3:
                continue
            lead = len(match.group()) - len(match.group().lstrip(" ,"))
            start = s_start + match.start() + lead
            phrase = re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.IGNORECASE)
            start = s_start + match.start() + lead + (len(match.group().strip(" ,")) - len(phrase))
            found.append(Found(start, start + len(phrase), "EDUCATION", {
                "level": level,
                "required": not is_desirable(_clause_around(sentence, match.start(), match.end()), lang)}))
    return found


def _bare_years(lang: str) -> re.Pattern[str]:
    """A duration without the word experience ("a minimum of 10 years", "cinq (5) ans")."""
    number = _NUMBER if lang == "en" else rf"(?:{_LOCAL_CUES['number'][lang]}|{_NUMBERS})"
    units = {"en": r"years?|yrs?", "fr": r"ans?|ann[ée]es?", "es": r"a[ñn]os?"}[lang]
    return re.compile(
        rf"(?<![\w-])(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|au\s+moins|minimum\s+de|al\s+menos"
        rf"|m[ií]nimo(?:\s+de)?|por\s+lo\s+menos)\s+)?\(?{number}\)?(?:\s*\(\d{{1,2}}\))?\s*\+?\s*(?:{units})\b",
        re.IGNORECASE)


_BARE_YEARS = {lang: _bare_years(lang) for lang in ("en", "fr", "es")}
# Cheap tests that skip a sentence before the costly patterns run: no duration unit, no years
# phrase; no degree word, no degree phrase.
_DURATION_WORD = re.compile(r"year|yr|month|\bans\b|ann[ée]e|mois|a[ñn]o|mes(?:es)?\b", re.IGNORECASE)
_DEGREE_WORD = re.compile(
    r"degree|bachelor|master|ph\.?\s?d|doctor|mba|mph|msc|bsc|b\.?[as]\.?|m\.a\.|school|secondary|diploma|education"
    r"|vocational|technical|apprentice|graduate|dipl[oô]me|licen|ma[iî]trise|bac|doctorat|dess|dea|bts|dut|t[ií]tulo"
    r"|maestr|m[aá]ster|mag[ií]ster|posgrado|postgrado|grado|t[ée]cnic|formaci|[ée]tudes|estudios|carrera",
    re.IGNORECASE)
# In French and Spanish, also any word a local degree phrase starts with (`_LOCAL_CUES`).
_DEGREE_WORDS = _with_local(_DEGREE_WORD, "degree")
_EXPERIENCE_WORD = re.compile(r"exp[ée]rien", re.IGNORECASE)


def find_experience_spans(text: str, lang: str = "en") -> list[Found]:
    """Years-of-experience phrases; in a sentence about experience, a bare duration too."""
    found = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if not _DURATION_WORD.search(sentence):
            continue
        matches = [m for pattern in _EXPERIENCES[lang] for m in pattern.finditer(sentence)]
        if _EXPERIENCE_WORD.search(sentence):
            matches += [m for m in _BARE_YEARS[lang].finditer(sentence)
                        if not any(m.start() < k.end() and k.start() < m.end() for k in matches)]
        for match in matches:
            clause = _clause_around(sentence, match.start(), match.end())
            found.append(Found(s_start + match.start(), s_start + match.end(), "EXPERIENCE", {
                "years": min_years(match.group(), lang), "required": not is_desirable(clause, lang)}))
    return found


def _qualification_lines(text: str, lang: str = "en") -> Iterator[tuple[int, int]]:
    """Lines from the first qualification-like heading on (duties come before it)."""
    heading = None
    for match in re.finditer(r"^[^\n]{0,60}$", text, re.MULTILINE):
        if _HEADINGS[lang].search(match.group()) and len(match.group().split()) <= 6:
            heading = match.start()
            break
    if heading is None:
        return
    for match in re.finditer(r"[^\n]+", text[heading:]):
        yield heading + match.start(), heading + match.end()


def find_skill_spans(text: str, lang: str = "en") -> list[Found]:
    found = []
    for l_start, l_end in _qualification_lines(text, lang):
        line = text[l_start:l_end]
        for match in _SKILL_FRAME.finditer(line):
            skill = match.group(1).strip(" ,")
            if not skill or find_languages(skill, lang) or len(skill.split()) > 8:
                continue
            start = l_start + match.start(1)
            found.append(Found(start, start + len(skill), "SKILL", {"required": not is_desirable(line, lang)}))
    return found


_Spanned = TypeVar("_Spanned")  # anything with start, end and label: Found, corpus Span


def drop_overlaps(spans: Iterable[_Spanned],
                  priority: Callable[[Any], Any] = lambda s: (-(s.end - s.start), s.start)) -> list[_Spanned]:
    """Keep the scheme's overlap rule on spans with start, end and label: the first by
    `priority` (default: longer first) wins; a SKILL may sit inside EDUCATION/EXPERIENCE."""
    kept: list = []
    for span in sorted(spans, key=priority):
        clash = any(span.start < k.end and k.start < span.end and not (
            may_nest(k.label, span.label) and k.start <= span.start and span.end <= k.end)
            for k in kept)
        if not clash:
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))


def _found(text: str, reference: date | None, lang: str) -> list[Found]:
    """Every finder's spans, overlaps and all."""
    return (find_grade_spans(text, lang) + find_date_spans(text, reference, lang) + find_language_spans(text, lang)
            + find_education_spans(text, lang) + find_experience_spans(text, lang) + find_skill_spans(text, lang))


def extract(text: str, reference: date | None = None, lang: str = "en") -> list[Found]:
    """Every span the rules find in a cleaned text written in `lang` (en, fr or es)."""
    return drop_overlaps(_found(text, reference, lang))


@lru_cache(maxsize=256)
def extract_shared(text: str, lang: str = "en") -> tuple[Found, ...]:
    """`extract` without a reference date, memoised: the v1 span suggester and record builder
    both run the rules on the same notice, and dates are resolved later by the record."""
    return tuple(extract(text, lang=lang))


# Kinds of candidate that no rule decided on: a classifier decides what they are.
UNDECIDED_DATE = "DATE"
UNDECIDED_LANGUAGE = "LANGUAGE_MENTION"
UNDECIDED_GRADE = "GRADE_MENTION"


def candidates(text: str, lang: str = "en", grade_mentions: bool = False) -> list[Found]:
    """High-recall candidates for a trained classifier: every span `extract` finds (with its
    rule decision as the label), the spans its overlap rule dropped, and every date and
    language name it left out (a date without a cue, a language in a sentence the rules call
    boilerplate). With `grade_mentions`, also every grade spelling the rules left out (a bare
    "G6" without a cue, a grade in a clause about another post). Overlaps are kept: the
    classifier sees each reading."""
    spans = _found(text, None, lang)
    kept = drop_overlaps(spans)
    found, seen = list(kept), {(f.start, f.end) for f in kept}
    extra = spans + [Found(s, e, UNDECIDED_DATE) for s, e in find_dates(text, lang)]
    extra += [Found(s, e, UNDECIDED_LANGUAGE) for s, e, _ in find_languages(text, lang)]
    if grade_mentions:
        extra += [Found(s, e, UNDECIDED_GRADE) for s, e, _ in find_grades(text, lang, cued=False)]
    for span in extra:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            found.append(span)
    return sorted(found, key=lambda f: (f.start, f.end))
