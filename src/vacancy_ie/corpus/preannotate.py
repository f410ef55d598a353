"""Silver pre-annotation: the rule-based extractor's spans as stand-off records, for people
to correct (never mixed into gold, never into the test split)."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language

from ..pipeline.rules import RULES_VERSION, extract
from ..text.cleaning import clean
from .records import AnnotationRecord, Span
from .volume import Notice


def preannotate(notice: Notice, nlp: Language, dropped: Counter) -> AnnotationRecord:
    """Rule spans on token boundaries, mapped to raw offsets; unalignable spans are counted."""
    cleaned = clean(notice.text)
    doc = nlp.make_doc(cleaned.text)
    spans = []
    for found in extract(cleaned.text, notice.reference_date):
        doc_span = doc.char_span(found.start, found.end, alignment_mode="strict")
        if doc_span is None:
            dropped[found.label] += 1
            continue
        start, end = cleaned.to_raw(found.start, found.end)
        spans.append(Span(start, end, found.label, dict(found.attrs)))
    return AnnotationRecord(notice.id, notice.source, notice.sha256, "silver", RULES_VERSION, spans)
