"""One written sentence per disagreement, so a brief never sets two figures side by side unexplained.

The extractive summary may pick "killing at least 14" from one report and "has risen to 16" from a
later one; a reader needs to be told which is current, or that outlets disagree. The compare stage
already found the disagreements (``Contradiction.kind``: number, date, name, speaker, update); this
module words them, cites the spans they rest on, and keeps a later figure as the one to believe.
"""

from __future__ import annotations

from crosswire.model import BriefSentence, Comparison, Contradiction

# A brief is short: the disagreements a reader most needs, not all of them.
MAX_NOTES = 2
_ORDER = {"update": 0, "number": 1, "date": 2, "name": 3, "speaker": 4}


def _sentence(c: Contradiction) -> str:
    what = c.what.rstrip(". ")
    if c.kind == "update":  # "deaths rose from 14 (2026-03-03) to 16 (2026-03-04)": the later one holds
        return f"Later reports update the figure: {what}."
    # "tonnes: 12,500 vs 12,000" names its measure first
    return f"Reports differ on {what}." if ":" in what else f"Reports differ: {what}."


def difference_notes(comparison: Comparison | None, *, limit: int = MAX_NOTES) -> tuple[BriefSentence, ...]:
    """Cited notes for the story's updates first, then its disagreements, each wording once."""
    if comparison is None:
        return ()
    found = sorted(comparison.contradictions, key=lambda c: _ORDER.get(c.kind, len(_ORDER)))
    out: dict[str, BriefSentence] = {}
    for c in found:
        if not c.members:
            continue
        text = _sentence(c)
        out.setdefault(text, BriefSentence(text, tuple(c.members), note=True))
    return tuple(out.values())[:limit]
