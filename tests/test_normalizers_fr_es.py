"""French and Spanish notices: every normaliser's `lang` keyword, and English left as it was."""

from datetime import date

import pytest

from vacancy_ie.normalizers import (
    ParsedDate,
    education_level,
    find_dates,
    find_grades,
    find_languages,
    is_boilerplate_language_sentence,
    is_desirable,
    min_years,
    normalize_language,
    parse_date,
)

REFERENCE = date(2024, 11, 20)


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "12 mars 2026", date(2026, 3, 12)),
        ("fr", "le 20/11/2024", date(2024, 11, 20)),
        ("fr", "07/06/2026", date(2026, 6, 7)),
        ("fr", "1er décembre 2024", date(2024, 12, 1)),
        ("fr", "1er decembre 2024", date(2024, 12, 1)),
        ("fr", "lundi 25 novembre 2024", date(2024, 11, 25)),
        ("fr", "24 Novembre 2023", date(2023, 11, 24)),
        ("fr", "5 févr. 2025", date(2025, 2, 5)),
        ("fr", "31 août 2025", date(2025, 8, 31)),
        ("fr", "12 sept 2024", date(2024, 9, 12)),
        ("fr", "November 15, 2024", date(2024, 11, 15)),
        ("es", "15 de noviembre de 2024", date(2024, 11, 15)),
        ("es", "30 de septiembre del 2024", date(2024, 9, 30)),
        ("es", "hasta el 5 de diciembre de 2024", date(2024, 12, 5)),
        ("es", "martes, 12 de noviembre de 2024", date(2024, 11, 12)),
        ("es", "miercoles 13 DE NOVIEMBRE DE 2024", date(2024, 11, 13)),
        ("es", "1º de enero de 2025", date(2025, 1, 1)),
        ("es", "7 de setiembre de 2024", date(2024, 9, 7)),
        ("es", "26 de noviembre 2024", date(2024, 11, 26)),
        ("es", "5 de mar. de 2025", date(2025, 3, 5)),
        ("es", "08/nov/2024", date(2024, 11, 8)), ("fr", "22/nov./2024", date(2024, 11, 22)),
    ],
)
def test_dates_parse_date_fr_es(lang, text, expected):
    assert parse_date(text, lang=lang) == ParsedDate(expected, None, None)


