from datetime import date

import pytest

from vacancy_ie.formats import to_jsonld
from vacancy_ie.pipeline.record import Prediction, build_record, record_values
from vacancy_ie.text.cleaning import clean

RAW = ("<p>Grade:&nbsp;P-3</p>Posted: 1 November 2024\nDeadline: 15 November\n"
       "Fluency in English is required; French is an asset. English is essential.\n"
       "Master's degree in law. At least 5 years of experience in MS Excel.")


def pred(quote, label, required=True, score=0.9, occurrence=0):
    text = clean(RAW).text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Prediction(start, start + len(quote), label, required, score)


def build(preds, reference=None):
    return build_record(preds, clean(RAW), "n.html", reference, today=lambda: date(2030, 1, 1))


def test_record_normalises_and_maps_offsets_to_raw_input():
    record = build([pred("P-3", "GRADE"), pred("15 November", "DEADLINE"), pred("1 November 2024", "POSTED")])
    assert record["grade"]["code"] == "P-3"
    assert RAW[record["grade"]["start"]:record["grade"]["end"]] == "P-3"
    assert record["posted"]["date"] == "2024-11-01"
    # the year-less deadline resolves against the notice's own posting date
    assert record["deadline"]["date"] == "2024-11-15"


def test_record_reference_date_wins_over_posting_date():
    record = build([pred("15 November", "DEADLINE"), pred("1 November 2024", "POSTED")],
                   reference=date(2025, 12, 1))
    assert record["deadline"]["date"] == "2026-11-15"


def test_record_merges_repeats_keeping_the_strongest():
    record = build([pred("English", "LANGUAGE", score=0.6), pred("English", "LANGUAGE", score=0.8, occurrence=1),
                    pred("French", "LANGUAGE", required=False)])
    # the stronger English mention is the second one, after French: items are in text order
    assert [(l["code"], l["requirement"], l["score"]) for l in record["languages"]] == [
        ("fr", "desirable", 0.9), ("en", "required", 0.8)]


def test_record_items_carry_both_offsets_and_their_source():
    record = build([pred("P-3", "GRADE"), pred("MS Excel", "SKILL"), pred("law", "SKILL")])
    text = clean(RAW).text
    grade = record["grade"]
    assert text[grade["text_start"]:grade["text_end"]] == "P-3" == RAW[grade["start"]:grade["end"]]
    assert grade["source_kind"] == "model"
    assert [s["text"] for s in record["skills"]] == ["law", "MS Excel"]


def test_record_values_match_scoring_forms():
    record = build([pred("Master's degree in law", "EDUCATION"), pred("At least 5 years of experience", "EXPERIENCE"),
                    pred("MS Excel", "SKILL", required=False)])
    values = record_values(record)
    assert values["EDUCATION"] == {("master", True)}
    assert values["EXPERIENCE"] == {(5, True)}
    assert values["SKILL"] == {("ms excel",)}


def test_record_leaves_out_experience_that_states_no_amount():
    record = build([pred("At least 5 years of experience", "EXPERIENCE"), pred("At least", "EXPERIENCE")])
    assert [item["years"] for item in record["experience"]] == [5]


def test_record_jsonld_is_a_job_posting():
    record = build([pred("15 November", "DEADLINE"), pred("1 November 2024", "POSTED"),
                    pred("At least 5 years of experience", "EXPERIENCE"), pred("Master's degree in law", "EDUCATION")])
    posting = to_jsonld(record)
    assert posting["@type"] == "JobPosting" and posting["validThrough"].startswith("2024-11-15")
    assert posting["experienceRequirements"][0]["monthsOfExperience"] == 60
    assert posting["educationRequirements"][0]["credentialCategory"] == "postgraduate degree"


def test_record_with_rules_replaces_rule_labels_and_keeps_model_confidence():
    from vacancy_ie.pipeline.record import Prediction, with_rules

    model = [Prediction(0, 5, "DEADLINE", True, 0.9), Prediction(10, 20, "SKILL", True, 0.8)]
    rules = [Prediction(0, 7, "DEADLINE", True, 0.0), Prediction(30, 37, "DEADLINE", True, 0.0),
             Prediction(40, 45, "SKILL", True, 0.0)]
    combined = with_rules(model, rules, ["DEADLINE"], rule_only_score=0.5)
    assert sorted((p.start, p.label, p.score) for p in combined) == [
        (0, "DEADLINE", 0.9), (10, "SKILL", 0.8), (30, "DEADLINE", 0.5)]


def test_record_builder_v2_takes_deadline_from_rules():
    from vacancy_ie.pipeline.components import record_builder_v2
    from vacancy_ie.pipeline.record import Prediction
    from vacancy_ie.text.cleaning import clean

    cleaned = clean("Analyst\nClosing date: 15 November 2024\nBachelor's degree required.\n")
    build = record_builder_v2(["DEADLINE"])
    record = build([Prediction(0, 7, "DEADLINE", True, 0.9)], cleaned, "x", None)
    assert record["deadline"]["date"] == "2024-11-15" and record["deadline"]["score"] == 0.5
    assert build.combine([], cleaned, None)[0].label == "DEADLINE"


def test_record_builder_v2_rejects_unknown_labels():
    from vacancy_ie.pipeline.components import record_builder_v2

    with pytest.raises(ValueError, match="not labels of the scheme"):
        record_builder_v2(["SALARY"])


def test_record_experience_route_increment_is_the_route_total():
    raw = ("A minimum of seven years of experience is required. A first-level degree with two "
           "additional years of qualifying experience may be accepted.")
    text = clean(raw).text
    preds = [Prediction(text.index(q), text.index(q) + len(q), "EXPERIENCE", True, 0.9)
             for q in ("seven years of experience", "two additional years of qualifying experience")]
    record = build_record(preds, clean(raw), "n.txt", date(2024, 11, 1))
    assert [item["years"] for item in record["experience"]] == [7, 9]
