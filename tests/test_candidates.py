"""The rules component writes every candidate once, on the Doc, with the rules' reading."""

import pytest
import spacy


def make_nlp(**config):
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.Tokenizer.v2"}}})
    nlp.add_pipe("vacancy_ie_candidates", config=config)
    return nlp


@pytest.fixture(scope="module")
def candidates_nlp():
    return make_nlp()


def labels(doc):
    return {(s.text, s.label_) for s in doc.spans["candidates"]}


def test_candidates_label_spans_with_the_rules_reading(candidates_nlp):
    doc = candidates_nlp("Grade: P-3. Fluency in English is required; knowledge of French is an asset.")
    assert {("P-3", "GRADE"), ("English", "LANGUAGE"), ("French", "LANGUAGE_DESIRABLE")} <= labels(doc)


def test_candidates_keep_what_no_rule_decided(candidates_nlp):
    doc = candidates_nlp("The office opened on 3 March 2020.\nAlpha's official languages are English and French.")
    assert ("3 March 2020", "DATE") in labels(doc)
    assert {("English", "LANGUAGE_MENTION"), ("French", "LANGUAGE_MENTION")} <= labels(doc)


def test_candidates_empty_text_gives_empty_group(candidates_nlp):
    assert len(candidates_nlp("").spans["candidates"]) == 0


def test_candidates_grade_mentions_only_when_asked(candidates_nlp):
    text = "Minimum qualifications\nFor G6 - 3 years relevant experience."
    assert not any(label == "GRADE_MENTION" for _, label in labels(candidates_nlp(text)))
    assert ("G6", "GRADE_MENTION") in labels(make_nlp(grade_mentions=True)(text))
