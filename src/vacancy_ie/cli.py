"""The `vacancy-ie` command line."""

from __future__ import annotations

import typer

from .corpus.commands import app as corpus_app

app = typer.Typer(help="Information extraction from job vacancy notices.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


@app.callback()
def main() -> None:
    """Information extraction from job vacancy notices."""
