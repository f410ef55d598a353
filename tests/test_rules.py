"""The rule-based extractor: each finder, the overlap rule and the `extract` entry points."""

from datetime import date

import pytest

from vacancy_ie.normalizers import education_level
from vacancy_ie.pipeline.rules import (
    Found,
    drop_overlaps,
    extract,
    extract_shared,
    find_date_spans,
    find_education_spans,
    find_experience_spans,
    find_language_spans,
    find_skill_spans,
)

REFERENCE = date(2024, 11, 7)


def found(text, spans, label=None):
    """(label, text of the span, attrs) of each span, in order; only `label` when given."""
    return [(f.label, text[f.start:f.end], f.attrs) for f in spans if label in (None, f.label)]


def test_rules_grade_span_is_the_designation_with_its_code():
    text = "Programme Officer, Grade: P3\n"
    assert found(text, extract(text), "GRADE") == [("GRADE", "P3", {"code": "P-3"})]


def test_rules_date_after_closing_cue_is_deadline():
    text = "Closing date: 15 November 2024"
    assert found(text, find_date_spans(text, None)) == [
        ("DEADLINE", "15 November 2024", {"date": "2024-11-15", "time": None, "timezone": None})]


def test_rules_date_after_posted_cue_is_posted():
    text = "Date posted: 1 November 2024"
    assert found(text, find_date_spans(text, None)) == [("POSTED", "1 November 2024", {"date": "2024-11-01"})]


def test_rules_dates_on_separate_lines_take_their_own_cue():
    text = "Posted on 1 November 2024\nClosing date: 15 November 2024"
    assert [(label, span) for label, span, _ in found(text, find_date_spans(text, None))] == [
        ("POSTED", "1 November 2024"), ("DEADLINE", "15 November 2024")]


def test_rules_posting_period_gives_posted_then_deadline():
    text = "From 25.05.2026 to 07.06.2026"
    assert found(text, find_date_spans(text, None)) == [
        ("POSTED", "25.05.2026", {"date": "2026-05-25"}),
        ("DEADLINE", "07.06.2026", {"date": "2026-06-07", "time": None, "timezone": None})]


def test_rules_date_without_cue_is_neither():
    assert find_date_spans("Interviews will be held on 12 March 2025.", None) == []


def test_rules_deadline_keeps_attached_time_and_zone():
    text = "Vacancy closes 12 March 2025 at 23:59 CET"
    assert found(text, find_date_spans(text, None)) == [
        ("DEADLINE", "12 March 2025 at 23:59 CET", {"date": "2025-03-12", "time": "23:59", "timezone": "CET"})]


def test_rules_yearless_deadline_found_without_reference_date():
    text = "Closing date: 12 March"
    assert found(text, extract(text)) == [("DEADLINE", "12 March", {"date": None, "time": None, "timezone": None})]


@pytest.mark.parametrize("reference", [None, REFERENCE])
def test_rules_impossible_date_is_no_deadline(reference):
    assert extract("Closing date: 31 February 2025", reference) == []


def test_rules_yearless_deadline_resolves_against_reference_date():
    text = "Closing date: 12 March"
    assert found(text, extract(text, REFERENCE)) == [
        ("DEADLINE", "12 March", {"date": "2025-03-12", "time": None, "timezone": None})]


def test_rules_language_required_by_cue():
    text = "Fluency in English and French is required."
    assert found(text, find_language_spans(text)) == [
        ("LANGUAGE", "English", {"code": "en", "requirement": "required"}),
        ("LANGUAGE", "French", {"code": "fr", "requirement": "required"})]


def test_rules_language_requirement_is_per_clause():
    text = "Fluency in English is required; knowledge of French is an asset."
    assert found(text, find_language_spans(text)) == [
        ("LANGUAGE", "English", {"code": "en", "requirement": "required"}),
        ("LANGUAGE", "French", {"code": "fr", "requirement": "desirable"})]


@pytest.mark.parametrize("text", [
    "Alpha's official languages are English and French.",
    "The working languages of the Secretariat are English and French.",
    "Applications are accepted in English only.",
])
def test_rules_language_boilerplate_is_not_a_requirement(text):
    assert find_language_spans(text) == []


