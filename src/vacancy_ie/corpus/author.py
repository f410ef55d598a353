"""Quote-based authoring: annotators name a span by quoting it, this module finds the offsets.

An annotator (a person or a helper) writes, per document, the quoted span text, its label and
attributes, and where the quote repeats, which occurrence (1-based), "all", or a longer
`context` that contains it exactly once. Quotes are matched against the cleaned text that
`vacancy-ie corpus show` prints; offsets are stored against the raw text of the data volume.
Ambiguous quotes are refused rather than guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..text.cleaning import CleanText, clean
from .records import AnnotationRecord, Span
from .volume import DataVolume

_FLEX = {
    "'": "['’‘`´]", "’": "['’‘`´]", "‘": "['’‘`´]",
    '"': '["“”]', "“": '["“”]', "”": '["“”]',
    "-": "[-‐‑–—]", "–": "[-‐‑–—]", "—": "[-‐‑–—]",
}


class AuthoringError(ValueError):
    """A quote that cannot be placed: not found, or found more than once without a choice."""


def quote_pattern(quote: str) -> re.Pattern[str]:
    """A pattern that matches the quote whatever its whitespace, apostrophes and dashes."""
    parts = []
    for token in re.split(r"(\s+)", quote.strip()):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        else:
            parts.append("".join(_FLEX.get(ch, re.escape(ch)) for ch in token))
    return re.compile("".join(parts))


def _find(pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, lo, len(text) if hi is None else hi)]


def place_quote(cleaned: str, item: dict[str, Any]) -> list[tuple[int, int]]:
    """Cleaned-text offsets of one quoted span (several when occurrence is "all")."""
    quote = str(item.get("quote", "")).strip()
    if not quote:
        raise AuthoringError("empty quote")
    pattern = quote_pattern(quote)
    context = item.get("context")
    if context:
        windows = _find(quote_pattern(str(context)), cleaned)
        if len(windows) != 1:
            raise AuthoringError(f"context {str(context)[:60]!r} found {len(windows)} times, need once")
        hits = _find(pattern, cleaned, *windows[0])
    else:
        hits = _find(pattern, cleaned)
    if not hits:
        raise AuthoringError(f"quote {quote[:60]!r} not found" + (" in its context" if context else ""))
    occurrence = item.get("occurrence")
    if occurrence == "all":
        return hits
    if occurrence is not None:
        if not isinstance(occurrence, int) or not 1 <= occurrence <= len(hits):
            raise AuthoringError(f"quote {quote[:60]!r}: occurrence {occurrence!r} of {len(hits)}")
        return [hits[occurrence - 1]]
    if len(hits) > 1:
        raise AuthoringError(
            f"quote {quote[:60]!r} occurs {len(hits)} times: give occurrence (1..{len(hits)} or "
            f"\"all\") or a context"
        )
    return hits


@dataclass
class AuthoredDoc:
    record: AnnotationRecord
    errors: list[str]


def author_document(item: dict[str, Any], volume: DataVolume, status: str = "gold",
                    annotator: str | None = None) -> AuthoredDoc:
    """Turn one quote-based document annotation into a stand-off record."""
    notice = volume.get(str(item["id"]), item.get("source"))
    cleaned: CleanText = clean(notice.text)
    spans, errors, seen = [], [], set()
    for n, quoted in enumerate(item.get("spans", []), 1):
        try:
            places = place_quote(cleaned.text, quoted)
        except AuthoringError as err:
            errors.append(f"span {n} ({quoted.get('label')}): {err}")
            continue
        for start, end in places:
            raw_start, raw_end = cleaned.to_raw(start, end)
            span = Span(raw_start, raw_end, str(quoted.get("label")), dict(quoted.get("attrs") or {}))
            if span.key not in seen:
                seen.add(span.key)
                spans.append(span)
    record = AnnotationRecord(
        id=notice.id, source=notice.source, sha256=notice.sha256, status=status,
        annotator=annotator or str(item.get("annotator", "unknown")), spans=spans,
    )
    return AuthoredDoc(record, errors)


def read_quote_file(path: str | Path) -> Iterable[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as err:
                    raise AuthoringError(f"{path}:{n}: not JSON ({err})") from err
