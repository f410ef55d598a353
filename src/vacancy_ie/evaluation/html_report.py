"""The evaluation as one standalone HTML page: a bar chart per field, the tables, the error
analysis (span errors by kind, required/desirable confusions, swapped dates, worst documents)
and each system's false positives and negatives in their context, grouped by error kind.
Every document id links to its review page, review/<id>.html beside the report, which
`write_review_pages` writes: the notice with gold and every system's spans side by side.

Every system name, document id, label and value taken from the data is escaped here, once."""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..corpus.review import MARK_CSS, PLAIN_ID, Mark, attr_text, mark_html, paragraphs, render_comparison, review_path
from ..labels import LABELS
from ..text.cleaning import clean
from .analysis import ERROR_KINDS, SpanError
from .report import LEVEL_TITLES, f1_rows, summary_line
from .systems import SystemResult

SYSTEM_COLOURS = ("#8c8c8c", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#d62728")
CONTEXT = 120  # characters shown on each side of an error


def _bars(document: dict[str, Any], label: str) -> str:
    """An inline SVG bar chart of precision, recall and F1 per system for one field."""
    systems = list(document["systems"])
    bar, gap, width = 12, 8, 260
    rows = []
    y = 0
    for metric in ("precision", "recall", "f1"):
        rows.append(f"<text x='0' y='{y + 11}' font-size='11'>{metric}</text>")
        for i, name in enumerate(systems):
            value = document["systems"][name]["values"][label][metric]
            colour = SYSTEM_COLOURS[i % len(SYSTEM_COLOURS)]
            rows.append(f"<rect x='70' y='{y}' width='{value * width:.1f}' height='{bar - 2}' fill='{colour}'>"
                        f"<title>{html.escape(name)}: {value:.3f}</title></rect>"
                        f"<text x='{74 + value * width:.1f}' y='{y + 9}' font-size='9'>{value:.2f}</text>")
            y += bar
        y += gap
    return (f"<figure style='display:inline-block;margin:0 1.5em 1em 0'><figcaption><b>{LABELS[label].field}</b> "
            f"(support {document['systems'][systems[0]]['values'][label]['support']})</figcaption>"
            f"<svg width='{width + 110}' height='{y}'>{''.join(rows)}</svg></figure>")


def _legend(document: dict[str, Any]) -> str:
    return " ".join(f"<span style='color:{SYSTEM_COLOURS[i % len(SYSTEM_COLOURS)]}'>■</span> {html.escape(n)}"
                    for i, n in enumerate(document["systems"]))


def _table(document: dict[str, Any], level: str) -> str:
    def cell(system: dict[str, Any], label: str) -> str:
        m = system[level][label]
        lo, hi = m["f1_ci95"]
        return (f"<td>{m['precision']:.3f}</td><td>{m['recall']:.3f}</td>"
                f"<td><b>{m['f1']:.3f}</b> [{lo:.2f}, {hi:.2f}]</td>")

    systems = list(document["systems"])
    head = "".join(f"<th colspan='3'>{html.escape(s)}</th>" for s in systems)
    sub = "<th>P</th><th>R</th><th>F1 [95% CI]</th>" * len(systems)
    rows = "".join(f"<tr><td>{name}</td><td>{support}</td>{''.join(cells)}</tr>"
                   for name, support, *cells in f1_rows(document, level, cell))
    return (f"<h3>{LEVEL_TITLES[level]}</h3><table border='1' cellspacing='0' cellpadding='3'>"
            f"<tr><th rowspan='2'>field</th><th rowspan='2'>support</th>{head}</tr><tr>{sub}</tr>{rows}</table>")


REVIEW_FOLDER = "review"  # beside the report
GOLD_COLOUR, PRED_COLOUR = "#9be39b", "#e0484f"
REPORT_CSS = MARK_CSS + """
body{font-family:sans-serif;max-width:80em;margin:auto;padding:0 1em}
table{border-collapse:collapse;margin:.4em 0 1em}
td,th{border:1px solid #bbb;padding:.2em .5em}
td.n{text-align:right}
.snippet{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;border-left:3px solid #ddd;
  padding:.1em .8em;margin:.2em 0 0}
.values{font:.85em monospace;color:#555;padding:0 0 .8em .8em;border-left:3px solid #ddd}
"""


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def review_ids(results: dict[str, SystemResult]) -> list[str]:
    """The documents the report names (those with an error in some system) that can have a
    review page: ids that are plain file names."""
    return sorted({o.doc.id for r in results.values() for o in r.outcomes
                   if (o.errors or o.value_errors) and PLAIN_ID.fullmatch(o.doc.id)})


def _doc_link(doc_id: str, reviewed: Iterable[str]) -> str:
    """The id, linked to its review page where it has one (plain ids need no URL quoting)."""
    if doc_id in reviewed:
        return f'<a href="{REVIEW_FOLDER}/{_esc(doc_id)}.html">{_esc(doc_id)}</a>'
    return _esc(doc_id)


def write_review_pages(folder: Path, results: dict[str, SystemResult], split: str = "") -> list[Path]:
    """Write the review page of every document the report links (see `review_ids`) into
    `folder` (the report's folder / REVIEW_FOLDER): gold and each system's spans, as scored."""
    docs: dict[str, Any] = {}
    systems: dict[str, dict[str, list]] = {}
    for name, result in results.items():
        for outcome in result.outcomes:
            docs.setdefault(outcome.doc.id, outcome.doc)
            systems.setdefault(outcome.doc.id, {})[name] = outcome.output.spans
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for doc_id in review_ids(results):
        try:
            path = review_path(doc_id, folder)
        except ValueError:
            continue
        doc = docs[doc_id]
        subtitle = f"Evaluation on {split}: gold and each system's spans." if split else ""
        path.write_text(render_comparison(doc_id, doc.raw, doc.gold, systems[doc_id], subtitle,
                                          back="../report.html"), encoding="utf-8")
        written.append(path)
    return written


_clean = lru_cache(maxsize=32)(clean)


def render_error(error: SpanError, raw: str) -> str:
    """The error's neighbourhood in the cleaned notice, in its own line breaks: the gold span
    filled green, the predicted one underlined red, each with its values in the tooltip."""
    cleaned = _clean(raw)
    marks = []
    for span, who, colour in ((error.gold, "gold", GOLD_COLOUR), (error.pred, "pred", PRED_COLOUR)):
        mapped = cleaned.from_raw(span.start, span.end) if span is not None else None
        if mapped:
            marks.append(Mark(*mapped, span.label, dict(span.attrs), tag=f"{who} {span.label}",
                              colour=colour, underline=who == "pred"))
    if not marks:
        return "<p>(span outside the cleaned text)</p>"
    text = cleaned.text
    lo = max(0, min(m.start for m in marks) - CONTEXT)
    hi = min(len(text), max(m.end for m in marks) + CONTEXT)
    # the window's own line breaks, its blank lines closed up
    lines = "\n".join(mark_html(text, marks, lo + a, lo + b) for a, b in paragraphs(text[lo:hi]))
    values = " · ".join(f"{who}: {_esc(attr_text(span.attrs))}" for span, who in
                        ((error.gold, "gold"), (error.pred, "pred")) if span is not None and span.attrs)
    return (f"<div class='snippet'>{'…' if lo else ''}{lines}{'…' if hi < len(text) else ''}</div>"
            + (f"<div class='values'>{values}</div>" if values else ""))


def error_sections(name: str, result: SystemResult, per_kind: int = 8, reviewed: Iterable[str] = ()) -> str:
    parts = [f"<h3>Errors of <code>{_esc(name)}</code> in context</h3>"]
    for label in LABELS:
        found = [(o.doc, e) for o in result.outcomes for e in o.errors if e.label == label]
        if not found:
            continue
        parts.append(f"<h4>{label} ({len(found)} span errors)</h4>")
        for kind in ERROR_KINDS:
            examples = [(d, e) for d, e in found if e.kind == kind]
            if not examples:
                continue
            shown = "".join(f"<div><small>{_doc_link(d.id, reviewed)}</small>{render_error(e, d.raw)}</div>"
                            for d, e in examples[:per_kind])
            more = f" (first {per_kind} shown)" if len(examples) > per_kind else ""
            parts.append(f"<details><summary>{kind}: {len(examples)}{more}</summary>{shown}</details>")
    return "\n".join(parts)


def _rows(head: Iterable[str], rows: list[list[str]], empty: str) -> str:
    """A table of already escaped cells; numbers right-aligned."""
    if not rows:
        return f"<p><i>{empty}</i></p>"
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td class='n'>{c}</td>" if c.isdigit() else f"<td>{c}</td>" for c in row)
                   + "</tr>" for row in rows)
    return f"<table><tr>{th}</tr>{body}</table>"


