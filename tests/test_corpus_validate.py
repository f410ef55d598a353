import dataclasses

import pytest

from vacancy_ie.corpus.records import Span
from vacancy_ie.corpus.validate import validate

from .conftest import record_for, span_of


def problems_of(record, volume, nlp):
    return [p.message for p in validate([record], volume, nlp)]


def test_validate_accepts_good_record(good_record, volume, nlp):
    assert problems_of(good_record, volume, nlp) == []


@pytest.mark.parametrize("span,message", [
    (Span(0, 5, "SALARY", {}), "unknown label"),
    (span_of("101", "P-3", "GRADE", code="P-7"), "GRADE.code='P-7'"),
    (span_of("101", "P-3", "GRADE"), "needs attribute 'code'"),
    (span_of("101", "P-3", "GRADE", code="P-3", extra=1), "no attribute 'extra'"),
    (span_of("101", "15 November 2024", "DEADLINE", date="2024-11-31"), "DEADLINE.date"),
    (span_of("101", "English", "LANGUAGE", code="en", requirement="maybe"), "requirement"),
    (span_of("101", "At least five years", "EXPERIENCE", years="5", required=True), "years"),
    (span_of("101", "case management", "SKILL", required="yes"), "required"),
    (Span(0, 10_000, "SKILL", {"required": True}), "out of bounds"),
    (Span(5, 3, "SKILL", {"required": True}), "out of bounds"),
    (span_of("101", "rogramme", "SKILL", required=True), "not on token boundaries"),
    (span_of("101", "P-3\n", "GRADE", code="P-3"), "whitespace"),
    (span_of("101", "P-3\nClosing", "SKILL", required=True), "line break"),
])
def test_validate_reports_bad_span(volume, nlp, span, message):
    problems = problems_of(record_for("101", [span]), volume, nlp)
    assert any(message in p for p in problems), problems


def test_validate_reports_forbidden_overlap(volume, nlp):
    record = record_for("101", [
        span_of("101", "English", "LANGUAGE", code="en", requirement="required"),
        span_of("101", "Fluency in English", "SKILL", required=True),
    ])
    assert any("overlaps" in p for p in problems_of(record, volume, nlp))


def test_validate_allows_skill_nested_in_experience(volume, nlp):
    record = record_for("101", [
        span_of("101", "At least five years of experience in case management", "EXPERIENCE",
                years=5, required=True),
        span_of("101", "case management", "SKILL", required=True),
    ])
    assert problems_of(record, volume, nlp) == []


def test_validate_reports_crossing_nested_labels(volume, nlp):
    record = record_for("101", [
        span_of("101", "At least five years of experience", "EXPERIENCE", years=5, required=True),
        span_of("101", "experience in case", "SKILL", required=True),
    ])
    assert any("cross" in p for p in problems_of(record, volume, nlp))


def test_validate_reports_duplicate_span(volume, nlp):
    span = span_of("101", "P-3", "GRADE", code="P-3")
    problems = problems_of(record_for("101", [span, dataclasses.replace(span)]), volume, nlp)
    assert any("annotated twice" in p for p in problems)


def test_validate_reports_hash_mismatch(good_record, volume, nlp):
    good_record.sha256 = "0" * 64
    assert any("has changed" in p for p in problems_of(good_record, volume, nlp))


def test_validate_reports_unknown_document(volume, nlp):
    record = record_for("101", [])
    record.id = "999"
    assert any("not in the data volume" in p for p in problems_of(record, volume, nlp))


def test_validate_reports_bad_status_and_duplicate_ids(good_record, volume, nlp):
    other = record_for("101", [], status="draft")
    messages = [p.message for p in validate([good_record, other], volume, nlp)]
    assert any("2 records share this id" in m for m in messages)
    assert any("status 'draft'" in m for m in messages)


def test_validate_reports_experience_nested_in_skill(volume, nlp):
    record = record_for("101", [
        span_of("101", "At least five years of experience in case management", "SKILL", required=True),
        span_of("101", "At least five years of experience", "EXPERIENCE", years=5, required=True),
    ])
    assert any("nest the wrong way" in p for p in problems_of(record, volume, nlp))
