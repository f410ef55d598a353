import pytest

from vacancy_ie.evaluation.gate import checks


def metrics(grade_f1, mean=0.8):
    return {"systems": {"model-best": {"values": {"GRADE": {"f1": grade_f1}}, "mean_value_f1": mean}}}


THRESHOLDS = {"f1": {"values": {"grade": 0.9, "mean": 0.7}},
              "speed": {"ratio_vs_en_core_web_sm": 2.0, "processes": 1, "pipeline": "en_vacancy_ie"}}
BENCH = {"pipelines": {"en_vacancy_ie": {"speed_ratio_vs_en_core_web_sm": {"1": 2.5}}}}


def test_gate_passes_at_or_above_floors():
    assert all(c.passed for c in checks(THRESHOLDS, metrics(0.9), "model-best", BENCH))


def test_gate_names_dropped_field_and_gap():
    failed = [c for c in checks(THRESHOLDS, metrics(0.85), "model-best", BENCH) if not c.passed]
    assert [c.name for c in failed] == ["values.grade"]
    assert "-0.050 below" in failed[0].line()


def test_gate_missing_benchmark_fails_speed_check():
    speed = [c for c in checks(THRESHOLDS, metrics(0.95), "model-best", None) if "speed" in c.name]
    assert speed and not speed[0].passed


def test_gate_unknown_system_is_an_error():
    with pytest.raises(KeyError, match="not in metrics"):
        checks(THRESHOLDS, metrics(0.9), "other")
