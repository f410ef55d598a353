import pytest

from vacancy_ie.labels import EDUCATION_LEVELS
from vacancy_ie.normalizers import education_level


@pytest.mark.parametrize(
    "text,level",
    [
        ("Advanced university degree (Master's or equivalent) in economics", "master"),
        ("Master’s degree in public health", "master"),
        ("Masters in law", "master"),
        ("MBA", "master"), ("MPH", "master"), ("MSc in statistics", "master"), ("LLM", "master"),
        ("LL.M.", "master"), ("post-graduate degree", "master"),
        ("Currently enrolled in a Master's programme", "master"),
        ("University degree at Master's level", "master"),
        ("first-level university degree in finance", "bachelor"),
        ("Bachelor's degree in social work, law or a related field", "bachelor"),
        ("BSc in engineering", "bachelor"), ("BA in political science", "bachelor"),
        ("B.A. in history", "bachelor"), ("licence en droit", "bachelor"),
        ("university degree in accounting", "bachelor"),
        ("Degree or equivalent experience", "bachelor"),
        ("PhD in epidemiology", "doctorate"), ("Ph.D.", "doctorate"), ("doctorate", "doctorate"),
        ("doctoral degree", "doctorate"), ("MD", "doctorate"),
        ("high school diploma", "secondary"), ("secondary school certificate", "secondary"),
        ("School diploma", "secondary"), ("A-levels", "secondary"),
        ("vocational training in mechanics", "technical"), ("technical diploma", "technical"),
        ("TVET certificate", "technical"), ("associate degree", "technical"),
        ("certificate in accounting", "technical"), ("nursing diploma", "technical"),
        ("Grade 12", "secondary"), ("Matric certificate", "secondary"),
        ("higher degree in finance", "master"), ("advanced higher education degree", "master"),
        ("Post Graduate diploma", "master"), ("advanced level university degree", "master"),
        ("Juris Doctor degree", "doctorate"), ("tertiary qualification in education", "bachelor"),
        ("Final year of studies", "bachelor"),
        ("Master in Public Health", "master"), ("Master (M2) in statistics", "master"), ("Master", "master"),
    ],
)
def test_education_level(text, level):
    assert education_level(text) == level
    assert level in EDUCATION_LEVELS


@pytest.mark.parametrize(
    "text,level",
    [
        ("Master's degree or Bachelor's with 2 years of experience", "master"),
        ("Bachelor's degree, or a Master's in law", "bachelor"),
        ("High school diploma or technical certificate", "secondary"),
    ],
)
def test_education_level_first_degree_wins(text, level):
    assert education_level(text) == level


@pytest.mark.parametrize(
    "text",
    ["relevant experience", "MS Office", "valid driving licence", "PMP certification", "",
     "master planning and budgeting", "maintain the beneficiary master list", "Master DRC"],
)
def test_education_level_rejects(text):
    assert education_level(text) is None