def test_rules_language_boilerplate_sentence_does_not_hide_the_next_requirement():
    text = "Alpha's official languages are English and French. Fluency in Spanish is required."
    assert found(text, find_language_spans(text)) == [
        ("LANGUAGE", "Spanish", {"code": "es", "requirement": "required"})]


def test_rules_language_without_language_cue_is_left_out():
    assert find_language_spans("The office is in the French part of town.") == []


def test_rules_education_phrase_runs_through_field_of_study():
    text = "Requirements\nMaster's degree in economics or a related field.\n"
    assert found(text, find_education_spans(text)) == [
        ("EDUCATION", "Master's degree in economics or a related field", {"level": "master", "required": True})]


def test_rules_education_leaves_out_leading_article():
    text = "Requirements\nA secondary school diploma.\n"
    assert found(text, find_education_spans(text)) == [
        ("EDUCATION", "secondary school diploma", {"level": "secondary", "required": True})]


def test_rules_education_asset_is_not_required():
    text = "Requirements\nMaster's degree in economics; a PhD in statistics is an asset.\n"
    spans = find_education_spans(text)
    assert [(f.attrs["level"], f.attrs["required"]) for f in spans] == [("master", True), ("doctorate", False)]


def test_rules_experience_years_and_required():
    text = "Requirements\nAt least five years of experience in case management.\n"
    assert found(text, find_experience_spans(text)) == [
        ("EXPERIENCE", "At least five years of experience", {"years": 5, "required": True})]


@pytest.mark.parametrize("phrase,years", [("3-5 years of experience", 3), ("18 months experience", 1),
                                          ("2 years' experience", 2), ("several years of experience", None)])
def test_rules_experience_years_is_the_minimum_whole_years(phrase, years):
    text = f"Requirements\n{phrase}.\n"
    assert found(text, find_experience_spans(text)) == [("EXPERIENCE", phrase, {"years": years, "required": True})]


def test_rules_experience_asset_is_not_required():
    text = "Requirements\nTwo years of field experience is an asset.\n"
    assert found(text, find_experience_spans(text)) == [
        ("EXPERIENCE", "Two years of field experience", {"years": 2, "required": False})]


def test_rules_skills_found_in_qualification_lines():
    text = "Requirements\nKnowledge of Python, proficiency in SQL.\n"
    assert found(text, find_skill_spans(text)) == [
        ("SKILL", "Python", {"required": True}), ("SKILL", "SQL", {"required": True})]


def test_rules_skills_not_found_before_qualification_heading():
    text = "Duties\nKnowledge of Python is used daily to build reports\n"
    assert find_skill_spans(text) == []


def test_rules_skill_on_desirable_line_is_not_required():
    text = "Requirements\nExperience with ArcGIS is desirable.\n"
    assert found(text, find_skill_spans(text)) == [("SKILL", "ArcGIS", {"required": False})]


def test_rules_language_in_skill_frame_is_not_a_skill():
    text = "Requirements\nKnowledge of French.\n"
    assert find_skill_spans(text) == []
    assert [f.label for f in extract(text)] == ["LANGUAGE"]


@pytest.mark.parametrize("outer", ["EXPERIENCE", "EDUCATION"])
def test_rulesdrop_overlaps_keeps_skill_inside(outer):
    spans = [Found(0, 30, outer), Found(10, 25, "SKILL")]
    assert drop_overlaps(spans) == spans


@pytest.mark.parametrize("inner", ["LANGUAGE", "GRADE", "EXPERIENCE", "EDUCATION"])
def test_rulesdrop_overlaps_drops_other_nested_label(inner):
    assert drop_overlaps([Found(10, 15, inner), Found(0, 30, "EDUCATION")]) == [Found(0, 30, "EDUCATION")]


def test_rulesdrop_overlaps_drops_skill_crossing_the_outer_span():
    assert drop_overlaps([Found(0, 30, "EXPERIENCE"), Found(25, 40, "SKILL")]) == [Found(0, 30, "EXPERIENCE")]


