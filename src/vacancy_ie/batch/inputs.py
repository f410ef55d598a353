"""Reading notices for extraction: files, folders, JSON Lines and stdin, with a clear error
for each input that cannot be read as an English text notice. A batch never loses a
document and never hangs on one: every input yields an item, in order, with either a text
or an error; a JSON Lines file yields one item per non-blank line."""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

from charset_normalizer import from_bytes

from ..text.language import SUPPORTED, guess_language  # noqa: F401 - re-exported

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
JSONL = ".jsonl"
MAX_BYTES = 50_000_000  # hard limit per notice; long notices run through the model in pieces
STDIN = "-"

# BOMs longest first: the UTF-32-LE one starts with the UTF-16-LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SPECIAL_FILES = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                  (stat.S_ISBLK, "block device"), (stat.S_ISDIR, "directory"))

class _Refused(Exception):
    """An input that is not read at all (not a regular file, too large): its error record."""


@dataclass(frozen=True)
class InputDoc:
    """One input: its text, or why there is none; `id` and `meta` come from JSON Lines."""

    source: str
    text: str | None
    error: str | None = None
    id: str | None = None
    meta: dict[str, Any] | None = None


def _entries(folder: str) -> list[tuple[str, bool]]:
    """(path, is_folder) for a folder's entries worth visiting, in name order: real folders
    (symlinked ones are not followed, so a link loop cannot recurse) and anything else with a
    notice suffix, FIFOs and broken links included, so that they get an error item."""
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if not os.path.islink(path):
                found.append((path, True))
        elif name.lower().endswith(SUFFIXES):
            found.append((path, False))
    return found


def _walk(folder: str) -> Iterator[tuple[str, str | None]]:
    """(path, error) for the notice files under `folder`, depth first in name order; a folder
    that cannot be listed is reported, not skipped. Iterative: no recursion limit on depth."""
    stack = [(folder, True)]
    while stack:
        path, is_folder = stack.pop()
        if not is_folder:
            yield path, None
            continue
        try:
            stack.extend(reversed(_entries(path)))
        except OSError as err:
            yield path, f"cannot list folder: {err.strerror or err}"


