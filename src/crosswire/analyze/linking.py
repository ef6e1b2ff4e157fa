"""Entities linked across the reports of one story: "Putin" in one report is "Vladimir Putin" of another.

Within a report, canonical entities come from that report alone; a report that names someone only by
surname (its full name stood in a photo caption, say) leaves a bare "Putin". Once reports are grouped
into a story, the fullest form any of them gives becomes the name everywhere: in entity lists, quote
speakers and event roles, so a reader filtering by "Vladimir Putin" finds every report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from crosswire.analyze.entities import link_across
from crosswire.model import Analysis, Entity


def link_story(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The same analyses with story-level entity ids and names (unchanged ones are returned as they were)."""
    mapping = link_across([a.entities for a in analyses])
    names: dict[str, str] = {}  # id -> its fullest written name (the store may already give one id to
    for a in analyses:  # "Putin" and "Vladimir Putin", see ``store.queries``)
        for e in a.entities:
            if e.id not in names or len(e.name.split()) > len(names[e.id].split()):
                names[e.id] = e.name
    new_id = {old: new for old, new in mapping.items() if old != new and new in names}
    new_name: dict[str, str] = {}
    for a in analyses:
        for e in a.entities:
            full = names[new_id.get(e.id, e.id)]
            if full != e.name:
                new_name.setdefault(e.name, full)
    if not new_id and not new_name:
        return list(analyses)
    return [_relink(a, new_id, new_name, names) for a in analyses]


def _relink(a: Analysis, new_id: dict[str, str], new_name: dict[str, str], names: dict[str, str]) -> Analysis:
    if not any(e.id in new_id or e.name in new_name for e in a.entities):
        return a
    merged: dict[str, Entity] = {}
    for e in a.entities:
        target = new_id.get(e.id, e.id)
        if target in merged:  # the report had both forms: one entity with every mention
            kept = merged[target]
            merged[target] = dataclasses.replace(
                kept,
                aliases=tuple(dict.fromkeys((*kept.aliases, *e.aliases, e.name))),
                attributes=tuple(dict.fromkeys((*kept.attributes, *e.attributes))),
                mentions=tuple(
                    sorted(
                        {*kept.mentions, *(dataclasses.replace(m, entity_id=target) for m in e.mentions)},
                        key=lambda m: m.start,
                    )
                ),
            )
        else:
            merged[target] = dataclasses.replace(
                e,
                id=target,
                name=names.get(target, e.name),
                aliases=tuple(dict.fromkeys((*e.aliases, e.name)))
                if target != e.id or names.get(target, e.name) != e.name
                else e.aliases,
                mentions=tuple(dataclasses.replace(m, entity_id=target) for m in e.mentions),
            )
    quotes = tuple(
        dataclasses.replace(
            q,
            speaker_entity=new_id.get(q.speaker_entity, q.speaker_entity) if q.speaker_entity else None,
            speaker=new_name.get(q.speaker, q.speaker) if q.speaker else q.speaker,
        )
        for q in a.quotes
    )
    events = tuple(
        dataclasses.replace(
            ev,
            actors=tuple(dict.fromkeys(new_name.get(x, x) for x in ev.actors)),
            targets=tuple(dict.fromkeys(new_name.get(x, x) for x in ev.targets)),
        )
        for ev in a.events
    )
    return dataclasses.replace(a, entities=tuple(merged.values()), quotes=quotes, events=events)
