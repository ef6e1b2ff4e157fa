"""Every read the CLI, the API and the web pages make: one query feeds both the page and the JSON.

Functions take a ``sqlite3.Connection`` and return plain dicts/lists (JSON-ready) or records.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import unicodedata
from typing import Any

from crosswire.errors import NotFound
from crosswire.model import Analysis, Brief, Comparison, Report
from crosswire.store import entities as _entity_reads
from crosswire.store.codec import DIGEST_FORMAT, analysis_from_json, digest_from_json, report_from_row
from crosswire.store.outlets import OUTLET_IN, resolve_outlet

# full-text search is read in ``search`` (with the filters its hits take); importable from here too
from crosswire.store.search import (  # noqa: F401
    MAX_PHRASE_WORDS,
    MAX_QUERY_TERMS,
    SEARCH_WINDOW,
    count_search,
    fts_query,
    search,
)

# quotes and events are read in ``statements``; importable from here too, where every other read lives
from crosswire.store.statements import count_events, count_quotes, events, quotes  # noqa: F401


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Reports, stories and copies: reports linked to an earlier one (``syndicated_from``) or that a
    story's comparison counts under another report (a wire rewrite, ``compare.wire``), as the story
    pages count them."""
    copies = conn.execute(
        "SELECT COUNT(*) FROM (SELECT id FROM reports WHERE syndicated_from IS NOT NULL UNION"
        " SELECT c.key FROM stories s, json_each(s.digest_full, '$.comparison.copies') c"
        " WHERE json_valid(s.digest_full))"
    ).fetchone()[0]
    return {
        "reports": conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0],
        "stories": conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0],
        "copies": copies,
    }


def _story_filters(
    conn: sqlite3.Connection,
    *,
    outlet: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    text: str | None = None,
) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (with its args) shared by the story list and its count, so a total never
    disagrees with the pages it counts."""
    where, args = [], []
    if outlet and outlet.strip():  # "nyt", "usa-today": the stored names it stands for, or NotFound
        where.append(f"s.id IN (SELECT story_id FROM reports WHERE {OUTLET_IN})")
        args.append(json.dumps(resolve_outlet(conn, outlet)))
    if language:
        where.append("s.id IN (SELECT story_id FROM reports WHERE language = ?)")
        args.append(language)
    if entity:
        match, match_args = entity_filter(conn, entity)
        where.append(
            f"s.id IN (SELECT r.story_id FROM mentions m JOIN reports r ON r.id = m.report_id WHERE {match})"
        )
        args += match_args
    if since:
        where.append("s.last_seen >= ?")  # an undated story is not "since" any date
        args.append(since)
    if until:
        where.append("s.first_seen <= ?")
        args.append(until)
    if text:
        where.append(
            "s.id IN (SELECT r.story_id FROM reports_fts f JOIN reports r ON r.seq = f.rowid WHERE reports_fts MATCH ?)"
        )
        args.append(fts_query(text))
    return (f"WHERE {' AND '.join(where)} " if where else ""), args


def list_stories(
    conn: sqlite3.Connection,
    *,
    limit: int = 50,
    offset: int = 0,
    outlet: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Stories newest first (by latest report date, then by when they were last updated)."""
    where, args = _story_filters(
        conn, outlet=outlet, entity=entity, since=since, until=until, language=language, text=text
    )
    sql = (
        "SELECT s.id, s.label, s.entities, s.first_seen, s.last_seen, s.report_count, s.outlet_count FROM stories s "
        + where
        + "ORDER BY COALESCE(s.last_seen, '') DESC, s.updated_at DESC, s.id LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, [*args, limit, offset]).fetchall()
    return [
        {
            "id": r["id"],
            "label": r["label"],
            "entities": json.loads(r["entities"]),
            "first_seen": r["first_seen"],
            "last_seen": r["last_seen"],
            "reports": r["report_count"],
            "outlets": r["outlet_count"],
        }
        for r in rows
    ]


def count_stories(conn: sqlite3.Connection, **filters: str | None) -> int:
    """How many stories ``list_stories`` pages through with these filters (the same ``WHERE``)."""
    where, args = _story_filters(conn, **filters)
    return conn.execute("SELECT COUNT(*) FROM stories s " + where, args).fetchone()[0]


def _like(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere, its own ``%``, ``_`` and ``\\`` taken literally."""
    return "%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"


def _slug(text: str) -> str:
    """What an entity id looks like (``"Benjamin Netanyahu"`` -> ``"benjamin-netanyahu"``, accents folded)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


# SQLite refuses a LIKE pattern over 50,000 bytes (a 500); the first 200 characters of a name are part
# of it too, so what a longer term names is still found
MAX_ENTITY_CHARS = 200


def entity_filter(conn: sqlite3.Connection, text: str) -> tuple[str, list[str]]:
    """A condition on ``m.entity_id`` (with its args) for the entities ``text`` names: any part of a name
    or id, any case ("Netanyahu" finds ``benjamin-netanyahu``, "Benjamin Netanyahu" its id too); when
    none matches, the aliases kept in the reports' analyses are tried.

    A name form the writer relinked to one person's id (``entity_links``: "Oda K. Varn" to ``oda-varn``)
    names that person: its old id, kept only in the links and in the report's own analysis, finds it."""
    text = " ".join(text.split())[:MAX_ENTITY_CHARS]
    patterns = [_like(text)] + ([_like(_slug(text))] if _slug(text) not in ("", text) else [])
    cond = " OR ".join(["name LIKE ? ESCAPE '\\'"] + ["entity_id LIKE ? ESCAPE '\\'"] * len(patterns))
    linked = " OR ".join(["old_id LIKE ? ESCAPE '\\'"] * len(patterns))
    args = [patterns[0], *patterns, *patterns]
    if conn.execute(
        f"SELECT 1 FROM mentions WHERE {cond} UNION ALL SELECT 1 FROM entity_links WHERE {linked} LIMIT 1",
        args,
    ).fetchone():
        return (
            f"(m.entity_id IN (SELECT entity_id FROM mentions WHERE {cond}) "
            f"OR m.entity_id IN (SELECT new_id FROM entity_links WHERE {linked}))"
        ), args
    aliased = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT json_extract(e.value, '$.id') FROM reports r, json_each(r.analysis, '$.entities') e, "
            "json_each(e.value, '$.aliases') a WHERE r.analysis IS NOT NULL AND a.value LIKE ? ESCAPE '\\'",
            (patterns[0],),
        )
        if r[0]
    ]
    # an analysis keeps the report's own ids: one since relinked is read as the id it was linked to
    return (
        "(m.entity_id IN (SELECT value FROM json_each(?)) "
        "OR m.entity_id IN (SELECT new_id FROM entity_links WHERE old_id IN (SELECT value FROM json_each(?))))"
    ), [json.dumps(aliased)] * 2


