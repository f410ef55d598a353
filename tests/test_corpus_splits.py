from vacancy_ie.corpus.records import AnnotationRecord, Span
from vacancy_ie.corpus.splits import check_disjoint, extend_splits, make_splits, stratum


def make_records(n_employers=12, per_employer=4):
    records, employers = [], {}
    for e in range(n_employers):
        for k in range(per_employer):
            doc_id = f"{e:02d}{k}"
            label = ["GRADE", "DEADLINE", "SKILL"][(e + k) % 3]
            attrs = {"GRADE": {"code": "P-3"}, "DEADLINE": {"date": "2024-11-15"},
                     "SKILL": {"required": True}}[label]
            records.append(AnnotationRecord(doc_id, "s", "h", "gold", "t", [Span(0, 1, label, attrs)]))
            employers[doc_id] = f"employer-{e}"
    return records, employers


def test_splits_keep_each_employer_in_one_split():
    records, employers = make_records()
    splits = make_splits(records, employers, seed=1)
    assert check_disjoint(splits, employers) == []
    assert sum(len(v) for v in splits.values()) == len(records)
    assert all(splits[name] for name in ("train", "dev", "test"))


def test_splits_are_reproducible_with_a_seed():
    records, employers = make_records()
    assert make_splits(records, employers, seed=5) == make_splits(records, employers, seed=5)


def test_splits_check_reports_shared_employer():
    employers = {"a": "X", "b": "X"}
    problems = check_disjoint({"train": ["a"], "dev": [], "test": ["b"]}, employers)
    assert problems and "employer 'X'" in problems[0]


def test_splits_stratum_prefers_desirable_languages():
    record = AnnotationRecord("1", "s", "h", "gold", "t", [
        Span(0, 1, "GRADE", {"code": "P-3"}),
        Span(2, 3, "LANGUAGE", {"code": "fr", "requirement": "desirable"})])
    assert stratum(record) == "desirable-language"


def test_splits_extend_keeps_old_documents_and_holds_out_a_family():
    records, employers = make_records(n_employers=12)
    old = make_splits(records, employers, seed=1)
    new_records, new_employers = make_records(n_employers=20)
    new_records += [AnnotationRecord(f"big{k}", "s", "h", "gold", "t", [Span(0, 1, "SKILL", {"required": True})])
                    for k in range(6)]
    new_employers.update({f"big{k}": "big employer" for k in range(6)})
    languages = {r.id: ("fr" if r.id.endswith("1") else "en") for r in new_records}
    grown = extend_splits(old, new_records, new_employers, languages, seed=1, family_docs=5)
    for name in ("train", "dev", "test"):
        assert set(old[name]) <= set(grown[name])
    assert {f"big{k}" for k in range(6)} <= set(grown["family"])
    assert check_disjoint(grown, new_employers) == []
    assert sum(len(v) for v in grown.values()) == len(new_records)
