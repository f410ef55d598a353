"""Training data for `spacy train`: the converted DocBins, with the gold spans relabelled as
the classes the model learns (see `labels.model_label`), as entities for the recogniser
(nested spans cannot be entities: the inner one is left to the span classifier) and as the
span group the classifier learns."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Corpus, Example
from spacy.util import filter_spans, registry

from ..corpus.convert import gold_attrs
from ..keys import SPANS_KEY, TRAINING_CANDIDATES_KEY, USER_DATA_KEY, register_extensions
from ..labels import model_label
from ..text.language import reading_language
from ..text.tokenizer import text_tokenizer


@registry.readers("vacancy_ie.SpanCorpus.v1")
def create_span_corpus(path: Path, spans_key: str = SPANS_KEY,
                       limit: int = 0) -> Callable[[Language], Iterable[Example]]:
    """v1 (released): every corpus offers its gold spans as candidates, the dev corpus too,
    which lets the span classifier see gold spans when checkpoints are chosen."""
    return create_span_corpus_v2(path, spans_key, limit, gold_candidates=True)


@registry.readers("vacancy_ie.SpanCorpus.v2")
def create_span_corpus_v2(path: Path, spans_key: str = SPANS_KEY, limit: int = 0,
                          gold_candidates: bool = True) -> Callable[[Language], Iterable[Example]]:
    """v1 with `gold_candidates`: true for the training corpus (the classifier sees every gold
    span from the first step), false for the dev corpus, so that the dev scores that choose
    `model-best` come from the candidates a user's notice gets (NER and rules) alone."""
    corpus = Corpus(path, limit=limit)
    register_extensions()

    def read(nlp: Language) -> Iterator[Example]:
        # The stored texts are already clean: tokenise them as they are, so the predicted and
        # reference texts match exactly.
        tokenize = text_tokenizer(nlp)
        for example in corpus(nlp):
            reference = example.reference
            example = Example(tokenize(reference.text), reference)
            attrs = gold_attrs(reference)
            spans = [Span(reference, s.start, s.end,
                          label=model_label(s.label_, attrs.get((s.start_char, s.end_char, s.label_), {})))
                     for s in reference.spans.get(SPANS_KEY, [])]
            reference.spans[spans_key] = spans
            reference.set_ents(filter_spans(spans))
            if gold_candidates:
                example.predicted.spans[TRAINING_CANDIDATES_KEY] = [
                    example.predicted.char_span(s.start_char, s.end_char) for s in spans]
            # year-less dates in the notice resolve against the day it was collected
            example.predicted._.reference_date = reference.user_data.get(USER_DATA_KEY, {}).get("reference_date")
            yield example

    return read


@registry.readers("vacancy_ie.SpanCorpus.v3")
def create_span_corpus_v3(path: Path, spans_key: str = SPANS_KEY, limit: int = 0,
                          gold_candidates: bool = True,
                          repeat: Optional[Dict[str, int]] = None) -> Callable[[Language], Iterable[Example]]:
    """v2, with each notice written in a language of `repeat` ({"fr": 2}) read that many times
    per epoch, so that a few French and Spanish notices are not drowned by the English ones."""
    read_v2 = create_span_corpus_v2(path, spans_key, limit, gold_candidates)
    repeat = repeat or {}
    languages: dict[str, str] = {}  # text -> language, detected once, not every epoch

    def times(text: str) -> int:
        if not repeat:
            return 1
        if text not in languages:
            languages[text] = reading_language(text)
        return repeat.get(languages[text], 1)

    def read(nlp: Language) -> Iterator[Example]:
        for example in read_v2(nlp):
            yield example
            for _ in range(times(example.reference.text) - 1):
                yield example.copy()

    return read
