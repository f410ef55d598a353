"""Silver pre-annotation: the rule-based extractor's spans as stand-off records, for people
to correct (never mixed into gold, never into the test split)."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language

from ..labels import LABELS, Context
from ..normalizers import infer_date_order
from ..pipeline.rules import RULES_VERSION, drop_overlaps, extract
from ..text.cleaning import clean
from ..text.language import reading_language
from .records import AnnotationRecord, Span
from .volume import Notice


def preannotate(notice: Notice, nlp: Language, dropped: Counter) -> AnnotationRecord:
    """Rule spans on token boundaries, mapped to raw offsets; unalignable spans are counted."""
    cleaned = clean(notice.text)
    doc = nlp.make_doc(cleaned.text)
    spans = []
    for found in extract(cleaned.text, notice.reference_date, reading_language(cleaned.text)):
        doc_span = doc.char_span(found.start, found.end, alignment_mode="strict")
        if doc_span is None:
            dropped[found.label] += 1
            continue
        start, end = cleaned.to_raw(found.start, found.end)
        spans.append(Span(start, end, found.label, dict(found.attrs)))
    return AnnotationRecord(notice.id, notice.source, notice.sha256, "silver", RULES_VERSION, spans)


def model_preannotate(notice: Notice, nlp: Language) -> AnnotationRecord:
    """The spans a trained pipeline's record was built from, with their normalised values as
    attributes, as a silver record for a reviewer to correct. Every mention is kept (the
    record itself merges repeats; the guidelines annotate each)."""
    cleaned = clean(notice.text)
    doc = nlp(cleaned.text)
    record = nlp.get_pipe("vacancy_record")
    predictions = record.predictions(doc)
    combine = getattr(record.build, "combine", None)
    if combine is not None:
        predictions = combine(predictions, cleaned, notice.reference_date)
    context = Context(notice.reference_date, infer_date_order(cleaned.text))
    spans = []
    for pred in predictions:
        values = LABELS[pred.label].normalise(cleaned.text[pred.start:pred.end], pred.required, context)
        if values is None:
            continue
        attrs = {a.name: values[a.name] for a in LABELS[pred.label].attributes if a.name in values}
        start, end = cleaned.to_raw(pred.start, pred.end)
        spans.append(Span(start, end, pred.label, attrs))
    # the most specific label first, then the longer span
    kept = drop_overlaps(spans, priority=lambda s: (s.label == "SKILL", -(s.end - s.start), s.start))
    return AnnotationRecord(notice.id, notice.source, notice.sha256, "silver",
                            nlp.meta.get("name", "model"), kept)
