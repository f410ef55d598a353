"""The model package's meta.json, with its model card.

The code is `vacancy_ie.training.meta`; this script only runs it (`python training/meta.py --help`)."""

import typer

from vacancy_ie.training.meta import main

if __name__ == "__main__":
    typer.run(main)
