"""Dask extraction gives the CLI's records, in order, with one model per worker."""

import json
import os
from pathlib import Path

import dask
import pytest

from vacancy_ie.batch.distributed import extract_bag, inputs_bag
from vacancy_ie.batch.extraction import extract_records
from vacancy_ie.batch.inputs import read_inputs

MODEL = Path("models/cnn/model-best")


def write_notices(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "999.txt").write_bytes(b"\x00\x01binary")
    return [str(folder)]


def test_distributed_records_equal_extract_records(tmp_path, rules_model_path):
    texts = [f"Officer, Grade: P-{1 + i % 5}\nClosing date: {1 + i} November 2024\n" for i in range(20)]
    paths = write_notices(tmp_path / "notices", texts)
    expected = list(extract_records(str(rules_model_path), read_inputs(paths)))
    with dask.config.set(scheduler="processes", num_workers=2):
        records = extract_bag(inputs_bag(paths, npartitions=4), str(rules_model_path)).compute()
    assert records == expected
    assert len(records) == 21 and records[-1]["error"] is not None


@pytest.mark.slow
@pytest.mark.skipif(not MODEL.exists(), reason="needs the trained model (make train)")
def test_distributed_pool_notices_equal_cli(tmp_path):
    from vacancy_ie.corpus.volume import DataVolume

    volume = DataVolume(os.environ.get("VACANCY_IE_DATA"))
    pool = sorted(volume.pool(), key=lambda n: n.id)[:300]
    source = tmp_path / "pool.jsonl"
    source.write_text("".join(json.dumps({"id": n.id, "text": n.text}) + "\n" for n in pool))
    expected = list(extract_records(str(MODEL), read_inputs([str(source)])))
    with dask.config.set(scheduler="processes", num_workers=2):
        records = extract_bag(inputs_bag([str(source)], npartitions=1), str(MODEL)).compute()
    assert [r["id"] for r in records] == [n.id for n in pool]
    assert records == expected
