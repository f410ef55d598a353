"""Memory over a long stream: N notices (the data volume's pool, cycled) through the same
streaming path as `vacancy-ie extract`, resident memory sampled as it goes. Flat means the
growth over the second half of the run stays small next to the model's own footprint.

    python evaluation/memory.py --model models/cnn/model-best --docs 10000 --out evaluation/results/memory.json
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Iterator

import spacy
import typer
from tqdm import tqdm

from vacancy_ie.batch.extraction import extract_records
from vacancy_ie.batch.inputs import InputDoc, decode
from vacancy_ie.corpus.volume import DataVolume
from vacancy_ie.evaluation.report import git_commit


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def stream(volume: DataVolume, n: int) -> Iterator[InputDoc]:
    notices = sorted(volume.pool(), key=lambda x: x.id)
    for i, notice in enumerate(itertools.islice(itertools.cycle(notices), n)):
        yield decode(notice.text.encode("utf-8"), f"{notice.id}#{i}")


def main(model: str = typer.Option("en_vacancy_ie"), docs: int = typer.Option(10_000),
         every: int = typer.Option(250, help="Sample memory every N records."),
         out: Path = typer.Option(Path("evaluation/results/memory.json")),
         data: str = typer.Option(None, envvar="VACANCY_IE_DATA")) -> None:
    nlp = spacy.load(model)
    samples = [(0, round(rss_mb(), 1))]
    n_records = n_errors = 0
    for n_records, record in enumerate(tqdm(extract_records(nlp, stream(DataVolume(data), docs)),
                                            total=docs, unit="doc"), start=1):
        n_errors += record["error"] is not None
        if n_records % every == 0:
            samples.append((n_records, round(rss_mb(), 1)))
    half = [mb for n, mb in samples if n >= docs // 2]
    result = {"commit": git_commit(), "model": model, "documents": docs, "records": n_records,
              "errors": n_errors, "rss_mb": samples,
              "growth_second_half_mb": round(half[-1] - half[0], 1) if half else None}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    typer.echo(f"{n_records} records ({n_errors} with error) for {docs} inputs; RSS {samples[0][1]} -> "
               f"{samples[-1][1]} MB; second half {result['growth_second_half_mb']} MB -> {out}")

