"""The recall of the rules' candidates: which gold spans a candidate covers, per label."""

from vacancy_ie.evaluation.candidate_recall import candidate_recall
from vacancy_ie.evaluation.report import markdown_report, metrics_document
from vacancy_ie.evaluation.scoring import ScoredSpan
from vacancy_ie.evaluation.systems import EvalDoc, rules_system, run_systems

RAW = "Grade: P-3\nFluency in English is required. Knowledge of budget monitoring tools.\n"


def gold(quote, label, attrs=None):
    start = RAW.index(quote)
    return ScoredSpan(start, start + len(quote), label, attrs or {}, quote)


def test_candidate_recall_counts_covered_gold_spans_per_label():
    doc = EvalDoc("n1", RAW, None, [gold("P-3", "GRADE", {"code": "P-3"}),
                                    gold("English", "LANGUAGE", {"code": "en", "requirement": "required"}),
                                    gold("budget monitoring", "SKILL", {"required": True})])
    recall = candidate_recall([doc])
    assert recall["GRADE"] == {"gold": 1, "covered": 1, "recall": 1.0}
    assert recall["LANGUAGE"]["covered"] == 1
    assert recall["SKILL"] == {"gold": 1, "covered": 0, "recall": 0.0}  # a skill needs exact boundaries
    assert recall["DEADLINE"] == {"gold": 0, "covered": 0, "recall": 0.0}


def test_candidate_recall_is_reported_in_markdown():
    docs = [EvalDoc("n1", RAW, None, [gold("P-3", "GRADE", {"code": "P-3"})])]
    results = run_systems(docs, {"rules": rules_system}, progress=False)
    document = metrics_document(results, "test", n_boot=10, candidates=candidate_recall(docs))
    assert document["candidate_recall"]["GRADE"]["recall"] == 1.0
    assert "| GRADE | 1 | 1 | 1.000 |" in markdown_report(document)
