import io
import json
import os
import socket
import sys
import threading

import pytest

from vacancy_ie.batch import inputs
from vacancy_ie.batch.inputs import MAX_BYTES, InputDoc, decode, expand_paths, guess_language, read_inputs

ENGLISH = ("The officer will support the team and the partners in the design of the programme. "
           "Applicants are required to have a degree in law or a related field, and will be "
           "assessed in an interview with the panel for the position.")
FRENCH = ("Le candidat sera responsable de la mise en oeuvre des activités du projet dans la région "
          "et de la coordination avec les partenaires pour les rapports du programme sur le terrain.")
SPANISH = ("El asistente apoyará al equipo en la gestión de los proyectos y las actividades del "
           "programa con los socios, por lo que se requiere experiencia en la región para el puesto.")
GERMAN = ("Die Fachkraft unterstützt das Team bei der Umsetzung der Projekte und ist für die Abstimmung "
          "mit den Partnern zuständig, wir bieten eine Stelle mit flexiblen Arbeitszeiten und ein "
          "Umfeld, in dem sie mit uns wachsen kann.")


def read_within(paths, seconds=10.0):
    """read_inputs in a thread, so that a blocking open fails the test instead of hanging it."""
    result = []
    worker = threading.Thread(target=lambda: result.extend(read_inputs(paths)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "read_inputs blocked"
    return result


def relative(items, root):
    return [(item.source.replace(f"{root}/", ""), item.error) for item in items]


@pytest.mark.parametrize("data,error", [
    (b"", "empty input"),
    (b"   \n\t", "empty input"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "binary file"),
    (GERMAN.encode(), "not English, French or Spanish (looks like 'de')"),
    (b"x" * (MAX_BYTES + 1), "too large"),
])
def test_inputs_reject_bad_input_with_clear_error(data, error):
    item = decode(data, "f.txt")
    assert item.text is None and error in item.error


@pytest.mark.parametrize("data", [ENGLISH.encode(), FRENCH.encode(), SPANISH.encode(), "\ufeffGrade P-3".encode("utf-8"), b"<p>P-3</p>"])
def test_inputs_accept_english_and_short_text(data):
    item = decode(data, "f.txt")
    assert item.error is None and item.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_inputs_decode_utf16_and_utf32_with_bom(encoding):
    data = ("\ufeff" if encoding.endswith("-be") else "") + ENGLISH + " Café – naïve."
    item = decode(data.encode(encoding), "f.txt")
    assert item.error is None and item.text.lstrip("\ufeff") == ENGLISH + " Café – naïve."


def test_inputs_decode_cp1252():
    item = decode(b"Caf\xe9 \x96 na\xefve \x93quoted\x94", "f.txt")
    assert item.error is None and item.text == "Café – naïve “quoted”"
    item = decode(("“" + ENGLISH + "” – naïve résumé").encode("cp1252"), "f.txt")
    assert item.error is None and item.text == "“" + ENGLISH + "” – naïve résumé"


def test_inputs_guess_language():
    assert guess_language(ENGLISH) == "en" and guess_language(FRENCH) == "fr"
    assert guess_language(SPANISH) == "es" and guess_language("P-3") is None


def test_inputs_english_with_spanish_words_is_english():
    text = ENGLISH + (" Fluency in Spanish (español: nivel avanzado, con experiencia en la región "
                      "de América Latina y el Caribe) is an asset for the post.")
    assert guess_language(text) == "en"


def test_inputs_bilingual_notice_is_english():
    assert guess_language(SPANISH + " " + ENGLISH + " " + ENGLISH) == "en"


def test_inputs_shared_function_words_are_not_spanish():
    dutch_like = " ".join(["de", "en", "la", "que", "van", "het", "een", "op", "met", "voor"] * 5)
    assert guess_language(dutch_like) == "nl"  # recognised as Dutch, so it gets a clear error


def test_inputs_expand_folders_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.html", "1.txt", "b/skip.pdf", "3.htm", "4.JSONL", "b.txt"):
        (tmp_path / name).write_text(ENGLISH)
    found = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([str(tmp_path)])]
    assert found == ["1.txt", "3.htm", "4.JSONL", "b/2.html", "b.txt"]


def test_inputs_missing_file_yields_error_not_exception(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert len(items) == 1 and "cannot read" in items[0].error


def test_inputs_fifo_in_folder_and_named_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(ENGLISH)
    items = read_within([str(tmp_path), str(tmp_path / "pipe.txt")])
    assert relative(items, tmp_path) == [("ok.txt", None), ("pipe.txt", "not a regular file: FIFO"),
                                         ("pipe.txt", "not a regular file: FIFO")]


def test_inputs_socket_and_device_are_refused():
    with socket.socket(socket.AF_UNIX) as sock:
        path = f"/tmp/vacancy-ie-test-{os.getpid()}.sock"  # AF_UNIX paths must be short
        sock.bind(path)
        try:
            items = read_within([path, "/dev/zero"])
        finally:
            os.unlink(path)
    assert [item.error for item in items] == ["not a regular file: socket",
                                              "not a regular file: character device"]


def test_inputs_symlinks_dangling_loop_and_to_file(tmp_path):
    (tmp_path / "real.txt").write_text(ENGLISH)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "d" / "loop.txt").symlink_to(tmp_path / "d" / "loop.txt")
    (tmp_path / "d" / "to-file.htm").symlink_to(tmp_path / "real.txt")
    items = read_within([str(tmp_path / "d")])
    assert [item.source.rsplit("/", 1)[1] for item in items] == ["dangling.txt", "loop.txt", "to-file.htm"]
    assert "dangling symlink" in items[0].error and "cannot read" in items[1].error
    assert items[2].error is None and items[2].text == ENGLISH


def test_inputs_symlinked_folder_loop_is_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_text(ENGLISH)
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self.txt").symlink_to(tmp_path / "a", target_is_directory=True)
    assert relative(read_within([str(tmp_path)]), tmp_path) == [("a/1.txt", None)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_inputs_unreadable_file_and_folder_yield_errors(tmp_path):
    (tmp_path / "locked.txt").write_text(ENGLISH)
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "shut").mkdir(mode=0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        (tmp_path / "shut").chmod(0o700)
    assert relative(items, tmp_path) == [("locked.txt", "cannot read: Permission denied"),
                                         ("shut", "cannot list folder: Permission denied")]


def test_inputs_over_limit_file_and_stdin(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 100)
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    (tmp_path / "fits.txt").write_bytes(b"x" * 100)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 500)))
    items = list(read_inputs([str(tmp_path / "big.txt"), str(tmp_path / "fits.txt"), "-"]))
    assert [item.error and item.error.split(":")[0] for item in items] == ["too large", None, "too large"]
    assert items[2].source == "<stdin>"


