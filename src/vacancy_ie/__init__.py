"""vacancy-ie: grades, dates, languages and requirements from job vacancy notices."""

__version__ = "0.1.0"
