"""`vacancy-ie corpus ...`: thin commands over the corpus modules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .author import AuthoringError, author_document, read_quote_file
from .records import RecordError, read_records, write_records
from .sample import AIMS, aimed_at, sample_notices
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
    from ..text.cleaning import clean

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
           exclude: list[Path] = typer.Option([], help="Files of ids to leave out."),
           aim: list[str] = typer.Option([], help=f"Only notices showing one of these decisions "
                                                  f"(any of: {', '.join(AIMS)}), to enrich rare ones."),
           lang: str = typer.Option("en", help="Language of the notices: en, fr or es."),
           within: Optional[str] = typer.Option(None, help="Only employers already in this split "
                                                "of --splits (their new notices join it)."),
           splits: Path = typer.Option(Path("corpus/splits.json"), help="The split file --within reads."),
           data: Optional[Path] = DataOption) -> None:
    """Choose pool notices to annotate, spread over employers."""
    unknown = set(aim) - set(AIMS)
    if unknown:
        err.print(f"[red]error:[/] unknown aim {sorted(unknown)}; choose from {sorted(AIMS)}")
        raise typer.Exit(2)
    skip = {i for path in exclude for i in path.read_text().split()}
    volume = _volume(data)
    keep = aimed_at(aim)
    if within is not None:
        employers, aimed = _split_employers(volume, splits, within), keep
        keep = lambda notice: notice.employer in employers and aimed(notice)  # noqa: E731
    chosen = sample_notices(volume.pool(), n, min_un, max_per_employer, seed, skip, keep=keep, lang=lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(f"{x.id}\n" for x in chosen))
    employers = {x.employer for x in chosen}
    err.print(f"{len(chosen)} notices ({sum(x.is_un for x in chosen)} UN-system) from "
              f"{len(employers)} employers -> {out}")


def _split_employers(volume: DataVolume, splits: Path, name: str) -> set[str]:
    """The employers with a document in split `name` of the split file."""
    try:
        ids = json.loads(splits.read_text())[name]
    except (OSError, ValueError, KeyError) as error:
        err.print(f"[red]error:[/] no split {name!r} in {splits}: {error}")
        raise typer.Exit(2)
    try:
        return {volume.get(i).employer for i in ids}
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)


@app.command()
def author(quotes: list[Path] = typer.Argument(..., help="Quote-based annotation files (.jsonl)."),
           out: Path = typer.Option(..., help="Stand-off records to write (.jsonl)."),
           status: str = typer.Option("gold", help="gold (reviewed) or silver (machine output)."),
           annotator: Optional[str] = typer.Option(None, help="Override the files' annotator."),
           data: Optional[Path] = DataOption) -> None:
    """Place quoted spans in the texts and write stand-off records; refuse ambiguous quotes."""
    volume = _volume(data)
    records, n_errors, n_skipped = [], 0, 0
    for path in quotes:
        try:
            for item in read_quote_file(path):
                if item.get("skip"):
                    err.print(f"{path} {item.get('id')}: skipped ({item['skip']})")
                    n_skipped += 1
                    continue
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
              f"{n_errors} quotes refused, {n_skipped} documents skipped")
    if n_errors:
        raise typer.Exit(1)


@app.command("validate")
def validate_cmd(paths: list[Path] = typer.Argument(None, help="Record files or folders "
                                                    "(default corpus/annotations)."),
                 data: Optional[Path] = DataOption) -> None:
    """Check records: attrs, hashes, bounds, token boundaries, overlaps. Exit 1 on any problem."""
    from ..text.tokenizer import blank_nlp

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


RecordsOption = typer.Option(Path("corpus/annotations"), "--records",
                             help="Record file or folder.")
SplitsOption = typer.Option(Path("corpus/splits.json"), "--splits", help="The split file.")


def _records(path: Path, status: Optional[str] = "gold") -> list:
    try:
        records = read_records(path)
    except (RecordError, OSError) as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1)
    return [r for r in records if status is None or r.status == status]


def _employers(volume: DataVolume, records: list) -> dict[str, str]:
    try:
        return {r.id: volume.get(r.id, r.source).employer for r in records}
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)


@app.command()
def split(records: Path = RecordsOption,
          out: Path = typer.Option(Path("corpus/splits.json"), help="The split file to write."),
          seed: int = 13,
          test_fraction: float = 0.25, dev_fraction: float = 0.15,
          extend: Optional[Path] = typer.Option(None, help="A committed split file to grow: its "
                                                "documents stay where they are; new ones are added."),
          family_docs: int = typer.Option(40, help="With --extend: notices of the largest new "
                                          "employers held out whole as the `family` test set."),
          data: Optional[Path] = DataOption) -> None:
    """Split gold documents into train/dev/test (and, growing a split, a held-out `family`
    set), grouped by employer, stratified by content."""
    from .splits import check_disjoint, extend_splits, make_splits, split_summary

    gold = _records(records)
    volume = _volume(data)
    employers = _employers(volume, gold)
    if extend is not None:
        languages = {r.id: volume.get(r.id, r.source).read_language for r in gold}
        splits = extend_splits(_load_splits(extend), gold, employers, languages, seed, family_docs,
                               test_fraction, dev_fraction)
    else:
        splits = make_splits(gold, employers, seed, test_fraction, dev_fraction)
    problems = check_disjoint(splits, employers)
    if problems:
        for problem in problems:
            err.print(f"[red]{problem}")
        raise typer.Exit(1)
    summary = split_summary(splits, gold, employers)
    out.write_text(json.dumps({"seed": seed, "grouped_by": "employer", "summary": summary,
                               **splits}, indent=1) + "\n")
    for name, info in summary.items():
        err.print(f"{name}: {info['documents']} documents, {info['employers']} employers, {info['strata']}")


def _load_splits(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        err.print(f"[red]error:[/] {path} not found: run `vacancy-ie corpus split` first")
        raise typer.Exit(1)
    return json.loads(path.read_text())


@app.command()
def convert(records: Path = RecordsOption, splits: Path = SplitsOption,
            out: Path = typer.Option(Path("corpus/spacy"), help="Folder for SPLIT.spacy files."),
            strict: bool = typer.Option(False, help="Exit 1 when a span does not align."),
            data: Optional[Path] = DataOption) -> None:
    """Write gold records as spaCy DocBins per split; count spans that do not align."""
    from ..text.tokenizer import blank_nlp
    from .convert import ConversionReport
    from .convert import convert as convert_records
    from .splits import SPLITS

    volume, nlp = _volume(data), blank_nlp()
    by_id = {r.id: r for r in _records(records)}
    split_ids = _load_splits(splits)
    total = ConversionReport()
    for name in SPLITS:
        missing = [i for i in split_ids.get(name, []) if i not in by_id]
        if missing:
            err.print(f"[red]error:[/] {name} lists {len(missing)} ids with no gold record "
                      f"(first: {missing[0]})")
            raise typer.Exit(1)
        try:
            report = convert_records((by_id[i] for i in split_ids.get(name, [])), volume, nlp,
                                     out / f"{name}.spacy")
        except DataVolumeError as error:
            err.print(f"[red]error:[/] {error}")
            raise typer.Exit(2)
        err.print(f"{name}: {report.docs} docs, {sum(report.spans.values())} spans, "
                  f"{sum(report.misaligned.values())} misaligned -> {out / (name + '.spacy')}")
        total.add(report)
    for problem in total.problems:
        err.print(f"[yellow]misaligned:[/] {problem}")
    if strict and total.problems:
        raise typer.Exit(1)


@app.command("raw-text")
def raw_text(splits: Path = SplitsOption,
             out: Path = typer.Option(Path("corpus/spacy/raw.jsonl"), help="JSONL of {\"text\": ...}."),
             data: Optional[Path] = DataOption) -> None:
    """Unannotated English notices for `spacy pretrain`, without any notice of a dev or test
    employer: what the model is scored on must stay unseen, even as raw text."""
    volume = _volume(data)
    split_ids = _load_splits(splits)
    try:
        held_out = {volume.get(i).employer for name in ("dev", "test") for i in split_ids.get(name, [])}
        notices = [n for n in volume.pool() if n.lang == "en" and n.employer not in held_out]
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for notice in notices:
            f.write(json.dumps({"text": notice.text}, ensure_ascii=False) + "\n")
    err.print(f"{len(notices)} notices ({len(held_out)} dev/test employers left out) -> {out}")


@app.command()
def stats(records: Path = RecordsOption, splits: Path = SplitsOption,
          out: Optional[Path] = typer.Option(Path("corpus/STATS.md"), help="Markdown file to write."),
          data: Optional[Path] = DataOption) -> None:
    """Documents, spans per label and attribute values per split (via HF datasets)."""
    from .stats import stats_markdown

    all_records = _records(records, status=None)
    text = stats_markdown(all_records, _load_splits(splits), _employers(_volume(data), all_records))
    if out:
        out.write_text(text)
        err.print(f"-> {out}")
    else:
        typer.echo(text)


@app.command()
def review(doc_id: str, records: Path = RecordsOption,
           out: Optional[Path] = typer.Option(None, help="HTML file (default corpus/work/review/ID.html; "
                                                         "ID must then be a plain file name)."),
           model: Optional[str] = typer.Option(None, "--model", help="A pipeline (package or folder) "
                                               "whose spans are shown beside the gold ones."),
           data: Optional[Path] = DataOption) -> None:
    """Write one document's page: its cleaned text with the gold spans marked (and a model's
    beside them), for a check by eye."""
    from rich.markup import escape

    from ..text.tokenizer import blank_nlp
    from .review import render_record, review_path, run_model

    try:
        out = out or review_path(doc_id)
    except ValueError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2)
    matches = [r for r in _records(records, status=None) if r.id == doc_id]
    if not matches:
        err.print(f"[red]error:[/] no record for {escape(repr(doc_id))} in {records}")
        raise typer.Exit(1)
    volume = _volume(data)
    try:
        notice = volume.checked(doc_id, matches[0].source, matches[0].sha256)
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2)
    predicted = None
    if model is not None:
        from ..cli import load_model, system_name

        predicted = run_model(load_model(model), notice)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_record(matches[0], notice, blank_nlp(), predicted,
                                 system_name(model) if model else "model", model or ""), encoding="utf-8")
    err.print(f"-> {out}")


@app.command("agreement")
def agreement_cmd(first: Path = typer.Argument(..., help="One annotator's records."),
                  second: Path = typer.Argument(..., help="The other annotator's records."),
                  out: Optional[Path] = typer.Option(None, help="Markdown file to write."),
                  data: Optional[Path] = DataOption) -> None:
    """Span F1 per label and value agreement per attribute between two annotators."""
    from ..evaluation.agreement import agreement_comparison, agreement_markdown, paired_docs

    try:
        pairs = paired_docs(_records(first, None), _records(second, None), _volume(data))
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)
    text = agreement_markdown(agreement_comparison(pairs), len(pairs))
    if out:
        out.write_text(text)
        err.print(f"{len(pairs)} documents compared -> {out}")
    else:
        typer.echo(text)


@app.command("preannotate")
def preannotate_cmd(out: Path = typer.Option(Path("corpus/silver/rules.jsonl"), help="Records to write."),
                    ids: Optional[Path] = typer.Option(None, help="A file of ids (default: the English pool)."),
                    model: Optional[Path] = typer.Option(None, help="A trained pipeline to pre-annotate "
                                                         "with (default: the rule-based extractor)."),
                    quotes: Optional[Path] = typer.Option(None, help="Also write the quote form for "
                                                          "reviewers (notice text: keep under corpus/work/)."),
                    data: Optional[Path] = DataOption) -> None:
    """Pre-annotate notices (rules, or a trained pipeline) and write silver records."""
    from collections import Counter

    from tqdm import tqdm

    from ..text.tokenizer import blank_nlp
    from .preannotate import model_preannotate, preannotate

    volume, nlp = _volume(data), blank_nlp()
    try:
        notices = ([volume.get(i) for i in ids.read_text().split()] if ids
                   else [n for n in volume.pool() if n.lang == "en"])
    except DataVolumeError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2)
    dropped: Counter = Counter()
    if model is not None:
        import spacy

        trained = spacy.load(model)
        records = [model_preannotate(n, trained) for n in tqdm(notices, desc="pre-annotating", unit="doc")]
        _write_quotes(quotes, records, volume)
        write_records(out, records)
        err.print(f"{len(records)} silver records, {sum(len(r.spans) for r in records)} spans -> {out}")
        return
    records = [preannotate(n, nlp, dropped) for n in tqdm(notices, desc="pre-annotating", unit="doc")]
    _write_quotes(quotes, records, volume)
    write_records(out, records)
    err.print(f"{len(records)} silver records, {sum(len(r.spans) for r in records)} spans -> {out}; "
              f"{sum(dropped.values())} spans off token boundaries dropped {dict(dropped)}")


def _write_quotes(path: Optional[Path], records: list, volume) -> None:
    """Records in the quote form `author` reads (see corpus.quotes)."""
    if path is None:
        return
    from ..text.cleaning import clean
    from .quotes import to_quotes

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as lines:
        for record in records:
            cleaned = clean(volume.get(record.id, record.source).text)
            lines.write(json.dumps(to_quotes(record, cleaned), ensure_ascii=False) + "\n")
    err.print(f"{len(records)} documents in quote form -> {path}")


@app.command("quotes")
def quotes_cmd(records: Path = typer.Argument(..., help="Stand-off records (file or folder)."),
               out: Path = typer.Option(..., help="Quote-form lines to write (keep under corpus/work/)."),
               ids: Optional[Path] = typer.Option(None, help="Only these ids (a file, one a line)."),
               data: Optional[Path] = DataOption) -> None:
    """Write records in the quote form annotators edit, to revise gold with `author` again."""
    chosen = set(ids.read_text().split()) if ids else None
    rows = [r for r in read_records(records) if chosen is None or r.id in chosen]
    _write_quotes(out, rows, _volume(data))
