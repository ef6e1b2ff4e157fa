"""A date for an undated report, borrowed from the dated reports of its story.

An undated report that says "on Monday" about an event its story-mates date is telling us when it
was written: the Monday in question is the day a sibling gives for the same event (same kind,
actors or place), so the report was published then. We match the report's weekday mentions to
the events around them, look for a sibling event (or, failing events, a sibling sharing named
people and places) dated on that weekday, and take the latest such date. The reason names the
phrase, the event and the sibling, so a reader can check the inference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from crosswire.model import Analysis, Event, Report

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:(?:on|last|this|late|early)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
NOUNS = {  # PLOVER kinds as the noun a reader would use
    "CONSULT": "meeting",
    "VISIT": "visit",
    "AGREE": "agreement",
    "SUPPORT": "support",
    "COOPERATE": "cooperation",
    "AID": "aid",
    "ASSAULT": "attack",
    "COERCE": "crackdown",
    "FIGHT": "fighting",
    "THREATEN": "threat",
    "ACCUSE": "accusation",
    "DEMAND": "demand",
    "REJECT": "rejection",
    "PROTEST": "protest",
    "SANCTION": "sanctions",
    "MOBILIZE": "mobilization",
    "CONCEDE": "concession",
    "RETREAT": "withdrawal",
}
_PEOPLE_PLACES = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})


def _event_near(analysis: Analysis | None, start: int, end: int) -> Event | None:
    """The event whose span holds the weekday phrase, else the nearest one in the same stretch of text."""
    if analysis is None or not analysis.events:
        return None
    holding = [e for e in analysis.events if e.start <= start and end <= e.end]
    if holding:
        return min(holding, key=lambda e: e.end - e.start)
    near = min(analysis.events, key=lambda e: min(abs(e.start - end), abs(start - e.end)))
    return near if min(abs(near.start - end), abs(start - near.end)) < 200 else None


def _norm(names: Sequence[str]) -> set[str]:
    return {n.lower() for n in names if n}


def _event_match(mine: Event, theirs: Event) -> int:
    """How surely two events are the same one: kind, shared actors/targets and place each count."""
    score = 0
    if mine.kind and mine.kind == theirs.kind:
        score += 1
    score += len(_norm(mine.actors + mine.targets) & _norm(theirs.actors + theirs.targets))
    if mine.where and theirs.where and mine.where.lower() == theirs.where.lower():
        score += 1
    return score


def _entities(analysis: Analysis | None) -> dict[str, str]:
    if analysis is None:
        return {}
    return {e.id: e.name for e in analysis.entities if e.kind in _PEOPLE_PLACES}


def _describe(event: Event) -> str:
    noun = NOUNS.get(event.kind.upper(), event.kind.lower()) if event.kind else "event"
    text = noun
    people = list(dict.fromkeys(event.actors + event.targets))
    if people:
        text += " of " + (
            " and ".join(people) if len(people) <= 2 else ", ".join(people[:-1]) + " and " + people[-1]
        )
    if event.where:
        text += f" in {event.where}"
    return text


def _day(value: str | None) -> dt.date | None:
    if value and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def date_from_story(
    report: Report, analysis: Analysis | None, siblings: Sequence[tuple[Report, Analysis | None]]
) -> tuple[str, str] | None:
    """``(published, reason)`` for an undated report from its story's dated reports, else ``None``."""
    if report.published:
        return None
    mine_entities = _entities(analysis)
    best: tuple[int, dt.date, str] | None = None  # (strength, date, reason)
    for m in _WEEKDAY.finditer(report.body):
        weekday = WEEKDAYS.index(m.group(1).lower())
        phrase = m.group(1).capitalize()
        event = _event_near(analysis, m.start(), m.end())
        for sib, sib_analysis in siblings:
            if sib.id == report.id:
                continue
            title = sib.title or sib.outlet or sib.id
            found = _from_events(event, sib_analysis, weekday)
            if found is not None:
                strength, when, theirs = found
                reason = f"undated; its '{phrase}' {_describe(event or theirs)} is dated {when} by {title}"
                cand = (10 + strength, when, reason)
            else:
                shared = sorted(set(mine_entities) & set(_entities(sib_analysis)))
                when = _sibling_day(sib, sib_analysis, weekday)
                if not shared or when is None:
                    continue
                names = ", ".join(mine_entities[e] for e in shared[:3])
                reason = f"undated; its '{phrase}' matches {title} (also about {names}), dated {when}"
                cand = (len(shared), when, reason)
            if best is None or (cand[0], cand[1]) > (best[0], best[1]):
                best = cand
    if best is None:
        return None
    return best[1].isoformat(), best[2]


def _from_events(
    event: Event | None, sib_analysis: Analysis | None, weekday: int
) -> tuple[int, dt.date, Event] | None:
    """The latest sibling event on ``weekday`` that matches ``event`` (kind / actors / place)."""
    if event is None or sib_analysis is None:
        return None
    out: tuple[int, dt.date, Event] | None = None
    for theirs in sib_analysis.events:
        when = _day(theirs.when)
        strength = _event_match(event, theirs)
        if when is None or when.weekday() != weekday or strength < 2:
            continue
        if out is None or (strength, when) > (out[0], out[1]):
            out = (strength, when, theirs)
    return out


def _sibling_day(sib: Report, sib_analysis: Analysis | None, weekday: int) -> dt.date | None:
    """The latest day on ``weekday`` that a sibling vouches for: its resolved times, else its own date."""
    days = [_day(t.value) for t in sib_analysis.times] if sib_analysis else []
    published = _day(sib.published)
    days.append(published)
    # A day after the sibling's own date is one it looks forward to ("will fight on Sept. 8"): no
    # report that tells of it as done can have been written then.
    fitting = [
        d for d in days if d is not None and d.weekday() == weekday and (published is None or d <= published)
    ]
    return max(fitting) if fitting else None