def _requirement(value: Any) -> str:
    """A requirement as words: a required flag (True/False) reads required/desirable."""
    if isinstance(value, bool):
        return "required" if value else "desirable"
    return _esc(value)


def error_analysis_section(name: str, errors: dict[str, Any], result: SystemResult | None,
                           reviewed: Iterable[str], anchor: str = "") -> str:
    """The tables of report.md's error analysis for one system, document ids linked."""
    kinds = errors["span_errors"]
    span_rows = [[_esc(label), *(str(kinds[label][k]) for k in ERROR_KINDS), str(sum(kinds[label].values()))]
                 for label in kinds]
    span_rows.append(["<b>all</b>", *(str(sum(kinds[label][k] for label in kinds)) for k in ERROR_KINDS),
                      str(sum(sum(v.values()) for v in kinds.values()))])
    confusions = [[_esc(label), _requirement(c["gold"]), _requirement(c["predicted"]), str(c["count"])]
                  for label, cs in errors["requirement_confusions"].items() for c in cs]
    swaps = [[_doc_link(e["doc"], reviewed), _esc(e["label"]), _esc(e["gold"]), _esc(e["predicted"])]
             for e in errors["date_order_errors"]]
    span_errors = {o.doc.id: len(o.errors) for o in result.outcomes} if result is not None else {}
    worst = [[str(n), _doc_link(w["doc"], reviewed), str(w["value_errors"]), str(span_errors.get(w["doc"], ""))]
             for n, w in enumerate(errors["worst_documents"], start=1)]
    return (f"<h2 id='{anchor}'>Error analysis of <code>{_esc(name)}</code></h2>"
            f"<h3>Span errors by kind</h3>{_rows(['label', *ERROR_KINDS, 'total'], span_rows, 'none')}"
            f"<h3>Worst documents</h3><p><small>Most value errors first (values missed or wrong, "
            f"per field); each id opens the notice with gold and every system's spans.</small></p>"
            f"{_rows(['#', 'document', 'value errors', 'span errors'], worst, 'no document has a value error')}"
            f"<h3>Required/desirable confusions</h3><p><small>Values found with the right content "
            f"but the other requirement.</small></p>"
            f"{_rows(['label', 'gold', 'predicted', 'count'], confusions, 'none')}"
            f"<h3>Day/month swapped dates</h3>"
            f"{_rows(['document', 'label', 'gold', 'predicted'], swaps, 'none')}")


