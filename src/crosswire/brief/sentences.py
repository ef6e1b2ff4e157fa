"""A report's sentences for the brief: trimmed, split at paragraph breaks, never cut inside a quote.

The analyze stage's sentences come from spaCy's parser, whose boundaries fall at every "?" and "!",
also inside a quotation; a brief that cites half a quote leaves its mark open (trial 8, finding 7).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.model import Analysis, Citation, Report

_WORD = re.compile(r"\w+")


def sentences_of(report: Report, analysis: Analysis, min_words: int = 1) -> list[Citation]:
    """The report's sentences, trimmed and split at paragraph breaks, as citations into its body.

    A sentence never ends inside an open quotation: the sentencizer splits a quoted tweet at its
    "?" ('saying, "Is Obama going to ... terrorism? If he doesn't he should resign!"'), and the brief
    would cite half a quote with its mark left open (trial 8, finding 7); such pieces are joined
    again, within their paragraph (news leaves a quote open at a paragraph's end when it goes on)."""
    body = report.body
    raw = list(analysis.sentences) or _split(body)
    bounds = []
    for s0, e0 in raw:
        pos = s0
        for m in re.finditer(r"\n\s*\n", body[s0:e0]):
            bounds.append((pos, s0 + m.start()))
            pos = s0 + m.end()
        bounds.append((pos, e0))
    trimmed = []
    for s, e in bounds:
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        dangling = _DANGLING.search(body, s, e)
        if dangling:  # the next sentence's opening quote, left behind by the sentencizer
            e = dangling.start(1)
        if s < e:
            trimmed.append((s, e))
    out = []
    for s, e in _join_open_quotes(body, trimmed):
        if len(_WORD.findall(body[s:e])) >= min_words:
            out.append(Citation(report.id, s, e, body[s:e]))
    return out


_PARAGRAPH = re.compile(r"\n\s*\n")
# how many sentence pieces one quotation may join: a stray unmatched mark must not swallow a paragraph
_MAX_JOINED = 4


def _join_open_quotes(body: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join each sentence that ends inside an open double quotation to the next one in its paragraph.

    Whether a quotation is open is counted from the paragraph's start (curly marks open and close,
    straight marks alternate), so a quote opened in an earlier sentence of the paragraph counts."""
    breaks = [m.end() for m in _PARAGRAPH.finditer(body)]

    def para(pos: int) -> int:
        return max((b for b in breaks if b <= pos), default=0)

    out: list[tuple[int, int]] = []
    joined = 0
    for s, e in spans:
        if (
            out
            and joined < _MAX_JOINED
            and para(s) == para(out[-1][0])
            and _open_at(body, para(s), out[-1][1])
        ):
            out[-1] = (out[-1][0], e)
            joined += 1
        else:
            out.append((s, e))
            joined = 1
    return out


def _open_at(body: str, start: int, end: int) -> bool:
    """A double quotation opened in ``body[start:end]`` is still open at ``end``."""
    text = body[start:end]
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


# a sentence end followed by the opening quote or bracket of the next sentence ('panic. “'): a rule
# sentencizer splits after the mark, so the sentence would otherwise end in an opening quote
_DANGLING = re.compile(r"[.!?…][\"'”’)\]]*(\s+[\"'“‘(\[]+)$")
_SENT_END = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])")


def _split(body: str) -> list[tuple[int, int]]:
    """Rule sentences for an analysis that carries none (the analyze stage was skipped)."""
    spans, pos = [], 0
    for m in _SENT_END.finditer(body):
        spans.append((pos, m.end(1)))
        pos = m.end()
    return [*spans, (pos, len(body))]
