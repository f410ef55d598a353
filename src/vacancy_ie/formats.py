"""Output formats of the record: JSON as is, or schema.org JobPosting (JSON-LD) for job boards."""

from __future__ import annotations

from typing import Any

SCHEMA_CONTEXT = "https://schema.org"
# schema.org's credentialCategory values for EducationalOccupationalCredential
CREDENTIAL = {"secondary": "high school", "technical": "professional certificate",
              "bachelor": "bachelor degree", "master": "postgraduate degree",
              "doctorate": "postgraduate degree"}


def to_jsonld(record: dict[str, Any]) -> dict[str, Any]:
    """A schema.org JobPosting with our grade and languages as extra properties."""
    posting: dict[str, Any] = {"@context": SCHEMA_CONTEXT, "@type": "JobPosting",
                               "url": record["source"]}
    if record.get("error"):
        posting["error"] = record["error"]
    if record.get("deadline"):
        d = record["deadline"]
        posting["validThrough"] = d["date"] + (f"T{d['time']}" if d.get("time") else "")
    if record.get("posted"):
        posting["datePosted"] = record["posted"]["date"]
    if record.get("education"):
        posting["educationRequirements"] = [
            {"@type": "EducationalOccupationalCredential", "credentialCategory": CREDENTIAL[e["level"]],
             "educationalLevel": e["level"], "description": e["text"],
             **({} if e["required"] else {"additionalProperty": "preferred"})}
            for e in record["education"]]
    if record.get("experience"):
        posting["experienceRequirements"] = [
            {"@type": "OccupationalExperienceRequirements", "description": e["text"],
             **({"monthsOfExperience": e["years"] * 12} if e["years"] is not None else {})}
            for e in record["experience"]]
    if record.get("skills"):
        posting["skills"] = [s["text"] for s in record["skills"]]
    if record.get("grade"):
        posting["grade"] = record["grade"]["code"]
    if record.get("languages"):
        posting["languages"] = [{"@type": "Language", "name": l["name"], "alternateName": l["code"],
                                 "requirement": l["requirement"]} for l in record["languages"]]
    return posting
