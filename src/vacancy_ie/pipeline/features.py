"""What the rules know about a candidate span, as numbers for the span classifier.

The classifier decides; these features tell it what a careful reader looks at around a span
beyond the few tokens the tok2vec sees: which reading the rules gave it (`CANDIDATE_KINDS`),
the cue words of its clause, the heading it sits under ("Desirable:", "Preferred
qualifications"), whether that heading opens the qualifications part, a deadline or posting
cue before it on its line, and wording that makes years a route increment ("additional") or a
sub-requirement ("of which"). They are cheap regexes on `doc.text`, computed per notice.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc

from ..keys import CANDIDATES_KEY, LANGUAGE_EXTENSION
from ..normalizers import INCREMENT, is_boilerplate_language_sentence, is_desirable
from ..text.language import SUPPORTED
from .candidates import CANDIDATE_KINDS
from .rules import _DEADLINE_CUE, _POSTED_CUE, _QUALIFICATION_HEADING, _clause_around, _sentences

_REQUIRED_CUE = re.compile(r"\b(?:required|requirements?|essential|mandatory|must|minimum|compulsory"
                           r"|exigée?s?|requise?s?|obligatoire|indispensable|imprescindible|requerid[oa]s?"
                           r"|obligatori[oa])\b", re.IGNORECASE)
_SUB_REQUIREMENT = re.compile(r"\b(?:of which|including|among which|within which|dont|de los cuales"
                              r"|incluyendo|y compris)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*·▪●◦–]|\d{1,2}[.)]|[a-z][.)])\s")
_CUE_NAMES = ("clause_desirable", "clause_required", "sentence_boilerplate", "heading_desirable",
              "heading_required", "in_qualifications", "deadline_cue", "posted_cue", "increment",
              "sub_requirement", "short_line", "bullet", "position")
FEATURE_NAMES: tuple[str, ...] = (
    tuple(f"rule={k}" for k in CANDIDATE_KINDS) + tuple(f"near={k}" for k in CANDIDATE_KINDS) + _CUE_NAMES)
N_FEATURES = len(FEATURE_NAMES)
# v2 adds the notice's language (`doc._.language`, set by the candidates component): the same
# cue can weigh differently in a French template.
LANGUAGE_FEATURE_NAMES: tuple[str, ...] = tuple(f"language={lang}" for lang in SUPPORTED)
# v3 adds what a reader weighs when one notice names a value several times (a single-valued
# field: the grade of this post, not of the standard job description it quotes): a field label
# right before the span ("Grade:", "Level -", "Classe :"), how often the notice repeats the same
# value among the candidates of the span's reading, whether it is the first of that reading, and
# whether it sits in the opening lines (title and summary block).
MENTION_FEATURE_NAMES: tuple[str, ...] = ("field_label", "repeats", "first_of_kind", "title_zone")
_FIELD_LABEL = re.compile(
    r"\b(?:grade|grading|level|category|band|classification|salary scale|niveau|classe|catégorie"
    r"|grado|nivel|categoría)\b[^:\n]{0,25}?[:\-–]\s*$", re.IGNORECASE)
_TITLE_ZONE = 300  # characters
_HEADING_LOOKBACK = 15  # lines


def _is_heading(line: str) -> bool:
    """A short line that names a section: ends with a colon, or carries a section or
    requirement cue ("Preferred qualifications", "Assets"). List items are not headings."""
    words = line.split()
    if not 0 < len(words) <= 8 or _BULLET.match(line):
        return False
    return line.rstrip().endswith(":") or (len(words) <= 6 and bool(
        _QUALIFICATION_HEADING.search(line) or is_desirable(line) or _REQUIRED_CUE.search(line)))


@dataclass
class _Layout:
    """A notice's lines, and which of them are headings, found once per Doc."""

    starts: list[int]
    ends: list[int]
    headings: list[int]  # line numbers
    qualifications_from: int  # first character of the qualifications part (len(text) if none)

    @classmethod
    def of(cls, text: str) -> "_Layout":
        starts, ends, headings = [], [], []
        qualifications_from = len(text)
        for match in re.finditer(r"[^\n]*", text):
            if starts and match.start() == ends[-1]:
                continue  # the empty match after each line
            line = match.group()
            starts.append(match.start())
            ends.append(match.end())
            if _is_heading(line):
                headings.append(len(starts) - 1)
                if qualifications_from == len(text) and _QUALIFICATION_HEADING.search(line):
                    qualifications_from = match.start()
        return cls(starts, ends, headings, qualifications_from)

    def line_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def heading_above(self, line: int, text: str) -> str:
        i = bisect.bisect_left(self.headings, line) - 1
        if i >= 0 and line - self.headings[i] <= _HEADING_LOOKBACK:
            h = self.headings[i]
            return text[self.starts[h]:self.ends[h]]
        return ""


