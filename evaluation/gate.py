"""The CI gate: test figures and the speed ratio against evaluation/thresholds.toml.

The code is `vacancy_ie.evaluation.gate`; this script only runs it (`python evaluation/gate.py --help`)."""

import typer

from vacancy_ie.evaluation.gate import main

if __name__ == "__main__":
    typer.run(main)
