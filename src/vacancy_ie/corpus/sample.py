"""Choosing notices to annotate: many employers, few notices each, a UN-system quota."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Callable, Iterable

from .volume import Notice


def sample_notices(notices: Iterable[Notice], n: int, min_un: int, max_per_employer: int,
                   seed: int, exclude: set[str] = frozenset(), min_chars: int = 1500,
                   max_chars: int = 20000, keep: Callable[[Notice], bool] = lambda _: True) -> list[Notice]:
    """Draw `n` English notices round-robin over employers, at least `min_un` of them UN-system.

    Round-robin over shuffled employers spreads the sample over as many templates as the pool
    holds; the cap keeps a big employer (UNICEF, Mercy Corps) from dominating it.
    """
    rng = random.Random(seed)
    by_employer: dict[str, list[Notice]] = defaultdict(list)
    for notice in notices:
        if (notice.lang == "en" and notice.id not in exclude and min_chars <= len(notice.text) <= max_chars
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
