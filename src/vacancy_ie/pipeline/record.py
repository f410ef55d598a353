"""The normalised record: what a reader of a notice wants, built from the spans a pipeline
found. This is the stable contract of `doc._.vacancy` and of the CLI's output: fields may be
added, never renamed.

Each item carries the cleaned text of its span, `start`/`end` offsets into the original input,
`text_start`/`text_end` offsets into the cleaned text (`doc.text`), its `score` and where the
span came from (`source_kind`: the model, the rules, or both). A value (a language, a level, a
number of years, a skill) appears once: repeats are merged, the most confident mention is
kept, and a field's items are in text order. `vacancy_ie.schema` types it as JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable, Hashable, Iterable, Literal

from ..labels import LABELS, Context, Label
from ..normalizers import infer_date_order
from ..text.cleaning import CleanText
from .rules import extract_shared


@dataclass(frozen=True)
class Prediction:
    """A span found in the cleaned text: its scheme label, requirement flag, confidence, and
    whether the model, the rules or both found it (`score` is a model probability only when
    the model did; a rules-only span carries the builder's `rule_only_score`)."""

    start: int
    end: int
    label: str
    required: bool
    score: float
    origin: Literal["model", "rules", "both"] = "model"


def empty_record(source: str, error: str | None = None, language: str | None = None) -> dict[str, Any]:
    return {"source": source, "error": error, "language": language,
            **{label.field: [] if label.many else None for label in LABELS.values()}}


def _item(pred: Prediction, cleaned: CleanText, **values: Any) -> dict[str, Any]:
    start, end = cleaned.to_raw(pred.start, pred.end)
    return {**values, "text": cleaned.text[pred.start:pred.end], "start": start, "end": end,
            "text_start": pred.start, "text_end": pred.end, "score": round(float(pred.score), 4),
            "source_kind": pred.origin}


def _strongest(items: Iterable[tuple[Hashable, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One item per key, the most confident (the first of equals), in text order."""
    best: dict[Hashable, dict[str, Any]] = {}
    for key, item in items:
        if key not in best or item["score"] > best[key]["score"]:
            best[key] = item
    return sorted(best.values(), key=lambda item: (item["text_start"], item["text_end"]))


def _best(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    return max(items, key=lambda i: (i["score"], -i["start"])) if items else None


def _field(label: Label, preds: list[Prediction], cleaned: CleanText, context: Context) -> Any:
    """A record field from its label's spans: each normalised, repeats merged."""
    items = []
    for pred in preds:
        values = label.normalise(cleaned.text[pred.start:pred.end], pred.required, context)
        if values is not None:
            items.append(_item(pred, cleaned, **values))
    if label.relate is not None:
        items = label.relate(items)
    if not label.many:
        return _best(items)
    return _strongest((label.merge_of(item), item) for item in items)


def build_record(predictions: Iterable[Prediction], cleaned: CleanText, source: str,
                 reference: date | None = None, today: Callable[[], date] = date.today,
                 language: str | None = None) -> dict[str, Any]:
    """Normalise the predicted spans of one notice into its record.

    Year-less dates resolve against `reference`, else the notice's own posting date, else
    today. Day/month order follows the notice's own unambiguous dates. `language` (the
    notice's, as detected upstream) picks the normalisers' language and is recorded.
    """
    by_label: dict[str, list[Prediction]] = {name: [] for name in LABELS}
    for pred in predictions:
        by_label[pred.label].append(pred)
    record = empty_record(source, language=language)
    context = Context(reference, infer_date_order(cleaned.text), language or "en")
    anchors = [label for label in LABELS.values() if label.anchors_dates]
    for label in anchors:
        record[label.field] = _field(label, by_label[label.name], cleaned, context)
    stated = next((date.fromisoformat(item["date"]) for label in anchors for item in label.items(record)), None)
    context = replace(context, reference=reference or stated or today())
    for label in LABELS.values():
        if not label.anchors_dates:
            record[label.field] = _field(label, by_label[label.name], cleaned, context)
    return record


def above(record: dict[str, Any], min_score: float) -> dict[str, Any]:
    """The record without the items scored below `min_score` (a rules-only item's score is the
    builder's fixed vote, 0.5 by default)."""
    out = dict(record)
    for label in LABELS.values():
        kept = [item for item in label.items(record) if item["score"] >= min_score]
        out[label.field] = kept if label.many else (kept[0] if kept else None)
    return out


def record_values(record: dict[str, Any]) -> dict[str, set[Hashable]]:
    """The normalised values of a record, per scheme label, as gold spans are scored."""
    return {name: {label.value_of(item, item["text"]) for item in label.items(record)}
            for name, label in LABELS.items()}


def rule_predictions(text: str, lang: str = "en") -> list[Prediction]:
    """The rule-based extractor's spans as predictions, with no confidence of their own yet
    (dates are resolved by `build_record`, against the record's reference date)."""
    return [Prediction(f.start, f.end, f.label, not LABELS[f.label].is_soft(f.attrs), 0.0, "rules")
            for f in extract_shared(text, lang)]


def with_rules(model: list[Prediction], rules: list[Prediction], rule_labels: Iterable[str],
               rule_only_score: float) -> list[Prediction]:
    """For the labels where rules are measured to be better, the rules' spans replace the
    model's. Each keeps the model's confidence where the model found an overlapping span of
    the same label, else `rule_only_score` (the rules' vote alone, not a model probability)."""
    rule_labels = set(rule_labels)
    out = [p for p in model if p.label not in rule_labels]
    for r in rules:
        if r.label not in rule_labels:
            continue
        agreeing = [p.score for p in model if p.label == r.label and p.start < r.end and r.start < p.end]
        out.append(Prediction(r.start, r.end, r.label, r.required, max(agreeing, default=rule_only_score),
                              "both" if agreeing else "rules"))
    return out
