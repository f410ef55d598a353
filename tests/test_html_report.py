"""The HTML evaluation report: names, ids and values from the data are escaped once."""

from vacancy_ie.evaluation.html_report import html_report, review_ids, write_review_pages
from vacancy_ie.evaluation.report import metrics_document
from vacancy_ie.evaluation.scoring import ScoredSpan
from vacancy_ie.evaluation.systems import EvalDoc, SystemOutput, run_systems

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert(1)</script>'
TEXT = "Fluency in English is required.\nR&D unit.\nApply by 15 November 2024.\n"


def _span(quote: str, label: str, **attrs) -> ScoredSpan:
    start = TEXT.index(quote)
    return ScoredSpan(start, start + len(quote), label, attrs, quote)


def _crafted_page() -> str:
    """A missed-label error on a crafted label and a value error on crafted attributes."""
    gold = [_span("English", "LANGUAGE", code=IMG, requirement=SCRIPT),
            _span("15 November 2024", "DEADLINE", date="2024-11-15", timezone=SCRIPT)]
    pred = [_span("English", SCRIPT, code=IMG),
            _span("15 November 2024", "DEADLINE", date="2024-11-16", timezone=IMG)]
    doc = EvalDoc(IMG, TEXT, None, gold)
    results = run_systems([doc], {SCRIPT: lambda d: SystemOutput(pred, {})}, progress=False)
    return html_report(metrics_document(results, IMG, n_boot=5), results)


def test_html_report_escapes_crafted_names_ids_labels_and_attributes():
    page = _crafted_page()
    assert "label: 1" in page and "value: 1" in page
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "pred &quot;&gt;&lt;script&gt;" in page and "timezone=&lt;img" in page


def test_html_report_escapes_notice_text_and_values_exactly_once():
    page = _crafted_page()
    assert "R&amp;D" in page
    assert "&amp;amp;" not in page and "&amp;lt;" not in page and "&amp;quot;" not in page


# --- error analysis tables, review links and pages ---------------------------------------

NOTICE = "Grade:P-3\nDeadline: 05/11/2024\n\nFluency in English is required.\n"


def _at(quote: str, label: str, **attrs) -> ScoredSpan:
    start = NOTICE.index(quote)
    return ScoredSpan(start, start + len(quote), label, attrs, quote)


def _analysis_results():
    """doc-1: English read as desirable, the deadline's day and month swapped, the grade
    missed; a crafted id with a missed grade too."""
    gold = [_at("P-3", "GRADE", code="P-3"), _at("05/11/2024", "DEADLINE", date="2024-11-05"),
            _at("English", "LANGUAGE", code="en", requirement="required")]
    pred = [_at("05/11/2024", "DEADLINE", date="2024-05-11"),
            _at("English", "LANGUAGE", code="en", requirement="desirable")]
    values = {"DEADLINE": {("2024-05-11",)}, "LANGUAGE": {("en", "desirable")}}
    docs = [EvalDoc("doc-1", NOTICE, None, gold), EvalDoc(IMG, NOTICE, None, gold[:1])]
    system = lambda d: SystemOutput(pred, values) if d.id == "doc-1" else SystemOutput([], {})  # noqa: E731
    return run_systems(docs, {"cnn": system}, progress=False)


def test_html_report_has_worst_documents_confusions_and_swapped_dates_tables():
    results = _analysis_results()
    page = html_report(metrics_document(results, "test", n_boot=5), results)
    assert "<h3>Worst documents</h3>" in page and "<h3>Span errors by kind</h3>" in page
    link = '<a href="review/doc-1.html">doc-1</a>'
    assert f"<tr><td class='n'>1</td><td>{link}</td><td class='n'>5</td><td class='n'>3</td></tr>" in page  # most first
    assert ("<tr><td>LANGUAGE</td><td>required</td><td>desirable</td><td class='n'>1</td></tr>" in page)
    assert f"<tr><td>{link}</td><td>DEADLINE</td><td>2024-11-05</td><td>2024-05-11</td></tr>" in page
    assert "<tr><td>GRADE</td><td class='n'>0</td><td class='n'>0</td><td class='n'>0</td><td class='n'>2</td>" in page


def test_html_report_links_review_pages_only_for_ids_that_can_have_one():
    results = _analysis_results()
    page = html_report(metrics_document(results, "test", n_boot=5), results)
    assert review_ids(results) == ["doc-1"]
    assert page.count('href="review/doc-1.html"') >= 2  # the worst documents and the errors in context
    assert 'href="review/&lt;img' not in page and "<td>&lt;img src=x onerror=alert(1)&gt;</td>" in page


def test_html_report_writes_review_pages_beside_the_report(tmp_path):
    results = _analysis_results()
    written = write_review_pages(tmp_path / "review", results, "test")
    assert written == [tmp_path / "review" / "doc-1.html"]
    assert [p.name for p in (tmp_path / "review").iterdir()] == ["doc-1.html"]
    page = written[0].read_text(encoding="utf-8")
    assert '<div class="colhead">gold</div><div class="colhead">cnn</div>' in page
    assert 'title="DEADLINE: date=2024-05-11"' in page and 'href="../report.html"' in page
    assert "Grade:<mark" in page and "Deadline: <mark" in page


def test_html_report_error_context_keeps_the_texts_line_breaks_and_words():
    results = _analysis_results()
    page = html_report(metrics_document(results, "test", n_boot=5), results)
    assert "Grade:<mark" in page and "Grade : P-3" not in page
    assert ">P-3<span class=\"tag\">gold GRADE</span></mark>\nDeadline: " in page
    assert "gold: code=en requirement=required · pred: code=en requirement=desirable" in page
