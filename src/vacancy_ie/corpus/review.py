"""Review pages: a notice's cleaned text as it reads (its lines, spacing and paragraphs),
with the annotated spans marked in it, and beside it, paragraph by paragraph, the spans of a
model or of the systems of an evaluation. Every span's normalised attributes are in its
tooltip and in the side list, which also says, for each gold span, whether each other column
has it.

Spans are drawn by a small renderer of character spans, not by displaCy: displaCy's "span"
style lays out one block per token (the text's line breaks and spacing are lost, tokens are
re-joined with spaces), and its "ent" style keeps the flow but cannot draw overlapping spans
(a SKILL inside an EXPERIENCE phrase). Here the text is cut at every span boundary and each
piece is escaped once; spans that cross are split into pieces that nest.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from spacy.language import Language

from ..batch.extraction import Settings, record_for
from ..batch.inputs import InputDoc
from ..labels import LABELS
from ..text.cleaning import CleanText, clean
from .align import align_record
from .records import AnnotationRecord
from .volume import Notice

# One colour per label, in the scheme's order, told apart at a glance (then repeated).
PALETTE = ("#7aecec", "#feca74", "#aa9cfc", "#a8e6a1", "#ff9561", "#f4a6d7", "#a9c8f0")
LABEL_COLOURS = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(LABELS)}
OTHER_COLOUR = "#dddddd"  # a label the scheme does not know
REVIEW_DIR = Path("corpus/work/review")
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")  # a blank line (and what follows it) ends a paragraph
ITEM_KEYS = ("text", "start", "end", "score")  # a record item's keys that are not its values

MARK_CSS = """
.m{border-radius:.3em;padding:.05em .2em;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.m.fill{background:var(--c)}
.m.line{background:none;border-bottom:.22em solid var(--c);padding:0 0 .05em}
.m .m.fill{outline:1px solid rgba(0,0,0,.3)}
.tag{font:bold .62em sans-serif;text-transform:uppercase;margin-left:.35em;opacity:.75;
  vertical-align:.12em;white-space:nowrap}
"""
PAGE_CSS = MARK_CSS + """
body{font-family:sans-serif;margin:0 auto;padding:0 1.2em;max-width:110em;color:#222}
header p{margin:.3em 0}
.legend span.chip{margin-right:.8em;white-space:nowrap}
.chip i{display:inline-block;width:.9em;height:.9em;border-radius:.2em;vertical-align:-.1em;
  background:var(--c);margin-right:.25em}
.problems{color:#b00}
.layout{display:flex;gap:2em;align-items:flex-start}
.text{flex:1;min-width:0;display:grid;column-gap:2em}
.text .colhead{position:sticky;top:0;background:#fff;border-bottom:2px solid #888;
  font-weight:bold;padding:.3em 0;z-index:1}
.text .p{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.75;margin:.5em 0}
.text .p.second{border-left:1px solid #ddd;padding-left:1em;margin-left:-1em}
aside{width:24em;flex:none;position:sticky;top:0;max-height:100vh;overflow:auto;font-size:.88em}
aside h3{margin:.8em 0 .3em}
aside ol{padding-left:1.6em;margin:0}
aside li{margin:.25em 0}
aside .quote{color:#444}
aside .attrs{color:#555;font-family:monospace;font-size:.95em}
body:has(#spans-only:checked) .p.plain{display:none}
.same{color:#1a7f37}.partly{color:#b07800}.none{color:#c0392b}
"""


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


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def attr_text(attrs: Mapping[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in attrs.items())


@dataclass(frozen=True)
class Mark:
    """A span to draw, in offsets of the cleaned text. Nothing here is escaped yet."""

    start: int
    end: int
    label: str
    attrs: Mapping[str, Any] = field(default_factory=dict)
    anchor: str = ""  # element id of its first piece (made of ASCII letters, digits and '-')
    tag: str | None = None  # shown at its end; None: the label
    note: str = ""  # added to the tooltip (a model's confidence)
    colour: str | None = None  # None: the label's colour
    underline: bool = False  # drawn as an underline rather than a background

    @property
    def title(self) -> str:
        text = f"{self.tag or self.label}: {attr_text(self.attrs)}".rstrip()
        return f"{text} ({self.note})" if self.note else text


def _open(mark: Mark, first: bool) -> str:
    colour = mark.colour or LABEL_COLOURS.get(mark.label, OTHER_COLOUR)
    anchor = f' id="{mark.anchor}"' if first and mark.anchor else ""
    return (f'<mark class="m {"line" if mark.underline else "fill"}" style="--c:{colour}"{anchor} '
            f'title="{_esc(mark.title)}">')


def _close(mark: Mark, last: bool) -> str:
    tag = f'<span class="tag">{_esc(mark.tag or mark.label)}</span>' if last else ""
    return f"{tag}</mark>"


def mark_html(text: str, marks: Sequence[Mark], lo: int = 0, hi: int | None = None) -> str:
    """text[lo:hi] escaped once, with `marks` (clipped to the window) as nested <mark>s.
    A span's label is shown where it ends and its anchor where it starts (in the window
    that holds them: blank space cut off between windows does not count). Crossing spans
    are split into pieces, so the markup stays nested."""
    hi = len(text) if hi is None else hi

    def first(i: int) -> bool:  # the mark starts here, or only blank space of it comes before
        return not text[marks[i].start:lo].strip()

    def last(i: int) -> bool:  # the mark ends here, or only blank space of it comes after
        return not text[hi:marks[i].end].strip()

    ends = {i: min(m.end, hi) for i, m in enumerate(marks) if max(m.start, lo) < min(m.end, hi)}
    starts: dict[int, list[int]] = {}
    for i in ends:
        starts.setdefault(max(marks[i].start, lo), []).append(i)
    cuts = sorted({lo, hi, *starts, *ends.values()})
    out: list[str] = []
    stack: list[int] = []  # open marks, outermost first
    for a, b in zip(cuts, cuts[1:]):
        closing = [k for k, i in enumerate(stack) if ends[i] <= a]
        reopen: list[int] = []
        if closing:
            above = stack[closing[0]:]
            del stack[closing[0]:]
            out.extend(_close(marks[i], ends[i] <= a and last(i)) for i in reversed(above))
            reopen = [i for i in above if ends[i] > a]
        for i in sorted(reopen + starts.get(a, []), key=lambda i: (-ends[i], i)):
            out.append(_open(marks[i], first=i not in reopen and first(i)))
            stack.append(i)
        out.append(html.escape(text[a:b], quote=False))
    out.extend(_close(marks[i], last(i)) for i in reversed(stack))
    return "".join(out)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the text between blank lines, without the line
    breaks and trailing spaces at its edges, none empty. A paragraph keeps its own line breaks
    and spacing; the blank lines become the gaps between rows."""
    out, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    trimmed = [(a + len(text[a:b]) - len(text[a:b].lstrip("\n")), a + len(text[a:b].rstrip())) for a, b in out]
    return [(a, b) for a, b in trimmed if a < b]


@dataclass
class Column:
    """One reading of the text: gold, a model, a system of the evaluation."""

    title: str
    marks: list[Mark]
    problems: list[str] = field(default_factory=list)  # spans that could not be drawn, errors


def raw_marks(spans: Iterable[Any], cleaned: CleanText, prefix: str, note=lambda span: ""
              ) -> tuple[list[Mark], list[str]]:
    """Marks of spans in raw offsets (objects with start, end, label and attrs): mapped onto
    the cleaned text, each anchored as prefix-n; the ones that do not survive cleaning are
    reported instead."""
    marks, problems = [], []
    for n, span in enumerate(spans):
        mapped = (cleaned.from_raw(span.start, span.end)
                  if 0 <= span.start < span.end <= len(cleaned.raw) else None)
        if mapped is None:
            problems.append(f"{span.label} [{span.start}:{span.end}] is not in the cleaned text")
            continue
        marks.append(Mark(*mapped, span.label, dict(span.attrs), anchor=f"{prefix}-{n}", note=note(span)))
    return marks, problems


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    label: str
    attrs: Mapping[str, Any]
    note: str


def _item_note(item: Mapping[str, Any], shown: Iterable[str]) -> str:
    """An item's confidence and what else it says that is neither a value nor an offset."""
    extra = {k: v for k, v in item.items()
             if k not in shown and k not in ITEM_KEYS and not k.endswith(("_start", "_end"))}
    score = [f"score {item['score']}"] if item.get("score") is not None else []
    return ", ".join(score + [f"{k} {v}" for k, v in extra.items()])


def record_items(record: Mapping[str, Any]) -> list[_Item]:
    """A pipeline record's items (in raw offsets) with their labels and the values of the
    label's attributes, in text order."""
    items = []
    for name, label in LABELS.items():
        value = record.get(label.field)
        attributes = [a.name for a in label.attributes]
        for item in value if isinstance(value, list) else [value] if isinstance(value, Mapping) else []:
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                attrs = {k: item[k] for k in attributes if k in item}
                items.append(_Item(item["start"], item["end"], name, attrs, _item_note(item, attrs)))
    return sorted(items, key=lambda i: (i.start, -i.end))


def model_column(record: Mapping[str, Any], cleaned: CleanText, title: str, prefix: str = "c1") -> Column:
    """The column of a pipeline's record: one mark per record item (repeated mentions of a
    value are merged in the record, so only the kept mention is marked)."""
    marks, problems = raw_marks(record_items(record), cleaned, prefix, note=lambda i: i.note)
    if record.get("error"):
        problems.insert(0, f"the pipeline failed: {record['error']}")
    return Column(title, marks, problems)


def run_model(nlp: Language, notice: Notice) -> dict[str, Any]:
    """The record the pipeline gives for the raw notice, as `vacancy-ie extract` gives it."""
    return record_for(nlp, InputDoc(notice.source, notice.text, id=notice.id),
                      Settings(reference_date=notice.reference_date))


def _same_value(a: Mark, b: Mark) -> bool:
    spec = LABELS.get(a.label)
    keys = getattr(spec, "value_attributes", None) or (set(a.attrs) & set(b.attrs))
    return all(a.attrs.get(k) == b.attrs.get(k) for k in keys)


def _match(mark: Mark, others: Sequence[Mark]) -> str:
    """same (boundaries and value), partly (an overlapping span of the label) or none."""
    found = [o for o in others if o.label == mark.label and o.start < mark.end and mark.start < o.end]
    if any((o.start, o.end) == (mark.start, mark.end) and _same_value(mark, o) for o in found):
        return "same"
    return "partly" if found else "none"


SYMBOLS = {"same": "✓", "partly": "≈", "none": "✗"}
MEANINGS = {"same": "same span and value", "partly": "an overlapping span, other boundaries or value",
            "none": "nothing there"}


def _status(mark: Mark, index: int, columns: Sequence[Column]) -> str:
    """How the other columns read this span: against every column for the first (gold),
    against the first for the others."""
    others = [c for k, c in enumerate(columns) if k != index] if index == 0 else [columns[0]]
    out = []
    for column in others:
        found = _match(mark, column.marks)
        out.append(f'<span class="{found}" title="{_esc(column.title)}: {MEANINGS[found]}">'
                   f"{_esc(column.title)} {SYMBOLS[found]}</span>")
    return " · ".join(out)


def _side_list(text: str, columns: Sequence[Column]) -> str:
    order = {label: k for k, label in enumerate(LABELS)}
    parts = []
    for index, column in enumerate(columns):
        parts.append(f"<h3>{_esc(column.title)} ({len(column.marks)})</h3><ol>")
        for mark in sorted(column.marks, key=lambda m: (order.get(m.label, len(order)), m.start)):
            quote = text[mark.start:mark.end]
            quote = quote if len(quote) <= 90 else quote[:87] + "…"
            colour = LABEL_COLOURS.get(mark.label, OTHER_COLOUR)
            status = f"<br>{_status(mark, index, columns)}" if len(columns) > 1 else ""
            note = f" <small>({_esc(mark.note)})</small>" if mark.note else ""
            parts.append(f'<li><a class="chip" href="#{mark.anchor}" style="--c:{colour}"><i></i>'
                         f'{_esc(mark.label)}</a> <span class="quote">“{_esc(quote)}”</span>{note}<br>'
                         f'<span class="attrs">{_esc(attr_text(mark.attrs))}</span>{status}</li>')
        parts.append("</ol>")
    return "".join(parts)


def _legend(columns: Sequence[Column]) -> str:
    chips = "".join(f'<span class="chip" style="--c:{colour}" title="{_esc(LABELS[label].description)}">'
                    f"<i></i>{_esc(label)}</span>" for label, colour in LABEL_COLOURS.items())
    how = ("Hover a span for its normalised values; the list on the right has them all"
           + (" and says, for each gold span, whether the other columns have it "
              "(✓ same span and value, ≈ overlapping, ✗ nothing)." if len(columns) > 1 else "."))
    toggle = ('<label><input type="checkbox" id="spans-only"> show only the paragraphs with spans'
              "</label>")
    return f'<p class="legend">{chips}</p><p><small>{how}</small> {toggle}</p>'


def render_page(title: str, header: str, text: str, columns: Sequence[Column]) -> str:
    """A standalone page: `header` is HTML (its values escaped by the caller), `text` the
    cleaned notice; the columns sit side by side, paragraph by paragraph."""
    problems = [f"{c.title}: {p}" for c in columns for p in c.problems]
    problem_list = (f'<ul class="problems">{"".join(f"<li>{_esc(p)}</li>" for p in problems)}</ul>'
                    if problems else "")
    cells = [f'<div class="colhead">{_esc(c.title)}</div>' for c in columns]
    for lo, hi in paragraphs(text):
        plain = not any(m.start < hi and lo < m.end for c in columns for m in c.marks)
        cells += [f'<div class="p{" second" if k else ""}{" plain" if plain else ""}">'
                  f"{mark_html(text, c.marks, lo, hi)}</div>" for k, c in enumerate(columns)]
    grid = (f'<div class="text" style="grid-template-columns:repeat({len(columns)},minmax(0,1fr))">'
            f'{"".join(cells)}</div>')
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_esc(title)}</title>"
            f"<style>{PAGE_CSS}</style></head><body><header>{header}{_legend(columns)}{problem_list}"
            f"</header><div class='layout'>{grid}<aside>{_side_list(text, columns)}</aside></div>"
            f"</body></html>")


def gold_column(record: AnnotationRecord, notice: Notice, nlp: Language) -> tuple[Column, CleanText]:
    """The record's spans by character, each flagged where it misses token boundaries (it
    would not convert) or does not survive cleaning (it cannot be drawn)."""
    aligned = align_record(record, notice, nlp)
    marks, problems = [], []
    for n, item in enumerate(aligned.spans):
        span = item.span
        mapped = (aligned.cleaned.from_raw(span.start, span.end)
                  if 0 <= span.start < span.end <= len(notice.text) else None)
        if item.problem:
            problems.append(f"{span.label} [{span.start}:{span.end}]: {item.problem}")
        if mapped is not None:
            marks.append(Mark(*mapped, span.label, dict(span.attrs), anchor=f"c0-{n}"))
    return Column("gold", marks, problems), aligned.cleaned


def render_record(record: AnnotationRecord, notice: Notice, nlp: Language,
                  model: Mapping[str, Any] | None = None, model_name: str = "model",
                  model_source: str = "") -> str:
    """The page of one annotated notice: its gold spans, and beside them the spans of a
    pipeline's `model` record for the same notice (see `run_model`) when one is given,
    in a column called `model_name` (`model_source`: where the pipeline was loaded from)."""
    gold, cleaned = gold_column(record, notice, nlp)
    columns = [gold]
    if model is not None:
        columns.append(model_column(model, cleaned, model_name))
    title = f" · {_esc(notice.title)}" if notice.title else ""
    header = (f"<h2>{_esc(notice.id)}{title}</h2><p>{_esc(notice.employer)} · status "
              f"{_esc(record.status)} · annotator {_esc(record.annotator)} · {len(record.spans)} gold spans"
              + (f" · {len(columns[1].marks)} record items of <code>{_esc(model_source or model_name)}</code>"
                 if model is not None else "")
              + "</p>")
    return render_page(notice.id, header, cleaned.text, columns)


def render_comparison(doc_id: str, raw: str, gold: Iterable[Any], systems: Mapping[str, Iterable[Any]],
                      subtitle: str = "", back: str = "") -> str:
    """The page of one evaluated notice: gold and each system's spans (objects with raw
    `start`, `end`, `label` and `attrs`, as the evaluation scores them), side by side;
    `back`: a relative link to the report."""
    cleaned = clean(raw)
    marks, problems = raw_marks(list(gold), cleaned, "c0")
    columns = [Column("gold", marks, problems)]
    for k, (name, spans) in enumerate(systems.items(), start=1):
        marks, problems = raw_marks(list(spans), cleaned, f"c{k}")
        columns.append(Column(name, marks, problems))
    links = f' <a href="{_esc(back)}">back to the report</a>' if back else ""
    header = f"<h2>{_esc(doc_id)}</h2>" + (f"<p>{_esc(subtitle)}{links}</p>" if subtitle or back else "")
    return render_page(doc_id, header, cleaned.text, columns)
