"""The CI gate: a trained pipeline's test figures against floors that only move up.

A failure names the field, the measured figure, the floor and the gap, so a red CI run
says at once what dropped.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import typer

from ..labels import label_of_field


@dataclass(frozen=True)
class Check:
    name: str
    measured: float
    floor: float

    @property
    def passed(self) -> bool:
        return self.measured >= self.floor

    def line(self) -> str:
        mark = "ok  " if self.passed else "FAIL"
        gap = "" if self.passed else f"  ({self.measured - self.floor:+.3f} below the floor)"
        return f"{mark} {self.name:<32} {self.measured:.3f} >= {self.floor:.3f}{gap}"


def load_thresholds(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def checks(thresholds: dict[str, Any], metrics: dict[str, Any], system: str,
           benchmark: dict[str, Any] | None = None) -> list[Check]:
    """One check per floor in the thresholds file; a field or figure missing from the
    results counts as 0, never as passed."""
    if system not in metrics["systems"]:
        raise KeyError(f"system {system!r} not in metrics (has {sorted(metrics['systems'])})")
    scores = metrics["systems"][system]
    out = []
    for level, floors in thresholds.get("f1", {}).items():
        for field, floor in floors.items():
            if field == "mean":
                measured = scores.get("mean_value_f1", 0.0)
            else:
                label = label_of_field(field) or field
                measured = scores.get(level, {}).get(label, {}).get("f1", 0.0)
            out.append(Check(f"{level}.{field}", float(measured), float(floor)))
    speed = thresholds.get("speed", {})
    if "ratio_vs_en_core_web_sm" in speed:
        ratios = ((benchmark or {}).get("pipelines", {}).get(speed.get("pipeline", system), {})
                  .get("speed_ratio_vs_en_core_web_sm", {}))
        measured = ratios.get(str(speed.get("processes", 1)), 0.0)
        out.append(Check(f"speed ratio ({speed.get('processes', 1)} process)", float(measured),
                         float(speed["ratio_vs_en_core_web_sm"])))
    return out


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

