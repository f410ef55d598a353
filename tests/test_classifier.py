"""The span classifier's targets: candidates align to gold by overlap where the value is
normalised from the text, and only exactly for skills (whose value is the wording)."""

import numpy
import pytest
import spacy
from spacy.training import Example
from thinc.types import Ragged

from vacancy_ie.pipeline.classifier import jaccard


def make_classifier(architecture="vacancy_ie.ContextSpanCategorizer.v1", model_config=None, **config):
    model = {"@architectures": architecture, "window": 2,
             "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "width": 16, "depth": 1,
                         "embed_size": 500, "window_size": 1, "maxout_pieces": 2,
                         "subword_features": False, "pretrained_vectors": None},
             "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 16},
             "context_reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 8},
             "hidden": {"@layers": "Maxout.v1", "nO": 16, "nP": 2}}
    if not architecture.endswith((".v4", ".v5")):  # v4 and v5 build their own output layers
        model["scorer"] = {"@layers": "Softmax.v2"}
    model.update(model_config or {})
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "vacancy_ie.Tokenizer.v2"}}})
    nlp.add_pipe("vacancy_ie_candidates")
    nlp.add_pipe("vacancy_ie_spancat", config={
        "suggester": {"@misc": "vacancy_ie.CandidatesSuggester.v1"},
        "model": model, **config})
    return nlp


def test_classifier_jaccard():
    assert jaccard((0, 4), (1, 4)) == 0.75
    assert jaccard((0, 2), (2, 4)) == 0.0


def test_classifier_aligns_candidates_by_overlap_except_skills():
    nlp = make_classifier()
    text = "Requirements: a Master's degree in law. Knowledge of the case management system."
    predicted = nlp.get_pipe("vacancy_ie_candidates")(nlp.make_doc(text))
    rule = next(s for s in predicted.spans["candidates"] if s.label_ == "EDUCATION")
    reference = nlp.make_doc(text)
    gold_start = text.index("Master's")
    reference.spans["sc"] = [
        reference.char_span(gold_start, text.index(" law") + 4, label="EDUCATION"),
        reference.char_span(text.index("case management"), text.index(" system"), label="SKILL")]
    example = Example(predicted, reference)
    spancat = nlp.get_pipe("vacancy_ie_spancat")
    predicted.spans["training_candidates"] = [predicted.char_span(text.index("the case"), text.index(" system"))]
    aligned = {(s.start, s.end, s.label_) for s in spancat._get_aligned_spans(example)}
    assert (rule.start, rule.end, "EDUCATION") in aligned  # the rules' wider span is positive
    skill_candidate = predicted.spans["training_candidates"][0]
    assert (skill_candidate.start, skill_candidate.end, "SKILL") not in aligned  # a skill must be exact


def candidates_and_gold(nlp, text, gold_from, gold_to, label):
    """The rules' reading of `text` and a reference whose one gold span runs from the first
    `gold_from` to the first `gold_to`."""
    predicted = nlp.get_pipe("vacancy_ie_candidates")(nlp.make_doc(text))
    reference = nlp.make_doc(text)
    reference.spans["sc"] = [reference.char_span(text.index(gold_from), text.index(gold_to), label=label)]
    return predicted, reference


def aligned_spans(nlp, predicted, reference):
    """The training targets the span classifier derives for the candidates of `predicted`."""
    return nlp.get_pipe("vacancy_ie_spancat")._get_aligned_spans(Example(predicted, reference))


@pytest.mark.parametrize("contained", [False, True])
def test_classifier_contained_candidate_with_the_gold_value_is_positive(contained):
    nlp = make_classifier(contained=contained)
    text = "You have five years of relevant professional experience."
    predicted, reference = candidates_and_gold(nlp, text, "five", ".", "EXPERIENCE")
    predicted.spans["training_candidates"] = [
        predicted.char_span(text.index("five"), text.index(" of")),  # inside, same years: a positive
        predicted.char_span(text.index("experience"), text.index("."))]  # inside, no amount: not one
    aligned = {(s.text, s.label_) for s in aligned_spans(nlp, predicted, reference)}
    assert ("five years", "EXPERIENCE") in aligned if contained else ("five years", "EXPERIENCE") not in aligned
    assert not any(text == "experience" for text, _ in aligned)


@pytest.mark.parametrize("contained", [False, True])
def test_classifier_candidate_around_a_gold_date_with_its_value_is_positive(contained):
    nlp = make_classifier(contained=contained)
    text = "Closing date: 20 November 2024 (midnight, Geneva time). Start date: 1 December 2024."
    predicted, reference = candidates_and_gold(nlp, text, "20", " (", "DEADLINE")
    around = predicted.char_span(text.index("20"), text.index(")") + 1)
    start_date = predicted.char_span(text.index("1 December"), text.index(" 2024.") + 5)  # around no gold span
    predicted.spans["training_candidates"] = [around, start_date]
    aligned = {(s.start, s.end, s.label_) for s in aligned_spans(nlp, predicted, reference)}
    assert ((around.start, around.end, "DEADLINE") in aligned) == contained
    assert not any(start == start_date.start for start, _, _ in aligned)


