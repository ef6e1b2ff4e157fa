"""Where a reported clause starts and ends: trimming tails, pairing quotation marks, paragraphs.

Shared by the verb-frame and reporting-verb layers of ``quotes``; kept apart so each stays small.
Every helper is linear in what it is given: ``in_marks`` pairs the report's marks once and answers
by bisect, so no helper rescans the report per token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Token

from crosswire.analyze.cues import is_cue, quote_spans, strip_span

_TAILS = {"relcl", "parataxis", "npadvmod"}


def cut(toks: list[Token], quoted: Callable[[int], bool]) -> list[Token]:
    """A reported clause (a subtree, in order) without what the writer tacked on after a comma or dash.

    "... are honest, and three-quarters said ...", "..., calling them boring", "..., who was his
    chief of staff": the clause the cue governs ends where such a comma-led addition begins.
    """
    if len(toks) < 3:
        return toks
    for k, t in enumerate(toks[1:-1], start=1):
        if t.text not in {",", "—", "–", ";", "("} or quoted(t.idx):
            continue
        a = toks[k + 1]
        while a.head.i > t.i and a.head.i != a.i:
            a = a.head  # the word the part after the comma hangs from
        if a.dep_ == "cc":
            a = next((c for c in a.head.children if c.dep_ == "conj" and c.i > a.i), a)
        if a.dep_ in _TAILS or a.dep_ == "conj" and a.pos_ in {"VERB", "AUX"} and _own_subject(a):
            return toks[:k]
    return toks


def _own_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) or is_cue(tok)


def in_marks(text: str, start: int, end: int):
    """A test "is this offset inside quotation marks?" for ``text[start:end]``; log time per call."""
    spans = [(start + o, start + c) for o, c in quote_spans(text[start:end])]
    opens = [o for o, _ in spans]

    def inside(offset: int) -> bool:
        k = bisect_right(opens, offset - 1) - 1  # the last span opening before the offset
        return k >= 0 and spans[k][0] < offset < spans[k][1]

    return inside


def paragraph(text: str, at: int) -> tuple[int, int]:
    """Reported speech stays in its cue's paragraph (the parser sometimes runs past a break)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def balance(text: str, start: int, end: int) -> tuple[int, int]:
    """Pair the quotation marks of reported speech: drop an unpaired mark at either end, take in the
    closing mark of a quote that opens inside, drop a trailing period outside any quote."""
    s, e = start, end
    if _unpaired(text[s:e]) and text[s : s + 2] == "''":
        s += 2
    elif _unpaired(text[s:e]) and text[s : s + 1] in '"“„«':
        s += 1
    if _unpaired(text[s:e]) and text[e - 2 : e] == "''":
        e -= 2
    elif _unpaired(text[s:e]) and text[e - 1 : e] in '"”»':
        e -= 1
    s, e = strip_span(text, s, e)
    closing = _CLOSE_AFTER.match(text, e)
    if closing and _unpaired(text[s:e]):
        e = closing.end()  # 'said Trump is “unelectable now.”': the quote belongs to the clause
    elif text[e - 1 : e] == "." and not _unpaired(text[s:e]):
        e -= 1
    return s, e


_CLOSE_AFTER = re.compile(r"[.,!?]?(?:''|[\"”»])")


def _unpaired(inner: str) -> bool:
    curly = sum(inner.count(ch) for ch in "“„«") != sum(inner.count(ch) for ch in "”»")
    return curly or inner.count('"') % 2 == 1 or inner.count("''") % 2 == 1
