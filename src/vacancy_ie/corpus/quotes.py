"""Stand-off records back to the quote form annotators edit (the inverse of `author`).

A pre-annotation or an existing gold record becomes one quote line per span, with the
`occurrence` that `author` needs to place it again exactly where it was, so a reviewer edits
quotes and attributes and never offsets. Quotes are notice text: the files live under the
git-ignored corpus/work/.
"""

from __future__ import annotations

from typing import Any

from ..text.cleaning import CleanText
from .author import quote_pattern
from .records import AnnotationRecord


def to_quotes(record: AnnotationRecord, cleaned: CleanText) -> dict[str, Any]:
    """The record as one quote-form line: each span's quote, label, attrs and occurrence."""
    spans = []
    for span in sorted(record.spans, key=lambda s: (s.start, s.end)):
        placed = cleaned.from_raw(span.start, span.end)
        if placed is None:
            continue
        lo, hi = placed
        quote = cleaned.text[lo:hi]
        hits = [m.start() for m in quote_pattern(quote).finditer(cleaned.text)]
        item: dict[str, Any] = {"quote": quote, "label": span.label, "attrs": span.attrs}
        if len(hits) > 1:
            item["occurrence"] = hits.index(lo) + 1 if lo in hits else 1
        spans.append(item)
    return {"id": record.id, "source": record.source, "annotator": record.annotator, "spans": spans}
