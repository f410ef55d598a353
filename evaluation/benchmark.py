"""Speed and size beside en_core_web_sm, in one run.

The code is `vacancy_ie.evaluation.benchmark`; this script only runs it (`python evaluation/benchmark.py --help`)."""

import typer

from vacancy_ie.evaluation.benchmark import main

if __name__ == "__main__":
    typer.run(main)
