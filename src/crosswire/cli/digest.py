"""``crosswire compare`` and ``crosswire brief``: how a story's outlets differ, and its cited brief.

A story's comparison and brief are read as its last ingest stored them; a story whose stored digest
is missing or out of date runs the pipeline (spaCy, MiniLM), and a comparison of chosen reports runs
the compare stage on their stored analyses (MiniLM only), each imported inside the command so that
``crosswire --help`` and the other verbs load no model.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Literal

import typer
from rich.markup import escape
from rich.table import Table

from crosswire.cli.common import (
    JSON_OPTION,
    CliError,
    console,
    err_console,
    open_store,
    plural,
    print_json,
    short,
    story_or_hint,
)
from crosswire.errors import NotFound
from crosswire.store import queries

if TYPE_CHECKING:
    import sqlite3

    from crosswire.model import Analysis, Brief, Citation, Comparison, Report, Variant
    from crosswire.store import Store

SHOWN_ONLY_IN = 16  # rows of "only in one report" (and of claims) shown without --all
SHOWN_CLAIMS = 15


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare(
        ctx: typer.Context,
        ids: list[str] = typer.Argument(
            ..., help="One story id, or two or more report ids (unique prefixes work)."
        ),
        show_all: bool = typer.Option(
            False, "--all", help="List every row of the long tables (only in one report, claims)."
        ),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """How the reports differ: quote variants, facts only one carries, contradictions, independent sources.

        Example: crosswire compare 3f2a        (a story)   |   crosswire compare 9c1e 44b0   (two reports)
        """
        with open_store(ctx) as store:
            if len(ids) == 1:
                story_or_hint(store.conn, ids[0], "give one story id, or two or more report ids")
                items, comparison, _ = _digest(store, ids[0])
            else:
                items, comparison = _compare_reports(store, _distinct_reports(store.conn, ids))
        reports = {r.id: r for r, _ in items}
        if json_out:
            from crosswire.brief import story_export
            from crosswire.model import Brief

            data = story_export(comparison, Brief(story_id=comparison.story_id))
            print_json(
                {
                    "report_ids": list(comparison.report_ids),
                    "copies": comparison.copies,
                    **{k: data[k] for k in ("variants", "only_in", "contradictions", "claims")},
                }
            )
            return
        _print_comparison(comparison, reports, show_all=show_all)

    @app.command("brief")
    def brief(
        ctx: typer.Context,
        story: str = typer.Argument(..., help="Story id (a unique prefix is enough)."),
        fmt: Literal["md", "json", "html"] = typer.Option("md", "--format", help="md, json or html."),
    ) -> None:
        """A story's brief: a summary whose every sentence cites its reports, a timeline, who said what.

        Example: crosswire brief 3f2a --format md
        """
        from crosswire.brief.render import render

        with open_store(ctx) as store:
            label = story_or_hint(store.conn, story, "brief takes a story id")["label"]
            items, _, made = _digest(store, story)
        text = render(made, fmt, {r.id: r for r, _ in items})
        if fmt == "md":
            text = f"# {label}\n\n{text}"
        typer.echo(text)


def _digest(store: Store, story: str) -> tuple[list[tuple[Report, Analysis]], Comparison, Brief]:
    """What the last ingest stored for the story; computed afresh (models loaded) only when it changed."""
    found = queries.stored_digest(store.conn, story)
    if found is not None:
        return found
    from crosswire.pipeline import story_digest  # loads spaCy and MiniLM

    return story_digest(store, story, fresh=True)


def _compare_reports(store: Store, report_ids: list[str]) -> tuple[list[tuple[Report, Analysis]], Comparison]:
    """Compare chosen stored reports, whatever stories they are in.

    Their analyses are in the store, so this needs the compare stage, the clean stage's deck lines
    and MiniLM, and not the pipeline: importing the pipeline imports every stage, spaCy with the
    analyzer, and made a two-report compare take 11 s where MiniLM alone takes about 2 (trial 8)."""
    from crosswire.clean.deck import deck_lines
    from crosswire.compare import compare_story  # loads MiniLM on first use

    items = [queries.report_item(store.conn, rid)[:2] for rid in report_ids]
    story_id = "~".join(r.id for r, _ in items)
    return items, compare_story(items, story_id=story_id, decks={r.id: deck_lines(r) for r, _ in items})


def _distinct_reports(conn: sqlite3.Connection, ids: list[str]) -> list[str]:
    """The full ids of two or more different reports, or a clear error (an unknown id, or the same one twice)."""
    full: list[str] = []
    stories: set[str | None] = set()
    for rid in ids:
        try:
            report, _, story = queries.report_item(conn, rid)
        except NotFound:
            try:
                found = queries.story_row(conn, rid)["id"]
            except NotFound:
                raise NotFound(
                    rid, "no such report; `crosswire show STORY` lists a story's reports"
                ) from None
            raise CliError(
                rid,
                f"this is story {found}, not a report; give one story id (`crosswire compare {found}`), "
                "or two or more report ids (`crosswire show STORY` lists a story's reports)",
            ) from None
        if report.id not in full:
            full.append(report.id)
            stories.add(story)
    if len(full) < 2:
        raise typer.BadParameter(
            f"{' and '.join(ids)} name the same report ({full[0][:8]}); give two or more different report ids, "
            "or one story id",
            param_hint="IDS",
        )
    if len(stories) > 1:  # allowed (is this one event?), but the reader should know it was not one story
        named = ", ".join(sorted(s or "no story" for s in stories))
        err_console.print(f"note: these reports are in {len(stories)} different stories ({escape(named)})")
    return full


def _labels(comparison: Comparison, reports: dict[str, Report]) -> dict[str, str]:
    """How each report is named in the tables: its outlet, plus a short id where two share an outlet."""
    ids = list(dict.fromkeys([*comparison.report_ids, *reports]))
    outlets = Counter(reports[r].outlet for r in ids if r in reports and reports[r].outlet)
    labels = {}
    for rid in ids:
        outlet = reports[rid].outlet if rid in reports else None
        if not outlet:
            labels[rid] = rid[:8]
        elif outlets[outlet] > 1:
            labels[rid] = f"{outlet} {rid[:8]}"
        else:
            labels[rid] = outlet
    return labels


def _marked(c: Citation, differing: tuple[tuple[int, int], ...]) -> str:
    """The quote with its differing words in bold red (offsets are into the report body), or between
    asterisks where output has no colour (a pipe, a file, NO_COLOR), so the marks are not lost."""
    out, pos = [], c.start
    opening, closing = ("[bold red]", "[/bold red]") if console.color_system else ("*", "*")
    for start, end in sorted(differing):
        out.append(escape(c.text[pos - c.start : start - c.start]))
        out.append(f"{opening}{escape(c.text[start - c.start : end - c.start])}{closing}")
        pos = end
    out.append(escape(c.text[pos - c.start :]))
    return "".join(out)


def _print_variants(variants: tuple[Variant, ...], who: dict[str, str]) -> None:
    for i, v in enumerate(variants, 1):
        console.print(f"\n[bold]variant {i}[/bold] · {escape(v.speaker or '?')}")
        for j, m in enumerate(v.members):
            differing = v.differing[j] if j < len(v.differing) else ()
            console.print(f"  {escape(who.get(m.report_id, m.report_id[:8]))}: “{_marked(m, differing)}”")


def _cut_note(shown: int, total: int) -> str:
    return f" (showing {shown} of {total}; --all or --json for the rest)" if shown < total else ""


def _print_comparison(comparison: Comparison, reports: dict[str, Report], *, show_all: bool = False) -> None:
    who = _labels(comparison, reports)

    def name(rid: str) -> str:
        return escape(who.get(rid, rid[:8]))

    console.rule(
        f"{plural(len(reports), 'report')} · {plural(len(comparison.copies), 'copy', 'copies')} collapsed"
    )
    if comparison.variants:
        how = "in red" if console.color_system else "between *asterisks*"
        console.print(f"[bold]the same quote, worded differently[/bold] (differing words {how})")
        _print_variants(comparison.variants, who)
    if comparison.contradictions:
        table = Table(title="contradictions", title_justify="left")
        table.add_column("what")
        table.add_column("report says", overflow="fold")
        for c in comparison.contradictions:
            table.add_row(
                escape(c.what), "\n".join(f"{name(m.report_id)}: {short(m.text, 90)}" for m in c.members)
            )
        console.print(table)
    if comparison.only_in:
        rows = [(rid, c) for rid, cites in comparison.only_in.items() for c in cites]
        shown = rows if show_all else _fair_share(comparison.only_in, SHOWN_ONLY_IN)
        table = Table(
            title="only in one report" + _cut_note(len(shown), len(rows)), title_justify="left", expand=True
        )
        table.add_column("report")
        table.add_column("statement", overflow="fold")
        for rid, c in shown:
            table.add_row(name(rid), short(c.text, 110))
        console.print(table)
    if comparison.claims:
        claims = comparison.claims if show_all else comparison.claims[:SHOWN_CLAIMS]
        table = Table(
            title="claims by independent support" + _cut_note(len(claims), len(comparison.claims)),
            title_justify="left",
            expand=True,
        )
        table.add_column("sources", justify="right")
        table.add_column("claim", overflow="fold")
        table.add_column("reports")
        for c in claims:
            backing = ", ".join(name(r) for r in c.reports)
            if c.disputed_by:  # sources (not report ids) whose version contradicts the claim
                backing += "\n[red]disputed by[/red] " + escape(", ".join(c.disputed_by))
            table.add_row(str(c.independent_sources), short(c.text, 100), backing)
        console.print(table)


def _fair_share(only_in: dict[str, tuple[Citation, ...]], limit: int) -> list[tuple[str, Citation]]:
    """At most ``limit`` rows, taken round-robin so every report keeps some, in each report's own order."""
    taken = dict.fromkeys(only_in, 0)
    left = limit
    while left > 0:
        progressed = False
        for rid, cites in only_in.items():
            if left and taken[rid] < len(cites):
                taken[rid] += 1
                left -= 1
                progressed = True
        if not progressed:
            break
    return [(rid, c) for rid, cites in only_in.items() for c in cites[: taken[rid]]]
