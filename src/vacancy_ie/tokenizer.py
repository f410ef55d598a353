"""spaCy's English tokenizer, plus splits for the glued tokens that job boards produce.

Copy-paste from job boards glues fields together ("2026March 12", "BrusselsBelgium",
"Grade UGSpecial"). Splitting them in the tokenizer, rather than inserting spaces in the
text, keeps offsets exact; an extra split never stops a span from aligning.
"""

from __future__ import annotations

from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

GLUE_INFIXES = (
    r"(?<=[0-9])(?=[A-Z][a-z])",  # 2026March, 2026Brussels
    r"(?<=[a-z]{2})(?=[A-Z][a-z])",  # BrusselsBelgium, daysPosted
    r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2})",  # UGSpecial, IOMThe (not NGOs)
    r"[)\]](?=[A-Za-z0-9])",  # (Up to 9 months)IOM
    r"(?<=[A-Za-z]):(?=[0-9])",  # Deadline:07.06.2026
)


@registry.tokenizers("vacancy_ie.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The default tokenizer of the language with the glue-splitting infixes added."""

    def make(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(nlp.Defaults.infixes or []) + list(GLUE_INFIXES)
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return make


def blank_nlp(lang: str = "en") -> Language:
    """A blank pipeline with this tokenizer, as the trained pipelines use it."""
    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.Tokenizer.v1"}}})
