"""Inter-annotator agreement on doubly annotated documents: the human ceiling the model is
measured against. One annotator plays "gold", the other "prediction"; F1 is symmetric."""

from __future__ import annotations

from ..labels import LABELS
from ..scoring import Comparison, ScoredSpan, compare
from .records import AnnotationRecord
from .volume import DataVolume


def scored_spans(record: AnnotationRecord, text: str) -> list[ScoredSpan]:
    return [ScoredSpan(s.start, s.end, s.label, s.attrs, text[s.start:s.end]) for s in record.spans]


def agreement(first: list[AnnotationRecord], second: list[AnnotationRecord],
              volume: DataVolume) -> tuple[Comparison, list[str]]:
    """Compare the documents both sets annotate; returns the comparison and their ids."""
    other = {r.id: r for r in second}
    pairs, ids = [], []
    for record in sorted(first, key=lambda r: r.id):
        if record.id not in other:
            continue
        text = volume.checked(record.id, record.source, record.sha256).text
        pairs.append((scored_spans(record, text), scored_spans(other[record.id], text)))
        ids.append(record.id)
    return compare(pairs), ids


def agreement_markdown(comparison: Comparison, n_docs: int) -> str:
    lines = [f"Agreement between two independent annotators on {n_docs} documents.", "",
             "| label | exact span F1 | overlap span F1 | value F1 | spans (a / b) |",
             "|---|---|---|---|---|"]
    for label in LABELS:
        ex, ov, va = comparison.exact[label], comparison.overlap[label], comparison.values[label]
        lines.append(f"| {label} | {ex.f1:.3f} | {ov.f1:.3f} | {va.f1:.3f} | {ex.n_gold} / {ex.n_pred} |")
    lines += ["", "Attribute agreement on spans both annotators marked with the same boundaries:", "",
              "| attribute | same | different | agreement |", "|---|---|---|---|"]
    for name, tally in sorted(comparison.attribute_agreement.items()):
        total = tally["same"] + tally["different"]
        lines.append(f"| {name} | {tally['same']} | {tally['different']} | "
                     f"{tally['same'] / total:.3f} |")
    return "\n".join(lines) + "\n"
