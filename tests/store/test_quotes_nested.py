"""``queries.quotes`` lists a direct quote inside a same-report partial quote once, as the partial
quote: ``said the talks were "frank"`` is one statement, not two rows in who-said-what."""

from __future__ import annotations

from pathlib import Path

from crosswire.model import Analysis, Quote, Report
from crosswire.store import Store, queries

RID = "a1b2c3d4e5f6a7b8c9d0"
BODY = 'The minister said the talks were "frank and useful." Later she said: "We will meet again."'


def _quote(text: str, kind: str) -> Quote:
    start = BODY.index(text)
    return Quote(text, start, start + len(text), kind, "Ana Ruiz")  # type: ignore[arg-type]


def test_direct_quote_inside_partial_is_listed_once(tmp_path: Path) -> None:
    partial = _quote('the talks were "frank and useful."', "partial")
    nested = _quote("frank and useful.", "direct")
    alone = _quote("We will meet again.", "direct")
    with Store.open(tmp_path / "q.db") as store:
        store.add_report(
            Report(RID, "https://a.example/q", "Talks", BODY, outlet="Quay Post"),
            Analysis(RID, quotes=(partial, nested, alone)),
            None,
            None,
        )
        listed = [(q["kind"], q["text"]) for q in queries.quotes(store.conn)]
        every = [(q["kind"], q["text"]) for q in queries.quotes(store.conn, nested=True)]
    assert listed == [("partial", partial.text), ("direct", alone.text)]
    assert every == [("partial", partial.text), ("direct", nested.text), ("direct", alone.text)]
