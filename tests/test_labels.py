"""The scheme is one table: a label added to `LABELS` (with its normaliser) reaches
validation, conversion, the record, evaluation and the gate with no other change."""

import re

import pytest

from vacancy_ie.corpus.convert import ConversionReport, record_to_doc
from vacancy_ie.corpus.validate import validate
from vacancy_ie.evaluation.gate import checks
from vacancy_ie.evaluation.report import metrics_document
from vacancy_ie.evaluation.scoring import ScoredSpan
from vacancy_ie.evaluation.systems import SystemOutput, eval_docs, run_systems
from vacancy_ie.labels import LABELS, Attribute, Label, model_label, split_model_label
from vacancy_ie.pipeline.record import Prediction, build_record, empty_record, record_values
from vacancy_ie.text.cleaning import clean

from .conftest import NOTICES, record_for, span_of


def _salary(text, required, context):
    match = re.search(r"\d[\d,]*", text)
    return {"amount": int(match[0].replace(",", ""))} if match else None


SALARY = Label("SALARY", "the stated pay", (Attribute("amount", lambda v: isinstance(v, int), "an integer"),),
               field="salary", value_attributes=("amount",), normalise=_salary, item_fields={"amount": int},
               weight=0.0, many=False)
TEXT = NOTICES["102"][2]  # "Driver ... 2 years' experience driving ..."


@pytest.fixture
def with_salary(monkeypatch):
    monkeypatch.setitem(LABELS, "SALARY", SALARY)


def salary_record(amount=2):
    return record_for("102", [span_of("102", "2 years", "SALARY", amount=amount)])


def test_labels_new_label_reaches_validation(with_salary, volume, nlp):
    assert [p.message for p in validate([salary_record()], volume, nlp)] == []
    problems = [p.message for p in validate([salary_record("two")], volume, nlp)]
    assert any("SALARY.amount" in p for p in problems)


def test_labels_new_label_reaches_conversion(with_salary, volume, nlp):
    doc = record_to_doc(salary_record(), volume, nlp, ConversionReport())
    assert [(s.label_, s.text) for s in doc.spans["sc"]] == [("SALARY", "2 years")]


def test_labels_new_label_reaches_the_record(with_salary):
    cleaned = clean(TEXT)
    start = TEXT.index("2 years")
    record = build_record([Prediction(start, start + 7, "SALARY", True, 0.8)], cleaned, "n")
    assert empty_record("n")["salary"] is None
    assert (record["salary"]["amount"], record["salary"]["text"]) == (2, "2 years")
    assert record_values(record)["SALARY"] == {(2,)}


def test_labels_new_label_reaches_evaluation_and_gate(with_salary, volume):
    docs = eval_docs([salary_record()], volume)
    start = TEXT.index("2 years")
    found = ScoredSpan(start, start + 7, "SALARY", {"amount": 2}, "2 years")
    results = run_systems(docs, {"perfect": lambda doc: SystemOutput([found], {"SALARY": {(2,)}})},
                          progress=False)
    document = metrics_document(results, "test", n_boot=10)
    assert document["systems"]["perfect"]["values"]["SALARY"]["f1"] == 1.0
    [check] = checks({"f1": {"values": {"salary": 0.9}}}, document, "perfect")
    assert check.passed and check.measured == 1.0


def test_labels_requirement_flag_is_part_of_the_trained_class():
    assert model_label("LANGUAGE", {"code": "fr", "requirement": "desirable"}) == "LANGUAGE_DESIRABLE"
    assert model_label("EDUCATION", {"level": "master", "required": False}) == "EDUCATION_ASSET"
    assert model_label("GRADE", {"code": "P-3"}) == "GRADE"
    assert split_model_label("EXPERIENCE_ASSET") == ("EXPERIENCE", False)
    assert split_model_label("SKILL") == ("SKILL", True)


def test_labels_skill_value_is_its_wording_for_gold_and_record():
    skill = LABELS["SKILL"]
    assert skill.value_of({"required": True}, "  Case   Management ") == ("case management",)
    assert skill.merge_of({"text": "Case management"}) == skill.merge_of({"text": "case  management"})
