"""An invented three-report story (fictional town, outlets and people) for compare and brief tests."""

from __future__ import annotations

import re

import pytest

from crosswire.model import Analysis, Quote, Report

LEDGER = (
    "Floodwaters swept through the harbour town of Port Aldren on Tuesday, forcing 1,200 residents from their homes."
    '\n\nMayor Elena Varga said the town had "never seen water rise this fast, and we will rebuild every street."'
    "\n\nThe regional weather office recorded 140 millimetres of rain in a single night."
    "\n\nVolunteers from the local rowing club ferried elderly residents to the school gymnasium by boat."
)
COASTAL = (
    "Heavy flooding hit Port Aldren on Tuesday and about 1,500 residents were forced to leave their homes."
    '\n\n"We have never seen the water rise this quickly, and we will rebuild every single street," '
    "Mayor Elena Varga told reporters."
    "\n\nThe regional weather office recorded 140 millimetres of rain overnight."
    "\n\nThe national rail operator suspended all trains to the coast until Friday morning."
)
HERALD = LEDGER + "\n\nDistributed by the Ledger wire service."


def sentences(body: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans by a plain rule: the invented text ends every sentence with a full stop."""
    spans = []
    for m in re.finditer(r"[^\n]+?(?:[.!?][\"”]?(?=\s|$)|$)", body):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return tuple(spans)


def quote(body: str, text: str, speaker: str | None, relayed_via: tuple[str, ...] = ()) -> Quote:
    start = body.index(text)
    return Quote(text, start, start + len(text), "direct", speaker, relayed_via=relayed_via)


def make(rid: str, body: str, outlet: str, quotes: tuple[Quote, ...] = (), **kw) -> tuple[Report, Analysis]:
    report = Report(id=rid, uri=f"file:{rid}", title=None, body=body, outlet=outlet, **kw)
    return report, Analysis(report_id=rid, quotes=quotes, sentences=sentences(body))


@pytest.fixture
def flood_story() -> list[tuple[Report, Analysis]]:
    q_ledger = quote(
        LEDGER, "never seen water rise this fast, and we will rebuild every street.", "Elena Varga"
    )
    q_coastal = quote(
        COASTAL,
        "We have never seen the water rise this quickly, and we will rebuild every single street,",
        "Elena Varga",
    )
    q_herald = quote(HERALD, q_ledger.text, "Elena Varga")
    return [
        make("ledger", LEDGER, "Northern Ledger", (q_ledger,), published="2031-03-05"),
        make("coastal", COASTAL, "Coastal Times", (q_coastal,), published="2031-03-04"),
        make("herald", HERALD, "Valley Herald", (q_herald,), published="2031-03-06"),
    ]
