"""The Python API: records for a list of notices in one call.

    import vacancy_ie
    records = vacancy_ie.extract(["<p>Grade: P-3 ...</p>", {"id": "42", "text": "...", "title": "..."}])
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Mapping, Union

from spacy.language import Language

from .batch.extraction import extract_records
from .batch.inputs import InputDoc, from_mapping

DEFAULT_MODEL = "en_vacancy_ie"
Notice = Union[str, Mapping[str, Any], InputDoc]


def as_input(notice: Notice, index: int) -> InputDoc:
    """A text, a mapping with "text" (and optionally "id", "source"; every other key is passed
    through as `meta`), or an InputDoc."""
    if isinstance(notice, InputDoc):
        return notice
    if isinstance(notice, str):
        return InputDoc(f"<text {index}>", notice)
    fields = {key: value for key, value in notice.items() if key != "source"}
    return from_mapping(fields, str(notice.get("source", f"<item {index}>")))


def extract(notices: Iterable[Notice], *, model: str | Language = DEFAULT_MODEL,
            reference_date: date | None = None, n_process: int = 1, batch_size: int = 16
            ) -> list[dict[str, Any]]:
    """One record per notice, in order (see `vacancy_ie.schema` for its fields). A notice that
    cannot be read or processed gets a record with `error` set; nothing is dropped. For a
    stream too large for a list, iterate `vacancy_ie.batch.extraction.extract_records`."""
    inputs = (as_input(notice, i) for i, notice in enumerate(notices))
    return list(extract_records(model, inputs, batch_size=batch_size, n_process=n_process,
                                reference_date=reference_date))
