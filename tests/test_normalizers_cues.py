import pytest

from vacancy_ie.normalizers import is_boilerplate_language_sentence, is_desirable


@pytest.mark.parametrize(
    "context",
    [
        "Knowledge of French is an asset",
        "Arabic would be an advantage",
        "Experience in Asia is advantageous",
        "Spanish (desirable)",
        "Desired: GIS skills",
        "A Master's degree is preferred",
        "preferably in economics",
        "SQL is a plus",
        "would be an added advantage",
        "Nice to have: Power BI",
        "Portuguese is welcome",
        "is considered a strong asset",
        "Knowledge of French is desirable but not required",
    ],
)
def test_cues_is_desirable(context):
    assert is_desirable(context)


@pytest.mark.parametrize(
    "context",
    [
        "Fluency in English is required",
        "Driving licence is mandatory",
        "Excel skills are essential",
        "Candidates must speak Khmer",
        "Fluency in English",
        "We welcome applications from women",
        "English is required; French is an asset",
        "",
    ],
)
def test_cues_is_not_desirable(context):
    assert not is_desirable(context)


@pytest.mark.parametrize(
    "sentence",
    [
        "IOM's official languages are English, French and Spanish.",
        "The working languages of the UN Secretariat are English and French.",
        "English and French are the working languages of the Secretariat.",
        "Applications are accepted in English only.",
        "Applications must be submitted in English.",
        "This vacancy notice is also available in French.",
    ],
)
def test_cues_is_boilerplate_language_sentence(sentence):
    assert is_boilerplate_language_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Fluency in English is required.",
        "Knowledge of French is an asset.",
        "Languages: English (required), French (desirable)",
        "Fluency in one of the working languages of the Secretariat is required.",
        "Knowledge of another official UN language is an asset.",
        "Excellent written English.",
    ],
)
def test_cues_is_not_boilerplate_language_sentence(sentence):
    assert not is_boilerplate_language_sentence(sentence)
