"""The data volume: where notice texts live (they never enter the repository).

Records point into it by `source` (a path relative to the volume) and `id`. The volume is
found at $VACANCY_IE_DATA, else ../shared relative to the working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterator

from ..text.cleaning import clean
from ..text.language import reading_language

DATA_ENV = "VACANCY_IE_DATA"
DEFAULT_ROOT = "../shared"
POOL_SOURCE = "corpus/unjobs-2024-11.jsonl"
SEEDS_DIR = "seeds"
# The seeds are IOM notices; grouping them with the pool's IOM notices keeps employers whole.
SEED_EMPLOYER = "IOM - International Organization for Migration"


class DataVolumeError(RuntimeError):
    """The data volume, or a document in it, is missing or not what a record expects."""


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Notice:
    id: str
    source: str
    text: str
    employer: str
    reference_date: date | None  # when the notice was collected; resolves year-less dates
    lang: str
    is_un: bool
    title: str = ""

    @property
    def sha256(self) -> str:
        return sha256(self.text)

    @property
    def read_language(self) -> str:
        """The language the pipeline reads the notice in (`lang` is the pool's own label)."""
        return reading_language(clean(self.text).text)


def data_root(root: str | os.PathLike | None = None) -> Path:
    path = Path(root or os.environ.get(DATA_ENV) or DEFAULT_ROOT)
    if not path.is_dir():
        raise DataVolumeError(
            f"data volume not found at {path.resolve()}: put the shared data beside the checkout "
            f"as ../shared or set {DATA_ENV} to its path"
        )
    return path


class DataVolume:
    """Read-only access to the notices of the data volume, by id."""

    def __init__(self, root: str | os.PathLike | None = None) -> None:
        self.root = data_root(root)

    @cached_property
    def _pool(self) -> dict[str, Notice]:
        path = self.root / POOL_SOURCE
        if not path.is_file():
            raise DataVolumeError(f"{path} is missing from the data volume")
        notices = {}
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                notices[str(row["id"])] = Notice(
                    id=str(row["id"]), source=POOL_SOURCE, text=row["text"], employer=row["org"],
                    reference_date=date.fromisoformat(row["posting_date"][:10]),
                    lang=row.get("lang", "en"), is_un=bool(row.get("is_un")), title=row.get("title", ""),
                )
        return notices

    @cached_property
    def _seeds(self) -> dict[str, Notice]:
        notices = {}
        for path in sorted((self.root / SEEDS_DIR).glob("*.txt")):
            notices[path.stem] = Notice(
                id=path.stem, source=f"{SEEDS_DIR}/{path.name}",
                text=path.read_text(encoding="utf-8"), employer=SEED_EMPLOYER,
                reference_date=None, lang="en", is_un=True,
            )
        return notices

    def pool(self) -> Iterator[Notice]:
        return iter(self._pool.values())

    def seeds(self) -> Iterator[Notice]:
        return iter(self._seeds.values())

    def get(self, doc_id: str, source: str | None = None) -> Notice:
        table = self._seeds if (source or "").startswith(SEEDS_DIR) else self._pool
        notice = table.get(doc_id) or self._seeds.get(doc_id)
        if notice is None or (source is not None and notice.source != source):
            raise DataVolumeError(f"document {doc_id!r} ({source or 'any source'}) is not in the "
                                  f"data volume at {self.root}")
        return notice

    def checked(self, doc_id: str, source: str, expected_sha256: str) -> Notice:
        """The notice, after checking that its text is the one the record was made on."""
        notice = self.get(doc_id, source)
        if notice.sha256 != expected_sha256:
            raise DataVolumeError(
                f"document {doc_id!r}: the text in {source} has changed since it was annotated "
                f"(sha256 {notice.sha256[:12]}… != {expected_sha256[:12]}…); re-anchor its spans"
            )
        return notice
