"""What every command shares: the store from ``--db``, JSON output, option checks, and one console.

Kept light on purpose: every command imports this, so nothing here may pull in spaCy, torch or the
pipeline (those load inside the commands that need them).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import typer
from rich.console import Console
from rich.markup import escape

from crosswire.errors import CrosswireError, NotFound, StoreError
from crosswire.store import Store, queries

console = Console()
err_console = Console(stderr=True)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


class CliError(CrosswireError):
    """A value given on the command line (or in a setting) that the command cannot use."""

    code = "CW-CLI-001"


def print_error(exc: CrosswireError) -> None:
    """The one-line error format of the whole CLI: ``error SUBJECT: CODE: reason`` on stderr."""
    err_console.print(f"[red]error[/red] {escape(str(exc))}", markup=True, highlight=False, soft_wrap=True)


def open_store(ctx: typer.Context, *, create: bool = False) -> Store:
    """The store named by ``--db``. Only ``ingest`` creates one (``create=True``): a read command on a
    mistyped path must say so, not create an empty store (and its folder) and report "0 stories"."""
    path = str(ctx.obj["db"])
    if not create and path != ":memory:":
        require_store(path)
    try:
        return Store.open(path)
    except OSError as exc:  # the folder cannot be created, or the file not written
        raise StoreError(path, f"cannot open or create the store ({exc.strerror or exc})") from exc


def require_store(path: str) -> None:
    """Raise ``StoreError`` unless ``path`` is an existing crosswire store; create and change nothing."""
    missing = StoreError(
        path, "no crosswire store at this path (run `crosswire ingest` first, or check --db)"
    )
    target = Path(path)
    if not target.is_file():
        raise missing
    try:  # read-only look: another SQLite file (or an empty one) must not get crosswire's tables
        conn = sqlite3.connect(f"file:{quote(str(target.resolve()))}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"cannot open as a crosswire database ({exc})") from exc
    if version == 0:
        raise missing


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def short(text: str | None, width: int = 80) -> str:
    """One line of at most ``width`` characters, escaped: report text may hold "[U.S.]" that rich would eat."""
    text = " ".join((text or "").split())
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def cell(value: object) -> str:
    """Any value as table text, escaped for rich markup."""
    return escape("" if value is None else str(value))


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``, ``0 reports``: the count with the right form of the noun."""
    if n == 1:
        return f"{n} {word}"
    if many is None:
        many = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    return f"{n} {many}"


def choice(values: Iterable[str], *, upper: bool = False) -> Callable[[str | None], str | None]:
    """An option callback that accepts one of ``values`` (any case) and names them all when it does not."""
    allowed = tuple(values)
    by_key = {v.casefold(): v for v in allowed}

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        found = by_key.get(value.casefold())
        if found is None:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}")
        return found.upper() if upper else found

    return check


def iso_date(value: str | None) -> str | None:
    """An option callback for dates: YYYY-MM-DD (a real calendar day), returned as written."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2018-01-29") from None


def story_or_hint(conn: sqlite3.Connection, story_id: str, what_to_give: str) -> dict[str, Any]:
    """The story row; when the id is a report's, say so and name its story rather than "no such story"."""
    try:
        return queries.story_row(conn, story_id)
    except NotFound:
        try:
            report, _, report_story = queries.report_item(conn, story_id)
        except NotFound:
            raise NotFound(story_id, "no such story; `crosswire stories` lists them") from None
        where = f"its story is {report_story}" if report_story else "it is in no story"
        raise CliError(
            story_id, f"this is report {report.id[:8]}, not a story ({where}); {what_to_give}"
        ) from None
