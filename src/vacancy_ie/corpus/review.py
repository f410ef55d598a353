"""A displaCy page per document, for checking annotations by eye: one colour per label,
the normalised attributes beside each label and in its tooltip.

displaCy escapes the notice text but not a span's label or kb_id, so those are escaped here."""

from __future__ import annotations

import html
import re
from pathlib import Path

from spacy import displacy
from spacy.language import Language

from ..labels import LABELS
from .align import align_record
from .records import AnnotationRecord
from .volume import Notice

PALETTE = ("#7aecec", "#feca74", "#aa9cfc", "#bfe1d9", "#ff9561", "#c887fb", "#9cc9cc")
LABEL_COLOURS = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(LABELS)}
REVIEW_DIR = Path("corpus/work/review")
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def review_path(doc_id: str, folder: Path = REVIEW_DIR) -> Path:
    """Where the page for `doc_id` goes in `folder`; ValueError unless that is a plain
    file name whose resolved path stays inside the folder."""
    if not PLAIN_ID.fullmatch(doc_id):
        raise ValueError(f"id {doc_id!r} is not a plain file name (letters, digits, '.', '_', '-'); "
                         "pass --out to choose the file")
    path = folder / f"{doc_id}.html"
    if not path.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"{path} resolves outside {folder}; pass --out to choose the file")
    return path


def _attr_text(attrs: dict) -> str:
    return " ".join(f"{k}={v}" for k, v in attrs.items())


def render_record(record: AnnotationRecord, notice: Notice, nlp: Language) -> str:
    """A standalone HTML page with the document's spans rendered by displaCy."""
    aligned = align_record(record, notice, nlp)
    spans, problems = [], []
    for n, item in enumerate(aligned.spans):
        if item.doc_span is None:
            problems.append(f"{item.span.label} [{item.span.start}:{item.span.end}]: {item.problem}")
            continue
        spans.append({"start_token": item.doc_span.start, "end_token": item.doc_span.end,
                      "label": html.escape(item.span.label, quote=True),
                      "kb_id": html.escape(_attr_text(item.span.attrs), quote=True),
                      "kb_url": f"#span-{n}"})
    tokens = [t.text for t in aligned.doc]
    markup = displacy.render({"text": aligned.doc.text, "tokens": tokens, "spans": spans},
                             style="span", manual=True, page=False,
                             options={"colors": LABEL_COLOURS})
    for n, item in enumerate(aligned.spans):
        title = html.escape(f"{item.span.label}: {_attr_text(item.span.attrs)}", quote=True)
        markup = markup.replace(f'href="#span-{n}"', f'href="#span-{n}" title="{title}"', 1)
    header = (f"<h2>{html.escape(notice.id)}</h2><p>{html.escape(notice.employer)} · "
              f"status {html.escape(record.status)} · annotator {html.escape(record.annotator)} · "
              f"{len(record.spans)} spans</p>")
    if problems:
        header += "<ul style='color:#b00'>" + "".join(f"<li>{html.escape(p)}</li>" for p in problems) + "</ul>"
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(notice.id)}"
            f"</title></head><body style='font-family:sans-serif;max-width:70em;margin:auto'>"
            f"{header}<div style='white-space:pre-wrap;line-height:2.5'>{markup}</div></body></html>")
