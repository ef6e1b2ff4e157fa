"""Full-text search over the reports (SQLite FTS5, bm25), under the filters the story list takes.

A hit is one report, so each filter applies to the report itself: its outlet, its language, its
published date, and the entities of its analysis (as the story list finds them: ``queries.entity_filter``,
which follows the ids the writer relinked, ``entity_links``). ``search`` and ``count_search`` share one
``WHERE``, so a paging total never disagrees with the pages it counts. Re-exported from ``queries``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from crosswire.store.outlets import OUTLET_IN, resolve_outlet

_FTS_WORD = re.compile(r"[\w'-]+", re.UNICODE)


MAX_QUERY_TERMS = 12  # words and phrases; a query of hundreds of repeated words made FTS5 work for minutes
MAX_PHRASE_WORDS = 12


def fts_query(text: str) -> str:
    """Turn what a user types into a safe FTS5 query: quoted phrases stay phrases, words are ANDed.

    Repeats are dropped and at most ``MAX_QUERY_TERMS`` terms (phrases of at most ``MAX_PHRASE_WORDS``
    words) are kept: FTS5's cost grows steeply with the terms of an AND query (200 copies of one word
    took 14 s, 5,000 pinned a core for minutes), and search is open to anyone who can reach the API."""
    phrases = [" ".join(p.split()[:MAX_PHRASE_WORDS]) for p in re.findall(r'"([^"]+)"', text)]
    rest = re.sub(r'"[^"]*"', " ", text)
    terms = [f'"{p}"' for p in phrases if p] + [f'"{w}"' for w in _FTS_WORD.findall(rest)]
    unique = list(dict.fromkeys(t.lower() for t in terms))[:MAX_QUERY_TERMS]
    return " ".join(unique) or '""'


SEARCH_WINDOW = 5_000

_MATCH = "FROM reports_fts WHERE reports_fts MATCH ?"


def _entity_ids(conn: sqlite3.Connection, entity: str) -> list[str]:
    """The store's ids of the entities ``entity`` names, found as the story list finds them."""
    from crosswire.store.queries import entity_filter  # queries re-exports this module's reads

    match, args = entity_filter(conn, entity)
    sql = f"SELECT m.entity_id FROM (SELECT DISTINCT entity_id FROM mentions) m WHERE {match}"
    return [r[0] for r in conn.execute(sql, args)]


def _hit_filters(
    conn: sqlite3.Connection,
    *,
    entity: str | None = None,
    language: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[str, list[Any]] | None:
    """The conditions (``AND ...``, with their args) a matching report must also meet (blank is not
    given); None when the entity names nothing, so no report can match.

    Outlet and language as the story list compares them (the outlets ``outlets.resolve_outlet`` finds
    for what was typed, which raises ``NotFound`` for a name that is none of them; the stored code of a
    language);
    dates on the report's own ``published`` day, so an undated report is left out when either is given.
    Each is a set of ``seq`` (the FTS rowid) read from an index once per query (store migration 2), not
    a look at each match's row: a row is wide, and its language lies past the body. The ``+`` keeps FTS5
    from taking a set as rowids to look up: it would run the MATCH once per member (13 s at 20k reports,
    against 30 ms) and lose the rowid order the window walks."""
    where, args = [], []
    if outlet and outlet.strip():  # "nyt", "usa-today": the stored names it stands for, or NotFound
        where.append(f"+reports_fts.rowid IN (SELECT seq FROM reports WHERE {OUTLET_IN})")
        args.append(json.dumps(resolve_outlet(conn, outlet)))
    for cond, value in (
        ("language = ?", language),
        ("substr(published, 1, 10) >= ?", since),  # NULL (undated) is never "since" a day
        ("substr(published, 1, 10) <= ?", until),
    ):
        if value and value.strip():
            where.append(f"+reports_fts.rowid IN (SELECT seq FROM reports WHERE {cond})")
            args.append(value.strip())
    if entity and entity.strip():
        ids = _entity_ids(conn, entity)
        if not ids:
            return None
        where.append(
            "+reports_fts.rowid IN (SELECT r.seq FROM mentions m JOIN reports r ON r.id = m.report_id "
            "WHERE m.entity_id IN (SELECT value FROM json_each(?)))"
        )
        args.append(json.dumps(ids))
    return "".join(f" AND {w}" for w in where), args


def search(
    conn: sqlite3.Connection,
    text: str,
    *,
    entity: str | None = None,
    language: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Full-text search over titles and bodies: the best bm25 matches among the newest matching reports.

    A word found in most of 100k reports would make bm25 score every one of them (hundreds of ms). FTS5
    walks its posting lists by rowid cheaply, so the newest ``SEARCH_WINDOW`` matches (those that pass
    the filters) are found first and only they are ranked; ``ORDER BY rank`` lets FTS5 sort, so snippets
    are built for the rows returned only. Pages (``offset``) walk the same ranked window, so
    ``count_search`` with the same filters is what they add up to.
    """
    filters = _hit_filters(conn, entity=entity, language=language, outlet=outlet, since=since, until=until)
    if filters is None:
        return []
    where, args = filters
    query = fts_query(text)
    edge = conn.execute(
        f"SELECT rowid {_MATCH}{where} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [query, *args, SEARCH_WINDOW - 1],
    ).fetchone()
    rows = conn.execute(
        "SELECT r.id, r.title, r.outlet, r.published, r.story_id, "
        "snippet(reports_fts, 1, '[', ']', ' … ', 16) AS snippet, rank AS score "
        "FROM reports_fts JOIN reports r ON r.seq = reports_fts.rowid WHERE reports_fts MATCH ?"
        f"{where} AND reports_fts.rowid >= ? ORDER BY rank LIMIT ? OFFSET ?",
        [query, *args, edge[0] if edge else 0, limit, offset],
    ).fetchall()
    return [dict(r) for r in rows]


def count_search(
    conn: sqlite3.Connection,
    text: str,
    *,
    entity: str | None = None,
    language: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """How many hits ``search`` pages through with these filters: the matches that pass them, at most
    ``SEARCH_WINDOW`` (only those are ranked).

    Counting stops at the window, so a word in every report costs no more than one page of the newest."""
    filters = _hit_filters(conn, entity=entity, language=language, outlet=outlet, since=since, until=until)
    if filters is None:
        return 0
    where, args = filters
    return conn.execute(
        f"SELECT COUNT(*) FROM (SELECT rowid {_MATCH}{where} ORDER BY rowid DESC LIMIT ?)",
        [fts_query(text), *args, SEARCH_WINDOW],
    ).fetchone()[0]
