"""What each page and endpoint shows, as JSON-ready dicts: one function feeds both the HTML and the API.

Everything is read through ``crosswire.store.queries`` and ``export``; the story digest (brief,
timeline, variants, only-in passages, contradictions, claims) is what the compare and brief
stages stored, read tolerantly because fields may be added to it over time.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from datetime import date
from typing import Any

from fastapi import HTTPException

from crosswire.brief.render import source_numbers
from crosswire.errors import CrosswireError
from crosswire.model import Brief, BriefSentence, Citation, Report, TimelineEntry
from crosswire.store import queries
from crosswire.store.codec import digest_from_json
from crosswire.store.export import report_record


class CompareInput(CrosswireError):
    """Fewer than two distinct reports were asked to be compared (shown as a 400)."""

    code = "CW-WEB-400"


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_day(name: str, value: str | None) -> str | None:
    """``value`` if it is a real ``YYYY-MM-DD`` date (blank means not given); otherwise a 422 naming ``name``."""
    value = (value or "").strip() or None
    if value is None:
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD, got {shown!r}") from None
    return value


def list_stories(
    conn: sqlite3.Connection,
    *,
    limit: int,
    offset: int,
    since: str | None = None,
    until: str | None = None,
    **filters: str | None,
) -> dict[str, Any]:
    """One page of stories, newest first: ``{items, limit, offset, next_offset}``.

    ``since``/``until`` must be real dates (422 otherwise), and a story with no date is not "on or after"
    (or "on or before") any date, so it is left out when either is given. Undated stories sort after
    every dated one, so dropping them from a page leaves exactly the dated stories of that page.
    """
    since, until = check_day("since", since), check_day("until", until)
    rows = queries.list_stories(conn, limit=limit + 1, offset=offset, since=since, until=until, **filters)
    if since:
        rows = [r for r in rows if r.get("last_seen")]
    if until:
        rows = [r for r in rows if r.get("first_seen")]
    return {
        "items": rows[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) > limit else None,
    }


def split_ids(values: list[str]) -> list[str]:
    """Report ids from repeated ``ids=`` parameters and/or comma-separated ones, in order, once each."""
    return list(dict.fromkeys(p.strip() for v in values for p in v.split(",") if p.strip()))


def report_summary(report: Report, story_id: str | None = None) -> dict[str, Any]:
    """The few fields a list of reports needs (no body)."""
    return {
        "id": report.id,
        "title": report.title,
        "outlet": report.outlet,
        "published": report.published,
        "published_source": report.published_source,
        "language": report.language,
        "uri": report.uri,
        "syndicated_from": report.syndicated_from,
        "republished_from": report.republished_from,
        "story_id": story_id,
    }


def citation(raw: Any) -> dict[str, Any] | None:
    """A digest citation as ``{report_id, start, end, text}``; anything else (a bare string) is None."""
    if not isinstance(raw, dict) or "report_id" not in raw:
        return None
    try:
        return {
            "report_id": str(raw["report_id"]),
            "start": int(raw.get("start", 0)),
            "end": int(raw.get("end", 0)),
            "text": str(raw.get("text", "")),
        }
    except (TypeError, ValueError):
        return None


def _digest(row: dict[str, Any]) -> dict[str, Any]:
    digest = row.get("digest") or {}
    return digest if isinstance(digest, dict) else {}


def with_text(cite: dict[str, Any], bodies: dict[str, str]) -> dict[str, Any]:
    """The citation with ``text`` filled from its report's body when the digest stored offsets only."""
    body = bodies.get(cite["report_id"])
    if not cite["text"] and body is not None and 0 <= cite["start"] < cite["end"] <= len(body):
        return {**cite, "text": body[cite["start"] : cite["end"]]}
    return cite


