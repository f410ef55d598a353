"""Comparing two sets of span annotations of the same documents: a gold set with a model's
output, or one annotator with another. Three levels, as a reader of the results needs them:

1. spans with exact boundaries, per label;
2. spans that overlap a same-label span, per label (how skill extractors are usually scored);
3. the normalised values a job seeker checks, per document and field (a grade code, a
   deadline date, a (language, requirement) pair ...), however many times the text says them.

Labels and value attributes come from the scheme (`vacancy_ie.labels`), never from here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Mapping, Sequence

from ..labels import LABELS


@dataclass(frozen=True)
class ScoredSpan:
    start: int
    end: int
    label: str
    attrs: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)
    text: str = field(default="", compare=False, hash=False)


@dataclass
class Counts:
    """Matches on each side: with overlap matching, one prediction can cover two gold spans,
    so precision and recall each count their own side's matches."""

    n_pred: int = 0
    n_gold: int = 0
    tp_pred: int = 0
    tp_gold: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        return self

    @classmethod
    def of_sets(cls, gold: set, pred: set) -> "Counts":
        both = len(gold & pred)
        return cls(len(pred), len(gold), both, both)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "support": self.n_gold, "predicted": self.n_pred}


def span_value(span: ScoredSpan) -> Hashable:
    """The normalised value a reader checks for one span (its label says what that is)."""
    return LABELS[span.label].value_of(span.attrs, span.text)


def exact_counts(gold: Sequence[ScoredSpan], pred: Sequence[ScoredSpan], label: str) -> Counts:
    return Counts.of_sets({s for s in gold if s.label == label}, {s for s in pred if s.label == label})


def overlap_counts(gold: Sequence[ScoredSpan], pred: Sequence[ScoredSpan], label: str) -> Counts:
    """A prediction is right if it overlaps a gold span of its label; a gold span is found if
    a prediction of its label overlaps it."""
    g = [s for s in gold if s.label == label]
    p = [s for s in pred if s.label == label]

    def hits(a: ScoredSpan, others: list[ScoredSpan]) -> bool:
        return any(a.start < o.end and o.start < a.end for o in others)

    return Counts(len(p), len(g), sum(hits(s, g) for s in p), sum(hits(s, p) for s in g))


def value_counts(gold: Sequence[ScoredSpan], pred: Sequence[ScoredSpan], label: str) -> Counts:
    return Counts.of_sets({span_value(s) for s in gold if s.label == label},
                          {span_value(s) for s in pred if s.label == label})


@dataclass
class Comparison:
    """Per-label counts at the three levels, summed over documents."""

    exact: dict[str, Counts] = field(default_factory=lambda: {l: Counts() for l in LABELS})
    overlap: dict[str, Counts] = field(default_factory=lambda: {l: Counts() for l in LABELS})
    values: dict[str, Counts] = field(default_factory=lambda: {l: Counts() for l in LABELS})
    attribute_agreement: dict[str, Counter] = field(default_factory=dict)

    def add(self, gold: Sequence[ScoredSpan], pred: Sequence[ScoredSpan]) -> None:
        for label in LABELS:
            self.exact[label] += exact_counts(gold, pred, label)
            self.overlap[label] += overlap_counts(gold, pred, label)
            self.values[label] += value_counts(gold, pred, label)
        pred_by_key = {s: s for s in pred}
        for g in gold:
            p = pred_by_key.get(g)
            if p is None:
                continue
            for attr in LABELS[g.label].value_attributes:
                tally = self.attribute_agreement.setdefault(f"{g.label}.{attr}", Counter())
                tally["same" if g.attrs.get(attr) == p.attrs.get(attr) else "different"] += 1


def compare(pairs: Iterable[tuple[Sequence[ScoredSpan], Sequence[ScoredSpan]]]) -> Comparison:
    comparison = Comparison()
    for gold, pred in pairs:
        comparison.add(gold, pred)
    return comparison
