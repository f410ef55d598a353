"""Dates of postings and deadlines: find the expressions, read them into date, time and zone.

One pattern (`_DATE`) decides what a date expression is, for finding and parsing alike, so
"2 days", "24 months", "2024" or "3-5" never reach dateparser, which would read some of them.
dateparser then reads the matched date only, with English, an explicit day/month order and
only its absolute parsers. Its traps are handled here: it turns "CET" into an offset and
"midnight" into 00:00, so time and zone are read by our own patterns ("midnight" is 23:59 of
the stated day, as the guidelines say); and it resolves a missing year relative to today, so
year-less dates take their year from the caller's reference date instead.
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


_MONTH = (
    r"(?<![A-Za-z])(?=[A-Z])(?i:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
    r"(?![A-Za-z])(?:\.(?=[ \t]*[\d,]))?"  # an abbreviation's dot, never a full stop
)
_WEEKDAY = (
    r"(?<![A-Za-z])(?=[A-Z])(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues|tue|wed|thurs|thu|fri|sat|sun)(?![A-Za-z])\.?,?[ \t]+"
)
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_NUMERIC = (
    r"(?<![\d./-])(?:\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}(?P<isosep>[-/])\d{1,2}(?P=isosep)\d{1,2})(?![\d]|[./-]\d)"
)
_DATE_CORE = (
    rf"(?:{_WEEKDAY})?(?P<core>{_NUMERIC}"
    rf"|{_DAY}(?:[ \t]+of)?(?:[ \t]+|-){_MONTH}(?:(?:[ \t]*,[ \t]*|[ \t]+|-)(?P<year1>{_YEAR}))?"
    rf"|{_MONTH}[ \t]+{_DAY}(?:(?:[ \t]*,[ \t]*|[ \t]+)(?P<year2>{_YEAR}))?)"
)
_TIME = (
    r"(?:(?i:midnight|noon|midday)"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?[ \t]*(?i:[ap]\.?m\.?)(?![A-Za-z])"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])[:h][0-5]\d(?![\d:]))"
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
_DATE = re.compile(_DATE_CORE)
_DATE_WITH_TIME = re.compile(rf"{_DATE_CORE}(?:{_ATTACHED})?")
_TIME_RE = re.compile(rf"(?P<time>{_TIME}){_HOURS}")
_ZONE_RE = re.compile(rf"(?P<zone>{_ZONE})")
_NUMERIC_RE = re.compile(
    r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d]|[./-]\d)"
)
# Words that make "... Time" the name of a zone ("Central European Time"), not a place.
_ZONE_WORDS = frozenset(
    "Standard Daylight Summer Mean Universal European Africa African Eastern Central Western "
    "Pacific Mountain Atlantic Arabia Arabian Gulf Indochina".split()
)
_WORD_TIMES = {"midnight": "23:59", "noon": "12:00", "midday": "12:00"}


@lru_cache(maxsize=2)
def _parser(order: DateOrder) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": order,
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month"],
        },
    )


def _read_time(text: str) -> str | None:
    match = _TIME_RE.search(text)
    if not match:
        return None
    raw = match["time"].lower()
    if raw in _WORD_TIMES:
        return _WORD_TIMES[raw]
    hour_minute = re.match(r"(\d{1,2})(?:[:.h](\d{2}))?", raw)
    hour, minute = int(hour_minute[1]), int(hour_minute[2] or 0)
    meridiem = re.search(r"([ap])\.?m", raw)
    if meridiem:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if meridiem[1] == "p" else 0)
    return f"{hour:02d}:{minute:02d}"


def _zone_name(stated: str) -> str:
    zone = " ".join(stated.replace("−", "-").split())
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
    text: str, reference: date | None = None, order: DateOrder | None = None
) -> ParsedDate | None:
    """Read the first date expression in `text`, with the time and zone stated around it.

    `order` settles numeric dates that read both ways ("07.06.2026"); day-first when None,
    as in UN notices. A numeric date valid in one order only is read that way whatever
    `order` says. A year-less date takes the first such day on or after `reference`, and
    gives None without one.
    """
    match = _DATE.search(text)
    if not match:
        return None
    parsed = _parser(order or "DMY").get_date_data(match["core"]).date_obj
    if parsed is None:
        return None
    day = parsed.date()
    if not (match["sep"] or match["isosep"] or match["year1"] or match["year2"]):
        if reference is None:
            return None
        day = _next_occurrence(day.month, day.day, reference)
        if day is None:
            return None
    rest = f"{text[:match.start()]} {text[match.end():]}"
    zone = _ZONE_RE.search(rest)
    if zone:
        rest = f"{rest[:zone.start()]} {rest[zone.end():]}"
    timezone = _zone_name(zone["zone"]) if zone else None
    return ParsedDate(date=day, time=_read_time(rest), timezone=timezone)


def infer_date_order(text: str) -> DateOrder | None:
    """The day/month order a notice uses, from numeric dates that can be read one way only.

    None when no such date occurs, or when the notice has both kinds.
    """
    orders: set[DateOrder] = set()
    for first, _, second, year in _NUMERIC_RE.findall(text):
        day_first = _is_valid(int(year), int(second), int(first))
        month_first = _is_valid(int(year), int(first), int(second))
        if day_first != month_first:
            orders.add("DMY" if day_first else "MDY")
    return orders.pop() if len(orders) == 1 else None


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions, each with its attached time and zone and no cue words.

    A numeric date that no order makes valid ("31/31/2024") is skipped; dates glued to
    the text around them ("2026March 12, 2026Brussels") are found.
    """
    spans = []
    for match in _DATE_WITH_TIME.finditer(text):
        numeric = _NUMERIC_RE.fullmatch(match["core"])
        if numeric:
            first, _, second, year = numeric.groups()
            if not (_is_valid(int(year), int(second), int(first))
                    or _is_valid(int(year), int(first), int(second))):
                continue
        spans.append((match.start(), match.end()))
    return spans
