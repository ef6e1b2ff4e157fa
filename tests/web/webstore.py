"""A small invented store: two outlets, one story with a digest, and a hostile report (all text invented)."""

from __future__ import annotations

from crosswire.model import Analysis, Entity, Event, Mention, Quote, Report, Story
from crosswire.store import Store

BODY_A = (
    'Harbour Minister Ada Vell said on Tuesday: "We will open the northern pier before winter."\n\n'
    "Fishermen in Port Quill welcomed the plan, which costs 40 million crowns.\n\n"
    "The council will vote on Friday."
)
BODY_B = (
    'Ada Vell told reporters: "We shall open the northern pier before the winter."\n\n'
    "The plan costs 45 million crowns, officials said."
)
HOSTILE = "Ordinary words.\n\n<script>alert(1)</script> and <img src=x onerror=alert(2)> end."


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def quote_a() -> tuple[int, int]:
    return _span(BODY_A, "We will open the northern pier before winter.")


def quote_b() -> tuple[int, int]:
    return _span(BODY_B, "We shall open the northern pier before the winter.")


def build(path) -> None:
    """Write the invented store: story s-pier (reports ra, rb) with a digest; story s-odd (rh)."""
    qa, qb = quote_a(), quote_b()
    vell = Entity(
        "ada-vell",
        "Ada Vell",
        "PERSON",
        mentions=(Mention("ada-vell", *_span(BODY_A, "Ada Vell"), "Ada Vell"),),
    )
    with Store.open(path) as store:
        store.add_report(
            Report(
                "ra",
                "https://a.example/pier",
                "Pier to open",
                BODY_A,
                outlet="Quill Times",
                published="2024-03-05",
                language="en",
            ),
            Analysis(
                "ra",
                entities=(vell,),
                quotes=(Quote(BODY_A[qa[0] : qa[1]], *qa, "direct", "Ada Vell", "ada-vell"),),
                events=(Event("AGREE", ("Ada Vell",), ("Port Quill",), "Port Quill", "2024-03-05", *qa),),
            ),
            None,
            "s-pier",
        )
        store.add_report(
            Report(
                "rb",
                "https://b.example/pier",
                "Pier plan",
                BODY_B,
                outlet="Harbour Post",
                published="2024-03-06",
                language="en",
            ),
            Analysis(
                "rb",
                entities=(Entity("ada-vell", "Ada Vell", "PERSON"),),
                quotes=(Quote(BODY_B[qb[0] : qb[1]], *qb, "direct", "Ada Vell", "ada-vell"),),
                events=(Event("VISIT", ("Ada Vell",), (), None, "2024-03-08", 0, 10),),
            ),
            None,
            "s-pier",
        )
        store.add_report(
            Report(
                "rh",
                None,
                "Odd <b>title</b>",
                HOSTILE,
                outlet="Elsewhere",
                published="2023-01-01",
                language="fr",
            ),
            Analysis("rh"),
            None,
            "s-odd",
        )
        num_a, num_b = _span(BODY_A, "40 million crowns"), _span(BODY_B, "45 million crowns")
        council = _span(BODY_A, "The council will vote on Friday.")
        digest = {
            "brief": [
                {
                    "text": "The pier will open.",
                    "citations": [{"report_id": "ra", "start": qa[0], "end": qa[1]}],
                }
            ],
            "timeline": [{"when": "2024-03-05", "text": "Plan announced", "report_ids": ["ra"]}],
            "variants": [
                {
                    "speaker": "Ada Vell",
                    "members": [
                        {"report_id": "ra", "start": qa[0], "end": qa[1], "text": ""},
                        {"report_id": "rb", "start": qb[0], "end": qb[1], "text": ""},
                    ],
                    "differing": [[list(_span(BODY_A, "will"))], [list(_span(BODY_B, "shall"))]],
                }
            ],
            "only_in": {"ra": [{"report_id": "ra", "start": council[0], "end": council[1], "text": ""}]},
            "contradictions": [
                {
                    "what": "cost",
                    "kind": "number",
                    "values": ["40", "45"],
                    "members": [
                        {"report_id": "ra", "start": num_a[0], "end": num_a[1]},
                        {"report_id": "rb", "start": num_b[0], "end": num_b[1]},
                    ],
                }
            ],
            "claims": [
                {
                    "text": "pier",
                    "citations": [
                        {"report_id": "ra", "start": qa[0], "end": qa[1]},
                        {"report_id": "rb", "start": qb[0], "end": qb[1]},
                    ],
                    "reports": ["ra", "rb"],
                    "independent_sources": 2,
                }
            ],
        }
        store.save_story(
            Story(
                "s-pier",
                "Northern pier",
                ("ra", "rb"),
                ("Ada Vell", "Port Quill"),
                "2024-03-05",
                "2024-03-06",
            ),
            digest,
        )
        store.save_story(Story("s-odd", "Odd one", ("rh",), (), "2023-01-01", "2023-01-01"))


RLO, PDF = "\u202e", "\u202c"
LONG_WORD = "Quillhaven" * 500  # one 5,000-character word
TOKEN_10K = "A" * 10_000  # one 10,000-character token, as a hostile report made an entity of
BODY_W = (
    f"The ferry {RLO}leaves at noon, the operator said.\n\n"
    f"Passengers queued at the {LONG_WORD} terminal.\n\n"
    "Tickets cost the same as before."
)


def add_wild(path) -> None:
    """Story s-wild (report rw, undated): direction overrides in its title, outlet, body and brief, and a 5,000-char word."""
    leaves = _span(BODY_W, "leaves at noon")
    long = _span(BODY_W, LONG_WORD)
    with Store.open(path) as store:
        store.add_report(
            Report(
                "rw",
                None,
                f"Ferry {RLO}times{PDF} change",
                BODY_W,
                outlet=f"Quill {RLO}Gazette",
                published=None,
                language="en",
            ),
            Analysis(
                "rw",
                entities=(Entity(TOKEN_10K.lower(), TOKEN_10K, "ORG"),),
                quotes=(
                    Quote(BODY_W[long[0] - 25 : long[1]], long[0] - 25, long[1], "direct", "Ida Marr", None),
                ),
            ),
            None,
            "s-wild",
        )
        digest = {
            "brief": [
                {
                    "text": f"The ferry {RLO}leaves at noon, the operator said.",
                    "citations": [{"report_id": "rw", "start": leaves[0], "end": leaves[1]}],
                },
                {"text": f"Passengers queued at the {LONG_WORD} terminal.", "citations": []},
            ]
        }
        store.save_story(
            Story("s-wild", f"Ferry {LONG_WORD}", ("rw",), ("Ida Marr", TOKEN_10K), None, None), digest
        )
