from vacancy_ie.evaluate import SystemOutput, eval_docs, evaluate_systems, rules_system
from vacancy_ie.report import markdown_report, metrics_document
from vacancy_ie.scoring import ScoredSpan

from .conftest import record_for, span_of


def test_evaluate_scores_rules_and_reports_intervals(good_record, volume):
    docs = eval_docs([good_record], volume)
    results = evaluate_systems(docs, {"rules": rules_system}, n_boot=50, progress=False)
    grade = results["rules"]["values"]["GRADE"]
    assert grade["support"] == 1 and 0.0 <= grade["f1"] <= 1.0
    lo, hi = grade["f1_ci95"]
    assert lo <= grade["f1"] <= hi
    document = metrics_document(results, "test", 1)
    assert set(document["systems"]["rules"]) == {"spans_exact", "spans_overlap", "values", "mean_value_f1"}
    assert "| grade | 1 |" in markdown_report(document)


def test_evaluate_perfect_system_scores_one(good_record, volume):
    docs = eval_docs([good_record], volume)

    def oracle(doc):
        return SystemOutput(doc.gold, doc.gold_values)

    values = evaluate_systems(docs, {"oracle": oracle}, n_boot=10, progress=False)["oracle"]["values"]
    assert all(values[label]["f1"] == 1.0 for label in ("GRADE", "LANGUAGE", "EXPERIENCE", "SKILL"))


def test_evaluate_counts_missed_values(volume):
    record = record_for("102", [span_of("102", "Arabic", "LANGUAGE", code="ar", requirement="desirable")])
    docs = eval_docs([record], volume)

    def nothing(doc):
        return SystemOutput([], {})

    values = evaluate_systems(docs, {"empty": nothing}, n_boot=10, progress=False)["empty"]["values"]
    assert values["LANGUAGE"]["recall"] == 0.0 and values["LANGUAGE"]["support"] == 1
