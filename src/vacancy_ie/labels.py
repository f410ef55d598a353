"""The annotation scheme: span labels, their attributes and the values those may take.

Everything that checks, converts or scores annotations reads the scheme from here, so a
label or value added here reaches the validator, the converter and the evaluation at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

EDUCATION_LEVELS = ("secondary", "technical", "bachelor", "master", "doctorate")
REQUIREMENTS = ("required", "desirable")


def _grade_codes() -> frozenset[str]:
    codes = {"D-1", "D-2", "ASG", "USG", "UG"}
    ranges = {
        "P": 5, "G": 7, "FS": 7, "SB": 5, "SC": 11, "NPSA": 11, "LICA": 11, "IICA": 3,
    }
    for scheme, top in ranges.items():
        codes.update(f"{scheme}-{n}" for n in range(1, top + 1))
    codes.update(f"IPSA-{n}" for n in range(8, 13))
    codes.update(f"NO-{c}" for c in "ABCDE")
    return frozenset(codes)


GRADE_CODES = _grade_codes()
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
class Label:
    name: str
    description: str
    attributes: tuple[Attribute, ...]

    def attr_problems(self, attrs: dict[str, Any]) -> list[str]:
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
                problems.append(
                    f"{self.name}.{attr.name}={attrs[attr.name]!r} is not {attr.expected}"
                )
        return problems


_REQUIRED_FLAG = Attribute("required", lambda v: isinstance(v, bool), "true or false")

LABELS: dict[str, Label] = {
    label.name: label
    for label in (
        Label("GRADE", "the grade, level or band of this position", (
            Attribute("code", lambda v: v in GRADE_CODES, "a canonical grade code such as P-3"),
        )),
        Label("DEADLINE", "the application closing date expression", (
            Attribute("date", _is_iso_date, "an ISO date YYYY-MM-DD"),
            Attribute("time", lambda v: v is None or bool(_TIME.match(str(v))),
                      "HH:MM or null", required=False),
            Attribute("timezone", lambda v: v is None or (isinstance(v, str) and v.strip() != ""),
                      "a non-empty string or null", required=False),
        )),
        Label("POSTED", "the publication date expression", (
            Attribute("date", _is_iso_date, "an ISO date YYYY-MM-DD"),
        )),
        Label("LANGUAGE", "a language name inside a language requirement", (
            Attribute("code", lambda v: isinstance(v, str) and bool(_LANG_CODE.match(v)),
                      "an ISO 639-1 code (639-3 where none)"),
            Attribute("requirement", lambda v: v in REQUIREMENTS, "required or desirable"),
        )),
        Label("EDUCATION", "a minimum-education requirement phrase", (
            Attribute("level", lambda v: v in EDUCATION_LEVELS, " / ".join(EDUCATION_LEVELS)),
            _REQUIRED_FLAG,
        )),
        Label("EXPERIENCE", "a years-of-experience requirement phrase", (
            Attribute("years", lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)
                                                      and 0 <= v <= 40),
                      "an integer 0..40 or null"),
            _REQUIRED_FLAG,
        )),
        Label("SKILL", "a specific skill or knowledge requirement", (_REQUIRED_FLAG,)),
    )
}

# (outer, inner): the only label pairs whose spans may overlap, by nesting. A SKILL may sit
# inside an EXPERIENCE or EDUCATION phrase ("four years of experience in case management"),
# never the other way round; every other pair of labels must not overlap.
MAY_NEST: frozenset[tuple[str, str]] = frozenset({("EXPERIENCE", "SKILL"), ("EDUCATION", "SKILL")})

# Which attribute carries the normalised value a reader checks, per label (evaluation level 3).
VALUE_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "GRADE": ("code",),
    "DEADLINE": ("date",),
    "POSTED": ("date",),
    "LANGUAGE": ("code", "requirement"),
    "EDUCATION": ("level", "required"),
    "EXPERIENCE": ("years", "required"),
    "SKILL": ("required",),
}


def may_nest(outer: str, inner: str) -> bool:
    """Whether a span of `inner` may sit inside a span of `outer`."""
    return (outer, inner) in MAY_NEST


# The trained span classifier learns the requirement attributes as part of the label: a
# desirable language or an "asset" qualification is its own class, so the model decides it
# from context instead of a rule guessing it afterwards.
_SOFT_SUFFIX = {"LANGUAGE": "_DESIRABLE", "EDUCATION": "_ASSET", "EXPERIENCE": "_ASSET", "SKILL": "_ASSET"}


def model_label(label: str, attrs: dict[str, Any]) -> str:
    """The class a span is trained as: its label, plus the suffix when it is only desirable."""
    soft = attrs.get("requirement") == "desirable" if label == "LANGUAGE" else attrs.get("required") is False
    return label + _SOFT_SUFFIX[label] if label in _SOFT_SUFFIX and soft else label


def split_model_label(name: str) -> tuple[str, bool]:
    """(scheme label, required?) of a trained class name."""
    for label, suffix in _SOFT_SUFFIX.items():
        if name == label + suffix:
            return label, False
    return name, True


MODEL_LABELS: tuple[str, ...] = tuple(LABELS) + tuple(l + s for l, s in _SOFT_SUFFIX.items())