def _sentence_at(line: str, at: int) -> tuple[int, str]:
    """The sentence of a line that holds character `at`, with its start: a cue in the
    sentence before ("... is an asset. Arabic, Chinese ... are the official languages") is not
    this sentence's."""
    for start, end in _sentences(line):
        if start <= at < end:
            return start, line[start:end]
    return 0, line


def _kinds(doc: Doc) -> list[tuple[int, int, int]]:
    column = {kind: i for i, kind in enumerate(CANDIDATE_KINDS)}
    return [(s.start, s.end, column[s.label_]) for s in doc.spans.get(CANDIDATES_KEY, [])
            if s.label_ in column]


def doc_features(doc: Doc, spans: numpy.ndarray) -> numpy.ndarray:
    """One row of `FEATURE_NAMES` per (start, end) token span of `doc`."""
    text = doc.text
    layout = _Layout.of(text)
    kinds = _kinds(doc)
    k = len(CANDIDATE_KINDS)
    out = numpy.zeros((len(spans), N_FEATURES), dtype="f")
    for row, (start, end) in enumerate(spans):
        start, end = int(start), int(end)
        for c_start, c_end, column in kinds:
            if c_start == start and c_end == end:
                out[row, column] = 1.0
            elif c_start < end and start < c_end:
                out[row, k + column] = 1.0
        if end <= start or end > len(doc):
            continue
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        n = layout.line_of(s_char)
        line = text[layout.starts[n]:layout.ends[n]]
        at = s_char - layout.starts[n]
        offset, sentence = _sentence_at(line, at)
        clause = _clause_around(sentence, at - offset, at - offset + (e_char - s_char))
        heading = layout.heading_above(n, text)
        before = line[:at]
        cues = (is_desirable(clause), bool(_REQUIRED_CUE.search(clause)),
                is_boilerplate_language_sentence(sentence), is_desirable(heading),
                bool(_REQUIRED_CUE.search(heading)), s_char >= layout.qualifications_from,
                bool(_DEADLINE_CUE.search(before)), bool(_POSTED_CUE.search(before)),
                bool(INCREMENT.search(clause)), bool(_SUB_REQUIREMENT.search(before[-60:])),
                len(line.split()) <= 8, bool(_BULLET.match(line)))
        out[row, 2 * k:2 * k + len(cues)] = cues
        out[row, -1] = s_char / max(1, len(text))
    return out


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def mention_features(doc: Doc, spans: numpy.ndarray) -> numpy.ndarray:
    """One row of `MENTION_FEATURE_NAMES` per (start, end) token span of `doc`. A span's kind
    is the reading of the candidate it overlaps most (none: repeats and first stay 0)."""
    text = doc.text
    kinds = [(c_start, c_end, (column, _compact(doc[c_start:c_end].text))) for c_start, c_end, column in _kinds(doc)]
    values = Counter(value for _, _, value in kinds)
    first: dict[int, int] = {}
    for c_start, _, (column, _) in kinds:
        first[column] = min(first.get(column, c_start), c_start)
    out = numpy.zeros((len(spans), len(MENTION_FEATURE_NAMES)), dtype="f")
    for row, (start, end) in enumerate(spans):
        start, end = int(start), int(end)
        if end <= start or end > len(doc):
            continue
        s_char = doc[start].idx
        line_start = text.rfind("\n", 0, s_char) + 1
        overlap = [(min(end, c_end) - max(start, c_start), c_start, value)
                   for c_start, c_end, value in kinds if c_start < end and start < c_end]
        repeats = first_of_kind = 0.0
        if overlap:
            _, c_start, value = max(overlap)
            repeats = numpy.log1p(values[value] - 1) / 2
            first_of_kind = float(first[value[0]] == c_start)
        out[row] = (bool(_FIELD_LABEL.search(text[max(line_start, s_char - 60):s_char])), repeats,
                    first_of_kind, s_char < _TITLE_ZONE)
    return out


def language_features(doc: Doc, n_spans: int) -> numpy.ndarray:
    """One row of `LANGUAGE_FEATURE_NAMES` per span: the notice's language, one-hot."""
    out = numpy.zeros((n_spans, len(SUPPORTED)), dtype="f")
    language = doc._.get(LANGUAGE_EXTENSION) if doc.has_extension(LANGUAGE_EXTENSION) else None
    if language in SUPPORTED:
        out[:, SUPPORTED.index(language)] = 1.0
    return out
