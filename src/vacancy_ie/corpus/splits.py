"""Train / dev / test by document, grouped by employer and stratified by content.

No employer has notices in two splits, so test scores say how the model does on templates it
has not seen. Stratification keeps grades, deadlines and desirable languages in every split.
`extend_splits` grows a committed split with new documents without moving the old ones, and
sets aside `family`: every notice of a few large employers new to the corpus, a second test
set of templates the model has never seen, not even a sibling of.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from sklearn.model_selection import StratifiedGroupKFold

from ..labels import LABELS, STRATA
from .records import AnnotationRecord

SPLITS = ("train", "dev", "test", "family")


def stratum(record: AnnotationRecord) -> str:
    """The rarest kind of content a document has, so that each kind lands in every split."""
    for name, label, soft_only in STRATA:
        if any(s.label == label and (not soft_only or LABELS[label].is_soft(s.attrs)) for s in record.spans):
            return name
    return "other"


def _pick_fold(ids: list[str], y: list[str], groups: list[str], n_splits: int, seed: int,
               target: float) -> set[int]:
    """The fold of a stratified group k-fold whose size is closest to `target` documents."""
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    folds = [set(test) for _, test in splitter.split(ids, y, groups)]
    return min(folds, key=lambda f: abs(len(f) - target))


def make_splits(records: Iterable[AnnotationRecord], employers: dict[str, str], seed: int,
                test_fraction: float = 0.25, dev_fraction: float = 0.15) -> dict[str, list[str]]:
    return _split_records(sorted(records, key=lambda r: r.id), employers, seed, test_fraction, dev_fraction)


def _split_records(records: list[AnnotationRecord], employers: dict[str, str], seed: int,
                   test_fraction: float, dev_fraction: float,
                   key: Callable[[AnnotationRecord], str] = stratum) -> dict[str, list[str]]:
    ids = [r.id for r in records]
    y = [key(r) for r in records]
    groups = [employers[i] for i in ids]
    test = _pick_fold(ids, y, groups, round(1 / test_fraction), seed, test_fraction * len(ids))
    rest = [i for i in range(len(ids)) if i not in test]
    dev_share = dev_fraction / (1 - test_fraction)
    dev_local = _pick_fold([ids[i] for i in rest], [y[i] for i in rest], [groups[i] for i in rest],
                           round(1 / dev_share), seed, dev_fraction * len(ids))
    dev = {rest[i] for i in dev_local}
    return {
        "train": sorted(ids[i] for i in range(len(ids)) if i not in test and i not in dev),
        "dev": sorted(ids[i] for i in dev),
        "test": sorted(ids[i] for i in test),
    }


def extend_splits(old: dict[str, list[str]], records: Iterable[AnnotationRecord], employers: dict[str, str],
                  languages: dict[str, str], seed: int, family_docs: int = 40, test_fraction: float = 0.25,
                  dev_fraction: float = 0.15) -> dict[str, list[str]]:
    """The old split with the new documents added: a document of an employer already split goes
    where that employer is; the largest employers new to the corpus form `family` (until it
    holds `family_docs`); the other new employers are split as `make_splits` does, with the
    notice's language in the stratum so French and Spanish reach every split."""
    records = sorted(records, key=lambda r: r.id)
    placed = {doc_id: name for name in SPLITS for doc_id in old.get(name, [])}
    employer_split = {employers[i]: name for i, name in placed.items() if i in employers}
    out: dict[str, list[str]] = {name: [] for name in SPLITS}
    new = []
    for record in records:
        name = placed.get(record.id) or employer_split.get(employers[record.id])
        if name:
            out[name].append(record.id)
        else:
            new.append(record)
    sizes = Counter(employers[r.id] for r in new)
    family: set[str] = set()
    for employer, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        if sum(sizes[e] for e in family) >= family_docs or n < 3:
            break
        family.add(employer)
    out["family"] += [r.id for r in new if employers[r.id] in family]
    rest = [r for r in new if employers[r.id] not in family]
    if rest:
        split = _split_records(rest, employers, seed, test_fraction, dev_fraction,
                               key=lambda r: f"{languages.get(r.id, 'en')}-{stratum(r)}")
        for name in ("train", "dev", "test"):
            out[name] += split[name]
    return {name: sorted(ids) for name, ids in out.items()}


def split_summary(splits: dict[str, list[str]], records: Iterable[AnnotationRecord],
                  employers: dict[str, str]) -> dict[str, dict]:
    by_id = {r.id: r for r in records}
    summary = {}
    for name in SPLITS:
        ids = splits.get(name, [])
        summary[name] = {
            "documents": len(ids),
            "employers": len({employers[i] for i in ids}),
            "strata": dict(Counter(stratum(by_id[i]) for i in ids if i in by_id)),
        }
    return summary


def check_disjoint(splits: dict[str, list[str]], employers: dict[str, str]) -> list[str]:
    """Problems with a split: a document or an employer in two splits."""
    problems = []
    seen_docs: dict[str, str] = {}
    seen_emp: dict[str, str] = {}
    for name in SPLITS:
        for doc_id in splits.get(name, []):
            if doc_id in seen_docs:
                problems.append(f"document {doc_id} is in {seen_docs[doc_id]} and {name}")
            seen_docs[doc_id] = name
            emp = employers.get(doc_id, "?")
            if seen_emp.get(emp, name) != name:
                problems.append(f"employer {emp!r} is in {seen_emp[emp]} and {name}")
            seen_emp.setdefault(emp, name)
    return problems
