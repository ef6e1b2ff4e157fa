"""``create_app(db_path)``: the workbench pages and the ``/api/v1`` JSON API over one store.

Safety is set here once for every response: a strict Content-Security-Policy (no inline script, no
third-party origin), a request-size cap, and exception handlers that turn any failure into a short
message (JSON under ``/api/``, a page elsewhere), never a stack trace.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import crosswire
from crosswire.errors import CrosswireError, InputError, NotFound
from crosswire.store import Store
from crosswire.web import api, views
from crosswire.web.data import CompareInput
from crosswire.web.deps import bearer, check_token
from crosswire.web.markup import display, plural, tame

HERE = Path(__file__).resolve().parent
MAX_REQUEST_BYTES = 10 * 1024 * 1024

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}

log = logging.getLogger("crosswire.web")


class RequestTooLarge(Exception):
    """The request body is over ``MAX_REQUEST_BYTES``."""


class Guard:
    """ASGI middleware: security headers on every response, HEAD answered as GET, and a cap on request bodies.

    The cap is checked against ``Content-Length`` up front and against the bytes actually read,
    so a chunked upload cannot slip past it.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode().lower() not in SECURITY_HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        if scope["method"] == "HEAD":
            # HEAD is GET without the body (RFC 9110): link checkers and `curl -I` get the real status
            scope = {**scope, "method": "GET"}
            send_headers = send_with_headers

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.body":
                    message = {**message, "body": b""}
                await send_headers(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            refused = _unauthorised(scope) or _too_large(scope, self.max_bytes)  # who asks, before how much
            await refused(scope, receive, send_with_headers)
            return
        seen = 0

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise RequestTooLarge()
            return message

        await self.app(scope, counted_receive, send_with_headers)


def _unauthorised(scope: Scope) -> Response | None:
    """An API write without the right token is told so (401/403) even when its body is also too large:
    the size limit is not for a caller who may not write at all to learn first."""
    if scope["method"] != "POST" or not scope["path"].startswith("/api/"):
        return None
    try:
        check_token(bearer(Request(scope)))
    except StarletteHTTPException as exc:
        code = f"CW-WEB-{exc.status_code}"
        body = {"error": {"code": code, "message": str(exc.detail)}}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)
    return None


def _too_large(scope: Scope, max_bytes: int) -> Response:
    message = f"request body over {max_bytes // (1024 * 1024)} MB; send fewer or smaller files"
    if scope["path"].startswith("/api/"):
        return JSONResponse({"error": {"code": "CW-WEB-413", "message": message}}, status_code=413)
    return HTMLResponse(f"<!doctype html><title>Too large</title><p>{message}</p>", status_code=413)


def create_app(db_path: str) -> FastAPI:
    """The whole web service over the SQLite store at ``db_path`` (created if missing)."""
    app = FastAPI(
        title="crosswire",
        version=crosswire.__version__ if hasattr(crosswire, "__version__") else "0.1.0",
        description="Stories, quotes, events and how outlets differ, over a crosswire store.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the stock docs pages load scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    app.state.db_path = str(db_path)
    _prepare(app.state.db_path)
    app.state.write_lock = threading.Lock()
    app.state.templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=display,  # untrusted strings lose direction controls that would reorder the page around them
    )
    app.state.templates.filters.update(tame=tame, plural=plural)
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router, prefix="/api/v1")
    app.include_router(views.router)
    _install_handlers(app)
    return app


def _prepare(db_path: str) -> None:
    """Open the store once at start: migrate it, and give SQLite's planner fresh table statistics.

    Without statistics the planner reads whole report rows (bodies included) where a covering index
    would do; ``ANALYZE`` bounded by ``analysis_limit`` samples each index and takes well under a second.
    """
    with Store.open(db_path) as store:
        try:
            store.conn.execute("PRAGMA analysis_limit=1000")
            store.conn.execute("ANALYZE")
        except sqlite3.Error as exc:  # a read-only file still serves, just with the planner's defaults
            log.warning("could not refresh the planner statistics of %s: %s", db_path, exc)


_CLI_HINT = re.compile(r";\s*`crosswire [^`]*`[^;]*$")

# what a page says for a bad query parameter, by pydantic error type: words for a reader, not a validator's
_PAGE_PROBLEMS = {
    "missing": "this page needs {name} in its address",
    "greater_than_equal": "{name} must be {ge} or more",
    "less_than_equal": "{name} must be {le} or less",
    "int_parsing": "{name} must be a whole number",
}
_PAGE_NAMES = {"ids": "two or more report ids (ids=…)", "offset": "the page offset"}


def _page_problem(err: dict) -> str:
    """One validation error as a sentence for a page ("the page offset must be 0 or more")."""
    loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path")]
    field = loc[-1] if loc else "the request"
    name = _PAGE_NAMES.get(field, field)
    template = _PAGE_PROBLEMS.get(str(err.get("type")))
    if template is None:
        return f"{name}: {err.get('msg', 'invalid')}"
    return template.format(
        name=name, **{k: v for k, v in (err.get("ctx") or {}).items() if k in ("ge", "le")}
    )


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    # a page is read in a browser: no command-line advice ("`crosswire stories` lists them")
    return views.error_page(request, status, code, _CLI_HINT.sub("", message))


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(CrosswireError)
    async def crosswire_error(request: Request, exc: CrosswireError) -> Response:
        status = (
            404 if isinstance(exc, NotFound) else 400 if isinstance(exc, InputError | CompareInput) else 500
        )
        return _error(request, status, exc.code, f"{exc.subject}: {exc.reason}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        response = _error(request, exc.status_code, f"CW-WEB-{exc.status_code}", message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()[:5]
        if not request.url.path.startswith("/api/"):
            message = (
                "; ".join(dict.fromkeys(_page_problem(e) for e in errors)) or "this address is not valid"
            )
            return _error(request, 422, "CW-WEB-422", message[:1].upper() + message[1:])
        parts = []
        for err in errors:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _error(request, 422, "CW-WEB-422", "; ".join(parts) or "invalid request")

    @app.exception_handler(RequestTooLarge)
    async def too_large(request: Request, exc: RequestTooLarge) -> Response:
        return _too_large(request.scope, MAX_REQUEST_BYTES)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "CW-WEB-500", "internal error; the server log has the details")
