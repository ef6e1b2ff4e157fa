"""Align statements across reports: the same fact in each outlet's words (``lone`` finds what only one carries).

Each sentence of a report is matched with its best partner in every other report; a pair counts
when meaning (MiniLM cosine) and wording (token-set overlap) together clear ``threshold``. Pairs
chain into groups, so three outlets stating one fact form one alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from crosswire.compare.corroboration import _UnionFind
from crosswire.compare.embed import combined
from crosswire.compare.text import other_places
from crosswire.model import Alignment, Citation

Embed = Callable[[list[str]], np.ndarray]

ALIGN_THRESHOLD = 0.65
# Below this cosine a pair is not worth the fuzzy-matching cost: it cannot clear the threshold.
_PREFILTER = 0.45


def align(
    per_report: dict[str, list[Citation]],
    vectors: dict[str, np.ndarray],
    *,
    threshold: float = ALIGN_THRESHOLD,
    places: dict[tuple[str, int, int], set[str]] | None = None,
) -> tuple[tuple[Alignment, ...], dict[tuple[str, int, int], float]]:
    """Group statements of different reports that say the same thing.

    Returns the alignments and, for every statement, the best score it reached against any other
    report (keyed by ``(report_id, start, end)``), which ``lone.only_in`` reads, and for every
    statement the other reports it cleared the threshold with (``linked``): a statement left out of
    a group because its report already has a member there is still told elsewhere. ``places`` (the
    places each statement names, keyed like ``best``) keeps apart statements about different places.
    """
    ids = list(per_report)
    best: dict[tuple[str, int, int], float] = {
        (c.report_id, c.start, c.end): 0.0 for cs in per_report.values() for c in cs
    }
    edges: list[tuple[Citation, Citation, float]] = []
    linked: dict[tuple[str, int, int], set[str]] = {}
    for i, a_id in enumerate(ids):
        for b_id in ids[i + 1 :]:
            a, b = per_report[a_id], per_report[b_id]
            if not a or not b:
                continue
            cos = vectors[a_id] @ vectors[b_id].T
            for x, y in _candidate_pairs(cos):
                if cos[x, y] < _PREFILTER:
                    continue
                if places and other_places(
                    places.get((a_id, a[x].start, a[x].end), set()),
                    places.get((b_id, b[y].start, b[y].end), set()),
                ):
                    continue  # one primary won in Missouri, another in Ohio: alike words, two facts
                score = combined(float(cos[x, y]), a[x].text, b[y].text)
                for c in (a[x], b[y]):
                    key = (c.report_id, c.start, c.end)
                    best[key] = max(best[key], score)
                if score >= threshold:
                    edges.append((a[x], b[y], score))
                    linked.setdefault((a_id, a[x].start, a[x].end), set()).add(b_id)
                    linked.setdefault((b_id, b[y].start, b[y].end), set()).add(a_id)
    return _groups(edges, places), best, linked


def _candidate_pairs(cos: np.ndarray) -> set[tuple[int, int]]:
    """Each statement's best partner on the other side, both ways (a fact maps to one sentence)."""
    pairs = {(x, int(np.argmax(cos[x]))) for x in range(cos.shape[0])}
    pairs |= {(int(np.argmax(cos[:, y])), y) for y in range(cos.shape[1])}
    return pairs


def _groups(
    edges: Sequence[tuple[Citation, Citation, float]],
    places: dict[tuple[str, int, int], set[str]] | None = None,
) -> tuple[Alignment, ...]:
    """Chain pairs into groups, strongest first, holding at most one statement per report.

    Unconstrained chaining lets two sentences of one report meet through a third report ("stopped
    Thompson in the sixth round on Saturday" and "In 2008, Klitschko stopped Thompson in the 11th")
    and one group then claims a dozen sentences of one outlet: a fact is one sentence per report.
    A pair that would put a second sentence of a report into a group is left out of it, and so is
    one that would join statements naming different places (``places``) through a third that names
    none: a Missouri win and an Ohio win are two facts, however a place-less line links them."""

    def key(c: Citation) -> str:
        return f"{c.report_id}:{c.start}:{c.end}"

    def where(c: Citation) -> set[str]:
        return (places or {}).get((c.report_id, c.start, c.end), set())

    uf = _UnionFind([])
    cites: dict[str, Citation] = {}
    reports: dict[str, set[str]] = {}
    named: dict[str, list[set[str]]] = {}  # the place sets of each group's members
    kept: list[tuple[Citation, Citation, float]] = []
    for a, b, s in sorted(edges, key=lambda e: -e[2]):
        ra, rb = uf.find(key(a)), uf.find(key(b))
        in_a = reports.get(ra, {a.report_id})
        in_b = reports.get(rb, {b.report_id})
        if ra != rb and in_a & in_b:
            continue
        at_a = named.get(ra, [where(a)]) if ra != rb else []
        at_b = named.get(rb, [where(b)])
        if any(other_places(x, y) for x in at_a for y in at_b):
            continue
        cites[key(a)], cites[key(b)] = a, b
        uf.union(key(a), key(b))
        reports[uf.find(key(a))] = in_a | in_b
        named[uf.find(key(a))] = [p for p in at_a + at_b if p]
        kept.append((a, b, s))
    members: dict[str, list[Citation]] = {}
    scores: dict[str, list[float]] = {}
    for a, _, s in kept:
        root = uf.find(key(a))
        scores.setdefault(root, []).append(s)
    for k, c in cites.items():
        members.setdefault(uf.find(k), []).append(c)
    out = []
    for root, cs in members.items():
        cs.sort(key=lambda c: (c.report_id, c.start))
        out.append(Alignment(members=tuple(cs), score=round(float(np.mean(scores[root])), 4)))
    out.sort(key=lambda al: (-len(al.members), -al.score))
    return tuple(out)
