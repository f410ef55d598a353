"""What the rules tell the span classifier about a candidate's surroundings."""

import numpy
import pytest
import spacy

from vacancy_ie.pipeline.features import FEATURE_NAMES, MENTION_FEATURE_NAMES, doc_features, mention_features


@pytest.fixture(scope="module")
def candidates_nlp():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.Tokenizer.v2"}}})
    nlp.add_pipe("vacancy_ie_candidates")
    return nlp


def features_of(nlp, text, quote, occurrence=0, extract=doc_features, names=FEATURE_NAMES):
    doc = nlp(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    span = doc.char_span(start, start + len(quote))
    row = extract(doc, numpy.array([[span.start, span.end]]))[0]
    return dict(zip(names, row))


def test_features_heading_above_a_list_marks_it_desirable(candidates_nlp):
    text = "Requirements\nFluent English.\n\nDesirable:\n- Portuguese\n- Arabic\n"
    assert features_of(candidates_nlp, text, "Arabic")["heading_desirable"] == 1.0
    assert features_of(candidates_nlp, text, "English")["heading_desirable"] == 0.0


def test_features_carry_the_rules_reading(candidates_nlp):
    feats = features_of(candidates_nlp, "Knowledge of French is an asset.", "French")
    assert feats["rule=LANGUAGE_DESIRABLE"] == 1.0 and feats["rule=LANGUAGE"] == 0.0
    assert feats["clause_desirable"] == 1.0


def test_features_read_the_sentence_of_the_span_not_its_line(candidates_nlp):
    text = ("Fluency in English is required. Another UN language is an asset. Arabic, Chinese and "
            "English are the official languages of the Organization.")
    feats = features_of(candidates_nlp, text, "Chinese")
    assert feats["clause_desirable"] == 0.0 and feats["sentence_boilerplate"] == 1.0
    assert features_of(candidates_nlp, text, "English")["clause_required"] == 1.0


def test_features_see_increments_and_sub_requirements(candidates_nlp):
    text = ("Master's degree with 5 years of experience, or Bachelor's degree with two additional "
            "years of experience.\nSeven years of experience, of which 2 years of experience abroad.")
    assert features_of(candidates_nlp, text, "two additional years of experience")["increment"] == 1.0
    assert features_of(candidates_nlp, text, "2 years of experience")["sub_requirement"] == 1.0
    assert features_of(candidates_nlp, text, "Seven years of experience")["sub_requirement"] == 0.0


def test_features_of_no_spans_is_empty(candidates_nlp):
    doc = candidates_nlp("Nothing here.")
    assert doc_features(doc, numpy.zeros((0, 2), dtype="i")).shape == (0, len(FEATURE_NAMES))


def mention_features_of(nlp, text, quote):
    return features_of(nlp, text, quote, extract=mention_features, names=MENTION_FEATURE_NAMES)


def test_features_mentions_see_field_labels_repeats_and_the_first(candidates_nlp):
    text = ("Programme Officer (P3)\n" + "Duties. " * 60 + "\nGrade: P-3\n"
            "Supervises an assistant at G-5.\n")
    title = mention_features_of(candidates_nlp, text, "P3")
    labelled = mention_features_of(candidates_nlp, text, "P-3")
    other = mention_features_of(candidates_nlp, text, "G-5")
    assert labelled["field_label"] == 1.0 and title["field_label"] == 0.0
    assert title["first_of_kind"] == 1.0 and labelled["first_of_kind"] == 0.0
    assert title["title_zone"] == 1.0 and labelled["title_zone"] == 0.0
    assert labelled["repeats"] > 0.0 and other["repeats"] == 0.0


def test_features_mentions_of_a_span_without_candidate_are_zero(candidates_nlp):
    row = mention_features_of(candidates_nlp, "Nothing to see here at all.", "see here")
    assert row == {"field_label": 0.0, "repeats": 0.0, "first_of_kind": 0.0, "title_zone": 1.0}