def test_rulesdrop_overlaps_keeps_the_longer_of_two_same_label_spans():
    assert drop_overlaps([Found(5, 10, "SKILL"), Found(0, 20, "SKILL")]) == [Found(0, 20, "SKILL")]


def test_rulesdrop_overlaps_keeps_adjacent_spans_sorted():
    assert drop_overlaps([Found(5, 9, "LANGUAGE"), Found(0, 5, "GRADE")]) == [
        Found(0, 5, "GRADE"), Found(5, 9, "LANGUAGE")]


NOTICE = ("Programme Officer, Grade: P-3\nPosted: 1 November 2024\nClosing date: 15 November\n"
          "Requirements\nMaster's degree in economics or a related field.\n"
          "At least five years of experience in case management.\n"
          "Fluency in English is required; knowledge of French is an asset.\n"
          "Alpha's official languages are English and French.\n")


def test_rules_extract_finds_every_label_of_a_notice():
    assert [(label, span) for label, span, _ in found(NOTICE, extract(NOTICE))] == [
        ("GRADE", "P-3"), ("POSTED", "1 November 2024"), ("DEADLINE", "15 November"),
        ("EDUCATION", "Master's degree in economics or a related field"),
        ("EXPERIENCE", "At least five years of experience"), ("SKILL", "case management"),
        ("LANGUAGE", "English"), ("LANGUAGE", "French")]


def test_rules_extract_spans_sorted_tight_and_within_text():
    spans = extract(NOTICE, REFERENCE)
    assert spans == sorted(spans, key=lambda f: (f.start, f.end))
    for f in spans:
        assert 0 <= f.start < f.end <= len(NOTICE)
        assert NOTICE[f.start:f.end] == NOTICE[f.start:f.end].strip(" \n.,;:")


def test_rules_extract_drops_language_nested_in_education():
    text = "Requirements\nBachelor's degree in French language or a related field.\n"
    assert find_language_spans(text)  # found alone, and dropped by the overlap rule
    assert [(label, span) for label, span, _ in found(text, extract(text))] == [
        ("EDUCATION", "Bachelor's degree in French language or a related field")]


def test_rules_extract_keeps_skill_nested_in_education():
    text = "Requirements\nBachelor's degree in knowledge of accounting.\n"
    assert [(label, span) for label, span, _ in found(text, extract(text))] == [
        ("EDUCATION", "Bachelor's degree in knowledge of accounting"), ("SKILL", "accounting")]


def test_rulesdrop_overlaps_drops_experience_nested_in_skill():
    assert len(drop_overlaps([Found(0, 40, "SKILL"), Found(20, 40, "EXPERIENCE")])) == 1


def test_rules_extract_shared_equals_extract_without_reference():
    assert [(f, f.attrs) for f in extract_shared(NOTICE)] == [(f, f.attrs) for f in extract(NOTICE)]


FRENCH_NOTICE = ("Date limite de dépôt des candidatures : 20 novembre 2024 à 23h59\nProfil\n"
                 "Master en économie ou Licence avec au moins cinq (5) ans d'expérience professionnelle.\n"
                 "La connaissance de l'anglais serait un atout. Maîtrise du français exigée.")
SPANISH_NOTICE = ("Fecha de cierre: 15 de noviembre de 2024\nRequisitos\n"
                  "Licenciatura en derecho, mínimo tres años de experiencia. "
                  "Se valorará el conocimiento del portugués. Dominio del español.")


def _facts(found, text):
    return {(f.label, text[f.start:f.end], tuple(sorted(f.attrs.items()))) for f in found}


def test_rules_read_french_cues():
    facts = _facts(extract(FRENCH_NOTICE, lang="fr"), FRENCH_NOTICE)
    assert ("DEADLINE", "20 novembre 2024 à 23h59",
            (("date", "2024-11-20"), ("time", "23:59"), ("timezone", None))) in facts
    assert ("EDUCATION", "Licence", (("level", "bachelor"), ("required", True))) in facts
    assert ("EXPERIENCE", "au moins cinq (5) ans d'expérience", (("required", True), ("years", 5))) in facts
    assert ("LANGUAGE", "anglais", (("code", "en"), ("requirement", "desirable"))) in facts
    assert ("LANGUAGE", "français", (("code", "fr"), ("requirement", "required"))) in facts


