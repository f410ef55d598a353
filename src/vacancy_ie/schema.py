"""The record as types: pydantic models built from the label table, and the JSON Schema they
generate. The schema is committed beside this module (`record.schema.json`, shipped in the
wheel) so that users can validate records without this package; a test keeps it in step.

    python -m vacancy_ie.schema > src/vacancy_ie/record.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model

from .labels import LABELS, Label

SCHEMA_PATH = Path(__file__).with_name("record.schema.json")


class Item(BaseModel):
    """What every extracted item carries besides its values."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the cleaned text of the span")
    start: int = Field(ge=0, description="offset of the span in the raw input (HTML included)")
    end: int = Field(ge=0, description="end offset in the raw input")
    text_start: int = Field(ge=0, description="offset of the span in the cleaned text (doc.text)")
    text_end: int = Field(ge=0, description="end offset in the cleaned text")
    score: float = Field(ge=0.0, le=1.0, description=(
        "the span classifier's probability when source_kind is 'model' or 'both'; for 'rules' "
        "the builder's fixed vote (rule_only_score, 0.5), not a probability"))
    source_kind: Literal["model", "rules", "both"] = Field(
        description="who found the span: the trained model, the rule-based extractor, or both")


def _item_model(label: Label) -> type[BaseModel]:
    fields: dict[str, Any] = {name: (kind, ...) for name, kind in label.item_fields.items()}
    return create_model(f"{label.name.title()}Item", __base__=Item, __doc__=label.description, **fields)


def _record_model() -> type[BaseModel]:
    fields: dict[str, Any] = {
        "source": (str, Field(description="where the notice came from: a path, path:line, <stdin>")),
        "id": (Optional[str], Field(None, description="the input's own id (JSON Lines inputs)")),
        "meta": (dict[str, Any], Field(default_factory=dict, description="input fields passed through")),
        "error": (Optional[str], Field(None, description="why the input gave no record; items empty")),
        "language": (Optional[str], Field(None, description="the notice's language as the pipeline read it "
                                                            "(en, fr or es); null from v1 pipelines")),
    }
    for label in LABELS.values():
        item = _item_model(label)
        fields[label.field] = ((list[item], Field(description=f"{label.description}; in text order"))
                               if label.many else (Optional[item], Field(description=label.description)))
    return create_model("VacancyRecord", __config__=ConfigDict(extra="forbid"),
                        __doc__="The normalised record of one vacancy notice.", **fields)


VacancyRecord = _record_model()


def record_json_schema() -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **VacancyRecord.model_json_schema()}


if __name__ == "__main__":
    print(json.dumps(record_json_schema(), indent=1))
