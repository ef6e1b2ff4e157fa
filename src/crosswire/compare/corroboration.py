"""Who really said it first: syndicated copies collapse, relays count once, claims get a source count.

A wire story printed by ten sites is one source, not ten; a claim two outlets both attribute to the
same Saudi daily rests on that daily alone. So a member of a claim counts under the first outlet
of its relay chain when the words sit in a relayed quote, else under the outlet (or the origin a
republication names) of its report, else under its syndication group.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.compare.text import source_key, tokens
from crosswire.model import Analysis, Citation, Report


class _UnionFind:
    def __init__(self, keys: Sequence[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = [t.norm for t in tokens(text)]
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def near_identical(a: str, b: str, *, threshold: float = 0.8) -> bool:
    """Bodies sharing most 5-word shingles are one text (a copy with a different footer is still a copy)."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= threshold


def origin_groups(reports: Sequence[Report]) -> dict[str, str]:
    """Map each report id to the id of the report that stands for its copy group.

    Reports linked by ``syndicated_from`` (even to a report outside this story) or with
    near-identical bodies form one group; the group is represented by its earliest-listed member
    (or the declared origin, when that is in the story).
    """
    ids = [r.id for r in reports]
    uf = _UnionFind(ids)
    for r in reports:
        if r.syndicated_from:
            uf.union(r.id, r.syndicated_from)
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if uf.find(a.id) != uf.find(b.id) and near_identical(a.body, b.body):
                uf.union(a.id, b.id)
    rep: dict[str, str] = {}
    for r in reports:  # the first-listed member of each group stands for it
        rep.setdefault(uf.find(r.id), r.id)
    declared = {r.syndicated_from for r in reports if r.syndicated_from} & set(ids)
    for root in list(rep):
        members = [i for i in ids if uf.find(i) == root]
        origin = next((i for i in members if i in declared), None)
        if origin:
            rep[root] = origin
    return {i: rep[uf.find(i)] for i in ids}


def report_sources(reports: Sequence[Report], groups: dict[str, str]) -> dict[str, str]:
    """The independent source each report's own words count under.

    A copy counts as its group's origin; otherwise the origin a republication names, then the
    outlet, then the copy group itself (two unnamed outlets are assumed independent).
    """
    by_id = {r.id: r for r in reports}

    def own(r: Report) -> str:
        key = source_key(r.republished_from) or source_key(r.outlet)
        return key or f"report:{groups.get(r.id, r.id)}"

    return {r.id: own(by_id.get(groups.get(r.id, r.id), r)) for r in reports}


def citation_source(cite: Citation, analysis: Analysis, sources: dict[str, str]) -> str:
    """Source of one cited statement: the relay origin if it sits in a relayed quote, else its report's."""
    for q in analysis.quotes:
        if q.relayed_via and q.start < cite.end and cite.start < q.end:
            key = source_key(q.relayed_via[0])
            if key:
                return key
    return sources.get(cite.report_id, f"report:{cite.report_id}")


def independent_sources(
    cites: Sequence[Citation],
    analyses: dict[str, Analysis],
    sources: dict[str, str],
    own: dict[str, str] | None = None,
) -> tuple[str, ...]:
    """Distinct sources behind the cited statements, in first-seen order.

    Counted by ``sources``; where ``own`` gives a report its own source apart from the one it counts
    under (a rewrite of a wire story counts under the group's first report), a source is shown by
    the own source of the first cited report that counts under it, so a sentence only two rewrites
    carry is not credited to a third outlet that left it out."""
    seen: dict[str, str] = {}
    for c in cites:
        analysis = analyses.get(c.report_id, Analysis(report_id=c.report_id))
        key = citation_source(c, analysis, sources)
        shown = key
        if own and key == sources.get(c.report_id):
            shown = own.get(c.report_id, key)
        seen.setdefault(key, shown)
    return tuple(dict.fromkeys(seen.values()))


def source_names(reports: Sequence[Report], analyses: dict[str, Analysis]) -> dict[str, str]:
    """Display name for each source key: readers see "Northwind News", not the key "northwindnews".

    Keys stay the unit of counting (they make "Haaretz" and "www.haaretz.com" one source); the
    name shown is the first spelling met, preferring an outlet's own name to a web address.
    """
    names: dict[str, str] = {}
    for r in reports:
        for name in (r.outlet, r.republished_from):
            if name and source_key(name):
                names.setdefault(source_key(name), name)
        for q in analyses.get(r.id, Analysis(report_id=r.id)).quotes:
            if q.relayed_via and source_key(q.relayed_via[0]):
                names.setdefault(source_key(q.relayed_via[0]), q.relayed_via[0])
    return names
