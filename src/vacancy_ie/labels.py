"""The annotation scheme, in one table: each span label with its attributes, the record
field it fills, the value a reader checks, how a span's text is normalised, and how the
model learns its requirement flag.

Everything else derives from `LABELS`: validation, conversion, training classes, the record,
scoring, error analysis, splits and the CI gate. Adding a label is one `Label(...)` row here,
one normaliser in `vacancy_ie.normalizers`, and a section of the guidelines (README, "Adding
a label").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Hashable, Literal, Mapping, Optional

from .normalizers import (
    GRADE_CODES,
    education_level,
    min_years,
    normalize_grade,
    normalize_language,
    parse_date,
    period_end,
    route_totals,
    states_amount,
)
from .normalizers.dates import DateOrder

EDUCATION_LEVELS = ("secondary", "technical", "bachelor", "master", "doctorate")
REQUIREMENTS = ("required", "desirable")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Attribute:
    """One attribute of a label: whether it must be present and what values are valid."""

    name: str
    check: Callable[[Any], bool]
    expected: str
    required: bool = True


@dataclass(frozen=True)
class Context:
    """What normalising a span needs beyond its text: the date that year-less dates resolve
    against, and the notice's own day/month order."""

    reference: date | None = None
    order: DateOrder | None = None
    lang: str = "en"  # the notice's language, for the normalisers