def test_inputs_jsonl_lines_fields_and_errors(tmp_path):
    lines = [json.dumps({"id": "a1", "text": ENGLISH, "org": "UNDP", "tags": [1, {"x": None}]}),
             "",
             "{not json",
             "[1, 2]",
             json.dumps({"id": 7, "title": "no text"}),
             "   ",
             json.dumps({"text": GERMAN, "lang": "de"}),
             json.dumps({"text": ENGLISH})]
    path = tmp_path / "notices.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [item.source.rsplit(":", 1)[1] for item in items] == ["1", "3", "4", "5", "7", "8"]
    assert items[0] == InputDoc(f"{path}:1", ENGLISH, None, "a1", {"org": "UNDP", "tags": [1, {"x": None}]})
    assert "not a JSON line" in items[1].error and "not a JSON object" in items[2].error
    assert items[3].error == "no string 'text' field"
    assert (items[3].id, items[3].meta) == ("7", {"title": "no text"})
    assert "not English, French or Spanish" in items[4].error and items[4].meta == {"lang": "de"}
    assert items[5].error is None and (items[5].id, items[5].meta) == (None, {})


def test_inputs_jsonl_long_line_is_an_error_and_reading_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 50)
    path = tmp_path / "n.jsonl"
    path.write_text(json.dumps({"text": "x" * 3000}) + "\n" + json.dumps({"text": "P-3"}) + "\n")
    items = list(read_inputs([str(path)]))
    assert [(item.source.rsplit(":", 1)[1], item.text) for item in items] == [("1", None), ("2", "P-3")]
    assert "line too large" in items[0].error


def test_inputs_empty_jsonl_and_jsonl_fifo_yield_one_error(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = read_within([str(tmp_path)])
    assert relative(items, tmp_path) == [("empty.jsonl", "empty input: no JSON lines"),
                                         ("pipe.jsonl", "not a regular file: FIFO")]


def test_inputs_order_and_count_preserved(tmp_path):
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "b.txt").write_bytes(b"\x00bin")
    (tmp_path / "f" / "a.txt").write_text(ENGLISH)
    (tmp_path / "one.jsonl").write_text(f'{json.dumps({"text": ENGLISH})}\n{json.dumps({"text": ""})}\n')
    (tmp_path / "z.txt").write_text(GERMAN)
    names = ["z.txt", str(tmp_path / "missing.txt"), "f", "one.jsonl"]
    items = read_within([str(tmp_path / n) if not n.startswith("/") else n for n in names])
    assert [(source, error and error.split(":")[0]) for source, error in relative(items, tmp_path)] == [
        ("z.txt", "not English, French or Spanish (looks like 'de')"), ("missing.txt", "cannot read"), ("f/a.txt", None),
        ("f/b.txt", "binary file, not a text notice"), ("one.jsonl:1", None), ("one.jsonl:2", "empty input")]


def test_inputs_reading_expanded_paths_gives_the_same_items(tmp_path):
    """The CLI and the Dask reader expand first and read later: nothing may change between."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ENGLISH)
    (tmp_path / "sub" / "linked.txt").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(tmp_path / "sub" / "p.htm")
    (tmp_path / "n.jsonl").write_text(json.dumps({"id": 1, "text": ENGLISH}) + "\n")
    direct = read_within([str(tmp_path)])
    assert read_within(list(expand_paths([str(tmp_path)]))) == direct and len(direct) == 3
