"""`vacancy_ie.SpanCorpus.v1`: converted DocBins to training Examples, gold spans relabelled as
the model's classes, as entities (outer spans only), as the classifier's span group and as
its training candidates."""

from pathlib import Path

import pytest
from spacy.tokens import DocBin
from spacy.util import registry

from vacancy_ie.keys import SPANS_KEY, TRAINING_CANDIDATES_KEY, USER_DATA_KEY

TEXT = ("Grade: P-3\nFluency in English is required; French is an asset.\n"
        "Five years of experience in case management.")
GOLD = [  # (quote, label, attrs)
    ("P-3", "GRADE", {"code": "P-3"}),
    ("English", "LANGUAGE", {"code": "en", "requirement": "required"}),
    ("French", "LANGUAGE", {"code": "fr", "requirement": "desirable"}),
    ("Five years of experience in case management", "EXPERIENCE", {"years": 5, "required": False}),
    ("case management", "SKILL", {"required": True}),
]


def converted_doc(nlp, text=TEXT, gold=GOLD, reference_date="2024-11-07"):
    """A Doc as `corpus convert` writes it: spans under "sc", attrs and metadata in user data."""
    doc = nlp.make_doc(text)
    spans, records = [], []
    for quote, label, attrs in gold:
        start = text.index(quote)
        spans.append(doc.char_span(start, start + len(quote), label=label))
        records.append({"start": start, "end": start + len(quote), "label": label, "attrs": attrs})
    doc.spans[SPANS_KEY] = spans
    doc.user_data[USER_DATA_KEY] = {"id": "t1", "employer": "Alpha Relief",
                                    "reference_date": reference_date, "spans": records}
    return doc


def write(tmp_path: Path, docs) -> Path:
    path = tmp_path / "train.spacy"
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return path


def read(path, nlp, **kwargs):
    return list(registry.readers.get("vacancy_ie.SpanCorpus.v1")(path, **kwargs)(nlp))


@pytest.fixture
def example(tmp_path, nlp):
    (example,) = read(write(tmp_path, [converted_doc(nlp)]), nlp)
    return example


def labelled(spans):
    return [(s.text, s.label_) for s in spans]


def test_readers_one_example_per_doc(tmp_path, nlp):
    docs = [converted_doc(nlp), converted_doc(nlp, "Grade: G-5", [("G-5", "GRADE", {"code": "G-5"})])]
    assert [e.reference.text for e in read(write(tmp_path, docs), nlp)] == [TEXT, "Grade: G-5"]


def test_readers_limit(tmp_path, nlp):
    path = write(tmp_path, [converted_doc(nlp), converted_doc(nlp)])
    assert len(read(path, nlp, limit=1)) == 1


def test_readers_gold_spans_relabelled_as_model_classes(example):
    assert labelled(example.reference.spans[SPANS_KEY]) == [
        ("P-3", "GRADE"), ("English", "LANGUAGE"), ("French", "LANGUAGE_DESIRABLE"),
        ("Five years of experience in case management", "EXPERIENCE_ASSET"), ("case management", "SKILL")]


def test_readers_ents_leave_out_nested_spans(example):
    assert labelled(example.reference.ents) == [
        ("P-3", "GRADE"), ("English", "LANGUAGE"), ("French", "LANGUAGE_DESIRABLE"),
        ("Five years of experience in case management", "EXPERIENCE_ASSET")]


def test_readers_gold_spans_are_training_candidates(example):
    candidates = example.predicted.spans[TRAINING_CANDIDATES_KEY]
    assert [(s.start_char, s.end_char) for s in candidates] == [
        (s.start_char, s.end_char) for s in example.reference.spans[SPANS_KEY]]
    assert candidates[0].doc is example.predicted


def test_readers_candidates_reach_the_suggester(example):
    suggest = registry.misc.get("vacancy_ie.EntsSuggester.v1")(rules=False)
    pairs = [tuple(p) for p in suggest([example.predicted]).dataXd.tolist()]
    assert pairs == sorted((s.start, s.end) for s in example.reference.spans[SPANS_KEY])


def test_readers_predicted_doc_has_no_gold_annotation(example):
    assert example.predicted.ents == () and SPANS_KEY not in example.predicted.spans


def test_readers_reference_date_set_on_predicted_doc(example):
    assert example.predicted._.reference_date == "2024-11-07"


def test_readers_custom_spans_key(tmp_path, nlp):
    (example,) = read(write(tmp_path, [converted_doc(nlp)]), nlp, spans_key="custom")
    assert labelled(example.reference.spans["custom"])[2] == ("French", "LANGUAGE_DESIRABLE")
    assert len(example.predicted.spans[TRAINING_CANDIDATES_KEY]) == len(GOLD)


def test_readers_stored_text_not_cleaned_again(tmp_path, nlp, rules_nlp):
    # The pipeline's cleaning tokenizer would decode "&amp;": the stored (clean) text is kept as is.
    text = "Knowledge of R&amp;D.\tGrade: P-3"
    (example,) = read(write(tmp_path, [converted_doc(nlp, text, [("P-3", "GRADE", {"code": "P-3"})])]), rules_nlp)
    assert example.predicted.text == example.reference.text == text
    assert labelled(example.predicted.spans[TRAINING_CANDIDATES_KEY]) == [("P-3", "")]


def test_readers_doc_without_spans_or_metadata(tmp_path, nlp):
    (example,) = read(write(tmp_path, [nlp.make_doc("No annotations here.")]), nlp)
    assert list(example.reference.spans[SPANS_KEY]) == [] and example.reference.ents == ()
    assert list(example.predicted.spans[TRAINING_CANDIDATES_KEY]) == []
    assert example.predicted._.reference_date is None


def test_readers_v2_dev_corpus_offers_no_gold_candidates(tmp_path, nlp):
    path = write(tmp_path, [converted_doc(nlp)])
    (dev,) = registry.readers.get("vacancy_ie.SpanCorpus.v2")(path, gold_candidates=False)(nlp)
    (train,) = registry.readers.get("vacancy_ie.SpanCorpus.v2")(path, gold_candidates=True)(nlp)
    assert TRAINING_CANDIDATES_KEY not in dev.predicted.spans
    assert labelled(train.predicted.spans[TRAINING_CANDIDATES_KEY]) == [
        (s.text, "") for s in train.reference.spans[SPANS_KEY]]
    assert labelled(dev.reference.spans[SPANS_KEY]) == labelled(train.reference.spans[SPANS_KEY])


def test_readers_v3_repeats_the_notices_of_the_languages_asked(tmp_path, nlp):
    french = ("Niveau : P-3. Vous êtes titulaire d'un diplôme universitaire et vous avez au moins cinq ans "
              "d'expérience dans le domaine de la protection. La maîtrise du français est exigée ; la "
              "connaissance de l'anglais serait un atout pour le poste.")
    docs = [converted_doc(nlp), converted_doc(nlp, french, [("P-3", "GRADE", {"code": "P-3"})])]
    reader = registry.readers.get("vacancy_ie.SpanCorpus.v3")(write(tmp_path, docs), repeat={"fr": 3})
    examples = list(reader(nlp))
    assert [e.reference.text for e in examples] == [TEXT, french, french, french]
    assert len({id(e.predicted) for e in examples}) == 4  # copies, not one Doc updated thrice
    assert all(e.predicted._.reference_date == "2024-11-07" for e in examples)
