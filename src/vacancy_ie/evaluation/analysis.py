"""Error analysis: what kind of mistake each false positive and false negative is, and the
summaries an engineer asks for first (worst documents, required/desirable confusions, dates
read in the wrong day/month order).

Kinds, decided per gold span and per unmatched prediction of a label:
- ``value``: the span is right, its normalised value is not;
- ``boundary``: a prediction of the right label overlaps the gold span, with other boundaries;
- ``label``: a prediction of another label covers (mostly) the same text;
- ``missed``: nothing predicted there;
- ``spurious``: a prediction where the gold has nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from ..labels import LABELS, date_labels
from .scoring import ScoredSpan

ERROR_KINDS = ("boundary", "label", "value", "missed", "spurious")


@dataclass(frozen=True)
class SpanError:
    kind: str
    label: str
    gold: ScoredSpan | None
    pred: ScoredSpan | None


def _overlaps(a: ScoredSpan, b: ScoredSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _mostly_same(a: ScoredSpan, b: ScoredSpan) -> bool:
    """Intersection over union of at least one half: the same words read as another label."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter > 0 and inter * 2 >= union


def _value(span: ScoredSpan) -> tuple:
    return tuple(span.attrs.get(a) for a in LABELS[span.label].value_attributes)


def span_errors(gold: Sequence[ScoredSpan], pred: Sequence[ScoredSpan]) -> list[SpanError]:
    """Every gold span not predicted exactly with its value, and every prediction that
    matches no gold span of its label, each with its kind."""
    errors = []
    for g in gold:
        same_label = [p for p in pred if p.label == g.label and _overlaps(g, p)]
        exact = next((p for p in same_label if (p.start, p.end) == (g.start, g.end)), None)
        if exact is not None:
            if exact.attrs and _value(exact) != _value(g):
                errors.append(SpanError("value", g.label, g, exact))
        elif same_label:
            errors.append(SpanError("boundary", g.label, g, same_label[0]))
        else:
            other = next((p for p in pred if p.label != g.label and _mostly_same(g, p)), None)
            errors.append(SpanError("label" if other else "missed", g.label, g, other))
    for p in pred:
        if any(g.label == p.label and _overlaps(g, p) for g in gold):
            continue  # an exact match, or a boundary error already listed from the gold side
        if any(g.label != p.label and _mostly_same(g, p) for g in gold):
            continue  # a label error, listed from the gold side
        errors.append(SpanError("spurious", p.label, None, p))
    return errors


def error_kinds(errors: Iterable[SpanError]) -> dict[str, Counter]:
    """Counts of error kinds per label."""
    table = {label: Counter() for label in LABELS}
    for e in errors:
        table[e.label][e.kind] += 1
    return table


def requirement_confusions(pairs: Iterable[tuple[dict[str, set], dict[str, set]]]) -> dict[str, Counter]:
    """Per label, (gold, predicted) requirement for values that agree on everything else:
    a language found but read as desirable when the notice requires it, and so on."""
    requirement = {name: label.requirement for name, label in LABELS.items() if label.requirement}
    table = {label: Counter() for label in requirement}
    for gold_values, pred_values in pairs:
        for label, attr in requirement.items():
            at = LABELS[label].value_attributes.index(attr)
            strip = lambda v: v[:at] + v[at + 1:]  # noqa: E731
            pred_by_rest = {strip(v): v[at] for v in pred_values.get(label, set())}
            for value in gold_values.get(label, set()):
                if value in pred_values.get(label, set()):
                    continue
                predicted = pred_by_rest.get(strip(value))
                if predicted is not None and predicted != value[at]:
                    table[label][(value[at], predicted)] += 1
    return table


def _swapped(a: str, b: str) -> bool:
    try:
        x, y = date.fromisoformat(a), date.fromisoformat(b)
    except (TypeError, ValueError):
        return False
    return x != y and x.year == y.year and x.month == y.day and x.day == y.month


def date_order_errors(doc_values: Iterable[tuple[str, dict[str, set], dict[str, set]]]
                      ) -> list[tuple[str, str, str, str]]:
    """(doc id, label, gold date, predicted date) where the prediction swapped day and month."""
    out = []
    for doc_id, gold_values, pred_values in doc_values:
        for label in date_labels():
            for (g,) in gold_values.get(label, set()):
                for (p,) in pred_values.get(label, set()):
                    if _swapped(g, p):
                        out.append((doc_id, label, g, p))
    return out


def worst_documents(doc_errors: Iterable[tuple[str, int]], n: int = 10) -> list[tuple[str, int]]:
    """The documents with the most errors, most first (ties by id, for stable reports)."""
    return sorted(((doc_id, k) for doc_id, k in doc_errors if k), key=lambda x: (-x[1], x[0]))[:n]
