"""Evaluation: systems scored on a split, scoring levels, error analysis, reports and the CI gate."""