@pytest.mark.parametrize(
    "lang,text,time_,zone",
    [
        ("fr", "25/11/2024 à 23h59", "23:59", None),
        ("fr", "25 novembre 2024 à 17h00", "17:00", None),
        ("fr", "25 novembre 2024 à 16H00", "16:00", None),
        ("fr", "25 novembre 2024 à 12 h 30", "12:30", None),
        ("fr", "25 novembre 2024 à 17 heures", "17:00", None),
        ("fr", "25 novembre 2024 à minuit (CET)", "23:59", "CET"),
        ("fr", "25 novembre 2024 jusqu'à midi", "12:00", None),
        ("fr", "25 novembre 2024 à 23h59 (heure de Paris)", "23:59", "Paris"),
        ("fr", "25 novembre 2024, 17h heure locale", "17:00", "local time"),
        ("es", "25 de noviembre de 2024 a medianoche", "23:59", None),
        ("es", "25 de noviembre de 2024 hasta la medianoche", "23:59", None),
        ("es", "25 de noviembre de 2024 a las 17:00 horas (hora de Bogotá)", "17:00", "Bogotá"),
        ("es", "25 de noviembre de 2024 a las 10:30 am Hora Local", "10:30", "local time"),
        ("es", "25 de noviembre de 2024 a las 18h00 GMT-5", "18:00", "GMT-5"),
    ],
)
def test_dates_parse_date_time_and_zone_fr_es(lang, text, time_, zone):
    parsed = parse_date(text, lang=lang)
    assert parsed.date == date(2024, 11, 25)
    assert (parsed.time, parsed.timezone) == (time_, zone)


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "15 novembre", date(2025, 11, 15)),
        ("fr", "25 novembre", date(2024, 11, 25)),
        ("fr", "1er décembre", date(2024, 12, 1)),
        ("fr", "29 février", date(2028, 2, 29)),
        ("es", "15 de noviembre", date(2025, 11, 15)),
        ("es", "1º de diciembre", date(2024, 12, 1)),
    ],
)
def test_dates_parse_date_yearless_uses_reference_fr_es(lang, text, expected):
    assert parse_date(text, reference=REFERENCE, lang=lang).date == expected
    assert parse_date(text, lang=lang) is None


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "Date limite : le 25/11/2024 à 23h59. Postulez", ["25/11/2024 à 23h59"]),
        ("fr", "Envoyez votre dossier avant le jeudi 28 novembre 2024 à 18h30 (heure de Dakar).",
         ["jeudi 28 novembre 2024 à 18h30 (heure de Dakar)"]),
        ("fr", "Publié le 4 novembre 2024, clôture le 19 Novembre 2024 à 22H00 UTC.",
         ["4 novembre 2024", "19 Novembre 2024 à 22H00 UTC"]),
        ("fr", "Date de clôture : 15 novembre.", ["15 novembre"]),
        ("es", "Fecha límite: hasta el 5 de diciembre de 2024.", ["5 de diciembre de 2024"]),
        ("es", "Cierre: jueves 14 de noviembre de 2024 a las 17:00 horas (hora de Lima)",
         ["jueves 14 de noviembre de 2024 a las 17:00 horas (hora de Lima)"]),
        ("es", "Del 3 de marzo de 2021 al 28 de febrero del 2026",
         ["3 de marzo de 2021", "28 de febrero del 2026"]),
        ("es", "Closing date: 15 November 2024", ["15 November 2024"]),
    ],
)
def test_dates_find_dates_fr_es(lang, text, expected):
    assert [text[start:end] for start, end in find_dates(text, lang=lang)] == expected


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "Sept ans d'expérience, dont 5 sept en poste"),  # "sept" is seven
        ("fr", "de 2 à 3 ans"),
        ("fr", "la mission Mars 2030"),
        ("fr", "Marseille 12"),
        ("es", "a 5 mar adentro"),  # "mar" is sea
        ("es", "de 3 a 5 años"),
        ("es", "Resolución 71/243 de 2016"),
    ],
)
def test_dates_find_dates_rejects_fr_es(lang, text):
    assert find_dates(text, lang=lang) == []


@pytest.mark.parametrize(
    "lang,text",
    [("fr", "31 février 2024"), ("fr", "5 sept"), ("fr", "2 ans"), ("es", "31 de febrero de 2024"),
     ("es", "5 mar"), ("es", "medianoche"), ("es", "2024")],
)
def test_dates_parse_date_rejects_fr_es(lang, text):
    assert parse_date(text, reference=REFERENCE, lang=lang) is None


@pytest.mark.parametrize(
    "text",
    ["12 mars 2026", "15 de noviembre de 2024", "1er décembre 2024", "lundi 25 novembre 2024",
     "5 mayo 2025", "30 de septiembre del 2024"],
)
def test_dates_english_ignores_french_and_spanish_months(text):
    assert find_dates(text) == []
    assert parse_date(text, reference=REFERENCE) is None


