"""Memory over a long stream: N notices (the data volume's pool, cycled) through the same
streaming path as `vacancy-ie extract`, resident memory sampled as it goes. Flat means the
growth over the second half of the run stays small next to the model's own footprint.
`--long-every K --long-chars C` makes every K-th input a notice of C characters (pool notices
joined by blank lines): bounded means the peak stays near the model's footprint whatever the mix.

    python evaluation/memory.py --model models/cnn/model-best --docs 10000 --out evaluation/results/memory.json
    python evaluation/memory.py --model models/cnn/model-best --docs 3 --long-every 1 \
        --long-chars 990000 --out evaluation/results/memory-long.json
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


def status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} in /proc/self/status")


def rss_mb() -> float:
    return status_mb("VmRSS")


def long_notice(texts: list[str], chars: int, start: int) -> str:
    parts, n = [], 0
    for text in itertools.islice(itertools.cycle(texts), start, None):
        if n >= chars:
            break
        parts.append(text)
        n += len(text) + 2
    return "\n\n".join(parts)[:chars]


def stream(volume: DataVolume, count: int, long_every: int = 0, long_chars: int = 0) -> Iterator[InputDoc]:
    """The pool cycled (`count` inputs); with `long_every`, English notices only, every K-th
    replaced by a long one."""
    pool = sorted(volume.pool(), key=lambda x: x.id)
    notices = [notice for notice in pool if notice.lang == "en"] if long_every else pool
    texts = [notice.text for notice in notices]
    for i, notice in enumerate(itertools.islice(itertools.cycle(notices), count)):
        if long_every and (i + 1) % long_every == 0:
            yield InputDoc(f"long#{i}", long_notice(texts, long_chars, i))
        else:
            yield decode(notice.text.encode("utf-8"), f"{notice.id}#{i}")


def main(model: str = typer.Option("en_vacancy_ie"), docs: int = typer.Option(10_000),
         every: int = typer.Option(250, help="Sample memory every N records."),
         long_every: int = typer.Option(0, help="Every K-th input a long notice (0: none)."),
         long_chars: int = typer.Option(990_000, help="Characters of each long notice."),
         out: Path = typer.Option(Path("evaluation/results/memory.json")),
         data: str = typer.Option(None, envvar="VACANCY_IE_DATA")) -> None:
    nlp = spacy.load(model)
    samples = [(0, round(rss_mb(), 1))]
    n_records = n_errors = 0
    for n_records, record in enumerate(tqdm(extract_records(nlp, stream(DataVolume(data), docs, long_every, long_chars)),
                                            total=docs, unit="doc"), start=1):
        n_errors += record["error"] is not None
        if n_records % every == 0 or long_every:
            samples.append((n_records, round(rss_mb(), 1)))
    half = [mb for n, mb in samples if n >= docs // 2]
    result = {"commit": git_commit(), "model": model, "documents": docs, "records": n_records,
              "errors": n_errors, "long_every": long_every, "long_chars": long_chars,
              "peak_rss_mb": round(status_mb("VmHWM"), 1), "rss_mb": samples,
              "growth_second_half_mb": round(half[-1] - half[0], 1) if half else None}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    typer.echo(f"{n_records} records ({n_errors} with error) for {docs} inputs; RSS {samples[0][1]} -> "
               f"{samples[-1][1]} MB, peak {result['peak_rss_mb']} MB; second half {result['growth_second_half_mb']} MB -> {out}")

