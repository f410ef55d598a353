"""Candidate spans for the span classifier: the entity recogniser's spans, plus (optionally)
the rule-based extractor's. The classifier then scores each candidate, which gives every
extracted item a model confidence and lets rules and model combine: a rule span the model
does not believe is dropped, one the NER missed can still be kept."""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Ops, get_current_ops
from thinc.types import Ragged

from ..keys import CANDIDATES_KEY, TRAINING_CANDIDATES_KEY
from .rules import extract_shared


def _rule_spans(doc: Doc) -> set[tuple[int, int]]:
    spans = set()
    for found in extract_shared(doc.text):
        span = doc.char_span(found.start, found.end, alignment_mode="strict")
        if span is not None:
            spans.add((span.start, span.end))
    return spans


@registry.misc("vacancy_ie.EntsSuggester.v1")
def build_ents_suggester(rules: bool = True) -> Callable[[Iterable[Doc], Optional[Ops]], Ragged]:
    """Candidates: the entities, the rule spans when `rules`, and in training the gold spans
    the corpus reader puts under `training_candidates` (absent at inference)."""
    def suggest(docs: Iterable[Doc], *, ops: Optional[Ops] = None) -> Ragged:
        ops = ops or get_current_ops()
        spans: List[List[tuple[int, int]]] = []
        lengths: List[int] = []
        for doc in docs:
            candidates = {(e.start, e.end) for e in doc.ents}
            candidates |= {(s.start, s.end) for s in doc.spans.get(TRAINING_CANDIDATES_KEY, [])}
            if rules:
                candidates |= _rule_spans(doc)
            ordered = sorted(candidates)
            spans.append(ordered)
            lengths.append(len(ordered))
        flat = [pair for doc_spans in spans for pair in doc_spans]
        data = ops.asarray2i(flat) if flat else ops.alloc2i(0, 2)
        return Ragged(data, ops.asarray1i(lengths))

    return suggest


@registry.misc("vacancy_ie.CandidatesSuggester.v1")
def build_candidates_suggester(groups: Optional[List[str]] = None
                               ) -> Callable[[Iterable[Doc], Optional[Ops]], Ragged]:
    """Candidates read from the Doc: the entities, the span groups `groups` that upstream
    components wrote (the rules' candidates), and in training the gold spans the corpus
    reader puts under `training_candidates`. Unlike v1 it runs no rules itself."""
    groups = [CANDIDATES_KEY] if groups is None else groups

    def suggest(docs: Iterable[Doc], *, ops: Optional[Ops] = None) -> Ragged:
        ops = ops or get_current_ops()
        flat: List[tuple[int, int]] = []
        lengths: List[int] = []
        for doc in docs:
            found = {(e.start, e.end) for e in doc.ents}
            for key in (*groups, TRAINING_CANDIDATES_KEY):
                found |= {(s.start, s.end) for s in doc.spans.get(key, [])}
            ordered = sorted(found)
            flat.extend(ordered)
            lengths.append(len(ordered))
        data = ops.asarray2i(flat) if flat else ops.alloc2i(0, 2)
        return Ragged(data, ops.asarray1i(lengths))

    return suggest
