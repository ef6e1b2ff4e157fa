"""The entity list, its count and one entity's page: the reads behind ``crosswire entities``, the API
and the web's entity pages. Re-exported from ``queries``.

Every view names an entity by one rule, in SQL (``_SHOWN_NAME``, ``_SHOWN_KIND``): the name form most reports give it, then
the kind most reports give it, over all of its stored rows. A stray form ("POLLS -Donald Trump", one
report against 619) or a tagger's slip (one report tagging "United States" an ORG) then never names the
entity, and the list, a story's list and the entity page agree. Ties go to more mentions, then the
alphabetically first form, so the choice is stable.

``mentions`` counts every reference the analysis resolved to the entity: its names and the pronouns and
descriptions that stand for it ("he", "the former president"), as ``Entity.mentions`` holds them;
``reports`` counts the reports that name it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from crosswire.errors import NotFound

_ENTITIES_FROM = "FROM mentions m JOIN reports r ON r.id = m.report_id "

# The name and the kind shown for the entity whose id is ``{id}`` (a column of the outer query): the form
# and the kind on most of its rows (one per report), then on most mentions, then the first in order. Read
# per entity listed (``mentions_entity`` finds its rows), so a page of 50 costs 100 small lookups, not a
# ranking of every entity in the store.
_SHOWN_NAME = (
    "(SELECT name FROM mentions WHERE entity_id = {id} GROUP BY name "
    "ORDER BY COUNT(*) DESC, SUM(count) DESC, name LIMIT 1)"
)
_SHOWN_KIND = (
    "(SELECT kind FROM mentions WHERE entity_id = {id} GROUP BY kind "
    "ORDER BY COUNT(*) DESC, SUM(count) DESC, kind LIMIT 1)"
)


def _entity_filters(
    conn: sqlite3.Connection, story: str | None, name: str | None = None
) -> tuple[str, list[Any]]:
    """The ``WHERE`` shared by the entity list and its count: a story, and/or part of a name or id."""
    from crosswire.store.queries import entity_filter, story_row  # queries re-exports this module

    where, args = [], []
    if story:
        where.append("r.story_id = ?")
        args.append(story_row(conn, story)["id"])
    if name and name.strip():
        match, match_args = entity_filter(conn, name)
        where.append(match)
        args += match_args
    return (f"WHERE {' AND '.join(where)} " if where else ""), args


def entities(
    conn: sqlite3.Connection,
    *,
    story: str | None = None,
    name: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities by mentions, most first; ties by id (a slug of the name), so pages never overlap or skip.

    With a story, the counts are the story's, the name and kind the entity's own (``_SHOWN_NAME``)."""
    where, args = _entity_filters(conn, story, name)
    page = (
        "SELECT m.entity_id AS id, SUM(m.count) AS mentions, COUNT(DISTINCT m.report_id) AS reports, "
        "COUNT(DISTINCT r.story_id) AS stories "
        + _ENTITIES_FROM
        + where
        + "GROUP BY m.entity_id ORDER BY mentions DESC, id LIMIT ? OFFSET ?"
    )
    sql = (
        f"SELECT p.id, {_SHOWN_NAME.format(id='p.id')} AS name, {_SHOWN_KIND.format(id='p.id')} AS kind, "
        f"p.mentions, p.reports, p.stories FROM ({page}) p ORDER BY p.mentions DESC, p.id"
    )
    return [dict(r) for r in conn.execute(sql, [*args, limit, offset])]


def count_entities(conn: sqlite3.Connection, *, story: str | None = None, name: str | None = None) -> int:
    """How many entities ``entities`` pages through (the same ``FROM`` and ``WHERE``)."""
    where, args = _entity_filters(conn, story, name)
    return conn.execute("SELECT COUNT(DISTINCT m.entity_id) " + _ENTITIES_FROM + where, args).fetchone()[0]


def entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any]:
    """One entity by id (or exact name): its totals and every report that mentions it, newest first."""
    rows = conn.execute(
        "SELECT m.entity_id, m.count, r.id AS report_id, r.title, r.outlet, r.published, "
        "r.story_id FROM mentions m JOIN reports r ON r.id = m.report_id "
        "WHERE m.entity_id = ? OR m.entity_id = (SELECT entity_id FROM mentions WHERE name = ? COLLATE NOCASE "
        "LIMIT 1) ORDER BY COALESCE(r.published, '') DESC, r.seq DESC",
        (entity_id, entity_id),
    ).fetchall()
    if not rows:
        raise NotFound(entity_id, "no such entity; `crosswire entities` lists them")
    shown = conn.execute(
        f"SELECT {_SHOWN_NAME.format(id='?1')} AS name, {_SHOWN_KIND.format(id='?1')} AS kind",
        (rows[0]["entity_id"],),
    ).fetchone()
    return {
        "id": rows[0]["entity_id"],
        "name": shown["name"],
        "kind": shown["kind"],
        "mentions": sum(r["count"] for r in rows),
        "reports": [
            {k: r[k] for k in ("report_id", "title", "outlet", "published", "story_id", "count")}
            for r in rows
        ],
        "stories": len({r["story_id"] for r in rows}),
    }
