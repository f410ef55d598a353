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
