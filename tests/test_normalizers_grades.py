import pytest

from vacancy_ie.labels import GRADE_CODES
from vacancy_ie.normalizers import find_grades, normalize_grade


@pytest.mark.parametrize(
    "text,code",
    [
        ("P3", "P-3"), ("P-3", "P-3"), ("P 3", "P-3"), ("p.3", "P-3"), ("P-3/P-4", "P-3"),
        ("P3/4", "P-3"), ("Professional, level 3", "P-3"), ("D1", "D-1"), ("D-2", "D-2"),
        ("ASG", "ASG"), ("USG", "USG"),
        ("G5", "G-5"), ("GS-5", "G-5"), ("G-5", "G-5"), ("General Service 5", "G-5"),
        ("GS5", "G-5"),
        ("NOB", "NO-B"), ("NO-B", "NO-B"), ("NO B", "NO-B"), ("National Officer B", "NO-B"),
        ("NOA", "NO-A"),
        ("FS-5", "FS-5"), ("FS5", "FS-5"),
        ("SB4", "SB-4"), ("SB-4", "SB-4"), ("SB 4", "SB-4"),
        ("Service Contract, Level 4", "SC-4"), ("SC6", "SC-6"), ("SC-6", "SC-6"),
        ("NPSA 7", "NPSA-7"), ("NPSA-7", "NPSA-7"), ("NPSA7", "NPSA-7"), ("_NPSA-7_", "NPSA-7"),
        ("IPSA-10", "IPSA-10"), ("LICA 5", "LICA-5"), ("LICA-5", "LICA-5"), ("IICA-2", "IICA-2"),
        ("L-ICA 10", "LICA-10"), ("Local ICA 11", "LICA-11"), ("I-ICA 3", "IICA-3"),
        ("International ICA 2", "IICA-2"), ("G.6", "G-6"), ("SC - 8", "SC-8"),
        ("ungraded", "UG"), ("UG", "UG"), ("Special Short Term ungraded", "UG"),
    ],
)
def test_grades_normalize(text, code):
    assert normalize_grade(text) == code
    assert code in GRADE_CODES


@pytest.mark.parametrize(
    "text",
    ["Grade 7", "B3", "Band 5", "P-9", "NO-F", "G8", "SB-6", "IPSA-7", "GF", "Consultant",
     "Uganda", "NOBODY", "", "P-3 Chief of Section"],
)
def test_grades_normalize_rejects(text):
    assert normalize_grade(text) is None


def _found(text):
    return [(text[start:end], code) for start, end, code in find_grades(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Grade: P-3", [("P-3", "P-3")]),
        ("Grade UG", [("UG", "UG")]),
        ("Contract: Special Short term ungraded.", [("Special Short term ungraded", "UG")]),
        ("Level: SB-4", [("SB-4", "SB-4")]),
        ("Post: P-3/P-4", [("P-3", "P-3"), ("P-4", "P-4")]),
        ("Grade: P3/4", [("P3", "P-3")]),
        ("Grade G5 or G6", [("G5", "G-5"), ("G6", "G-6")]),
        ("Finance Assistant (G5)", [("G5", "G-5")]),
        ("Officer (P3/P4)", [("P3", "P-3"), ("P4", "P-4")]),
        ("recruited at the P4 level", [("P4", "P-4")]),
        ("National Programme Officer, NOB", [("NOB", "NO-B")]),
        ("Category: NO-C", [("NO-C", "NO-C")]),
        ("an NPSA 7 contract", [("NPSA 7", "NPSA-7")]),
        ("Contract level _NPSA-7_", [("NPSA-7", "NPSA-7")]),
        ("IPSA-10 in Dakar", [("IPSA-10", "IPSA-10")]),
        ("under a LICA 5 agreement", [("LICA 5", "LICA-5")]),
        ("Grade: Service Contract, Level 4", [("Service Contract, Level 4", "SC-4")]),
        ("a General Service 5 post", [("General Service 5", "G-5")]),
        ("Professional, level 3 post", [("Professional, level 3", "P-3")]),
    ],
)
def test_grades_find(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The P3 project in Lagos",
        "support to G5 countries",
        "the G5 Sahel force",
        "the G-7 summit",
        "COVID-19 response",
        "UNDP country office",
        "NO experience needed",
        "Say no to this",
        "Grade 7 teacher",
        "Band 5 nurse",
        "USG funding",
        "the NOC team",
        "staff at P-9",
        "reports to P3",
    ],
)
def test_grades_find_rejects(text):
    assert find_grades(text) == []


def test_grades_find_takes_a_short_label_on_the_line_above():
    assert find_grades("Grade:\nP3") == [(7, 9, "P-3")]
    assert find_grades("Grade Level:\n\nG-4\n") == [(14, 17, "G-4")]
    assert find_grades("Staff are paid according to their grade\nP3") == []


def test_grades_find_unops_ica_spellings_without_a_cue():
    text = "Contract level: ICS 11 (International ICA 3 / Local ICA 11)\nLevel:L-ICA 10 and I-ICA 2"
    assert _found(text) == [("International ICA 3", "IICA-3"), ("Local ICA 11", "LICA-11"),
                            ("L-ICA 10", "LICA-10"), ("I-ICA 2", "IICA-2")]


def test_grades_find_uncued_returns_bare_forms_the_cued_finder_leaves():
    text = "Years of Experience\nFor G6 - 3 years relevant experience\nG5 countries"
    assert find_grades(text) == []
    assert [(text[s:e], code) for s, e, code in find_grades(text, cued=False)] == [("G6", "G-6")]
