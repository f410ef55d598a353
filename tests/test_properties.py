"""Property-based checks over random text and random HTML: whatever the input, extraction
gives one valid record whose offsets lie inside the input and point at the item's text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vacancy_ie.batch.extraction import record_for
from vacancy_ie.batch.inputs import InputDoc
from vacancy_ie.pipeline.record import empty_record
from vacancy_ie.text.cleaning import clean

FRAGMENTS = (
    "Grade: P-3", "Closing date: 15 November 2024", "Posted on 3 Nov 2024", "Deadline: 12 March",
    "Fluency in English is required", "knowledge of French is an asset",
    "Master's degree in economics or a related field", "At least five years of experience",
    "2 years' experience driving", "Bachelor's degree required", "case management",
    "Ã©tÃ© â€™", "\u00a0", "&amp;", "&nbsp;", "&#233;", "<", ">", "\r\n", "\t",
)
TAGS = ("p", "div", "b", "span", "li", "br", "script", "style", "title", "nav", "td")

notice_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=15).map(
    lambda parts: "\n".join(parts))


@st.composite
def html_text(draw) -> str:
    parts = []
    for fragment in draw(st.lists(st.sampled_from(FRAGMENTS), max_size=12)):
        tag = draw(st.sampled_from(TAGS))
        closed = draw(st.booleans())
        parts.append(f"<{tag} class=\"x\">{fragment}" + (f"</{tag}>" if closed else ""))
    return draw(st.sampled_from(("", "<!DOCTYPE html><html><head><title>t</title></head><body>"))) + "".join(parts)


def items_of(record: dict) -> list[dict]:
    out = []
    for field in ("grade", "deadline", "posted"):
        if record[field] is not None:
            out.append(record[field])
    for field in ("languages", "education", "experience", "skills"):
        out.extend(record[field])
    return out


def check_record(raw: str, record: dict) -> None:
    assert set(empty_record("x")) <= set(record)
    assert record["error"] is None or isinstance(record["error"], str)
    cleaned = clean(raw)
    for item in items_of(record):
        assert 0 <= item["start"] <= item["end"] <= len(raw)
        mapped = cleaned.from_raw(item["start"], item["end"])
        assert mapped is not None
        assert cleaned.text[mapped[0]:mapped[1]] == item["text"]
        assert 0.0 <= item["score"] <= 1.0


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(raw=notice_text)
def test_properties_random_text_gives_valid_record_with_exact_offsets(rules_nlp, raw):
    record = record_for(rules_nlp, InputDoc("t", raw))
    assert record["error"] is None
    check_record(raw, record)


@SETTINGS
@given(raw=html_text())
def test_properties_random_html_gives_valid_record_with_exact_offsets(rules_nlp, raw):
    record = record_for(rules_nlp, InputDoc("t", raw))
    assert record["error"] is None
    check_record(raw, record)
    assert "<" + "script" not in clean(raw).text.lower()
