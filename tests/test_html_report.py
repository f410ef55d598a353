"""The HTML evaluation report: names, ids and values from the data are escaped once."""

from vacancy_ie.evaluate import EvalDoc, SystemOutput, run_systems
from vacancy_ie.html_report import html_report
from vacancy_ie.report import metrics_document
from vacancy_ie.scoring import ScoredSpan

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
