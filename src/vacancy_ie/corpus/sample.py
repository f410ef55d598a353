"""Choosing notices to annotate: many employers, few notices each, a UN-system quota, and
(optionally) only notices that show a rare decision the model must learn (`AIMS`)."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from typing import Callable, Iterable

from ..normalizers import find_grades, find_languages, is_desirable
from ..pipeline.rules import find_date_spans
from ..text.cleaning import clean
from .volume import Notice

_ROUTE = re.compile(
    r"\bor\b[^.\n]{0,120}?\b(?:bachelor|first[- ]level|university degree|licen[cs]e)\b[^.\n]{0,120}?"
    r"\b(?:additional|further|years?)\b"
    r"|\b(?:additional|further)\s+(?:\w+\s+){0,2}years?\b",
    re.IGNORECASE)
_SENTENCE = re.compile(r"[^\n.;]+")


def _desirable_language(text: str) -> bool:
    return any(find_languages(s.group()) and is_desirable(s.group()) for s in _SENTENCE.finditer(text))


# Decisions the corpus needs enough of (issue: corpus v2), each a cheap test on cleaned text.
AIMS: dict[str, Callable[[str], bool]] = {
    "grade": lambda text: bool(find_grades(text)),
    "deadline": lambda text: any(f.label == "DEADLINE" for f in find_date_spans(text, None)),
    "desirable-language": _desirable_language,
    "routes": lambda text: bool(_ROUTE.search(text)),
}


def aimed_at(aims: Iterable[str]) -> Callable[[Notice], bool]:
    """A filter keeping notices that show at least one of `aims` (all notices when none)."""
    tests = [AIMS[a] for a in aims]
    if not tests:
        return lambda _: True
    return lambda notice: any(test(clean(notice.text).text) for test in tests)


def sample_notices(notices: Iterable[Notice], n: int, min_un: int, max_per_employer: int,
                   seed: int, exclude: set[str] = frozenset(), min_chars: int = 1500,
                   max_chars: int = 20000, keep: Callable[[Notice], bool] = lambda _: True,
                   lang: str = "en") -> list[Notice]:
    """Draw `n` notices in `lang` round-robin over employers, at least `min_un` of them UN-system.

    Round-robin over shuffled employers spreads the sample over as many templates as the pool
    holds; the cap keeps a big employer (UNICEF, Mercy Corps) from dominating it.
    """
    rng = random.Random(seed)
    by_employer: dict[str, list[Notice]] = defaultdict(list)
    for notice in notices:
        if (notice.lang == lang and notice.id not in exclude and min_chars <= len(notice.text) <= max_chars
                and keep(notice)):
            by_employer[notice.employer].append(notice)
    for group in by_employer.values():
        group.sort(key=lambda x: x.id)
        rng.shuffle(group)
    employers = sorted(by_employer)
    rng.shuffle(employers)

    def draw(pool_filter, quota: int, chosen: list[Notice]) -> None:
        taken = defaultdict(int)
        for notice in chosen:
            taken[notice.employer] += 1
        while len(chosen) < quota:
            progress = False
            for employer in employers:
                group = [x for x in by_employer[employer] if pool_filter(x) and x not in chosen]
                if group and taken[employer] < max_per_employer and len(chosen) < quota:
                    chosen.append(group[0])
                    taken[employer] += 1
                    progress = True
            if not progress:
                break

    chosen: list[Notice] = []
    draw(lambda x: x.is_un, min_un, chosen)
    draw(lambda x: not x.is_un, n, chosen)
    draw(lambda x: True, n, chosen)
    return chosen
