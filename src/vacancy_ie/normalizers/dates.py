"""Dates of postings and deadlines: find the expressions, read them into date, time and zone.

One pattern per language (`_PATTERNS[lang].date`) decides what a date expression is, for
finding and parsing alike, so "2 days", "24 months", "2024" or "3-5" never reach dateparser,
which would read some of them. dateparser then reads the matched date only, with English (and
the notice's language), an explicit day/month order and only its absolute parsers. Its traps are handled here: it turns "CET" into an offset and
"midnight" into 00:00, so time and zone are read by our own patterns ("midnight" is 23:59 of
the stated day, as the guidelines say); and it resolves a missing year relative to today, so
year-less dates take their year from the caller's reference date instead.

French and Spanish notices (`lang="fr"`, `"es"`) get their own patterns on top of the English
ones, which bilingual notices use: lowercase month and weekday names in any case, with or
without accents, always day first ("1er décembre", "15 de noviembre del 2024"), times such as
"23h59", "minuit" or "medianoche" (23:59 too) and zones such as "heure de Paris". The English
patterns stay as they are: "mars" or "mayo" must not become dates in English text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

DateOrder = Literal["DMY", "MDY"]


@dataclass(frozen=True)
class ParsedDate:
    date: date
    time: str | None  # "HH:MM", 24 h
    timezone: str | None  # as stated, short form: "CET", "GMT+4", "Abu Dhabi", "local time"


_FULL_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_MONTH = (
    rf"(?<![A-Za-z])(?=[A-Z])(?i:{_FULL_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
    r"(?![A-Za-z])(?:\.(?=[ \t]*[\d,]))?"  # an abbreviation's dot, never a full stop
)
_WEEKDAY = (
    r"(?<![A-Za-z])(?=[A-Z])(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues|tue|wed|thurs|thu|fri|sat|sun)(?![A-Za-z])\.?,?[ \t]+"
)
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:[ \t]?(?:st|nd|rd|th)(?![A-Za-z]))?(?![\d:])"  # "8 th" too
# Month names in lower case, read only between a day and a year ("25 november 2024"): alone,
# "may" and "march" are words.
_LOWER_MONTH = rf"(?<![A-Za-z])(?:{_FULL_MONTHS})(?![A-Za-z])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_NUMERIC = (
    r"(?<![\d./-])(?:\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}(?P<isosep>[-/])\d{1,2}(?P=isosep)\d{1,2})(?![\d]|[./-]\d)"
)
_ENGLISH_DATE = (
    rf"{_NUMERIC}"
    rf"|{_DAY}(?:[ \t]+of)?(?:[ \t]+|-){_MONTH}(?:(?:[ \t]*,[ \t]*|[ \t]+|-)(?P<year1>{_YEAR}))?"
    rf"|{_MONTH}[ \t]+{_DAY}(?:(?:[ \t]*,[ \t]*|[ \t]+)(?P<year2>{_YEAR}))?"
    rf"|{_DAY}/{_MONTH}/(?P<year4>{_YEAR})"  # 06/Nov/2024, as job-board software writes it
    rf"|{_DAY}[ \t]+{_LOWER_MONTH}[ \t]+(?P<year5>{_YEAR})"
)
_DATE_CORE = rf"(?:{_WEEKDAY})?(?P<core>{_ENGLISH_DATE})"
_TIME = (
    r"(?:(?i:midnight|noon|midday)"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d(?::[0-5]\d)?)?[ \t]*(?i:[ap]\.?m\.?)(?![A-Za-z])"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?(?![\d:]))"  # "22:59:00" too
)
_HOURS = r"(?:[ \t]*(?i:hrs|hours|h)\b\.?)?"
_ABBREVIATIONS = (
    "UTC GMT CET CEST EET EEST WET WEST BST IST EAT CAT WAT SAST MSK AST ADT EST EDT CST CDT "
    "MST MDT PST PDT GST PKT NPT ICT WIB PHT HKT SGT MYT JST KST AEST AEDT NZST NZDT AFT IRST "
    "TRT AMT AZT GET UZT ALMT BDT MMT"
)
_PLACE_WORD = r"(?!(?:Midnight|Noon|Midday)\b)[A-Z][a-z]+"
_ZONE = (
    r"(?:(?:UTC|GMT)[ \t]*[+\-−][ \t]*\d{1,2}(?::?\d{2})?(?![\d:])"
    rf"|\b(?:{'|'.join(_ABBREVIATIONS.split())})\b"
    r"|\b[Ll]ocal[ \t]+time\b"
    rf"|{_PLACE_WORD}(?:[ \t-]{_PLACE_WORD}){{0,2}}[ \t]+(?:time\b|Time\b))"
)
_AT = r"(?:[ \t]*,)?[ \t]*(?:(?:at|by|before)[ \t]+)?"
_ATTACHED = (
    rf"(?:[ \t]*\([ \t]*(?:{_TIME}{_HOURS}(?:[ \t]*,?[ \t]*{_ZONE})?|{_ZONE})[ \t]*\)"
    rf"|{_AT}{_TIME}{_HOURS}(?:[ \t]*,?[ \t]*(?:\([ \t]*{_ZONE}[ \t]*\)|{_ZONE}))?)"
)


@dataclass(frozen=True)
class _Forms:
    """How a language other than English writes dates and times (alternatives, no groups)."""

    months: str
    words: str  # abbreviations that are also words ("sept" is seven): only before a year
    weekdays: str
    day_suffix: str  # "1er", "1º"
    of: str  # between day and month ("15 de noviembre")
    year_of: str  # between month and year ("de 2024", "del 2024")
    word_times: dict[str, str]
    clock: str  # times the English pattern lacks ("23 h 59", "17h")
    hours: str
    at: str
    zone_word: str  # "heure de Paris", "hora local"
    local: str  # its word for local time


_FORMS = {
    "fr": _Forms(
        months="janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
        "|novembre|décembre|decembre|janv|févr|fevr|fév|fev|avr|juil|oct|nov|déc|dec",
        words="sept",
        weekdays="lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
        day_suffix="er", of="", year_of="",
        word_times={"minuit": "23:59", "midi": "12:00"},
        clock=r"(?<![\d.:])(?:[01]?\d|2[0-3])[ \t]?(?:[hH](?:[ \t]?[0-5]\d)?(?![\w:])|heures?\b)",
        hours="heures", at=r"à|a|avant|jusqu['’]à", zone_word="heure", local="locale",
    ),
    "es": _Forms(
        months="enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
        "|noviembre|diciembre|ene|feb|abr|may|jun|jul|ago|sept|sep|oct|nov|dic",
        words="mar",
        weekdays="lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo",
        day_suffix="[º°]", of=r"(?:[ \t]+de)?", year_of=r"(?:del?[ \t]+)?",
        word_times={"medianoche": "23:59", "mediodía": "12:00", "mediodia": "12:00"},
        clock=r"(?<![\d.:])(?:[01]?\d|2[0-3])[hH][0-5]\d(?![\d:])",
        hours="horas|hs", at=r"(?:a|antes[ \t]+de|hasta)(?:[ \t]+las?)?",
        zone_word="hora", local="local",
    ),
}
_LOCAL_PLACE_WORD = r"(?-i:[A-ZÀ-Þ][a-zß-ÿ]+)"


@dataclass(frozen=True)
class _Patterns:
    date: re.Pattern[str]
    date_with_time: re.Pattern[str]
    time: re.Pattern[str]
    zone: re.Pattern[str]


def _local_patterns(forms: _Forms) -> _Patterns:
    month = (
        rf"\b(?:{forms.months}|(?:{forms.words})(?=\.?[ \t,-]+{forms.year_of}{_YEAR}))\b"
        rf"(?:\.(?=[ \t,]*{forms.year_of}\d))?"  # "sept. 2024", "mar. de 2025"
    )
    day = rf"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:{forms.day_suffix})?(?![\d:])"
    weekday = rf"(?:{_WEEKDAY}|\b(?i:{forms.weekdays})\b,?[ \t]+)"
    core = (
        rf"(?:{weekday})?(?P<core>{_ENGLISH_DATE}"
        rf"|(?i:{day}{forms.of}[ \t]+{month}"
        rf"(?:(?:[ \t]*,[ \t]*|[ \t]+{forms.year_of}|-)(?P<year3>{_YEAR}))?)"
        rf"|(?i:{day}/(?:{forms.months})\.?/(?P<year6>{_YEAR})))"  # 08/nov./2024, job-board software
    )
    time = rf"(?:{_TIME}|(?i:\b(?:{'|'.join(forms.word_times)})\b)|{forms.clock})"
    hours = rf"(?:[ \t]*(?i:hrs|hours|h|{forms.hours})\b\.?)?"
    zone = (
        rf"(?:{_ZONE}|(?i:\b{forms.zone_word}[ \t]+{forms.local}\b"
        rf"|\b{forms.zone_word}[ \t]+(?:de[ \t]+|del[ \t]+|d['’])"
        rf"{_LOCAL_PLACE_WORD}(?:[ \t-]{_LOCAL_PLACE_WORD}){{0,2}}))"
    )
    at = rf"(?:[ \t]*,)?[ \t]*(?:(?:at|by|before|(?i:{forms.at}))[ \t]+)?"
    attached = (
        rf"(?:[ \t]*\([ \t]*(?:{time}{hours}(?:[ \t]*,?[ \t]*{zone})?|{zone})[ \t]*\)"
        rf"|{at}{time}{hours}(?:[ \t]*,?[ \t]*(?:\([ \t]*{zone}[ \t]*\)|{zone}))?)"
    )
    return _Patterns(
        date=re.compile(core),
        date_with_time=re.compile(rf"{core}(?:{attached})?"),
        time=re.compile(rf"(?P<time>{time}){hours}"),
        zone=re.compile(rf"(?P<zone>{zone})"),
    )


_PATTERNS = {
    "en": _Patterns(
        date=re.compile(_DATE_CORE),
        date_with_time=re.compile(rf"{_DATE_CORE}(?:{_ATTACHED})?"),
        time=re.compile(rf"(?P<time>{_TIME}){_HOURS}"),
        zone=re.compile(rf"(?P<zone>{_ZONE})"),
    ),
} | {lang: _local_patterns(forms) for lang, forms in _FORMS.items()}
_LOCAL_ZONE_NAME = re.compile(
    r"(?:heure|hora)[ \t]+(?:(?:(?:de|del)[ \t]+|d['’])(?P<place>.+)|locale?)", re.IGNORECASE
)
_NUMERIC_RE = re.compile(
    r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d]|[./-]\d)"
)
# Words that make "... Time" the name of a zone ("Central European Time"), not a place.
_ZONE_WORDS = frozenset(
    "Standard Daylight Summer Mean Universal European Africa African Eastern Central Western "
    "Pacific Mountain Atlantic Arabia Arabian Gulf Indochina".split()
)
_WORD_TIMES = {"midnight": "23:59", "noon": "12:00", "midday": "12:00"} | {
    word: time for forms in _FORMS.values() for word, time in forms.word_times.items()
}


@lru_cache(maxsize=6)
def _parser(order: DateOrder, lang: str) -> DateDataParser:
    return DateDataParser(
        languages=[lang] if lang == "en" else [lang, "en"],
        settings={
            "DATE_ORDER": order,
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month"],
        },
    )


def _read_time(text: str, lang: str) -> str | None:
    match = _PATTERNS[lang].time.search(text)
    if not match:
        return None
    raw = match["time"].lower()
    if raw in _WORD_TIMES:
        return _WORD_TIMES[raw]
    hour_minute = re.match(r"(\d{1,2})(?:[ \t]*[:.h][ \t]*(\d{2}))?", raw)
    hour, minute = int(hour_minute[1]), int(hour_minute[2] or 0)
    meridiem = re.search(r"([ap])\.?m", raw)
    if meridiem:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if meridiem[1] == "p" else 0)
    return f"{hour:02d}:{minute:02d}"


def _zone_name(stated: str, lang: str) -> str:
    zone = " ".join(stated.replace("−", "-").split())
    local = _LOCAL_ZONE_NAME.fullmatch(zone) if lang != "en" else None
    if local:  # "heure de Paris" names a place, "hora local" is local time
        return local["place"] or "local time"
    if re.match(r"(?:UTC|GMT)\s*[+-]", zone):
        return zone.replace(" ", "")
    if zone.lower() == "local time":
        return "local time"
    words = zone.split()
    if words[-1].lower() == "time" and words[-2] not in _ZONE_WORDS:
        return " ".join(words[:-1])  # "Abu Dhabi time" names a place: keep the place
    return zone


def _is_valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _next_occurrence(month: int, day: int, reference: date) -> date | None:
    """The first `day` of `month` on or after `reference` (a 29 February may be up to eight
    years on), or None when there is none before the calendar ends (year 9999)."""
    for year in range(reference.year, min(reference.year + 9, date.max.year + 1)):
        if _is_valid(year, month, day) and date(year, month, day) >= reference:
            return date(year, month, day)
    return None


def parse_date(
    text: str, reference: date | None = None, order: DateOrder | None = None, lang: str = "en"
) -> ParsedDate | None:
    """Read the first date expression in `text`, with the time and zone stated around it.

    `order` settles numeric dates that read both ways ("07.06.2026"); day-first when None,
    as in UN notices. A numeric date valid in one order only is read that way whatever
    `order` says. A year-less date takes the first such day on or after `reference`, and
    gives None without one. `lang` ("en", "fr", "es") adds that language's forms.
    """
    patterns = _PATTERNS[lang]
    match = patterns.date.search(text)
    if not match:
        return None
    core = match["core"].replace("º", "").replace("°", "")  # dateparser knows "1er", not "1º"
    parsed = _parser(order or "DMY", lang).get_date_data(core).date_obj
    if parsed is None:
        return None
    day = parsed.date()
    groups = match.groupdict()
    stated_year = groups.get("year3") or groups.get("year6") or match["year4"] or match["year5"]
    if not (match["sep"] or match["isosep"] or match["year1"] or match["year2"] or stated_year):
        if reference is None:
            return None
        day = _next_occurrence(day.month, day.day, reference)
        if day is None:
            return None
    rest = f"{text[:match.start()]} {text[match.end():]}"
    zone = patterns.zone.search(rest)
    if zone:
        rest = f"{rest[:zone.start()]} {rest[zone.end():]}"
    timezone = _zone_name(zone["zone"], lang) if zone else None
    return ParsedDate(date=day, time=_read_time(rest, lang), timezone=timezone)


# A format the notice states beside its dates: "12/7/2024 (MM/DD/YYYY)".
_STATED_ORDER = re.compile(r"\b(MM|DD)([./-])(?:DD|MM)\2(?:YYYY|YY)\b", re.IGNORECASE)


def infer_date_order(text: str) -> DateOrder | None:
    """The day/month order a notice uses, from a format it states ("MM/DD/YYYY") and from
    numeric dates that can be read one way only.

    None when no such date occurs, or when the notice has both kinds. Numeric dates read
    alike in every language, and French and Spanish notices built from English templates
    may well write them month first, so the language plays no part.
    """
    orders: set[DateOrder] = {"MDY" if stated[1].upper() == "MM" else "DMY" for stated in _STATED_ORDER.finditer(text)}
    for first, _, second, year in _NUMERIC_RE.findall(text):
        day_first = _is_valid(int(year), int(second), int(first))
        month_first = _is_valid(int(year), int(first), int(second))
        if day_first != month_first:
            orders.add("DMY" if day_first else "MDY")
    return orders.pop() if len(orders) == 1 else None


def find_dates(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Spans of date expressions, each with its attached time and zone and no cue words.

    A numeric date that no order makes valid ("31/31/2024") is skipped; dates glued to
    the text around them ("2026March 12, 2026Brussels") are found. `lang` ("en", "fr",
    "es") adds that language's forms.
    """
    spans = []
    for match in _PATTERNS[lang].date_with_time.finditer(text):
        numeric = _NUMERIC_RE.fullmatch(match["core"])
        if numeric:
            first, _, second, year = numeric.groups()
            if not (_is_valid(int(year), int(second), int(first))
                    or _is_valid(int(year), int(first), int(second))):
                continue
        spans.append((match.start(), match.end()))
    return spans


# What stands between the two ends of a period: "From 25.05.2026 to 07.06.2026",
# "01/11/2024 - 15/11/2024", "du 04/11/2024 au 18/11/2024", "del 4 al 18 de noviembre de 2024".
_PERIOD_JOINER = re.compile(
    r"\s*(?:to|until|till|through|thru|-|–|—|au|jusqu'au|al|hasta(?: el)?|a)\s*", re.IGNORECASE)


def period_end(text: str, lang: str = "en") -> str:
    """The text from the last date of a period that `text` states ("From 25.05.2026 to
    07.06.2026" gives "07.06.2026"), `text` itself otherwise.

    A posting period's end is its closing date (guidelines, DEADLINE), where `parse_date`
    reads the first date; two dates not joined as a period are left to it.
    """
    spans = find_dates(text, lang)
    if len(spans) < 2:
        return text
    if not all(_PERIOD_JOINER.fullmatch(text[end:start]) for (_, end), (start, _) in zip(spans, spans[1:])):
        return text
    return text[spans[-1][0]:]
