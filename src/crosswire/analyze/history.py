"""Events told as history: background a report recalls, not what it reports.

A report on a 2016 debate that mentions "declarations of 1780" or "what we saw in 1920" gives
those years as context; listed as events they open every timeline with centuries-old noise. An
event dated wholly before ``HISTORY_YEARS`` years ahead of the report's own date is therefore
background and is dropped. The report's date is ``published`` when the caller has it; else it is
read off the report's relative time phrases ("on Tuesday", "last week"), which only resolve
against the publication date and so sit beside it, unlike absolute dates that may be any age.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median_low

from crosswire.analyze.time import resolve
from crosswire.model import Event, TimeExpression

HISTORY_YEARS = 20  # a generation: older events are background, not news


def report_year(times: Sequence[TimeExpression], published: str | None = None) -> int | None:
    """The year the report was written: ``published``'s, else that of its relative time phrases."""
    if published:
        return int(published[:4])
    anchored = [int(t.value[:4]) for t in times if t.value and resolve(t.text, None) is None]
    return median_low(anchored) if anchored else None


def not_history(
    events: Sequence[Event], times: Sequence[TimeExpression], published: str | None = None
) -> list[Event]:
    """``events`` without those dated wholly ``HISTORY_YEARS`` or more before the report's year."""
    year = report_year(times, published)
    if year is None:
        return list(events)
    return [e for e in events if e.when is None or int(e.when.split("/")[-1][:4]) > year - HISTORY_YEARS]