def test_rules_read_spanish_cues():
    facts = _facts(extract(SPANISH_NOTICE, lang="es"), SPANISH_NOTICE)
    assert ("EDUCATION", "Licenciatura en derecho", (("level", "bachelor"), ("required", True))) in facts
    assert ("EXPERIENCE", "mínimo tres años de experiencia", (("required", True), ("years", 3))) in facts
    assert ("LANGUAGE", "portugués", (("code", "pt"), ("requirement", "desirable"))) in facts


def test_rules_english_mode_ignores_french_cues():
    assert not [f for f in extract(FRENCH_NOTICE) if f.label == "EXPERIENCE"]


@pytest.mark.parametrize("text, phrase, level", [
    ("Education: High school diploma or equivalent.", "High school diploma or equivalent", "secondary"),
    ("Master degree or equivalent in social sciences, public health, or a related field.",
     "Master degree or equivalent in social sciences, public health, or a related field", "master"),
    ("First-level university degree or higher is required.", "First-level university degree or higher",
     "bachelor"),
    ("Graduate school programme (second university degree or equivalent, or higher).",
     "Graduate school programme (second university degree or equivalent, or higher)", "master"),
])
def test_rules_education_degree_with_or_equivalent_and_field(text, phrase, level):
    assert found(text, find_education_spans(text)) == [("EDUCATION", phrase, {"level": level, "required": True})]


def test_rules_education_degree_of_is_not_a_degree():
    assert find_education_spans("The role needs a high degree of autonomy.") == []


@pytest.mark.parametrize("text", [
    "The assistant reports to the Liaison Officer (P-4).",
    "Staff members in the Professional category up to and including the D-2 level may apply.",
    "the Programme Participant Protection Policy (P4), the Child Safeguarding Policy",
])
def test_rules_grade_of_another_post_is_left_out(text):
    assert found(text, extract(text), "GRADE") == []


def test_rules_grade_after_a_field_label():
    text = "NIVEL DE REMUNERACIÓN: SC4\n"
    assert found(text, extract(text, lang="es"), "GRADE") == [("GRADE", "SC4", {"code": "SC-4"})]


@pytest.mark.parametrize("text,lang,phrase,level", [
    ("- Profesional en Psicología o Trabajo Social.\n", "es", "Profesional en Psicología o Trabajo Social", "bachelor"),
    ("- Máster o equivalente en políticas públicas.\n", "es", "Máster o equivalente en políticas públicas", "master"),
    ("- Secundaria completa.\n", "es", "Secundaria completa", "secondary"),
    ("- Carrera técnica en electricidad.\n", "es", "Carrera técnica en electricidad", "technical"),
    ("- Études secondaires ou équivalent.\n", "fr", "Études secondaires ou équivalent", "secondary"),
])
def test_rules_education_latin_american_and_french_wording(text, lang, phrase, level):
    assert found(text, find_education_spans(text, lang), "EDUCATION") == [
        ("EDUCATION", phrase, {"level": level, "required": True})]


@pytest.mark.parametrize("text,lang,phrase,level", [
    ("Diplôme universitaire supérieur (Master ou équivalent) en génie civil, travaux publics ou domaine connexe.\n",
     "fr", "Diplôme universitaire supérieur (Master ou équivalent) en génie civil, travaux publics ou domaine connexe",
     "master"),
    ("Diplôme de premier niveau (Licence) en statistique (ou discipline proche).\n", "fr",
     "Diplôme de premier niveau (Licence) en statistique (ou discipline proche)", "bachelor"),
    ("Diplôme universitaire dans l'une des disciplines suivantes : droit, économie.\n", "fr",
     "Diplôme universitaire dans l'une des disciplines suivantes : droit, économie", "bachelor"),
    ("Estudios universitarios a nivel avanzado (Maestría o equivalente) en finanzas.\n", "es",
     "Estudios universitarios a nivel avanzado (Maestría o equivalente) en finanzas", "master"),
    ("Maestría o superior en gestión de proyectos.\n", "es", "Maestría o superior en gestión de proyectos", "master"),
    ("Un doctorat serait un atout.\n", "fr", "doctorat", "doctorate"),
])
def test_rules_education_french_and_spanish_phrase_runs_over_qualifiers_and_field(text, lang, phrase, level):
    assert phrase in {span for _, span, _ in found(text, find_education_spans(text, lang), "EDUCATION")}
    assert education_level(phrase, lang) == level


