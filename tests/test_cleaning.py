import html

import ftfy
import pytest

from vacancy_ie.text.cleaning import _CHAR_MAP, _TRANSLATION, _common_affixes, clean

MOJIBAKE_E = "\u00c3\u00a9"  # "é" encoded as UTF-8 and decoded as Windows-1252


def source_of(span: str) -> str:
    """What a raw span may turn into: a tag a newline, an entity its character, a character
    itself or its normalisation, a mis-decoded character or run its repair."""
    if span.startswith("<") and span.endswith(">"):
        return "\n"
    if span.startswith("&") and span.endswith(";"):
        decoded = html.unescape(span)
        return _CHAR_MAP.get(decoded, decoded)
    repaired = ftfy.fix_encoding(span).translate(_TRANSLATION)
    return span + _CHAR_MAP.get(span, " ") + repaired if len(span) == 1 else repaired


def assert_exact_map(raw: str) -> None:
    cleaned = clean(raw)
    assert len(cleaned.raw_starts) == len(cleaned.raw_ends) == len(cleaned.text)
    for i, ch in enumerate(cleaned.text):
        start, end = cleaned.raw_starts[i], cleaned.raw_ends[i]
        assert 0 <= start < end <= len(raw)
        assert ch in source_of(raw[start:end]), (i, ch, raw[start:end])
        back_start, back_end = cleaned.from_raw(start, end)
        assert back_start <= i < back_end


