"""CI gate: fail when a field of the trained pipeline, or its speed ratio, falls below
evaluation/thresholds.toml.

    python evaluation/gate.py --metrics evaluation/reports/test/metrics.json \
        --benchmark evaluation/results/benchmark.json --system cnn
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from vacancy_ie.evaluation.gate import checks, load_thresholds


def main(metrics: Path = typer.Option(..., help="metrics.json from `vacancy-ie evaluate`."),
         system: str = typer.Option("cnn", help="The system in metrics.json to gate."),
         benchmark: Optional[Path] = typer.Option(None, help="benchmark.json from evaluation/benchmark.py."),
         thresholds: Path = typer.Option(Path("evaluation/thresholds.toml"))) -> None:
    results = checks(load_thresholds(thresholds), json.loads(metrics.read_text()), system,
                     json.loads(benchmark.read_text()) if benchmark else None)
    for check in results:
        typer.echo(check.line())
    failed = [c for c in results if not c.passed]
    if failed:
        report = metrics.parent / "report.html"
        typer.echo(f"\ngate failed: {len(failed)} of {len(results)} checks below their floor "
                   f"({', '.join(c.name for c in failed)}); see {report}", err=True)
        raise typer.Exit(1)
    typer.echo(f"gate passed: {len(results)} checks")


if __name__ == "__main__":
    typer.run(main)
