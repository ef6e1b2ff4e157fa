"""Reads of who said what and what happened: quotes and events with their filters, in one place so
that a list and its count share the same ``WHERE`` (paging totals cannot disagree with the pages)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

_QUOTES_FROM = "FROM quotes q JOIN reports r ON r.id = q.report_id"


def _quote_filters(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    story: str | None = None,
    text: str | None = None,
    attribution: str | None = None,
    nested: bool = False,
) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (with its args) shared by ``quotes`` and ``count_quotes``."""
    where, args = [], []
    if speaker:
        where.append("(q.speaker LIKE ? OR q.speaker_entity = ?)")
        args += [f"%{speaker}%", speaker]
    if story:
        where.append("r.story_id = ?")
        args.append(_story_id(conn, story))
    if text:
        where.append("q.text LIKE ?")
        args.append(f"%{text}%")
    if attribution:
        where.append("q.attribution = ?")
        args.append(attribution)
    if not nested:
        where.append(
            "NOT (q.kind = 'direct' AND EXISTS (SELECT 1 FROM quotes p WHERE p.report_id = q.report_id"
            ' AND p.kind = \'partial\' AND p.start <= q.start AND q."end" <= p."end"))'
        )
    return (" WHERE " + " AND ".join(where) if where else ""), args


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    story: str | None = None,
    text: str | None = None,
    attribution: str | None = None,
    nested: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes in report order; ``attribution`` keeps one kind ("speech" hides beliefs, stances, scare quotes).

    A direct quote inside a partial one (``said the talks were "frank"``) is one statement: listed
    once, as the partial quote whose quotation marks already show the verbatim words, unless
    ``nested`` asks for both (compare matches the verbatim words across reports)."""
    where, args = _quote_filters(
        conn, speaker=speaker, story=story, text=text, attribution=attribution, nested=nested
    )
    sql = (
        'SELECT q.report_id, q.text, q.start, q."end", q.kind, q.speaker, q.speaker_entity, q.anonymous, '
        "q.relayed_via, q.attribution, r.outlet, r.title, r.published, r.story_id "
        + _QUOTES_FROM
        + where
        + " ORDER BY r.seq, q.start, q.rowid LIMIT ? OFFSET ?"
    )
    out = []
    for r in conn.execute(sql, [*args, limit, offset]):
        d = dict(r)
        d["anonymous"] = bool(d["anonymous"])
        d["relayed_via"] = json.loads(d["relayed_via"])
        out.append(d)
    return out


def count_quotes(conn: sqlite3.Connection, **filters: Any) -> int:
    """How many quotes ``quotes`` pages through with these filters (the same ``WHERE``)."""
    where, args = _quote_filters(conn, **filters)
    return conn.execute("SELECT COUNT(*) " + _QUOTES_FROM + where, args).fetchone()[0]


_EVENTS_FROM = "FROM events e JOIN reports r ON r.id = e.report_id"


def _event_filters(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    kind: str | None = None,
    story: str | None = None,
    copies: bool = False,
) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (with its args) shared by ``events`` and ``count_events``. A syndicated copy
    tells its origin's events again: unless ``copies``, they are left out while the origin is stored,
    so a story's events and its timeline chart count each event once."""
    where, args = [], []
    if not copies:
        where.append(
            "(r.syndicated_from IS NULL OR NOT EXISTS (SELECT 1 FROM reports o WHERE o.id = r.syndicated_from))"
        )
    if actor:
        where.append("(e.actors LIKE ? OR e.targets LIKE ?)")
        args += [f"%{actor}%", f"%{actor}%"]
    if kind:
        where.append("e.kind = ? COLLATE NOCASE")
        args.append(kind)
    if story:
        where.append("r.story_id = ?")
        args.append(_story_id(conn, story))
    return (" WHERE " + " AND ".join(where) if where else ""), args


def events(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    kind: str | None = None,
    story: str | None = None,
    copies: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events, by their own date: dated ones first, oldest first (a period by its first day), then the
    undated ones by the date of the report that tells them (``published``, shown as "reported ...").
    An event's ``when`` is only ever its own resolved date, never the report's."""
    where, args = _event_filters(conn, actor=actor, kind=kind, story=story, copies=copies)
    sql = (
        'SELECT e.report_id, e.kind, e.actors, e.targets, e."where", e."when", e.start, e."end", r.outlet, '
        'r.title, r.story_id, r.published, substr(r.body, e.start + 1, e."end" - e.start) AS text '
        + _EVENTS_FROM
        + where
        + ' ORDER BY e."when" IS NULL, e."when", r.published IS NULL, r.published, r.seq, e.start, e.rowid'
        + " LIMIT ? OFFSET ?"
    )
    out = []
    for r in conn.execute(sql, [*args, limit, offset]):
        d = dict(r)
        d["actors"] = json.loads(d["actors"])
        d["targets"] = json.loads(d["targets"])
        out.append(d)
    return out


def count_events(conn: sqlite3.Connection, **filters: Any) -> int:
    """How many events ``events`` pages through with these filters (the same ``WHERE``)."""
    where, args = _event_filters(conn, **filters)
    return conn.execute("SELECT COUNT(*) " + _EVENTS_FROM + where, args).fetchone()[0]


def _story_id(conn: sqlite3.Connection, story: str) -> str:
    """A story id or unique prefix resolved as every read resolves it (``queries.story_row``)."""
    from crosswire.store.queries import story_row  # queries re-exports this module's reads

    return str(story_row(conn, story)["id"])
