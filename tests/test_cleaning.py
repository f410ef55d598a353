import pytest

from vacancy_ie.cleaning import clean


@pytest.mark.parametrize("raw,expected", [
    ("<p>Grade: <strong>P-3</strong></p>", "\nGrade: P-3\n"),
    ("English&nbsp;and&amp;French", "English and&French"),
    ("a<br/>b", "a\nb"),
    ("<script>var x = 1;</script>kept", "kept"),
    ("Caf\u00c3\u00a9 staff", "Café staff"),
    ("line one\r\nline two\rthree", "line one\nline two\nthree"),
    ("zero\u200bwidth\xa0space\xadsoft", "zerowidth spacesoft"),
    ("5 < 6 and x > 2", "5 < 6 and x > 2"),
])
def test_cleaning_produces_plain_text(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize("raw", [
    "<div>Deadline:&nbsp;<b>20 November 2024</b></div>",
    "Caf\u00c3\u00a9 and English\r\nrequired",
    "plain text only",
    "",
])
def test_cleaning_maps_every_char_back_to_raw(raw):
    cleaned = clean(raw)
    assert len(cleaned.raw_starts) == len(cleaned.raw_ends) == len(cleaned.text)
    for i, ch in enumerate(cleaned.text):
        start, end = cleaned.to_raw(i, i + 1)
        assert 0 <= start < end <= len(raw)
        if end - start == 1 and raw[start] not in "\xa0\r":
            assert raw[start] == ch


def test_cleaning_round_trips_word_spans():
    raw = "<p>Fluency in <strong>English</strong>&nbsp;is required</p>"
    cleaned = clean(raw)
    i = cleaned.text.index("English")
    start, end = cleaned.to_raw(i, i + len("English"))
    assert raw[start:end] == "English"
    assert cleaned.from_raw(start, end) == (i, i + len("English"))


def test_cleaning_from_raw_of_removed_markup_is_none():
    raw = "<strong>x</strong>"
    assert clean(raw).from_raw(0, 8) is None


@pytest.mark.parametrize("raw", [
    "<p>a&nbsp;b</p>", "T he\u00e2\u20ac\u00afKvinna", "Caf\u00c3\u00a9\r\nx",
])
def test_cleaning_is_idempotent_on_its_own_output(raw):
    once = clean(raw).text
    assert clean(once).text == once
