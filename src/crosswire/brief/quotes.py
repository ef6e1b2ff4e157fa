"""Who said what: every attributed quote of a story, grouped by speaker, each with its report span.

Speakers are merged when one name contains the other ("Netanyahu" and "Benjamin Netanyahu"), the
way readers and the entity linker treat a surname after the full name.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.model import Analysis, Citation, Report, WhoSaid


def _same_speaker(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or (len(min(a, b, key=len)) > 3 and (a in b or b in a))


def _drop_nested(cites: list[Citation]) -> tuple[Citation, ...]:
    """One remark once: an indirect quote wrapping a direct one that is most of it gives way to it.

    The extractor reports both ``X said the question was "whether ..."`` and the quoted words; the
    table keeps the exact words, but keeps a wrapper that says much more ("already 'in progress'"),
    and then not the words again inside it.
    """

    def nests(inner: Citation, outer: Citation) -> bool:
        """``inner`` lies within ``outer`` in one report and is not the same span."""
        return (
            inner.report_id == outer.report_id
            and outer.start <= inner.start
            and inner.end <= outer.end
            and (inner.start, inner.end) != (outer.start, outer.end)
        )

    def covered(outer: Citation) -> bool:
        return any(nests(i, outer) and (i.end - i.start) >= 0.5 * (outer.end - outer.start) for i in cites)

    def inside_kept(inner: Citation) -> bool:
        return any(nests(inner, o) and not covered(o) for o in cites)

    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in cites:
        key = (c.report_id, c.start, c.end)
        if key not in seen and not covered(c) and not inside_kept(c):
            seen.add(key)
            out.append(c)
    return tuple(out)


def who_said_what(items: Sequence[tuple[Report, Analysis]], copies: dict[str, str]) -> tuple[WhoSaid, ...]:
    """Speakers with the most quotes first; unattributed quotes, non-speech and syndicated copies are left out."""
    table: dict[str, list[Citation]] = {}
    for report, analysis in items:
        if report.id in copies:
            continue
        for q in analysis.quotes:
            if not q.speaker or q.attribution != "speech":
                continue  # beliefs, stances and scare quotes are not things someone said
            name = next((k for k in table if _same_speaker(k, q.speaker)), q.speaker)
            if len(q.speaker) > len(name):  # keep the fuller name as the key
                table[q.speaker] = table.pop(name)
                name = q.speaker
            table.setdefault(name, []).append(Citation(report.id, q.start, q.end, q.text))
    rows = [WhoSaid(name, _drop_nested(cites)) for name, cites in table.items()]
    rows.sort(key=lambda w: (-len(w.quotes), w.speaker))
    return tuple(rows)
