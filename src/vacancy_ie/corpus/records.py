"""Stand-off annotation records: ids, hashes, offsets and labels, never the notice text."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

STATUSES = ("gold", "silver")


class RecordError(ValueError):
    """A record file that cannot be read as records."""


@dataclass
class Span:
    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.label


@dataclass
class AnnotationRecord:
    id: str
    source: str
    sha256: str
    status: str
    annotator: str
    spans: list[Span] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "AnnotationRecord":
        missing = {"id", "source", "sha256", "status", "annotator", "spans"} - set(data)
        if missing:
            raise RecordError(f"record {data.get('id', '?')!r} lacks {sorted(missing)}")
        spans = []
        for raw in data["spans"]:
            try:
                spans.append(Span(int(raw["start"]), int(raw["end"]), str(raw["label"]),
                                  dict(raw.get("attrs") or {})))
            except (KeyError, TypeError, ValueError) as err:
                raise RecordError(f"record {data['id']!r}: bad span {raw!r} ({err})") from err
        return cls(str(data["id"]), data["source"], data["sha256"], data["status"],
                   data["annotator"], spans)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["spans"] = [asdict(s) for s in sorted(self.spans, key=lambda s: (s.start, s.end, s.label))]
        return data


def read_records(path: str | Path) -> list[AnnotationRecord]:
    """Records from one .jsonl file, or from every .jsonl file under a folder (sorted)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records = []
    for file in files:
        with file.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    records.append(AnnotationRecord.from_json(json.loads(line)))
                except (json.JSONDecodeError, RecordError) as err:
                    raise RecordError(f"{file}:{n}: {err}") from err
    return records


def write_records(path: str | Path, records: Iterable[AnnotationRecord]) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in sorted(records, key=lambda r: r.id):
            out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return n
