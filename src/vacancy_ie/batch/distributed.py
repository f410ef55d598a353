"""Extraction over a cluster with Dask: the same records as `vacancy-ie extract`, computed
by workers that each load the model once.

Dask was chosen over Spark and Ray because it is pure Python (no JVM on the workers), its
bags keep partition order (so records come back in input order, as the CLI gives them), and
the same code runs on a laptop (`scheduler="processes"`) and on a `dask.distributed`
cluster. Each partition goes through `extract_records`, so a failing notice becomes its own
error record there too.

    import dask
    from vacancy_ie.batch.distributed import extract_bag, inputs_bag
    records = extract_bag(inputs_bag(["notices/"], npartitions=64), "en_vacancy_ie")
    with dask.config.set(scheduler="processes", num_workers=8):
        records.map(json.dumps).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Iterable

try:
    import dask.bag as db
except ImportError as error:  # an optional extra
    raise ImportError("vacancy_ie.batch.distributed needs Dask: pip install 'vacancy-ie[dask]'") from error
from spacy.language import Language

from .extraction import extract_records
from .inputs import InputDoc, expand_paths, read_inputs


@lru_cache(maxsize=2)
def worker_model(model: str) -> Language:
    """The pipeline, loaded once per worker process and kept for every later partition."""
    import spacy

    return spacy.load(model)


def _read_partition(paths: Iterable[str]) -> list[InputDoc]:
    return list(read_inputs(list(paths)))


def inputs_bag(paths: Iterable[str], npartitions: int = 16) -> db.Bag:
    """The inputs as the CLI reads them, one file per element before reading, so texts are
    read by the workers, not the client."""
    return db.from_sequence(list(expand_paths(paths)), npartitions=npartitions).map_partitions(_read_partition)


def _extract_partition(items: Iterable[InputDoc], model: str, batch_size: int,
                       reference_date: date | None) -> list[dict[str, Any]]:
    return list(extract_records(worker_model(model), items, batch_size=batch_size,
                                reference_date=reference_date))


def extract_bag(inputs: db.Bag, model: str, *, batch_size: int = 16,
                reference_date: date | None = None) -> db.Bag:
    """A bag of records, one per input, in the inputs' order."""
    return inputs.map_partitions(_extract_partition, model, batch_size, reference_date)
