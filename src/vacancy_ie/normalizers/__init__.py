"""Normalisers: pure functions from a span's text to the canonical value the scheme stores
(grade codes, ISO dates and language codes, education levels, years), and finders that
propose such spans in a longer text.

The functions that read words take `lang` ("en", the default, "fr" or "es"): French and
Spanish add their forms to the English ones, which bilingual notices use; English alone
reads as it always has.
"""

from .cues import is_boilerplate_language_sentence, is_desirable, is_required
from .dates import ParsedDate, find_dates, infer_date_order, parse_date, period_end
from .education import education_level
from .experience import INCREMENT, min_years, route_totals, states_amount
from .grades import GRADE_CODES, find_grades, normalize_grade
from .languages import LanguageCode, find_languages, normalize_language

__all__ = [
    "GRADE_CODES",
    "INCREMENT",
    "LanguageCode",
    "ParsedDate",
    "education_level",
    "find_dates",
    "find_grades",
    "find_languages",
    "infer_date_order",
    "is_boilerplate_language_sentence",
    "is_desirable",
    "is_required",
    "min_years",
    "normalize_grade",
    "normalize_language",
    "parse_date",
    "period_end",
    "route_totals",
    "states_amount",
]
