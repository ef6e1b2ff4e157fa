"""One numbering of a story's reports: ``crosswire brief STORY`` and every web view give a report
the same [n] (trial 7, finding 8: one sentence was cited [1][2][3] in Markdown, [4][1][2] on the page)."""

from __future__ import annotations

import re

from crosswire.brief.render import render, story_export
from crosswire.model import Brief, BriefSentence, Citation, Comparison, Story, TimelineEntry
from crosswire.store import Store, queries
from crosswire.store.codec import digest_to_json

from .test_pages import cite_numbers
from .webstore import BODY_A, BODY_B, quote_a, quote_b


def _store_brief_citing_the_later_report_first(db_path: str) -> Brief:
    """Store a brief whose first sentence cites rb (ingested second) before ra."""
    qa, qb = quote_a(), quote_b()
    brief = Brief(
        "s-pier",
        sentences=(
            BriefSentence(
                BODY_B[qb[0] : qb[1]],
                (Citation("rb", *qb, BODY_B[qb[0] : qb[1]]), Citation("ra", *qa, BODY_A[qa[0] : qa[1]])),
            ),
        ),
        timeline=(TimelineEntry("2024-03-05", "Plan announced", ("ra",), "ra"),),
    )
    comparison = Comparison("s-pier", ("ra", "rb"))
    with Store.open(db_path) as store:
        store.save_story(
            Story("s-pier", "Northern pier", ("ra", "rb")),
            story_export(comparison, brief),
            digest_to_json(comparison, brief, ("ra", "rb")),
        )
    return brief


def _md_numbers(db_path: str, brief: Brief) -> dict[str, str]:
    with Store.open(db_path) as store:
        reports = {r.id: r for r, _ in queries.story_items(store.conn, "s-pier")}
    md = render(brief, "md", reports)
    return {rid: n for n, rid in re.findall(r"^(\d+)\. .*`(\w+)`$", md, re.M)}


def test_story_page_and_md_brief_give_a_report_the_same_number(db_path, client):
    brief = _store_brief_citing_the_later_report_first(db_path)
    md = _md_numbers(db_path, brief)
    assert md == {"rb": "1", "ra": "2"}  # first cited, first numbered
    page = client.get("/stories/s-pier").text
    assert cite_numbers(page) == set(md.items())
    summary = page.split('<ol class="brief">')[1].split("</ol>")[0]
    assert re.findall(r'data-report="(\w+)"[^>]*>\[(\d+)\]</a>', summary) == [("rb", "1"), ("ra", "2")]
    # the Reports table follows the numbers
    assert re.findall(r'<td class="ref">\[(\d+)\]</td>', page) == ["1", "2"]


def test_api_and_compare_page_use_the_brief_numbers(db_path, client):
    brief = _store_brief_citing_the_later_report_first(db_path)
    md = _md_numbers(db_path, brief)
    api = client.get("/api/v1/stories/s-pier").json()
    assert {r["id"]: str(r["number"]) for r in api["report_list"]} == md
    assert [r["id"] for r in api["report_list"]] == ["rb", "ra"]
    compare = client.get("/compare", params={"ids": "ra,rb"}).text
    assert cite_numbers(compare) == set(md.items())


def test_uncited_reports_are_numbered_after_the_cited_ones(db_path, client):
    """A report the brief does not cite still has a number on the page, after every cited one."""
    qb = quote_b()
    digest = {"brief": [{"text": "x", "citations": [{"report_id": "rb", "start": qb[0], "end": qb[1]}]}]}
    with Store.open(db_path) as store:
        store.save_story(Story("s-pier", "Northern pier", ("ra", "rb")), digest)  # no full records
    api = client.get("/api/v1/stories/s-pier").json()
    assert [(r["id"], r["number"]) for r in api["report_list"]] == [("rb", 1), ("ra", 2)]
