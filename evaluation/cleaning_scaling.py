"""Time of clean() from 1 kB to 1 MB (linear or not).

The code is `vacancy_ie.evaluation.scaling`; this script only runs it (`python evaluation/cleaning_scaling.py --help`)."""

import typer

from vacancy_ie.evaluation.scaling import main

if __name__ == "__main__":
    typer.run(main)