@pytest.mark.parametrize(
    "lang,name,code",
    [
        ("fr", "anglais", "en"), ("fr", "Français", "fr"), ("fr", "FRANCAIS", "fr"),
        ("fr", "espagnol", "es"), ("fr", "arabe", "ar"), ("fr", "portugais", "pt"),
        ("fr", "russe", "ru"), ("fr", "chinois", "zh"), ("fr", "allemand", "de"),
        ("fr", "swahili", "sw"), ("fr", "kiswahili", "sw"), ("fr", "wolof", "wo"),
        ("fr", "lingala", "ln"), ("fr", "créole haïtien", "ht"), ("fr", "Creole  haitien", "ht"),
        ("fr", "haoussa", "ha"), ("fr", "peul", "ff"), ("fr", "française", "fr"),
        ("fr", "English", "en"), ("fr", "Dari", "prs"), ("fr", "danois", "da"),
        ("es", "inglés", "en"), ("es", "ingles", "en"), ("es", "francés", "fr"),
        ("es", "español", "es"), ("es", "castellano", "es"), ("es", "portugués", "pt"),
        ("es", "árabe", "ar"), ("es", "ruso", "ru"), ("es", "chino", "zh"), ("es", "alemán", "de"),
        ("es", "quechua", "qu"), ("es", "Quechua", "qu"), ("es", "aymara", "ay"),
        ("es", "aimara", "ay"), ("es", "guaraní", "gn"), ("es", "guarani", "gn"),
        ("es", "criollo haitiano", "ht"), ("es", "wólof", "wo"), ("es", "suajili", "sw"),
        ("es", "inglesa", "en"), ("es", "gallego", "gl"), ("es", "Swahili", "sw"),
    ],
)
def test_languages_normalize_fr_es(lang, name, code):
    assert normalize_language(name, lang=lang).code == code


@pytest.mark.parametrize(
    "lang,name",
    [("fr", "mari"), ("fr", "le"), ("fr", "Excel"), ("fr", ""), ("fr", "créole"),
     ("es", "mandar"), ("es", "ido"), ("es", "china"), ("es", "de"), ("es", "Python")],
)
def test_languages_normalize_rejects_fr_es(lang, name):
    assert normalize_language(name, lang=lang) is None


def _languages(text, lang):
    return [(text[start:end], found.code) for start, end, found in find_languages(text, lang)]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "Maîtrise du français et de l'anglais ; le créole haïtien est un atout.",
         [("français", "fr"), ("anglais", "en"), ("créole haïtien", "ht")]),
        ("fr", "Connaissance du wolof, du lingala ou du Kiswahili",
         [("wolof", "wo"), ("lingala", "ln"), ("Kiswahili", "sw")]),
        ("fr", "ARABE, Russe, chinois; la langue française; English",
         [("ARABE", "ar"), ("Russe", "ru"), ("chinois", "zh"), ("française", "fr"),
          ("English", "en")]),
        ("es", "Dominio del español (castellano) e inglés; se valorará quechua, aymara o guaraní",
         [("español", "es"), ("castellano", "es"), ("inglés", "en"), ("quechua", "qu"),
          ("aymara", "ay"), ("guaraní", "gn")]),
        ("es", "Idiomas: RUSO, chino, portugues y lengua inglesa",
         [("RUSO", "ru"), ("chino", "zh"), ("portugues", "pt"), ("inglesa", "en")]),
        ("fr", "Maîtrise des langues arabe et française", [("arabe", "ar"), ("française", "fr")]),
    ],
)
def test_languages_find_fr_es(lang, text, expected):
    assert _languages(text, lang) == expected


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "Les Russes et la Prusse"),  # not inside other words, nor plural nouns
        ("fr", "son mari travaille"),
        ("fr", "portugais-brésilien"),
        ("fr", "l'Agence Française de Développement et la coopération allemande"),
        ("es", "la Cooperación Española y la embajada alemana"),
        ("es", "mandar el CV a la República Popular China"),
        ("es", "ha ido a Rusia"),
        ("es", "english"),
    ],
)
def test_languages_find_rejects_fr_es(lang, text):
    assert find_languages(text, lang) == []


def test_languages_english_keeps_its_vocabulary():
    assert find_languages("créole haïtien, wolof, quechua, castellano") == []
    assert normalize_language("castellano") is None


