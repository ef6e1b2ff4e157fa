"""A small invented store for CLI tests: one story with two reports from the same outlet (all text invented)."""

from __future__ import annotations

from pathlib import Path

from crosswire.model import Analysis, Entity, Event, Mention, Quote, Report, Story
from crosswire.store import Store

STORY = "st-5e1f0a9c2b7d4e61"  # full length, as the pipeline makes them
REPORT_A = "a3c9e1f27b4d6a80e5f1"
REPORT_B = "b7d2f4a61c9e3b05d8a2"
BODY_A = (
    'Harbour Minister Ada Vell said on Tuesday: "We will open the northern pier before winter."\n\n'
    "The council of Port Quill will vote on Friday."
)
BODY_B = 'Ada Vell told reporters the pier "will open before winter", officials said.'


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def build(path: Path | str) -> str:
    """Write the store at ``path`` and return the path as a string."""
    vell = Entity(
        "ada-vell",
        "Ada Vell",
        "PERSON",
        aliases=("Harbour Minister Vell",),
        mentions=(Mention("ada-vell", *_span(BODY_A, "Ada Vell"), "Ada Vell"),),
    )
    quill = Entity(
        "port-quill",
        "Port Quill",
        "GPE",
        mentions=(Mention("port-quill", *_span(BODY_A, "Port Quill"), "Port Quill"),),
    )
    qa = _span(BODY_A, "We will open the northern pier before winter.")
    qb = _span(BODY_B, "will open before winter")
    with Store.open(path) as store:
        store.add_report(
            Report(
                REPORT_A,
                "https://a.example/pier",
                "Pier to open",
                BODY_A,
                outlet="Quill Times",
                published="2024-03-05",
            ),
            Analysis(
                REPORT_A,
                entities=(vell, quill),
                quotes=(
                    Quote(BODY_A[qa[0] : qa[1]], *qa, "direct", "Ada Vell", "ada-vell"),
                    Quote(
                        "the northern pier",
                        *_span(BODY_A, "the northern pier"),
                        "partial",
                        None,
                        attribution="scare",
                    ),
                ),
                events=(Event("AGREE", ("Ada Vell",), ("Port Quill",), "Port Quill", "2024-03-05", *qa),),
            ),
            None,
            STORY,
        )
        store.add_report(
            Report(
                REPORT_B,
                "https://b.example/pier",
                "Pier plan",
                BODY_B,
                outlet="Quill Times",
                published="2024-03-06",
            ),
            Analysis(
                REPORT_B,
                entities=(Entity("ada-vell", "Ada Vell", "PERSON"),),
                quotes=(Quote(BODY_B[qb[0] : qb[1]], *qb, "partial", "Ada Vell", "ada-vell"),),
            ),
            None,
            STORY,
        )
        store.save_story(
            Story(
                STORY,
                "Northern pier",
                (REPORT_A, REPORT_B),
                ("Ada Vell", "Port Quill"),
                "2024-03-05",
                "2024-03-06",
            )
        )
    return str(path)
