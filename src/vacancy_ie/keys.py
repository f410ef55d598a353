"""Names that several layers share, each defined once: the Doc extensions the pipeline sets,
and the keys of span groups and user data on a Doc.

    doc._.clean           the cleaning map (CleanText) from doc.text back to the raw input
    doc._.source          where the notice came from (a path, an id), for the record
    doc._.reference_date  the date year-less dates resolve against
    doc._.vacancy         the record the pipeline built
    doc._.language        the notice's language, set by the candidates component
"""

from __future__ import annotations

from spacy.tokens import Doc

CLEAN_EXTENSION = "clean"
SOURCE_EXTENSION = "source"
REFERENCE_DATE_EXTENSION = "reference_date"
RECORD_EXTENSION = "vacancy"
LANGUAGE_EXTENSION = "language"  # the notice's language (en, fr, es), read by rules and record

SPANS_KEY = "sc"  # the span group the span classifier writes and the record reads
CANDIDATES_KEY = "candidates"  # the rules' candidate spans, labelled with the rules' reading
RECORD_SPANS_KEY = "vacancy"  # the spans the record was built from, with their scores
TRAINING_CANDIDATES_KEY = "training_candidates"  # gold spans offered as candidates in training
USER_DATA_KEY = "vacancy_ie"  # converted gold Docs: id, employer, reference date, spans


def register_extensions() -> None:
    """Register the Doc extensions (idempotent), as every entry point into the pipeline does."""
    for name in (CLEAN_EXTENSION, SOURCE_EXTENSION, REFERENCE_DATE_EXTENSION, RECORD_EXTENSION,
                 LANGUAGE_EXTENSION):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
