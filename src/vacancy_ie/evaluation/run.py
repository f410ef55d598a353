"""One evaluation run as `vacancy-ie evaluate` makes it: the gold records of a split, the
rules baseline and each pipeline scored on them beside the human agreement, and the three
reports (metrics.json, report.md, report.html) written to one folder."""

from __future__ import annotations

import json
from pathlib import Path

from ..corpus.records import AnnotationRecord, read_records
from ..corpus.volume import DataVolume
from .agreement import agreement_result, paired_docs
from .candidate_recall import candidate_recall
from .html_report import html_report, write_review_pages
from .report import markdown_report, metrics_document
from .systems import System, SystemResult, eval_docs, rules_system, run_systems


def split_gold(records: Path, splits: Path, split: str, volume: DataVolume | None = None,
               lang: str | None = None) -> list[AnnotationRecord]:
    """The gold records of one split (only those in `lang` when given: the language is read
    from the text as the pipeline reads it); ValueError when the split file does not have it."""
    split_ids = json.loads(splits.read_text()).get(split)
    if not split_ids:
        raise ValueError(f"split {split!r} not in {splits}")
    wanted = set(split_ids)
    gold = [r for r in read_records(records) if r.id in wanted and r.status == "gold"]
    if lang is not None:
        if volume is None:
            raise ValueError("choosing by language needs the data volume")
        gold = [r for r in gold if volume.get(r.id, r.source).read_language == lang]
        if not gold:
            raise ValueError(f"split {split!r} has no {lang!r} notices")
    return gold


def evaluation_run(gold: list[AnnotationRecord], volume: DataVolume, pipelines: dict[str, System],
                   split: str, agreement: tuple[Path, Path] | None = None, n_boot: int = 1000,
                   seed: int = 0, progress: bool = False) -> tuple[dict, dict[str, SystemResult]]:
    """The metrics document (rules first, then each pipeline, then the human agreement when
    both agreement files exist, and the recall of the rules' candidates) and each system's
    per-document results."""
    human = None
    if agreement is not None and all(p.exists() for p in agreement):
        human = agreement_result(paired_docs(read_records(agreement[0]), read_records(agreement[1]), volume))
    docs = eval_docs(gold, volume)
    results = run_systems(docs, {"rules": rules_system, **pipelines}, progress=progress)
    return metrics_document(results, split, n_boot=n_boot, seed=seed, agreement=human,
                            candidates=candidate_recall(docs)), results


def write_reports(document: dict, results: dict[str, SystemResult], folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"metrics": folder / "metrics.json", "markdown": folder / "report.md", "html": folder / "report.html"}
    paths["metrics"].write_text(json.dumps(document, indent=1) + "\n")
    paths["markdown"].write_text(markdown_report(document))
    paths["html"].write_text(html_report(document, results))
    paths["review"] = folder / "review"  # where the report's document links point
    write_review_pages(paths["review"], results, document["split"])
    return paths
