"""`vacancy-ie corpus ...`: thin commands over the corpus modules."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .author import AuthoringError, author_document, read_quote_file
from .records import RecordError, read_records, write_records
from .sample import sample_notices
from .validate import validate
from .volume import DataVolume, DataVolumeError

app = typer.Typer(help="Author, check, split, convert and summarise the annotated corpus.",
                  no_args_is_help=True)
err = Console(stderr=True)
DataOption = typer.Option(None, "--data", envvar="VACANCY_IE_DATA",
                          help="Data volume folder (default ../shared).")


def _volume(data: Optional[Path]) -> DataVolume:
    try:
        return DataVolume(data)
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)


@app.command()
def show(doc_id: str, data: Optional[Path] = DataOption) -> None:
    """Print a notice's cleaned text (what annotators quote from) with its reference date."""
    from ..cleaning import clean

    try:
        notice = _volume(data).get(doc_id)
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)
    reference = notice.reference_date or "none: use the notice's own posting date"
    typer.echo(f"# id: {notice.id}\n# employer: {notice.employer}\n# reference date: {reference}\n"
               f"# title: {notice.title}\n")
    typer.echo(clean(notice.text).text)


@app.command()
def sample(out: Path = typer.Option(..., help="Where to write the chosen ids, one a line."),
           n: int = 200, min_un: int = 120, max_per_employer: int = 6, seed: int = 13,
           exclude: Optional[Path] = typer.Option(None, help="A file of ids to leave out."),
           data: Optional[Path] = DataOption) -> None:
    """Choose English pool notices to annotate, spread over employers."""
    skip = set(exclude.read_text().split()) if exclude else set()
    chosen = sample_notices(_volume(data).pool(), n, min_un, max_per_employer, seed, skip)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(f"{x.id}\n" for x in chosen))
    employers = {x.employer for x in chosen}
    err.print(f"{len(chosen)} notices ({sum(x.is_un for x in chosen)} UN-system) from "
              f"{len(employers)} employers -> {out}")


@app.command()
def author(quotes: list[Path] = typer.Argument(..., help="Quote-based annotation files (.jsonl)."),
           out: Path = typer.Option(..., help="Stand-off records to write (.jsonl)."),
           status: str = typer.Option("gold", help="gold (reviewed) or silver (machine output)."),
           annotator: Optional[str] = typer.Option(None, help="Override the files' annotator."),
           data: Optional[Path] = DataOption) -> None:
    """Place quoted spans in the texts and write stand-off records; refuse ambiguous quotes."""
    volume = _volume(data)
    records, n_errors = [], 0
    for path in quotes:
        try:
            for item in read_quote_file(path):
                try:
                    authored = author_document(item, volume, status, annotator)
                except DataVolumeError as error:
                    err.print(f"[red]{path}[/]: {error}")
                    n_errors += 1
                    continue
                for message in authored.errors:
                    err.print(f"[red]{path}[/] {authored.record.id}: {message}")
                n_errors += len(authored.errors)
                records.append(authored.record)
        except AuthoringError as error:
            err.print(f"[red]error:[/] {error}")
            raise typer.Exit(2)
    n = write_records(out, records)
    err.print(f"{n} records, {sum(len(r.spans) for r in records)} spans -> {out}; "
              f"{n_errors} quotes refused")
    if n_errors:
        raise typer.Exit(1)


@app.command("validate")
def validate_cmd(paths: list[Path] = typer.Argument(None, help="Record files or folders "
                                                    "(default corpus/annotations)."),
                 data: Optional[Path] = DataOption) -> None:
    """Check records: attrs, hashes, bounds, token boundaries, overlaps. Exit 1 on any problem."""
    from ..tokenizer import blank_nlp

    volume = _volume(data)
    try:
        records = [r for p in (paths or [Path("corpus/annotations")]) for r in read_records(p)]
    except RecordError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1)
    problems = validate(records, volume, blank_nlp())
    for problem in problems:
        typer.echo(str(problem))
    bad_docs = len({p.doc_id for p in problems})
    summary = (f"{len(records)} records, {sum(len(r.spans) for r in records)} spans: "
               f"{len(problems)} problems in {bad_docs} documents")
    err.print(("[red]" if problems else "[green]") + summary)
    if problems:
        raise typer.Exit(1)
