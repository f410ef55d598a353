"""spaCy's English tokenizer, plus splits for the glued tokens that job boards produce.

Copy-paste from job boards glues fields together ("2026March 12", "BrusselsBelgium",
"Grade UGSpecial"). Splitting them in the tokenizer, rather than inserting spaces in the
text, keeps offsets exact; an extra split never stops a span from aligning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from ..keys import CLEAN_EXTENSION, register_extensions
from .cleaning import clean

GLUE_INFIXES = (
    r"(?<=[0-9])(?=[A-Z][a-z])",  # 2026March, 2026Brussels
    r"(?<=[a-z]{2})(?=[A-Z][a-z])",  # BrusselsBelgium, daysPosted
    r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2})",  # UGSpecial, IOMThe (not NGOs)
    r"[)\]](?=[A-Za-z0-9])",  # (Up to 9 months)IOM
    r"(?<=[A-Za-z]):(?=[0-9])",  # Deadline:07.06.2026
    r"(?<=[A-Za-z0-9])\((?=[A-Za-z0-9])",  # Specialist(P4)
)
GLUE_PREFIXES = (r"/",)  # "/handling"
GLUE_SUFFIXES = (r"/",)  # "management/ education"
# v2: French elision, so that "l'anglais" and "d'expérience" give the word a span of its own.
# English contraction endings ("n't", "'s", "'ll") are not elisions.
ELISION_PREFIXES = (r"(?i:qu|[cdjlmnst])['’](?!(?i:t|s|d|m|ll|re|ve)\b)(?=[^\W\d_])",)


def _tokenizer(extra_prefixes: tuple[str, ...]) -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(nlp.Defaults.infixes or []) + list(GLUE_INFIXES)
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        prefixes = list(extra_prefixes) + list(nlp.Defaults.prefixes or []) + list(GLUE_PREFIXES)
        tokenizer.prefix_search = compile_prefix_regex(prefixes).search
        suffixes = list(nlp.Defaults.suffixes or []) + list(GLUE_SUFFIXES)
        tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        return tokenizer

    return make


@registry.tokenizers("vacancy_ie.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The default tokenizer of the language with the glue-splitting infixes added."""
    return _tokenizer(())


@registry.tokenizers("vacancy_ie.Tokenizer.v2")
def create_tokenizer_v2() -> Callable[[Language], Tokenizer]:
    """v1 plus French elisions split off ("l'" "anglais"): French and Spanish notices (scheme v2)."""
    return _tokenizer(ELISION_PREFIXES)


class CleaningTokenizer:
    """Cleans raw input (HTML, entities, mojibake) before tokenising, so that `nlp(html)` works
    and the Doc keeps the map from its text back to the input (`doc._.clean`)."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cleaned = clean(text)
        doc = self.tokenizer(cleaned.text)
        doc._.set(CLEAN_EXTENSION, cleaned)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> "CleaningTokenizer":
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CleaningTokenizer":
        self.tokenizer.from_bytes(data, **kwargs)
        return self


def _cleaning(make_inner: Callable[[Language], Tokenizer]) -> Callable[[Language], CleaningTokenizer]:
    register_extensions()

    def make(nlp: Language) -> CleaningTokenizer:
        return CleaningTokenizer(make_inner(nlp))

    return make


@registry.tokenizers("vacancy_ie.CleaningTokenizer.v1")
def create_cleaning_tokenizer() -> Callable[[Language], CleaningTokenizer]:
    """The glue-splitting tokenizer behind input cleaning: the trained pipelines' tokenizer."""
    return _cleaning(create_tokenizer())


@registry.tokenizers("vacancy_ie.CleaningTokenizer.v2")
def create_cleaning_tokenizer_v2() -> Callable[[Language], CleaningTokenizer]:
    """Input cleaning before `vacancy_ie.Tokenizer.v2` (French elisions split)."""
    return _cleaning(create_tokenizer_v2())


def text_tokenizer(nlp: Language) -> Tokenizer:
    """The tokenizer that reads text already cleaned: the one inside a cleaning tokenizer."""
    tokenizer = nlp.tokenizer
    return tokenizer.tokenizer if isinstance(tokenizer, CleaningTokenizer) else tokenizer


def blank_nlp(lang: str = "en") -> Language:
    """A blank pipeline with the newest tokenizer, as the trained pipelines use it (a v1 span
    boundary is also a v2 one: v2 only adds splits)."""
    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.Tokenizer.v2"}}})
