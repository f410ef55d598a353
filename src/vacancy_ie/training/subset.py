"""A seeded share of a training corpus, for the learning curve (`make learning-curve`): does
more annotation still pay? The share is drawn over documents with a fixed seed; smaller
shares are prefixes of larger ones, so each curve point holds the notices of the one before."""

from __future__ import annotations

import random
from pathlib import Path

import spacy
import typer
from spacy.tokens import DocBin


def share(n_docs: int, percent: int, seed: int) -> list[int]:
    """The indices of `percent`% of `n_docs` documents (at least one), in corpus order."""
    order = list(range(n_docs))
    random.Random(seed).shuffle(order)
    return sorted(order[:max(1, round(n_docs * percent / 100))])


def main(source: Path = typer.Argument(..., help="A .spacy training corpus."),
         out: Path = typer.Argument(..., help="Where to write the share."),
         percent: int = typer.Option(..., min=1, max=100), seed: int = 13) -> None:
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(source).get_docs(nlp.vocab))
    kept = share(len(docs), percent, seed)
    DocBin(docs=[docs[i] for i in kept], store_user_data=True).to_disk(out)
    typer.echo(f"{len(kept)} of {len(docs)} documents ({percent}%) -> {out}")