def _sources(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path, None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Paths as given, folders walked (notice suffixes only, sorted), '-' for stdin."""
    return (path for path, _ in _sources(paths))


def _too_large(size: int) -> str:
    return f"too large: {size:,} bytes (the limit is {MAX_BYTES:,})"


def _detected(data: bytes) -> str | None:
    """The text as charset-normalizer decodes it, or None when nothing fits. Among equally
    good guesses Windows-1252 wins: it is what non-UTF-8 notices mostly are, and the tie
    order would otherwise pick e.g. cp1250 and turn 'naïve' into 'naďve'."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    score = (best.percent_chaos, best.percent_coherence)
    tied = (m for m in matches if (m.percent_chaos, m.percent_coherence) == score)
    return str(next((m for m in tied if m.encoding == "cp1252"), best))


def _text_of(data: bytes) -> str | None:
    """Decoded text, or None for binary. A BOM is trusted before the NUL test, since UTF-16
    and UTF-32 text is full of NULs; then strict UTF-8 (fast, and most notices); then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detected(data)


def _checked(text: str, source: str, doc_id: str | None = None,
             meta: dict[str, Any] | None = None) -> InputDoc:
    """The notice, unless it is empty or in a language the pipeline does not read."""
    if not text.strip():
        return InputDoc(source, None, "empty input", doc_id, meta)
    language = guess_language(text)
    if language is not None and language not in SUPPORTED:
        error = f"not English, French or Spanish (looks like '{language}'): the pipeline reads those three"
        return InputDoc(source, None, error, doc_id, meta)
    return InputDoc(source, text, None, doc_id, meta)


def decode(data: bytes, source: str) -> InputDoc:
    """The notice in `data` (any common encoding), or an error record."""
    if len(data) > MAX_BYTES:
        return InputDoc(source, None, _too_large(len(data)))
    text = _text_of(data)
    if text is None:
        return InputDoc(source, None, "binary file, not a text notice")
    return _checked(text, source)


def _refusal(st: os.stat_result, limit: int | None) -> str | None:
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for is_kind, name in _SPECIAL_FILES if is_kind(st.st_mode)), "special file")
        return f"not a regular file: {kind}"
    return _too_large(st.st_size) if limit is not None and st.st_size > limit else None


def _open_regular(path: str, limit: int | None) -> BinaryIO:
    """`path` opened for reading, only if a regular file of at most `limit` bytes. It is
    checked before opening, because opening a FIFO blocks until a writer comes, and again
    after a non-blocking open, in case the path was swapped in between."""
    refusal = _refusal(os.stat(path), limit)
    if refusal:
        raise _Refused(refusal)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    refusal = _refusal(os.fstat(fd), limit)
    if refusal:
        os.close(fd)
        raise _Refused(refusal)
    return os.fdopen(fd, "rb")


def _failure(err: Exception, path: str) -> str:
    if isinstance(err, _Refused):
        return str(err)
    if isinstance(err, FileNotFoundError) and os.path.islink(path):
        return "cannot read: dangling symlink (its target does not exist)"
    return f"cannot read: {getattr(err, 'strerror', None) or err}"


def _read_file(path: str) -> InputDoc:
    try:
        with _open_regular(path, MAX_BYTES) as file:
            data = file.read(MAX_BYTES + 1)
    except (OSError, _Refused) as err:
        return InputDoc(path, None, _failure(err, path))
    return decode(data, path)


def from_mapping(record: Mapping[str, Any], source: str) -> InputDoc:
    """An item given as fields (a JSON Lines record, or a mapping passed to
    `vacancy_ie.extract`): "text" required, "id" optional, every other field kept as meta."""
    meta = {key: value for key, value in record.items() if key not in ("text", "id")}
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return InputDoc(source, None, "'id' is not a string or an integer", meta=meta)
    doc_id = None if raw_id is None else str(raw_id)
    text = record.get("text")
    if not isinstance(text, str):
        return InputDoc(source, None, "no string 'text' field", doc_id, meta)
    return InputDoc(source, text, None, doc_id, meta)


def _json_line(line: bytes, source: str) -> InputDoc:
    """One JSON Lines record, checked like a file's text (not empty, English)."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as err:
        return InputDoc(source, None, f"not a JSON line: {str(err)[:200]}")
    if not isinstance(record, dict):
        return InputDoc(source, None, f"not a JSON object but {type(record).__name__}")
    item = from_mapping(record, source)
    return item if item.text is None else _checked(item.text, source, item.id, item.meta)


def _skip_rest_of_line(file: BinaryIO) -> None:
    """Reads past an over-long line a chunk at a time, never holding it whole."""
    while (chunk := file.readline(1 << 20)) and not chunk.endswith(b"\n"):
        pass


def _jsonl_items(file: BinaryIO, path: str) -> Iterator[InputDoc]:
    lineno = 0
    while line := file.readline(MAX_BYTES + 1):
        lineno += 1
        source = f"{path}:{lineno}"
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            _skip_rest_of_line(file)
            yield InputDoc(source, None, f"line too large: over {MAX_BYTES:,} bytes")
        elif line.strip():
            yield _json_line(line, source)


def _read_jsonl(path: str) -> Iterator[InputDoc]:
    """One item per non-blank line, streamed; one error item if the file yields none or
    cannot be read (the items before a read failure stand)."""
    count = 0
    try:
        with _open_regular(path, None) as file:
            for item in _jsonl_items(file, path):
                count += 1
                yield item
    except (OSError, _Refused) as err:
        yield InputDoc(path, None, _failure(err, path))
        return
    if count == 0:
        yield InputDoc(path, None, "empty input: no JSON lines")


def _read_stdin() -> InputDoc:
    """Stdin as one plain-text notice, read up to one byte past the limit to detect excess."""
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    except (OSError, ValueError) as err:  # ValueError: stdin closed
        return InputDoc("<stdin>", None, f"cannot read: {err}")
    return decode(data, "<stdin>")


def read_inputs(paths: Iterable[str]) -> Iterator[InputDoc]:
    """An item per input file (per line for .jsonl), in order; '-' reads stdin as plain text."""
    for source, error in _sources(paths):
        if error is not None:
            yield InputDoc(source, None, error)
        elif source == STDIN:
            yield _read_stdin()
        elif source.lower().endswith(JSONL):
            yield from _read_jsonl(source)
        else:
            yield _read_file(source)