@pytest.mark.parametrize(
    "lang,text,level",
    [
        ("fr", "Baccalauréat", "secondary"), ("fr", "Bac ou équivalent", "secondary"),
        ("fr", "Diplôme de fin d'études secondaires", "secondary"),
        ("fr", "BTS en comptabilité", "technical"), ("fr", "DUT en informatique", "technical"),
        ("fr", "Bac+2 en gestion", "technical"), ("fr", "BAC + 2", "technical"),
        ("fr", "diplôme technique en électricité", "technical"),
        ("fr", "brevet de technicien supérieur", "technical"),
        ("fr", "CAP en mécanique", "technical"),
        ("fr", "Licence en droit", "bachelor"), ("fr", "Bac+3", "bachelor"),
        ("fr", "diplôme universitaire en économie", "bachelor"),
        ("fr", "Maîtrise en économie", "master"), ("fr", "Master en santé publique", "master"),
        ("fr", "Bac+4", "master"), ("fr", "Bac + 5", "master"), ("fr", "DESS", "master"),
        ("fr", "DEA en sociologie", "master"), ("fr", "diplôme d'ingénieur agronome", "master"),
        ("fr", "Diplôme universitaire de niveau maîtrise", "master"),
        ("fr", "Doctorat en médecine", "doctorate"), ("fr", "PhD en épidémiologie", "doctorate"),
        ("fr", "Licence ou Master en droit", "bachelor"),
        ("es", "Bachillerato", "secondary"), ("es", "educación secundaria completa", "secondary"),
        ("es", "Técnico en contabilidad", "technical"), ("es", "Tecnólogo en sistemas", "technical"),
        ("es", "técnico superior en administración", "technical"),
        ("es", "título de técnico", "technical"),
        ("es", "Licenciatura en economía", "bachelor"), ("es", "Grado en Derecho", "bachelor"),
        ("es", "título universitario en sociología", "bachelor"),
        ("es", "título profesional", "bachelor"), ("es", "Ingeniería civil", "bachelor"),
        ("es", "estudios de pregrado", "bachelor"), ("es", "Técnico o Tecnólogo", "technical"),
        ("es", "título universitario en un campo técnico", "bachelor"),
        ("es", "Maestría en salud pública", "master"), ("es", "Máster en Derecho", "master"),
        ("es", "Magíster en economía", "master"), ("es", "posgrado en gestión", "master"),
        ("es", "grado de maestría", "master"), ("es", "Maestría en Ingeniería", "master"),
        ("es", "Doctorado en economía", "doctorate"),
        ("es", "Master's degree", "master"),
        ("es", "Profesional en Trabajo Social", "bachelor"), ("es", "Bachiller", "secondary"),
        ("es", "Bachiller Universitario", "bachelor"), ("es", "estudios de Preparatoria", "secondary"),
        ("es", "nivel medio superior", "secondary"), ("es", "Técnico Universitario", "technical"),
        ("es", "egresado técnico en contabilidad", "technical"),
        ("es", "Estudiante universitario de último año", "bachelor"),
        ("fr", "Diplôme universitaire de niveau supérieur en droit", "master"),
        ("fr", "diplôme universitaire supérieur en économie", "master"),
        ("fr", "Diplôme de Docteur en médecine", "doctorate"),
    ],
)
def test_education_level_fr_es(lang, text, level):
    assert education_level(text, lang=lang) == level


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "permis de conduire"), ("fr", "licence de conduire valide"),
        ("fr", "maîtrise de l'anglais"), ("fr", "excellente maîtrise du français"),
        ("fr", "maîtrise d'Excel"), ("fr", "expérience professionnelle"),
        ("fr", "maîtrise professionnelle de l'anglais"), ("fr", "une bonne maîtrise en informatique"),
        ("es", "licencia de conducir"), ("es", "experiencia técnica"), ("es", "manejo de Excel"),
        ("es", "Habilidades Técnicas:"), ("es", "TÍTULO DEL PUESTO: Asesor"),
        ("es", "orientación técnica a ingenieros"),
    ],
)
def test_education_level_rejects_fr_es(lang, text):
    assert education_level(text, lang=lang) is None


def test_education_level_english_unchanged():
    assert education_level("licence de conduire") == "bachelor"
    assert education_level("Maîtrise en économie") is None
    assert education_level("valid driving licence") is None


