"""Records follow the committed JSON Schema, which is generated from the label table."""

import json

import jsonschema
import pytest

import vacancy_ie
from vacancy_ie.schema import SCHEMA_PATH, record_json_schema

NOTICE = ("<p>Programme Officer, Grade: P-3</p>Posted: 1 November 2024\nClosing date: 15 November\n"
          "Fluency in English is required; knowledge of French is an asset.\n"
          "Requirements\nMaster's degree in economics. At least five years of experience in case management.\n")


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schema_committed_file_matches_the_types():
    assert json.loads(SCHEMA_PATH.read_text()) == record_json_schema()


def test_schema_validates_real_records_and_errors(validator, rules_nlp):
    records = vacancy_ie.extract([NOTICE, {"id": 7, "text": NOTICE, "title": "Officer"}, {"text": None}, ""],
                                 model=rules_nlp)
    for record in records:
        assert list(validator.iter_errors(record)) == []
    assert records[0]["deadline"]["date"] == "2024-11-15" and records[1]["id"] == "7"
    assert records[2]["error"] and records[1]["meta"] == {"title": "Officer"}


def test_schema_rejects_a_renamed_or_mistyped_field(validator, rules_nlp):
    record = vacancy_ie.extract([NOTICE], model=rules_nlp)[0]
    assert not validator.is_valid({**record, "grades": record["grade"]})
    assert not validator.is_valid({**record, "languages": [{**record["languages"][0], "required": "yes"}]})


def test_schema_language_items_say_required_beside_requirement(rules_nlp):
    record = vacancy_ie.extract([NOTICE], model=rules_nlp)[0]
    assert [(l["code"], l["requirement"], l["required"]) for l in record["languages"]] == [
        ("en", "required", True), ("fr", "desirable", False)]
