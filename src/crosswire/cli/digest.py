"""``crosswire compare`` and ``crosswire brief``: how a story's outlets differ, and its cited brief."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from crosswire.brief import render, story_export
from crosswire.cli.common import JSON_OPTION, console, open_store, print_json, short
from crosswire.model import Citation, Comparison, Report, Variant
from crosswire.pipeline import compare_stored, story_digest
from crosswire.store import queries


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare(
        ctx: typer.Context,
        ids: list[str] = typer.Argument(
            ..., help="One story id, or two or more report ids (unique prefixes work)."
        ),
        json_out: bool = JSON_OPTION,
    ) -> None:
        """How the reports differ: quote variants, facts only one carries, contradictions, independent sources.

        Example: crosswire compare 3f2a        (a story)   |   crosswire compare 9c1e 44b0   (two reports)
        """
        with open_store(ctx) as store:
            if len(ids) == 1:
                items, comparison, _ = story_digest(store, ids[0])
            else:
                items, comparison = compare_stored(store, ids)
        reports = {r.id: r for r, _ in items}
        if json_out:
            data = story_export(comparison, _empty_brief(comparison))
            print_json(
                {
                    "report_ids": list(comparison.report_ids),
                    "copies": comparison.copies,
                    **{k: data[k] for k in ("variants", "only_in", "contradictions", "claims")},
                }
            )
            return
        _print_comparison(comparison, reports)

    @app.command("brief")
    def brief(
        ctx: typer.Context,
        story: str = typer.Argument(..., help="Story id (a unique prefix is enough)."),
        fmt: str = typer.Option("md", "--format", help="md, json or html."),
    ) -> None:
        """A story's brief: a summary whose every sentence cites its reports, a timeline, who said what.

        Example: crosswire brief 3f2a --format md
        """
        if fmt not in ("md", "json", "html"):
            raise typer.BadParameter("--format must be md, json or html")
        with open_store(ctx) as store:
            _, _, made = story_digest(store, story)
            label = queries.story_row(store.conn, story)["label"]
        text = render(made, fmt)
        if fmt == "md":
            text = f"# {label}\n\n{text}"
        typer.echo(text)


def _empty_brief(comparison: Comparison):  # noqa: ANN202 - a Brief with no sentences, for the shared export shape
    from crosswire.model import Brief

    return Brief(story_id=comparison.story_id)


def _who(report: Report | None) -> str:
    return (report.outlet or report.id[:8]) if report else "?"


def _marked(c: Citation, differing: tuple[tuple[int, int], ...]) -> str:
    """The quote with its differing words in bold red (offsets are into the report body)."""
    out, pos = [], c.start
    for start, end in sorted(differing):
        out.append(escape(c.text[pos - c.start : start - c.start]))
        out.append(f"[bold red]{escape(c.text[start - c.start : end - c.start])}[/bold red]")
        pos = end
    out.append(escape(c.text[pos - c.start :]))
    return "".join(out)


def _print_variants(variants: tuple[Variant, ...], reports: dict[str, Report]) -> None:
    for i, v in enumerate(variants, 1):
        console.print(f"\n[bold]variant {i}[/bold] · {escape(v.speaker or '?')}")
        for j, m in enumerate(v.members):
            differing = v.differing[j] if j < len(v.differing) else ()
            console.print(f"  {escape(_who(reports.get(m.report_id)))}: “{_marked(m, differing)}”")


def _print_comparison(comparison: Comparison, reports: dict[str, Report]) -> None:
    console.rule(f"{len(reports)} reports · {len(comparison.copies)} copies collapsed")
    if comparison.variants:
        console.print("[bold]the same quote, worded differently[/bold] (differing words in red)")
        _print_variants(comparison.variants, reports)
    if comparison.contradictions:
        table = Table(title="contradictions", title_justify="left")
        table.add_column("what")
        table.add_column("report says", overflow="fold")
        for c in comparison.contradictions:
            table.add_row(
                escape(c.what),
                "\n".join(
                    f"{escape(_who(reports.get(m.report_id)))}: {escape(short(m.text, 90))}"
                    for m in c.members
                ),
            )
        console.print(table)
    if comparison.only_in:
        table = Table(title="only in one report", title_justify="left")
        table.add_column("report")
        table.add_column("statement", overflow="fold")
        for rid, cites in comparison.only_in.items():
            for c in cites[:8]:
                table.add_row(escape(_who(reports.get(rid))), escape(short(c.text, 110)))
        console.print(table)
    if comparison.claims:
        table = Table(title="claims by independent support", title_justify="left")
        table.add_column("sources", justify="right")
        table.add_column("claim", overflow="fold")
        table.add_column("reports")
        for c in comparison.claims[:15]:
            table.add_row(
                str(c.independent_sources),
                escape(short(c.text, 100)),
                ", ".join(escape(_who(reports.get(r))) for r in c.reports),
            )
        console.print(table)
