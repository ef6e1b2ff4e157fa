"""What marks an attribution: reporting verbs, "according to", and quotation marks.

The verb list follows the GenderGapTracker / citron practice (an allow-list of reporting lemmas)
widened with the belief and finding verbs PolNeAR annotates as attributions ("believe", "poll
shows"). Quotation marks are paired per paragraph; a quote whose paragraph ends open continues when
the next paragraph opens with a mark again (the newspaper convention for long quotes).
"""

from __future__ import annotations

import re

from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


REPORT_VERBS = _words(
    """
    say tell add warn claim insist note argue explain state announce report write declare assert
    acknowledge admit suggest stress emphasize emphasise reply respond answer confirm deny predict
    promise vow threaten urge comment observe remark recall reveal disclose indicate complain
    contend maintain tweet post testify concede conclude allege accuse charge estimate joke quip
    recount reiterate repeat caution counter retort mention propose proclaim speculate hint
    believe think feel fear hope expect worry know show find learn agree acknowledge boast brag
    lament point ask decry praise criticize criticise blame describe call pledge
    demand suggest predict notice realize realise understand consider doubt guess imply
    """
)

# Nouns that stand for a publication already named ("According to the report", "the paper said").
REPORT_NOUNS = _words("report reports newspaper paper daily article story statement publication outlet")

OPENERS = '“„«"'
CLOSERS = '”»"'
_MARK = re.compile(r"[\"“”„«»]")


def is_cue(tok: Token) -> bool:
    """A reporting verb used as a verb ("said", "saying"), or the "according" of "according to"."""
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children) or tok.nbor(1).lower_ == "to"
    return tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in REPORT_VERBS


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of paired quotation marks; ``text[open + 1:close]`` is the quote."""
    out: list[tuple[int, int]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    for n, (a, b) in enumerate(lines):
        marks = [m.start() + a for m in _MARK.finditer(text[a:b])]
        continuing = open_at is not None
        for k, pos in enumerate(marks):
            ch = text[pos]
            if continuing and k == 0 and ch in OPENERS and not text[a:pos].strip():
                continue  # the re-opening mark of a quote that runs over paragraphs
            continuing = False
            if open_at is None:
                if ch in OPENERS:
                    open_at = pos
            elif ch in CLOSERS:
                out.append((open_at, pos))
                open_at = None
            elif ch in OPENERS and ch != '"':
                open_at = pos  # two openers in a row: the first was stray
        if open_at is not None:
            nxt = lines[n + 1] if n + 1 < len(lines) else None
            if nxt is None or text[nxt[0] : nxt[1]].lstrip()[:1] not in OPENERS:
                open_at = None  # unbalanced: drop rather than swallow the next paragraph
    return out


def strip_span(text: str, start: int, end: int, *, marks: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace (and, if asked, punctuation and quote marks) at both ends."""
    junk = " \t\n\r\u00a0,;:—–-" + ("\"“”„«»'‘’." if marks else "")
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end
