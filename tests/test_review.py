"""`corpus review`: the page reads like the notice (its line breaks, its words in order), gold and
a model's spans side by side; crafted values are escaped once, and pages stay in their folder."""

import html
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vacancy_ie.cli import app
from vacancy_ie.corpus.records import AnnotationRecord, Span, write_records
from vacancy_ie.corpus.review import Mark, mark_html, paragraphs, render_record, review_path
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


# --- the page reads like the notice, gold and model side by side --------------------------

FLOW = "Grade:P-3  (Geneva)\nClosing date: 15 November 2024\n\nFluency in English is required.\n"
TAG = re.compile(r'<span class="tag">.*?</span>')
CELL = re.compile(r'<div class="p[^"]*">(.*?)</div>', re.DOTALL)


def _visible(fragment: str) -> str:
    """What a reader sees of a fragment, labels left out."""
    return html.unescape(re.sub(r"<[^>]+>", "", TAG.sub("", fragment)))


def _flow_record(text: str = FLOW) -> AnnotationRecord:
    def span(quote, label, **attrs):
        start = text.index(quote)
        return Span(start, start + len(quote), label, attrs)

    return AnnotationRecord("301", POOL_SOURCE, sha256(text), "gold", "test", [
        span("P-3", "GRADE", code="P-3"),
        span("15 November 2024", "DEADLINE", date="2024-11-15", time=None, timezone=None),
        span("English", "LANGUAGE", code="en", requirement="required"),
    ])


def _notice(tmp_path: Path, text: str = FLOW):
    return DataVolume(write_volume(tmp_path / "shared", {"301": ("Org", True, text)})).get("301")


def _item(text: str, quote: str, score: float = 0.9, **values) -> dict:
    start = text.index(quote)
    return {**values, "text": quote, "start": start, "end": start + len(quote), "score": score}


def _model_record(text: str = FLOW, **fields) -> dict:
    record = {"source": "301", "error": None, "grade": None, "deadline": None, "posted": None,
              "languages": [], "education": [], "experience": [], "skills": []}
    return {**record, **fields}


def test_review_keeps_the_cleaned_texts_line_breaks_and_words_in_order(tmp_path, nlp):
    page = render_record(_flow_record(), _notice(tmp_path), nlp)
    cells = [_visible(c) for c in CELL.findall(page)]
    assert cells == ["Grade:P-3  (Geneva)\nClosing date: 15 November 2024", "Fluency in English is required."]
    assert "Grade:<mark" in page and "Grade : P-3" not in page  # no re-joining with spaces
    assert "line-height:2.5" not in page  # not the old pre-wrap wrapper around displaCy's blocks


def test_review_marks_each_span_once_with_its_label_and_values(tmp_path, nlp):
    page = render_record(_flow_record(), _notice(tmp_path), nlp)
    assert page.count('<span class="tag">GRADE</span>') == 1
    assert 'title="GRADE: code=P-3">P-3<span class="tag">GRADE</span></mark>' in page
    assert 'title="DEADLINE: date=2024-11-15 time=None timezone=None"' in page
    assert "<aside>" in page and "code=en requirement=required" in page  # the side list


def test_review_shows_gold_and_model_spans_side_by_side(tmp_path, nlp):
    model = _model_record(grade=_item(FLOW, "P-3", code="P-3"),
                          languages=[_item(FLOW, "English", 0.8, code="en", name="English", requirement="desirable",
                                           text_start=0, text_end=7, source_kind="model")],
                          skills=[_item(FLOW, "Fluency", 0.6, required=True)])
    page = render_record(_flow_record(), _notice(tmp_path), nlp, model, "cnn")
    assert '<div class="colhead">gold</div><div class="colhead">cnn</div>' in page
    assert page.count('<span class="tag">GRADE</span>') == 2
    assert 'title="GRADE: code=P-3 (score 0.9)"' in page and '<span class="tag">SKILL</span>' in page
    # the label's attributes as its values; the rest (not the offsets) beside the score
    assert 'title="LANGUAGE: code=en requirement=desirable (score 0.8, name English, source_kind model)"' in page
    cells = [_visible(c) for c in CELL.findall(page)]
    assert cells[0] == cells[1] == "Grade:P-3  (Geneva)\nClosing date: 15 November 2024"  # one row, two columns
    # the side list says how the model read each gold span, and the other way round
    assert '<span class="same" title="cnn: same span and value">cnn ✓</span>' in page  # the grade
    assert '<span class="partly"' in page  # English, read as desirable
    assert '<span class="none" title="cnn: nothing there">cnn ✗</span>' in page  # the deadline
    assert '<span class="none" title="gold: nothing there">gold ✗</span>' in page  # the skill


def test_review_maps_model_offsets_from_the_raw_input_to_the_cleaned_text(tmp_path, nlp):
    raw = "<p>Grade:<b>P-3</b></p><p>Closing date: 15 November 2024</p><p>Fluency in English.</p>"
    record = _flow_record(raw)
    page = render_record(record, _notice(tmp_path, raw), nlp, _model_record(grade=_item(raw, "P-3", code="P-3")), "m")
    assert page.count('">P-3<span class="tag">GRADE</span></mark>') == 2  # gold and model, on the same word
    assert "&lt;b&gt;" not in page and "<b>P-3" not in page


def test_review_escapes_model_values_and_names_exactly_once(tmp_path, nlp):
    model = _model_record(grade=_item(FLOW, "P-3", code=IMG), skills=[_item(FLOW, "Fluency", required=SCRIPT)],
                          error=IMG)
    page = render_record(_flow_record(), _notice(tmp_path), nlp, model, SCRIPT)
    assert "<img" not in page and "<script" not in page
    assert 'title="GRADE: code=&lt;img src=x onerror=alert(1)&gt; (score 0.9)"' in page
    assert "the pipeline failed: &lt;img" in page and "&quot;&gt;&lt;script&gt;" in page
    assert "&amp;amp;" not in page and "&amp;lt;" not in page and "&amp;quot;" not in page


def test_review_mark_html_nests_crossing_and_nested_spans():
    text = "four years of experience in case management & R&D"
    marks = [Mark(0, 24, "EXPERIENCE", anchor="a-0"), Mark(14, 43, "SKILL", anchor="a-1"),
             Mark(28, 43, "SKILL", anchor="a-2")]
    out = mark_html(text, marks)
    assert _visible(out) == text and "R&amp;D" in out
    assert out.count("<mark") == out.count("</mark>") == 4  # the crossing skill in two pieces
    assert [out.count(f'id="a-{n}"') for n in range(3)] == [1, 1, 1]
    assert out.count('<span class="tag">SKILL</span>') == 2 and out.count('<span class="tag">EXPERIENCE</span>') == 1
    depth = 0
    for tag in re.findall(r"</?mark", out):  # well nested
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0


def test_review_paragraphs_split_at_blank_lines_only():
    text = "One\ntwo\n\n \nThree  four\n\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["One\ntwo", "Three  four"]


def test_review_command_with_model_writes_gold_and_model_columns(tmp_path, monkeypatch, good_record,
                                                                 rules_model_path):
    monkeypatch.chdir(tmp_path)
    write_volume(tmp_path / "shared")
    write_records(tmp_path / "records.jsonl", [good_record])
    result = runner.invoke(app, ["corpus", "review", "101", "--records", "records.jsonl", "--data", "shared",
                                 "--model", str(rules_model_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "corpus/work/review/101.html").read_text(encoding="utf-8")
    assert '<div class="colhead">gold</div><div class="colhead">rules</div>' in page
    assert page.count('<span class="tag">GRADE</span>') == 2
