import pytest
import spacy


@pytest.mark.parametrize("text,tokens", [
    ("2026March 12", ["2026", "March", "12"]),
    ("BrusselsBelgium", ["Brussels", "Belgium"]),
    ("Grade UGSpecial", ["Grade", "UG", "Special"]),
    ("(9 months)IOM", ["(", "9", "months", ")", "IOM"]),
    ("Deadline:07.06.2026", ["Deadline", ":", "07.06.2026"]),
    ("management/ education", ["management", "/", "education"]),
    ("data /handling", ["data", "/", "handling"]),
    ("Specialist(P4)", ["Specialist", "(", "P4", ")"]),
])
def test_tokenizer_splits_glued_tokens(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize("text", ["P-3", "NGOs", "11/15/2024", "07.06.2026", "COVID-19"])
def test_tokenizer_keeps_codes_and_dates_whole(nlp, text):
    assert [t.text for t in nlp(text)] == [text]


def test_tokenizer_is_in_the_pipeline_config(nlp):
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "vacancy_ie.Tokenizer.v2"


@pytest.mark.parametrize("text,tokens", [
    ("connaissance de l'anglais", ["connaissance", "de", "l'", "anglais"]),
    ("cinq ans d’expérience", ["cinq", "ans", "d’", "expérience"]),
    ("don't", ["do", "n't"]),
    ("n't", ["n't"]),
    ("Côte d'Ivoire", ["Côte", "d'", "Ivoire"]),
])
def test_tokenizer_v2_splits_french_elisions(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_tokenizer_v1_keeps_elisions_whole():
    v1 = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.Tokenizer.v1"}}})
    assert "l'anglais" in [t.text for t in v1.make_doc("de l'anglais")]
