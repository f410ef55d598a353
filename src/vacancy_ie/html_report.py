"""The evaluation as one standalone HTML page: a bar chart per field, the tables, and
displaCy renders of each system's false positives and negatives grouped by error kind.

displaCy escapes the notice text but not a span's label or kb_id; those, like every system
name, document id and value taken from the data, are escaped here."""

from __future__ import annotations

import html
from typing import Any

from spacy import displacy

from .text.cleaning import clean
from .evaluation.analysis import ERROR_KINDS, SpanError
from .evaluation.systems import SystemResult
from .labels import LABELS
from .evaluation.report import LEVEL_TITLES, summary_line
from .evaluation.scoring import FIELDS, ScoredSpan
from .text.tokenizer import blank_nlp

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
    return (f"<figure style='display:inline-block;margin:0 1.5em 1em 0'><figcaption><b>{FIELDS[label]}</b> "
            f"(support {document['systems'][systems[0]]['values'][label]['support']})</figcaption>"
            f"<svg width='{width + 110}' height='{y}'>{''.join(rows)}</svg></figure>")


def _legend(document: dict[str, Any]) -> str:
    return " ".join(f"<span style='color:{SYSTEM_COLOURS[i % len(SYSTEM_COLOURS)]}'>■</span> {html.escape(n)}"
                    for i, n in enumerate(document["systems"]))


def _table(document: dict[str, Any], level: str) -> str:
    systems = list(document["systems"])
    head = "".join(f"<th colspan='3'>{html.escape(s)}</th>" for s in systems)
    sub = "<th>P</th><th>R</th><th>F1 [95% CI]</th>" * len(systems)
    rows = []
    for label in LABELS:
        cells = []
        for s in systems:
            m = document["systems"][s][level][label]
            lo, hi = m["f1_ci95"]
            cells.append(f"<td>{m['precision']:.3f}</td><td>{m['recall']:.3f}</td>"
                         f"<td><b>{m['f1']:.3f}</b> [{lo:.2f}, {hi:.2f}]</td>")
        support = document["systems"][systems[0]][level][label]["support"]
        rows.append(f"<tr><td>{FIELDS[label] if level == 'values' else label}</td><td>{support}</td>{''.join(cells)}</tr>")
    return (f"<h3>{LEVEL_TITLES[level]}</h3><table border='1' cellspacing='0' cellpadding='3'>"
            f"<tr><th rowspan='2'>field</th><th rowspan='2'>support</th>{head}</tr><tr>{sub}</tr>"
            f"{''.join(rows)}</table>")


def _attrs(span: ScoredSpan) -> str:
    return " ".join(f"{k}={v}" for k, v in span.attrs.items())


def render_error(error: SpanError, raw: str, nlp) -> str:
    """The error's neighbourhood in the cleaned notice, gold and predicted spans marked."""
    cleaned = clean(raw)
    marked = [(s, who) for s, who in ((error.gold, "gold"), (error.pred, "pred")) if s is not None]
    mapped = [(cleaned.from_raw(s.start, s.end), s, who) for s, who in marked]
    mapped = [(m, s, who) for m, s, who in mapped if m]
    if not mapped:
        return "<p>(span outside the cleaned text)</p>"
    lo = max(0, min(m[0] for m, _, _ in mapped) - CONTEXT)
    hi = min(len(cleaned.text), max(m[1] for m, _, _ in mapped) + CONTEXT)
    doc = nlp.make_doc(cleaned.text[lo:hi])
    spans = []
    for (start, end), span, who in mapped:
        piece = doc.char_span(start - lo, end - lo, alignment_mode="expand")
        if piece is not None:
            spans.append({"start_token": piece.start, "end_token": piece.end,
                          "label": html.escape(f"{who} {span.label}", quote=True),
                          "kb_id": html.escape(_attrs(span), quote=True) or " ", "kb_url": "#"})
    colours = {f"gold {label}": "#9be39b" for label in LABELS} | {f"pred {label}": "#f7a6a6" for label in LABELS}
    return displacy.render({"text": doc.text, "tokens": [t.text for t in doc], "spans": spans},
                           style="span", manual=True, page=False, options={"colors": colours})


def error_sections(name: str, result: SystemResult, per_kind: int = 8) -> str:
    nlp = blank_nlp()
    parts = [f"<h2>Errors of <code>{html.escape(name)}</code></h2>"]
    for label in LABELS:
        found = [(o.doc, e) for o in result.outcomes for e in o.errors if e.label == label]
        if not found:
            continue
        parts.append(f"<h3>{label} ({len(found)} span errors)</h3>")
        for kind in ERROR_KINDS:
            examples = [(d, e) for d, e in found if e.kind == kind]
            if not examples:
                continue
            shown = "".join(f"<div><small>{html.escape(d.id)}</small>{render_error(e, d.raw, nlp)}</div>"
                            for d, e in examples[:per_kind])
            parts.append(f"<details><summary>{kind}: {len(examples)}"
                         f"{f' (first {per_kind} shown)' if len(examples) > per_kind else ''}</summary>{shown}</details>")
    return "\n".join(parts)


def html_report(document: dict[str, Any], results: dict[str, SystemResult]) -> str:
    charts = "".join(_bars(document, label) for label in LABELS)
    tables = "".join(_table(document, level) for level in ("values", "spans_exact", "spans_overlap"))
    errors = "".join(error_sections(name, result) for name, result in results.items())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>vacancy-ie evaluation "
            f"({html.escape(document['split'])})</title></head>"
            f"<body style='font-family:sans-serif;max-width:80em;margin:auto'>"
            f"<h1>Evaluation on <code>{html.escape(document['split'])}</code></h1>"
            f"<p>{html.escape(summary_line(document))}</p>"
            f"<h2>Normalised values: precision, recall, F1</h2><p>{_legend(document)}</p>{charts}"
            f"{tables}{errors}</body></html>")
