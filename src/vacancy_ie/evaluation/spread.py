"""Run-to-run spread of the test figures: the same config and corpus trained with several
seeds, each scored by `vacancy-ie evaluate`. The CI floors sit under the lowest run.

    python evaluation/spread.py evaluation/reports/seed-*/metrics.json --out evaluation/results/seed-spread.json
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..labels import field_of
from .report import AGREEMENT


def figures(metrics: dict) -> dict[str, float]:
    """The figures of the one pipeline scored beside the rules and the human agreement."""
    (scores,) = [m for name, m in metrics["systems"].items() if name not in ("rules", AGREEMENT)]
    out = {field_of(label): m["f1"] for label, m in scores["values"].items()}
    out["mean"] = scores["mean_value_f1"]
    out["SKILL overlap"] = scores["spans_overlap"]["SKILL"]["f1"]
    return out


def main(paths: list[Path] = typer.Argument(..., help="metrics.json of each seed's run."),
         out: Path = typer.Option(Path("evaluation/results/seed-spread.json"))) -> None:
    runs = {str(p.parent.name): figures(json.loads(p.read_text())) for p in sorted(paths)}
    spread = {}
    for name in next(iter(runs.values())):
        values = [run[name] for run in runs.values()]
        spread[name] = {"min": round(min(values), 3), "mean": round(sum(values) / len(values), 3),
                        "max": round(max(values), 3), "range": round(max(values) - min(values), 3)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"runs": runs, "spread": spread}, indent=1) + "\n")
    typer.echo(f"{'figure':<16} {'min':>6} {'mean':>6} {'max':>6} {'range':>6}")
    for name, s in spread.items():
        typer.echo(f"{name:<16} {s['min']:6.3f} {s['mean']:6.3f} {s['max']:6.3f} {s['range']:6.3f}")
    typer.echo(f"-> {out}")

