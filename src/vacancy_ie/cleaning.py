"""Input cleaning with provenance: HTML and entities to text, mojibake repaired, odd spaces
normalised, and every cleaned character traced back to the raw input.

Annotations and extracted spans are reported against the raw input, so cleaning must keep
an exact character map. HTML-to-text libraries (selectolax, BeautifulSoup) drop source
positions, so tags and entities are handled here with the standard library's unescaper;
mojibake goes to ftfy line by line and its edits are mapped back with difflib.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Iterable

import ftfy
from ftfy.badness import is_bad

_BLOCK_TAGS = (
    "p|br|div|li|ul|ol|h[1-6]|table|tr|td|th|thead|tbody|section|article|header|footer|hr"
    "|blockquote|pre|dl|dt|dd"
)
_INLINE_TAGS = "span|strong|b|i|em|u|a|font|img|sup|sub|small|code|mark|abbr|label"
_TAG = re.compile(
    rf"<!--.*?-->|<(script|style)\b.*?</\1\s*>|</?(?:(?P<block>{_BLOCK_TAGS})|{_INLINE_TAGS})\b[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CHAR_MAP = {
    "\xa0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\r": "\n", "\f": "\n", "\v": "\n",
    "\u2028": "\n", "\u2029": "\n",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\xad": "",
}
_TRANSLATION = str.maketrans(_CHAR_MAP)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus, for each cleaned character, the raw span it came from."""

    raw: str
    text: str
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the cleaned span [start, end)."""
        if start >= end:
            pos = self.raw_starts[start] if start < len(self.text) else len(self.raw)
            return pos, pos
        return self.raw_starts[start], self.raw_ends[end - 1]

    def from_raw(self, start: int, end: int) -> tuple[int, int] | None:
        """Cleaned offsets of the raw span [start, end), or None if nothing of it survives."""
        clean_start = bisect_left(self.raw_starts, start)
        clean_end = bisect_right(self.raw_ends, end)
        if clean_start >= clean_end:
            return None
        return clean_start, clean_end


class _Builder:
    """Accumulates cleaned text with, per character, the raw span it came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, piece: str, starts: Iterable[int], ends: Iterable[int]) -> None:
        """Append characters whose raw spans are known one by one."""
        self.parts.append(piece)
        self.starts.extend(starts)
        self.ends.extend(ends)

    def emit(self, piece: str, raw_start: int, raw_end: int) -> None:
        """Append text taken from raw[raw_start:raw_end]: 1:1 when the lengths agree,
        otherwise every character maps to the whole raw span (an entity, a repaired run)."""
        if not piece:
            return
        if len(piece) == raw_end - raw_start:
            self.copy(piece, range(raw_start, raw_end), range(raw_start + 1, raw_end + 1))
        else:
            self.copy(piece, [raw_start] * len(piece), [raw_end] * len(piece))

    def emit_normalised(self, raw: str, start: int, end: int) -> None:
        """Append raw[start:end] with odd spaces, controls and invisible characters normalised."""
        run_start = start
        for i in range(start, end):
            repl = _CHAR_MAP.get(raw[i])
            if raw[i] == "\r" and raw[i + 1 : i + 2] == "\n":
                repl = ""
            elif repl is None and _CONTROL.match(raw[i]):
                repl = " "
            if repl is None:
                continue
            self.emit(raw[run_start:i], run_start, i)
            self.emit(repl, i, i + 1)
            run_start = i + 1
        self.emit(raw[run_start:end], run_start, end)


def _strip_markup(raw: str) -> _Builder:
    out = _Builder()
    pos = 0
    has_tags = _TAG.search(raw) is not None
    pattern = re.compile(f"{_TAG.pattern}|{_ENTITY.pattern}", _TAG.flags) if has_tags else _ENTITY
    for match in pattern.finditer(raw):
        out.emit_normalised(raw, pos, match.start())
        token = match.group(0)
        if token.startswith("&"):
            decoded = html.unescape(token)
            out.emit(_CHAR_MAP.get(decoded, decoded), match.start(), match.end())
        elif match.group("block"):
            out.emit("\n", match.start(), match.end())
        pos = match.end()
    out.emit_normalised(raw, pos, len(raw))
    return out


def _repair_mojibake(text: str, starts: list[int], ends: list[int]) -> _Builder:
    """Fix mis-decoded UTF-8 line by line; unchanged stretches keep their exact map."""
    out = _Builder()
    offset = 0
    for line in text.splitlines(keepends=True):
        fixed = ftfy.fix_encoding(line) if is_bad(line) else line
        matcher = SequenceMatcher(a=line, b=fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                idx = range(offset + i1, offset + i2)
                out.copy(fixed[j1:j2], (starts[i] for i in idx), (ends[i] for i in idx))
            elif j2 > j1:
                # repaired characters can themselves be odd spaces (mojibake of U+202F ...)
                piece = fixed[j1:j2].translate(_TRANSLATION)
                lo_i = min(offset + i1, len(starts) - 1)
                hi_i = min(offset + max(i2, i1 + 1) - 1, len(starts) - 1)
                out.copy(piece, [starts[lo_i]] * len(piece), [ends[hi_i]] * len(piece))
        offset += len(line)
    return out


def clean(raw: str) -> CleanText:
    """Turn a notice as copied from a job board (plain text or HTML) into clean text."""
    stage = _strip_markup(raw)
    text = "".join(stage.parts)
    if any(is_bad(line) for line in text.splitlines()):
        stage = _repair_mojibake(text, stage.starts, stage.ends)
        text = "".join(stage.parts)
    return CleanText(raw=raw, text=text, raw_starts=tuple(stage.starts), raw_ends=tuple(stage.ends))
