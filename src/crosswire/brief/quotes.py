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


def who_said_what(items: Sequence[tuple[Report, Analysis]], copies: dict[str, str]) -> tuple[WhoSaid, ...]:
    """Speakers with the most quotes first; unattributed quotes and syndicated copies are left out."""
    table: dict[str, list[Citation]] = {}
    for report, analysis in items:
        if report.id in copies:
            continue
        for q in analysis.quotes:
            if not q.speaker:
                continue
            name = next((k for k in table if _same_speaker(k, q.speaker)), q.speaker)
            if len(q.speaker) > len(name):  # keep the fuller name as the key
                table[q.speaker] = table.pop(name)
                name = q.speaker
            table.setdefault(name, []).append(Citation(report.id, q.start, q.end, q.text))
    rows = [WhoSaid(name, tuple(cites)) for name, cites in table.items()]
    rows.sort(key=lambda w: (-len(w.quotes), w.speaker))
    return tuple(rows)
