"""``crosswire export``: the stable JSONL/CSV contract (DESIGN.md) for reports or stories."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from crosswire.cli.common import err_console, open_store
from crosswire.store import export as contract


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        ctx: typer.Context,
        fmt: str = typer.Option("jsonl", "--format", help="jsonl or csv."),
        stories: bool = typer.Option(False, "--stories", help="One object per story instead of per report."),
        output: Path = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout."),
    ) -> None:
        """Export every report (or story) with everything crosswire found in it.

        Example: crosswire export --format jsonl -o reports.jsonl
        """
        if fmt not in ("jsonl", "csv"):
            raise typer.BadParameter("--format must be jsonl or csv")
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            with open_store(ctx) as store:
                records = (
                    contract.story_records(store.conn) if stories else contract.report_records(store.conn)
                )
                n = (contract.to_jsonl if fmt == "jsonl" else contract.to_csv)(records, out)
        finally:
            if output:
                out.close()
        if output:
            err_console.print(f"wrote {n} {'stories' if stories else 'reports'} to {output}", highlight=False)
