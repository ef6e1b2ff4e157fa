"""Rewrites of one wire story count as one origin; reports that share a quote or a release line do not.

The texts are invented (a fictional town, bridge, outlets and mayor)."""

from __future__ import annotations

import pytest

from crosswire.compare import compare_story
from crosswire.compare.corroboration import independent_sources, near_identical, origin_groups
from crosswire.compare.text import statements, tokens
from crosswire.compare.wire import _grams, covered, narrative, wire_groups
from crosswire.model import Analysis, Citation, Quote, Report

from .conftest import make, sentences

MAYOR_1 = "This bridge ends forty years of traffic jams on the ferry road,"
MAYOR_2 = "We built it on time and under budget."
COST = "The project cost 212 million euros, about 9 million less than planned, according to the city finance office."
TRUCKS = "Engineers tested the deck with 48 loaded trucks on Thursday before the inspectors signed off on the structure."
FERRY = "The old ferry service, which ran for more than a century, will make its final crossing at the end of the month."
CYCLISTS = "Cyclists will be allowed on a separate lane from next spring, once the lighting work is finished."

ORIGIN = "\n\n".join(
    [
        "The city of Brennmoor opened its new suspension bridge over the Telva River on Saturday, "
        "three years after construction began.",
        "The 640-metre span links the old town with the industrial district of Kessholm and is expected "
        "to carry 30,000 vehicles a day.",
        TRUCKS,
        f'"{MAYOR_1}" Mayor Ilse Harrow told the crowd. "{MAYOR_2}"',
        COST,
        FERRY,
        CYCLISTS,
        "Some residents of Kessholm have complained about the noise of the construction site during the night.",
    ]
)
# The same wire story lightly edited: a new lede, a word added, the last paragraph cut, a local line added.
REWRITE = "\n\n".join(
    [
        "Brennmoor's long-awaited suspension bridge over the Telva River opened to traffic on Saturday.",
        "The 640-metre span links the old town with the industrial district of Kessholm and is expected "
        "to carry about 30,000 vehicles a day.",
        TRUCKS,
        f'"{MAYOR_1}" Mayor Ilse Harrow told the crowd. "{MAYOR_2}"',
        COST,
        FERRY,
        CYCLISTS,
        "Northshore commuters said the new route would cut their morning drive by half an hour.",
    ]
)
# A five-sentence brief cut from it, the lede's day reworded.
BRIEF = "\n\n".join(
    [
        "The city of Brennmoor opened its new suspension bridge over the Telva River at the weekend, "
        "three years after construction began.",
        TRUCKS,
        COST,
        FERRY,
        "Traffic police will direct drivers at the Kessholm end of the bridge for the first week.",
    ]
)
# Its own reporting: the mayor's words and the finance office's release line verbatim, the rest its own.
INDEPENDENT = "\n\n".join(
    [
        "Thousands of people walked across the new Telva River bridge in Brennmoor on Saturday as the city "
        "celebrated its opening.",
        f'"{MAYOR_1}" said Mayor Ilse Harrow. "{MAYOR_2}"',
        COST,
        "Traffic planners expect tens of thousands of cars to use the crossing every day.",
        "Ferry workers, whose service ends this month, held a small protest near the old landing.",
        "Local shops in Kessholm hope the bridge will bring new customers.",
        "The steel cables of the bridge were made at a plant in the south of the country.",
    ]
)


def _mayor(body: str) -> tuple[Quote, ...]:
    out = []
    for text in (MAYOR_1, MAYOR_2):
        start = body.index(text)
        out.append(Quote(text, start, start + len(text), "direct", "Ilse Harrow"))
    return tuple(out)


@pytest.fixture
def bridge_story() -> list[tuple[Report, Analysis]]:
    return [
        make("origin", ORIGIN, "Lakeside Gazette", _mayor(ORIGIN), published="2031-05-10"),
        make("rewrite", REWRITE, "Northshore Daily", _mayor(REWRITE), published="2031-05-10"),
        make("brief", BRIEF, "Valley Courier", published="2031-05-11"),
        make("independent", INDEPENDENT, "Riverside Times", _mayor(INDEPENDENT), published="2031-05-10"),
    ]


