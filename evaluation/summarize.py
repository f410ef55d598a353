"""The README's results section, rewritten from evaluation/results/.

The code is `vacancy_ie.evaluation.summary`; this script only runs it (`python evaluation/summarize.py --help`)."""

import typer

from vacancy_ie.evaluation.summary import main

if __name__ == "__main__":
    typer.run(main)
