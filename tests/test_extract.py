"""Extraction over many inputs: one record per input, in order, whatever fails inside one."""

from datetime import date

import pytest
from spacy.language import Language

from vacancy_ie.batch.extraction import batches, extract_records, paragraph_pieces, records_for_batch
from vacancy_ie.batch.inputs import InputDoc

NOTICE = ("Programme Officer, Grade: P-3\nClosing date: 15 November 2024\n\n"
          "Fluency in English is required; knowledge of French is an asset.\n")


def items(*texts: str) -> list[InputDoc]:
    return [InputDoc(f"n{i}", text) for i, text in enumerate(texts)]


@Language.component("test_boom")
def boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component failed")
    return doc


def test_extract_one_record_per_input_in_order(rules_nlp):
    inputs = items(NOTICE, NOTICE) + [InputDoc("bad", None, "cannot read: no such file")] + items("Grade: G-5")
    records = list(extract_records(rules_nlp, inputs, batch_size=2))
    assert [r["source"] for r in records] == ["n0", "n1", "bad", "n0"]
    assert records[2]["error"] == "cannot read: no such file"
    assert records[0]["grade"]["code"] == "P-3" and records[3]["grade"]["code"] == "G-5"


def test_extract_component_failure_becomes_that_documents_error(rules_nlp):
    nlp = rules_pipeline_with_boom()
    records = list(extract_records(nlp, items(NOTICE, "BOOM " + NOTICE, NOTICE), batch_size=3))
    assert [r["error"] is None for r in records] == [True, False, True]
    assert "RuntimeError: component failed" in records[1]["error"]
    assert records[2]["deadline"]["date"] == "2024-11-15"


def rules_pipeline_with_boom():
    from .conftest import rules_pipeline

    nlp = rules_pipeline()
    nlp.add_pipe("test_boom", first=True)
    return nlp


def test_extract_passes_id_and_meta_through(rules_nlp):
    item = InputDoc("f.jsonl:1", NOTICE, id="42", meta={"title": "Officer"})
    record = next(extract_records(rules_nlp, [item]))
    assert (record["id"], record["meta"]) == ("42", {"title": "Officer"})


def test_extract_reference_date_resolves_yearless_deadline(rules_nlp):
    text = "Closing date: 12 March\nFluency in English is required.\n"
    record = next(extract_records(rules_nlp, items(text), reference_date=date(2026, 1, 10)))
    assert record["deadline"]["date"] == "2026-03-12"


def test_extract_long_notice_in_pieces_keeps_offsets(rules_nlp):
    filler = "".join(f"Paragraph {i} about the work of the office.\n\n" for i in range(40))
    text = filler + NOTICE + filler
    whole = next(extract_records(rules_nlp, items(text)))
    pieces = next(extract_records(rules_nlp, items(text), max_piece_chars=300))
    assert pieces["error"] is None
    assert pieces["grade"] == whole["grade"] and pieces["deadline"] == whole["deadline"]
    assert text[pieces["grade"]["start"]:pieces["grade"]["end"]] == "P-3"


def test_extract_same_records_for_any_batch_size_and_processes(rules_model_path):
    inputs = items(*(NOTICE.replace("P-3", f"P-{1 + i % 5}") for i in range(12)))
    one = list(extract_records(str(rules_model_path), inputs, batch_size=1))
    assert list(extract_records(str(rules_model_path), inputs, batch_size=5)) == one
    assert list(extract_records(str(rules_model_path), inputs, batch_size=2, n_process=2)) == one
    assert [r["grade"]["code"] for r in one] == [f"P-{1 + i % 5}" for i in range(12)]


def test_records_for_batch_isolates_tokenizer_failure(rules_nlp, monkeypatch):
    real = rules_nlp.make_doc

    def make_doc(text):
        if "BOOM" in text:
            raise ValueError("tokenizer failed")
        return real(text)

    monkeypatch.setattr(rules_nlp, "make_doc", make_doc)
    records = records_for_batch(rules_nlp, items(NOTICE, "BOOM"))
    assert records[0]["error"] is None and "tokenizer failed" in records[1]["error"]


def test_batches_bounded_by_documents_and_characters():
    docs = items("a" * 10, "b" * 10, "c" * 10, "d" * 50, "e")
    assert [len(b) for b in batches(docs, size=2, max_chars=1000)] == [2, 2, 1]
    assert [len(b) for b in batches(docs, size=10, max_chars=25)] == [2, 1, 1, 1]


@pytest.mark.parametrize("limit", [7, 30, 100])
def test_paragraph_pieces_cover_text_within_limit(limit):
    text = "One line.\n\nAnother paragraph here.\nA line\n" + "x" * 50 + " tail"
    pieces = list(paragraph_pieces(text, limit))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
