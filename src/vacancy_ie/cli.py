"""The `vacancy-ie` command line."""

from __future__ import annotations

import json
import signal
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape

from .batch.extraction import MAX_BATCH_CHARS
from .corpus.commands import app as corpus_app
from .pipeline.record import above

app = typer.Typer(help="Information extraction from job vacancy notices.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
err = Console(stderr=True)
from .api import DEFAULT_MODEL


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    jsonld = "jsonld"


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"vacancy-ie {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Information extraction from job vacancy notices."""


def load_model(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError as error:
        hint = ("`make all` builds and installs it" if name == DEFAULT_MODEL
                else "give an installed package name or a pipeline folder")
        err.print(f"[red]error:[/] cannot load model {name!r}: {hint}.\n({str(error).splitlines()[0][:200]})")
        raise typer.Exit(2)


@app.command()
def extract(paths: list[str] = typer.Argument(
                ..., help="Files (.txt, .html, .htm, .jsonl), folders, or - for stdin."),
            model: str = typer.Option(DEFAULT_MODEL, help="Installed model package or pipeline folder."),
            reference_date: Optional[str] = typer.Option(
                None, help="YYYY-MM-DD for year-less dates (default: the notice's posting date, else today)."),
            output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format"),
            output: Optional[Path] = typer.Option(
                None, "--output", "-o", help="Write here instead of stdout (JSON Lines: one whole line per record)."),
            resume: bool = typer.Option(False, help="Skip inputs already in --output (JSON Lines only)."),
            n_process: int = typer.Option(1, min=1, help="Worker processes, each with its own model."),
            batch_size: int = typer.Option(16, min=1, help="Documents per batch, at most."),
            batch_chars: int = typer.Option(MAX_BATCH_CHARS, min=1, help="Characters per batch, at most."),
            min_score: float = typer.Option(0.0, min=0.0, max=1.0, help="Leave out items scored below this.")
            ) -> None:
    """Extract a normalised record from each notice; one record per input, in input order.

    Exit status: 0 all inputs read; 1 some inputs gave an error record; 2 the run failed."""
    from .batch.extraction import extract_records
    from .batch.inputs import read_inputs
    from .batch.writers import OutputError, RecordWriter, done_sources

    reference = None
    if reference_date:
        try:
            reference = date.fromisoformat(reference_date)
        except ValueError:
            fail(f"--reference-date {reference_date!r} is not YYYY-MM-DD")
    if resume and (output is None or output_format != OutputFormat.jsonl):
        fail("--resume needs --output FILE and --format jsonl")
    try:
        done = done_sources(output) if resume and output is not None else set()
        writer = RecordWriter(output_format.value, output, sys.stdout, append=resume)
    except OutputError as error:
        fail(str(error))
    progress = Progress(skipped=len(done))
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        nlp = load_model(model)
        inputs = (item for item in read_inputs(paths) if item.source not in done)
        for record in extract_records(nlp, inputs, batch_size=batch_size, max_batch_chars=batch_chars,
                                      n_process=n_process, reference_date=reference):
            writer.write(above(record, min_score) if min_score else record)
            progress.update(record)
    except KeyboardInterrupt:
        err.print(f"interrupted after {writer.count} records; every written record is complete")
        raise typer.Exit(130)
    except BrokenProcessPool as error:
        err.print(f"[red]error:[/] a worker process died ({error}); {writer.count} records written")
        raise typer.Exit(2)
    finally:
        writer.close()
        progress.close()
    if progress.errors:
        err.print(f"{progress.errors} of {progress.count} inputs gave an error record (see their 'error')")
        raise typer.Exit(1)


def fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/] {escape(message)}")
    raise typer.Exit(2)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


class Progress:
    """Count and rate on stderr: a bar on a terminal, else a line every `every` records."""

    def __init__(self, skipped: int = 0, every: int = 1000) -> None:
        from tqdm import tqdm

        self.count = self.errors = 0
        self.every = every
        self.started = time.perf_counter()
        self.bar = tqdm(unit="doc", desc="extracting", file=sys.stderr) if sys.stderr.isatty() else None
        if skipped:
            err.print(f"resuming: {skipped} inputs already in the output")

    def update(self, record: dict[str, Any]) -> None:
        self.count += 1
        self.errors += record["error"] is not None
        if self.bar is not None:
            self.bar.update()
        elif self.count % self.every == 0:
            rate = self.count / max(time.perf_counter() - self.started, 1e-9)
            err.print(f"{self.count} records ({self.errors} with error), {rate:.1f} records/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def system_name(model: str) -> str:
    """A column name for a pipeline: a package's name, or its training run's folder
    (models/cnn/model-best -> cnn, models/cnn/model-last -> cnn-last)."""

    path = Path(model)
    if len(path.parts) == 1:
        return model
    if path.name in ("model-best", "model-last"):
        return path.parent.name + ("-last" if path.name == "model-last" else "")
    return path.name


@app.command()
def evaluate(model: list[str] = typer.Option([], "--model", help="Pipelines to score (package or folder); repeatable."),
             split: str = typer.Option("test", help="train, dev, test or family (employers held out whole)."),
             lang: Optional[str] = typer.Option(None, help="Only the notices in this language (en, fr, es)."),
             records: str = typer.Option("corpus/annotations", help="Gold records."),
             splits: str = typer.Option("corpus/splits.json", help="The split file."),
             agreement: list[str] = typer.Option(
                 ["corpus/agreement/first.jsonl", "corpus/agreement/second.jsonl"],
                 help="Two annotators' records of the same notices (given twice), for the human figure."),
             out: str = typer.Option("evaluation/reports/latest", help="Folder for metrics.json, report.md, report.html."),
             n_boot: int = typer.Option(1000, help="Bootstrap resamples for the 95% intervals."),
             seed: int = 0,
             data: Optional[str] = typer.Option(None, "--data", envvar="VACANCY_IE_DATA")) -> None:
    """Score the rule baseline and each pipeline on a split: spans (exact, overlap) and values,
    beside the human agreement; write metrics.json, a Markdown table and an HTML report."""
    try:
        from .evaluation.run import evaluation_run, split_gold, write_reports
        from .evaluation.systems import pipeline_system
    except ImportError as error:
        fail(f"evaluation needs the corpus extra ({error.name} is missing): pip install 'vacancy-ie[corpus]'")
    from .corpus.volume import DataVolume, DataVolumeError

    try:
        volume = DataVolume(data)
        gold = split_gold(Path(records), Path(splits), split, volume, lang)
        pipelines = {system_name(name): pipeline_system(load_model(name)) for name in model}
        pair = (Path(agreement[0]), Path(agreement[1])) if len(agreement) == 2 else None
        document, results = evaluation_run(gold, volume, pipelines, split, pair, n_boot=n_boot, seed=seed,
                                           progress=sys.stderr.isatty())
    except (ValueError, DataVolumeError) as error:
        fail(str(error))
    paths = write_reports(document, results, Path(out))
    typer.echo(paths["markdown"].read_text())
    err.print("-> " + ", ".join(str(p) for p in paths.values()))


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(ctx: typer.Context,
          config: str = typer.Argument("configs/cnn.cfg", help="Training config."),
          output: str = typer.Option("models/cnn", help="Output folder (model-best, model-last)."),
          seed: Optional[int] = typer.Option(None, help="Override the config's system.seed.")) -> None:
    """Train a pipeline with `spacy train`; extra --section.key value pairs override the config."""
    from spacy.cli._util import parse_config_overrides
    from spacy.cli.train import train as spacy_train

    overrides = parse_config_overrides(ctx.args)
    if seed is not None:
        overrides["system.seed"] = seed
    started = time.perf_counter()
    spacy_train(Path(config), Path(output), overrides=overrides)
    seconds = round(time.perf_counter() - started, 1)
    info = {"config": config, "overrides": {k: str(v) for k, v in overrides.items()}, "seconds": seconds}
    (Path(output) / "training.json").write_text(json.dumps(info, indent=1) + "\n")
    err.print(f"trained in {seconds / 60:.1f} min -> {output}")


if __name__ == "__main__":
    app()
