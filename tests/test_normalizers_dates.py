import time
from datetime import date

import pytest

from vacancy_ie.labels import LABELS, Context
from vacancy_ie.normalizers import ParsedDate, find_dates, infer_date_order, parse_date, period_end

REFERENCE = date(2024, 11, 20)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("07.06.2026", date(2026, 6, 7)),
        ("11/15/2024", date(2024, 11, 15)),
        ("15/11/2024", date(2024, 11, 15)),
        ("2024-11-15", date(2024, 11, 15)),
        ("November 15th, 2024", date(2024, 11, 15)),
        ("15th of November 2024", date(2024, 11, 15)),
        ("Jun 1, 2026", date(2026, 6, 1)),
        ("Friday, 22 November 2024", date(2024, 11, 22)),
        ("22-Nov-2024", date(2024, 11, 22)),
        ("22 Nov. 2024", date(2024, 11, 22)),
        ("Sept 3, 2025", date(2025, 9, 3)),
        ("NOVEMBER 15, 2024", date(2024, 11, 15)),
        ("Deadline: 3 March 2025", date(2025, 3, 3)),
        ("25 november 2024", date(2024, 11, 25)),
        ("18 th November 2024", date(2024, 11, 18)),
    ],
)
def test_dates_parse_date(text, expected):
    assert parse_date(text) == ParsedDate(expected, None, None)


@pytest.mark.parametrize(
    "text,order,expected",
    [
        ("07.06.2026", "DMY", date(2026, 6, 7)),
        ("07.06.2026", "MDY", date(2026, 7, 6)),
        ("11/15/2024", "DMY", date(2024, 11, 15)),
        ("15/11/2024", "MDY", date(2024, 11, 15)),
    ],
)
def test_dates_parse_date_order(text, order, expected):
    assert parse_date(text, order=order).date == expected


