import pytest

from vacancy_ie.normalizers import LanguageCode, find_languages, normalize_language


@pytest.mark.parametrize(
    "name,code,english",
    [
        ("English", "en", "English"), ("French", "fr", "French"), ("Spanish", "es", "Spanish"),
        ("Arabic", "ar", "Arabic"), ("Russian", "ru", "Russian"), ("Khmer", "km", "Khmer"),
        ("Dari", "prs", "Dari"), ("Tetum", "tet", "Tetum"), ("Tetun", "tet", "Tetum"),
        ("Mandarin", "zh", "Chinese"), ("Chinese", "zh", "Chinese"),
        ("Farsi", "fa", "Persian"), ("Persian", "fa", "Persian"),
        ("Kiswahili", "sw", "Swahili"), ("Swahili", "sw", "Swahili"),
        ("Bangla", "bn", None), ("Bengali", "bn", None), ("Twi", "tw", "Twi"),
        ("Pashto", "ps", "Pashto"), ("Tok Pisin", "tpi", "Tok Pisin"),
        ("english", "en", "English"), (" French ", "fr", "French"),
        ("anglais", "en", "English"), ("français", "fr", "French"), ("francés", "fr", "French"),
        ("inglés", "en", "English"), ("ingles", "en", "English"), ("espagnol", "es", "Spanish"),
        ("español", "es", "Spanish"), ("arabe", "ar", "Arabic"), ("árabe", "ar", "Arabic"),
        ("portugais", "pt", "Portuguese"), ("portugués", "pt", "Portuguese"),
        ("russe", "ru", "Russian"), ("ruso", "ru", "Russian"), ("chinois", "zh", "Chinese"),
        ("chino", "zh", "Chinese"), ("allemand", "de", "German"), ("alemán", "de", "German"),
        ("Bislama", "bi", "Bislama"), ("IsiZulu", "zu", "Zulu"), ("isiXhosa", "xh", "Xhosa"),
        ("Sesotho", "st", None), ("Fulfulbe", "ff", None), ("Ukranian", "uk", "Ukrainian"),
        ("Sinhalese", "si", None), ("Putonghua", "zh", "Chinese"), ("Tok-Pisin", "tpi", "Tok Pisin"),
    ],
)
def test_languages_normalize(name, code, english):
    found = normalize_language(name)
    assert found.code == code
    if english:
        assert found.name == english


@pytest.mark.parametrize(
    "name",
    ["Excel", "Python", "Java", "Word", "Local", "Official", "Sign", "Even", "UN",
     "Modern Standard Arabic", "Moldovan", "", "the local language"],
)
def test_languages_normalize_rejects(name):
    assert normalize_language(name) is None


def _found(text):
    return [(text[start:end], language.code) for start, end, language in find_languages(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Fluency in English and Khmer is required.", [("English", "en"), ("Khmer", "km")]),
        ("Arabic, Chinese, French, Russian or Spanish",
         [("Arabic", "ar"), ("Chinese", "zh"), ("French", "fr"), ("Russian", "ru"),
          ("Spanish", "es")]),
        ("Knowledge of Dari and Pashto", [("Dari", "prs"), ("Pashto", "ps")]),
        ("Haitian Creole is an asset", [("Haitian Creole", "ht")]),
        ("Langues : anglais, Français; idiomas: inglés",
         [("anglais", "en"), ("Français", "fr"), ("inglés", "en")]),
        ("Tetum/Portuguese", [("Tetum", "tet"), ("Portuguese", "pt")]),
        ("English and isiZulu; Setswana an asset", [("English", "en"), ("isiZulu", "zu"), ("Setswana", "tn")]),
    ],
)
def test_languages_find(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Excel and Python skills", "Even so, Java is used", "an englishman", "english",
     "Englishman", "French-speaking countries", "Frenchtown", "the local language"],
)
def test_languages_find_rejects(text):
    assert find_languages(text) == []


def test_languages_find_vocabulary_is_large():
    names = " ".join(
        "English French Spanish Arabic Chinese Russian Portuguese Swahili Amharic Tigrinya Somali "
        "Hausa Khmer Lao Burmese Nepali Urdu Pashto Dari Ukrainian Georgian Tetum Kinyarwanda "
        "Lingala Sango Wolof Bambara Fula Oromo Malagasy".split()
    )
    assert len(find_languages(names)) == 30


def test_languages_code_is_hashable_value():
    persian = LanguageCode("fa", "Persian")
    assert normalize_language("Farsi") == normalize_language("Persian") == persian
