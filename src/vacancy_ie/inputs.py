"""Reading notices for extraction: files, folders and stdin, with a clear error for each
input that cannot be read as an English text notice. A batch never loses a document: every
input yields exactly one item, in order, with either a text or an error."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 2_000_000  # a notice is ~10 kB; past this it is not a single notice
STDIN = "-"

_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿñæœáíóú]+")
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "for", "with", "is", "are", "will", "be", "or", "an"},
    "fr": {"le", "la", "les", "des", "et", "du", "pour", "dans", "est", "une", "sur", "avec", "au"},
    "es": {"el", "la", "los", "las", "y", "del", "para", "en", "es", "una", "con", "por", "que"},
}


@dataclass(frozen=True)
class InputDoc:
    source: str
    text: str | None
    error: str | None = None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, folders recursively (notice files only, sorted), '-' for stdin."""
    for path in paths:
        if path == STDIN:
            yield path
            continue
        p = Path(path)
        if p.is_dir():
            yield from (str(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            yield path


def guess_language(text: str) -> str | None:
    """en / fr / es by function-word counts, or None when the text has too few words to tell."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 20:
        return None
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 0.05 * len(words) else None


def decode(data: bytes, source: str) -> InputDoc:
    if len(data) > MAX_BYTES:
        return InputDoc(source, None, f"too large: {len(data):,} bytes (a notice is at most {MAX_BYTES:,})")
    if b"\x00" in data[:8192]:
        return InputDoc(source, None, "binary file, not a text notice")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputDoc(source, None, f"not UTF-8 text (byte {err.start}: {data[err.start:err.start + 1]!r})")
    if not text.strip():
        return InputDoc(source, None, "empty input")
    language = guess_language(text)
    if language is not None and language != "en":
        return InputDoc(source, None, f"not English (looks like '{language}'): the model reads English notices")
    return InputDoc(source, text)


def read_inputs(paths: Iterable[str]) -> Iterator[InputDoc]:
    for source in expand_paths(paths):
        if source == STDIN:
            yield decode(sys.stdin.buffer.read(), "<stdin>")
            continue
        try:
            data = Path(source).read_bytes()
        except OSError as err:
            yield InputDoc(source, None, f"cannot read: {err.strerror or err}")
            continue
        yield decode(data, source)
