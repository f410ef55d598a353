"""The learning curve: test figures per share of the training split.

The code is `vacancy_ie.evaluation.learning_curve`; this script only runs it (`python evaluation/learning_curve.py --help`)."""

import typer

from vacancy_ie.evaluation.learning_curve import main

if __name__ == "__main__":
    typer.run(main)
