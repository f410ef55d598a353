"""The trained pipeline overfits a tiny example and survives a to_disk/load round trip, with
its components found through entry points."""

import pytest
import spacy
from spacy.util import fix_random_seed, load_config, load_model_from_config

from .test_configs import CONFIGS, make_examples


@pytest.fixture(scope="module")
def trained():
    """Trained once for the module: the tests only read it (and write copies to disk)."""
    config = load_config(CONFIGS / "cnn.cfg")
    fix_random_seed(config["system"]["seed"])  # as `spacy train` does: the same weights whatever ran before
    nlp = load_model_from_config(config, auto_fill=True)
    examples = make_examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(60):
        nlp.update(examples, sgd=optimizer, drop=0.0, annotates=["tok2vec", "ner", "vacancy_candidates"])
    return nlp


def record_of(nlp, text):
    record = nlp(text)._.vacancy
    return (record["grade"] and record["grade"]["code"],
            [(l["code"], l["requirement"]) for l in record["languages"]])


TEXT = "Programme Officer, Grade: P-3. Fluency in English is required; French is an asset."


def test_components_overfit_tiny_example(trained):
    nlp = trained
    assert record_of(nlp, TEXT) == ("P-3", [("en", "required"), ("fr", "desirable")])
    record = nlp(TEXT)._.vacancy
    assert 0.0 < record["grade"]["score"] <= 1.0


def test_components_round_trip_to_disk(trained, tmp_path):
    nlp = trained
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert record_of(loaded, TEXT) == record_of(nlp, TEXT)


def test_components_record_offsets_point_into_html_input(trained):
    html = "<p>Programme Officer, Grade:&nbsp;<b>P-3</b>.</p> Fluency in English is required; French is an asset."
    doc = trained(html)
    grade = doc._.vacancy["grade"]
    assert grade is not None and grade["text"] == "P-3"
    assert doc.text.index("P-3") != html.index("P-3")  # the cleaned and raw offsets differ
    assert html[grade["start"]:grade["end"]] == "P-3"


def test_components_record_spans_on_the_doc(trained):
    doc = trained(TEXT)
    spans = doc.spans["vacancy"]
    assert [s.text for s in spans if s.label_.startswith("LANGUAGE")] == ["English", "French"]
    assert [s.label_ for s in spans if s.text == "French"] == ["LANGUAGE_PLUS"]
    assert len(spans.attrs["scores"]) == len(spans)
    by_text = dict(zip((s.text for s in spans), spans.attrs["scores"]))
    assert doc._.vacancy["grade"]["score"] == pytest.approx(by_text["P-3"], abs=1e-4)


def test_components_candidates_come_from_the_doc(trained):
    doc = trained(TEXT)
    assert {"P-3", "English", "French"} <= {s.text for s in doc.spans["candidates"]}
