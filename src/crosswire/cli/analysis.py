"""``crosswire search``, ``entities``, ``quotes`` and ``events``: what the reports say, queried."""

from __future__ import annotations

import typer
from rich.table import Table

from crosswire.cli.common import JSON_OPTION, cell, console, open_store, print_json, short
from crosswire.store import queries


def register(app: typer.Typer) -> None:
    @app.command("search")
    def search(
        ctx: typer.Context,
        text: str = typer.Argument(..., help='Words to find; "quoted phrases" stay phrases.'),
        limit: int = typer.Option(20, "--limit"),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """Full-text search over titles and bodies (SQLite FTS5, stemmed).

        Example: crosswire search "missile factories"
        """
        with open_store(ctx) as store:
            rows = queries.search(store.conn, text, limit=limit)
        if json_out:
            print_json(rows)
            return
        table = Table(title=f"{len(rows)} reports match {text!r}")
        for col in ("report", "outlet", "published", "story", "title / snippet"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                r["id"][:8],
                cell(r["outlet"] or "?"),
                r["published"] or "?",
                (r["story_id"] or "")[:8],
                f"{short(r['title'], 70)}\n[dim]{cell(r['snippet'])}[/dim]",
            )
        console.print(table)

    @app.command("entities")
    def entities(
        ctx: typer.Context,
        story: str = typer.Option(None, "--story", help="Only this story (id or unique prefix)."),
        limit: int = typer.Option(50, "--limit"),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """Canonical entities with how often and where they are mentioned.

        Example: crosswire entities --story 3f2a
        """
        with open_store(ctx) as store:
            rows = queries.entities(store.conn, story=story, limit=limit)
        if json_out:
            print_json(rows)
            return
        table = Table(title=f"{len(rows)} entities")
        for col in ("entity", "kind", "mentions", "reports", "stories", "id"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                r["name"], r["kind"], str(r["mentions"]), str(r["reports"]), str(r["stories"]), r["id"]
            )
        console.print(table)

    @app.command("quotes")
    def quotes(
        ctx: typer.Context,
        speaker: str = typer.Option(None, "--speaker", help="Speaker name or part of it."),
        story: str = typer.Option(None, "--story", help="Only this story."),
        text: str = typer.Option(None, "--text", help="Only quotes containing these words."),
        attribution: str = typer.Option(
            None, "--attribution", help="Only speech, belief, stance or scare (default: all)."
        ),
        limit: int = typer.Option(100, "--limit"),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """Who said what: direct, partial and indirect quotes with their speakers and relay chains.

        Example: crosswire quotes --speaker Netanyahu
        """
        with open_store(ctx) as store:
            rows = queries.quotes(
                store.conn, speaker=speaker, story=story, text=text, attribution=attribution, limit=limit
            )
        if json_out:
            print_json(rows)
            return
        table = Table(title=f"{len(rows)} quotes")
        for col in ("speaker", "kind", "quote", "via", "outlet", "report"):
            table.add_column(col, overflow="fold")
        for r in rows:
            who = (r["speaker"] or "?") + (" (anonymous)" if r["anonymous"] else "")
            table.add_row(
                who,
                r["kind"],
                short(r["text"], 100),
                " → ".join(r["relayed_via"]),
                r["outlet"] or "?",
                r["report_id"][:8],
            )
        console.print(table)

    @app.command("events")
    def events(
        ctx: typer.Context,
        actor: str = typer.Option(None, "--actor", help="Actor or target name, or part of it."),
        kind: str = typer.Option(None, "--kind", help="PLOVER category, e.g. CONSULT, THREATEN, ACCUSE."),
        story: str = typer.Option(None, "--story", help="Only this story."),
        limit: int = typer.Option(100, "--limit"),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """What happened: who did what to whom, where and when (dates resolved), by date.

        Example: crosswire events --actor Putin --kind CONSULT
        """
        with open_store(ctx) as store:
            rows = queries.events(store.conn, actor=actor, kind=kind, story=story, limit=limit)
        if json_out:
            print_json(rows)
            return
        table = Table(title=f"{len(rows)} events")
        for col in ("when", "kind", "actors", "targets", "where", "outlet", "words"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                r["when"] or "?",
                r["kind"],
                cell(", ".join(r["actors"])),
                cell(", ".join(r["targets"])),
                cell(r["where"] or ""),
                cell(r["outlet"] or "?"),
                short(r["text"], 80),
            )
        console.print(table)
