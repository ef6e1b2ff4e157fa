"""Publication-date inference from a report's own words (invented text)."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.clean.dates import full_dates, infer_published


def test_full_date_shapes() -> None:
    text = (
        "Signed on March 4, 2020, amended 5 June 2021, reviewed 2022-01-31 and Jan. 7, 2023; not 2022-02-30."
    )
    assert [d for d, _, _ in full_dates(text)] == [
        date(2020, 3, 4),
        date(2021, 6, 5),
        date(2022, 1, 31),
        date(2023, 1, 7),
    ]
    day, matched, start = full_dates("Since 5 June 2021.")[0]
    assert (day, matched, start) == (date(2021, 6, 5), "5 June 2021", 6)


def test_future_dates_do_not_anchor() -> None:
    assert full_dates("The vote is scheduled for March 4, 2020.") == []
    assert full_dates("Elections will be held on 5 June 2021.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Wednesday, March 4, 2020, to vote.",  # its weekday beside it
        "PORTSEA, March 4, 2020 — The council voted.",  # dateline
        "Updated: March 4, 2020. The council voted.",  # update stamp
        "Great news for the port — Harbour Office (@harbouroffice) March 4, 2020",  # embedded post
    ],
)
def test_dates_tied_to_the_present_anchor(text: str) -> None:
    got = infer_published(text)
    assert got is not None and got.published == "2020-03-04"
    assert got.reason.startswith("text dated 2020-03-04")


def test_history_in_running_text_does_not_anchor() -> None:
    # News style gives the year only for other years: this is history, not the writer's day.
    body = "The port has been closed since the storm of March 4, 2019, which flooded the docks."
    assert infer_published(body) is None


def test_no_full_date_means_no_estimate() -> None:
    assert infer_published("The ferry union struck on Monday, officials said earlier this week.") is None


def test_anchor_alone() -> None:
    got = infer_published(
        "The port reopened.", captions=["Dock workers in Portsea, Northland March 4, 2020."]
    )
    assert got is not None
    assert got.published == "2020-03-04"
    assert "caption dated 2020-03-04" in got.reason


def test_latest_anchor_wins() -> None:
    got = infer_published(
        "The deal of Thursday, May 2, 2019 was replaced.",
        captions=["Signing in Portsea, Northland 6 August 2019."],
    )
    assert got is not None and got.published == "2019-08-06"
    got = infer_published("Hello.", title="Harbour Report, 6 August 2019")
    assert got is not None and got.reason.startswith("headline dated 2019-08-06")


def test_earlier_this_week_and_past_weekday_move_forward() -> None:
    # 2020-03-02 is a Monday; Thursday after it is 2020-03-05, the week ends Sunday 2020-03-08.
    body = (
        "The mayors met earlier this week in Portsea. A local paper reported on Thursday that talks stalled."
    )
    got = infer_published(body, captions=["The mayors in Portsea, Northland March 2, 2020."])
    assert got is not None
    assert got.published == "2020-03-05"
    assert "'earlier this week'" in got.reason and "'reported on Thursday'" in got.reason
    assert "→ 2020-03-05" in got.reason


def test_earlier_this_week_alone_is_the_next_day() -> None:
    got = infer_published(
        "They met earlier this week.", captions=["Mayors in Portsea, Northland March 2, 2020."]
    )
    assert got is not None and got.published == "2020-03-03"


def test_weekday_without_a_week_phrase_does_not_move() -> None:
    got = infer_published(
        "A local paper reported on Thursday.", captions=["Portsea, Northland March 2, 2020."]
    )
    assert got is not None and got.published == "2020-03-02"


def test_weekday_beyond_the_week_is_ignored() -> None:
    # Anchor Saturday 2020-03-07: "on Friday" would be 2020-03-13, outside "this week" (ends 2020-03-08).
    got = infer_published(
        "This week's summit opened. Delegates arrived on Friday.",
        captions=["Portsea, Northland March 7, 2020."],
    )
    assert got is not None
    assert got.published == "2020-03-07"


def test_last_week_is_not_a_clue() -> None:
    got = infer_published(
        "The accord signed last week is fraying.", captions=["Portsea, Northland March 4, 2020."]
    )
    assert got is not None and got.published == "2020-03-04"


def test_future_weekday_does_not_move() -> None:
    got = infer_published(
        "Earlier this week the union said it will strike on Friday.",
        captions=["Portsea, Northland March 2, 2020."],
    )
    assert got is not None and got.published == "2020-03-03"
