"""The committed gold against the real data volume (slow: reads all of it; CI runs it)."""

import itertools
import json
from pathlib import Path

import pytest

from vacancy_ie.corpus.records import read_records
from vacancy_ie.corpus.validate import validate
from vacancy_ie.corpus.volume import DataVolume, DataVolumeError
from vacancy_ie.text.tokenizer import blank_nlp

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def volume():
    try:
        return DataVolume()
    except DataVolumeError as error:
        pytest.skip(f"no data volume: {error}")


def test_corpus_gold_matches_volume_and_validates(volume):
    records = read_records(ROOT / "corpus" / "annotations")
    assert len(records) >= 200
    assert [str(p) for p in validate(records, volume, blank_nlp())] == []


def test_corpus_splits_are_employer_disjoint_and_cover_gold(volume):
    splits = json.loads((ROOT / "corpus" / "splits.json").read_text())
    gold = {r.id for r in read_records(ROOT / "corpus" / "annotations") if r.status == "gold"}
    names = ("train", "dev", "test", "family")
    employers = {name: {volume.get(i).employer for i in splits[name]} for name in names}
    for a, b in itertools.combinations(names, 2):
        assert not employers[a] & employers[b], (a, b)
    assert gold == set().union(*(set(splits[name]) for name in names))
    assert len(splits["test"]) >= 50 and len(splits["dev"]) >= 30
