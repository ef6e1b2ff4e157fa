"""The workbench pages: server-rendered from the same ``data`` functions the JSON API returns.

Report text reaches templates only as ``Markup`` built by ``markup`` (escaped segment by segment),
so a ``<script>`` inside an article is shown as text, never run.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from crosswire import settings
from crosswire.errors import CrosswireError
from crosswire.store import Store, queries
from crosswire.web import charts, data
from crosswire.web.api import MAX_PART_BYTES
from crosswire.web.deps import check_token, get_conn
from crosswire.web.markup import Mark, marked_text, render_body
from crosswire.web.uploads import MAX_FILES, UploadError, ingest_files, items_to_jsonl, safe_name

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, code=code, message=message)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    q: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    offset: int = Query(0, ge=0),
    conn: sqlite3.Connection = Depends(get_conn),
) -> HTMLResponse:
    filters = {
        "q": q,
        "outlet": outlet,
        "entity": entity,
        "since": since,
        "until": until,
        "language": language,
    }
    filters = {k: v.strip() for k, v in filters.items() if v and v.strip()}
    limit = 50
    story_filters = {
        "outlet": filters.get("outlet"),
        "entity": filters.get("entity"),
        "since": filters.get("since"),
        "until": filters.get("until"),
        "language": filters.get("language"),
        "text": filters.get("q"),
    }
    page = data.list_stories(conn, limit=limit, offset=offset, **story_filters)
    hits = _hits(conn, filters)
    return render(
        request,
        "stories.html",
        stories=page["items"],
        hits=hits,
        filters=filters,
        offset=offset,
        limit=limit,
        total=queries.count_stories(conn, **story_filters),
        counts=queries.counts(conn),
    )


def _hits(conn: sqlite3.Connection, filters: dict[str, str]) -> list[dict[str, Any]]:
    """The reports matching the search, under the same filters as the stories above, each applied to
    the report itself (its outlet, language, date and the entities of its analysis), in SQL."""
    if not filters.get("q"):
        return []
    return queries.search(
        conn,
        filters["q"],
        **{k: filters.get(k) for k in ("entity", "language", "outlet", "since", "until")},
        limit=20,
    )


def _report_marks(record: dict[str, Any], cited: list[dict[str, Any]]) -> list[Mark]:
    marks = [
        Mark(q["start"], q["end"], "quote", f"quote: {q['speaker'] or 'unattributed'}")
        for q in record["quotes"]
    ]
    marks += [Mark(c["start"], c["end"], "cited") for c in cited if c["report_id"] == record["id"]]
    return marks


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, conn: sqlite3.Connection = Depends(get_conn)) -> HTMLResponse:
    story = data.story_detail(conn, story_id, bodies=True)
    cited = [c for s in story["brief"] for c in s["citations"]]
    bodies = {r["id"]: render_body(r["body"], _report_marks(r, cited)) for r in story["report_list"]}
    outlets = {r["id"]: r["outlet"] or "?" for r in story["report_list"]}
    numbers = {r["id"]: r["number"] for r in story["report_list"]}  # the brief's own numbering
    cited_ids = {c["report_id"] for c in cited}
    return render(
        request,
        "story.html",
        story=story,
        bodies=bodies,
        outlets=outlets,
        numbers=numbers,
        sources=[r for r in story["report_list"] if r["id"] in cited_ids],
        chart=charts.timeline(story["event_days"]),
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(
    request: Request, report_id: str, conn: sqlite3.Connection = Depends(get_conn)
) -> HTMLResponse:
    record = data.report_detail(conn, report_id)
    return render(
        request, "report.html", report=record, body=render_body(record["body"], _report_marks(record, []))
    )


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, ids: list[str] = Query(...), conn: sqlite3.Connection = Depends(get_conn)
) -> HTMLResponse:
    cmp = data.compare_detail(conn, data.split_ids(ids))
    marks: dict[str, list[Mark]] = {r["id"]: [] for r in cmp["reports"]}
    for group in cmp["shared"]:
        n = group["independent_sources"]
        for c in group["citations"]:
            if n >= 2:
                marks[c["report_id"]].append(Mark(c["start"], c["end"], "shared", f"{n} independent sources"))
            else:  # a copy agreeing with its original corroborates nothing
                marks[c["report_id"]].append(
                    Mark(c["start"], c["end"], "copied", "copy: only a copy repeats it")
                )
    for rid, cites in cmp["only_in"].items():
        marks[rid] += [Mark(c["start"], c["end"], "only", "only in this report") for c in cites]
    for v in cmp["variants"]:
        for m in v["members"]:
            marks[m["report_id"]].append(
                Mark(m["start"], m["end"], "variant", "quote worded differently elsewhere")
            )
            marks[m["report_id"]] += [Mark(s, e, "diff", "word differs") for s, e in m["differing"]]
    for c in cmp["contradictions"]:
        for m in c["members"]:
            marks[m["report_id"]].append(Mark(m["start"], m["end"], "contra", f"disagrees: {c['what']}"))
    bodies = {r["id"]: r["body"] for r in cmp["reports"]}
    variants = [
        {
            "speaker": v["speaker"],
            "members": [
                {
                    **m,
                    "marked": marked_text(
                        bodies[m["report_id"]][m["start"] : m["end"]],
                        [(s - m["start"], e - m["start"]) for s, e in m["differing"]],
                    ),
                }
                for m in v["members"]
            ],
        }
        for v in cmp["variants"]
    ]
    rendered = {r["id"]: render_body(r["body"], marks[r["id"]]) for r in cmp["reports"]}
    # one number per report for the whole page, and the story's number (its brief's, as on the story
    # page and in `crosswire brief`) when the reports share a story; columns follow the numbers
    order = data.numbers_of_story(conn, cmp["story_id"]) if cmp["story_id"] else {}
    ranked = sorted(cmp["reports"], key=lambda r: order.get(r["id"], len(order) + 1))
    numbers = {r["id"]: order.get(r["id"], i) for i, r in enumerate(ranked, 1)}
    cmp = {**cmp, "reports": ranked}
    outlets = {r["id"]: r["outlet"] or "?" for r in cmp["reports"]}
    contradictions = [
        {
            **c,
            "label": c["what"].rpartition(": ")[0] or c["what"] if c["values"] else c["what"],
            "members": sorted(c["members"], key=lambda m: numbers[m["report_id"]]),
        }
        for c in cmp["contradictions"]
    ]
    return render(
        request,
        "compare.html",
        cmp=cmp,
        bodies=rendered,
        variants=variants,
        contradictions=contradictions,
        numbers=numbers,
        outlets=outlets,
    )


PAGE_ROWS = 200  # rows per page of /entities and /quotes


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    story: str | None = None,
    name: str | None = None,
    offset: int = Query(0, ge=0),
    conn: sqlite3.Connection = Depends(get_conn),
) -> HTMLResponse:
    """Entities a page at a time, with where the page stands: a list cut silently reads as complete."""
    filters = {k: v.strip() for k, v in {"name": name, "story": story}.items() if v and v.strip()}
    rows = queries.entities(conn, limit=PAGE_ROWS, offset=offset, **filters)
    return render(
        request,
        "entities.html",
        entities=rows,
        filters=filters,
        offset=offset,
        limit=PAGE_ROWS,
        total=queries.count_entities(conn, **filters),
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request, entity_id: str, conn: sqlite3.Connection = Depends(get_conn)
) -> HTMLResponse:
    return render(request, "entity.html", entity=data.entity_detail(conn, entity_id))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    speaker: str | None = None,
    q: str | None = None,
    story: str | None = None,
    offset: int = Query(0, ge=0),
    conn: sqlite3.Connection = Depends(get_conn),
) -> HTMLResponse:
    filters = {
        k: v.strip() for k, v in {"speaker": speaker, "q": q, "story": story}.items() if v and v.strip()
    }
    wanted = {"speaker": filters.get("speaker"), "text": filters.get("q"), "story": filters.get("story")}
    rows = queries.quotes(conn, limit=PAGE_ROWS, offset=offset, **wanted)
    return render(
        request,
        "quotes.html",
        quotes=rows,
        filters=filters,
        offset=offset,
        limit=PAGE_ROWS,
        total=queries.count_quotes(conn, **wanted),
    )


PASTE_FIELDS = ("title", "outlet", "published", "url", "text")
MIN_PASTE_WORDS = 5  # "x" is not a report; a one-line wire flash of five words is


def paste_item(values: dict[str, str]) -> dict[str, str]:
    """The pasted report as an ingest item: with Title empty, line 1 is the headline (as in a .txt upload).

    The box's placeholder asks for "headline on the first line"; sending it all as body would store
    the report without a title and make the headline part of its text.
    """
    text, title = values["text"], values["title"].strip()
    if not title:
        first, _, rest = text.strip().partition("\n")
        if rest.strip() and len(first.split()) <= 30:  # a paragraph on line 1 is text, not a headline
            title, text = first.strip(), rest.strip("\n")
    item = {"text": text, "title": title}
    for key in ("url", "outlet", "published"):
        item[key] = values[key].strip()
    return {k: v for k, v in item.items() if v}


def _writes_enabled() -> bool:
    return bool(str(settings.get("token") or ""))


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", error=None, result=None, values={}, writes=_writes_enabled())


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_post(request: Request) -> Response:
    """The upload form: files and/or pasted text, with the token typed into the form.

    A refused submission (wrong token, a rejected file) shows the form again with what was pasted
    still in it; only the token and the chosen files have to be given again.
    """
    form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=MAX_PART_BYTES)
    values = {k: str(form.get(k) or "") for k in PASTE_FIELDS}

    def refused(status: int, error: str) -> HTMLResponse:
        return render(
            request,
            "ingest.html",
            status=status,
            error=error,
            result=None,
            values=values,
            writes=_writes_enabled(),
        )

    try:
        check_token(str(form.get("token") or "").strip() or None)
    except HTTPException as exc:  # show the reason on the form itself
        return refused(exc.status_code, exc.detail)
    files = []
    for i, f in enumerate(form.getlist("files")):
        if hasattr(f, "read") and f.filename:
            files.append((safe_name(f.filename, i), await f.read()))
    text = values["text"]
    if text.strip():
        if len(text.split()) < MIN_PASTE_WORDS:
            return refused(
                422, f"The pasted text is too short to be a report ({MIN_PASTE_WORDS} words at least)."
            )
        item = paste_item(values)
        try:
            files.append(("pasted.jsonl", items_to_jsonl([item])))
        except UploadError as exc:
            return refused(exc.status, str(exc))
    try:
        result = await run_in_threadpool(
            ingest_files, request.app.state.db_path, files, request.app.state.write_lock
        )
    except UploadError as exc:
        return refused(exc.status, str(exc))
    except CrosswireError as exc:
        return refused(400, str(exc))
    stories = await run_in_threadpool(_story_rows, request.app.state.db_path, result["stories"])
    return render(
        request,
        "ingest.html",
        error=None,
        result=result,
        stories=stories,
        values={},
        writes=_writes_enabled(),
    )


def _story_rows(db_path: str, story_ids: list[str]) -> list[dict[str, Any]]:
    with Store.open(db_path) as store:
        rows = [queries.story_row(store.conn, sid) for sid in story_ids]
    return [{k: v for k, v in row.items() if k != "digest"} for row in rows]
