"""Brief stage: a cited extractive summary, a timeline and a who-said-what table for one story.

``make_brief`` takes the story's reports with their analyses and the compare stage's
``Comparison`` (for aligned citations, syndicated copies and the contradictions a brief notes); ``render`` prints a brief as
Markdown, JSON or escaped HTML; ``story_export`` gives the export contract's per-story fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from crosswire.brief.differences import difference_notes
from crosswire.brief.embed import embed as minilm_embed
from crosswire.brief.quotes import who_said_what
from crosswire.brief.render import render, story_export
from crosswire.brief.summary import SummaryParams, summarize
from crosswire.brief.timeline import build_timeline
from crosswire.model import Analysis, Brief, Comparison, Report

__all__ = ["SummaryParams", "make_brief", "render", "story_export"]


def make_brief(
    items: Sequence[tuple[Report, Analysis]],
    comparison: Comparison | None,
    *,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    params: SummaryParams | None = None,
    decks: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> Brief:
    """Summarise one story; ``comparison`` may be None (no aligned citations, no copies known).

    ``decks``: each report's headline and deck lines (the clean stage's ``deck_lines``), no summary sentences."""
    items = list(items)
    copies = comparison.copies if comparison else {}
    story_id = comparison.story_id if comparison else "~".join(r.id for r, _ in items)
    return Brief(
        story_id=story_id,
        # what the reports say, then where they disagree or a later report updates a figure
        sentences=summarize(items, comparison, embed or minilm_embed, params or SummaryParams(), decks)
        + difference_notes(comparison),
        timeline=build_timeline(items, copies),
        who_said=who_said_what(items, copies),
    )
