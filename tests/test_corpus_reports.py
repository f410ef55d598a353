import dataclasses

from vacancy_ie.corpus.review import render_record
from vacancy_ie.corpus.stats import stats_markdown
from vacancy_ie.evaluation.agreement import agreement_comparison, agreement_markdown, paired_docs

from .conftest import record_for, span_of


def test_stats_counts_spans_per_split(good_record):
    other = record_for("102", [span_of("102", "Arabic", "LANGUAGE", code="ar", requirement="desirable")])
    splits = {"train": ["101"], "dev": [], "test": ["102"]}
    text = stats_markdown([good_record, other], splits, {"101": "A", "102": "B"})
    assert "| documents | 1 | 1 | 2 |" in text
    assert "| LANGUAGE spans | 2 | 1 | 3 |" in text
    assert "| ar / desirable | 0 | 1 |" in text


def test_review_renders_labels_and_attr_tooltips(good_record, volume, nlp):
    page = render_record(good_record, volume.get("101"), nlp)
    assert "GRADE" in page and 'title="GRADE: code=P-3"' in page
    assert page.startswith("<!DOCTYPE html>")


def test_agreement_scores_disagreement(good_record, volume):
    other = record_for("101", [dataclasses.replace(s) for s in good_record.spans if s.label != "SKILL"])
    other.spans[0].attrs = {"code": "P-4"}
    pairs = paired_docs([good_record], [other], volume)
    comparison = agreement_comparison(pairs)
    assert [a.id for a, _ in pairs] == ["101"]
    assert comparison.exact["SKILL"].recall == 0.0
    assert comparison.exact["GRADE"].f1 == 1.0 and comparison.values["GRADE"].f1 == 0.0
    assert comparison.attribute_agreement["GRADE.code"]["different"] == 1
    assert "| GRADE | 1.000 | 1.000 | 0.000 |" in agreement_markdown(comparison, 1)
