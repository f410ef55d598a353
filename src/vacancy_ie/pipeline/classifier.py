"""The span classifier that decides every field: spaCy's single-label span categorizer, with
training targets that match its candidates to gold by overlap, not only exact boundaries.

spaCy marks a candidate positive only when its boundaries equal a gold span's. The
candidates a user's notice gets come from the NER and the rules, whose boundaries often
differ slightly from the annotator's ("a Master's degree in law" against "Master's degree in
law"): trained that way, the classifier learns to reject exactly the spans it will see. Here
a candidate takes the label of the gold span it overlaps most (token Jaccard >= `min_overlap`)
for labels whose value is normalised from the text (a language, a level, a date); a SKILL's
value is its wording, so it still needs exact boundaries. With `contained`, a candidate nested
with a gold span (inside it, or around it) that normalises to the same value is a positive too:
the rules' "Master" inside the annotator's "diplôme universitaire supérieur (Master ou
équivalent) en économie" gives the reader the right level, as does the rules' "11/20/2024
(MM/DD/YYYY) at 11:59 PM" around the annotator's "11/20/2024". Trained as "no label", they
taught the classifier to reject the only candidate a user's notice may have.

A notice has one grade and one deadline. When no candidate's most probable class is such a
field, `backoff` takes the candidate most probable for it anyway, if that probability reaches
the field's threshold: an argmax that narrowly prefers "no label" everywhere should not
lose the field, as it did on templates the classifier had not seen.

With `reading_mask`, a candidate that the rules or the NER read as some field is classified
among those fields and "no label" only, in training and in use: the rules' "NO-B" in a title
line ("WASH Officer, NO-B, UNICEF ...") is a grade or nothing, never the skill that a deep
path trained on other employers' templates makes of it. A candidate read by neither (a gold
span offered in training) keeps every class, as does a training candidate whose gold class
its readings exclude.
"""

from __future__ import annotations

from typing import Callable, Dict, Iterable, List, Optional, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline.spancat import SpanCategorizer, Suggester
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from thinc.api import Model
from thinc.types import Floats2d, Ints2d, Ragged

from ..keys import CANDIDATES_KEY, LANGUAGE_EXTENSION
from ..labels import LABELS, Context, split_model_label
from .candidates import reading_fields


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two (start, end) ranges over their union."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


