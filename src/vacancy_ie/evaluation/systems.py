"""Scoring systems on a corpus split, as users meet them: each system reads the raw notice
from the data volume; spans are compared in raw-input offsets, values as the record gives
them. Confidence intervals come from a seeded bootstrap over documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable

import numpy
from sklearn.utils import resample
from tqdm import tqdm

from ..batch.extraction import record_component
from ..corpus.records import AnnotationRecord
from ..corpus.volume import DataVolume
from ..keys import CLEAN_EXTENSION, RECORD_SPANS_KEY
from ..labels import LABELS
from ..pipeline.components import record_spans
from ..pipeline.record import Prediction, build_record, record_values, rule_predictions
from ..text.cleaning import CleanText, clean
from ..text.language import reading_language
from .analysis import SpanError, span_errors
from .scoring import Counts, ScoredSpan, exact_counts, overlap_counts, span_value

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


def scored_spans(preds: Iterable[Prediction], cleaned: CleanText, doc_id: str,
                 reference: date | None, language: str | None = None) -> list[ScoredSpan]:
    """Predictions as spans in raw offsets, each with the value the record gives it alone
    (normalised in the notice's `language`), so a span-level error can say whether the span
    or its normalisation was wrong."""
    spans = []
    for pred in preds:
        label = LABELS[pred.label]
        items = label.items(build_record([pred], cleaned, doc_id, reference, language=language))
        attrs = {a: items[0].get(a) for a in label.value_attributes} if items else {}
        start, end = cleaned.to_raw(pred.start, pred.end)
        spans.append(ScoredSpan(start, end, pred.label, attrs, cleaned.text[pred.start:pred.end]))
    return spans


def rules_system(doc: EvalDoc) -> SystemOutput:
    """The rule-based extractor: the baseline every trained pipeline must beat."""
    cleaned = clean(doc.raw)
    lang = reading_language(cleaned.text)
    preds = rule_predictions(cleaned.text, lang)
    record = build_record(preds, cleaned, doc.id, doc.reference_date, language=lang)
    return SystemOutput(scored_spans(preds, cleaned, doc.id, doc.reference_date, lang), record_values(record))


def pipeline_system(nlp) -> System:
    """A trained pipeline, run on the raw notice as a user would run it."""
    component = record_component(nlp)

    def run(doc: EvalDoc) -> SystemOutput:
        made = nlp.make_doc(doc.raw)
        cleaned = made._.get(CLEAN_EXTENSION) or clean(doc.raw)  # the cleaning tokenizer's map
        made._.reference_date = doc.reference_date
        parsed = nlp(made)
        if RECORD_SPANS_KEY in parsed.spans:  # record component v2: the spans it used, on the Doc
            preds = record_spans(parsed)
        else:
            preds = component.predictions(parsed)
            combine = getattr(component.build, "combine", None)  # builders that add rule spans
            if combine is not None:
                preds = combine(preds, cleaned, doc.reference_date)
        spans = scored_spans(preds, cleaned, doc.id, doc.reference_date, parsed._.vacancy.get("language"))
        return SystemOutput(spans, record_values(parsed._.vacancy))

    return run


@dataclass
class DocOutcome:
    """One document's gold and output, kept for error analysis."""

    doc: EvalDoc
    output: SystemOutput
    errors: list[SpanError]
    value_errors: int


@dataclass
class SystemResult:
    """Per-document counts for every level and label, kept for the bootstrap, and each
    document's outcome for the error analysis."""

    per_doc: dict[str, dict[str, list[Counts]]] = field(
        default_factory=lambda: {level: {label: [] for label in LABELS} for level in LEVELS})
    outcomes: list[DocOutcome] = field(default_factory=list)

    def add(self, doc: EvalDoc, out: SystemOutput) -> None:
        gold_values = doc.gold_values
        value_errors = sum(len(gold_values[label] ^ out.values.get(label, set())) for label in LABELS)
        self.outcomes.append(DocOutcome(doc, out, span_errors(doc.gold, out.spans), value_errors))
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
        n_docs = len(self.outcomes)
        rng = numpy.random.RandomState(seed)
        samples = [resample(numpy.arange(n_docs), random_state=rng) for _ in range(n_boot)] if n_docs else []
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


def run_systems(docs: list[EvalDoc], systems: dict[str, System], progress: bool = True
                ) -> dict[str, SystemResult]:
    results = {}
    for name, system in systems.items():
        result = SystemResult()
        for doc in tqdm(docs, desc=name, unit="doc", disable=not progress):
            result.add(doc, system(doc))
        results[name] = result
    return results


def evaluate_systems(docs: list[EvalDoc], systems: dict[str, System], n_boot: int = 1000,
                     seed: int = 0, progress: bool = True) -> dict[str, Any]:
    """Metrics per system: counts and seeded 95% bootstrap intervals at every level."""
    return {name: result.metrics(n_boot, seed)
            for name, result in run_systems(docs, systems, progress).items()}


def mean_value_f1(metrics: dict[str, Any], labels: Iterable[str] = LABELS) -> float:
    """The mean value F1 over the fields that are scored at all: a field with neither gold nor
    predicted values (no grade in a Spanish test set) has no F1, and counting it as 0 would
    sink the mean of a subset that lacks it."""
    scored = [m["f1"] for label in labels if (m := metrics["values"][label])["support"] or m["predicted"]]
    return float(numpy.mean(scored)) if scored else 0.0
