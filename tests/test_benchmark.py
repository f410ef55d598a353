import pytest

from vacancy_ie.evaluation.benchmark import median_ratio


def test_benchmark_ratio_ignores_a_round_slowed_on_both_sides():
    # round 2 ran on a loaded machine: both pipelines at half speed, the ratio unchanged
    assert median_ratio([2000.0, 1000.0, 2000.0], [1000.0, 500.0, 1000.0]) == pytest.approx(2.0)


def test_benchmark_ratio_is_the_median_not_the_mean():
    assert median_ratio([1500.0, 2000.0, 9000.0], [1000.0, 1000.0, 1000.0]) == pytest.approx(2.0)


def test_benchmark_ratio_rejects_unpaired_rounds():
    with pytest.raises(ValueError, match="one baseline figure per round"):
        median_ratio([1000.0, 1000.0], [1000.0])
