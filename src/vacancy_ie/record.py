"""The normalised record: what a reader of a notice wants, built from the spans a pipeline
found. This is the stable contract of `doc._.vacancy` and of the CLI's output: fields may be
added, never renamed.

Each item carries the cleaned text of its span, `start`/`end` offsets into the original input
and the model's confidence. A value (a language, a level, a number of years, a skill) appears
once: repeats are merged and the most confident mention is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Hashable, Iterable

from .cleaning import CleanText
from .labels import LABELS
from .normalizers import (
    education_level,
    infer_date_order,
    min_years,
    normalize_grade,
    normalize_language,
    parse_date,
)

RECORD_FIELDS = ("grade", "deadline", "posted", "languages", "education", "experience", "skills")


@dataclass(frozen=True)
class Prediction:
    """A span found in the cleaned text: its scheme label, requirement flag and confidence."""

    start: int
    end: int
    label: str
    required: bool
    score: float


def empty_record(source: str, error: str | None = None) -> dict[str, Any]:
    return {"source": source, "error": error, "grade": None, "deadline": None, "posted": None,
            "languages": [], "education": [], "experience": [], "skills": []}


def _item(pred: Prediction, cleaned: CleanText, **values: Any) -> dict[str, Any]:
    start, end = cleaned.to_raw(pred.start, pred.end)
    return {**values, "text": cleaned.text[pred.start:pred.end], "start": start, "end": end,
            "score": round(float(pred.score), 4)}


def _strongest(items: Iterable[tuple[Hashable, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One item per key, the most confident, in order of the key's first mention."""
    best: dict[Hashable, dict[str, Any]] = {}
    first: dict[Hashable, int] = {}
    for key, item in items:
        first[key] = min(first.get(key, item["start"]), item["start"])
        if key not in best or item["score"] > best[key]["score"]:
            best[key] = item
    return [best[key] for key in sorted(best, key=first.__getitem__)]


def _best(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    return max(items, key=lambda i: (i["score"], -i["start"])) if items else None


def build_record(predictions: Iterable[Prediction], cleaned: CleanText, source: str,
                 reference: date | None = None, today: Callable[[], date] = date.today) -> dict[str, Any]:
    """Normalise the predicted spans of one notice into its record.

    Year-less dates resolve against `reference`, else the notice's own posting date, else
    today. Day/month order follows the notice's own unambiguous dates.
    """
    by_label: dict[str, list[Prediction]] = {label: [] for label in LABELS}
    for pred in predictions:
        by_label[pred.label].append(pred)
    text = cleaned.text
    record = empty_record(source)
    order = infer_date_order(text)

    posted = []
    for pred in by_label["POSTED"]:
        parsed = parse_date(text[pred.start:pred.end], reference, order)
        if parsed is not None:
            posted.append(_item(pred, cleaned, date=parsed.date.isoformat()))
    record["posted"] = _best(posted)
    anchor = reference or (date.fromisoformat(record["posted"]["date"]) if record["posted"] else today())

    deadlines = []
    for pred in by_label["DEADLINE"]:
        parsed = parse_date(text[pred.start:pred.end], anchor, order)
        if parsed is not None:
            deadlines.append(_item(pred, cleaned, date=parsed.date.isoformat(), time=parsed.time,
                                   timezone=parsed.timezone))
    record["deadline"] = _best(deadlines)

    grades = []
    for pred in by_label["GRADE"]:
        code = normalize_grade(text[pred.start:pred.end])
        if code is not None:
            grades.append(_item(pred, cleaned, code=code))
    record["grade"] = _best(grades)

    languages = []
    for pred in by_label["LANGUAGE"]:
        language = normalize_language(text[pred.start:pred.end])
        if language is not None:
            requirement = "required" if pred.required else "desirable"
            languages.append((language.code, _item(pred, cleaned, code=language.code, name=language.name,
                                                   requirement=requirement)))
    record["languages"] = _strongest(languages)

    education = []
    for pred in by_label["EDUCATION"]:
        level = education_level(text[pred.start:pred.end])
        if level is not None:
            education.append((level, _item(pred, cleaned, level=level, required=pred.required)))
    record["education"] = _strongest(education)

    experience = []
    for pred in by_label["EXPERIENCE"]:
        years = min_years(text[pred.start:pred.end])
        experience.append((years, _item(pred, cleaned, years=years, required=pred.required)))
    record["experience"] = _strongest(experience)

    skills = []
    for pred in by_label["SKILL"]:
        key = " ".join(text[pred.start:pred.end].lower().split())
        skills.append((key, _item(pred, cleaned, required=pred.required)))
    record["skills"] = _strongest(skills)
    return record


def record_values(record: dict[str, Any]) -> dict[str, set[Hashable]]:
    """The normalised values of a record, per scheme label, as `scoring.span_value` forms them."""
    one = lambda item, *keys: {tuple(item[k] for k in keys)} if item else set()  # noqa: E731
    return {
        "GRADE": one(record["grade"], "code"),
        "DEADLINE": one(record["deadline"], "date"),
        "POSTED": one(record["posted"], "date"),
        "LANGUAGE": {(i["code"], i["requirement"]) for i in record["languages"]},
        "EDUCATION": {(i["level"], i["required"]) for i in record["education"]},
        "EXPERIENCE": {(i["years"], i["required"]) for i in record["experience"]},
        "SKILL": {(" ".join(i["text"].lower().split()),) for i in record["skills"]},
    }


def rule_predictions(text: str) -> list[Prediction]:
    """The rule-based extractor's spans as predictions, with no confidence of their own yet
    (dates are resolved by `build_record`, against the record's reference date)."""
    from .rules import extract_shared

    out = []
    for f in extract_shared(text):
        required = f.attrs.get("requirement", "required") == "required" and f.attrs.get("required", True)
        out.append(Prediction(f.start, f.end, f.label, bool(required), 0.0))
    return out


def with_rules(model: list[Prediction], rules: list[Prediction], rule_labels: Iterable[str],
               rule_only_score: float) -> list[Prediction]:
    """For the labels where rules are measured to be better, the rules' spans replace the
    model's. Each keeps the model's confidence where the model found an overlapping span of
    the same label, else `rule_only_score` (the rules' vote alone, not a model probability)."""
    rule_labels = set(rule_labels)
    out = [p for p in model if p.label not in rule_labels]
    for r in rules:
        if r.label not in rule_labels:
            continue
        agreeing = [p.score for p in model if p.label == r.label and p.start < r.end and r.start < p.end]
        out.append(Prediction(r.start, r.end, r.label, r.required, max(agreeing, default=rule_only_score)))
    return out