@pytest.mark.parametrize("architecture", ["vacancy_ie.ContextSpanCategorizer.v1",
                                          "vacancy_ie.ContextSpanCategorizer.v2",
                                          "vacancy_ie.ContextSpanCategorizer.v3",
                                          "vacancy_ie.ContextSpanCategorizer.v4",
                                          "vacancy_ie.ContextSpanCategorizer.v5"])
@pytest.mark.parametrize("reading_mask", [False, True])
def test_classifier_overfits_and_round_trips(tmp_path, architecture, reading_mask):
    nlp = make_classifier(architecture, reading_mask=reading_mask)
    text = "Grade: P-3. Fluency in English is required; knowledge of French is an asset."
    reference = nlp.make_doc(text)
    reference.spans["sc"] = [reference.char_span(text.index("English"), text.index("English") + 7, label="LANGUAGE"),
                             reference.char_span(text.index("French"), text.index("French") + 6,
                                                 label="LANGUAGE_DESIRABLE")]
    examples = [Example(nlp.make_doc(text), reference)]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, annotates=["vacancy_ie_candidates"])
    doc = nlp(text)
    found = {(s.text, s.label_) for s in doc.spans["sc"]}
    assert found == {("English", "LANGUAGE"), ("French", "LANGUAGE_DESIRABLE")}
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    reloaded = loaded(text)
    assert {(s.text, s.label_) for s in reloaded.spans["sc"]} == found


def test_classifier_v4_learns_a_feature_through_its_wide_path():
    """The wide layer alone maps the rules' reading to the logits: with the deep path's
    output layer held at zero, the classifier still learns the rules' label."""
    nlp = make_classifier("vacancy_ie.ContextSpanCategorizer.v4")
    text = "Grade: P-3. Fluency in English is required."
    reference = nlp.make_doc(text)
    reference.spans["sc"] = [reference.char_span(text.index("English"), text.index("English") + 7, label="LANGUAGE")]
    examples = [Example(nlp.make_doc(text), reference)]
    optimizer = nlp.initialize(lambda: examples)
    model = nlp.get_pipe("vacancy_ie_spancat").model
    deep_output = model.get_ref("scorer")
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, annotates=["vacancy_ie_candidates"])
        deep_output.set_param("W", deep_output.ops.alloc2f(*deep_output.get_param("W").shape))
        deep_output.set_param("b", deep_output.ops.alloc1f(*deep_output.get_param("b").shape))
    doc = nlp(text)
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [("English", "LANGUAGE")]


def wide_only_probability(deep_dropout):
    """P(gold label) of the one gold span after training v5, with the deep output layer zeroed."""
    spacy.util.fix_random_seed(0)
    nlp = make_classifier("vacancy_ie.ContextSpanCategorizer.v5", model_config={"deep_dropout": deep_dropout})
    text = "Grade: P-3. Fluency in English is required."
    reference = nlp.make_doc(text)
    reference.spans["sc"] = [reference.char_span(text.index("English"), text.index("English") + 7, label="LANGUAGE")]
    examples = [Example(nlp.make_doc(text), reference)]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(200):  # long enough for the deep path to fit the example
        nlp.update(examples, sgd=optimizer, annotates=["vacancy_ie_candidates"])
    spancat = nlp.get_pipe("vacancy_ie_spancat")
    doc = nlp.get_pipe("vacancy_ie_candidates")(nlp.make_doc(text))
    indices, scores = spancat.predict([doc])
    assert numpy.array_equal(scores, spancat.predict([doc])[1])  # prediction drops nothing
    deep_output = spancat.model.get_ref("scorer")
    deep_output.set_param("W", deep_output.ops.alloc2f(*deep_output.get_param("W").shape))
    deep_output.set_param("b", deep_output.ops.alloc1f(*deep_output.get_param("b").shape))
    english = reference.spans["sc"][0]
    row = [tuple(pair) for pair in indices.dataXd.tolist()].index((english.start, english.end))
    return float(spancat.predict([doc])[1][row, spancat.labels.index("LANGUAGE")])


def test_classifier_v5_deep_dropout_trains_the_wide_path_to_classify_alone():
    """With most spans' deep logits dropped in training, the features alone carry more of the
    label than when the wide path only ever learned as the deep path's complement (v4)."""
    assert wide_only_probability(0.9) > wide_only_probability(0.0) + 0.05


