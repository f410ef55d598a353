"""Extraction over many notices: streaming, in input order, one record per input, whatever
happens inside one document.

Inputs are grouped into batches bounded by documents and by characters, so memory stays
bounded whatever the mix. Each batch is processed by `records_for_batch`, in this process
or in worker processes that load the model once each and return plain records (no Doc
crosses a process boundary), so the output is the same for any `n_process`. A failure
inside one document (tokenizer, a component, a normaliser) becomes that document's error
record; the batch goes on. Notices longer than `max_piece_chars` run through the model in
pieces cut on paragraph boundaries of the cleaned text, and their record is built once over
the whole text, so offsets stay exact.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..keys import register_extensions
from ..pipeline.components import RecordComponent
from ..pipeline.record import Prediction, empty_record
from ..text.cleaning import clean
from ..text.tokenizer import text_tokenizer
from .inputs import InputDoc

MAX_PIECE_CHARS = 100_000  # a notice is ~10k characters; longer ones run in pieces
MAX_BATCH_CHARS = 400_000


@dataclass(frozen=True)
class Settings:
    """What every batch is processed with, in this process or a worker."""

    reference_date: date | None = None
    max_piece_chars: int = MAX_PIECE_CHARS

    def in_pieces(self, item: InputDoc) -> bool:
        """Whether the notice is long enough to run through the model in pieces."""
        return len(item.text or "") > self.max_piece_chars


def record_component(nlp: Language) -> RecordComponent:
    component = next((pipe for _, pipe in nlp.pipeline if isinstance(pipe, RecordComponent)), None)
    if component is None:
        raise ValueError(f"pipeline {nlp.meta.get('name')!r} has no vacancy_ie_record component")
    return component


def _with_input(record: dict[str, Any], item: InputDoc) -> dict[str, Any]:
    """The record with the input's own identity: its source, id and passed-through fields."""
    return {**record, "source": item.source, "id": item.id, "meta": item.meta or {}}


def _failed(item: InputDoc, error: BaseException | str) -> dict[str, Any]:
    message = error if isinstance(error, str) else f"processing failed: {type(error).__name__}: {error}"
    return _with_input(empty_record(item.source, message[:500]), item)


def _make_doc(nlp: Language, item: InputDoc, settings: Settings) -> Doc:
    register_extensions()
    doc = nlp.make_doc(item.text or "")
    doc._.source = item.source
    doc._.reference_date = settings.reference_date
    return doc


def paragraph_pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text`, each at most `limit` characters, cut after a blank
    line where one is near the limit, else after a line break, else after a space."""
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n") + 2, 0)
        if cut < limit // 2:
            cut = window.rfind("\n") + 1
        if cut < limit // 2:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        yield start, text[start:start + cut]
        start += cut
    yield start, text[start:]


def _long_record(nlp: Language, item: InputDoc, settings: Settings) -> dict[str, Any]:
    """A notice past `max_piece_chars`: the model runs over pieces of its cleaned text; the
    record is built once, from all pieces' spans, against the whole text's offset map."""
    component = record_component(nlp)
    cleaned = clean(item.text or "")
    tokenizer = text_tokenizer(nlp)  # the pieces are clean already
    predictions: list[Prediction] = []
    for offset, piece in paragraph_pieces(cleaned.text, settings.max_piece_chars):
        doc = tokenizer(piece)
        for name, proc in nlp.pipeline:
            if proc is not component:
                doc = proc(doc)
        predictions += [replace(p, start=p.start + offset, end=p.end + offset)
                        for p in component.predictions(doc)]
    return component.build(predictions, cleaned, item.source, settings.reference_date)


def _record_of_doc(doc: Doc, item: InputDoc) -> dict[str, Any]:
    return _with_input(doc._.vacancy if doc._.vacancy is not None else empty_record(item.source), item)


def record_for(nlp: Language, item: InputDoc, settings: Settings = Settings()) -> dict[str, Any]:
    """One input's record; never raises for a problem inside the document."""
    if item.error is not None:
        return _failed(item, item.error)
    try:
        if settings.in_pieces(item):
            return _with_input(_long_record(nlp, item, settings), item)
        return _record_of_doc(nlp(_make_doc(nlp, item, settings)), item)
    except Exception as error:  # noqa: BLE001 - isolating the document is the point
        return _failed(item, error)


def records_for_batch(nlp: Language, items: list[InputDoc], settings: Settings = Settings()
                      ) -> list[dict[str, Any]]:
    """The records of a batch, in order: through `nlp.pipe` when every document goes through,
    else document by document so that only the failing one gets an error record."""
    short = [i for i, item in enumerate(items) if item.error is None and not settings.in_pieces(item)]
    records: dict[int, dict[str, Any]] = {}
    try:
        docs = [_make_doc(nlp, items[i], settings) for i in short]
        for i, doc in zip(short, nlp.pipe(docs, batch_size=max(len(docs), 1))):
            records[i] = _record_of_doc(doc, items[i])
    except Exception:  # noqa: BLE001 - fall back to isolating each document
        records = {}
    return [records[i] if i in records else record_for(nlp, item, settings) for i, item in enumerate(items)]


def batches(items: Iterable[InputDoc], size: int, max_chars: int) -> Iterator[list[InputDoc]]:
    """Consecutive inputs, at most `size` documents and (beyond the first) `max_chars` characters."""
    batch: list[InputDoc] = []
    chars = 0
    for item in items:
        n = len(item.text or "")
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


_WORKER: dict[str, Any] = {}


def _init_worker(model: Language | str, settings: Settings) -> None:
    import spacy

    _WORKER["nlp"] = model if isinstance(model, Language) else spacy.load(model)
    _WORKER["settings"] = settings


def _work(items: list[InputDoc]) -> list[dict[str, Any]]:
    return records_for_batch(_WORKER["nlp"], items, _WORKER["settings"])


def _pool(model: Language | str, settings: Settings, n_process: int) -> ProcessPoolExecutor:
    """Workers that each hold one model. Forked workers inherit a loaded pipeline; where fork
    is unavailable, they load it by name."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        context = multiprocessing.get_context("fork")
    else:
        if isinstance(model, Language):
            raise ValueError("n_process > 1 without fork needs the model's name or path, not a pipeline")
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                               initargs=(model, settings))


def extract_records(model: Language | str, inputs: Iterable[InputDoc], *, batch_size: int = 16,
                    max_batch_chars: int = MAX_BATCH_CHARS, n_process: int = 1,
                    reference_date: date | None = None, max_piece_chars: int = MAX_PIECE_CHARS
                    ) -> Iterator[dict[str, Any]]:
    """Records for the inputs, in input order, one per input, streamed: at most
    2 x `n_process` batches are in flight, so memory stays flat over any number of notices."""
    settings = Settings(reference_date, max_piece_chars)
    groups = batches(inputs, batch_size, max_batch_chars)
    if n_process <= 1:
        import spacy

        nlp = model if isinstance(model, Language) else spacy.load(model)
        for group in groups:
            yield from records_for_batch(nlp, group, settings)
        return
    with _pool(model, settings, n_process) as pool:
        pending: deque[Future] = deque()
        for group in groups:
            pending.append(pool.submit(_work, group))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

