"""The ``crosswire`` command: one thin module per verb, all sharing ``--db`` and ``--json``.

Start-up stays cheap: the verb modules import the pipeline, spaCy and torch inside the commands
that need them, so ``crosswire --help`` and the read verbs never load a model.
"""

from __future__ import annotations

import sys

import click
import typer
from typer.core import TyperGroup

from crosswire import settings
from crosswire.cli import analysis, digest, export, ingest, serve, stories
from crosswire.cli.common import print_error
from crosswire.errors import CrosswireError


class _Group(TyperGroup):
    """Every crosswire error, from any verb, ends as one ``error …: CW-…: …`` line and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CrosswireError as exc:
            print_error(exc)
            raise typer.Exit(2) from None


app = typer.Typer(
    name="crosswire",
    cls=_Group,
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
        help=(
            "SQLite store to use. Default ./crosswire.db; also CROSSWIRE_DB. Only ingest creates it; "
            "the other commands need an existing store."
        ),
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
    except CrosswireError as exc:  # raised outside a command (the group catches those inside)
        print_error(exc)
        sys.exit(2)
