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
    min_years,
    parse_date,
)

RULES_VERSION = "rules-v1"


@dataclass(frozen=True)
class Found:
    """A span found in cleaned text, with its normalised attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


_SENTENCE = re.compile(r"[^\n]+?(?:[.;!?](?=\s)|$)", re.MULTILINE)
_DEADLINE_CUE = re.compile(
    r"clos(?:ing|es?|ure)|deadline|apply (?:by|before|no later)|applications? (?:must|should|will)"
    r"|(?:last|final) date|expir|submi(?:t|ssion)[^.\n]{0,40}(?:by|before)|\bto\b\s*$|\buntil\b|\u2013\s*$|-\s*$",
    re.IGNORECASE)
_POSTED_CUE = re.compile(r"post(?:ed|ing date)|publi(?:shed|cation)|opening date|date of (?:issue|posting)"
                         r"|issued?\b|\bfrom\b\s*$|start(?:ing)? date of (?:posting|advert)", re.IGNORECASE)
_LANGUAGE_CUE = re.compile(
    r"languages?|fluen|proficien|command of|knowledge of|working knowledge|written and (?:oral|spoken)"
    r"|spoken|speak|native|mother tongue|bilingual|ability to (?:read|write|communicate)",
    re.IGNORECASE)
_DEGREE = re.compile(
    r"(?:(?:an?|the)\s+)?(?:(?:advanced|first[- ]level|graduate|post-?graduate|higher|recognized|relevant)\s+)*"
    r"(?:university\s+degree|degree|bachelor['’]?s?(?:\s+degree)?|master['’]?s?(?:\s+degree)?|ph\.?\s?d\.?"
    r"|doctorate|doctoral\s+degree|mba|mph|msc|bsc|b\.a\.|m\.a\.|high\s+school(?:\s+(?:diploma|degree|certificate))?"
    r"|secondary\s+(?:school\s+)?(?:education|diploma|certificate)|school\s+diploma"
    r"|(?:technical|vocational)\s+(?:diploma|degree|certificate|training|qualification)|diploma)"
    r"(?:\s*\([^)]{0,60}\))?"
    r"(?:\s+(?:in|on|of)\s+[^.;:\n(]{2,160}?)?"
    r"(?=\s+(?:from|with|and\s+(?:at\s+least|a\s+minimum|\d)|plus|combined|or\s+equivalent\s+combination)\b|[.;:\n(]|,\s+(?:with|and|plus)\b|$)",
    re.IGNORECASE)
_NUMBER = (r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
           r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|several)")
_EXPERIENCE = re.compile(
    rf"(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|up\s+to)\s+)?"
    rf"{_NUMBER}(?:\s*\(\d{{1,2}}\))?\s*\+?(?:\s*(?:-|–|to)\s*{_NUMBER}(?:\s*\(\d{{1,2}}\))?)?\s*\+?"
    rf"[\s-]*(?:years?|yrs?|months?)['’]?(?:\s+(?:of\s+)?(?:[\w/-]+\s+){{0,5}}?)?experience",
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
        "fr": r"date\s+limite|cl[oô]tur|au\s+plus\s+tard|avant\s+le|jusqu['’]au|d[ée]p[oô]t\s+des\s+candidatures",
        "es": r"fecha\s+(?:de\s+)?(?:cierre|l[ií]mite|vencimiento)|plazo|hasta\s+el|cierre\s+de\s+(?:la\s+)?convocatoria",
    },
    "posted": {
        "fr": r"date\s+de\s+publication|publi[ée]e?\s+le|date\s+d['’]affichage|\bdu\b\s*$",
        "es": r"fecha\s+de\s+publicaci[oó]n|publicad[oa]\s+el|\bdel\b\s*$|\bdesde\s+el\b",
    },
    "language": {
        "fr": r"langues?|ma[iî]trise|connaissance|parl[ée]|[ée]crit|courant|bilingue|anglophone|francophone",
        "es": r"idiomas?|lenguas?|dominio|conocimiento|habla|escrit|fluid|biling[uü]e|nativo",
    },
    "degree": {
        "fr": r"dipl[oô]me(?:\s+(?:universitaire|d['’][ée]tudes\s+sup[ée]rieures|d['’]ing[ée]nieur|technique))?"
              r"|licence|ma[iî]trise|master|doctorat|baccalaur[ée]at|bac\s*\+\s*\d|\bBTS\b|\bDUT\b|DESS|\bDEA\b",
        "es": r"t[ií]tulo\s+(?:universitario|profesional|de\s+\w+)|licenciatura|maestr[ií]a|m[aá]ster|mag[ií]ster"
              r"|doctorado|bachillerato|posgrado|postgrado|grado\s+(?:universitario|acad[ée]mico|en)|t[ée]cnico\s+(?:superior|en)",
    },
    "years": {
        "fr": r"(?:ans|ann[ée]es|mois)(?:\s+(?:d['’]|de\s+|minimum\s+d['’])\s*(?:[\w-]+\s+){0,3}?exp[ée]rience)",
        "es": r"(?:a[ñn]os|meses)(?:\s+(?:de\s+)?(?:[\w-]+\s+){0,3}?experiencia)",
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


def _with_local(english: re.Pattern[str], kind: str) -> dict[str, re.Pattern[str]]:
    """The English pattern, and per language the English one or that language's cues."""
    out = {"en": english}
    for lang, local in _LOCAL_CUES[kind].items():
        out[lang] = re.compile(f"(?:{english.pattern})|(?:{local})", english.flags)
    return out


