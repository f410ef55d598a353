"""Output formats of the record: JSON as is, or schema.org JobPosting (JSON-LD) for job boards.

`to_jsonld(record)` maps a record onto schema.org terms where schema.org has one, and puts
everything else under our own namespace, declared in every document's `@context`:

    "@context": ["https://schema.org", {"vie": "https://w3id.org/vacancy-ie/terms#"}]

`VIE` (https://w3id.org/vacancy-ie/terms#) is this project's term namespace. It is a name,
stable across releases like the record's fields (terms are added, never renamed); nothing
fetches it and no output depends on it resolving. No bare term outside schema.org is ever
emitted: a JSON-LD processor would silently drop it.

A posting (`@type` JobPosting):

- From the board's metadata (`record["meta"]`, the JSON Lines fields beside "text"), when
  present: `title`; `org` as `hiringOrganization` (an Organization with a name); `location`
  and `country` as `jobLocation` (a Place named by the board's location text, with a
  PostalAddress carrying `addressCountry`); `record["id"]` as `identifier`; `link` as `url`,
  only when it is an absolute http(s) URL; `posting_date` as `datePosted`.
- `url` is never the input's own source (a local file path, or `file.jsonl:3`); that is
  `vie:source`. A source that is itself an http(s) URL is used when the board gives no link.
- `datePosted`: the board's posting date, which is structured data, else the posted date
  found in the notice.
- `validThrough`: the deadline's date and time with its UTC offset when the stated zone maps
  to a fixed offset ("GMT+4" -> +04:00, "UTC" -> +00:00, "CET" -> +01:00, "CEST" -> +02:00,
  "Central European Time" -> +01:00). Abbreviations are taken literally (a "CET" deadline in
  July is +01:00) and ambiguous ones (IST, AST, CST, BST, GST, MST, AMT, BDT, ALMT) are not
  guessed. A place ("Abu Dhabi"), "local time", a time with no zone, or no time at all gives
  the date alone; `vie:deadline` then says why in `vie:dateOnlyReason`, and keeps the stated
  `vie:time` and `vie:timezone` either way.
- `educationRequirements`: REQUIRED education only, as EducationalOccupationalCredential with
  schema.org's `credentialCategory`. Desirable education is `vie:preferredEducation` (same
  node shape): schema.org defines educationRequirements, and `qualifications` too, as what
  is required. Experience is split the same way: `experienceRequirements`
  (OccupationalExperienceRequirements with `monthsOfExperience`) for required experience,
  `vie:preferredExperience` for desirable.
- `experienceInPlaceOfEducation`: true only when a required education mention itself says
  "... or equivalent (...) experience"; otherwise left out (never false: the record cannot
  tell that experience would not be accepted).
- `skills`: the text of every skill, required or not (schema.org: "desired or required").
  `vie:skill` repeats each with its `vie:required` flag and provenance.
- `qualifications` is not emitted: the record has nothing that is a required qualification
  beyond education, experience and skills, each of which has its own property.

Our own terms: `vie:source`, `vie:grade` (`vie:code`), `vie:deadline` (`vie:date`, `vie:time`,
`vie:timezone`, `vie:utcOffset`, `vie:dateOnlyReason`), `vie:posted` (`vie:date`),
`vie:language` (schema.org Language nodes with `vie:requirement` "required" or "desirable"),
`vie:preferredEducation`, `vie:preferredExperience`, `vie:skill`, `vie:required`, and on
every extracted item its provenance: `vie:text`, `vie:start`, `vie:end` (offsets into the
original input) and `vie:score`.

An error record (`record["error"]` set: unreadable input, failed processing) is not a job
posting and is never emitted as one: it becomes a `vie:ExtractionError` with `vie:source`,
`vie:error` and, when the input had one, `vie:identifier`, in the same array as the postings
so that every input is accounted for. Consumers that want postings select on `@type`.

Board metadata other than the fields above is not carried into JSON-LD; `--format json`
keeps all of it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

SCHEMA_CONTEXT = "https://schema.org"
VIE = "https://w3id.org/vacancy-ie/terms#"
CONTEXT: list[Any] = [SCHEMA_CONTEXT, {"vie": VIE}]

# schema.org's credentialCategory values for EducationalOccupationalCredential
CREDENTIAL = {"secondary": "high school", "technical": "professional certificate",
              "bachelor": "bachelor degree", "master": "postgraduate degree",
              "doctorate": "postgraduate degree"}

# Zone abbreviations with one fixed offset. Left out as ambiguous: IST (India, Ireland,
# Israel), AST (Atlantic, Arabia), CST (US Central, China, Cuba), BST (British, Bangladesh),
# GST (Gulf, South Georgia), MST (US Mountain, Malaysia), AMT (Armenia, Amazon), BDT,
# ALMT (Kazakhstan moved from +06:00 to +05:00 in 2024).
_ABBREVIATION_OFFSETS = {
    "UTC": "+00:00", "GMT": "+00:00", "WET": "+00:00", "WEST": "+01:00",
    "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
    "WAT": "+01:00", "CAT": "+02:00", "SAST": "+02:00", "EAT": "+03:00", "MSK": "+03:00",
    "TRT": "+03:00", "IRST": "+03:30", "AZT": "+04:00", "GET": "+04:00", "AFT": "+04:30",
    "PKT": "+05:00", "UZT": "+05:00", "NPT": "+05:45", "MMT": "+06:30", "ICT": "+07:00",
    "WIB": "+07:00", "PHT": "+08:00", "HKT": "+08:00", "SGT": "+08:00", "MYT": "+08:00",
    "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
    "NZST": "+12:00", "NZDT": "+13:00", "ADT": "-03:00", "EDT": "-04:00", "EST": "-05:00",
    "CDT": "-05:00", "MDT": "-06:00", "PDT": "-07:00", "PST": "-08:00",
}
_NAME_OFFSETS = {
    "coordinated universal time": "+00:00", "universal time": "+00:00",
    "greenwich mean time": "+00:00", "western european time": "+00:00",
    "western european summer time": "+01:00", "central european time": "+01:00",
    "central european standard time": "+01:00", "central european summer time": "+02:00",
    "eastern european time": "+02:00", "eastern european standard time": "+02:00",
    "eastern european summer time": "+03:00", "west africa time": "+01:00",
    "central africa time": "+02:00", "south africa standard time": "+02:00",
    "east africa time": "+03:00", "eastern africa time": "+03:00",
    "arabia standard time": "+03:00", "arabian standard time": "+03:00",
    "gulf standard time": "+04:00", "indochina time": "+07:00",
}
_GMT_OFFSET = re.compile(r"(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_EQUIVALENT_EXPERIENCE = re.compile(
    r"\bor\s+(?:an?\s+)?equivalent\s+(?:[\w-]+\s+){0,4}?experience\b", re.IGNORECASE)


def utc_offset(zone: str | None) -> str | None:
    """The fixed UTC offset ("+04:00") a stated zone names, or None (a place, "local time",
    an ambiguous abbreviation, an unknown name)."""
    if not zone:
        return None
    stated = " ".join(zone.replace("−", "-").split())
    match = _GMT_OFFSET.fullmatch(stated.replace(" ", ""))
    if match:
        hours, minutes = int(match[2]), int(match[3] or 0)
        if hours > 14 or minutes > 59:
            return None
        sign = "+" if hours == minutes == 0 else match[1]
        return f"{sign}{hours:02d}:{minutes:02d}"
    return _ABBREVIATION_OFFSETS.get(stated.upper()) or _NAME_OFFSETS.get(stated.lower())


def web_url(value: Any) -> str | None:
    """`value` when it is an absolute http(s) URL, else None (a file path, `file:`, text)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _board_date(value: Any) -> str | None:
    """The board's posting date as an ISO date or date-time, or None if it is not one."""
    value = _text(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _context() -> list[Any]:
    """A fresh copy of CONTEXT for each document, so no two outputs share one."""
    return [SCHEMA_CONTEXT, {"vie": VIE}]


def _provenance(item: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key in ("text", "start", "end", "score"):
        if item.get(key) is not None:
            out[f"vie:{key}"] = item[key]
    return out


def _deadline(deadline: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """validThrough, and the vie:deadline node that says what it is made of."""
    day, time, zone = deadline["date"], deadline.get("time"), deadline.get("timezone")
    node: dict[str, Any] = {"vie:date": day}
    if time:
        node["vie:time"] = time
    if zone:
        node["vie:timezone"] = zone
    offset = utc_offset(zone)
    if offset:
        node["vie:utcOffset"] = offset
    if time and offset and _TIME.fullmatch(time):
        valid_through = f"{day}T{time}:00{offset}"
    else:
        valid_through = day
        node["vie:dateOnlyReason"] = (
            "no time stated" if not time else
            "no timezone stated" if not zone else
            "time not in HH:MM form" if offset else
            "timezone not mappable to a UTC offset")
    node.update(_provenance(deadline))
    return valid_through, node


def _requirement(kind: str, item: dict[str, Any], **values: Any) -> dict[str, Any]:
    """A requirement node: its type and values, the span's text, the flag and provenance."""
    node: dict[str, Any] = {"@type": kind, **values}
    if item.get("text"):
        node["description"] = item["text"]
    node["vie:required"] = bool(item.get("required"))
    node.update(_provenance(item))
    return node


def _credential(item: dict[str, Any]) -> dict[str, Any]:
    level = item.get("level")
    values = {"credentialCategory": CREDENTIAL[level], "educationalLevel": level} if level in CREDENTIAL else {}
    return _requirement("EducationalOccupationalCredential", item, **values)


def _experience(item: dict[str, Any]) -> dict[str, Any]:
    years = item.get("years")
    return _requirement("OccupationalExperienceRequirements", item,
                        **({"monthsOfExperience": years * 12} if years is not None else {}))


def _language(item: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Language"}
    if item.get("name"):
        node["name"] = item["name"]
    if item.get("code"):
        node["alternateName"] = item["code"]  # BCP 47, as schema.org suggests for languages
    if item.get("requirement"):
        node["vie:requirement"] = item["requirement"]
    node.update(_provenance(item))
    return node


def _error(record: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"@context": _context(), "@type": "vie:ExtractionError"}
    if record.get("source"):
        out["vie:source"] = record["source"]
    out["vie:error"] = str(record["error"])
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    identifier = _text(record.get("id")) or _text(meta.get("id"))
    if identifier:
        out["vie:identifier"] = identifier
    return out


def _board(posting: dict[str, Any], record: dict[str, Any]) -> None:
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    identifier = _text(record.get("id")) or _text(meta.get("id"))
    if identifier:
        posting["identifier"] = identifier
    if title := _text(meta.get("title")):
        posting["title"] = title
    if org := _text(meta.get("org")):
        posting["hiringOrganization"] = {"@type": "Organization", "name": org}
    location, country = _text(meta.get("location")), _text(meta.get("country"))
    if location or country:
        place: dict[str, Any] = {"@type": "Place"}
        if location:
            place["name"] = location
        if country:
            place["address"] = {"@type": "PostalAddress", "addressCountry": country}
        posting["jobLocation"] = place
    url = web_url(meta.get("link")) or web_url(record.get("source"))
    if url:
        posting["url"] = url


def to_jsonld(record: dict[str, Any]) -> dict[str, Any]:
    """The record as a schema.org JobPosting, or as a vie:ExtractionError if it failed."""
    if record.get("error"):
        return _error(record)
    posting: dict[str, Any] = {"@context": _context(), "@type": "JobPosting"}
    if record.get("source"):
        posting["vie:source"] = record["source"]
    _board(posting, record)

    posted = record.get("posted")
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    board_posted = _board_date(meta.get("posting_date"))
    if board_posted or posted:
        posting["datePosted"] = board_posted or posted["date"]
    if posted:
        posting["vie:posted"] = {"vie:date": posted["date"], **_provenance(posted)}

    if record.get("deadline"):
        posting["validThrough"], posting["vie:deadline"] = _deadline(record["deadline"])

    education = record.get("education") or []
    for field, node, required_term, preferred_term in (
            ("education", _credential, "educationRequirements", "vie:preferredEducation"),
            ("experience", _experience, "experienceRequirements", "vie:preferredExperience")):
        items = record.get(field) or []
        for term, wanted in ((required_term, True), (preferred_term, False)):
            nodes = [node(item) for item in items if bool(item.get("required")) is wanted]
            if nodes:
                posting[term] = nodes
    if any(e.get("required") and _EQUIVALENT_EXPERIENCE.search(e.get("text") or "") for e in education):
        posting["experienceInPlaceOfEducation"] = True

    skills = record.get("skills") or []
    if skills:
        posting["skills"] = [s["text"] for s in skills]
        posting["vie:skill"] = [{"vie:required": bool(s.get("required")), **_provenance(s)}
                                for s in skills]
    if record.get("grade"):
        posting["vie:grade"] = {"vie:code": record["grade"]["code"], **_provenance(record["grade"])}
    if record.get("languages"):
        posting["vie:language"] = [_language(lang) for lang in record["languages"]]
    return posting
