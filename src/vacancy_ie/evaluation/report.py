"""Evaluation results as a stable JSON document, a Markdown table and an HTML page."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from typing import Any, Callable

from ..labels import LABELS
from .analysis import ERROR_KINDS, date_order_errors, error_kinds, requirement_confusions, worst_documents
from .systems import LEVELS, SystemResult, mean_value_f1

AGREEMENT = "human agreement"


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def error_analysis(result: SystemResult, n_worst: int = 10) -> dict[str, Any]:
    """The summaries an engineer reads first, with stable keys."""
    outcomes = result.outcomes
    kinds = error_kinds(e for o in outcomes for e in o.errors)
    confusions = requirement_confusions((o.doc.gold_values, o.output.values) for o in outcomes)
    return {
        "span_errors": {label: {kind: kinds[label][kind] for kind in ERROR_KINDS} for label in LABELS},
        "requirement_confusions": {
            label: [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(c.items(), key=str)]
            for label, c in confusions.items()},
        "date_order_errors": [{"doc": d, "label": label, "gold": g, "predicted": p}
                              for d, label, g, p in date_order_errors(
                                  (o.doc.id, o.doc.gold_values, o.output.values) for o in outcomes)],
        "worst_documents": [{"doc": d, "value_errors": n} for d, n in worst_documents(
            ((o.doc.id, o.value_errors) for o in outcomes), n_worst)],
    }


def metrics_document(results: dict[str, SystemResult], split: str, n_boot: int = 1000, seed: int = 0,
                     agreement: SystemResult | None = None,
                     candidates: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Every system's metrics on the split; the human agreement, measured on the doubly
    annotated notices (other documents), sits beside them with its own document count; and
    the recall of the rules' candidates per label, when measured."""
    n_docs = len(next(iter(results.values())).outcomes) if results else 0
    systems = {name: {**(m := r.metrics(n_boot, seed)), "mean_value_f1": mean_value_f1(m),
                      "documents": len(r.outcomes), "errors": error_analysis(r)}
               for name, r in results.items()}
    if agreement is not None and agreement.outcomes:
        m = agreement.metrics(n_boot, seed)
        systems[AGREEMENT] = {**m, "mean_value_f1": mean_value_f1(m), "documents": len(agreement.outcomes)}
    return {"split": split, "documents": n_docs, "commit": git_commit(),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "bootstrap": {"resamples": n_boot, "seed": seed}, "systems": systems,
            **({"candidate_recall": candidates} if candidates is not None else {})}


Cell = Callable[[dict[str, Any], str], str]  # (one system's metrics, label) -> the cell's text


def f1_cell(level: str) -> Cell:
    """F1 with its 95% interval at one level."""
    def cell(system: dict[str, Any], label: str) -> str:
        m = system[level][label]
        lo, hi = m["f1_ci95"]
        return f"{m['f1']:.3f} [{lo:.2f}, {hi:.2f}]"
    return cell


def f1_rows(document: dict[str, Any], level: str, cell: Cell) -> list[list[str]]:
    """The per-label table at one level, for every report: one row per label (named by its
    record field for values), its support, then one cell per system."""
    systems = list(document["systems"].values())
    return [[LABELS[label].field if level == "values" else label, str(systems[0][level][label]["support"]),
             *(cell(system, label) for system in systems)] for label in LABELS]


def mean_row(document: dict[str, Any]) -> list[str]:
    return ["**mean**", "", *(f"**{s['mean_value_f1']:.3f}**" for s in document["systems"].values())]


def markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows)]


LEVEL_TITLES = {"values": "Normalised values per document (what a reader checks)",
                "spans_exact": "Spans, exact boundaries", "spans_overlap": "Spans, overlap matching"}


def summary_line(document: dict[str, Any]) -> str:
    return (f"Split `{document['split']}`, {document['documents']} documents, commit "
            f"`{(document['commit'] or 'unknown')[:10]}`. F1 with 95% bootstrap interval "
            "over documents; P/R in metrics.json.")


def markdown_report(document: dict[str, Any]) -> str:
    header = ["field", "support", *document["systems"]]
    lines = [summary_line(document)]
    if AGREEMENT in document["systems"]:
        lines.append(f"'{AGREEMENT}' compares two annotators on "
                     f"{document['systems'][AGREEMENT]['documents']} doubly annotated notices (not the split).")
    lines.append("")
    for level in ("values", *[lv for lv in LEVELS if lv != "values"]):
        rows = f1_rows(document, level, f1_cell(level)) + ([mean_row(document)] if level == "values" else [])
        lines += [f"### {LEVEL_TITLES[level]}", "", *markdown_table(header, rows), ""]
    if "candidate_recall" in document:
        recall = document["candidate_recall"]
        lines += ["### Recall of the rules' candidates (gold spans a candidate covers)", "",
                  *markdown_table(["label", "gold spans", "covered", "recall"],
                                  [[label, str(r["gold"]), str(r["covered"]), f"{r['recall']:.3f}"]
                                   for label, r in recall.items()]), ""]
    for name, system in document["systems"].items():
        if "errors" not in system:
            continue
        errors = system["errors"]
        lines += [f"### Span errors of `{name}` by kind", "",
                  "| label | " + " | ".join(ERROR_KINDS) + " |", "|---|" + "---|" * len(ERROR_KINDS)]
        lines += [f"| {label} | " + " | ".join(str(errors["span_errors"][label][k]) for k in ERROR_KINDS) + " |"
                  for label in LABELS]
        confusions = [f"{label} {c['gold']}→{c['predicted']} ×{c['count']}"
                      for label, cs in errors["requirement_confusions"].items() for c in cs]
        swaps = [f"{e['doc']} {e['label']} {e['gold']}→{e['predicted']}" for e in errors["date_order_errors"]]
        worst = [f"{w['doc']} ({w['value_errors']})" for w in errors["worst_documents"][:5]]
        lines += ["", f"- required/desirable confusions: {', '.join(confusions) or 'none'}",
                  f"- day/month swapped dates: {', '.join(swaps) or 'none'}",
                  f"- worst documents (value errors): {', '.join(worst) or 'none'}", ""]
    return "\n".join(lines)
