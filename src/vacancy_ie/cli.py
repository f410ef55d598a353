"""The `vacancy-ie` command line."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from typing import Optional

import typer
from rich.console import Console

from .corpus.commands import app as corpus_app

app = typer.Typer(help="Information extraction from job vacancy notices.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
err = Console(stderr=True)
DEFAULT_MODEL = "en_vacancy_ie"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    jsonld = "jsonld"


@app.callback()
def main() -> None:
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
def extract(paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .htm), folders, or - for stdin."),
            model: str = typer.Option(DEFAULT_MODEL, help="Installed model package or pipeline folder."),
            reference_date: Optional[str] = typer.Option(
                None, help="YYYY-MM-DD for year-less dates (default: the notice's posting date, else today)."),
            output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format"),
            n_process: int = typer.Option(1, min=1, help="Worker processes."),
            batch_size: int = typer.Option(16, min=1, help="Documents per batch.")) -> None:
    """Extract a normalised record from each notice; one record per input, in input order."""
    from tqdm import tqdm

    from .extract import extract_records, set_reference_date
    from .formats import to_jsonld
    from .inputs import expand_paths, read_inputs

    reference = None
    if reference_date:
        try:
            reference = date.fromisoformat(reference_date)
        except ValueError:
            err.print(f"[red]error:[/] --reference-date {reference_date!r} is not YYYY-MM-DD")
            raise typer.Exit(2)
    nlp = load_model(model)
    set_reference_date(nlp, reference)
    sources = list(expand_paths(paths))
    records = extract_records(nlp, read_inputs(sources), batch_size=batch_size, n_process=n_process)
    progress = tqdm(records, total=len(sources), unit="doc", desc="extracting",
                    disable=not sys.stderr.isatty(), file=sys.stderr)
    n_errors = 0
    out = sys.stdout
    if output_format != OutputFormat.jsonl:
        out.write("[")
    for i, record in enumerate(progress):
        n_errors += record["error"] is not None
        item = to_jsonld(record) if output_format == OutputFormat.jsonld else record
        if output_format == OutputFormat.jsonl:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            out.write(("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False, indent=1))
    if output_format != OutputFormat.jsonl:
        out.write("\n]\n")
    out.flush()
    if n_errors:
        err.print(f"{n_errors} of {len(sources)} inputs could not be read (see their 'error')")
        raise typer.Exit(1)


def system_name(model: str) -> str:
    """A column name for a pipeline: a package's name, or its training run's folder
    (models/cnn/model-best -> cnn, models/cnn/model-last -> cnn-last)."""
    from pathlib import Path

    path = Path(model)
    if len(path.parts) == 1:
        return model
    if path.name in ("model-best", "model-last"):
        return path.parent.name + ("-last" if path.name == "model-last" else "")
    return path.name


@app.command()
def evaluate(model: list[str] = typer.Option([], "--model", help="Pipelines to score (package or folder); repeatable."),
             split: str = typer.Option("test", help="train, dev or test."),
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
    from pathlib import Path

    from .corpus.records import read_records
    from .corpus.volume import DataVolume, DataVolumeError
    from .evaluate import agreement_result, eval_docs, pipeline_system, rules_system, run_systems
    from .html_report import html_report
    from .report import markdown_report, metrics_document

    split_ids = json.loads(Path(splits).read_text()).get(split)
    if not split_ids:
        err.print(f"[red]error:[/] split {split!r} not in {splits}")
        raise typer.Exit(2)
    wanted = set(split_ids)
    gold = [r for r in read_records(records) if r.id in wanted and r.status == "gold"]
    try:
        volume = DataVolume(data)
        docs = eval_docs(gold, volume)
        human = None
        if len(agreement) == 2 and all(Path(p).exists() for p in agreement):
            human = agreement_result(read_records(agreement[0]), read_records(agreement[1]), volume)
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)
    systems = {"rules": rules_system}
    for name in model:
        systems[system_name(name)] = pipeline_system(load_model(name))
    results = run_systems(docs, systems, progress=sys.stderr.isatty())
    document = metrics_document(results, split, n_boot=n_boot, seed=seed, agreement=human)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metrics.json").write_text(json.dumps(document, indent=1) + "\n")
    report = markdown_report(document)
    (folder / "report.md").write_text(report)
    (folder / "report.html").write_text(html_report(document, results))
    typer.echo(report)
    err.print(f"-> {folder / 'metrics.json'}, {folder / 'report.md'}, {folder / 'report.html'}")


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(ctx: typer.Context,
          config: str = typer.Argument("configs/cnn.cfg", help="Training config."),
          output: str = typer.Option("models/cnn", help="Output folder (model-best, model-last)."),
          seed: Optional[int] = typer.Option(None, help="Override the config's system.seed.")) -> None:
    """Train a pipeline with `spacy train`; extra --section.key value pairs override the config."""
    from pathlib import Path

    from spacy.cli._util import parse_config_overrides
    from spacy.cli.train import train as spacy_train

    import time

    overrides = parse_config_overrides(ctx.args)
    if seed is not None:
        overrides["system.seed"] = seed
    started = time.perf_counter()
    spacy_train(Path(config), Path(output), overrides=overrides)
    seconds = round(time.perf_counter() - started, 1)
    info = {"config": config, "overrides": {k: str(v) for k, v in overrides.items()}, "seconds": seconds}
    (Path(output) / "training.json").write_text(json.dumps(info, indent=1) + "\n")
    err.print(f"trained in {seconds / 60:.1f} min -> {output}")
