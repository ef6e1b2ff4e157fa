"""Briefs as Markdown, JSON or HTML fragments, and the story export of the contract in DESIGN.md.

Article text is untrusted: the HTML form escapes every piece of it, and Markdown escapes the
characters that would turn a quoted sentence into markup.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from crosswire.model import Brief, Citation, Comparison, Report

NO_TIMELINE = (
    "No timeline: no event in these reports could be placed on a date (no published date, and no date named "
    "in the text)."
)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _cite_label(c: Citation) -> str:
    return f"{c.report_id}:{c.start}-{c.end}"


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(brief: Brief, fmt: str, reports: Mapping[str, Report] | None = None) -> str:
    """``fmt`` is "md", "json" or "html"; anything else is a ValueError naming the choices.

    With ``reports``, the brief ends with its sources: a citation names a report by id (so a span can
    be checked), and the reader needs to know which outlet, when and where that report is."""
    sources = _sources(brief, reports or {})
    if fmt == "json":
        data = dataclasses.asdict(brief)
        return json.dumps({**data, "sources": sources} if sources else data, ensure_ascii=False, indent=2)
    if fmt == "md":
        return _render_md(brief, sources)
    if fmt == "html":
        return _render_html(brief, sources)
    raise ValueError(f"unknown format {fmt!r}: use md, json or html")


def cited_reports(brief: Brief) -> list[str]:
    """The reports a brief cites, each once, in order of first citation: summary, timeline, who said what."""
    cited = [c.report_id for s in brief.sentences for c in s.citations]
    cited += [r for t in brief.timeline for r in t.report_ids]
    cited += [q.report_id for row in brief.who_said for q in row.quotes]
    return list(dict.fromkeys(cited))


def source_numbers(brief: Brief, report_ids: Iterable[str] = ()) -> dict[str, int]:
    """The one number each report has wherever a story is shown (Markdown, HTML and JSON briefs, the
    web story and compare pages, the API): the brief's cited reports from 1 in order of first
    citation, then the story's other reports (``report_ids``, in their order).

    A reader checks "[2]" in the CLI brief against "[2]" on the story page: two numberings of one
    story sent the same sentence to different outlets (trial 7, finding 8)."""
    order = dict.fromkeys(cited_reports(brief))
    order.update(dict.fromkeys(report_ids))
    return {rid: n for n, rid in enumerate(order, 1)}


def _sources(brief: Brief, reports: Mapping[str, Report]) -> list[dict[str, Any]]:
    """The reports the brief cites, by their number (``source_numbers``): id, number, outlet,
    published, title, uri."""
    numbers = source_numbers(brief)
    return [
        {
            "report_id": rid,
            "number": number,
            "outlet": reports[rid].outlet,
            "published": reports[rid].published,
            "title": reports[rid].title,
            "uri": reports[rid].uri,
        }
        for rid, number in numbers.items()
        if rid in reports
    ]


def _source_line(s: Mapping[str, Any]) -> str:
    bits = [s["outlet"] or "outlet unknown", (s["published"] or "")[:10] or "undated"]
    if s["title"]:
        bits.append(f"“{s['title']}”")
    return ", ".join(bits)


def _numbering(
    sources: Sequence[Mapping[str, Any]],
) -> tuple[Callable[[Citation], str], Callable[..., str]]:
    """Citation labels and report names by each source's number in the brief's sources list: with
    the sources known, "[1:37-182]" is source 1, characters 37-182, and "Go [2]" names report 2;
    without them, the report id."""
    number = {src["report_id"]: src["number"] for src in sources}
    outlets = {src["report_id"]: src["outlet"] for src in sources}

    def label(c: Citation) -> str:
        return f"{number[c.report_id]}:{c.start}-{c.end}" if c.report_id in number else _cite_label(c)

    def named(report_id: str, escape: Callable[[str], str] = str) -> str:
        if report_id not in number:
            return escape(report_id)
        outlet = outlets[report_id]
        return f"{escape(outlet)} [{number[report_id]}]" if outlet else f"[{number[report_id]}]"

    return label, named


def _render_md(brief: Brief, sources: list[dict[str, Any]]) -> str:
    """With its sources known, the brief numbers them ("[1:37-182]" is source 1, characters 37-182):
    sixteen-hex report ids in every line are unreadable, and the list at the end names each one."""
    label, named = _numbering(sources)

    def who(report_id: str) -> str:
        return named(report_id, _md)

    lines = [f"## Brief: {_md(brief.story_id)}", ""]
    for s in brief.sentences:
        refs = ", ".join(label(c) for c in s.citations)
        lines.append(f"- {_md(s.text)} [{refs}]")
    lines += ["", "### Timeline", ""]
    for e in brief.timeline:
        first = f" (first: {who(e.first_reported_by)})" if e.first_reported_by else ""
        ahead = " *(scheduled)*" if e.scheduled else ""
        lines.append(f"- **{e.when}**{ahead} {_md(e.text)}{first}")
    if not brief.timeline:
        lines.append(NO_TIMELINE)
    if brief.who_said:
        lines += ["", "### Who said what", "", "| speaker | quote | source |", "|---|---|---|"]
        for row in brief.who_said:
            for text, cites in quote_rows(row.quotes):
                refs = ", ".join(label(q) for q in cites)
                lines.append(f"| {_md(row.speaker)} | {_md(text)} | {refs} |")
    if sources:
        lines += ["", "### Sources", ""]
        for src in sources:
            link = f" <{src['uri']}>" if src["uri"] and re.match(r"https?://\S+$", src["uri"]) else ""
            lines.append(f"{src['number']}. {_md(_source_line(src))}{link} `{src['report_id']}`")
    return "\n".join(lines) + "\n"


def _render_html(brief: Brief, sources: list[dict[str, Any]]) -> str:
    e = html.escape
    label, named = _numbering(sources)
    parts = [f'<section class="brief" data-story="{e(brief.story_id)}">', '<ol class="summary">']
    for s in brief.sentences:
        cites = " ".join(
            f'<cite data-report="{e(c.report_id)}" data-start="{c.start}" data-end="{c.end}">'
            f"{e(label(c))}</cite>"
            for c in s.citations
        )
        parts.append(f"<li>{e(s.text)} {cites}</li>")
    parts.append("</ol>")
    if not brief.timeline:
        parts.append(f'<p class="timeline empty">{e(NO_TIMELINE)}</p>')
    if brief.timeline:
        parts.append('<ol class="timeline">')
        for t in brief.timeline:
            # who had it first, and who else: the point of a timeline for someone checking a story
            first = (
                f' <span class="first" data-report="{e(t.first_reported_by)}">first: {e(named(t.first_reported_by))}</span>'
                if t.first_reported_by
                else ""
            )
            also = [r for r in t.report_ids if r != t.first_reported_by]
            others = (
                f' <span class="also">also: {e(", ".join(named(r) for r in also))}</span>' if also else ""
            )
            ahead = ' <span class="scheduled">scheduled</span>' if t.scheduled else ""
            parts.append(
                f'<li><time datetime="{e(t.when)}">{e(t.when)}</time>{ahead} {e(t.text)}{first}{others}</li>'
            )
        parts.append("</ol>")
    if brief.who_said:
        parts.append('<table class="who-said"><tr><th>speaker</th><th>quote</th><th>source</th></tr>')
        for row in brief.who_said:
            for text, cites in quote_rows(row.quotes):
                refs = " ".join(
                    f'<cite data-report="{e(q.report_id)}" data-start="{q.start}" data-end="{q.end}">'
                    f"{e(label(q))}</cite>"
                    for q in cites
                )
                parts.append(f"<tr><td>{e(row.speaker)}</td><td>{e(text)}</td><td>{refs}</td></tr>")
        parts.append("</table>")
    if sources:
        parts.append('<ol class="sources">')
        for src in sources:
            text = e(_source_line(src))
            if src["uri"] and re.match(r"https?://", src["uri"]):
                text = f'<a href="{e(src["uri"])}" rel="noopener noreferrer">{text}</a>'
            parts.append(
                f'<li value="{src["number"]}" data-report="{e(src["report_id"] or "")}">{text} <code>{e(src["report_id"] or "")}</code></li>'
            )
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def quote_rows(quotes: Sequence[Citation]) -> list[tuple[str, list[Citation]]]:
    """One row per remark: the same words in several reports are one quote with several sources.

    Independent reporters quote a statement word for word, so a table of one row per report span
    would list "I got caught but I'm OK" once per outlet; case, spacing and trailing punctuation do
    not make a different remark."""
    rows: dict[str, tuple[str, list[Citation]]] = {}
    for q in quotes:
        key = " ".join(re.findall(r"\w+", q.text.lower()))
        rows.setdefault(key, (q.text, []))[1].append(q)
    return list(rows.values())


def _member(c: Citation, **extra: Any) -> dict[str, Any]:
    return {"report_id": c.report_id, "text": c.text, "start": c.start, "end": c.end, **extra}


def story_export(comparison: Comparison, brief: Brief) -> dict[str, Any]:
    """The per-story fields of ``crosswire export --stories`` (DESIGN.md), exactly these six keys."""
    return {
        "variants": [
            {
                "speaker": v.speaker,
                "members": [
                    _member(
                        m, differing=[list(span) for span in (v.differing[i] if i < len(v.differing) else ())]
                    )
                    for i, m in enumerate(v.members)
                ],
            }
            for v in comparison.variants
        ],
        "only_in": {rid: [c.text for c in cites] for rid, cites in comparison.only_in.items()},
        "contradictions": [
            {
                "what": c.what,
                "kind": c.kind,
                "values": list(c.values),
                "members": [_member(m) for m in c.members],
            }
            for c in comparison.contradictions
        ],
        "claims": [
            {
                "text": c.text,
                "independent_sources": c.independent_sources,
                "reports": list(c.reports),
                "disputed_by": list(c.disputed_by),
                "citations": [_member(m) for m in c.citations],  # each backing report's own wording
            }
            for c in comparison.claims
        ],
        "brief": [
            {
                "text": s.text,
                "citations": [
                    {"report_id": c.report_id, "start": c.start, "end": c.end} for c in s.citations
                ],
            }
            for s in brief.sentences
        ],
        "timeline": [
            {
                "when": t.when,
                "text": t.text,
                "report_ids": list(t.report_ids),
                "first_reported_by": t.first_reported_by,
                "scheduled": t.scheduled,
            }
            for t in brief.timeline
        ],
    }
