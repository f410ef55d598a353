"""Checks that stand-off records are usable: every rule here is one a converter or a model
would otherwise trip over silently."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language

from ..labels import LABELS, MAY_NEST, may_nest
from .align import align_record
from .records import STATUSES, AnnotationRecord
from .volume import DataVolume, DataVolumeError


@dataclass(frozen=True)
class Problem:
    doc_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.message}"


def _span_name(span) -> str:
    return f"{span.label}[{span.start}:{span.end}]"


def check_record(record: AnnotationRecord, volume: DataVolume, nlp: Language) -> Iterator[str]:
    """Yield a message for each problem in one record."""
    if record.status not in STATUSES:
        yield f"status {record.status!r} is not one of {STATUSES}"
    if not record.annotator:
        yield "annotator is empty"
    for span in record.spans:
        label = LABELS.get(span.label)
        if label is None:
            yield f"{_span_name(span)}: unknown label (known: {', '.join(LABELS)})"
        else:
            for problem in label.attr_problems(span.attrs):
                yield f"{_span_name(span)}: {problem}"
    try:
        notice = volume.checked(record.id, record.source, record.sha256)
    except DataVolumeError as err:
        yield str(err)
        return
    aligned = align_record(record, notice, nlp)
    for item in aligned.spans:
        if item.problem:
            yield f"{_span_name(item.span)}: {item.problem}"
            continue
        text = item.doc_span.text
        if text != text.strip():
            yield f"{_span_name(item.span)}: starts or ends with whitespace"
        if "\n" in text:
            yield f"{_span_name(item.span)}: crosses a line break ({text[:50]!r}…)"
    yield from _overlap_problems(record)


def _overlap_problems(record: AnnotationRecord) -> Iterator[str]:
    spans = sorted(record.spans, key=lambda s: (s.start, -s.end))
    for i, a in enumerate(spans):
        for b in spans[i + 1:]:
            if b.start >= a.end:
                break
            if a.key == b.key:
                yield f"{_span_name(a)}: annotated twice"
            elif a.start <= b.start and b.end <= a.end and may_nest(a.label, b.label):
                continue
            elif may_nest(b.label, a.label) or may_nest(a.label, b.label):
                yield (f"{_span_name(a)} and {_span_name(b)} cross or nest the wrong way "
                       f"(only {' / '.join(f'{i} inside {o}' for o, i in sorted(MAY_NEST))})")
            else:
                yield f"{_span_name(a)} overlaps {_span_name(b)}"


def validate(records: Iterable[AnnotationRecord], volume: DataVolume, nlp: Language) -> list[Problem]:
    records = list(records)
    problems = []
    counts = Counter(r.id for r in records)
    for doc_id, n in sorted(counts.items()):
        if n > 1:
            problems.append(Problem(doc_id, f"{n} records share this id"))
    for record in records:
        problems.extend(Problem(record.id, msg) for msg in check_record(record, volume, nlp))
    return problems
