"""What every command shares: the store from ``--db``, JSON output, and one console."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from crosswire.store import Store

console = Console()
err_console = Console(stderr=True)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


def open_store(ctx: typer.Context) -> Store:
    return Store.open(ctx.obj["db"])


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def short(text: str | None, width: int = 80) -> str:
    """One line of at most ``width`` characters, escaped: report text may hold "[U.S.]" that rich would eat."""
    text = " ".join((text or "").split())
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def cell(value: object) -> str:
    """Any value as table text, escaped for rich markup."""
    return escape("" if value is None else str(value))
