"""From a stand-off record to a tokenised Doc: clean the raw text, carry the raw offsets over
to the cleaned text and onto token boundaries. Used by validation and conversion alike, so a
record that validates is exactly a record that converts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..text.cleaning import CleanText, clean
from .records import AnnotationRecord, Span
from .volume import Notice


@dataclass
class AlignedSpan:
    span: Span
    doc_span: DocSpan | None
    problem: str | None = None


@dataclass
class AlignedDoc:
    notice: Notice
    cleaned: CleanText
    doc: Doc
    spans: list[AlignedSpan] = field(default_factory=list)

    @property
    def misaligned(self) -> list[AlignedSpan]:
        return [s for s in self.spans if s.doc_span is None]


def align_record(record: AnnotationRecord, notice: Notice, nlp: Language) -> AlignedDoc:
    cleaned = clean(notice.text)
    doc = nlp.make_doc(cleaned.text)
    aligned = AlignedDoc(notice, cleaned, doc)
    for span in record.spans:
        if not 0 <= span.start < span.end <= len(notice.text):
            aligned.spans.append(AlignedSpan(span, None, f"offsets {span.start}-{span.end} out of "
                                                         f"bounds (text has {len(notice.text)} chars)"))
            continue
        mapped = cleaned.from_raw(span.start, span.end)
        if mapped is None:
            aligned.spans.append(AlignedSpan(span, None, "covers only markup removed by cleaning"))
            continue
        doc_span = doc.char_span(*mapped, label=span.label, alignment_mode="strict")
        problem = None
        if doc_span is None:
            snapped = doc.char_span(*mapped, alignment_mode="expand")
            hint = f" (nearest tokens: {snapped.text[:60]!r})" if snapped is not None else ""
            problem = f"span {cleaned.text[mapped[0]:mapped[1]][:60]!r} is not on token boundaries{hint}"
        aligned.spans.append(AlignedSpan(span, doc_span, problem))
    return aligned