def html_report(document: dict[str, Any], results: dict[str, SystemResult]) -> str:
    """The page; document ids link to review/<id>.html for the ids `write_review_pages` writes."""
    reviewed = set(review_ids(results))
    charts = "".join(_bars(document, label) for label in LABELS)
    tables = "".join(_table(document, level) for level in ("values", "spans_exact", "spans_overlap"))
    analysis, contents = [], []
    for n, (name, system) in enumerate(document["systems"].items()):
        if "errors" in system:
            analysis.append(error_analysis_section(name, system["errors"], results.get(name), reviewed,
                                                   f"errors-{n}"))
            contents.append(f"<a href='#errors-{n}'>{_esc(name)}</a>")
        if name in results:
            analysis.append(error_sections(name, results[name], reviewed=reviewed))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>vacancy-ie evaluation "
            f"({_esc(document['split'])})</title><style>{REPORT_CSS}</style></head><body>"
            f"<h1>Evaluation on <code>{_esc(document['split'])}</code></h1>"
            f"<p>{_esc(summary_line(document).replace('`', ''))}</p>"
            + (f"<p>Error analysis (worst documents, confusions, errors in context): {' · '.join(contents)}</p>"
               if contents else "") +
            f"<h2>Normalised values: precision, recall, F1</h2><p>{_legend(document)}</p>{charts}"
            f"{tables}{''.join(analysis)}</body></html>")
