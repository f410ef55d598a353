import pytest

from vacancy_ie.evaluation.scoring import Counts, ScoredSpan, compare, overlap_counts


def S(start, end, label="SKILL", text="x", **attrs):
    return ScoredSpan(start, end, label, attrs or {"required": True}, text)


def test_scoring_overlap_counts_each_side():
    gold = [S(0, 5), S(6, 10)]
    pred = [S(0, 10)]  # one long prediction covers both gold spans
    counts = overlap_counts(gold, pred, "SKILL")
    assert counts.precision == 1.0 and counts.recall == 1.0


def test_scoring_exact_needs_same_boundaries():
    result = compare([([S(0, 5)], [S(0, 6)])])
    assert result.exact["SKILL"].f1 == 0.0 and result.overlap["SKILL"].f1 == 1.0


def test_scoring_values_ignore_repeats():
    gold = [S(0, 3, "GRADE", code="P-3"), S(10, 13, "GRADE", code="P-3")]
    pred = [S(0, 3, "GRADE", code="P-3")]
    assert compare([(gold, pred)]).values["GRADE"].f1 == 1.0


@pytest.mark.parametrize("counts,p,r", [(Counts(0, 0, 0, 0), 0.0, 0.0), (Counts(4, 2, 2, 1), 0.5, 0.5)])
def test_scoring_counts_precision_recall(counts, p, r):
    assert counts.precision == p and counts.recall == r
