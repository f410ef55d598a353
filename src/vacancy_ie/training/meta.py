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


def model_card(scores: dict, document: dict, corpus: dict) -> str:
    """The card a user reads in the package's README: data, how it was annotated, figures
    with intervals, intended use and limitations."""
    rows = "\n".join(
        f"| {field_of(label)} | {m['support']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
        f"[{m['f1_ci95'][0]:.2f}, {m['f1_ci95'][1]:.2f}] |" for label, m in scores["values"].items())
    return f"""## Model card

**Data.** {corpus['documents']} gold English notices (stand-off annotations, scheme
"{corpus['scheme']}", corpus `{corpus['annotations_sha256']}`; employers and counts in the
project's corpus/STATS.md), most from UN-system employers and international NGOs, published on
unjobs.org in November 2024. The texts
stay with their employers; the package holds only the trained weights.

**Annotation.** Each notice was annotated from the project's guidelines by one annotator and
re-read span by span by a second; 21 notices were annotated twice (human agreement in the
project's corpus/AGREEMENT.md). The annotators were instances of one language model, so the
agreement likely overstates what two people would reach.

**Figures.** Normalised values per document on the `{document['split']}` split
({document['documents']} notices, employers absent from training; 95% bootstrap interval):

| field | support | precision | recall | F1 [95% CI] |
|---|---|---|---|---|
{rows}

**Intended use.** Pre-filling and indexing job postings (grade, deadline, languages, education,
experience, skills) for job boards, career portals and labour-market research, with a person
or a downstream check where a wrong value matters: every item carries its span, offsets and a
score.

**Limitations.** English only (French and Spanish notices get an error record). Trained on
UN-style notices: other templates and sectors are read less well. Scores of items found by the
rules alone are a fixed vote (`source_kind: "rules"`), not probabilities. Skills are the
weakest field."""


def main(metrics: Path = typer.Option(...), system: str = typer.Option(...),
         out: Path = typer.Option(Path("models/meta.json")),
         annotations: Path = typer.Option(Path("corpus/annotations")),
         name: str = "vacancy_ie", version: str = vacancy_ie.__version__) -> None:
    document = json.loads(metrics.read_text())
    scores = document["systems"][system]
    corpus = corpus_version(annotations)
    performance = {f"{field_of(label)}_{k}": round(v[k], 4)
                   for label, v in scores["values"].items() for k in ("precision", "recall", "f1")}
    performance["mean_value_f1"] = round(scores["mean_value_f1"], 4)
    meta = {
        "lang": "en", "name": name, "version": version,
        "description": "Grades (P-3, G-5, NO-B ...), deadlines and posting dates (ISO), languages "
                       "(ISO 639, required or desirable), education, experience and skills from English job "
                       "vacancy notices, plain text or HTML, as a normalised record (doc._.vacancy). "
                       "Needs the vacancy-ie library; the CNN pipeline needs no torch.",
        "license": "MIT", "author": "vacancy-ie",
        "requirements": [f"vacancy-ie>={version},<{version.rsplit('.', 1)[0]}.99"],
        "performance": performance,
        "evaluation": {"split": document["split"], "documents": document["documents"],
                       "commit": document["commit"]},
        "corpus": corpus,
        "sources": [{"name": "unjobs.org vacancy notices, 7-9 November 2024 (text not redistributed)",
                     "license": "the employers' copyright"},
                    {"name": "vacancy-ie gold corpus (stand-off annotations)", "license": "MIT"}],
        "notes": model_card(scores, document, corpus),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(meta, indent=1) + "\n")
    typer.echo(f"-> {out}")

