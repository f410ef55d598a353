"""The span classifier that decides every field: spaCy's single-label span categorizer, with
training targets that match its candidates to gold by overlap, not only exact boundaries.

spaCy marks a candidate positive only when its boundaries equal a gold span's. The
candidates a user's notice gets come from the NER and the rules, whose boundaries often
differ slightly from the annotator's ("a Master's degree in law" against "Master's degree in
law"): trained that way, the classifier learns to reject exactly the spans it will see. Here
a candidate takes the label of the gold span it overlaps most (token Jaccard >= `min_overlap`)
for labels whose value is normalised from the text (a language, a level, a date); a SKILL's
value is its wording, so it still needs exact boundaries.
"""

from __future__ import annotations

from typing import Callable, List, Optional, Tuple

from spacy.language import Language
from spacy.pipeline.spancat import SpanCategorizer, Suggester
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import Model
from thinc.types import Floats2d, Ragged

from ..labels import LABELS, split_model_label


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two (start, end) ranges over their union."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


class OverlapSpanCategorizer(SpanCategorizer):
    """Single-label span categorizer whose targets align candidates to gold by overlap."""

    def __init__(self, *args, min_overlap: float = 0.5, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cfg["min_overlap"] = min_overlap

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
        return gold


@Language.factory(
    "vacancy_ie_spancat",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "sc", "negative_weight": 1.0, "allow_overlap": True, "min_overlap": 0.5,
        "scorer": {"@scorers": "spacy.spancat_scorer.v1"},
    },
    default_score_weights={"spans_sc_f": 1.0, "spans_sc_p": 0.0, "spans_sc_r": 0.0},
)
def make_overlap_spancat(nlp: Language, name: str, suggester: Suggester,
                         model: Model[Tuple[List[Doc], Ragged], Floats2d], spans_key: str,
                         negative_weight: float, allow_overlap: bool, min_overlap: float,
                         scorer: Optional[Callable]) -> OverlapSpanCategorizer:
    return OverlapSpanCategorizer(
        nlp.vocab, model=model, suggester=suggester, name=name, spans_key=spans_key,
        negative_weight=negative_weight, allow_overlap=allow_overlap, max_positive=1,
        add_negative_label=True, threshold=None, scorer=scorer, min_overlap=min_overlap)