class OverlapSpanCategorizer(SpanCategorizer):
    """Single-label span categorizer whose targets align candidates to gold by overlap."""

    def __init__(self, *args, min_overlap: float = 0.5, backoff: Optional[Dict[str, float]] = None,
                 contained: bool = False, reading_mask: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        backoff = dict(backoff or {})
        many = [label for label in backoff if label not in LABELS or LABELS[label].many]
        if many:
            raise ValueError(f"backoff is for single-valued labels of the scheme, not {many}")
        self.cfg["min_overlap"] = min_overlap
        self.cfg["backoff"] = backoff
        self.cfg["contained"] = contained
        self.cfg["reading_mask"] = reading_mask

    @property
    def fields(self) -> List[str]:
        """The scheme field of each class, in the order of `labels`."""
        return [split_model_label(name)[0] for name in self.labels]

    def predict(self, docs: Iterable[Doc]) -> Tuple[Ragged, Floats2d]:
        docs = list(docs)
        indices, scores = super().predict(docs)
        if self.cfg.get("reading_mask") and scores.size:
            scores = self.model.ops.asarray2f(self._masked(docs, indices, scores)[0])
        return indices, scores

    def get_loss(self, examples: Iterable[Example], spans_scores: Tuple[Ragged, Floats2d]) -> Tuple[float, Floats2d]:
        if not self.cfg.get("reading_mask"):
            return super().get_loss(examples, spans_scores)
        examples = list(examples)
        spans, scores = spans_scores
        masked, allowed = self._masked([eg.predicted for eg in examples], spans, scores)
        _, d_scores = super().get_loss(examples, (spans, self.model.ops.asarray2f(masked)))
        d_scores = self.model.ops.to_numpy(d_scores)
        # a gold class outside the readings (d = 0 - 1 there): that row learns unmasked
        excluded = ((d_scores < 0) & (allowed == 0)).any(axis=1)
        if excluded.any():
            target = masked[excluded] - d_scores[excluded]
            d_scores[excluded] = self.model.ops.to_numpy(scores)[excluded] - target
        return float((d_scores ** 2).sum()), self.model.ops.asarray2f(d_scores)

    def _masked(self, docs: List[Doc], spans: Ragged, scores: Floats2d) -> Tuple[numpy.ndarray, numpy.ndarray]:
        """The scores renormalised over each candidate's readings, and the 0/1 mask used."""
        scores = self.model.ops.to_numpy(scores)
        fields = self.fields
        allowed = numpy.ones_like(scores)
        data, row = self.model.ops.to_numpy(spans.dataXd), 0
        for doc, count in zip(docs, self.model.ops.to_numpy(spans.lengths)):
            readings: Dict[Tuple[int, int], set] = {}
            for span in (*doc.ents, *doc.spans.get(CANDIDATES_KEY, [])):
                readings.setdefault((span.start, span.end), set()).update(reading_fields(span.label_))
            for i in range(row, row + int(count)):
                read = readings.get((int(data[i, 0]), int(data[i, 1])))
                if read:
                    allowed[i, :len(fields)] = [field in read for field in fields]
            row += int(count)
        masked = scores * allowed
        return masked / numpy.maximum(masked.sum(axis=1, keepdims=True), 1e-12), allowed

    def _make_span_group_singlelabel(self, doc: Doc, indices: Ints2d, scores: Floats2d,
                                     allow_overlap: bool = True) -> SpanGroup:
        spans = super()._make_span_group_singlelabel(doc, indices, scores, allow_overlap)
        backoff = self.cfg.get("backoff") or {}
        if not backoff or scores.size == 0:
            return spans
        scores, indices = self.model.ops.to_numpy(scores), self.model.ops.to_numpy(indices)
        found = {split_model_label(span.label_)[0] for span in spans}
        kept = list(numpy.ravel(spans.attrs["scores"]))
        fields = self.fields
        for label, threshold in backoff.items():
            columns = [i for i, field in enumerate(fields) if field == label]
            if label in found or not columns:
                continue
            block = scores[:, columns]
            row, column = numpy.unravel_index(block.argmax(), block.shape)
            if block[row, column] >= threshold:
                spans.append(Span(doc, int(indices[row, 0]), int(indices[row, 1]), label=self.labels[columns[column]]))
                kept.append(float(block[row, column]))
        spans.attrs["scores"] = numpy.array(kept, dtype="f").reshape(-1, 1)
        return spans

    def _get_aligned_spans(self, eg: Example) -> List[Span]:
        gold = list(super()._get_aligned_spans(eg))
        exact = {(s.start, s.end) for s in gold}
        by_value = [s for s in gold if not LABELS[split_model_label(s.label_)[0]].wording_is_value]
        candidates = self.suggester([eg.predicted], ops=self.model.ops)
        for start, end in self.model.ops.to_numpy(candidates.dataXd).tolist():
            if (start, end) in exact or not by_value:
                continue
            best = max(by_value, key=lambda s: jaccard((start, end), (s.start, s.end)))
            if jaccard((start, end), (best.start, best.end)) >= self.cfg["min_overlap"]:
                gold.append(Span(eg.predicted, start, end, label=best.label_))
            elif self.cfg.get("contained"):
                nested = _same_value_nested(eg.predicted, start, end, by_value)
                if nested is not None:
                    gold.append(Span(eg.predicted, start, end, label=nested.label_))
        return gold


def _same_value_nested(doc: Doc, start: int, end: int, gold: List[Span]) -> Optional[Span]:
    """The gold span that holds tokens start..end, or lies within them, and whose text
    normalises to the same value."""
    language = doc._.get(LANGUAGE_EXTENSION) if doc.has_extension(LANGUAGE_EXTENSION) else None
    context = Context(lang=language or "en")
    text = doc[start:end].text
    for span in gold:
        if not (span.start <= start and end <= span.end) and not (start <= span.start and span.end <= end):
            continue
        name, required = split_model_label(span.label_)
        label = LABELS[name]
        mine, theirs = label.normalise(text, required, context), label.normalise(span.text, required, context)
        if mine is not None and theirs is not None and label.value_of(mine, text) == label.value_of(theirs, span.text):
            return span
    return None


@Language.factory(
    "vacancy_ie_spancat",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "sc", "negative_weight": 1.0, "allow_overlap": True, "min_overlap": 0.5,
        "backoff": {}, "contained": False, "reading_mask": False, "scorer": {"@scorers": "spacy.spancat_scorer.v1"},
    },
    default_score_weights={"spans_sc_f": 1.0, "spans_sc_p": 0.0, "spans_sc_r": 0.0},
)
def make_overlap_spancat(nlp: Language, name: str, suggester: Suggester,
                         model: Model[Tuple[List[Doc], Ragged], Floats2d], spans_key: str,
                         negative_weight: float, allow_overlap: bool, min_overlap: float,
                         backoff: Dict[str, float], contained: bool, reading_mask: bool,
                         scorer: Optional[Callable]) -> OverlapSpanCategorizer:
    return OverlapSpanCategorizer(
        nlp.vocab, model=model, suggester=suggester, name=name, spans_key=spans_key,
        negative_weight=negative_weight, allow_overlap=allow_overlap, max_positive=1,
        add_negative_label=True, threshold=None, scorer=scorer, min_overlap=min_overlap,
        backoff=backoff, contained=contained, reading_mask=reading_mask)