def _local_degree(lang: str) -> re.Pattern[str]:
    degree = _LOCAL_CUES["degree"][lang]
    stop = (rf"\s+(?:ou|o|or)\s+(?:une?\s+|un\s+)?(?:{degree})|,?\s+(?:avec|et\s+(?:au\s+moins|\d)|con|y\s+(?:al\s+menos|\d)"
            rf"|au\s+moins|minimum|m[ií]nimo|al\s+menos)\b|[.;:\n(]|$")
    return re.compile(
        rf"(?:{degree})(?:\s*\([^)]{{0,60}}\))?(?:\s+(?:en|de|dans|in)\s+[^.;:\n(]{{2,160}}?)?(?={stop})",
        re.IGNORECASE)


def _local_experience(lang: str) -> re.Pattern[str]:
    number = rf"(?:\d{{1,2}}|{_LOCAL_CUES['number'][lang]})"
    return re.compile(
        rf"(?:(?:au\s+moins|minimum(?:\s+de)?|plus\s+de|al\s+menos|m[ií]nimo(?:\s+de)?|m[aá]s\s+de)\s+)?"
        rf"{number}(?:\s*\(\d{{1,2}}\))?(?:\s*(?:-|–|à|a)\s*{number}(?:\s*\(\d{{1,2}}\))?)?\s*\+?\s*"
        rf"{_LOCAL_CUES['years'][lang]}",
        re.IGNORECASE)


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
        deadline = _DEADLINE_CUES[lang].search(cue_text)
        posted = _POSTED_CUES[lang].search(cue_text)
        if deadline and (not posted or deadline.start() > posted.start()):
            found.append(Found(start, end, "DEADLINE", {
                "date": iso, "time": parsed and parsed.time, "timezone": parsed and parsed.timezone}))
        elif posted:
            found.append(Found(start, end, "POSTED", {"date": iso}))
    return found


def find_language_spans(text: str, lang: str = "en") -> list[Found]:
    found = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if not _LANGUAGE_CUES[lang].search(sentence) or is_boilerplate_language_sentence(sentence, lang):
            continue
        for start, end, language in find_languages(sentence, lang):
            clause = _clause_around(sentence, start, end)
            requirement = "desirable" if is_desirable(clause, lang) else "required"
            found.append(Found(s_start + start, s_start + end, "LANGUAGE",
                               {"code": language.code, "requirement": requirement}))
    return found


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence that holds a span: cut at ';' and at 'while' / 'whereas' /
    ', and' so that "English is required; French is an asset" keeps the two apart."""
    cuts = [0] + [m.end() for m in re.finditer(r";|\bwhile\b|\bwhereas\b|,\s+(?:and|but)\b|\.\s", sentence)] \
        + [len(sentence)]
    for lo, hi in zip(cuts, cuts[1:]):
        if lo <= start and end <= hi:
            return sentence[lo:hi]
    return sentence


def find_education_spans(text: str, lang: str = "en") -> list[Found]:
    found = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        matches = [m for pattern in _DEGREES[lang] for m in pattern.finditer(sentence)]
        for match in matches:
            phrase = match.group().strip(" ,")
            level = education_level(phrase, lang)
            if level is None or len(phrase) < 4:
                continue
            lead = len(match.group()) - len(match.group().lstrip(" ,"))
            start = s_start + match.start() + lead
            phrase = re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.IGNORECASE)
            start = s_start + match.start() + lead + (len(match.group().strip(" ,")) - len(phrase))
            found.append(Found(start, start + len(phrase), "EDUCATION", {
                "level": level,
                "required": not is_desirable(_clause_around(sentence, match.start(), match.end()), lang)}))
    return found


def find_experience_spans(text: str, lang: str = "en") -> list[Found]:
    found = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        for match in (m for pattern in _EXPERIENCES[lang] for m in pattern.finditer(sentence)):
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


def extract(text: str, reference: date | None = None, lang: str = "en") -> list[Found]:
    """Every span the rules find in a cleaned text written in `lang` (en, fr or es)."""
    spans = [Found(s, e, "GRADE", {"code": code}) for s, e, code in find_grades(text, lang)]
    spans += find_date_spans(text, reference, lang)
    spans += find_language_spans(text, lang)
    spans += find_education_spans(text, lang)
    spans += find_experience_spans(text, lang)
    spans += find_skill_spans(text, lang)
    return drop_overlaps(spans)


@lru_cache(maxsize=256)
def extract_shared(text: str, lang: str = "en") -> tuple[Found, ...]:
    """`extract` without a reference date, memoised: the v1 span suggester and record builder
    both run the rules on the same notice, and dates are resolved later by the record."""
    return tuple(extract(text, lang=lang))


# Kinds of candidate that no rule decided on: a classifier decides what they are.
UNDECIDED_DATE = "DATE"
UNDECIDED_LANGUAGE = "LANGUAGE_MENTION"


def candidates(text: str, lang: str = "en") -> list[Found]:
    """High-recall candidates for a trained classifier: every span `extract` finds (with its
    rule decision as the label), plus every date, language name, degree phrase and years
    phrase it left out (a date without a cue, a language in a sentence the rules call
    boilerplate). Overlaps are kept: the classifier sees each reading."""
    found = list(extract(text, lang=lang))
    seen = {(f.start, f.end) for f in found}
    extra = [Found(s, e, UNDECIDED_DATE) for s, e in find_dates(text, lang)]
    extra += [Found(s, e, UNDECIDED_LANGUAGE) for s, e, _ in find_languages(text, lang)]
    extra += find_education_spans(text, lang) + find_experience_spans(text, lang)
    for span in extra:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            found.append(span)
    return sorted(found, key=lambda f: (f.start, f.end))
