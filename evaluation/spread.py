"""Run-to-run spread of the test figures over several seeds.

The code is `vacancy_ie.evaluation.spread`; this script only runs it (`python evaluation/spread.py --help`)."""

import typer

from vacancy_ie.evaluation.spread import main

if __name__ == "__main__":
    typer.run(main)
