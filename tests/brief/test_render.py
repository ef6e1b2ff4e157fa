import json

import pytest

from crosswire.brief import render, story_export
from crosswire.model import (
    Brief,
    BriefSentence,
    Citation,
    Claim,
    Comparison,
    Contradiction,
    TimelineEntry,
    Variant,
    WhoSaid,
)

EVIL = 'Mayor <script>alert("x")</script> said *all* is well & fine.'


def _brief() -> Brief:
    own = Citation("r1", 0, len(EVIL), EVIL)
    return Brief(
        story_id="s1",
        sentences=(BriefSentence(EVIL, (own, Citation("r2", 5, 20, "other"))),),
        timeline=(TimelineEntry("2031-05-05", EVIL, ("r1",), "r1", (own,)),),
        who_said=(WhoSaid("Ada <b>Quell</b>", (own,)),),
    )


def test_html_escapes_untrusted_text():
    out = render(_brief(), "html")
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert 'data-report="r2"' in out and '<time datetime="2031-05-05">' in out


def test_markdown_and_json():
    md = render(_brief(), "md")
    assert "r1:0-" in md and "r2:5-20" in md and "\\*all\\*" in md and "2031-05-05" in md
    data = json.loads(render(_brief(), "json"))
    assert data["story_id"] == "s1"
    assert data["sentences"][0]["citations"][1] == {"report_id": "r2", "start": 5, "end": 20, "text": "other"}
    with pytest.raises(ValueError, match="md, json or html"):
        render(_brief(), "pdf")


def test_story_export_has_exactly_the_contract_keys():
    a, b = Citation("r1", 0, 9, "we shall"), Citation("r2", 3, 10, "we will")
    comparison = Comparison(
        story_id="s1",
        variants=(Variant("Ada Quell", (a, b), (((3, 8),), ((6, 10),))),),
        only_in={"r1": (a,)},
        contradictions=(Contradiction("number: 3 vs 4", "number", (a, b), ("3", "4")),),
        claims=(Claim("we shall", (a, b), ("r1", "r2"), 2, ("x", "y")),),
    )
    out = story_export(comparison, _brief())
    assert list(out) == ["variants", "only_in", "contradictions", "claims", "brief", "timeline"]
    assert out["variants"][0]["speaker"] == "Ada Quell"
    assert out["variants"][0]["members"][1]["differing"] == [[6, 10]]
    assert out["only_in"] == {"r1": ["we shall"]}
    assert out["contradictions"][0]["values"] == ["3", "4"]
    spans = [
        {"report_id": "r1", "text": "we shall", "start": 0, "end": 9},
        {"report_id": "r2", "text": "we will", "start": 3, "end": 10},
    ]
    assert out["contradictions"][0]["members"] == spans
    assert out["claims"] == [
        {
            "text": "we shall",
            "independent_sources": 2,
            "reports": ["r1", "r2"],
            "disputed_by": [],
            "citations": spans,  # each report's own wording of the claim
        }
    ]
    assert out["brief"][0]["citations"][0] == {"report_id": "r1", "start": 0, "end": len(EVIL)}
    assert out["timeline"][0]["report_ids"] == ["r1"]
    json.dumps(out)


def test_html_timeline_says_who_reported_first_and_who_else():
    entry = TimelineEntry("2031-05-05", "The Tarn bridge closed.", ("r2", "r1"), "r2")
    brief = Brief(story_id="s1", sentences=(), timeline=(entry,), who_said=())
    out = render(brief, "html")
    assert "first: r2" in out and "also: r1" in out


