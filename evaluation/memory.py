"""Resident memory over a long stream through the extract path.

The code is `vacancy_ie.evaluation.memory`; this script only runs it (`python evaluation/memory.py --help`)."""

import typer

from vacancy_ie.evaluation.memory import main

if __name__ == "__main__":
    typer.run(main)
