import json

import pytest
from typer.testing import CliRunner

from vacancy_ie.cli import app

runner = CliRunner()


def test_cli_extract_unknown_model_fails_cleanly(tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("Grade P-3")
    result = runner.invoke(app, ["extract", str(notice), "--model", str(tmp_path / "no-model")])
    assert result.exit_code == 2
    assert "cannot load model" in result.output and "Traceback" not in result.output


def test_cli_extract_bad_reference_date(tmp_path):
    result = runner.invoke(app, ["extract", "x.txt", "--reference-date", "22/11/2026"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_cli_validate_reports_missing_volume(tmp_path):
    result = runner.invoke(app, ["corpus", "validate", "--data", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "data volume not found" in result.output


@pytest.mark.parametrize("model,name", [
    ("en_vacancy_ie", "en_vacancy_ie"),
    ("models/cnn/model-best", "cnn"),
    ("models/cnn-pretrained/model-last", "cnn-pretrained-last"),
    ("/tmp/my_pipeline", "my_pipeline"),
])
def test_cli_system_name_of_model(model, name):
    from vacancy_ie.cli import system_name

    assert system_name(model) == name


NOTICE = "Officer, Grade: P-3\nClosing date: 15 November 2024\nFluency in English is required.\n"


def notices(tmp_path, n=3):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i}.txt").write_text(NOTICE.replace("P-3", f"P-{i + 1}"))
    return folder


def run_extract(model, *args):
    return runner.invoke(app, ["extract", *map(str, args), "--model", str(model)])


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("vacancy-ie ")


def test_cli_extract_jsonl_one_line_per_input(tmp_path, rules_model_path):
    result = run_extract(rules_model_path, notices(tmp_path))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert [r["grade"]["code"] for r in lines] == ["P-1", "P-2", "P-3"]


@pytest.mark.parametrize("fmt", ["json", "jsonld"])
def test_cli_extract_array_formats(tmp_path, rules_model_path, fmt):
    result = run_extract(rules_model_path, notices(tmp_path), "--format", fmt)
    items = json.loads(result.stdout)
    assert result.exit_code == 0 and len(items) == 3
    if fmt == "jsonld":
        assert all(i["@type"] == "JobPosting" for i in items)
    else:
        assert items[0]["deadline"]["date"] == "2024-11-15"


def test_cli_extract_unreadable_input_exits_1_with_every_record(tmp_path, rules_model_path):
    folder = notices(tmp_path)
    (folder / "1.txt").write_bytes(b"\x00\x01\x02")
    result = run_extract(rules_model_path, folder, tmp_path / "missing.txt")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert [r["error"] is None for r in records] == [True, False, True, False]


def test_cli_extract_output_and_resume(tmp_path, rules_model_path):
    folder, out = notices(tmp_path), tmp_path / "out.jsonl"
    first = run_extract(rules_model_path, folder / "0.txt", "--output", out)
    assert first.exit_code == 0
    with out.open("ab") as f:
        f.write(b'{"source": "torn')  # an interrupted write: no newline
    second = run_extract(rules_model_path, folder, "--output", out, "--resume")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert second.exit_code == 0
    assert [r["grade"]["code"] for r in records] == ["P-1", "P-2", "P-3"]


def test_cli_extract_resume_needs_jsonl_output(tmp_path, rules_model_path):
    result = run_extract(rules_model_path, notices(tmp_path), "--resume")
    assert result.exit_code == 2 and "--resume needs --output" in result.output


def test_cli_extract_jsonl_input_passes_fields_through(tmp_path, rules_model_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": NOTICE, "title": "Officer"}) + "\nnot json\n")
    result = run_extract(rules_model_path, source)
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert (first["id"], first["meta"], first["grade"]["code"]) == ("a1", {"title": "Officer"}, "P-3")
    assert second["error"] and result.exit_code == 1


def test_cli_extract_n_process_2_same_output(tmp_path, rules_model_path):
    folder = notices(tmp_path, n=6)
    one = run_extract(rules_model_path, folder, "--batch-size", "1")
    two = run_extract(rules_model_path, folder, "--n-process", "2", "--batch-size", "2")
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout


@pytest.mark.slow
def test_cli_extract_sigint_leaves_a_valid_json_array(tmp_path, rules_model_path):
    import signal
    import subprocess
    import sys
    import time

    folder, out = notices(tmp_path, n=400), tmp_path / "out.json"
    proc = subprocess.Popen([sys.executable, "-m", "vacancy_ie.cli", "extract", str(folder), "--model",
                             str(rules_model_path), "--format", "json", "--batch-size", "1", "--output", str(out)],
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while b'"source"' not in (out.read_bytes() if out.exists() else b"") and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    items = json.loads(out.read_text())
    assert proc.returncode in (0, 130) and 0 < len(items) <= 400


def test_cli_extract_min_score_leaves_out_weaker_items(tmp_path, rules_model_path):
    folder = notices(tmp_path, n=1)
    every = json.loads(run_extract(rules_model_path, folder).stdout)
    kept = json.loads(run_extract(rules_model_path, folder, "--min-score", "0.6").stdout)
    assert every["grade"]["score"] == 0.5 and kept["grade"] is None and kept["languages"] == []
    assert kept["source"] == every["source"]


def test_cli_extract_long_single_line_input_among_others(tmp_path, rules_model_path):
    folder = notices(tmp_path, n=10)
    (folder / "long.txt").write_text(("word " * 300_000) + NOTICE.replace("\n", " "))  # 1.5 MB, one line
    result = run_extract(rules_model_path, folder, "--format", "json")
    records = json.loads(result.stdout)
    assert result.exit_code == 0 and len(records) == 11
    long = next(r for r in records if r["source"].endswith("long.txt"))
    assert long["error"] is None and long["grade"]["code"] == "P-3"


def test_cli_evaluate_names_the_missing_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_sklearn(name, *args, **kwargs):
        if name.startswith("sklearn"):
            raise ModuleNotFoundError("No module named 'sklearn'", name="sklearn")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "vacancy_ie.evaluation.run", raising=False)
    monkeypatch.delitem(__import__("sys").modules, "vacancy_ie.evaluation.systems", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    result = runner.invoke(app, ["evaluate"])
    assert result.exit_code == 2 and "pip install 'vacancy-ie[corpus]'" in " ".join(result.output.split())