# A span's text, its required flag and the notice's context -> the record item's values
# (None: the span has no value, and the record leaves it out).
Normalise = Callable[[str, bool, Context], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Label:
    name: str
    description: str
    attributes: tuple[Attribute, ...]
    field: str  # the record's key
    value_attributes: tuple[str, ...]  # the attributes that carry the value a reader checks
    normalise: Normalise
    item_fields: Mapping[str, Any]  # the record item's value fields and types (dates as ISO strings)
    weight: float  # share of the record score that chooses the best checkpoint
    many: bool = True  # a list of items (merged by `merge_key`), else the most confident one
    merge_key: tuple[str, ...] = ()  # item values that make two mentions one item; () = wording
    wording_is_value: bool = False  # the value is the lower-cased wording (no normal form)
    soft: tuple[str, Any] | None = None  # (attribute, value) of a plus rather than a must
    soft_suffix: str = ""  # the trained class of a plus: name + suffix
    anchors_dates: bool = False  # read first; its date anchors year-less dates
    relate: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None  # items read together

    def attr_problems(self, attrs: Mapping[str, Any]) -> list[str]:
        """Say what is wrong with a span's attrs for this label (empty when valid)."""
        problems = []
        known = {a.name for a in self.attributes}
        for extra in sorted(set(attrs) - known):
            problems.append(f"{self.name} has no attribute {extra!r}")
        for attr in self.attributes:
            if attr.name not in attrs:
                if attr.required:
                    problems.append(f"{self.name} needs attribute {attr.name!r} ({attr.expected})")
                continue
            if not attr.check(attrs[attr.name]):
                problems.append(f"{self.name}.{attr.name}={attrs[attr.name]!r} is not {attr.expected}")
        return problems

    def value_of(self, attrs: Mapping[str, Any], text: str) -> Hashable:
        """The normalised value a reader checks, for a gold span or a record item alike."""
        if self.wording_is_value:
            return (" ".join(text.lower().split()),)
        return tuple(attrs.get(a) for a in self.value_attributes)

    def merge_of(self, item: Mapping[str, Any]) -> Hashable:
        """What makes two mentions one record item."""
        if not self.merge_key:
            return " ".join(item["text"].lower().split())
        return tuple(item[k] for k in self.merge_key)

    def items(self, record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        value = record[self.field]
        return list(value) if self.many else ([value] if value else [])

    def is_soft(self, attrs: Mapping[str, Any]) -> bool:
        return self.soft is not None and self.soft[0] in attrs and attrs[self.soft[0]] == self.soft[1]

    @property
    def requirement(self) -> str | None:
        """The attribute saying must or plus, where it is part of the checked value."""
        if self.soft is None or self.wording_is_value:
            return None
        return self.soft[0]


def _grade(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    code = normalize_grade(text)
    return {"code": code} if code is not None else None


def _posted(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    parsed = parse_date(text, context.reference, context.order, context.lang)
    return {"date": parsed.date.isoformat()} if parsed is not None else None


def _deadline(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    parsed = parse_date(period_end(text, context.lang), context.reference, context.order, context.lang)
    if parsed is None:
        return None
    return {"date": parsed.date.isoformat(), "time": parsed.time, "timezone": parsed.timezone}


def _language(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    language = normalize_language(text, context.lang)
    if language is None:
        return None
    return {"code": language.code, "name": language.name,
            "requirement": "required" if required else "desirable", "required": required}


def _education(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    level = education_level(text, context.lang)
    return {"level": level, "required": required} if level is not None else None


def _experience(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    if not states_amount(text, context.lang):
        return None  # a heading or a cut-off phrase: no requirement a reader could use
    return {"years": min_years(text, context.lang), "required": required}


def _skill(text: str, required: bool, context: Context) -> dict[str, Any] | None:
    return {"required": required}


_REQUIRED_FLAG = Attribute("required", lambda v: isinstance(v, bool), "true or false")
_PLUS = ("required", False)

LABELS: dict[str, Label] = {
    label.name: label
    for label in (
        Label("GRADE", "the grade, level or band of this position", (
            Attribute("code", lambda v: v in GRADE_CODES, "a canonical grade code such as P-3"),
        ), field="grade", value_attributes=("code",), normalise=_grade, item_fields={"code": str},
           weight=0.15, many=False),
        Label("DEADLINE", "the application closing date expression", (
            Attribute("date", _is_iso_date, "an ISO date YYYY-MM-DD"),
            Attribute("time", lambda v: v is None or bool(_TIME.match(str(v))),
                      "HH:MM or null", required=False),
            Attribute("timezone", lambda v: v is None or (isinstance(v, str) and v.strip() != ""),
                      "a non-empty string or null", required=False),
        ), field="deadline", value_attributes=("date",), normalise=_deadline,
           item_fields={"date": date, "time": Optional[str], "timezone": Optional[str]}, weight=0.15, many=False),
        Label("POSTED", "the publication date expression", (
            Attribute("date", _is_iso_date, "an ISO date YYYY-MM-DD"),
        ), field="posted", value_attributes=("date",), normalise=_posted, item_fields={"date": date},
           weight=0.05, many=False,
            anchors_dates=True),
        Label("LANGUAGE", "a language name inside a language requirement", (
            Attribute("code", lambda v: isinstance(v, str) and bool(_LANG_CODE.match(v)),
                      "an ISO 639-1 code (639-3 where none)"),
            Attribute("requirement", lambda v: v in REQUIREMENTS, "required or desirable"),
        ), field="languages", value_attributes=("code", "requirement"), normalise=_language,
            item_fields={"code": str, "name": str, "requirement": Literal[REQUIREMENTS], "required": bool},
            weight=0.15, merge_key=("code",), soft=("requirement", "desirable"), soft_suffix="_DESIRABLE"),
        Label("EDUCATION", "a minimum-education requirement phrase", (
            Attribute("level", lambda v: v in EDUCATION_LEVELS, " / ".join(EDUCATION_LEVELS)),
            _REQUIRED_FLAG,
        ), field="education", value_attributes=("level", "required"), normalise=_education,
            item_fields={"level": Literal[EDUCATION_LEVELS], "required": bool}, weight=0.15, merge_key=("level",), soft=_PLUS, soft_suffix="_ASSET"),
        Label("EXPERIENCE", "a years-of-experience requirement phrase", (
            Attribute("years", lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)
                                                      and 0 <= v <= 40),
                      "an integer 0..40 or null"),
            _REQUIRED_FLAG,
            Attribute("level", lambda v: v is None or v in EDUCATION_LEVELS,
                      "the education level of the route, or null", required=False),
        ), field="experience", value_attributes=("years", "required"), normalise=_experience,
            item_fields={"years": Optional[int], "required": bool}, weight=0.15, merge_key=("years",), soft=_PLUS, soft_suffix="_ASSET",
            relate=route_totals),
        Label("SKILL", "a specific skill or knowledge requirement", (_REQUIRED_FLAG,),
              field="skills", value_attributes=("required",), normalise=_skill,
              item_fields={"required": bool}, weight=0.2,
              wording_is_value=True, soft=_PLUS, soft_suffix="_ASSET"),
    )
}

# (outer, inner): the only label pairs whose spans may overlap, by nesting. A SKILL may sit
# inside an EXPERIENCE or EDUCATION phrase ("four years of experience in case management"),
# never the other way round; every other pair of labels must not overlap.
MAY_NEST: frozenset[tuple[str, str]] = frozenset({("EXPERIENCE", "SKILL"), ("EDUCATION", "SKILL")})

# Kinds of content every split must hold, rarest first: (stratum, label, only when a plus).
STRATA: tuple[tuple[str, str, bool], ...] = (
    ("desirable-language", "LANGUAGE", True), ("grade", "GRADE", False), ("deadline", "DEADLINE", False))


def may_nest(outer: str, inner: str) -> bool:
    """Whether a span of `inner` may sit inside a span of `outer`."""
    return (outer, inner) in MAY_NEST


def field_of(label: str) -> str:
    return LABELS[label].field


def label_of_field(field: str) -> str | None:
    return next((name for name, label in LABELS.items() if label.field == field), None)


def date_labels() -> tuple[str, ...]:
    """Labels whose value is a date (checked for day/month swaps)."""
    return tuple(name for name, label in LABELS.items() if label.value_attributes == ("date",))


def model_label(label: str, attrs: Mapping[str, Any]) -> str:
    """The class a span is trained as: its label, plus the suffix when it is only a plus.
    The requirement flag is part of the class, so the model decides it from context."""
    spec = LABELS[label]
    return label + spec.soft_suffix if spec.is_soft(attrs) else label


def split_model_label(name: str) -> tuple[str, bool]:
    """(scheme label, required?) of a trained class name."""
    for label, spec in LABELS.items():
        if spec.soft_suffix and name == label + spec.soft_suffix:
            return label, False
    return name, True