@pytest.mark.parametrize(
    "lang,text,years",
    [
        ("fr", "au moins cinq (5) ans d'expérience", 5),
        ("fr", "minimum trois ans", 3),
        ("fr", "2 à 3 ans", 2),
        ("fr", "entre 3 et 5 ans", 3),
        ("fr", "dix-huit mois", 1),
        ("fr", "six mois", 0),
        ("fr", "un an d'expérience", 1),
        ("fr", "une expérience de deux ans", 2),
        ("fr", "Au moins quatre années dans le secteur", 4),
        ("fr", "1,5 an", 1),
        ("fr", "sept ans", 7), ("fr", "neuf ans", 9), ("fr", "douze ans", 12),
        ("fr", "quinze ans", 15), ("fr", "dix-sept ans", 17), ("fr", "vingt ans", 20),
        ("fr", "vingt-cinq ans", 25), ("fr", "un minimum de trois", 3),
        ("es", "mínimo tres años de experiencia", 3),
        ("es", "al menos cinco (5) años", 5),
        ("es", "dos años", 2),
        ("es", "18 meses", 1),
        ("es", "dieciocho meses", 1),
        ("es", "seis meses", 0),
        ("es", "un (1) año", 1),
        ("es", "de 2 a 3 años", 2),
        ("es", "entre 3 y 5 años", 3),
        ("es", "1 año y 6 meses", 1),
        ("es", "once años", 11), ("es", "doce años", 12), ("es", "quince años", 15),
        ("es", "dieciséis años", 16), ("es", "veinte años", 20), ("es", "veinticinco años", 25),
        ("es", "5 years", 5),
    ],
)
def test_experience_min_years_fr_es(lang, text, years):
    assert min_years(text, lang=lang) == years


@pytest.mark.parametrize(
    "lang,text",
    [("fr", "plusieurs années"), ("fr", "une expérience avérée"), ("es", "varios años"),
     ("es", "una experiencia sólida")],
)
def test_experience_min_years_none_fr_es(lang, text):
    assert min_years(text, lang=lang) is None


def test_experience_english_ignores_french_and_spanish_numbers():
    assert min_years("cinq ans") is None
    assert min_years("dos años") is None


@pytest.mark.parametrize(
    "lang,context",
    [
        ("fr", "Une connaissance du portugais serait un atout"),
        ("fr", "L'arabe est un atout"),
        ("fr", "Une expérience au Sahel constitue un atout"),
        ("fr", "La maîtrise de SIG est un plus"),
        ("fr", "Anglais : un plus."),
        ("fr", "Notions d'italien souhaitables"),
        ("fr", "Expérience souhaitée"),
        ("fr", "de préférence en économie"),
        ("fr", "L'anglais serait un avantage"),
        ("fr", "portugais apprécié(e)"),
        ("fr", "Une expérience en gestion serait appréciée"),
        ("fr", "L'anglais serait un atout mais n'est pas obligatoire"),
        ("es", "Se valorará el conocimiento de quechua"),
        ("es", "El inglés será valorado"),
        ("es", "Francés: deseable"),
        ("es", "preferiblemente en economía"),
        ("es", "de preferencia con maestría"),
        ("es", "El portugués es una ventaja"),
        ("es", "Conocimiento de francés valorable"),
        ("es", "Inglés (no excluyente)"),
        ("es", "Se prefiere conocimiento de portugués"),
        ("es", "El francés será considerado como ventaja"),
        ("es", "Arabic would be an advantage"),
    ],
)
def test_cues_is_desirable_fr_es(lang, context):
    assert is_desirable(context, lang=lang)


@pytest.mark.parametrize(
    "lang,context",
    [
        ("fr", "La maîtrise du français est exigée"),
        ("fr", "Anglais requis"),
        ("fr", "Permis de conduire obligatoire"),
        ("fr", "Le français est indispensable"),
        ("fr", "Anglais essentiel"),
        ("fr", "La maîtrise du français est impérative"),
        ("fr", "Le candidat doit parler anglais"),
        ("fr", "Anglais requis ; l'espagnol serait un atout"),
        ("fr", "un candidat qui a plus de cinq ans d'expérience"),
        ("fr", "pour un plus grand nombre de bénéficiaires"),
        ("es", "Inglés requerido"),
        ("es", "Inglés obligatorio"),
        ("es", "Es indispensable el dominio del inglés"),
        ("es", "Imprescindible inglés y castellano"),
        ("es", "Inglés esencial"),
        ("es", "El candidato debe hablar inglés"),
        ("es", "Inglés (excluyente)"),
        ("es", "Se requiere inglés"),
    ],
)
def test_cues_is_not_desirable_fr_es(lang, context):
    assert not is_desirable(context, lang=lang)


