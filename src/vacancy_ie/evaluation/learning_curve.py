"""The learning curve: test figures of the default config trained on 25%, 50% and 100% of the
training split, one `vacancy-ie evaluate` run each (`make learning-curve`).

    python evaluation/learning_curve.py 25=evaluation/reports/curve-25/metrics.json ... --out F
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .spread import figures


def main(runs: list[str] = typer.Argument(..., help="PERCENT=metrics.json, one per curve point."),
         out: Path = typer.Option(Path("evaluation/results/learning-curve.json"))) -> None:
    points = {}
    for run in runs:
        percent, _, path = run.partition("=")
        document = json.loads(Path(path).read_text())
        points[int(percent)] = {"documents_scored": document["documents"], **figures(document)}
    points = dict(sorted(points.items()))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"points": points}, indent=1) + "\n")
    names = [n for n in next(iter(points.values())) if n != "documents_scored"]
    typer.echo(f"{'figure':<16}" + "".join(f"{str(p) + '%':>8}" for p in points))
    for name in names:
        typer.echo(f"{name:<16}" + "".join(f"{points[p][name]:8.3f}" for p in points))
    typer.echo(f"-> {out}")
