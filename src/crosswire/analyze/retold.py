"""An event a report tells twice (the dek, then the body; "met B" then "the meeting between A and B")
is one event: which mentions are the same, and which of them is kept."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from crosswire.analyze import plover
from crosswire.model import Event


def _same_mention(event: Event, kept: Event) -> bool:
    """Whether ``event`` can be another mention of ``kept`` (same kind and participants already)."""
    when_agrees = event.when is None or event.when == kept.when
    where_agrees = event.where is None or kept.where is None or event.where == kept.where
    return when_agrees and where_agrees


def _participants(event: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    """What makes two mentions the same event. A meeting, agreement or joint effort has no
    direction: "the meeting between A and B" and "A discussed it with B" name one set of parties,
    so for those kinds actors and targets are compared as one set."""
    if event.kind in plover.SYMMETRIC:
        return event.kind, frozenset((*event.actors, *event.targets)), frozenset()
    return event.kind, frozenset(event.actors), frozenset(event.targets)


def told_once(events: Sequence[Event]) -> list[Event]:
    """``events`` (in text order) with each event a report tells twice kept once.

    Two mentions are one event when they have the same kind, the same actors and the same targets
    (at least one of them named; for symmetric kinds such as CONSULT, the same parties whichever
    side of the verb they stand on), their places agree (the same, or one unknown) and their dates
    agree (the same, or one undated). The dated mention is kept, taking the other's place if it has
    none; of equals, the first. Two dated mentions on different days are two events, and so are
    participant-less ones ("it was agreed ...").
    """
    groups: dict[tuple[str, frozenset[str], frozenset[str]], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.actors or event.targets:
            groups[_participants(event)].append(i)
    kept: dict[int, Event] = {i: e for i, e in enumerate(events) if not (e.actors or e.targets)}
    for members in groups.values():
        survivors: list[int] = []
        for i in sorted(members, key=lambda i: (events[i].when is None, i)):  # dated first
            event = events[i]
            same = next((j for j in survivors if _same_mention(event, kept[j])), None)
            if same is None:
                survivors.append(i)
                kept[i] = event
            elif kept[same].where is None and event.where is not None:
                kept[same] = replace(kept[same], where=event.where)
    return [kept[i] for i in sorted(kept)]
