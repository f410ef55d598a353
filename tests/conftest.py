"""Shared fixtures: a tiny data volume written by the tests themselves (never the real one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vacancy_ie.corpus.records import AnnotationRecord, Span
from vacancy_ie.corpus.volume import POOL_SOURCE, DataVolume, sha256
from vacancy_ie.text.tokenizer import blank_nlp

NOTICES = {
    "101": ("Alpha Relief", True,
            "Programme Officer, Grade: P-3\nClosing date: 15 November 2024\n"
            "Requirements\nMaster's degree in economics or a related field.\n"
            "At least five years of experience in case management.\n"
            "Fluency in English is required; knowledge of French is an asset.\n"
            "Alpha's official languages are English and French.\n"),
    "102": ("Beta Aid", False,
            "Driver\nApply by 11/20/2024.\nSecondary school diploma. 2 years' experience driving.\n"
            "Knowledge of Arabic is desirable.\n"),
    "103": ("Gamma Bank", False, "Analyst\nNo dates here.\nBachelor's degree required.\n"),
}


def write_volume(root: Path, notices: dict = NOTICES, seeds: dict[str, str] | None = None) -> Path:
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    with (root / POOL_SOURCE).open("w", encoding="utf-8") as out:
        for doc_id, (org, is_un, text) in notices.items():
            out.write(json.dumps({"id": doc_id, "title": "t", "org": org, "is_un": is_un,
                                  "posting_date": "2024-11-07 10:00:00+00:00", "lang": "en",
                                  "link": "", "country": "", "location": "", "text": text}) + "\n")
    (root / "seeds").mkdir(exist_ok=True)
    for name, text in (seeds or {}).items():
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def volume(tmp_path: Path) -> DataVolume:
    return DataVolume(write_volume(tmp_path / "shared"))


@pytest.fixture(scope="session")
def nlp():
    return blank_nlp()


def span_of(doc_id: str, quote: str, label: str, occurrence: int = 0, **attrs) -> Span:
    text = NOTICES[doc_id][2]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Span(start, start + len(quote), label, attrs)


def record_for(doc_id: str, spans: list[Span], status: str = "gold") -> AnnotationRecord:
    return AnnotationRecord(doc_id, POOL_SOURCE, sha256(NOTICES[doc_id][2]), status, "test", spans)


@pytest.fixture
def good_record() -> AnnotationRecord:
    return record_for("101", [
        span_of("101", "P-3", "GRADE", code="P-3"),
        span_of("101", "15 November 2024", "DEADLINE", date="2024-11-15", time=None, timezone=None),
        span_of("101", "Master's degree in economics or a related field", "EDUCATION",
                level="master", required=True),
        span_of("101", "At least five years of experience", "EXPERIENCE", years=5, required=True),
        span_of("101", "case management", "SKILL", required=True),
        span_of("101", "English", "LANGUAGE", code="en", requirement="required"),
        span_of("101", "French", "LANGUAGE", code="fr", requirement="desirable"),
    ])


RULE_LABELS = ["GRADE", "DEADLINE", "POSTED", "LANGUAGE", "EDUCATION", "EXPERIENCE", "SKILL"]


def rules_pipeline():
    """A pipeline with no trained weights: the cleaning tokenizer and the record component
    with every field from the rules. Fast, and it exercises the whole extract path."""
    import spacy

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.CleaningTokenizer.v1"}}})
    nlp.add_pipe("vacancy_ie_record", config={
        "build": {"@misc": "vacancy_ie.RecordBuilder.v2", "rule_labels": RULE_LABELS}})
    return nlp


@pytest.fixture(scope="session")
def rules_nlp():
    return rules_pipeline()


@pytest.fixture(scope="session")
def rules_model_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("models") / "rules"
    rules_pipeline().to_disk(path)
    return path
