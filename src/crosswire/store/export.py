"""The export contract (DESIGN.md): one JSON object per report, or per story, in a stable shape.

Fields may be added, never renamed or removed; CSV flattens the same fields.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from crosswire.model import Analysis, Report
from crosswire.store import queries


def report_record(report: Report, analysis: Analysis, story_id: str | None) -> dict[str, Any]:
    return {
        "id": report.id,
        "uri": report.uri,
        "outlet": report.outlet,
        "outlet_source": report.outlet_source,
        "title": report.title,
        "published": report.published,
        "published_source": report.published_source,
        "published_reason": report.published_reason,
        "language": report.language,
        "body": report.body,
        "boilerplate": list(report.boilerplate),
        "captions": list(report.captions),
        "story_id": story_id,
        "syndicated_from": report.syndicated_from,
        "republished_from": report.republished_from,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "attributes": list(e.attributes),
                "mentions": [[m.start, m.end] for m in e.mentions],
            }
            for e in analysis.entities
        ],
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_entity": q.speaker_entity,
                "anonymous": q.anonymous,
                "relayed_via": list(q.relayed_via),
                "cue": q.cue,
                "attribution": q.attribution,
            }
            for q in analysis.quotes
        ],
        "events": [
            {
                "kind": e.kind,
                "actors": list(e.actors),
                "targets": list(e.targets),
                "where": e.where,
                "when": e.when,
                "start": e.start,
                "end": e.end,
            }
            for e in analysis.events
        ],
        "times": [{"text": t.text, "start": t.start, "end": t.end, "value": t.value} for t in analysis.times],
    }


def report_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for report, analysis, story_id in queries.iter_reports(conn):
        yield report_record(report, analysis, story_id)


def story_record(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    row = queries.story_row(conn, story_id)
    report_ids = [r.id for r, _ in queries.story_items(conn, row["id"])]
    record: dict[str, Any] = {
        "id": row["id"],
        "label": row["label"],
        "report_ids": report_ids,
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "entities": row["entities"],
        "variants": [],
        "only_in": {},
        "contradictions": [],
        "claims": [],
        "brief": [],
        "timeline": [],
    }
    record.update(row["digest"] or {})
    return record


def story_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for story_id in queries.iter_story_ids(conn):
        yield story_record(conn, story_id)


def to_jsonl(records: Iterator[dict[str, Any]], out: io.TextIOBase) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def to_csv(records: Iterator[dict[str, Any]], out: io.TextIOBase) -> int:
    """Flatten: scalars as they are, lists and objects as JSON text in their column."""
    writer: csv.DictWriter | None = None
    n = 0
    for record in records:
        flat = {
            k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
            for k, v in record.items()
        }
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n
