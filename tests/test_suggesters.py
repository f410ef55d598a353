"""`vacancy_ie.EntsSuggester.v1`: the span classifier's candidates are the entities, the rule
spans (optionally) and, in training, the gold spans under `training_candidates`."""

import pytest
from spacy.tokens import Span
from spacy.util import registry

from vacancy_ie.keys import TRAINING_CANDIDATES_KEY

TEXT = "Programme Officer, Grade: P-3\nFluency in English is required."


def suggester(rules):
    return registry.misc.get("vacancy_ie.EntsSuggester.v1")(rules=rules)


def token_span(doc, text, label="X"):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label=label)


def candidates(ragged):
    return [tuple(pair) for pair in ragged.dataXd.tolist()]


@pytest.fixture
def doc(nlp):
    return nlp(TEXT)


def test_suggesters_candidates_are_the_ents_without_rules(doc):
    doc.ents = [token_span(doc, "Programme Officer", "TITLE")]
    assert candidates(suggester(rules=False)([doc])) == [(0, 2)]


def test_suggesters_rule_spans_added_with_rules(doc):
    grade, english = token_span(doc, "P-3"), token_span(doc, "English")
    assert candidates(suggester(rules=True)([doc])) == [(grade.start, grade.end), (english.start, english.end)]


def test_suggesters_rule_spans_left_out_without_rules(doc):
    assert candidates(suggester(rules=False)([doc])) == []


def test_suggesters_training_candidates_added(doc):
    gold = token_span(doc, "Fluency in English")
    doc.spans[TRAINING_CANDIDATES_KEY] = [gold]
    assert candidates(suggester(rules=False)([doc])) == [(gold.start, gold.end)]


def test_suggesters_no_duplicates_across_sources(doc):
    grade = token_span(doc, "P-3", "GRADE")
    doc.ents = [grade]
    doc.spans[TRAINING_CANDIDATES_KEY] = [grade]
    pairs = candidates(suggester(rules=True)([doc]))
    assert len(pairs) == len(set(pairs))
    assert pairs.count((grade.start, grade.end)) == 1


def test_suggesters_candidates_sorted(doc):
    doc.ents = [token_span(doc, "Fluency"), token_span(doc, "Programme")]
    doc.spans[TRAINING_CANDIDATES_KEY] = [token_span(doc, "Grade"), Span(doc, 0, 2)]
    pairs = candidates(suggester(rules=True)([doc]))
    assert pairs == sorted(pairs) and len(pairs) == 6


def test_suggesters_lengths_match_per_doc(nlp):
    docs = [nlp(TEXT), nlp("No spans here."), nlp("Grade: G-5")]
    ragged = suggester(rules=True)(docs)
    assert ragged.lengths.tolist() == [2, 0, 1]
    assert ragged.dataXd.shape == (3, 2)


def test_suggesters_empty_doc_gives_no_candidates(nlp):
    ragged = suggester(rules=True)([nlp("")])
    assert ragged.dataXd.shape == (0, 2)
    assert ragged.lengths.tolist() == [0]


def test_suggesters_no_docs_gives_no_candidates():
    ragged = suggester(rules=True)([])
    assert ragged.dataXd.shape == (0, 2)
    assert ragged.lengths.tolist() == []