def _groups(items: list[tuple[Report, Analysis]]) -> dict[str, str]:
    reports = [r for r, _ in items]
    per_report = {r.id: statements(r, a) for r, a in items}
    return wire_groups(reports, per_report, {r.id: a for r, a in items}, origin_groups(reports))


def _words(text: str) -> list[str]:
    return [t.norm for t in tokens(text)]


def test_a_changed_word_still_matches_and_a_paraphrase_does_not():
    runs = _grams(_words(ORIGIN))
    edited = "The 640-metre span links the old town with the industrial district of Kessholm and is expected to carry about 30,000 vehicles a day."
    assert covered(_words(edited), runs) >= 0.9
    paraphrase = "Traffic planners expect tens of thousands of cars to use the crossing every day."
    assert covered(_words(paraphrase), runs) == 0.0


def test_quoted_sentences_are_not_the_reports_own_text(bridge_story):
    report, analysis = bridge_story[3]
    own = [" ".join(w) for w in narrative(report, analysis, statements(report, analysis))]
    assert not any("traffic jams" in s or "under budget" in s for s in own)
    assert any("finance office" in s for s in own)


def test_rewrites_and_a_trimmed_brief_join_the_wire_origin(bridge_story):
    reports = [r for r, _ in bridge_story]
    assert origin_groups(reports) == {r.id: r.id for r in reports}  # the whole-body copy check misses them
    assert _groups(bridge_story) == {
        "origin": "origin",
        "rewrite": "origin",
        "brief": "origin",
        "independent": "independent",
    }


def test_shared_quotes_and_a_release_line_do_not_make_a_rewrite(bridge_story):
    """The independent report carries the mayor's two sentences and the finance office's line verbatim."""
    origin, independent = bridge_story[0], bridge_story[3]
    assert _groups([origin, independent]) == {"origin": "origin", "independent": "independent"}


def test_many_shared_quotes_alone_do_not_make_a_rewrite():
    """Two reports quoting the same long statement word for word, each in its own words otherwise."""
    said = [
        "The council will review every contract signed for the harbour project since last spring.",
        "No payment will be made until the auditors have finished their work on the accounts.",
        "The council regrets the delay and apologises to the families who were affected by it.",
        "A public hearing on the findings will be held in the town hall before the summer.",
        "The deputy mayor has offered to step aside from the finance committee during the review.",
    ]
    quoted = "\n\n".join(f'"{s}"' for s in said)
    a_body = "\n\n".join(
        [
            "Hollin council announced an audit of its harbour spending on Monday.",
            quoted,
            "The harbour project was meant to be finished two winters ago.",
            "Its budget has grown by a third since the first contract was signed.",
            "Fishermen say the unfinished quay has kept larger boats away all year.",
        ]
    )
    b_body = "\n\n".join(
        [
            "Critics of the council said the statement came two years too late for them.",
            "A local builders' group asked for the names of the firms under review.",
            quoted,
            "The opposition leader called for an independent inquiry instead of an audit.",
            "Residents near the harbour have waited since the spring for the road to reopen.",
        ]
    )
    a, b = make("a", a_body, "Hollin Post"), make("b", b_body, "Fen Observer")
    quotes = {
        r.id: tuple(
            Quote(s, r.body.index(s), r.body.index(s) + len(s), "direct", "the council") for s in said
        )
        for r, _ in (a, b)
    }
    a = (a[0], Analysis("a", quotes=quotes["a"], sentences=sentences(a_body)))
    b = (b[0], Analysis("b", quotes=quotes["b"], sentences=sentences(b_body)))
    assert not near_identical(a_body, b_body)
    assert _groups([a, b]) == {"a": "a", "b": "b"}


