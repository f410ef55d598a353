"""Write the model package's meta.json: name, version, the library it needs, the per-field
scores measured on the test split and the corpus version it was trained on.

    python training/meta.py --metrics evaluation/reports/test/metrics.json --system cnn \
        --out models/meta.json
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import typer

import vacancy_ie
from vacancy_ie.labels import field_of

GUIDELINES = Path("corpus/GUIDELINES.md")


def corpus_version(annotations: Path) -> dict:
    digest = hashlib.sha256()
    n_docs = 0
    for path in sorted(annotations.glob("*.jsonl")):
        data = path.read_bytes()
        digest.update(data)
        n_docs += data.count(b"\n")
    guidelines = GUIDELINES.read_text().splitlines()[0].lstrip("# ") if GUIDELINES.exists() else ""
    return {"scheme": guidelines, "documents": n_docs, "annotations_sha256": digest.hexdigest()[:16]}


def main(metrics: Path = typer.Option(...), system: str = typer.Option(...),
         out: Path = typer.Option(Path("models/meta.json")),
         annotations: Path = typer.Option(Path("corpus/annotations")),
         name: str = "vacancy_ie", version: str = vacancy_ie.__version__) -> None:
    document = json.loads(metrics.read_text())
    scores = document["systems"][system]
    performance = {f"{field_of(label)}_{k}": round(v[k], 4)
                   for label, v in scores["values"].items() for k in ("precision", "recall", "f1")}
    performance["mean_value_f1"] = round(scores["mean_value_f1"], 4)
    meta = {
        "lang": "en", "name": name, "version": version,
        "description": "Grades, dates, languages and requirements from job vacancy notices "
                       "(vacancy-ie). Scores: normalised values per document on the test split.",
        "license": "MIT", "author": "vacancy-ie",
        "requirements": [f"vacancy-ie>={version},<{version.rsplit('.', 1)[0]}.99"],
        "performance": performance,
        "evaluation": {"split": document["split"], "documents": document["documents"],
                       "commit": document["commit"]},
        "corpus": corpus_version(annotations),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(meta, indent=1) + "\n")
    typer.echo(f"-> {out}")

