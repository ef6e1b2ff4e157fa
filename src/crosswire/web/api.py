"""``/api/v1``: the JSON API. Each endpoint returns what the matching page shows (see ``data``).

Reads need no token; ``POST /reports`` needs ``Authorization: Bearer $CROSSWIRE_TOKEN``.
Errors are ``{"error": {"code", "message"}}`` with a fitting status (404 unknown id, 401/403 token).

Every response has a model in ``schemas``, so ``/api/v1/openapi.json`` documents it. Every list pages
the same way: ``limit`` and ``offset`` in, and the headers ``X-Total-Count``, ``X-Next-Offset`` and
``Link: <...>; rel="next"`` out. Headers rather than an envelope so the lists keep the shape they had
(and that ``crosswire ... --json`` prints); ``/stories`` keeps the envelope it always had, now with
``total``, and says the same in its headers.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from crosswire.store import queries
from crosswire.web import data, schemas
from crosswire.web.deps import bearer, check_token, get_conn
from crosswire.web.uploads import MAX_FILES, UploadError, ingest_files, items_to_jsonl, safe_name

router = APIRouter(tags=["crosswire"])

MAX_PART_BYTES = 10 * 1024 * 1024
MAX_OFFSET = 1_000_000_000  # past any store; larger numbers would overflow SQLite's integer (a 500)
# since/until are documented as dates but checked by data.check_day, whose 422 names the parameter
DATE_OR_NULL: dict[str, Any] = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}


class ReportIn(BaseModel):
    """One report to ingest: ``text`` (all body) or ``html``, with optional metadata."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or an ISO date-time")
    outlet: str | None = None


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for error statuses: all share the ``{"error": {code, message}}`` body."""
    what = {
        400: "Compare with fewer than two distinct reports, or a body that is not JSON (CW-WEB-400)",
        401: "Missing or wrong token (CW-WEB-401)",
        403: "Writes disabled: no token configured on the server (CW-WEB-403)",
        404: "Unknown story, report or entity id; the message starts with the id (CW-QUERY-001)",
        413: "Request body over 10 MB (CW-WEB-413)",
        415: "Unsupported file type or content type (CW-WEB-415)",
        422: "Invalid parameter, e.g. limit or offset out of range, or a bad date (CW-WEB-422)",
    }
    return {s: {"model": schemas.ErrorBody, "description": what[s]} for s in statuses}


PAGING_HEADERS = {
    "X-Total-Count": {
        "description": "Items matching the filters, all pages together",
        "schema": {"type": "integer"},
    },
    "X-Next-Offset": {
        "description": "The offset of the next page; absent on the last page",
        "schema": {"type": "integer"},
    },
    "Link": {
        "description": 'RFC 8288 `<url>; rel="next"`: this request with the next offset; absent on the last page',
        "schema": {"type": "string"},
    },
}


def _list_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {200: {"headers": PAGING_HEADERS}, **_errors(422, *statuses)}


def _offset() -> Any:
    return Query(0, ge=0, le=MAX_OFFSET, description="Items to skip (X-Next-Offset gives the next page's)")


def _page(request: Request, response: Response, *, total: int, limit: int, offset: int) -> int | None:
    """Set the paging headers of a list response; the next page's offset, or None on the last page."""
    next_offset = offset + limit if offset + limit < total else None
    response.headers["X-Total-Count"] = str(total)
    if next_offset is not None:
        url = request.url.include_query_params(offset=next_offset)
        response.headers["X-Next-Offset"] = str(next_offset)
        response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
    return next_offset


@router.get(
    "/stories",
    summary="List stories, newest first",
    response_model=schemas.StoryPage,
    responses=_list_responses(),
)
def list_stories(
    request: Request,
    response: Response,
    q: str | None = Query(None, description="Full-text search over the stories' reports"),
    outlet: str | None = None,
    entity: str | None = Query(None, description="Entity id or name"),
    since: str | None = Query(
        None,
        description="YYYY-MM-DD; stories seen on or after it (undated ones left out)",
        json_schema_extra=DATE_OR_NULL,
    ),
    until: str | None = Query(
        None,
        description="YYYY-MM-DD; stories seen on or before it (undated ones left out)",
        json_schema_extra=DATE_OR_NULL,
    ),
    language: str | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = _offset(),
    conn: sqlite3.Connection = Depends(get_conn),
) -> dict[str, Any]:
    since, until = data.check_day("since", since), data.check_day("until", until)
    filters = {"outlet": outlet, "entity": entity, "language": language, "text": q}
    page = data.list_stories(conn, limit=limit, offset=offset, since=since, until=until, **filters)
    total = queries.count_stories(conn, since=since, until=until, **filters)
    page["total"] = total
    page["next_offset"] = _page(request, response, total=total, limit=limit, offset=offset)
    return page


@router.get(
    "/stories/{story_id}",
    summary="One story: digest, reports, quotes, events",
    response_model=schemas.StoryDetail,
    response_model_exclude_unset=True,
    responses=_errors(404, 422),
)
def story(
    story_id: str,
    bodies: bool = Query(False, description="Include each report's body and spans"),
    conn: sqlite3.Connection = Depends(get_conn),
) -> dict[str, Any]:
    return data.story_detail(conn, story_id, bodies=bodies)


@router.get(
    "/reports/{report_id}",
    summary="One report: body and every span (export contract)",
    response_model=schemas.ReportDetail,
    responses=_errors(404, 422),
)
def report(report_id: str, conn: sqlite3.Connection = Depends(get_conn)) -> dict[str, Any]:
    return data.report_detail(conn, report_id)


