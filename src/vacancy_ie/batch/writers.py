"""Writing records as they are ready: JSON Lines, a JSON array, or JSON-LD.

A JSON Lines record is one `write` of one whole line to a file opened for appending, so an
interrupted run (SIGINT, SIGTERM, even SIGKILL) leaves only complete lines, and `--resume`
can pick up after the last one. An array is closed on every exit that Python sees, so
SIGINT still leaves valid JSON.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any, Callable

from ..formats import to_jsonld

FORMATS = ("jsonl", "json", "jsonld")


class OutputError(Exception):
    """The output cannot be written or resumed as asked."""


def _line(item: dict[str, Any]) -> bytes:
    return (json.dumps(item, ensure_ascii=False) + "\n").encode("utf-8")


def done_sources(path: Path) -> set[str]:
    """Sources already in a JSON Lines output; a torn last line (no newline) is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    complete = data[:data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        with path.open("r+b") as f:
            f.truncate(len(complete))
    sources = set()
    for number, line in enumerate(complete.splitlines(), start=1):
        try:
            sources.add(json.loads(line)["source"])
        except (ValueError, KeyError, TypeError) as error:
            raise OutputError(f"{path}:{number} is not a record of this tool ({error}); cannot resume") from error
    return sources


class RecordWriter:
    """Writes records in one format to a stream or a file, each as soon as it is given."""

    def __init__(self, fmt: str, path: Path | None = None, stream: IO[str] | None = None,
                 append: bool = False) -> None:
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        self.fmt = fmt
        self.count = 0
        self._convert: Callable[[dict[str, Any]], dict[str, Any]] = to_jsonld if fmt == "jsonld" else dict
        self._stream = stream
        self._fd: int | None = None
        if path is not None:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            try:
                self._fd = os.open(path, flags, 0o644)
            except OSError as error:
                raise OutputError(f"cannot write {path}: {error.strerror}") from error
        if fmt != "jsonl":
            self._write(b"[")

    def _write(self, data: bytes) -> None:
        if self._fd is not None:
            os.write(self._fd, data)
        else:
            assert self._stream is not None
            self._stream.write(data.decode("utf-8"))
            self._stream.flush()

    def write(self, record: dict[str, Any]) -> None:
        item = self._convert(record)
        if self.fmt == "jsonl":
            self._write(_line(item))
        else:
            text = json.dumps(item, ensure_ascii=False, indent=1)
            self._write((("," if self.count else "") + "\n" + text).encode("utf-8"))
        self.count += 1

    def close(self) -> None:
        if self.fmt != "jsonl":
            self._write(b"\n]\n")
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