def brief_sentences(digest: dict[str, Any], bodies: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The brief's sentences, each citation as ``{report_id, start, end, text}`` (text: the cited span)."""
    out = []
    for s in digest.get("brief") or []:
        if isinstance(s, dict) and s.get("text"):
            cites = [with_text(c, bodies or {}) for c in map(citation, s.get("citations") or []) if c]
            out.append({"text": str(s["text"]), "citations": cites})
    return out


def who_said(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker, speakers with most quotes first; unattributed quotes last.

    A remark several reports carry word for word (a wire story and its copies, or reporters quoting
    one statement) is one row: its first report's quote, with the others under ``also``."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for q in quotes:
        key = (q["speaker"] or "", " ".join(re.findall(r"\w+", (q.get("text") or "").lower())))
        if key in rows and key[1]:
            rows[key].setdefault("also", []).append(q)
            continue
        rows[key] = q = {**q, "also": []}
        groups[q["speaker"] or ""].append(q)
    order = sorted(groups, key=lambda s: (s == "", -len(groups[s]), s.lower()))
    return [{"speaker": s or None, "quotes": groups[s]} for s in order]


def event_days(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events counted per day (a range counts on its first day), oldest first: what the timeline draws."""
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        when = (e.get("when") or "").split("/")[0]
        if len(when) == 10:
            days[when].append(e)
    return [
        {"date": d, "count": len(days[d]), "kinds": sorted({e["kind"] for e in days[d]})}
        for d in sorted(days)
    ]


def _digest_brief(story_id: str, digest: dict[str, Any]) -> Brief:
    """The brief of a digest in its export shape (summary and timeline), for a store whose full
    records are missing or older than the story's reports."""
    sentences = tuple(
        BriefSentence(
            s["text"], tuple(Citation(c["report_id"], c["start"], c["end"]) for c in s["citations"])
        )
        for s in brief_sentences(digest)
    )
    timeline = tuple(
        TimelineEntry(str(t.get("when") or ""), str(t.get("text") or ""), tuple(map(str, t["report_ids"])))
        for t in digest.get("timeline") or []
        if isinstance(t, dict) and isinstance(t.get("report_ids"), list)
    )
    return Brief(story_id, sentences, timeline)


def story_numbers(
    conn: sqlite3.Connection, story_id: str, report_ids: tuple[str, ...], digest: dict[str, Any]
) -> dict[str, int]:
    """Each report's number on the story and compare pages and in the API: the brief stage's
    numbering (``brief.render.source_numbers``) of the stored brief, so "[2]" on a page is "[2]" in
    ``crosswire brief STORY``."""
    found = digest_from_json(queries.story_digest_full(conn, story_id), report_ids)
    brief = found[1] if found else _digest_brief(story_id, digest)
    return source_numbers(brief, report_ids)


def numbers_of_story(conn: sqlite3.Connection, story_id: str) -> dict[str, int]:
    """``story_numbers`` of a story by id: what the compare page numbers a story's reports by."""
    row = queries.story_row(conn, story_id)
    ids = tuple(r.id for r, _ in queries.story_items(conn, row["id"]))
    return story_numbers(conn, row["id"], ids, _digest(row))


def story_detail(conn: sqlite3.Connection, story_id: str, *, bodies: bool = False) -> dict[str, Any]:
    """One story: its row, digest, reports (with bodies and spans if asked, each with its ``number``,
    in number order), quotes and events."""
    row = queries.story_row(conn, story_id)
    sid = row["id"]
    items = queries.story_items(conn, sid)
    digest = _digest(row)
    numbers = story_numbers(conn, sid, tuple(r.id for r, _ in items), digest)
    reports = []
    for report, analysis in sorted(items, key=lambda item: numbers[item[0].id]):
        record = report_record(report, analysis, sid) if bodies else report_summary(report, sid)
        reports.append({**record, "number": numbers[report.id]})
    texts = {report.id: report.body for report, _ in items}
    quotes = queries.quotes(conn, story=sid, limit=1000)
    events = queries.events(conn, story=sid, limit=1000)
    return {
        **{k: v for k, v in row.items() if k != "digest"},
        "digest": digest or None,
        "brief": brief_sentences(digest, texts),
        "timeline": [t for t in digest.get("timeline") or [] if isinstance(t, dict)],
        "report_list": reports,
        "quotes": quotes,
        "who_said": who_said([q for q in quotes if q.get("attribution", "speech") == "speech"]),
        "events": events,
        "event_days": event_days(events),
    }


def report_detail(conn: sqlite3.Connection, report_id: str) -> dict[str, Any]:
    """One report as the export contract has it (body and every span), plus its story's label."""
    report, analysis, story_id = queries.report_item(conn, report_id)
    record = report_record(report, analysis, story_id)
    record["story_label"] = queries.story_row(conn, story_id)["label"] if story_id else None
    return record


def locate(raw: Any, bodies: dict[str, str], report_id: str | None = None) -> dict[str, Any] | None:
    """A digest passage as a citation with offsets, for the chosen reports only.

    The digest gives some passages with offsets and some (``only_in``, contradiction members, claims
    in the export shape) as text alone; text is found in its report's body, and a passage that
    cannot be found there is left out rather than guessed.
    """
    if isinstance(raw, str):
        raw = {"report_id": report_id, "text": raw}
    if not isinstance(raw, dict):
        return None
    rid = str(raw.get("report_id") or report_id or "")
    body = bodies.get(rid)
    if body is None:
        return None
    if "start" in raw and "end" in raw:
        cite = citation({**raw, "report_id": rid})
        return with_text(cite, bodies) if cite else None
    text = str(raw.get("text") or "").strip()
    at = body.find(text) if text else -1
    if at < 0:
        return None
    return {"report_id": rid, "start": at, "end": at + len(text), "text": text}


def _members(raws: Any, bodies: dict[str, str]) -> list[dict[str, Any]]:
    return [c for c in (locate(m, bodies) for m in raws or []) if c]


def _variants(digest: dict[str, Any], bodies: dict[str, str]) -> list[dict[str, Any]]:
    """Quote variants kept to the chosen reports; ``differing`` may sit on the variant or on each member."""
    out = []
    for v in digest.get("variants") or []:
        top = list(v.get("differing") or [])
        kept = []
        for i, raw in enumerate(v.get("members") or []):
            member = locate(raw, bodies)
            if member is None:
                continue
            spans = raw.get("differing") if isinstance(raw, dict) and "differing" in raw else None
            spans = spans if spans is not None else (top[i] if i < len(top) else [])
            member["differing"] = [(int(a), int(b)) for a, b in spans]
            kept.append(member)
        if len({m["report_id"] for m in kept}) >= 2:
            out.append({"speaker": v.get("speaker"), "members": kept})
    return out


def _values(contradiction: dict[str, Any], count: int) -> list[str]:
    """Each member's value, in member order: stored ``values``, else read from ``what`` ("tonne: 12500 vs 12000").

    Empty when neither gives exactly one value per member, rather than pairing values with the wrong report.
    """
    values = contradiction.get("values")
    if isinstance(values, list) and len(values) == count:
        return [str(v) for v in values]
    what = str(contradiction.get("what") or "")
    _, sep, tail = what.rpartition(": ")
    parts = [p.strip() for p in tail.split(" vs ")] if sep else []
    return parts if len(parts) == count and all(parts) else []


def independent(
    report_ids: set[str], records: list[dict[str, Any]], copies: dict[str, str] | None = None
) -> int:
    """How many independent sources carry a passage: a syndicated copy (or a wire rewrite the story's
    comparison found, ``copies``) counts with its original.

    A passage shared only by a copy and the report it copies is one source, not corroboration.
    """
    copied = {r["id"]: r.get("syndicated_from") or r["id"] for r in records}
    copied.update(copies or {})
    return len({copied.get(rid, rid) for rid in report_ids})


def compare_detail(conn: sqlite3.Connection, report_ids: list[str]) -> dict[str, Any]:
    """Two or more reports side by side with what the stored comparison says about them.

    Passages are shared when a claim is carried by two or more of the chosen reports; only-here
    passages, quote variants (with each member's differing words) and contradictions come from the
    story's digest, kept to the chosen reports. Reports of different stories, or of a story not yet
    compared, are shown side by side with ``compared`` false.
    """
    if not report_ids:  # "ids=" with nothing in it: a bad parameter, not a compare of too few reports
        raise HTTPException(422, "ids: give two or more report ids to compare")
    records = [report_detail(conn, rid) for rid in report_ids]
    bodies = {r["id"]: r["body"] for r in records}
    if len(bodies) < 2:
        raise CompareInput(",".join(report_ids), "compare needs two or more different report ids")
    story_ids = {r["story_id"] for r in records}
    digest: dict[str, Any] = {}
    if len(story_ids) == 1 and None not in story_ids:
        row = queries.story_row(conn, next(iter(story_ids)))
        digest, copies = _digest(row), queries.story_copies(conn, row["id"])
    else:
        copies = {}
    shared = []
    for claim in digest.get("claims") or []:
        if not isinstance(claim, dict):
            continue
        cites = _members(claim.get("citations"), bodies)
        if not cites:  # the export shape names the reports and the text only
            cites = _members(
                [{"report_id": r, "text": claim.get("text")} for r in claim.get("reports") or []], bodies
            )
        carried = {r for r in claim.get("reports") or [] if r in bodies} | {c["report_id"] for c in cites}
        if len(carried) >= 2 and cites:
            shared.append(
                {
                    "text": claim.get("text", ""),
                    "reports": sorted(carried),
                    "citations": cites,
                    "independent_sources": independent(carried, records, copies),
                }
            )
    only_in = {
        rid: [c for c in (locate(x, bodies, rid) for x in cites or []) if c]
        for rid, cites in (digest.get("only_in") or {}).items()
        if rid in bodies
    }
    contradictions = []
    for c in digest.get("contradictions") or []:
        raws = [m for m in c.get("members") or []]
        located = [(i, locate(m, bodies)) for i, m in enumerate(raws)]
        members = [m for _, m in located if m]
        if len({m["report_id"] for m in members}) >= 2:
            values = _values(c, len(raws))
            for i, m in located:
                if m is not None and values:
                    m["value"] = values[i]
            contradictions.append(
                {
                    "what": str(c.get("what", "")),
                    "kind": c.get("kind", ""),
                    "values": [m["value"] for m in members if "value" in m],
                    "members": members,
                }
            )
    return {
        "report_ids": list(bodies),
        "story_id": next(iter(story_ids)) if len(story_ids) == 1 else None,
        "compared": bool(digest),
        "reports": records,
        "shared": shared,
        "only_in": {rid: cites for rid, cites in only_in.items() if cites},
        "variants": _variants(digest, bodies),
        "contradictions": contradictions,
    }


def entity_detail(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any]:
    """An entity across stories: the stories and reports that mention it, quotes by and about it, its events."""
    ent = queries.entity(conn, entity_id)
    name = ent["name"]
    by = {(q["report_id"], q["start"]): q for q in queries.quotes(conn, speaker=ent["id"], limit=500)}
    for q in queries.quotes(conn, speaker=name, limit=500):
        by.setdefault((q["report_id"], q["start"]), q)
    surname = name.split()[-1] if ent["kind"] == "PERSON" and " " in name else name
    about = [
        q for q in queries.quotes(conn, text=surname, limit=500) if (q["report_id"], q["start"]) not in by
    ]
    story_ids = list(dict.fromkeys(r["story_id"] for r in ent["reports"] if r["story_id"]))
    stories = []
    for sid in story_ids[:100]:
        row = queries.story_row(conn, sid)
        stories.append({k: v for k, v in row.items() if k != "digest"})
    return {
        **ent,
        "story_list": stories,
        "quotes_by": sorted(by.values(), key=lambda q: (q.get("published") or "", q["start"])),
        "quotes_about": about,
        "events": queries.events(conn, actor=name, limit=500),
    }