@pytest.mark.parametrize(
    "text,time_,zone",
    [
        ("20 November 2024 (midnight, Abu Dhabi time)", "23:59", "Abu Dhabi"),
        ("12 March 2026, 23:59 CET", "23:59", "CET"),
        ("12 March 2026, noon", "12:00", None),
        ("12 March 2026 at 5:00 PM EST", "17:00", "EST"),
        ("12 March 2026, 11:59 p.m.", "23:59", None),
        ("12 March 2026 23:59 hrs (GMT+4)", "23:59", "GMT+4"),
        ("12 March 2026 17:00 UTC + 03:00", "17:00", "UTC+03:00"),
        ("12 March 2026, midnight Geneva time", "23:59", "Geneva"),
        ("12 March 2026 at 12:00 AM local time", "00:00", "local time"),
        ("12 March 2026, 17:00 Central European Time", "17:00", "Central European Time"),
        ("12 March 2026 (New York time)", None, "New York"),
        ("12 March 2026, 22:59:00", "22:59", None),
        ("12 March 2026, 11:59:59 PM", "23:59", None),
    ],
)
def test_dates_parse_date_time_and_zone(text, time_, zone):
    parsed = parse_date(text)
    assert parsed.date == date(2026 if "2026" in text else 2024, 3 if "March" in text else 11,
                               12 if "March" in text else 20)
    assert (parsed.time, parsed.timezone) == (time_, zone)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("15 November", date(2025, 11, 15)),
        ("Nov 15", date(2025, 11, 15)),
        ("20 November", date(2024, 11, 20)),
        ("25 November", date(2024, 11, 25)),
        ("1st December", date(2024, 12, 1)),
        ("29 February", date(2028, 2, 29)),
    ],
)
def test_dates_parse_date_yearless_uses_reference(text, expected):
    assert parse_date(text, reference=REFERENCE).date == expected
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["2 days", "24 months", "2024", "P-3", "3-5", "Closing in 2 days", "today",
     "November 2024", "COVID-19", "31 February 2024", "13/13/2024", "noon", "", "we may 2024",
     "the 5 th may"],
)
def test_dates_parse_date_rejects(text):
    assert parse_date(text, reference=REFERENCE) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Apply by 11/15/2024; starts 07.01.2025", "MDY"),
        ("Closing 15.11.2024", "DMY"),
        ("From 25.05.2026 to 07.06.2026", "DMY"),
        ("Closing 07.06.2026", None),
        ("Posted 11/15/2024, closes 20/11/2024", None),
        ("Posted 2024-11-15", None),
        ("No dates here", None),
        ("Closing 12/7/2024 (MM/DD/YYYY)", "MDY"),
        ("Closing 7/12/2024 (dd/mm/yyyy)", "DMY"),
    ],
)
def test_dates_infer_date_order(text, expected):
    assert infer_date_order(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("January 26, 2026March 12, 2026Brussels", ["January 26, 2026", "March 12, 2026"]),
        ("From 25.05.2026 to 07.06.2026.", ["25.05.2026", "07.06.2026"]),
        ("Deadline: 20 November 2024 (midnight, Abu Dhabi time). Apply now",
         ["20 November 2024 (midnight, Abu Dhabi time)"]),
        ("Closing date: 12 March 2026, 23:59 CET\nDuty station", ["12 March 2026, 23:59 CET"]),
        ("Posted Jun 1, 2026 Closing in 2 days", ["Jun 1, 2026"]),
        ("Apply by 15 November.", ["15 November"]),
        ("Apply by 15 Nov. Then wait", ["15 Nov"]),
        ("Start: Friday, 22 November 2024", ["Friday, 22 November 2024"]),
        ("Closes November 15th, 2024 at 5:00 PM EST.", ["November 15th, 2024 at 5:00 PM EST"]),
        ("on 15th of November 2024 (GMT+4)", ["15th of November 2024 (GMT+4)"]),
        ("Issued 2024-11-15", ["2024-11-15"]),
    ],
)
def test_dates_find_dates(text, expected):
    assert [text[start:end] for start, end in find_dates(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["Closing in 2 days", "3-5 years", "the May 2024 report", "COVID-19", "version 1.2.2024.5",
     "31/31/2024", "you may 5 times", "Marching 15 km"],
)
def test_dates_find_dates_rejects(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text", ["20 November 2024 (midnight, Abu Dhabi time)", "07.06.2026"])
def test_dates_find_and_parse_agree(text):
    (start, end), = find_dates(f"Deadline: {text}. Next")
    assert parse_date(f"Deadline: {text}. Next"[start:end]) == parse_date(text)


def test_dates_parse_date_is_fast():
    start = time.perf_counter()
    for _ in range(1000):
        parse_date("20 November 2024 (midnight, Abu Dhabi time)")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("From 25.05.2026 to 07.06.2026", "en", "07.06.2026"),
        ("01/11/2024 - 15/11/2024 at 17:00 CET", "en", "15/11/2024 at 17:00 CET"),
        ("du 04/11/2024 au 18/11/2024", "fr", "18/11/2024"),
        ("del 4 de noviembre de 2024 al 18 de noviembre de 2024", "es", "18 de noviembre de 2024"),
        ("15 November 2024", "en", "15 November 2024"),
        # two dates that are not a period: left to parse_date, which reads the first
        ("12 November 2024 (posted 1 November 2024)", "en", "12 November 2024 (posted 1 November 2024)"),
    ],
)
def test_normalizers_dates_period_end_is_the_last_date_of_a_period(text, lang, expected):
    assert period_end(text, lang) == expected


def test_normalizers_dates_deadline_of_a_posting_period_is_its_end_and_posted_its_start():
    text = "From 25.05.2026 to 07.06.2026"
    assert LABELS["DEADLINE"].normalise(text, True, Context())["date"] == "2026-06-07"
    assert LABELS["POSTED"].normalise(text, True, Context())["date"] == "2026-05-25"
