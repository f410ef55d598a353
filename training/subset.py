"""A seeded share of the training corpus, for the learning curve.

The code is `vacancy_ie.training.subset`; this script only runs it (`python training/subset.py --help`)."""

import typer

from vacancy_ie.training.subset import main

if __name__ == "__main__":
    typer.run(main)
