import pytest

from vacancy_ie.inputs import MAX_BYTES, decode, expand_paths, guess_language, read_inputs

ENGLISH = ("The officer will support the team and the partners in the design of the programme. "
           "Applicants are required to have a degree in law or a related field, and will be "
           "assessed in an interview with the panel for the position.")
FRENCH = ("Le candidat sera responsable de la mise en oeuvre des activités du projet dans la région "
          "et de la coordination avec les partenaires pour les rapports du programme sur le terrain.")


@pytest.mark.parametrize("data,error", [
    (b"", "empty input"),
    (b"   \n\t", "empty input"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"caf\xe9 latin-1 text", "not UTF-8"),
    (FRENCH.encode(), "not English"),
    (b"x" * (MAX_BYTES + 1), "too large"),
])
def test_inputs_reject_bad_input_with_clear_error(data, error):
    item = decode(data, "f.txt")
    assert item.text is None and error in item.error


@pytest.mark.parametrize("data", [ENGLISH.encode(), "\ufeffGrade P-3".encode("utf-8"), b"<p>P-3</p>"])
def test_inputs_accept_english_and_short_text(data):
    item = decode(data, "f.txt")
    assert item.error is None and item.text


def test_inputs_guess_language():
    assert guess_language(ENGLISH) == "en" and guess_language(FRENCH) == "fr"
    assert guess_language("P-3") is None


def test_inputs_expand_folders_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.html", "1.txt", "b/skip.pdf", "3.htm"):
        (tmp_path / name).write_text(ENGLISH)
    found = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([str(tmp_path)])]
    assert found == ["1.txt", "3.htm", "b/2.html"]


def test_inputs_missing_file_yields_error_not_exception(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert len(items) == 1 and "cannot read" in items[0].error
