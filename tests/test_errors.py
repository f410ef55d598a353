import pytest

from vacancy_ie.evaluation.analysis import (
    date_order_errors,
    error_kinds,
    requirement_confusions,
    span_errors,
    worst_documents,
)
from vacancy_ie.evaluation.scoring import ScoredSpan


def span(start, end, label="SKILL", **attrs):
    return ScoredSpan(start, end, label, attrs)


@pytest.mark.parametrize("pred,kind", [
    ([], "missed"),
    ([span(0, 5)], "boundary"),
    ([span(0, 10, "EDUCATION", level="bachelor", required=True)], "label"),
])
def test_errors_classify_gold_side(pred, kind):
    errors = span_errors([span(0, 10)], pred)
    assert [e.kind for e in errors] == [kind]


def test_errors_right_span_wrong_value_is_value_error():
    gold = [span(0, 7, "LANGUAGE", code="en", requirement="required")]
    pred = [span(0, 7, "LANGUAGE", code="en", requirement="desirable")]
    assert [e.kind for e in span_errors(gold, pred)] == ["value"]


def test_errors_exact_match_with_value_is_no_error():
    gold = [span(0, 3, "GRADE", code="P-3")]
    assert span_errors(gold, [span(0, 3, "GRADE", code="P-3")]) == []


def test_errors_unmatched_prediction_is_spurious_once():
    errors = span_errors([span(0, 10)], [span(0, 10), span(20, 30), span(2, 6)])
    assert [e.kind for e in errors] == ["spurious"]
    assert error_kinds(errors)["SKILL"]["spurious"] == 1


def test_errors_nested_skill_inside_education_is_not_a_label_error():
    gold = [span(0, 40, "EDUCATION", level="master", required=True), span(20, 28)]
    pred = [span(0, 40, "EDUCATION", level="master", required=True)]
    assert [e.kind for e in span_errors(gold, pred)] == ["missed"]


def test_errors_requirement_confusions_count_only_flipped_values():
    gold = {"LANGUAGE": {("en", "required"), ("fr", "desirable")}, "EDUCATION": {("master", True)}}
    pred = {"LANGUAGE": {("en", "desirable"), ("fr", "desirable")}, "EDUCATION": {("bachelor", False)}}
    table = requirement_confusions([(gold, pred)])
    assert table["LANGUAGE"] == {("required", "desirable"): 1}
    assert not table["EDUCATION"]


@pytest.mark.parametrize("gold,pred,swapped", [
    ("2024-11-05", "2024-05-11", True),
    ("2024-11-05", "2024-11-06", False),
    ("2024-11-11", "2024-11-11", False),
])
def test_errors_date_order_detects_day_month_swap(gold, pred, swapped):
    found = date_order_errors([("d1", {"DEADLINE": {(gold,)}}, {"DEADLINE": {(pred,)}})])
    assert bool(found) is swapped


def test_errors_worst_documents_most_first_without_clean_ones():
    assert worst_documents([("a", 1), ("b", 3), ("c", 0), ("d", 3)], n=5) == [("b", 3), ("d", 3), ("a", 1)]
