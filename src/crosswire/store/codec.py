"""Records to and from their stored form: JSON for nested records, columns for flat ones.

Decoding tolerates fields a newer or older record lacks, so the store survives model additions
without a migration for every optional field.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import types
import typing
from typing import Any

from crosswire import model
from crosswire.model import Analysis, Brief, Comparison, Entity, Event, Mention, Quote, Report, TimeExpression

DIGEST_FORMAT = 2  # bump when Comparison or Brief change shape: older stored digests are then recomputed

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


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _decode(kind: Any, value: Any) -> Any:
    """Rebuild a value of type ``kind`` (records, tuples, dicts, optionals) from its JSON form."""
    if value is None:
        return None
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)  # type: ignore[arg-type]
        return kind(**{k: _decode(hints[k], v) for k, v in value.items() if k in hints})  # type: ignore[operator]
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=False)) if args else tuple(value)
    if origin is dict:
        return {k: _decode(args[1], v) for k, v in value.items()}
    if origin is list:
        return [_decode(args[0], v) for v in value]
    return value


def digest_to_json(comparison: Comparison, brief: Brief, report_ids: tuple[str, ...]) -> str:
    """The whole comparison and brief of a story, so ``compare STORY`` and ``brief STORY`` need no
    model: recomputing them loads MiniLM and took 10-19 s a call on a two-report story."""
    return json.dumps(
        {
            "format": DIGEST_FORMAT,
            "report_ids": sorted(report_ids),
            "comparison": dataclasses.asdict(comparison),
            "brief": dataclasses.asdict(brief),
        },
        ensure_ascii=False,
    )


def digest_from_json(text: str | None, report_ids: tuple[str, ...]) -> tuple[Comparison, Brief] | None:
    """The stored comparison and brief, or None when absent, of another format, or not of exactly
    ``report_ids`` (the story changed since): then the caller computes them afresh."""
    if not text:
        return None
    try:
        data = json.loads(text)
        if data.get("format") != DIGEST_FORMAT or data.get("report_ids") != sorted(report_ids):
            return None
        return _decode(Comparison, data["comparison"]), _decode(Brief, data["brief"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
