"""Extraction over many notices: streaming, in input order, one record per input."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Iterator

from spacy.language import Language

from .inputs import InputDoc
from .record import empty_record

RECORD_PIPE = "vacancy_record"


def set_reference_date(nlp: Language, reference: date | None) -> None:
    for name, component in nlp.pipeline:
        if hasattr(component, "reference_date"):
            component.reference_date = reference


def extract_records(nlp: Language, inputs: Iterable[InputDoc], batch_size: int = 16,
                    n_process: int = 1) -> Iterator[dict[str, Any]]:
    """Records for the inputs, in order. Unreadable inputs pass through the pipeline as empty
    texts so that order and count are kept without buffering the stream."""
    stream = ((item.text or "", item) for item in inputs)
    for doc, item in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        if item.error is not None:
            yield empty_record(item.source, item.error)
            continue
        record = dict(doc._.vacancy) if doc._.vacancy is not None else empty_record(item.source)
        record["source"] = item.source
        yield record
