"""Scoring systems on a corpus split, as users meet them: each system reads the raw notice
from the data volume; spans are compared in raw-input offsets, values as the record gives
them. Confidence intervals come from a seeded bootstrap over documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable

import numpy
from tqdm import tqdm

from .cleaning import clean
from .extract import set_reference_date
from .labels import LABELS, split_model_label
from .record import Prediction, build_record, record_values
from .rules import extract as rules_extract
from .scoring import Counts, ScoredSpan, exact_counts, overlap_counts, span_value
from .corpus.records import AnnotationRecord
from .corpus.volume import DataVolume

LEVELS = ("spans_exact", "spans_overlap", "values")


@dataclass
class SystemOutput:
    spans: list[ScoredSpan]
    values: dict[str, set]


@dataclass
class EvalDoc:
    id: str
    raw: str
    reference_date: date | None
    gold: list[ScoredSpan]

    @property
    def gold_values(self) -> dict[str, set]:
        values: dict[str, set] = {label: set() for label in LABELS}
        for span in self.gold:
            values[span.label].add(span_value(span))
        return values


def eval_docs(records: Iterable[AnnotationRecord], volume: DataVolume) -> list[EvalDoc]:
    docs = []
    for record in records:
        notice = volume.checked(record.id, record.source, record.sha256)
        cleaned = clean(notice.text)
        gold = []
        for s in record.spans:
            mapped = cleaned.from_raw(s.start, s.end)
            text = cleaned.text[mapped[0]:mapped[1]] if mapped else notice.text[s.start:s.end]
            gold.append(ScoredSpan(s.start, s.end, s.label, s.attrs, text))
        docs.append(EvalDoc(record.id, notice.text, notice.reference_date, gold))
    return docs


System = Callable[[EvalDoc], SystemOutput]


def rules_system(doc: EvalDoc) -> SystemOutput:
    """The rule-based extractor: the baseline every trained pipeline must beat."""
    cleaned = clean(doc.raw)
    found = rules_extract(cleaned.text, doc.reference_date)
    spans, preds = [], []
    for f in found:
        start, end = cleaned.to_raw(f.start, f.end)
        spans.append(ScoredSpan(start, end, f.label, f.attrs, cleaned.text[f.start:f.end]))
        required = f.attrs.get("requirement", "required") == "required" and f.attrs.get("required", True)
        preds.append(Prediction(f.start, f.end, f.label, bool(required), 1.0))
    record = build_record(preds, cleaned, doc.id, doc.reference_date)
    return SystemOutput(spans, record_values(record))


def pipeline_system(nlp, spans_key: str = "sc") -> System:
    """A trained pipeline, run on the raw notice as a user would run it."""

    def run(doc: EvalDoc) -> SystemOutput:
        set_reference_date(nlp, doc.reference_date)
        cleaned = clean(doc.raw)
        parsed = nlp(doc.raw)
        spans = []
        for span in parsed.spans.get(spans_key, []):
            label, _ = split_model_label(span.label_)
            start, end = cleaned.to_raw(span.start_char, span.end_char)
            spans.append(ScoredSpan(start, end, label, {}, span.text))
        return SystemOutput(spans, record_values(parsed._.vacancy))

    return run


@dataclass
class SystemResult:
    """Per-document counts for every level and label, kept for the bootstrap."""

    per_doc: dict[str, dict[str, list[Counts]]] = field(
        default_factory=lambda: {level: {label: [] for label in LABELS} for level in LEVELS})

    def add(self, doc: EvalDoc, out: SystemOutput) -> None:
        gold_values = doc.gold_values
        for label in LABELS:
            self.per_doc["spans_exact"][label].append(exact_counts(doc.gold, out.spans, label))
            self.per_doc["spans_overlap"][label].append(overlap_counts(doc.gold, out.spans, label))
            self.per_doc["values"][label].append(
                Counts.of_sets(gold_values[label], out.values.get(label, set())))

    @staticmethod
    def total(counts: Iterable[Counts]) -> Counts:
        result = Counts()
        for c in counts:
            result += c
        return result

    def metrics(self, n_boot: int = 1000, seed: int = 0) -> dict[str, Any]:
        rng = numpy.random.default_rng(seed)
        n_docs = len(next(iter(self.per_doc["values"].values())))
        samples = [rng.integers(0, n_docs, n_docs) for _ in range(n_boot)] if n_docs else []
        out: dict[str, Any] = {}
        for level, by_label in self.per_doc.items():
            out[level] = {}
            for label, counts in by_label.items():
                total = self.total(counts).as_dict()
                boot = [self.total(counts[i] for i in idx).f1 for idx in samples]
                total["f1_ci95"] = ([float(numpy.percentile(boot, 2.5)), float(numpy.percentile(boot, 97.5))]
                                    if boot else [0.0, 0.0])
                out[level][label] = total
        return out


def evaluate_systems(docs: list[EvalDoc], systems: dict[str, System], n_boot: int = 1000,
                     seed: int = 0, progress: bool = True) -> dict[str, Any]:
    results = {}
    for name, system in systems.items():
        result = SystemResult()
        for doc in tqdm(docs, desc=name, unit="doc", disable=not progress):
            result.add(doc, system(doc))
        results[name] = result.metrics(n_boot, seed)
    return results


def mean_value_f1(metrics: dict[str, Any], labels: Iterable[str] = LABELS) -> float:
    return float(numpy.mean([metrics["values"][label]["f1"] for label in labels]))
