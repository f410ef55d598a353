"""Gold records to spaCy DocBins, one per split, for `spacy train`.

Spans go to `doc.spans["sc"]`; their normalised attributes and the document's metadata go to
`doc.user_data["vacancy_ie"]`, so components that learn attributes and the evaluation read
the same gold values. Spans that do not align with tokens are counted and reported, never
dropped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..keys import SPANS_KEY, USER_DATA_KEY
from .align import align_record
from .records import AnnotationRecord
from .volume import DataVolume


@dataclass
class ConversionReport:
    docs: int = 0
    spans: Counter = field(default_factory=Counter)
    misaligned: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def add(self, other: "ConversionReport") -> None:
        self.docs += other.docs
        self.spans.update(other.spans)
        self.misaligned.update(other.misaligned)
        self.problems.extend(other.problems)


def record_to_doc(record: AnnotationRecord, volume: DataVolume, nlp: Language,
                  report: ConversionReport) -> Doc:
    notice = volume.checked(record.id, record.source, record.sha256)
    aligned = align_record(record, notice, nlp)
    doc = aligned.doc
    spans, gold = [], []
    for item in aligned.spans:
        if item.doc_span is None:
            report.misaligned[item.span.label] += 1
            report.problems.append(f"{record.id}: {item.span.label}[{item.span.start}:"
                                   f"{item.span.end}] {item.problem}")
            continue
        report.spans[item.span.label] += 1
        spans.append(item.doc_span)
        gold.append({"start": item.doc_span.start_char, "end": item.doc_span.end_char,
                     "label": item.span.label, "attrs": item.span.attrs})
    doc.spans[SPANS_KEY] = spans
    doc.user_data[USER_DATA_KEY] = {
        "id": notice.id, "employer": notice.employer,
        "reference_date": notice.reference_date.isoformat() if notice.reference_date else None,
        "spans": gold,
    }
    report.docs += 1
    return doc


def convert(records: Iterable[AnnotationRecord], volume: DataVolume, nlp: Language,
            out: Path) -> ConversionReport:
    report = ConversionReport()
    docbin = DocBin(store_user_data=True)
    for record in records:
        docbin.add(record_to_doc(record, volume, nlp, report))
    out.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(out)
    return report


def gold_attrs(doc: Doc) -> dict[tuple[int, int, str], dict]:
    """The gold attributes of a converted Doc, keyed by (start_char, end_char, label)."""
    return {(s["start"], s["end"], s["label"]): s["attrs"]
            for s in doc.user_data.get(USER_DATA_KEY, {}).get("spans", [])}