@pytest.mark.parametrize("raw,expected", [
    ("<p>Grade: <strong>P-3</strong></p>", "\nGrade: P-3\n"),
    ("English&nbsp;and&amp;French", "English and&French"),
    ("a<br/>b", "a\nb"),
    ("line one\r\nline two\rthree", "line one\nline two\nthree"),
    ("zero\u200bwidth\xa0space\xadsoft", "zerowidth spacesoft"),
    ("tab\there\x07bell", "tab here bell"),
])
def test_clean_produces_plain_text(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize("raw,expected", [
    ("<!DOCTYPE html><p>Job</p>", "\nJob\n"),
    ("<html><body>Job</body></html>", "Job"),
    ('<meta charset="utf-8"><p>Job</p>', "\nJob\n"),
    ("<nav>Menu</nav><main>Job</main>", "\nMenu\n\nJob\n"),
    ("<p>Job <button>Apply</button></p>", "\nJob Apply\n"),
    ("<p>Job</p><o:p>x</o:p><my-widget data-x='1'>y</my-widget>", "\nJob\nxy"),
    ("<P CLASS='a'>Job</P>", "\nJob\n"),
])
def test_clean_removes_every_tag(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize("element", [
    "script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object",
])
def test_clean_drops_content_of_non_text_elements(element):
    raw = f"<p>Before</p><{element} id='x'><b>hidden</b> text</{element}><p>After</p>"
    assert clean(raw).text == "\nBefore\n\nAfter\n"


def test_clean_drops_head_with_its_title_and_meta():
    raw = ("<!DOCTYPE html><html><head><title>Vacancy</title><meta name='a' content='b'>"
           "<style>p { color: red }</style></head><body><p>Driver</p></body></html>")
    assert clean(raw).text == "\nDriver\n"


def test_clean_ends_an_unclosed_head_at_body():
    assert clean("<head><title>Vacancy</title><body><p>Driver</p>").text == "\nDriver\n"


def test_clean_drops_nested_non_text_elements_up_to_the_outer_end():
    raw = "<p>a</p><svg><title>icon</title><svg><path/></svg>still icon</svg><p>b</p>"
    assert clean(raw).text == "\na\n\nb\n"


def test_clean_keeps_markup_like_text_inside_script_out():
    raw = "<p>Job</p><script>if (a < b) document.write('<p>x</p>');</script><p>End</p>"
    assert clean(raw).text == "\nJob\n\nEnd\n"


def test_clean_drops_an_unclosed_script_to_the_end():
    raw = "<p>Job</p><script>var s = '<script>' + '<p>';\nmore()"
    assert clean(raw).text == "\nJob\n"


@pytest.mark.parametrize("raw", [
    "<p>Job</p><!-- a comment --><p>End</p>",
    "<p>Job</p><?php echo 1 ?><p>End</p>",
    "<p>Job</p><![CDATA[ data ]]><p>End</p>",
    "<p>Job</p><!foo><p>End</p>",
])
def test_clean_drops_comments_declarations_and_instructions(raw):
    assert clean(raw).text == "\nJob\n\nEnd\n"


def test_clean_drops_markup_left_open_at_the_end():
    assert clean("<p>Job</p><!-- never closed <p>x</p>").text == "\nJob\n"


@pytest.mark.parametrize("raw,expected", [
    ("<p>caf&eacute; &#233;t&#xE9; &lt;b&gt;</p>", "\ncafé été <b>\n"),
    ("<p>A&nbsp;B&#8239;C</p>", "\nA B C\n"),
    ("<p>AT&T &E; &copy 2024</p>", "\nAT&T &E; &copy 2024\n"),
    ("Fish &amp; chips &#8211; plain", "Fish & chips – plain"),
])
def test_clean_decodes_entities(raw, expected):
    assert clean(raw).text == expected


def test_clean_keeps_finding_tags_after_a_bad_character_reference():
    assert clean("<p>R&#D</p><b>x</b> &#; <i>y</i><p>z</p>").text == "\nR&#D\nx &#; y\nz\n"


@pytest.mark.parametrize("raw", [
    "salary < 5000 and > 2000",
    "Grade <P-3> or <P-4>",
    "<5 years of experience; see < https://example.org >",
    "x<y and y>z, a <b or c",
    "Tom & Jerry &c.",
])
def test_clean_leaves_plain_text_with_angle_brackets_alone(raw):
    assert clean(raw).text == raw


@pytest.mark.parametrize("raw,expected", [
    (f"Caf{MOJIBAKE_E} staff", "Café staff"),
    ("sÃ³lo", "sólo"),
    ("The\u00e2\u20ac\u00afoffice", "The office"),  # mis-decoded narrow no-break space
    (f"Genève and Caf{MOJIBAKE_E}", "Genève and Café"),
])
def test_clean_repairs_mojibake(raw, expected):
    assert clean(raw).text == expected


def test_clean_maps_a_repaired_run_to_its_raw_span_and_the_rest_one_to_one():
    raw = f"<p>Staff at the Caf{MOJIBAKE_E} in Genève</p>"
    cleaned = clean(raw)
    i = cleaned.text.index("é")
    assert raw[cleaned.raw_starts[i]:cleaned.raw_ends[i]] == MOJIBAKE_E
    for j, ch in enumerate(cleaned.text):
        if j != i and ch != "\n":
            assert cleaned.raw_ends[j] - cleaned.raw_starts[j] == 1
            assert raw[cleaned.raw_starts[j]] == ch


def test_clean_repairs_one_run_in_a_long_line_and_keeps_the_rest():
    half = "staff member in Geneva " * 500
    cleaned = clean(f"{half}Caf{MOJIBAKE_E} {half}")
    assert cleaned.text == f"{half}Café {half}"
    assert cleaned.raw_starts[: len(half)] == tuple(range(len(half)))
    assert cleaned.raw_ends[-len(half):] == tuple(range(len(cleaned.raw) - len(half) + 1,
                                                        len(cleaned.raw) + 1))


@pytest.mark.parametrize("raw", [
    "<div>Deadline:&nbsp;<b>20 November 2024</b></div>",
    "<!DOCTYPE html><html><head><title>T</title></head><body><nav>a</nav><p>b &amp; c</p></body>",
    f"<p>Caf{MOJIBAKE_E}</p><script>x<y</script>and\r\nEnglish\tr&eacute;quis",
    "The\u00e2\u20ac\u00afoffice, sÃ³lo",
    "Grade <P-3>, salary < 5000 &amp; more",
    "plain text only",
    "",
])
def test_clean_maps_every_char_to_its_raw_source(raw):
    assert_exact_map(raw)


def test_clean_maps_word_spans_both_ways():
    raw = "<p>Fluency in <strong>English</strong>&nbsp;is required</p>"
    cleaned = clean(raw)
    i = cleaned.text.index("English")
    start, end = cleaned.to_raw(i, i + len("English"))
    assert raw[start:end] == "English"
    assert cleaned.from_raw(start, end) == (i, i + len("English"))


def test_clean_from_raw_of_removed_markup_is_none():
    raw = "<strong>x</strong><script>y</script>"
    assert clean(raw).from_raw(0, 8) is None
    assert clean(raw).from_raw(19, 35) is None


def test_clean_gives_a_pure_insertion_the_character_after_it():
    assert _common_affixes("ab", "axb") == (1, 0)
    assert _common_affixes("ab", "abx") == (1, 0)


@pytest.mark.parametrize("raw", [
    "<p>a&nbsp;b</p>", "T he\u00e2\u20ac\u00afKvinna", f"Caf{MOJIBAKE_E}\r\nx",
    "<html><head><title>T</title></head><body><p>Job</p></body></html>",
])
def test_clean_is_idempotent_on_its_own_output(raw):
    once = clean(raw).text
    assert clean(once).text == once
