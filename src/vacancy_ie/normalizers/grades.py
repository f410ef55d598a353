"""Grade designations: canonical codes from the scheme table, and a conservative finder.

A grade is worth extracting only when it is right, so both functions accept only the schemes
of `GRADE_CODES` and reject numbers outside a scheme's range ("P-9", "SB-6", "IPSA-7").

`find_grades` sorts spellings by how often they mean something else. Forms that rarely do
(hyphenated "P-3"/"SB-4", "NOB", "NPSA 7", "LICA 5", UNOPS's "L-ICA 10" / "International
ICA 3", spelled-out "General Service 5", "ungraded") are found anywhere. Bare or ambiguous
forms ("P3", "G5", "G-7", "D1", "SB4", "NO B", "NOC", "ASG", "USG", "UG", "G.6", "SC - 8")
are found only with a cue: the word grade / level / band / category just before them on the
same line, the word grade / level just after them, or parentheses holding nothing else
("Officer (P3)"). A code joined to an accepted one by "/", "or", "to" or "," ("G5 or G6") is
accepted with it. A designation followed by a word such as "countries", "project" or "Sahel"
("G5 countries", "P3 project") is never a grade. With `cued=False` the cue test is skipped:
every spelling of a grade, for a classifier that decides from context which mentions are the
position's grade.

French and Spanish notices (`lang="fr"`, `"es"`) add their cue words, niveau / classe and
grado / nivel / clase ("Niveau G5", "Grado: P3"), and their joining words ("P3 ou P4"). Not
catégorie / categoría, which also grade driving licences and NGO pay scales ("categoría D2").
"""

from __future__ import annotations

import re


def _grade_codes() -> frozenset[str]:
    codes = {"D-1", "D-2", "ASG", "USG", "UG"}
    ranges = {
        "P": 5, "G": 7, "FS": 7, "SB": 5, "SC": 11, "NPSA": 11, "LICA": 11, "IICA": 3,
    }
    for scheme, top in ranges.items():
        codes.update(f"{scheme}-{n}" for n in range(1, top + 1))
    codes.update(f"IPSA-{n}" for n in range(8, 13))
    codes.update(f"NO-{c}" for c in "ABCDE")
    return frozenset(codes)


GRADE_CODES = _grade_codes()  # the canonical codes a GRADE span may take

# Each entry: a pattern with groups `scheme` and `n`, whether it needs a cue.
_FORMS: tuple[tuple[str, bool], ...] = (
    (r"(?P<scheme>NPSA|IPSA|LICA|IICA)[ \t-]?(?P<n>\d{1,2})", False),
    (r"(?P<scheme>[LI]-ICA|(?:Local|International)[ \t]+ICA)[ \t-]?(?P<n>\d{1,2})", False),
    (r"(?P<scheme>P|D|GS|FS|SB|SC)-(?P<n>\d{1,2})", False),
    (r"(?P<scheme>NO)-(?P<n>[A-E])", False),
    (r"(?P<scheme>NO)(?P<n>[ABDE])", False),
    (r"(?P<scheme>G)-(?P<n>\d)", True),
    (r"(?P<scheme>NO)[ \t]?(?P<n>[A-E])", True),
    (r"(?P<scheme>P|D|G|GS|FS|SB|SC)[ \t]?(?P<n>\d{1,2})", True),
    (r"(?P<scheme>P|D|G|GS|FS|SB|SC)(?:\.|[ \t]+[-–][ \t]+)(?P<n>\d{1,2})", True),
    (r"(?P<scheme>ASG|USG|UG)", True),
)
_LEVEL_WORD = r"(?:,?[ \t]+(?:[Ll]evel|[Gg]rade))?[ \t]+"
_SPELLED: tuple[tuple[str, str], ...] = (
    (rf"Professional{_LEVEL_WORD}(?P<n>\d)", "P"),
    (rf"General[ \t]+Service{_LEVEL_WORD}(?P<n>\d)", "G"),
    (rf"Field[ \t]+Service{_LEVEL_WORD}(?P<n>\d)", "FS"),
    (rf"Service[ \t]+Contract{_LEVEL_WORD}(?P<n>\d{{1,2}})", "SC"),
    (rf"National[ \t]+Officer{_LEVEL_WORD}(?P<n>[A-E])", "NO"),
)
_UNGRADED = re.compile(
    r"\b(?:(?:special|short|long|fixed|term|temporary|contract|appointment)[ \t-]+){0,4}"
    r"ungraded\b",
    re.IGNORECASE,
)
_LEFT = r"(?<![A-Za-z0-9-])"
_RIGHT = r"(?![A-Za-z0-9]|[.,]\d|-\d)"
_NOT_GRADE_AFTER = re.compile(
    r"[ \t]*(?:countries|country|nations|states|members?|summit|group|sahel|projects?|"
    r"programmes?|programs?|partners?|partnerships?|plus|visa)\b",
    re.IGNORECASE,
)
# French and Spanish cue words, and the words that join a range ("P3 ou P4", "G5 o G6").
_LOCAL_CUES = {"fr": r"niveaux?|classes?", "es": r"grados?|nivel(?:es)?|clases?"}
_LOCAL_JOINS = {"fr": r"ou|à|a|et", "es": r"o|a|y"}
_CUE_BEFORE = {
    "en": re.compile(r"\b(?:(?:grade|level|band|category)s?\b[^\w\n]{0,4}){1,2}$", re.IGNORECASE)
} | {
    lang: re.compile(
        rf"\b(?:(?:(?:grade|level|band|category)s?|{cues})\b[^\w\n]{{0,4}}){{1,2}}$",
        re.IGNORECASE,
    )
    for lang, cues in _LOCAL_CUES.items()
}
# A field label before the code: "Grade Level: G-4", "Niveau du Poste : SC7", "NIVEL DE
# REMUNERACIÓN: SC4", "Contract type: Service Contract, SC8"; or the label alone on the line above.
_LABEL_WORDS = {"en": r"grade|level|band|contract"}
_LABEL_WORDS |= {"fr": _LABEL_WORDS["en"] + r"|niveau|contrat", "es": _LABEL_WORDS["en"] + r"|nivel|grado|contrato"}
_LABEL_BEFORE = {
    lang: re.compile(rf"\b(?:{words})\b[^\n:]{{0,30}}(?::|,)\s*$|^\W*(?:{words})\b[^\n:]{{0,25}}\s$", re.IGNORECASE)
    for lang, words in _LABEL_WORDS.items()
}
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_CUE_AFTER = re.compile(r"[ \t]*-?(?:level|grade)\b", re.IGNORECASE)
_JOIN = {"en": re.compile(r"[ \t]*(?:/|,|-|–|or\b|to\b|and\b)[ \t]*$")} | {
    lang: re.compile(rf"[ \t]*(?:/|,|-|–|(?:or|to|and|{joins})\b)[ \t]*$")
    for lang, joins in _LOCAL_JOINS.items()
}
_IN_PARENS = re.compile(r"(?:[ \t]*(?:/|,|-|–|or\b|to\b)[ \t]*[A-Z]{1,4}[ \t-]?\w{1,2})?\)")
_SCHEME_ALIAS = {"GS": "G", "L-ICA": "LICA", "LOCAL ICA": "LICA", "I-ICA": "IICA", "INTERNATIONAL ICA": "IICA"}

