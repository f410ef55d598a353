from vacancy_ie.evaluation.agreement import agreement_result, paired_docs
from vacancy_ie.evaluation.html_report import html_report
from vacancy_ie.evaluation.report import AGREEMENT, markdown_report, metrics_document
from vacancy_ie.evaluation.systems import (
    SystemOutput,
    eval_docs,
    evaluate_systems,
    mean_value_f1,
    rules_system,
    run_systems,
)

from .conftest import record_for, span_of


def test_evaluate_scores_rules_and_reports_intervals(good_record, volume):
    docs = eval_docs([good_record], volume)
    results = evaluate_systems(docs, {"rules": rules_system}, n_boot=50, progress=False)
    grade = results["rules"]["values"]["GRADE"]
    assert grade["support"] == 1 and 0.0 <= grade["f1"] <= 1.0
    lo, hi = grade["f1_ci95"]
    assert lo <= grade["f1"] <= hi



def test_evaluate_report_has_stable_keys_errors_and_html(good_record, volume):
    docs = eval_docs([good_record], volume)
    results = run_systems(docs, {"rules": rules_system}, progress=False)
    document = metrics_document(results, "test", n_boot=20)
    assert set(document["systems"]["rules"]) == {"spans_exact", "spans_overlap", "values", "mean_value_f1",
                                                 "documents", "errors"}
    errors = document["systems"]["rules"]["errors"]
    assert set(errors) == {"span_errors", "requirement_confusions", "date_order_errors", "worst_documents"}
    assert "| grade | 1 |" in markdown_report(document)
    page = html_report(document, results)
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "grade" in page


def test_evaluate_html_renders_missed_span_with_displacy(volume):
    record = record_for("102", [span_of("102", "Arabic", "LANGUAGE", code="ar", requirement="desirable")])
    results = run_systems(eval_docs([record], volume), {"empty": lambda doc: SystemOutput([], {})}, progress=False)
    page = html_report(metrics_document(results, "dev", n_boot=5), results)
    assert "missed: 1" in page and "gold LANGUAGE" in page and "Arabic" in page


def test_evaluate_agreement_of_identical_annotators_is_perfect(good_record, volume):
    human = agreement_result(paired_docs([good_record], [good_record], volume))
    docs = eval_docs([good_record], volume)
    document = metrics_document(run_systems(docs, {"rules": rules_system}, progress=False), "test",
                                n_boot=10, agreement=human)
    assert document["systems"][AGREEMENT]["mean_value_f1"] > 0
    assert document["systems"][AGREEMENT]["values"]["GRADE"]["f1"] == 1.0
    assert AGREEMENT in markdown_report(document)


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


def test_evaluate_mean_skips_fields_with_no_gold_and_no_prediction():
    def field(f1, support, predicted):
        return {"f1": f1, "support": support, "predicted": predicted}

    metrics = {"values": {"GRADE": field(0.0, 0, 0), "DEADLINE": field(0.8, 5, 5), "POSTED": field(0.0, 0, 2)}}
    assert mean_value_f1(metrics, labels=["GRADE", "DEADLINE", "POSTED"]) == 0.4
    assert mean_value_f1(metrics, labels=["GRADE"]) == 0.0
