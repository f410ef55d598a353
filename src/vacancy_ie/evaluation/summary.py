"""Rewrite the README's results section from the committed figures in evaluation/results/,
so the numbers people read are the numbers a command measured.

    python evaluation/summarize.py --readme README.md
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from vacancy_ie.evaluation.report import f1_cell, f1_rows, markdown_table, mean_row

START, END = "<!-- results:start -->", "<!-- results:end -->"


def value_table(metrics: dict) -> list[str]:
    rows = f1_rows(metrics, "values", f1_cell("values")) + [mean_row(metrics)]
    return markdown_table(["field (value F1)", "support", *metrics["systems"]], rows)


def span_table(metrics: dict) -> list[str]:
    def cell(system: dict, label: str) -> str:
        return f"{system['spans_exact'][label]['f1']:.3f} / {system['spans_overlap'][label]['f1']:.3f}"

    return markdown_table(["label (span F1: exact / overlap)", "support", *metrics["systems"]],
                          f1_rows(metrics, "spans_exact", cell))


def speed_table(bench: dict) -> list[str]:
    header = ["pipeline", "words/s (1 proc)", "words/s (2 procs)", "ratio to en_core_web_sm (1 / 2)",
              "extract docs/s (1 / 2 workers)", "peak RSS MB", "size MB"]
    rows = []
    for name, p in bench["pipelines"].items():
        wps = p["words_per_second"]
        ratio = p.get("speed_ratio_vs_en_core_web_sm")
        ratio_text = " / ".join(f"{ratio[k]:.2f}" for k in sorted(ratio)) if ratio else "1 (baseline)"
        extract = p.get("extract_docs_per_second")
        extract_text = (f"{extract['1']} / {extract['2']} (x{p['extract_speedup_2_vs_1']})"
                        if extract and "2" in extract else "")
        rows.append([name, str(wps.get("1", "")), str(wps.get("2", "")), ratio_text, extract_text,
                     str(p["peak_rss_mb"]), str(p["size_on_disk_mb"])])
    return markdown_table(header, rows)


def memory_line(results: Path) -> list[str]:
    path = results / "memory.json"
    if not path.exists():
        return []
    mem = json.loads(path.read_text())
    rss = [mb for _, mb in mem["rss_mb"]]
    return [f"Memory over {mem['documents']:,} notices streamed through the `extract` path "
            f"(`evaluation/memory.py`, {mem['model']}): resident memory stayed between {min(rss[1:]):.0f} "
            f"and {max(rss[1:]):.0f} MB after warm-up"
            + (f" (peak {mem['peak_rss_mb']:.0f} MB)" if "peak_rss_mb" in mem else "")
            + f", {mem['growth_second_half_mb']:+.0f} MB over the "
            f"second half; {mem['errors']:,} inputs became records with `error` set (the pool holds French and Spanish notices), none was lost "
            f"({mem['records']:,} records).", ""]


def summary(results: Path) -> str:
    metrics = json.loads((results / "metrics-test.json").read_text())
    bench = json.loads((results / "benchmark.json").read_text())
    lines = [START, "", f"Test split: {metrics['documents']} notices from employers absent from training; "
             f"commit `{(metrics['commit'] or 'unknown')[:10]}`; F1 with 95% bootstrap interval "
             f"({metrics['bootstrap']['resamples']} resamples over documents). "
             + (f"'human agreement': two annotators on {metrics['systems']['human agreement']['documents']} "
                "doubly annotated notices, not the split. " if "human agreement" in metrics["systems"] else "")
             + 
             "Regenerate: `make evaluate benchmark results`.", "", *value_table(metrics), "",
             *span_table(metrics), "",
             f"Speed on {bench['documents']} notices ({bench['words']} words), {bench['cpu_count']} cores, "
             f"commit `{(bench['commit'] or 'unknown')[:10]}`"
             + (f"; words/s and ratios are medians of {bench['rounds']} interleaved rounds" if "rounds" in bench else "")
             + (f"; training took {bench['training_seconds'] / 60:.1f} min" if "training_seconds" in bench else "")
             + ":", "", *speed_table(bench), "", *memory_line(results), END]
    return "\n".join(lines)


def main(readme: Path = typer.Option(Path("README.md")),
         results: Path = typer.Option(Path("evaluation/results"))) -> None:
    text = readme.read_text()
    if START not in text or END not in text:
        raise typer.BadParameter(f"{readme} has no {START} ... {END} section")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    readme.write_text(head + summary(results) + tail)
    typer.echo(f"-> {readme}")