def story_digest_full(conn: sqlite3.Connection, story_id: str) -> str | None:
    """The stored comparison and brief records of a story (``codec.digest_from_json`` reads them)."""
    row = conn.execute("SELECT digest_full FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row[0] if row else None


def story_copies(conn: sqlite3.Connection, story_id: str) -> dict[str, str]:
    """{copy: the report it stands with} of a story's last comparison: syndicated copies, and wire
    rewrites that no report field records (``compare.wire``); empty when none is stored."""
    try:
        data = json.loads(story_digest_full(conn, story_id) or "{}")
        copies = data.get("comparison", {}).get("copies") or {}
    except (ValueError, AttributeError):
        return {}
    return {str(k): str(v) for k, v in copies.items()} if isinstance(copies, dict) else {}


def stored_digest(
    conn: sqlite3.Connection, story_id: str
) -> tuple[list[tuple[Report, Analysis]], Comparison, Brief] | None:
    """A story's reports with the comparison and brief its last ingest stored, or None when there is
    none for exactly these reports (then ``pipeline.story_digest`` computes them, loading models)."""
    sid = story_row(conn, story_id)["id"]
    items = story_items(conn, sid)
    found = digest_from_json(story_digest_full(conn, sid), tuple(r.id for r, _ in items))
    return None if found is None else (items, *found)


def story_row(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """A story by id or unique id prefix; the id of a story since merged into another finds that one."""
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        rows = conn.execute("SELECT * FROM stories WHERE id LIKE ? LIMIT 2", (story_id + "%",)).fetchall()
        if not rows:
            merged = conn.execute(
                "SELECT DISTINCT new_id FROM story_aliases WHERE old_id LIKE ? LIMIT 2", (story_id + "%",)
            ).fetchall()
            if len(merged) == 1:
                rows = conn.execute("SELECT * FROM stories WHERE id = ?", (merged[0][0],)).fetchall()
        if len(rows) > 1:
            raise NotFound(story_id, "matches several stories; give more of the id")
        if len(rows) != 1:
            raise NotFound(story_id, "no such story; `crosswire stories` lists them")
        row = rows[0]
    return {
        "id": row["id"],
        "label": row["label"],
        "entities": json.loads(row["entities"]),
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "reports": row["report_count"],
        "outlets": row["outlet_count"],
        "digest": json.loads(row["digest"]) if row["digest"] else None,
    }


def story_items(conn: sqlite3.Connection, story_id: str) -> list[tuple[Report, Analysis]]:
    """A story's reports with their analyses, in ingest order."""
    rows = conn.execute("SELECT * FROM reports WHERE story_id = ? ORDER BY seq", (story_id,)).fetchall()
    return [(report_from_row(r), _analysis(conn, r)) for r in rows]


def linked_ids(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """{id: the person's id it was linked to} for those of ``ids`` the writer linked (``entity_links``)."""
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        part = ids[start : start + 500]
        marks = ",".join("?" * len(part))
        out.update(conn.execute(f"SELECT old_id, new_id FROM entity_links WHERE old_id IN ({marks})", part))
    return out


def _analysis(conn: sqlite3.Connection, row: sqlite3.Row) -> Analysis:
    """A stored analysis with the store's entity ids: the writer links one person's name forms across
    reports ("Donald J. Trump", a bare "Obama"; ``entity_links``), so every reader (export, pages,
    compare) sees those ids, not the ones the report's own analysis gave. Where the writer kept a
    report's rows of a linked id apart ("Ferguson" the town, not the spokesman), they stay apart here too."""
    analysis = analysis_from_json(row["analysis"], row["id"])
    own = list(
        {e.id for e in analysis.entities} | {q.speaker_entity for q in analysis.quotes if q.speaker_entity}
    )
    ids = linked_ids(conn, own)
    if ids:  # the writer kept this report's rows of a linked id apart (tagged a place, or not a person)
        kept = {
            r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE report_id = ?", (row["id"],))
        }
        ids = {old: new for old, new in ids.items() if old not in kept}
    if not ids:
        return analysis
    entities = tuple(
        dataclasses.replace(
            e,
            id=ids.get(e.id, e.id),
            mentions=tuple(
                dataclasses.replace(m, entity_id=ids.get(m.entity_id, m.entity_id)) for m in e.mentions
            ),
        )
        for e in analysis.entities
    )
    said = tuple(
        dataclasses.replace(q, speaker_entity=ids[q.speaker_entity]) if q.speaker_entity in ids else q
        for q in analysis.quotes
    )
    return dataclasses.replace(analysis, entities=entities, quotes=said)


def report_item(conn: sqlite3.Connection, report_id: str) -> tuple[Report, Analysis, str | None]:
    row = conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        rows = conn.execute("SELECT * FROM reports WHERE id LIKE ? LIMIT 2", (report_id + "%",)).fetchall()
        if len(rows) > 1:
            raise NotFound(report_id, "matches several reports; give more of the id")
        if len(rows) != 1:
            raise NotFound(report_id, "no such report; `crosswire export` lists them")
        row = rows[0]
    return report_from_row(row), _analysis(conn, row), row["story_id"]


def iter_reports(conn: sqlite3.Connection):
    """Every stored report with its analysis and story, in ingest order (for export)."""
    for row in conn.execute("SELECT * FROM reports ORDER BY seq"):
        yield report_from_row(row), _analysis(conn, row), row["story_id"]


def iter_story_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY COALESCE(first_seen, ''), id")]


def stale_story_ids(conn: sqlite3.Connection) -> list[str]:
    """Stories whose stored digest an older crosswire wrote (another ``DIGEST_FORMAT``) or none was
    written: the web pages and the export read the stored digest, so these show the old version's."""
    rows = conn.execute(
        "SELECT id FROM stories WHERE digest_full IS NULL OR NOT json_valid(digest_full)"
        " OR json_extract(digest_full, '$.format') IS NOT ? ORDER BY id",
        (DIGEST_FORMAT,),
    )
    return [r[0] for r in rows]


# the entity list and an entity's page are read in ``entities``; readable from here too, where every
# other read lives (bound here rather than imported by name: those names are parameters above)
count_entities = _entity_reads.count_entities
entities = _entity_reads.entities
entity = _entity_reads.entity