def test_classifier_v5_rejects_a_deep_dropout_outside_zero_to_one():
    with pytest.raises(ValueError, match="deep_dropout"):
        make_classifier("vacancy_ie.ContextSpanCategorizer.v5", model_config={"deep_dropout": 1.0})


def backoff_spans(backoff):
    nlp = make_classifier(backoff=backoff)
    spancat = nlp.get_pipe("vacancy_ie_spancat")
    for label in ("GRADE", "LANGUAGE"):
        spancat.add_label(label)
    doc = nlp.make_doc("Grade one two English")
    indices = numpy.array([[1, 2], [2, 3], [3, 4]])
    scores = numpy.array([[0.30, 0.0, 0.70], [0.25, 0.0, 0.75], [0.0, 0.9, 0.1]], dtype="f")  # GRADE, LANGUAGE, none
    group = spancat._make_span_group_singlelabel(doc, indices, scores)
    return [(s.text, s.label_, round(float(x), 2)) for s, x in zip(group, numpy.ravel(group.attrs["scores"]))]


def test_classifier_backoff_takes_the_most_probable_single_valued_span():
    assert backoff_spans({}) == [("English", "LANGUAGE", 0.9)]
    assert backoff_spans({"GRADE": 0.2}) == [("English", "LANGUAGE", 0.9), ("one", "GRADE", 0.3)]
    assert backoff_spans({"GRADE": 0.4}) == [("English", "LANGUAGE", 0.9)]


def test_classifier_backoff_is_only_for_single_valued_labels():
    with pytest.raises(ValueError, match="single-valued"):
        make_classifier(backoff={"LANGUAGE": 0.2})


def read_as(nlp, text, readings):
    """A Doc of `text` whose candidates are `readings`: (words, the rules' label) pairs."""
    doc = nlp.make_doc(text)
    doc.spans["candidates"] = [doc.char_span(text.index(words), text.index(words) + len(words), label=label)
                               for words, label in readings]
    return doc


def test_classifier_reading_mask_classifies_a_candidate_among_its_readings():
    nlp = make_classifier(reading_mask=True)
    spancat = nlp.get_pipe("vacancy_ie_spancat")
    for label in ("GRADE", "DEADLINE", "POSTED", "SKILL"):
        spancat.add_label(label)
    doc = read_as(nlp, "WASH Officer, NO-B, closing 20 November 2024", [("NO-B", "GRADE"), ("20 November 2024", "DATE")])
    grade, date = doc.spans["candidates"]
    officer = doc.char_span(0, 12)  # read by neither: every class stays open
    spans = Ragged(numpy.array([[grade.start, grade.end], [date.start, date.end], [officer.start, officer.end]]),
                   numpy.array([3]))
    scores = numpy.array([[0.1, 0.0, 0.0, 0.6, 0.3]] * 3, dtype="f")  # GRADE, DEADLINE, POSTED, SKILL, none
    masked, _ = spancat._masked([doc], spans, scores)
    assert masked[0].round(2).tolist() == [0.25, 0.0, 0.0, 0.0, 0.75]  # a grade or nothing
    assert masked[1].round(2).tolist() == [0.0, 0.0, 0.0, 0.0, 1.0]  # a date: deadline, posted or nothing
    assert masked[2].round(2).tolist() == scores[2].round(2).tolist()


def test_classifier_reading_mask_trains_a_gold_class_its_readings_exclude_unmasked():
    nlp = make_classifier(reading_mask=True)
    spancat = nlp.get_pipe("vacancy_ie_spancat")
    for label in ("GRADE", "SKILL"):
        spancat.add_label(label)
    text = "Grade P-3 and Excel"
    predicted = read_as(nlp, text, [("P-3", "GRADE"), ("Excel", "GRADE")])  # the second reading is wrong
    reference = nlp.make_doc(text)
    reference.spans["sc"] = [reference.char_span(text.index("P-3"), text.index("P-3") + 3, label="GRADE"),
                             reference.char_span(text.index("Excel"), len(text), label="SKILL")]
    spans = spancat.suggester([predicted])
    scores = numpy.array([[0.2, 0.5, 0.3]] * 2, dtype="f")  # GRADE, SKILL, none
    _, d_scores = spancat.get_loss([Example(predicted, reference)], (spans, scores))
    rows = {tuple(span): row for span, row in zip(spans.dataXd.tolist(), d_scores.tolist())}
    p3, excel = predicted.spans["candidates"]
    assert rows[(p3.start, p3.end)] == pytest.approx([0.4 - 1.0, 0.0, 0.6])  # masked: GRADE 0.2 / 0.5 against none
    assert rows[(excel.start, excel.end)] == pytest.approx([0.2, 0.5 - 1.0, 0.3])  # SKILL excluded by its reading: unmasked