def test_sources_name_outlet_date_and_title_of_each_cited_report_safely():
    """Citations name reports by id; the sources list says which outlet, when, and where to read it."""
    from crosswire.model import Report

    reports = {
        "r1": Report(
            "r1", "https://quill.example/a", EVIL, "body", outlet="Quill Times", published="2031-05-05T09:00"
        ),
        "r2": Report("r2", "javascript:alert(1)", None, "body"),
        "r9": Report("r9", None, "never cited", "body", outlet="Elsewhere"),
    }
    md = render(_brief(), "md", reports)
    sources = md.split("### Sources")[1]
    assert "Quill Times, 2031-05-05, “Mayor <script>" not in sources  # markup escaped
    assert "1. Quill Times, 2031-05-05, “Mayor \\<script\\>" in sources
    assert "<https://quill.example/a> `r1`" in sources
    assert "2. outlet unknown, undated `r2`" in sources and "javascript:" not in sources
    # citations name each source by its number in that list, with the span
    assert f"[1:0-{len(EVIL)}, 2:5-20]" in md.split("### Sources")[0]
    assert "(first: Quill Times [1])" in md
    assert "r9" not in sources and "Elsewhere" not in sources  # only the cited reports
    out = render(_brief(), "html", reports)
    assert '<a href="https://quill.example/a" rel="noopener noreferrer">' in out
    assert "javascript:" not in out and "<script>" not in out
    data = json.loads(render(_brief(), "json", reports))
    assert [s["report_id"] for s in data["sources"]] == ["r1", "r2"]
    assert "sources" not in json.loads(render(_brief(), "json"))  # without reports, the record as it was


def test_an_empty_timeline_is_explained():
    brief = Brief(story_id="s1", sentences=_brief().sentences)
    assert "No timeline: no event in these reports could be placed on a date" in render(brief, "md")
    assert '<p class="timeline empty">No timeline' in render(brief, "html")
    assert "No timeline" not in render(_brief(), "md")


def test_a_quote_carried_by_several_reports_is_one_row_citing_each():
    said = "I got caught but I'm OK,"
    quotes = (Citation("r1", 10, 34, said), Citation("r2", 50, 74, said), Citation("r2", 90, 95, "Never."))
    brief = Brief(story_id="s1", sentences=(), timeline=(), who_said=(WhoSaid("Tony Thompson", quotes),))
    md = render(brief, "md")
    rows = [line for line in md.splitlines() if line.startswith("| Tony")]
    assert rows == [
        "| Tony Thompson | I got caught but I'm OK, | r1:10-34, r2:50-74 |",
        "| Tony Thompson | Never. | r2:90-95 |",
    ]
    page = render(brief, "html")
    assert page.count("<tr><td>Tony Thompson") == 2 and 'data-report="r2" data-start="50"' in page
    assert len(json.loads(render(brief, "json"))["who_said"][0]["quotes"]) == 3  # the data keeps every span


def test_a_scheduled_entry_is_marked_in_every_format():
    entry = TimelineEntry("2031-09-08", "She will defend her title.", ("r1",), "r1", scheduled=True)
    brief = Brief(story_id="s1", sentences=(), timeline=(entry,), who_said=())
    assert "- **2031-09-08** *(scheduled)* She will" in render(brief, "md")
    assert '<span class="scheduled">scheduled</span>' in render(brief, "html")
    assert story_export(Comparison("s1"), brief)["timeline"][0]["scheduled"] is True


def test_html_brief_numbers_its_sources_like_the_markdown():
    from crosswire.model import Report

    reports = {r: Report(r, None, None, "body", outlet=f"Outlet {r}") for r in ("r1", "r2")}
    page = render(_brief(), "html", reports)
    assert (
        '<ol class="sources">' in page
        and f'data-start="0" data-end="{len(EVIL)}">1:0-{len(EVIL)}</cite>' in page
    )
    assert "first: Outlet r1 [1]" in page


def test_every_format_numbers_sources_by_source_numbers():
    """md, html and json give a report the number ``source_numbers`` gives it (the web uses it too),
    even when a cited report is not in ``reports``: the numbers do not shift."""
    from crosswire.brief.render import source_numbers
    from crosswire.model import Report

    brief = _brief()
    assert source_numbers(brief, ["r9", "r2", "r1"]) == {"r1": 1, "r2": 2, "r9": 3}
    reports = {"r2": Report("r2", None, "Second", "body", outlet="Harbour Post")}
    md = render(brief, "md", reports)
    assert "2. Harbour Post, undated, “Second” `r2`" in md and "\n1. " not in md.split("### Sources")[1]
    assert ' value="2" data-report="r2"' in render(brief, "html", reports)
    data = json.loads(render(brief, "json", reports))
    assert [(s["report_id"], s["number"]) for s in data["sources"]] == [("r2", 2)]
