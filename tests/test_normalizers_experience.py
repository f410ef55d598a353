import pytest

from vacancy_ie.normalizers import min_years, states_amount


@pytest.mark.parametrize(
    "text,years",
    [
        ("five (5) years of experience", 5),
        ("3-5 years", 3),
        ("3 – 5 years", 3),
        ("3 to 5 years", 3),
        ("a minimum of two years", 2),
        ("a minimum of two", 2),
        ("at least ten years", 10),
        ("over 10 years", 10),
        ("10+ years", 10),
        ("18 months", 1),
        ("six months", 0),
        ("two-year experience", 2),
        ("seven (7) years", 7),
        ("fifteen years", 15),
        ("twenty", 20),
        ("Twenty-five years", 25),
        ("thirty years", 30),
        ("at least one year", 1),
        ("a year of field work", 1),
        ("1.5 years", 1),
        ("5 years' experience", 5),
        ("5 yrs", 5),
        ("minimum 3 years' experience, 5 preferred", 3),
        ("Level 2 post, 4 years", 4),
        ("G6 - 3 years relevant experience", 3),
        ("NOB - 2 years", 2),
    ],
)
def test_experience_min_years(text, years):
    assert min_years(text) == years


@pytest.mark.parametrize(
    "text",
    ["several years", "extensive experience", "proven experience in budgeting", "", "100 years"],
)
def test_experience_min_years_none(text):
    assert min_years(text) is None


@pytest.mark.parametrize("text", ["several years of experience", "additional years of work", "5 years"])
def test_experience_states_amount(text):
    assert states_amount(text)


@pytest.mark.parametrize("text", ["Years of Experience", "A minimum of", "experience in logistics"])
def test_experience_states_amount_not(text):
    assert not states_amount(text)