@router.get(
    "/compare",
    summary="Two or more reports: shared, only-here, variant and contradicting passages",
    response_model=schemas.CompareResult,
    response_model_exclude_unset=True,
    responses=_errors(400, 404, 422),
)
def compare(
    ids: list[str] = Query(..., description="Report ids: repeat ids=, or one comma-separated value"),
    conn: sqlite3.Connection = Depends(get_conn),
) -> dict[str, Any]:
    return data.compare_detail(conn, data.split_ids(ids))


@router.get(
    "/entities",
    summary="Entities by mentions",
    response_model=list[schemas.EntityRow],
    responses=_list_responses(404),
)
def entities(
    request: Request,
    response: Response,
    story: str | None = Query(None, description="Story id (or unique prefix); 404 when unknown"),
    name: str | None = Query(None, description="Part of a name or id, any case"),
    limit: int = Query(200, ge=1, le=2000),
    offset: int = _offset(),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    filters = {"story": story, "name": name}
    rows = queries.entities(conn, limit=limit, offset=offset, **filters)
    _page(request, response, total=queries.count_entities(conn, **filters), limit=limit, offset=offset)
    return rows


@router.get(
    "/entities/{entity_id}",
    summary="One entity: stories, quotes by and about it, events",
    response_model=schemas.EntityDetail,
    responses=_errors(404, 422),
)
def entity(entity_id: str, conn: sqlite3.Connection = Depends(get_conn)) -> dict[str, Any]:
    return data.entity_detail(conn, entity_id)


@router.get(
    "/quotes",
    summary="Quotes by speaker, words or story",
    response_model=list[schemas.QuoteRow],
    responses=_list_responses(404),
)
def quotes(
    request: Request,
    response: Response,
    speaker: str | None = None,
    text: str | None = Query(None, description="Words the quote contains"),
    story: str | None = Query(None, description="Story id (or unique prefix); 404 when unknown"),
    limit: int = Query(200, ge=1, le=2000),
    offset: int = _offset(),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    filters = {"speaker": speaker, "text": text, "story": story}
    rows = queries.quotes(conn, limit=limit, offset=offset, **filters)
    _page(request, response, total=queries.count_quotes(conn, **filters), limit=limit, offset=offset)
    return rows


@router.get(
    "/events",
    summary="Events by actor, kind or story",
    response_model=list[schemas.EventRow],
    responses=_list_responses(404),
)
def events(
    request: Request,
    response: Response,
    actor: str | None = None,
    kind: str | None = None,
    story: str | None = Query(None, description="Story id (or unique prefix); 404 when unknown"),
    limit: int = Query(200, ge=1, le=2000),
    offset: int = _offset(),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    filters = {"actor": actor, "kind": kind, "story": story}
    rows = queries.events(conn, limit=limit, offset=offset, **filters)
    _page(request, response, total=queries.count_events(conn, **filters), limit=limit, offset=offset)
    return rows


@router.get(
    "/search",
    summary="Full-text search over titles and bodies (the newest 5,000 matches, best first)",
    response_model=list[schemas.SearchHit],
    responses=_list_responses(),
)
def search(
    request: Request,
    response: Response,
    q: str = Query(
        ...,
        min_length=1,
        description='Words to find (ANDed, stemmed); "quoted phrases" kept; no operators: OR and NOT are '
        "words to find, - and * are ignored",
    ),
    entity: str | None = Query(
        None,
        description="Only reports whose analysis names this entity: any part of its name, id or an alias, "
        "any case (a name form linked to one person's id finds that person)",
    ),
    language: str | None = Query(None, description="Only reports in this language (its code: `en`)"),
    outlet: str | None = Query(
        None,
        description='Only reports from this outlet: its name any case, with or without "The", its file-name '
        "slug or domain (usa-today, nyt, nytimes.com) or a part of its name; one that names no outlet is a 404",
    ),
    since: str | None = Query(
        None,
        description="YYYY-MM-DD; reports published on or after it (undated ones left out)",
        json_schema_extra=DATE_OR_NULL,
    ),
    until: str | None = Query(
        None,
        description="YYYY-MM-DD; reports published on or before it (undated ones left out)",
        json_schema_extra=DATE_OR_NULL,
    ),
    limit: int = Query(20, ge=1, le=200),
    offset: int = _offset(),
    conn: sqlite3.Connection = Depends(get_conn),
) -> list[dict[str, Any]]:
    since, until = data.check_day("since", since), data.check_day("until", until)
    filters = {"entity": entity, "language": language, "outlet": outlet, "since": since, "until": until}
    rows = queries.search(conn, q, limit=limit, offset=offset, **filters)
    _page(request, response, total=queries.count_search(conn, q, **filters), limit=limit, offset=offset)
    return rows


@router.post(
    "/reports",
    summary="Ingest reports (token required)",
    response_model=schemas.IngestSummary,
    responses=_errors(400, 401, 403, 413, 415, 422),
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
        if not items:
            raise HTTPException(422, "empty list: send one or more report objects")
        result = await _ingest(request, [(JSON_ITEMS, _jsonl(items))])
        return {**result, "rejected": [_as_item(r) for r in result["rejected"]]}
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    return await _ingest(request, files)


JSON_ITEMS = "reports.jsonl"  # the JSON body is ingested as this file; its name never reaches the caller
_LINE = re.compile(rf"^{re.escape(JSON_ITEMS)}(?:#L(\d+))?")


def _as_item(rejected: dict[str, Any]) -> dict[str, Any]:
    """A rejection of the JSON body named as the caller sent it: ``item 0`` (list order), not ``reports.jsonl#L1``."""
    found = _LINE.match(rejected["input"])
    if not found:
        return rejected
    name = f"item {int(found.group(1)) - 1}" if found.group(1) else "the request body"
    return {**rejected, "input": name, "reason": rejected["reason"].replace(JSON_ITEMS, name)}


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
