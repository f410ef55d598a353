"""Evaluation results as a stable JSON document and a Markdown table."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from typing import Any

from .evaluate import LEVELS, mean_value_f1
from .labels import LABELS
from .scoring import FIELDS


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def metrics_document(results: dict[str, Any], split: str, n_docs: int) -> dict[str, Any]:
    return {
        "split": split, "documents": n_docs, "commit": git_commit(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "systems": {name: {**metrics, "mean_value_f1": mean_value_f1(metrics)}
                    for name, metrics in results.items()},
    }


def _cell(m: dict[str, Any]) -> str:
    lo, hi = m["f1_ci95"]
    return f"{m['f1']:.3f} [{lo:.2f}, {hi:.2f}]"


def markdown_report(document: dict[str, Any]) -> str:
    systems = list(document["systems"])
    head = "| field | support | " + " | ".join(systems) + " |\n|---|---|" + "---|" * len(systems)
    lines = [f"Split `{document['split']}`, {document['documents']} documents, commit "
             f"`{(document['commit'] or 'unknown')[:10]}`. F1 with 95% bootstrap interval.", ""]
    titles = {"values": "Normalised values per document (what a reader checks)",
              "spans_exact": "Spans, exact boundaries", "spans_overlap": "Spans, overlap matching"}
    for level in ("values", *[l for l in LEVELS if l != "values"]):
        lines += [f"### {titles[level]}", "", head]
        for label in LABELS:
            first = document["systems"][systems[0]][level][label]
            name = FIELDS[label] if level == "values" else label
            lines.append(f"| {name} | {first['support']} | " + " | ".join(
                _cell(document["systems"][s][level][label]) for s in systems) + " |")
        if level == "values":
            lines.append("| **mean** | | " + " | ".join(
                f"**{document['systems'][s]['mean_value_f1']:.3f}**" for s in systems) + " |")
        lines.append("")
    return "\n".join(lines)
