"""Seed acceptance for events: the meetings of ``seeds.gold.json`` are found, placed and dated.

The two seed reports are read from ``../shared/corpus`` (never copied here); the body is the text
after the headline line. Each gold MEET event must appear as a CONSULT event whose participants
cover the gold actors, with the gold place and the gold day, in every report the gold lists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
GOLD = CORPUS / "seeds.gold.json"
# The reports' publication dates as the gold file reasons them (the clean stage infers these).
PUBLISHED = {"000_5043b6e3fcac2213.txt": "2018-02-03", "004_e1024a409aaaa7af.txt": "2018-01-29"}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GOLD.is_file(), reason="shared corpus not available"),
]


def _meetings() -> list[dict]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return [e for e in gold["events"] if e["type"].startswith("MEET") and e.get("where")]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2}


def _covers(gold_actor: str, names: tuple[str, ...]) -> bool:
    """A gold actor ("Nikolai Patrushev (Russian delegation)") is covered by a predicted name sharing a word."""
    return any(_words(gold_actor) & _words(name) for name in names)


def _events(report: str):  # noqa: ANN202 - list of Event
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.events import extract_events
    from crosswire.analyze.nlp import load
    from crosswire.analyze.time import resolve_times

    text = (CORPUS / "seeds" / report).read_text(encoding="utf-8")
    body = text.split("\n", 1)[1].strip()
    doc = load()(body)
    return extract_events(doc, canonical_entities(doc), resolve_times(doc, PUBLISHED[report]))


@pytest.mark.parametrize(
    ("index", "report"),
    [(i, r) for i, e in enumerate(_meetings() if GOLD.is_file() else []) for r in e["reports"]],
)
def test_gold_meeting_is_found(index: int, report: str) -> None:
    gold = _meetings()[index]
    day = gold["when"][:10]
    found = _events(report)
    consults = [e for e in found if e.kind == "CONSULT"]
    matching = [
        e
        for e in consults
        if all(_covers(a, e.actors + e.targets) for a in gold["actors"])
        and e.where == gold["where"]
        and e.when == day
    ]
    assert matching, f"no CONSULT of {gold['actors']} in {gold['where']} on {day}; got {consults}"
