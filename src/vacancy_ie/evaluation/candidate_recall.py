"""How many gold spans the rules' candidates cover, per label: the ceiling of a classifier that
decides only among them (the NER adds its own spans on top). A candidate covers a gold span
when their characters overlap by Jaccard >= 0.5, as the classifier's training targets align
them; a SKILL, whose value is its wording, only when the boundaries are equal."""

from __future__ import annotations

from typing import Any

from ..labels import LABELS
from ..pipeline.classifier import jaccard
from ..pipeline.rules import candidates
from ..text.cleaning import clean
from ..text.language import reading_language
from .systems import EvalDoc

MIN_OVERLAP = 0.5


def candidate_recall(docs: list[EvalDoc]) -> dict[str, dict[str, Any]]:
    """Per label: gold spans, those a candidate covers, and the share."""
    gold = {label: 0 for label in LABELS}
    covered = {label: 0 for label in LABELS}
    for doc in docs:
        cleaned = clean(doc.raw)
        spans = [cleaned.to_raw(f.start, f.end) for f in candidates(cleaned.text, reading_language(cleaned.text))]
        for g in doc.gold:
            need = 1.0 if LABELS[g.label].wording_is_value else MIN_OVERLAP
            gold[g.label] += 1
            covered[g.label] += any(jaccard((g.start, g.end), s) >= need for s in spans)
    return {label: {"gold": gold[label], "covered": covered[label],
                    "recall": covered[label] / gold[label] if gold[label] else 0.0} for label in LABELS}
