"""The ``crosswire`` command: one thin module per verb, all sharing ``--db`` and ``--json``."""

from __future__ import annotations

import sys

import typer

from crosswire import settings
from crosswire.cli import analysis, digest, export, ingest, serve, stories
from crosswire.cli.common import err_console
from crosswire.errors import CrosswireError

app = typer.Typer(
    name="crosswire",
    help=(
        "Read many outlets' news reports: what the stories are, who said what, what happened, and how the outlets "
        "differ.\n\nExample: crosswire --db news.db ingest reports/ && crosswire --db news.db stories"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        envvar="CROSSWIRE_DB",
        help="SQLite store to use (created if missing). Default ./crosswire.db; also CROSSWIRE_DB.",
    ),
) -> None:
    """Global options."""
    ctx.obj = {"db": db or settings.get("db")}


for module in (ingest, stories, analysis, digest, export, serve):
    module.register(app)


def run() -> None:
    """Entry point: a crosswire error is one clear line on stderr, never a traceback."""
    try:
        app()
    except CrosswireError as exc:
        err_console.print(f"[red]error[/red] {exc}", markup=True, highlight=False)
        sys.exit(2)
