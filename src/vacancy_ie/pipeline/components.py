"""spaCy components of the vacancy-ie pipelines, found through entry points (no `--code`).

The `vacancy_ie_record` component turns the spans the trained classifier found into the
normalised record, `doc._.vacancy`, with a versioned record builder from the registry
(`vacancy_ie.RecordBuilder.v1`; a changed builder is added as v2, v1 stays as released). Its scorer measures the record against the gold values,
so `spacy train` keeps the model that is best at what users read, not only at spans.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable

import numpy
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup
from spacy.training import Example
from spacy.util import registry

from ..evaluation.scoring import Counts
from ..keys import CLEAN_EXTENSION, RECORD_SPANS_KEY, USER_DATA_KEY, register_extensions
from ..labels import LABELS, split_model_label
from ..text.cleaning import CleanText
from .record import Prediction, build_record, record_values, rule_predictions, with_rules

# What the record is worth per field, for choosing the best checkpoint.
RECORD_SCORE_WEIGHTS = {f"vacancy_{label.field}_f": label.weight for label in LABELS.values()}


def _identity_clean(text: str) -> CleanText:
    return CleanText(raw=text, text=text, raw_starts=tuple(range(len(text))),
                     raw_ends=tuple(range(1, len(text) + 1)))


class RecordComponent:
    """Normalises the spans under `spans_key` into `doc._.vacancy`.

    Year-less dates resolve against `doc._.reference_date` (set it on the Doc before the
    pipeline runs, as `vacancy_ie.batch.extraction` does), else the notice's posting date.
    """

    def __init__(self, name: str, spans_key: str, build: Callable[..., dict[str, Any]]) -> None:
        self.name = name
        self.spans_key = spans_key
        self.build = build
        register_extensions()

    def predictions(self, doc: Doc) -> list[Prediction]:
        spans = doc.spans.get(self.spans_key, [])
        scores = spans.attrs.get("scores") if hasattr(spans, "attrs") else None
        scores = numpy.ravel(scores) if scores is not None else None  # spancat stores (n, 1)
        out = []
        for i, span in enumerate(spans):
            label, required = split_model_label(span.label_)
            if label not in LABELS:
                continue
            score = float(scores[i]) if scores is not None and len(scores) > i else 1.0
            out.append(Prediction(span.start_char, span.end_char, label, required, score))
        return out

    def __call__(self, doc: Doc) -> Doc:
        self._set_record(doc, self.predictions(doc))
        return doc

    @staticmethod
    def _context(doc: Doc) -> tuple[CleanText, date | None]:
        """The cleaning map and the reference date the record is built against."""
        reference = doc._.reference_date
        if isinstance(reference, str):
            reference = date.fromisoformat(reference)
        return doc._.get(CLEAN_EXTENSION) or _identity_clean(doc.text), reference

    def _set_record(self, doc: Doc, predictions: list[Prediction]) -> None:
        cleaned, reference = self._context(doc)
        doc._.vacancy = self.build(predictions, cleaned, doc._.source or "<doc>", reference,
                                   language=doc._.language)
        doc._.set(CLEAN_EXTENSION, None)  # the map is large and not serialisable: done with it

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, float]:
        """Value precision/recall/F per record field against the gold attributes."""
        counts = {label: Counts() for label in LABELS}
        for example in examples:
            predicted = example.predicted._.vacancy or self.build(
                self.predictions(example.predicted), _identity_clean(example.predicted.text), "")
            gold = gold_values(example.reference)
            values = record_values(predicted)
            for label in LABELS:
                counts[label] += Counts.of_sets(gold.get(label, set()), values[label])
        scores = {}
        for label, c in counts.items():
            field = LABELS[label].field
            scores.update({f"vacancy_{field}_p": c.precision, f"vacancy_{field}_r": c.recall,
                           f"vacancy_{field}_f": c.f1})
        return scores


def gold_values(doc: Doc) -> dict[str, set]:
    """Gold normalised values per label from a converted Doc's user data."""
    values: dict[str, set] = {label: set() for label in LABELS}
    for span in doc.user_data.get(USER_DATA_KEY, {}).get("spans", []):
        text = doc.text[span["start"]:span["end"]]
        values[span["label"]].add(LABELS[span["label"]].value_of(span["attrs"], text))
    return values


