"""How clean() scales with input size, on synthetic notices of 1 kB to 1 MB: plain text, HTML
with tags and entities, one long line with a single mojibake sequence, an unclosed <script>.
The ratio time(1 MB) / time(1 kB) / 1000 is about 1 when cleaning is linear; a quadratic
step shows up as a ratio in the hundreds.

    python evaluation/cleaning_scaling.py --out evaluation/results/cleaning-scaling.json
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path
from typing import Callable

import typer

from vacancy_ie.evaluation.report import git_commit
from vacancy_ie.text.cleaning import clean

SIZES = {"1kB": 1_000, "10kB": 10_000, "100kB": 100_000, "1MB": 1_000_000}


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def plain(size: int) -> str:
    return repeat_to("Programme Officer (P-3), Genève. Closing date: 15 November 2024.\n"
                     "Fluency in English and French is required.\n", size)


def html_page(size: int) -> str:
    return repeat_to("<div><p>Grade:&nbsp;<strong>P-3</strong> &amp; <a href=\"/apply\">apply"
                     "</a></p><br/><!-- note --><li>Deadline &#8211; 20 Nov</li></div>\n", size)


def mojibake_line(size: int) -> str:
    half = repeat_to("staff member in Geneva ", size // 2)
    return (half + "Caf\u00c3\u00a9 " + half)[:size]  # one mis-decoded "Café"


def unclosed_script(size: int) -> str:
    head = "<p>Notice</p><script>"
    body = "if (a < b && c > d) document.write('<script src=x.js>');\n"
    return head + repeat_to(body, size - len(head))


INPUTS: dict[str, Callable[[int], str]] = {
    "plain": plain, "html": html_page, "mojibake_line": mojibake_line,
    "unclosed_script": unclosed_script,
}


def seconds(text: str, budget: float = 0.05) -> float:
    """Best time of one clean(), over repeated calls lasting about `budget` seconds."""
    best = float("inf")
    deadline = time.perf_counter() + budget
    while True:
        start = time.perf_counter()
        clean(text)
        now = time.perf_counter()
        best = min(best, now - start)
        if now >= deadline:
            return best


def main(out: Path = typer.Option(Path("evaluation/results/cleaning-scaling.json"))) -> None:
    results = {"commit": git_commit(), "python": platform.python_version(), "inputs": {}}
    for name, make in INPUTS.items():
        times = {label: seconds(make(size)) for label, size in SIZES.items()}
        results["inputs"][name] = {
            "seconds": {label: round(t, 6) for label, t in times.items()},
            "seconds_per_mb": {label: round(t * 1e6 / SIZES[label], 4)
                               for label, t in times.items()},
            "ratio_1MB_vs_1kB": round(times["1MB"] / times["1kB"] / 1000, 2),
        }
        typer.echo(f"{name}: {results['inputs'][name]}", err=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    typer.echo(json.dumps({n: r["ratio_1MB_vs_1kB"] for n, r in results["inputs"].items()}))

