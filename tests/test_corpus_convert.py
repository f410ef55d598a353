from spacy.tokens import DocBin

from vacancy_ie.corpus.convert import ConversionReport, convert, gold_attrs, record_to_doc
from vacancy_ie.corpus.records import Span
from vacancy_ie.keys import SPANS_KEY

from .conftest import record_for


def test_convert_round_trips_spans_and_attrs(good_record, volume, nlp, tmp_path):
    out = tmp_path / "train.spacy"
    report = convert([good_record], volume, nlp, out)
    assert report.docs == 1 and sum(report.spans.values()) == len(good_record.spans)
    doc = list(DocBin().from_disk(out).get_docs(nlp.vocab))[0]
    assert {s.label_ for s in doc.spans[SPANS_KEY]} == {"GRADE", "DEADLINE", "EDUCATION",
                                                        "EXPERIENCE", "SKILL", "LANGUAGE"}
    attrs = gold_attrs(doc)
    grade = next(s for s in doc.spans[SPANS_KEY] if s.label_ == "GRADE")
    assert grade.text == "P-3"
    assert attrs[(grade.start_char, grade.end_char, "GRADE")] == {"code": "P-3"}
    assert doc.user_data["vacancy_ie"]["employer"] == "Alpha Relief"


def test_convert_counts_misaligned_spans_instead_of_dropping_silently(volume, nlp):
    text = volume.get("101").text
    start = text.index("rogramme")
    record = record_for("101", [Span(start, start + 8, "SKILL", {"required": True})])
    report = ConversionReport()
    doc = record_to_doc(record, volume, nlp, report)
    assert report.misaligned["SKILL"] == 1 and len(report.problems) == 1
    assert len(doc.spans[SPANS_KEY]) == 0
