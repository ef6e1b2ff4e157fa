"""``crosswire search``, ``entities``, ``quotes`` and ``events``: what the reports say, queried."""

from __future__ import annotations

import typer
from rich.table import Table

from crosswire.cli.common import (
    JSON_OPTION,
    cell,
    choice,
    console,
    iso_date,
    open_store,
    plural,
    print_json,
    short,
)
from crosswire.store import queries

# What the analyzer writes (crosswire.analyze.quotes / .plover; tests/cli checks these lists still agree).
# Listed here rather than imported, because importing the analyze stage loads spaCy.
ATTRIBUTIONS = ("speech", "belief", "stance", "scare", "topic")
EVENT_KINDS = (
    "ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE",
    "FIGHT", "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT", "RETREAT", "SANCTION", "SEIZE", "SUPPORT",
    "THREATEN", "VISIT",
)  # fmt: skip


def register(app: typer.Typer) -> None:
    @app.command("search")
    def search(
        ctx: typer.Context,
        text: str = typer.Argument(
            ...,
            help='Words to find, all of them (stemmed); "quoted phrases" stay phrases. There are no '
            "operators: OR and NOT are words to find, and - and * are ignored (-word finds word).",
        ),
        entity: str = typer.Option(
            None,
            "--entity",
            help="Only reports mentioning this entity: any part of its name, id or an alias, any case.",
        ),
        outlet: str = typer.Option(
            None,
            "--outlet",
            help='Only reports from this outlet: its name in any case, with or without "The", its '
            "file-name slug or domain (usa-today, nyt, nytimes.com) or a part of its name.",
        ),
        since: str = typer.Option(
            None,
            "--since",
            callback=iso_date,
            help="Only reports published on or after this date (YYYY-MM-DD; undated ones left out).",
        ),
        until: str = typer.Option(
            None,
            "--until",
            callback=iso_date,
            help="Only reports published on or before this date (YYYY-MM-DD; undated ones left out).",
        ),
        language: str = typer.Option(
            None, "--language", help="Only reports in this language (its code: en)."
        ),
        limit: int = typer.Option(20, "--limit", min=1),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """Full-text search over titles and bodies (SQLite FTS5, stemmed).

        A hit has all the words; the filters are the API's (/api/v1/search). An --outlet that names no
        stored outlet is an error that lists the outlets like it.

        Example: crosswire search "missile factories" --entity Netanyahu --outlet nyt --since 2016-04-01
        """
        filters = {"entity": entity, "language": language, "outlet": outlet, "since": since, "until": until}
        with open_store(ctx) as store:
            rows = queries.search(store.conn, text, limit=limit, **filters)
        if json_out:
            print_json(rows)
            return
        table = Table(title=f"{plural(len(rows), 'report')} match {cell(repr(text))}")
        table.add_column("report", no_wrap=True, min_width=8)
        table.add_column("outlet", overflow="fold")
        table.add_column("published", overflow="fold")
        table.add_column("story", no_wrap=True, min_width=8)
        table.add_column("title / snippet", overflow="fold")
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
        limit: int = typer.Option(50, "--limit", min=1),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """Canonical entities with how often and where they are mentioned.

        Each shows the name form and the kind most reports give it. "mentions" counts every reference
        the analysis resolved to it: its names and the pronouns and descriptions that stand for it
        ("he", "the former president"); "reports" counts the reports that name it.

        Example: crosswire entities --story 3f2a
        """
        with open_store(ctx) as store:
            rows = queries.entities(store.conn, story=story, limit=limit)
        if json_out:
            print_json(rows)
            return
        table = Table(title=plural(len(rows), "entity"))
        for col in ("entity", "kind", "mentions", "reports", "stories"):
            table.add_column(col, overflow="fold")
        table.add_column("id", no_wrap=True)
        for r in rows:
            table.add_row(
                cell(r["name"]),
                r["kind"],
                str(r["mentions"]),
                str(r["reports"]),
                str(r["stories"]),
                cell(r["id"]),
            )
        console.print(table)

    @app.command("quotes")
    def quotes(
        ctx: typer.Context,
        speaker: str = typer.Option(None, "--speaker", help="Speaker name or part of it."),
        story: str = typer.Option(None, "--story", help="Only this story."),
        text: str = typer.Option(None, "--text", help="Only quotes containing these words."),
        attribution: str = typer.Option(
            None,
            "--attribution",
            callback=choice(ATTRIBUTIONS),
            help="Only speech, belief, stance, scare or topic (default: all).",
        ),
        limit: int = typer.Option(100, "--limit", min=1),
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
        table = Table(title=plural(len(rows), "quote"))
        for col in ("speaker", "kind", "quote", "via", "outlet"):
            table.add_column(col, overflow="fold")
        table.add_column("report", no_wrap=True, min_width=8)
        for r in rows:
            who = (r["speaker"] or "?") + (" (anonymous)" if r["anonymous"] else "")
            table.add_row(
                cell(who),
                r["kind"],
                short(r["text"], 100),
                cell(" → ".join(r["relayed_via"])),
                cell(r["outlet"] or "?"),
                r["report_id"][:8],
            )
        console.print(table)

    @app.command("events")
    def events(
        ctx: typer.Context,
        actor: str = typer.Option(None, "--actor", help="Actor or target name, or part of it."),
        kind: str = typer.Option(
            None,
            "--kind",
            callback=choice(EVENT_KINDS, upper=True),
            help="PLOVER category, any case: " + ", ".join(EVENT_KINDS) + ".",
        ),
        story: str = typer.Option(None, "--story", help="Only this story."),
        limit: int = typer.Option(100, "--limit", min=1),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """What happened: who did what to whom, where and when (dates resolved), by date; undated
        events last, with the date of the report that tells them.

        Example: crosswire events --actor Putin --kind CONSULT
        """
        with open_store(ctx) as store:
            rows = queries.events(store.conn, actor=actor, kind=kind, story=story, limit=limit)
        if json_out:
            print_json(rows)
            return
        table = Table(title=plural(len(rows), "event"))
        for col in ("when", "kind", "actors", "targets", "where", "outlet", "words"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                r["when"] or (f"undated (reported {r['published']})" if r["published"] else "undated"),
                r["kind"],
                cell(", ".join(r["actors"])),
                cell(", ".join(r["targets"])),
                cell(r["where"] or ""),
                cell(r["outlet"] or "?"),
                short(r["text"], 80),
            )
        console.print(table)
