"""``crosswire export``: the stable JSONL/CSV contract (DESIGN.md) for reports or stories."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer

from crosswire.cli.common import CliError, err_console, open_store, plural
from crosswire.store import export as contract


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        ctx: typer.Context,
        fmt: Literal["jsonl", "csv"] = typer.Option("jsonl", "--format", help="jsonl or csv."),
        stories: bool = typer.Option(False, "--stories", help="One object per story instead of per report."),
        output: Path = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout."),
    ) -> None:
        """Export every report (or story) with everything crosswire found in it.

        Example: crosswire export --format jsonl -o reports.jsonl
        """
        with open_store(ctx) as store:  # a missing store is named before an output file is made
            out = _open_output(output) if output else sys.stdout
            try:
                records = (
                    contract.story_records(store.conn) if stories else contract.report_records(store.conn)
                )
                n = (contract.to_jsonl if fmt == "jsonl" else contract.to_csv)(records, out)
            finally:
                if output:
                    out.close()
        if output:
            err_console.print(
                f"wrote {plural(n, 'story' if stories else 'report')} to {output}",
                highlight=False,
                soft_wrap=True,
            )


def _open_output(path: Path):  # noqa: ANN202 - a text file
    try:
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if not path.parent.is_dir():
            reason = f"folder {path.parent} does not exist"
        raise CliError(str(path), f"cannot write the export ({reason}); check -o/--output") from None