_FINDERS = [
    (re.compile(_LEFT + pattern + _RIGHT), needs_cue, None) for pattern, needs_cue in _FORMS
] + [(re.compile(_LEFT + pattern + _RIGHT), False, scheme) for pattern, scheme in _SPELLED]
_NORMALIZE = re.compile(
    r"(?P<scheme>[LI]-ICA|(?:LOCAL|INTERNATIONAL)[ \t]+ICA|NPSA|IPSA|LICA|IICA|ASG|USG|UG|GS|FS|SB|SC|NO|P|D|G)"
    r"[ \t]*[-.]?[ \t]*(?P<n>\d{1,2}|[A-E](?![A-Z]))?",
    re.IGNORECASE,
)
_RANGE_TAIL = re.compile(r"\s*(?:(?:/|,|or\b|to\b|-|–).*)?", re.IGNORECASE | re.DOTALL)


def _code(scheme: str, n: str | None) -> str | None:
    scheme = " ".join(scheme.upper().split())
    scheme = _SCHEME_ALIAS.get(scheme, scheme)
    code = f"{scheme}-{n.upper()}" if n else scheme
    return code if code in GRADE_CODES else None


def normalize_grade(text: str) -> str | None:
    """The canonical code of a grade span ("GS-5" -> "G-5"), the first of a range, or None.

    The span is trusted to be a grade, so case and separators are relaxed ("p.3"); what
    follows the first code may only be the rest of a range ("P-3/P-4", "P3/4").
    """
    text = " ".join(text.strip(" \t\n_*.,;:()[]").split())
    if _UNGRADED.fullmatch(text):
        return "UG"
    for pattern, scheme in _SPELLED:
        match = re.match(pattern, text, re.IGNORECASE)
        if match and _RANGE_TAIL.fullmatch(text, match.end()):
            return _code(scheme, match["n"])
    match = _NORMALIZE.match(text)
    if not match or not _RANGE_TAIL.fullmatch(text, match.end()):
        return None
    scheme, n = match["scheme"], match["n"]
    if (n is None) != (scheme.upper() in {"ASG", "USG", "UG"}):
        return None
    if n and n.isalpha() != (scheme.upper() == "NO"):
        return None
    return _code(scheme, n)


def _has_cue(text: str, start: int, end: int, lang: str) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40):start]
    if _CUE_BEFORE[lang].search(before) or _LABEL_BEFORE[lang].search(before) or _CUE_AFTER.match(text, end):
        return True
    if not before.strip() and _LINE_END.match(text, end):  # alone on its line: the label above
        above = text[:line_start].rstrip()
        label = above[above.rfind("\n") + 1:]
        return len(label.split()) <= 4 and bool(_LABEL_BEFORE[lang].search(label + " "))
    return before.endswith("(") and bool(_IN_PARENS.match(text, end))


def find_grades(text: str, lang: str = "en", cued: bool = True) -> list[tuple[int, int, str]]:
    """Grade designations in a text as (start, end, code), tight and without cue words.

    `lang` ("en", "fr", "es") adds the cue words of that language to the English ones.
    `cued=False` also returns the bare forms that have no cue ("For G6 - 3 years").
    """
    candidates: dict[int, tuple[int, str, bool]] = {}
    for finder, needs_cue, scheme in _FINDERS:
        for match in finder.finditer(text):
            if _NOT_GRADE_AFTER.match(text, match.end()):
                continue
            groups = match.groupdict()
            code = _code(scheme or groups["scheme"], groups.get("n"))
            if code and match.start() not in candidates:
                candidates[match.start()] = (match.end(), code, needs_cue)
    for match in _UNGRADED.finditer(text):
        candidates.setdefault(match.start(), (match.end(), "UG", False))
    found: list[tuple[int, int, str]] = []
    for start in sorted(candidates):
        end, code, needs_cue = candidates[start]
        if found and start < found[-1][1]:
            continue
        joined = bool(found) and bool(_JOIN[lang].match(text[found[-1][1]:start]))
        if not (cued and needs_cue) or joined or _has_cue(text, start, end, lang):
            found.append((start, end, code))
    return found
