import pytest

from vacancy_ie.corpus.author import AuthoringError, author_document, place_quote

TEXT = "Fluency in English is required. English or French. Bachelor’s degree. P-3 and P-3."
P3_FIRST = TEXT.index("P-3")
P3_SECOND = TEXT.index("P-3", P3_FIRST + 1)


def test_author_places_unique_quote():
    assert place_quote(TEXT, {"quote": "Bachelor's degree"}) == [(51, 68)]


def test_author_matches_whitespace_loosely():
    assert place_quote("a  big\n  deal", {"quote": "big deal"}) == [(3, 13)]


def test_author_refuses_ambiguous_quote():
    with pytest.raises(AuthoringError, match="occurs 2 times"):
        place_quote(TEXT, {"quote": "P-3"})


@pytest.mark.parametrize("item,expected", [
    ({"quote": "P-3", "occurrence": 2}, [(P3_SECOND, P3_SECOND + 3)]),
    ({"quote": "P-3", "occurrence": "all"}, [(P3_FIRST, P3_FIRST + 3), (P3_SECOND, P3_SECOND + 3)]),
    ({"quote": "English", "context": "English or French"}, [(32, 39)]),
])
def test_author_resolves_repeats(item, expected):
    assert place_quote(TEXT, item) == expected


@pytest.mark.parametrize("item,message", [
    ({"quote": "German"}, "not found"),
    ({"quote": "P-3", "occurrence": 3}, "occurrence 3 of 2"),
    ({"quote": "English", "context": "English"}, "context"),
    ({"quote": "  "}, "empty quote"),
])
def test_author_refuses_bad_quotes(item, message):
    with pytest.raises(AuthoringError, match=message):
        place_quote(TEXT, item)


def test_author_document_writes_raw_offsets(volume):
    item = {"id": "101", "annotator": "x", "spans": [
        {"quote": "P-3", "label": "GRADE", "attrs": {"code": "P-3"}},
        {"quote": "English", "label": "LANGUAGE", "occurrence": 3}]}
    authored = author_document(item, volume)
    text = volume.get("101").text
    assert len(authored.record.spans) == 1
    span = authored.record.spans[0]
    assert text[span.start:span.end] == "P-3"
    assert authored.errors and "occurrence 3 of 2" in authored.errors[0]
    assert authored.record.sha256 == volume.get("101").sha256
