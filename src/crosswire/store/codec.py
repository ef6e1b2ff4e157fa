"""Records to and from their stored form: JSON for nested records, columns for flat ones.

Decoding tolerates fields a newer or older record lacks, so the store survives model additions
without a migration for every optional field.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from crosswire.model import Analysis, Entity, Event, Mention, Quote, Report, TimeExpression

REPORT_COLUMNS = (
    "id",
    "uri",
    "outlet",
    "outlet_source",
    "title",
    "body",
    "published",
    "published_source",
    "published_reason",
    "language",
    "boilerplate",
    "captions",
    "republished_from",
    "content_hash",
    "text_hash",
    "fingerprint",
    "syndicated_from",
)


def report_to_row(report: Report) -> dict[str, Any]:
    row = {name: getattr(report, name, None) for name in REPORT_COLUMNS}
    row["boilerplate"] = json.dumps(list(report.boilerplate), ensure_ascii=False)
    row["captions"] = json.dumps(list(report.captions), ensure_ascii=False)
    row["fingerprint"] = getattr(report, "fingerprint", b"") or None
    return row


def report_from_row(row: sqlite3.Row) -> Report:
    known = {f.name for f in dataclasses.fields(Report)}
    values: dict[str, Any] = {}
    for name in REPORT_COLUMNS:
        if name not in known:
            continue
        value = row[name]
        if name in ("boilerplate", "captions"):
            value = tuple(json.loads(value or "[]"))
        elif name == "fingerprint":
            value = value or b""
        values[name] = value
    return Report(**values)


def analysis_to_json(analysis: Analysis) -> str:
    return json.dumps(dataclasses.asdict(analysis), ensure_ascii=False)


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in names})


def analysis_from_json(text: str | None, report_id: str) -> Analysis:
    if not text:
        return Analysis(report_id=report_id)
    data = json.loads(text)
    entities = tuple(
        dataclasses.replace(
            _build(Entity, {k: v for k, v in e.items() if k != "mentions"}),
            mentions=tuple(_build(Mention, m) for m in e.get("mentions", [])),
        )
        for e in data.get("entities", [])
    )
    return Analysis(
        report_id=data.get("report_id", report_id),
        entities=entities,
        quotes=tuple(_build(Quote, q) for q in data.get("quotes", [])),
        times=tuple(_build(TimeExpression, t) for t in data.get("times", [])),
        events=tuple(_build(Event, e) for e in data.get("events", [])),
        sentences=tuple(tuple(s) for s in data.get("sentences", [])),
    )
