"""Rewrites of one wire story: outlets that print most of the same sentences word for word are one origin.

An agency story (AP, Reuters) reaches readers through many sites, each trimming a paragraph, adding
a local line or rewriting the lede. The whole-body copy check (``near_identical``, and MinHash at
ingest) misses such rewrites, so three sites carrying one AP story would count as three sources.

Two reports are rewrites of one origin when the reporter's own sentences of the shorter one (its
narrative: sentences mostly inside quotation marks are left out, since independent reporters quote
the same statement word for word) are mostly found in the other nearly verbatim: at least
``MIN_SHARED`` of them, and at least ``SHARE`` of them. A sentence is found when at least ``COVER``
of its words sit in runs of ``RUN`` words that the other body also has, so a changed word or two
still matches and a paraphrase does not. Two reports that share a press release sentence or two
are not rewrites.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crosswire.compare.text import quoted_spans, tokens
from crosswire.model import Analysis, Citation, Report

RUN = 4  # words in a shared run
COVER = 0.7  # share of a sentence's words inside shared runs for it to count as carried verbatim
MIN_WORDS = 6  # shorter sentences are too generic to tell a copy from a coincidence
MIN_SHARED = 4  # narrative sentences two rewrites must share at the least
SHARE = 0.5  # ... and the share of the shorter report's narrative sentences they must be

Gram = tuple[str, ...]


def _grams(words: Sequence[str]) -> set[Gram]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def covered(words: Sequence[str], grams: set[Gram]) -> float:
    """Share of ``words`` inside a run of ``RUN`` words that ``grams`` (another body's runs) holds."""
    if len(words) < RUN:
        return 0.0
    hit = [False] * len(words)
    for i in range(len(words) - RUN + 1):
        if tuple(words[i : i + RUN]) in grams:
            hit[i : i + RUN] = [True] * RUN
    return sum(hit) / len(words)


def narrative(report: Report, analysis: Analysis | None, cites: Sequence[Citation]) -> list[list[str]]:
    """The report's own sentences as word lists: quotes (half or more of the words quoted) and short
    fragments left out."""
    spans = quoted_spans(report.body)
    if analysis is not None:
        spans += [(q.start, q.end) for q in analysis.quotes]
    out = []
    for c in cites:
        toks = tokens(c.text, c.start)
        if len(toks) < MIN_WORDS:
            continue
        quoted = sum(1 for t in toks if any(s <= t.start < e for s, e in spans))
        if quoted * 2 < len(toks):
            out.append([t.norm for t in toks])
    return out


def shares_wire_text(
    mine: Sequence[Sequence[str]], theirs: Sequence[Sequence[str]], their_body: set[Gram], my_body: set[Gram]
) -> bool:
    """Whether the shorter of two narratives is mostly carried verbatim by the other report's body.

    Sentences are looked for in the other's whole body (its word runs, ``_grams``), not sentence by
    sentence, since a rewrite may split or join them differently."""
    if len(theirs) < len(mine):
        mine, their_body = theirs, my_body
    shared = sum(1 for words in mine if covered(words, their_body) >= COVER)
    return shared >= MIN_SHARED and shared >= SHARE * len(mine)


def wire_groups(
    reports: Sequence[Report],
    per_report: Mapping[str, Sequence[Citation]],
    analyses: Mapping[str, Analysis],
    groups: Mapping[str, str],
) -> dict[str, str]:
    """``groups`` (copy groups, from ``origin_groups``) widened by rewrites of one wire story.

    Each report maps to the report that stands for its widened group: the first-listed member that
    stands for its own copy group. Groups join through any pair of their members (a trimmed brief
    may share its sentences with one rewrite and not another)."""
    ids = [r.id for r in reports]
    order = {i: n for n, i in enumerate(ids)}
    parent = {i: groups.get(i, i) for i in ids}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    own = {r.id: narrative(r, analyses.get(r.id), per_report.get(r.id, ())) for r in reports}
    runs = {r.id: _grams([t.norm for t in tokens(r.body)]) for r in reports}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            ra, rb = find(a), find(b)
            if ra == rb or len(runs[a] & runs[b]) < MIN_SHARED:  # quick: too few runs in common
                continue
            if shares_wire_text(own[a], own[b], runs[b], runs[a]):
                first, later = sorted((ra, rb), key=order.__getitem__)
                parent[later] = first
    stand: dict[str, str] = {}
    for i in ids:
        if groups.get(i, i) == i:
            stand.setdefault(find(i), i)
    return {i: stand.get(find(i), groups.get(i, i)) for i in ids}