def test_a_few_shared_sentences_are_not_enough():
    """Three reporter's sentences in common (under four), about half of each report: not one origin."""
    shared = [TRUCKS, COST, FERRY]
    a_body = "\n\n".join(
        [
            "The mayor cut a ribbon at the western end of the new bridge on a windy morning.",
            *shared,
            "Schoolchildren painted the fence along the footpath in the colours of the town.",
            "The first car across belonged to a retired ferry captain who had waited since dawn.",
        ]
    )
    b_body = "\n\n".join(
        [
            "A brass band from the Kessholm school played for the crowd before the speeches.",
            "Street vendors sold roasted chestnuts along both banks of the river.",
            *shared,
            "Police closed the old ferry road for the afternoon to make room for the parade.",
        ]
    )
    assert not near_identical(a_body, b_body)
    assert _groups([make("a", a_body, "Hollin Post"), make("b", b_body, "Fen Observer")]) == {
        "a": "a",
        "b": "b",
    }


def test_a_long_report_that_takes_in_a_few_wire_paragraphs_is_not_a_rewrite():
    """Four wire sentences among a dozen of each report's own: under half of either, not one origin."""
    shared = [TRUCKS, COST, FERRY, CYCLISTS]
    a_own = [
        "The mayor cut a ribbon at the western end of the new bridge on a windy morning.",
        "Schoolchildren painted the fence along the footpath in the colours of the town.",
        "The first car across belonged to a retired ferry captain who had waited since dawn.",
        "Two hot-air balloons drifted over the river during the afternoon speeches.",
        "A choir from the cathedral sang a hymn written for the occasion by its organist.",
        "Bakers along the quay sold bread shaped like the arches of the new crossing.",
        "Several veterans of the old ferry crews wore their uniforms for the ceremony.",
        "Fireworks were postponed until Sunday because of the strong gusts from the west.",
    ]
    b_own = [
        "A brass band from the Kessholm school played for the crowd before the speeches.",
        "Street vendors sold roasted chestnuts along both banks of the river.",
        "Police closed the old ferry road for the afternoon to make room for the parade.",
        "An architect who drew the first sketches in 1998 watched from a wheelchair.",
        "Environmental groups asked the council to monitor the nesting herons under the deck.",
        "Hotel owners in the old town reported every room booked for the weekend.",
        "The regional railway added two evening trains for visitors heading home.",
        "Pickpockets were arrested near the eastern ramp, according to a police spokesman.",
    ]
    a_body = "\n\n".join([*a_own[:4], *shared, *a_own[4:]])
    b_body = "\n\n".join([*b_own[:3], *shared, *b_own[3:]])
    a, b = make("a", a_body, "Hollin Post"), make("b", b_body, "Fen Observer")
    assert not near_identical(a_body, b_body)
    assert _groups([a, b]) == {"a": "a", "b": "b"}


def test_a_source_is_shown_by_the_first_backing_reports_own_outlet():
    sources = {"rewrite": "lakesidegazette", "brief": "lakesidegazette", "other": "riversidetimes"}
    own = {"rewrite": "northshoredaily", "brief": "valleycourier", "other": "riversidetimes"}
    analyses = {k: Analysis(k) for k in sources}
    cites = [Citation("rewrite", 0, 5), Citation("brief", 0, 5), Citation("other", 0, 5)]
    assert independent_sources(cites, analyses, sources) == ("lakesidegazette", "riversidetimes")
    assert independent_sources(cites, analyses, sources, own) == ("northshoredaily", "riversidetimes")


@pytest.mark.slow
def test_compare_collapses_wire_rewrites_and_keeps_their_own_lines(bridge_story):
    comparison = compare_story(bridge_story, story_id="bridge")
    assert comparison.copies == {"rewrite": "origin", "brief": "origin"}

    def claim(words: str):
        return next(c for c in comparison.claims if words in c.text)

    trucks = claim("48 loaded trucks")
    assert set(trucks.reports) == {"origin", "rewrite", "brief"}
    assert trucks.independent_sources == 1  # one wire story, three sites
    cost = claim("212 million euros")
    assert set(cost.reports) == {"origin", "rewrite", "brief", "independent"}
    assert cost.independent_sources == 2
    # a line only the rewrite carries is its own, shown under its own outlet
    assert any("commuters" in c.text for c in comparison.only_in["rewrite"])
    assert claim("commuters").origins == ("Northshore Daily",)
