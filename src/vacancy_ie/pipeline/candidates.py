"""The rules as a pipeline component: once per notice, every candidate span the rule-based
extractor proposes goes to `doc.spans[CANDIDATES_KEY]`, labelled with the rules' own reading
(its trained-class name, `DATE` / `LANGUAGE_MENTION` / `GRADE_MENTION` where no rule decided).

Downstream components read that span group: the suggester offers its spans to the span
classifier, and the classifier's features say which reading the rules gave. Nothing is
memoised between components: the Doc carries it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from ..keys import CANDIDATES_KEY, register_extensions
from ..labels import LABELS, model_label, split_model_label
from ..text.language import reading_language
from .rules import UNDECIDED_DATE, UNDECIDED_GRADE, UNDECIDED_LANGUAGE, candidates

# The candidate labels the classifier has a feature column for, in a fixed order. A
# GRADE_MENTION has none, so that the classifiers trained before it keep their width: it is
# told apart by its tokens, its context and the absence of a rules reading.
CANDIDATE_KINDS: tuple[str, ...] = tuple(
    kind for name, label in LABELS.items()
    for kind in ((name, name + label.soft_suffix) if label.soft_suffix else (name,))
) + (UNDECIDED_DATE, UNDECIDED_LANGUAGE)

# The fields an undecided reading may turn out to be; a decided reading is its own field.
_UNDECIDED_FIELDS: dict[str, frozenset[str]] = {
    UNDECIDED_DATE: frozenset({"DEADLINE", "POSTED"}),
    UNDECIDED_LANGUAGE: frozenset({"LANGUAGE"}),
    UNDECIDED_GRADE: frozenset({"GRADE"}),
}


def reading_fields(label: str) -> frozenset[str]:
    """The scheme fields a span labelled `label` by the rules or the NER can be: "DATE" is a
    deadline or a posting date, "LANGUAGE_DESIRABLE" a language."""
    return _UNDECIDED_FIELDS.get(label) or frozenset({split_model_label(label)[0]})


class CandidatesComponent:
    """Writes the rules' candidates of each notice to `doc.spans[key]`, and the language the
    rules read it in to `doc._.language` (the record reports it). `grade_mentions` adds every
    grade spelling, cue or not (off in the pipelines released before it)."""

    def __init__(self, name: str, key: str, grade_mentions: bool = False) -> None:
        self.name = name
        self.key = key
        self.grade_mentions = grade_mentions
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.language = reading_language(doc.text)
        spans = []
        for found in candidates(doc.text, doc._.language, self.grade_mentions):
            span = doc.char_span(found.start, found.end, alignment_mode="expand",
                                 label=model_label(found.label, found.attrs) if found.attrs else found.label)
            if span is not None:
                spans.append(span)
        doc.spans[self.key] = SpanGroup(doc, name=self.key, spans=spans)
        return doc


@Language.factory("vacancy_ie_candidates", default_config={"key": CANDIDATES_KEY, "grade_mentions": False},
                  assigns=["doc.spans"])
def make_candidates_component(nlp: Language, name: str, key: str, grade_mentions: bool) -> CandidatesComponent:
    return CandidatesComponent(name, key, grade_mentions)
