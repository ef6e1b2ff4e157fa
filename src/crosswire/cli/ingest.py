"""``crosswire ingest``: read reports into the store, with a progress bar and a closing table."""

from __future__ import annotations

import sys

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from crosswire.cli.common import console, err_console, open_store, print_json
from crosswire.pipeline import IngestSummary, Pipeline


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        ctx: typer.Context,
        paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
        json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
        workers: int = typer.Option(None, "--workers", help="Processes for analysis (0 = one per core)."),
        engine: str = typer.Option(None, "--engine", help="local (process pool, default) or ray."),
    ) -> None:
        """Ingest plain-text reports, HTML pages, JSON Lines and RSS/Atom feeds.

        Example: crosswire ingest ../shared/corpus/seeds reports.jsonl page.html
        """
        with open_store(ctx) as store, Pipeline(store, workers=workers, engine=engine) as pipeline:
            summary = _run(pipeline, paths, quiet=json_out)
        if json_out:
            print_json(
                {
                    "stored": summary.stored,
                    "known": summary.known,
                    "copies": summary.copies,
                    "stories": sorted(summary.stories),
                    "seconds": {k: round(v, 3) for k, v in summary.seconds.items()},
                    "rejected": [
                        {"input": r.uri, "code": r.code, "reason": r.reason} for r in summary.rejected
                    ],
                }
            )
        else:
            _print_summary(summary)
        if summary.stored == 0 and summary.known == 0:
            raise typer.Exit(1)


def _run(pipeline: Pipeline, paths: list[str], *, quiet: bool) -> IngestSummary:
    counts = {"stored": 0, "known": 0, "rejected": 0}
    stdin = sys.stdin.buffer if "-" in paths else None
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=False,
    ) as bar:
        task = bar.add_task("", total=None)

        def hook(kind: str, uri: str) -> None:
            counts[kind] += 1
            if kind == "rejected":
                bar.console.print(f"[yellow]skipped[/yellow] {uri}", highlight=False)
            bar.update(
                task,
                advance=1,
                description=f"{counts['stored']} new · {counts['known']} known · {counts['rejected']} rejected",
            )

        summary = pipeline.ingest(paths, stdin=stdin, progress=hook)
        bar.update(task, total=sum(counts.values()) or 1, completed=sum(counts.values()) or 1)
    return summary


def _print_summary(summary: IngestSummary) -> None:
    table = Table(title="ingest", show_header=True)
    table.add_column("stored", justify="right")
    table.add_column("already known", justify="right")
    table.add_column("copies linked", justify="right")
    table.add_column("rejected", justify="right")
    table.add_column("stories touched", justify="right")
    table.add_row(
        str(summary.stored),
        str(summary.known),
        str(summary.copies),
        str(len(summary.rejected)),
        f"{len(summary.stories)} ({len(summary.new_stories)} new)",
    )
    console.print(table)
    if summary.rejected:
        rejected = Table(title="rejected inputs", show_header=True)
        rejected.add_column("input", overflow="fold")
        rejected.add_column("code")
        rejected.add_column("reason", overflow="fold")
        for r in summary.rejected:
            rejected.add_row(r.uri, r.code, r.reason)
        console.print(rejected)