class RecordSpansComponent(RecordComponent):
    """v2 of the record component: also writes the spans the record was built from to
    `doc.spans[RECORD_SPANS_KEY]` (label, `scores` and `origin` attrs), so evaluation and
    users read on the Doc what the record used."""

    def __call__(self, doc: Doc) -> Doc:
        predictions = self.predictions(doc)
        combine = getattr(self.build, "combine", None)
        used = combine(predictions, *self._context(doc)) if combine is not None else predictions
        spans, scores, origins = [], [], []
        for pred in used:
            span = doc.char_span(pred.start, pred.end, alignment_mode="expand",
                                 label=pred.label if pred.required else pred.label + "_PLUS")
            if span is not None:
                spans.append(span)
                scores.append(pred.score)
                origins.append(pred.origin)
        group = SpanGroup(doc, name=RECORD_SPANS_KEY, spans=spans)
        group.attrs["scores"] = scores
        group.attrs["origins"] = origins
        doc.spans[RECORD_SPANS_KEY] = group
        self._set_record(doc, predictions)
        return doc


def record_spans(doc: Doc) -> list[Prediction]:
    """The spans `RecordSpansComponent` wrote: what the record was built from."""
    group = doc.spans.get(RECORD_SPANS_KEY)
    if group is None:
        return []
    out = []
    for span, score, origin in zip(group, group.attrs["scores"], group.attrs["origins"]):
        label = span.label_.removesuffix("_PLUS")
        out.append(Prediction(span.start_char, span.end_char, label, label == span.label_, score, origin))
    return out


@registry.misc("vacancy_ie.RecordBuilder.v1")
def record_builder_v1() -> Callable[..., dict[str, Any]]:
    """Record builder v1: normalisers of scheme v1, merge by value keeping the strongest."""
    return build_record


@registry.misc("vacancy_ie.RecordBuilder.v2")
def record_builder_v2(rule_labels: list[str], rule_only_score: float = 0.5) -> Callable[..., dict[str, Any]]:
    """Record builder v2: v1, with the rule-based extractor's spans in place of the model's
    for `rule_labels` (the fields where rules score better on the dev split)."""
    unknown = set(rule_labels) - set(LABELS)
    if unknown:
        raise ValueError(f"rule_labels {sorted(unknown)} are not labels of the scheme {LABELS}")

    def combine(predictions: Iterable[Prediction], cleaned: CleanText, reference: date | None) -> list[Prediction]:
        return with_rules(list(predictions), rule_predictions(cleaned.text), rule_labels,
                          rule_only_score)

    def build(predictions: Iterable[Prediction], cleaned: CleanText, source: str,
              reference: date | None = None, **kwargs: Any) -> dict[str, Any]:
        return build_record(combine(predictions, cleaned, reference), cleaned, source, reference, **kwargs)

    build.combine = combine  # the spans the record is built from, for span-level evaluation
    return build


@Language.factory(
    "vacancy_ie_record",
    default_config={"spans_key": "sc", "build": {"@misc": "vacancy_ie.RecordBuilder.v1"}},
    default_score_weights=RECORD_SCORE_WEIGHTS,
)
def make_record_component(nlp: Language, name: str, spans_key: str,
                          build: Callable[..., dict[str, Any]]) -> RecordComponent:
    return RecordComponent(name, spans_key, build)


@Language.factory(
    "vacancy_ie_record_v2",
    default_config={"spans_key": "sc", "build": {"@misc": "vacancy_ie.RecordBuilder.v1"}},
    assigns=["doc._.vacancy", "doc.spans"],
    default_score_weights=RECORD_SCORE_WEIGHTS,
)
def make_record_spans_component(nlp: Language, name: str, spans_key: str,
                                build: Callable[..., dict[str, Any]]) -> RecordSpansComponent:
    return RecordSpansComponent(name, spans_key, build)
