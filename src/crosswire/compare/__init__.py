"""Compare stage: how the reports of one story agree, word things differently, and disagree.

``compare_story`` aligns statements across reports (MiniLM meaning + word overlap), groups quote
variants with their differing words, lists facts only one independent report carries, flags
contradictions in numbers, dates, names and speakers (and updates of a running figure), and counts independent sources per claim
(syndicated copies, rewrites of one wire story and relays of one origin count once). Input is model records only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from crosswire.compare.align import ALIGN_THRESHOLD, align
from crosswire.compare.contradictions import find_contradictions
from crosswire.compare.corroboration import independent_sources, origin_groups, report_sources, source_names
from crosswire.compare.embed import embed as minilm_embed
from crosswire.compare.figures import figure_contradictions
from crosswire.compare.lone import only_in
from crosswire.compare.text import places_within, statements
from crosswire.compare.variants import find_variants
from crosswire.compare.wire import wire_groups
from crosswire.model import Analysis, Citation, Claim, Comparison, Contradiction, Report

__all__ = ["compare_reports", "compare_story"]

Embed = Callable[[list[str]], np.ndarray]


def compare_story(
    items: Sequence[tuple[Report, Analysis]],
    *,
    story_id: str,
    embed: Embed | None = None,
    threshold: float = ALIGN_THRESHOLD,
    decks: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> Comparison:
    """Compare every report of a story with every other; ``embed`` defaults to offline MiniLM.

    ``decks``: each report's headline and deck lines (the clean stage's ``deck_lines``), which are
    no facts a report carries alone."""
    embed = embed or minilm_embed
    items = list(items)
    reports = [r for r, _ in items]
    analyses = {r.id: a for r, a in items}
    groups = origin_groups(reports)
    if len(set(groups.values())) < 2:  # one report, or one report and its copies: nothing to set side by side
        return Comparison(
            story_id=story_id,
            report_ids=tuple(r.id for r in reports),
            copies={rid: origin for rid, origin in groups.items() if origin != rid},
        )
    published = {r.id: r.published for r in reports}
    per_report = {r.id: statements(r, a) for r, a in items}
    # Rewrites of one wire story count as one source and are shown as copies; their own added or
    # edited lines are still compared (only-in facts, contradictions), as they are not their origin's.
    wire = wire_groups(reports, per_report, analyses, groups)
    own = report_sources(reports, groups)
    sources = report_sources(reports, wire)
    flat = [c for cs in per_report.values() for c in cs]
    vecs = embed([c.text for c in flat])
    vectors, pos = {}, 0
    for rid, cs in per_report.items():
        vectors[rid] = vecs[pos : pos + len(cs)]
        pos += len(cs)
    places = {(c.report_id, c.start, c.end): places_within(analyses.get(c.report_id), c) for c in flat}
    alignments, best, linked = align(per_report, vectors, threshold=threshold, places=places)
    variants = find_variants(items, embed)
    alone = only_in(
        per_report,
        alignments,
        groups,
        best=best,
        linked=linked,
        variants=variants,
        analyses=analyses,
        bodies={r.id: r.body for r in reports},
        decks=decks,
    )
    contradictions = _merge(
        find_contradictions(alignments, variants, analyses, groups, published),
        figure_contradictions(per_report, groups, published),
        wire,
    )
    return Comparison(
        story_id=story_id,
        report_ids=tuple(r.id for r in reports),
        alignments=alignments,
        variants=variants,
        only_in=alone,
        contradictions=contradictions,
        claims=_claims(
            alignments,
            alone,
            analyses,
            sources,
            contradictions,
            groups,
            source_names(reports, analyses),
            own=own,
        ),
        copies={rid: origin for rid, origin in wire.items() if origin != rid},
    )


def compare_reports(
    a: tuple[Report, Analysis], b: tuple[Report, Analysis], *, embed: Embed | None = None
) -> Comparison:
    """Compare two reports (a story of two), e.g. to show how one outlet's version differs."""
    return compare_story([a, b], story_id=f"{a[0].id}~{b[0].id}", embed=embed)