def test_rules_education_french_degree_before_a_bracket_ends_the_phrase():
    text = "Deux ans d'expérience (avec la Licence) ou aucune (avec le Master).\n"
    phrases = {span for _, span, _ in found(text, find_education_spans(text, "fr"), "EDUCATION")}
    assert {"Licence", "Master"} <= phrases


@pytest.mark.parametrize("text,lang,phrase,years", [
    ("Experiencia mínima de 2 años en gestión.", "es", "Experiencia mínima de 2 años", 2),
    ("Al menos 1 año de experiencia en el sector.", "es", "Al menos 1 año de experiencia", 1),
    ("Expérience pertinente de 3 ans au moins dans le domaine.", "fr", "Expérience pertinente de 3 ans au moins", 3),
    ("Minimum years of relevant experience: 4 year(s) experience", "en", "4 year(s) experience", 4),
])
def test_rules_experience_french_spanish_and_table_wording(text, lang, phrase, years):
    assert ("EXPERIENCE", phrase, {"years": years, "required": True}) in found(text, find_experience_spans(text, lang))


def test_rules_education_professional_experience_is_not_a_degree():
    text = "- Experiencia profesional en gestión de proyectos.\n"
    assert find_education_spans(text, "es") == []


def test_rules_experience_bare_years_in_a_sentence_about_experience():
    text = "Experience: a minimum of 10 years in programme management."
    assert found(text, find_experience_spans(text)) == [
        ("EXPERIENCE", "a minimum of 10 years", {"years": 10, "required": True})]
    assert find_experience_spans("The contract lasts 2 years.") == []


def test_rules_experience_additional_years_are_in_the_span():
    text = "A first-level degree with two additional years of qualifying experience."
    assert found(text, find_experience_spans(text)) == [
        ("EXPERIENCE", "two additional years of qualifying experience", {"years": 2, "required": True})]


def test_rules_language_list_in_parentheses_takes_the_clause_after_it():
    text = ("Fluency in English is essential and a good working knowledge of another official language "
            "(Arabic, Chinese, and Spanish) is desirable.")
    assert [(t, a["requirement"]) for _, t, a in found(text, find_language_spans(text))] == [
        ("English", "required"), ("Arabic", "desirable"), ("Chinese", "desirable"), ("Spanish", "desirable")]


def test_rules_language_list_joined_by_and_or_is_one_clause():
    text = ("Fluency in English is required. Working knowledge of another official language "
            "(Arabic, French, and Spanish), and/or Portuguese is an asset.")
    assert [(t, a["requirement"]) for _, t, a in found(text, find_language_spans(text))] == [
        ("English", "required"), ("Arabic", "desirable"), ("French", "desirable"), ("Spanish", "desirable"),
        ("Portuguese", "desirable")]


def test_rules_language_under_a_desirable_heading_is_desirable():
    text = "Languages:\nFluency in English is required.\n\nDesirable:\nWorking knowledge of French.\n"
    assert [(t, a["requirement"]) for _, t, a in found(text, find_language_spans(text))] == [
        ("English", "required"), ("French", "desirable")]


@pytest.mark.parametrize("text, lang, label", [
    ("Job Posting: 06/Nov/2024", "en", "POSTED"),
    ("Date Opened 11/06/2024", "en", "POSTED"),
    ("Date de dépublication: 22 novembre 2024", "fr", "DEADLINE"),
    ("Please send your application via our online system by November 24, 2024.", "en", "DEADLINE"),
])
def test_rules_date_cues_of_job_boards(text, lang, label):
    assert [f.label for f in find_date_spans(text, None, lang)] == [label]


def test_rules_period_end_outside_an_application_is_no_deadline():
    text = "The Council extended the mandate until 15 March 2024."
    assert find_date_spans(text, None) == []
