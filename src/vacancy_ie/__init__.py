"""vacancy-ie: grades, dates, languages and requirements from job vacancy notices.

`vacancy_ie.extract(notices, model="en_vacancy_ie")` gives one record per notice
(`vacancy_ie.schema` describes it); the spaCy pipeline is `spacy.load("en_vacancy_ie")`.
"""

__version__ = "0.1.0"

from .api import extract  # noqa: E402 - after __version__, which the package's modules may read

__all__ = ["__version__", "extract"]
