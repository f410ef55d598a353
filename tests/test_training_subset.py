"""The learning curve's training shares: seeded, nested, never empty."""

import spacy
import typer
from spacy.tokens import DocBin
from typer.testing import CliRunner

from vacancy_ie.training.subset import main, share


def test_subset_shares_are_seeded_and_nested():
    quarter, half = share(40, 25, seed=13), share(40, 50, seed=13)
    assert len(quarter) == 10 and len(half) == 20
    assert set(quarter) <= set(half)
    assert share(40, 25, seed=13) == quarter
    assert share(3, 1, seed=13) != []


def test_subset_writes_the_share_of_a_docbin(tmp_path):
    nlp = spacy.blank("en")
    DocBin(docs=[nlp.make_doc(f"notice {i}") for i in range(8)]).to_disk(tmp_path / "train.spacy")
    app = typer.Typer()
    app.command()(main)
    result = CliRunner().invoke(app, [str(tmp_path / "train.spacy"), str(tmp_path / "half.spacy"), "--percent", "50"])
    assert result.exit_code == 0, result.output
    assert len(list(DocBin().from_disk(tmp_path / "half.spacy").get_docs(nlp.vocab))) == 4
