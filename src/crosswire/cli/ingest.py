"""``crosswire ingest``: read reports into the store, with a progress bar and a closing table."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from crosswire import settings
from crosswire.cli.common import CliError, console, err_console, open_store, plural, print_json
from crosswire.store import queries

if TYPE_CHECKING:
    from crosswire.pipeline import IngestSummary, Pipeline

ENGINES = ("local", "ray")


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        ctx: typer.Context,
        paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
        json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
        workers: int = typer.Option(
            None, "--workers", min=0, help="Processes for analysis (0 = one per core)."
        ),
        engine: str = typer.Option(None, "--engine", help="local (process pool, default) or ray."),
    ) -> None:
        """Ingest plain-text reports, HTML pages, JSON Lines and RSS/Atom feeds.

        The one command that creates the store (and its folder) when --db names none yet.

        Example: crosswire ingest ../shared/corpus/seeds reports.jsonl page.html
        """
        engine, workers = _engine(engine), _workers(workers)
        from crosswire.pipeline import Pipeline  # here, not at the top: it loads spaCy and torch

        with (
            open_store(ctx, create=True) as store,
            Pipeline(store, workers=workers, engine=engine) as pipeline,
        ):
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
            with open_store(ctx) as store:
                stale = len(queries.stale_story_ids(store.conn))
            if stale:
                console.print(
                    f"the digests of {plural(stale, 'story')} were written by an older crosswire: "
                    "`crosswire refresh` recomputes them",
                    highlight=False,
                )
        if summary.stored == 0 and summary.known == 0:
            raise typer.Exit(1)

    @app.command("refresh")
    def refresh(
        ctx: typer.Context,
        every: bool = typer.Option(
            False, "--all", help="Every story, not only those an older version digested."
        ),
        json_out: bool = typer.Option(False, "--json", help="Print the refreshed story ids as JSON."),
    ) -> None:
        """Recompute the stored comparison and brief of stories an older crosswire digested.

        Pages, the API and the export read each story's stored digest, which an ingest rewrites only
        for the stories it touches; after an upgrade the rest keep the old version's until this runs.

        Example: crosswire refresh --all
        """
        from crosswire.pipeline import Pipeline  # loads spaCy and torch

        with open_store(ctx) as store, Pipeline(store, workers=1) as pipeline:
            ids = queries.iter_story_ids(store.conn) if every else queries.stale_story_ids(store.conn)
            with _progress("refresh", quiet=json_out) as bar:
                task = bar.add_task("", total=len(ids))
                for n, story_id in enumerate(ids, 1):
                    pipeline.refresh_stories([story_id])
                    bar.update(task, advance=1, description=f"{n}/{len(ids)} stories")
        if json_out:
            print_json({"refreshed": ids})
        else:
            console.print(f"refreshed {plural(len(ids), 'story')}", highlight=False)


def _engine(flag: str | None) -> str:
    """The engine from ``--engine``, or else from the ``engine`` setting, checked before any work starts."""
    value = str(settings.get("engine", flag))
    if value not in ENGINES:
        source = "--engine" if flag is not None else "setting engine (CROSSWIRE_ENGINE or crosswire.toml)"
        raise CliError(source, f"unknown engine {value!r}; use one of: {', '.join(ENGINES)}")
    return value


def _workers(flag: int | None) -> int:
    """``--workers`` (checked by Typer), or else the ``workers`` setting, which must be a whole number >= 0."""
    source = "setting workers (CROSSWIRE_WORKERS or crosswire.toml)"
    try:
        value = int(settings.get("workers", flag))
    except (TypeError, ValueError):
        raise CliError(source, "must be a whole number: 0 (one per core) or more") from None
    if value < 0:
        raise CliError(source, f"{value} is negative; use 0 (one per core) or more")
    return value


def _progress(verb: str, *, quiet: bool) -> Progress:
    """The bar long verbs draw on stderr: spinner, verb, bar, what is done so far, time taken."""
    return Progress(
        SpinnerColumn(),
        TextColumn(f"[bold]{verb}"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=False,
    )


def _run(pipeline: Pipeline, paths: list[str], *, quiet: bool) -> IngestSummary:
    counts = {"stored": 0, "known": 0, "rejected": 0}
    stdin = sys.stdin.buffer if "-" in paths else None
    with _progress("ingest", quiet=quiet) as bar:
        task = bar.add_task("", total=None)

        def hook(kind: str, uri: str) -> None:
            counts[kind] += 1
            if kind == "rejected":  # the one place a rejection is printed: one unbroken, greppable line
                bar.console.print(f"[yellow]rejected[/yellow] {escape(uri)}", highlight=False, soft_wrap=True)
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
    if summary.rejected:  # each was printed once, as a line on stderr while it happened
        console.print(
            f"{plural(len(summary.rejected), 'input')} rejected (each named above, on stderr; --json lists them)",
            highlight=False,
        )