def _claims(
    alignments,
    alone: dict[str, tuple[Citation, ...]],
    analyses: dict[str, Analysis],
    sources: dict[str, str],
    contradictions: Sequence[Contradiction] = (),
    groups: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
    *,
    own: dict[str, str] | None = None,
) -> tuple[Claim, ...]:
    """Every aligned statement group and every lone fact, most independently supported first.

    A claim is worded as its first member; members that contradict that wording (a pairwise
    contradiction between the two) are counted as disputing it, not as support, so "12,500 tonnes"
    is not shown as corroborated by the outlet that says 12,000. Contradictions are found between
    copy-group origins only, so a copy sides with its origin.

    A claim never counts more sources than the distinct outlets of the reports backing it: a
    relayed quote credits its first teller, but one outlet printing it twice (or printing it once,
    with a loosely aligned sentence elsewhere) is still one outlet's word. A lone fact already in an
    aligned claim (an original and its copy) is that claim, not a second row, and statements worded
    alike are one row (two copies of one live blog, each repeating a line, align it twice crosswise;
    the trial listed "Including superdelegates, the lead is bigger." twice). Sources are shown by
    name (``names``), counted by key; ``own`` (each report's own source, where ``sources`` counts a
    wire rewrite under its group) picks the name shown."""
    groups = groups or {}
    names = names or {}

    def shown(keys: Sequence[str]) -> tuple[str, ...]:
        return tuple(names.get(k, k) for k in keys)

    def counted(cites: Sequence[Citation]) -> tuple[str, ...]:
        origins = independent_sources(cites, analyses, sources, own)
        outlets = {sources.get(c.report_id, c.report_id) for c in cites}
        return origins[: len(outlets)]

    def group(c: Citation) -> str:
        return groups.get(c.report_id, c.report_id)

    against: dict[Citation, set[str]] = {}
    for c in contradictions:
        if len(c.members) >= 2 and c.kind != "update":  # a superseded figure is not disputed
            a, *others = c.members  # one statement against each of the others (which agree)
            for b in others:
                against.setdefault(a, set()).add(group(b))
                against.setdefault(b, set()).add(group(a))
    # one row per statement: (its wording, the citations backing it, those disputing it), keyed by
    # its words, so a sentence two copies of a live blog each print twice (pairs aligned crosswise)
    # is one row, not one per pairing
    rows: dict[str, tuple[str, list[Citation], list[Citation]]] = {}

    def add(text: str, backing: Sequence[Citation], disputing: Sequence[Citation]) -> None:
        row = rows.setdefault(_wording(text), (text, [], []))
        row[1].extend(c for c in backing if c not in row[1])
        row[2].extend(c for c in disputing if c not in row[2])

    for al in alignments:
        anchor = al.members[0]
        rivals = set().union(*(against.get(m, set()) for m in al.members if group(m) == group(anchor)))
        add(
            anchor.text,
            [m for m in al.members if group(m) not in rivals],
            [m for m in al.members if group(m) in rivals],
        )
    claimed = [m for al in alignments for m in al.members]
    for cites in alone.values():
        for c in cites:
            if any(m.report_id == c.report_id and m.start < c.end and c.start < m.end for m in claimed):
                continue
            add(c.text, [c], [])
    out = []
    for text, backing, disputing in rows.values():
        origins = counted(backing)
        disputed = tuple(s for s in counted(disputing) if s not in origins)
        reports = tuple(dict.fromkeys(c.report_id for c in backing))
        out.append(Claim(text, tuple(backing), reports, len(origins), shown(origins), shown(disputed)))
    out.sort(key=lambda cl: (-cl.independent_sources, -len(cl.reports)))
    return tuple(out)


def _wording(text: str) -> str:
    """A statement's words, lowercased: case, spacing and punctuation do not make another claim."""
    return " ".join(re.findall(r"\w+", text.lower())) or text


def _merge(
    found: tuple[Contradiction, ...], figures: list[Contradiction], wire: dict[str, str]
) -> tuple[Contradiction, ...]:
    """Story-wide figure disagreements, unless an aligned pair already reports the same values; and
    one row for a disagreement that two rewrites of one wire story each have with the same report
    (two "The Latest" updates of one AP blog are one source disputing it once)."""
    seen = {(c.kind, frozenset(c.values)) for c in found}
    merged = found + tuple(c for c in figures if (c.kind, frozenset(c.values)) not in seen)
    out, told = [], set()
    for c in merged:
        key = (c.kind, frozenset(c.values), frozenset(wire.get(m.report_id, m.report_id) for m in c.members))
        if key not in told:
            told.add(key)
            out.append(c)
    return tuple(out)
