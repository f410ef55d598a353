"""Input cleaning with provenance: HTML and entities to text, mojibake repaired, odd spaces
normalised, and every cleaned character traced back to the raw input.

Annotations and extracted spans are reported against the raw input, so cleaning must keep
an exact character map. HTML-to-text libraries (selectolax, BeautifulSoup) drop source
positions, so markup is found with the standard library's HTMLParser, whose event positions
are exact, and entities are decoded here; mojibake goes to ftfy one suspect run at a time, so
that the text around a repaired run keeps its 1:1 map and the work stays linear.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterable, Iterator

import ftfy
from ftfy.badness import is_bad

# Known element names: only these make a text count as HTML, so "Grade <P-3>" stays plain.
_ELEMENTS = frozenset("""
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd label legend li link main map mark menu meta meter nav
    noscript object ol optgroup option output p param picture pre progress q s samp script
    section select small source span strike strong style sub summary sup svg table tbody td
    template textarea tfoot th thead time title tr track tt u ul var video wbr
""".split())
# Tags that break a line of text: each becomes one newline.
_BLOCK = frozenset("""
    address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre
    section summary table tbody td tfoot th thead tr ul
""".split())
# Elements whose content is not text of the notice.
_DROPPED = frozenset("script style head title noscript template svg iframe object".split())
_TAG_LIKE = re.compile(r"<!--|<!doctype\b|</?([a-z][a-z0-9]*)(?:[\s/][^<>]*)?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CHAR_MAP = {
    "\xa0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\r": "\n", "\f": "\n", "\v": "\n",
    "\u2028": "\n", "\u2029": "\n",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\xad": "",
}
_TRANSLATION = str.maketrans(_CHAR_MAP)
_CONTROL = r"\x00-\x08\x0e-\x1f\x7f"
_SPECIAL = re.compile(f"[{re.escape(''.join(_CHAR_MAP))}{_CONTROL}]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")  # mis-decoded UTF-8 is all non-ASCII
# ftfy's badness patterns look at most two characters beside a non-ASCII run; a run borrows
# them from the ASCII text of its line, not from the next run, which is judged on its own.
_CONTEXT_BEFORE = re.compile(r"[\x00-\t\x0b-\x7f]{0,2}\Z")
_CONTEXT_AFTER = re.compile(r"[\x00-\t\x0b-\x7f]{0,2}")


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
        for match in _SPECIAL.finditer(raw, start, end):
            i = match.start()
            if raw[i] == "\r" and raw[i + 1 : i + 2] == "\n":
                repl = ""
            else:
                repl = _CHAR_MAP.get(raw[i], " ")
            self.emit(raw[run_start:i], run_start, i)
            self.emit(repl, i, i + 1)
            run_start = i + 1
        self.emit(raw[run_start:end], run_start, end)

    def emit_text(self, raw: str, start: int, end: int) -> None:
        """Append the text raw[start:end] with entities decoded and odd characters normalised."""
        pos = start
        for match in _ENTITY.finditer(raw, start, end):
            self.emit_normalised(raw, pos, match.start())
            decoded = html.unescape(match.group(0))
            self.emit(_CHAR_MAP.get(decoded, decoded), match.start(), match.end())
            pos = match.end()
        self.emit_normalised(raw, pos, end)


class _TextFinder(HTMLParser):
    """Walks HTML and appends its text and line breaks to a builder, at their raw offsets.

    It is fed a masked copy of the raw text (see _mask) and never closed: markup left open at
    the end (a comment, a tag, a script) runs to the end and is dropped, as in a browser, and
    each construct is scanned once (close() would rescan the rest for every unclosed one)."""

    def __init__(self, raw: str, out: _Builder) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.out = out
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", raw))]
        self.dropping: str | None = None  # the outermost open element whose content is dropped
        self.depth = 0  # how many `dropping` elements are open, nested in one another

    def raw_offset(self) -> int:
        """Raw offset of the event being handled: getpos() counts lines by '\\n', as we do."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_data(self, data: str) -> None:
        if self.dropping is None:
            start = self.raw_offset()
            self.out.emit_text(self.raw, start, start + len(data))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.dropping:
            self.depth += 1
        elif self.dropping == "head" and tag == "body":  # <body> ends an unclosed <head>
            self.dropping = None
        elif self.dropping is None and tag in _DROPPED:
            self.dropping, self.depth = tag, 1
        else:
            self.break_line(tag, len(self.get_starttag_text()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.break_line(tag, len(self.get_starttag_text()))

    def handle_endtag(self, tag: str) -> None:
        if tag == self.dropping:
            self.depth -= 1
            if not self.depth:
                self.dropping = None
        else:
            start = self.raw_offset()
            self.break_line(tag, self.raw.index(">", start) + 1 - start)

    def break_line(self, tag: str, length: int) -> None:
        """A block tag of `length` raw characters at the current offset becomes a newline."""
        if tag in _BLOCK and self.dropping is None:
            start = self.raw_offset()
            self.out.emit("\n", start, start + length)


def _looks_like_html(raw: str) -> bool:
    """A comment, a doctype or a tag of a known element: a stray '<' alone is plain text."""
    return any(m.group(1) is None or m.group(1).lower() in _ELEMENTS
               for m in _TAG_LIKE.finditer(raw))


def _mask(raw: str) -> str:
    """The raw text as the parser should see it, same length and lines. Entities are decoded
    from the raw text by emit_text, so '&' is hidden: HTMLParser (CPython 3.11) stops finding
    tags after a bad '&#'. '<![' is made a bogus comment, as in HTML: HTMLParser raises on it."""
    return raw.replace("&", "*").replace("<![", "<!*")


def _strip_markup(raw: str) -> _Builder:
    out = _Builder()
    if _looks_like_html(raw):
        _TextFinder(raw, out).feed(_mask(raw))
    else:
        out.emit_text(raw, 0, len(raw))
    return out


def _suspect_windows(text: str) -> Iterator[tuple[int, int]]:
    """Each non-ASCII run with the context ftfy needs to judge it."""
    for match in _NON_ASCII_RUN.finditer(text):
        start, end = match.span()
        yield (_CONTEXT_BEFORE.search(text, max(0, start - 2), start).start(),
               _CONTEXT_AFTER.match(text, end).end())


def _common_affixes(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and suffix of two different strings, leaving `old` a
    non-empty middle so that the replacement has a raw span."""
    limit = min(len(old), len(new))
    head = next((i for i in range(limit) if old[i] != new[i]), limit)
    limit -= head
    tail = next((i for i in range(limit) if old[-1 - i] != new[-1 - i]), limit)
    if head + tail == len(old):  # a pure insertion: give it the character after it
        return (head, tail - 1) if tail else (head - 1, tail)
    return head, tail


def _repair_mojibake(text: str, starts: list[int], ends: list[int]) -> _Builder:
    """Fix mis-decoded UTF-8 run by run; unchanged text keeps its exact map and a repaired
    stretch maps, character by character, to the raw span of what it replaces."""
    out = _Builder()
    pos = 0
    for lo, hi in _suspect_windows(text):
        lo = max(lo, pos)  # the previous repair may have used this context
        window = text[lo:hi]
        fixed = ftfy.fix_encoding(window) if is_bad(window) else window
        if fixed == window:
            continue
        head, tail = _common_affixes(window, fixed)
        out.copy(text[pos : lo + head], starts[pos : lo + head], ends[pos : lo + head])
        # repaired characters can themselves be odd spaces (mojibake of U+202F ...)
        piece = fixed[head : len(fixed) - tail].translate(_TRANSLATION)
        out.copy(piece, [starts[lo + head]] * len(piece), [ends[hi - tail - 1]] * len(piece))
        pos = hi - tail
    out.copy(text[pos:], starts[pos:], ends[pos:])
    return out


def clean(raw: str) -> CleanText:
    """Turn a notice as copied from a job board (plain text or HTML) into clean text."""
    stage = _strip_markup(raw)
    text = "".join(stage.parts)
    if is_bad(text):
        stage = _repair_mojibake(text, stage.starts, stage.ends)
        text = "".join(stage.parts)
    return CleanText(raw=raw, text=text, raw_starts=tuple(stage.starts), raw_ends=tuple(stage.ends))
