"""`corpus review`: crafted annotation values are escaped once, and pages stay in their folder."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from vacancy_ie.cli import app
from vacancy_ie.corpus.records import AnnotationRecord, Span, write_records
from vacancy_ie.corpus.review import render_record, review_path
from vacancy_ie.corpus.volume import POOL_SOURCE, DataVolume, sha256

from .conftest import NOTICES, write_volume

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert(1)</script>'
TEXT = "Fluency in English is required.\nR&D unit.\nApply by 15 November 2024.\n"
runner = CliRunner()


def _span(quote: str, label: str, **attrs) -> Span:
    start = TEXT.index(quote)
    return Span(start, start + len(quote), label, attrs)


def _crafted_page(tmp_path: Path, nlp) -> str:
    volume = DataVolume(write_volume(tmp_path / "shared", {"201": ("Org", True, TEXT)}))
    record = AnnotationRecord("201", POOL_SOURCE, sha256(TEXT), "gold", IMG, [
        _span("English", "LANGUAGE", code=IMG, requirement=SCRIPT),
        _span("15 November 2024", "DEADLINE", date="2024-11-15", time="\\1", timezone=SCRIPT),
        _span("R&D", SCRIPT),
    ])
    return render_record(record, volume.get("201"), nlp)


def test_review_escapes_crafted_attributes_and_labels(tmp_path, nlp):
    page = _crafted_page(tmp_path, nlp)
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'title="LANGUAGE: code=&lt;img src=x onerror=alert(1)&gt; requirement=&quot;' in page


def test_review_escapes_notice_text_and_values_exactly_once(tmp_path, nlp):
    page = _crafted_page(tmp_path, nlp)
    assert "R&amp;D" in page and 'title="DEADLINE: date=2024-11-15 time=\\1 timezone=&quot;' in page
    assert "&amp;amp;" not in page and "&amp;lt;" not in page and "&amp;quot;" not in page


@pytest.mark.parametrize("doc_id", ["../evil", "/tmp/evil", "a/b", "a\\b", "..", ".hidden", ""])
def test_review_path_refuses_ids_that_are_not_plain_names(tmp_path, doc_id):
    with pytest.raises(ValueError, match="not a plain file name"):
        review_path(doc_id, tmp_path / "review")


def test_review_path_refuses_a_link_out_of_the_folder(tmp_path):
    folder = tmp_path / "review"
    folder.mkdir()
    (folder / "101.html").symlink_to(tmp_path / "outside.html")
    with pytest.raises(ValueError, match="resolves outside"):
        review_path("101", folder)


def test_review_path_keeps_plain_ids_in_the_folder(tmp_path):
    assert review_path("000_942ece11", tmp_path) == tmp_path / "000_942ece11.html"


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_review_command_refuses_traversal_id_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = NOTICES["103"][2]
    write_volume(tmp_path / "shared", {"../evil": ("Org", False, text)})
    write_records(tmp_path / "records.jsonl",
                  [AnnotationRecord("../evil", POOL_SOURCE, sha256(text), "gold", "test", [])])
    before = _files(tmp_path)
    result = runner.invoke(app, ["corpus", "review", "../evil", "--records", "records.jsonl",
                                 "--data", "shared"])
    assert result.exit_code == 2 and "not a plain file name" in result.output
    assert _files(tmp_path) == before and not (tmp_path / "corpus" / "work" / "evil.html").exists()


def test_review_command_writes_page_in_the_review_folder(tmp_path, monkeypatch, good_record):
    monkeypatch.chdir(tmp_path)
    write_volume(tmp_path / "shared")
    write_records(tmp_path / "records.jsonl", [good_record])
    result = runner.invoke(app, ["corpus", "review", "101", "--records", "records.jsonl", "--data", "shared"])
    assert result.exit_code == 0
    assert (tmp_path / "corpus/work/review/101.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
