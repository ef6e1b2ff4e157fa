"""``crosswire stories``, ``show`` and ``report``: the stories, one story, and the whole overview."""

from __future__ import annotations

import typer
from rich.table import Table

from crosswire.cli.common import (
    JSON_OPTION,
    cell,
    console,
    iso_date,
    open_store,
    plural,
    print_json,
    short,
    story_or_hint,
)
from crosswire.store import queries


def register(app: typer.Typer) -> None:
    @app.command("stories")
    def stories(
        ctx: typer.Context,
        limit: int = typer.Option(50, "--limit", min=1, help="How many stories to list."),
        outlet: str = typer.Option(
            None,
            "--outlet",
            help='Only stories with a report from this outlet: its name in any case, with or without "The", '
            "its file-name slug or domain (usa-today, nyt, nytimes.com) or a part of its name.",
        ),
        entity: str = typer.Option(
            None,
            "--entity",
            help="Only stories mentioning this entity: any part of its name, id or an alias, any case.",
        ),
        since: str = typer.Option(
            None,
            "--since",
            callback=iso_date,
            help="Only stories with a report on or after this date (YYYY-MM-DD; undated ones left out).",
        ),
        until: str = typer.Option(
            None,
            "--until",
            callback=iso_date,
            help="Only stories with a report on or before this date (YYYY-MM-DD; undated ones left out).",
        ),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """List stories, newest first, with their outlets, dates and key entities.

        Example: crosswire stories --entity Netanyahu --json
        """
        with open_store(ctx) as store:
            rows = queries.list_stories(
                store.conn, limit=limit, outlet=outlet, entity=entity, since=since, until=until
            )
        if json_out:
            print_json(rows)
            return
        table = Table(title=plural(len(rows), "story"))
        # ids and dates never wrap (an id split over two lines cannot be copied); the text columns give way
        table.add_column("story", no_wrap=True, min_width=max((len(r["id"]) for r in rows), default=5))
        table.add_column("label", overflow="fold", ratio=3)
        table.add_column("reports", justify="right", no_wrap=True)
        table.add_column("outlets", justify="right", no_wrap=True)
        table.add_column("dates", no_wrap=True)
        wide = console.width >= 100  # at 80 columns the label needs the room; `show` lists the entities
        if wide:
            table.add_column("key entities", overflow="fold", ratio=2)
        for r in rows:
            dates = r["first_seen"] or "?"
            if r["last_seen"] and r["last_seen"] != r["first_seen"]:
                dates += f"\n→ {r['last_seen']}"
            outlets = str(r["outlets"]) if r["outlets"] or not r["reports"] else "?"  # none known
            row = [r["id"], short(r["label"], 70), str(r["reports"]), outlets, dates]
            table.add_row(*row, *([cell(", ".join(r["entities"][:5]))] if wide else []))
        console.print(table)

    @app.command("show")
    def show(
        ctx: typer.Context,
        story: str = typer.Argument(..., help="Story id (a unique prefix is enough)."),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """Show one story: its reports, outlets and dates.

        Example: crosswire show 3f2a
        """
        with open_store(ctx) as store:
            row = story_or_hint(store.conn, story, "show takes a story id")
            items = queries.story_items(store.conn, row["id"])
        reports = _report_rows(items)
        if json_out:
            print_json({**{k: v for k, v in row.items() if k != "digest"}, "report_list": reports})
            return
        _print_story(row, reports)

    @app.command("report")
    def report(ctx: typer.Context, json_out: bool = JSON_OPTION) -> None:
        """Print the story report: every story with its reports, and who said what in it.

        Example: crosswire --db demo.db report
        """
        with open_store(ctx) as store:
            rows = queries.list_stories(store.conn, limit=1000)
            stories_out = []
            for row in rows:
                full = queries.story_row(store.conn, row["id"])
                items = queries.story_items(store.conn, row["id"])
                stories_out.append((full, items))
            counts = queries.counts(store.conn)
        if json_out:
            print_json(
                [
                    {**{k: v for k, v in full.items()}, "reports": [r.id for r, _ in items]}
                    for full, items in stories_out
                ]
            )
            return
        console.rule(
            f"crosswire · {plural(counts['reports'], 'report')} · {plural(counts['stories'], 'story')} · "
            f"{plural(counts['copies'], 'copy')}"
        )
        for full, items in stories_out:
            reports = _report_rows(items)
            _print_story(full, reports)
            _print_quotes(items, full["id"])
            _print_digest(full.get("digest") or {})


def _report_rows(items: list) -> list[dict]:
    """A story's reports as the rows ``show``, ``report`` and their --json print."""
    return [
        {
            "id": r.id,
            "outlet": r.outlet,
            "published": r.published,
            "published_source": r.published_source,
            "title": r.title,
            "uri": r.uri,
            "syndicated_from": r.syndicated_from,
            "republished_from": r.republished_from,
        }
        for r, _ in items
    ]


def _print_story(row: dict, reports: list[dict]) -> None:
    console.print(f"\n[bold]{cell(row['label'])}[/bold]  [dim]story {row['id']}[/dim]", highlight=False)
    span = row["first_seen"] or "undated"
    if row["last_seen"] and row["last_seen"] != row["first_seen"]:
        span += f" → {row['last_seen']}"
    outlets = plural(row["outlets"], "outlet") if row["outlets"] or not row["reports"] else "outlets unknown"
    console.print(f"{plural(row['reports'], 'report')} · {outlets} · {span}", highlight=False)
    if row.get("entities"):
        console.print("key entities: " + cell(", ".join(row["entities"][:8])), highlight=False)
    table = Table(show_header=True, box=None, pad_edge=False)
    table.add_column("report", no_wrap=True, min_width=8)
    for col in ("outlet", "published", "title", "note"):
        table.add_column(col, overflow="fold")
    for r in reports:
        notes = []
        if r["syndicated_from"]:
            notes.append(f"copy of {r['syndicated_from'][:8]}")
        if r["republished_from"]:
            notes.append(f"republished from {r['republished_from']}")
        date = (r["published"] or "?") + (" (inferred)" if r["published_source"] == "inferred" else "")
        table.add_row(
            r["id"][:8], cell(r["outlet"] or "?"), date, short(r["title"], 60), cell("; ".join(notes))
        )
    console.print(table)


SHOWN_QUOTES = 12


def _listed(quotes: tuple) -> list:
    """The quotes as ``crosswire quotes`` lists them: a direct quote inside a partial one is shown once,
    as the partial quote (``queries.quotes``), so both commands count alike."""
    partial = [(q.start, q.end) for q in quotes if q.kind == "partial"]
    return [
        q for q in quotes if q.kind != "direct" or not any(s <= q.start and q.end <= e for s, e in partial)
    ]


def _print_quotes(items: list, story_id: str) -> None:
    rows = [(r, q) for r, a in items for q in _listed(a.quotes) if q.attribution == "speech"]
    if not rows:
        return
    title = "who said what"
    if len(rows) > SHOWN_QUOTES:  # say so, rather than let a reader think the table is whole
        title += f" (first {SHOWN_QUOTES} of {len(rows)}: crosswire quotes --story {story_id} --attribution speech)"
    table = Table(title=title, show_header=True, box=None, title_justify="left")
    table.add_column("speaker", overflow="fold")
    table.add_column("quote", overflow="fold")
    table.add_column("outlet")
    for r, q in rows[:SHOWN_QUOTES]:
        who = q.speaker or "?"
        if q.anonymous:
            who += " (anonymous)"
        if q.relayed_via:
            who += " via " + " via ".join(q.relayed_via)
        table.add_row(cell(who), short(q.text, 90), cell(r.outlet or "?"))
    console.print(table)


def _print_digest(digest: dict) -> None:
    if digest.get("brief"):
        console.print("[bold]brief[/bold]")
        for sentence in digest["brief"]:
            cites = ", ".join(dict.fromkeys(c["report_id"][:8] for c in sentence.get("citations", [])))
            console.print(f"  • {cell(sentence['text'])} [dim]\\[{cites}][/dim]", highlight=False)
