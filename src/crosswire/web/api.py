"""``/api/v1``: the JSON API. Each endpoint returns what the matching page shows (see ``data``).

Reads need no token; ``POST /reports`` needs ``Authorization: Bearer $CROSSWIRE_TOKEN``.
Errors are ``{"error": {"code", "message"}}`` with a fitting status (404 unknown id, 401/403 token).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from crosswire.store import queries
from crosswire.web import data
from crosswire.web.deps import bearer, check_token, get_conn
from crosswire.web.uploads import MAX_FILES, UploadError, ingest_files, items_to_jsonl, safe_name

router = APIRouter(tags=["crosswire"])

MAX_PART_BYTES = 10 * 1024 * 1024


class ReportIn(BaseModel):
    """One report to ingest: ``text`` (headline on the first line) or ``html``, with optional metadata."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or an ISO date-time")
    outlet: str | None = None


class IngestSummary(BaseModel):
    stored: int
    known: int
    copies: int
    stories: list[str]
    new_stories: list[str]
    rejected: list[dict[str, str]]


@router.get("/stories", summary="List stories, newest first")
def list_stories(
    q: str | None = Query(None, description="Full-text search over the stories' reports"),
    outlet: str | None = None,
    entity: str | None = Query(None, description="Entity id or name"),
    since: str | None = Query(
        None, description="YYYY-MM-DD; stories seen on or after it (undated ones left out)"
    ),
    until: str | None = Query(
        None, description="YYYY-MM-DD; stories seen on or before it (undated ones left out)"
    ),
    language: str | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    conn: sqlite3.Connection = Depends(get_conn),
) -> dict[str, Any]:
    return data.list_stories(
        conn,
        limit=limit,
        offset=offset,
        outlet=outlet,
        entity=entity,
        since=since,
        until=until,
        language=language,
        text=q,
    )


@router.get("/stories/{story_id}", summary="One story: digest, reports, quotes, events")
def story(
    story_id: str,
    bodies: bool = Query(False, description="Include each report's body and spans"),
    conn: sqlite3.Connection = Depends(get_conn),
) -> dict[str, Any]:
    return data.story_detail(conn, story_id, bodies=bodies)


@router.get("/reports/{report_id}", summary="One report: body and every span (export contract)")
def report(report_id: str, conn: sqlite3.Connection = Depends(get_conn)) -> dict[str, Any]:
    return data.report_detail(conn, report_id)


@router.get("/compare", summary="Two or more reports: shared, only-here, variant and contradicting passages")
def compare(
    ids: list[str] = Query(..., description="Report ids: repeat ids=, or one comma-separated value"),
    conn: sqlite3.Connection = Depends(get_conn),
) -> dict[str, Any]:
    return data.compare_detail(conn, data.split_ids(ids))


@router.get("/entities", summary="Entities by mentions")
def entities(
    story: str | None = None,
    limit: int = Query(200, ge=1, le=2000),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    return queries.entities(conn, story=story, limit=limit)


@router.get("/entities/{entity_id}", summary="One entity: stories, quotes by and about it, events")
def entity(entity_id: str, conn: sqlite3.Connection = Depends(get_conn)) -> dict[str, Any]:
    return data.entity_detail(conn, entity_id)


@router.get("/quotes", summary="Quotes by speaker, words or story")
def quotes(
    speaker: str | None = None,
    text: str | None = Query(None, description="Words the quote contains"),
    story: str | None = None,
    limit: int = Query(200, ge=1, le=2000),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    return queries.quotes(conn, speaker=speaker, text=text, story=story, limit=limit)


@router.get("/events", summary="Events by actor, kind or story")
def events(
    actor: str | None = None,
    kind: str | None = None,
    story: str | None = None,
    limit: int = Query(200, ge=1, le=2000),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    return queries.events(conn, actor=actor, kind=kind, story=story, limit=limit)


@router.get("/search", summary="Full-text search over titles and bodies")
def search(
    q: str = Query(..., min_length=1),
    limit: int = Query(20, ge=1, le=200),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    return queries.search(conn, q, limit=limit)


@router.post(
    "/reports",
    summary="Ingest reports (token required)",
    response_model=IngestSummary,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            ReportIn.model_json_schema(),
                            {"type": "array", "items": ReportIn.model_json_schema()},
                        ]
                    }
                },
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                        },
                    }
                },
            },
            "required": True,
        }
    },
)
async def post_reports(request: Request) -> dict[str, Any]:
    """JSON ``{text|html, url, title, published, outlet}`` or a list of them, or multipart ``files``."""
    check_token(bearer(request))
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=MAX_PART_BYTES)
        uploads = [f for f in form.getlist("files") if hasattr(f, "read")]
        files = [(safe_name(f.filename, i), await f.read()) for i, f in enumerate(uploads)]
    elif ctype.startswith("application/json"):
        try:
            body = await request.json()
        except ValueError as exc:
            raise HTTPException(400, f"body is not valid JSON ({exc})") from exc
        items = body if isinstance(body, list) else [body]
        files = [("reports.jsonl", _jsonl(items))]
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    return await _ingest(request, files)


def _jsonl(items: list[Any]) -> bytes:
    try:
        return items_to_jsonl(items)
    except UploadError as exc:
        raise HTTPException(422, str(exc)) from exc


async def _ingest(request: Request, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    try:
        return await run_in_threadpool(
            ingest_files, request.app.state.db_path, files, request.app.state.write_lock
        )
    except UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