@pytest.mark.parametrize(
    "lang,sentence",
    [
        ("fr", "Les langues de travail de l'Organisation sont l'anglais et le français."),
        ("fr", "L'anglais et le français sont les langues de travail du Secrétariat."),
        ("fr", "Les candidatures doivent être soumises en français."),
        ("fr", "Les CV rédigés en anglais sont acceptés."),
        ("fr", "Cet avis de vacance est également disponible en anglais."),
        ("es", "Las lenguas oficiales de la Organización son el árabe, el chino, el español, "
               "el francés, el inglés y el ruso."),
        ("es", "El español y el inglés son los idiomas de trabajo de la oficina."),
        ("es", "Las solicitudes deben presentarse en inglés o español."),
        ("es", "Esta convocatoria está disponible en inglés."),
    ],
)
def test_cues_is_boilerplate_language_sentence_fr_es(lang, sentence):
    assert is_boilerplate_language_sentence(sentence, lang=lang)


@pytest.mark.parametrize(
    "lang,sentence",
    [
        ("fr", "La maîtrise de l'une des langues de travail du Secrétariat est exigée."),
        ("fr", "Les candidatures doivent être soumises en ligne."),
        ("fr", "Excellente maîtrise du français."),
        ("es", "Se requiere dominio de uno de los idiomas oficiales de la Organización."),
        ("es", "Dominio del inglés."),
        ("es", "Las solicitudes deben enviarse antes del 5 de diciembre."),
    ],
)
def test_cues_is_not_boilerplate_language_sentence_fr_es(lang, sentence):
    assert not is_boilerplate_language_sentence(sentence, lang=lang)


def test_cues_english_ignores_french_and_spanish():
    assert not is_desirable("Une connaissance du portugais serait un atout")
    assert not is_desirable("Se valorará el quechua")
    assert is_desirable("SQL is a plus")
    assert not is_desirable("SQL is a plus", lang="fr")  # French "a plus" is "has more"


def _grades(text, lang):
    return [(text[start:end], code) for start, end, code in find_grades(text, lang)]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "Classe : P-3", [("P-3", "P-3")]),
        ("fr", "Classe : P3", [("P3", "P-3")]),
        ("fr", "Catégorie : NO-B", [("NO-B", "NO-B")]),
        ("fr", "Niveau G5", [("G5", "G-5")]),
        ("fr", "Niveau : P3 ou P4", [("P3", "P-3"), ("P4", "P-4")]),
        ("fr", "Grade : G7", [("G7", "G-7")]),
        ("es", "Grado: P3", [("P3", "P-3")]),
        ("es", "Nivel: SB-4", [("SB-4", "SB-4")]),
        ("es", "NIVEL: GS-6", [("GS-6", "G-6")]),
        ("es", "Clase: G6", [("G6", "G-6")]),
        ("es", "grados P3 o P4", [("P3", "P-3"), ("P4", "P-4")]),
    ],
)
def test_grades_find_grades_fr_es(lang, text, expected):
    assert _grades(text, lang) == expected


@pytest.mark.parametrize(
    "lang,text",
    [("es", "Categoría D1 del convenio"), ("es", "Portugués nivel C1"), ("fr", "niveau C1 en anglais"),
     ("fr", "les pays du G5 Sahel")],
)
def test_grades_find_grades_rejects_fr_es(lang, text):
    assert find_grades(text, lang) == []


def test_grades_english_needs_english_cues():
    assert find_grades("Niveau G5") == []
    assert find_grades("Grado: P3") == []
