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
        "The council voted. Updated: March 4, 2020, with the final count.",  # update stamp in the text
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


@pytest.mark.parametrize(
    ("body", "title", "day", "reason"),
    [
        (
            "May 02, 2013\n\nThe mayor opened the ferry.",
            None,
            "2013-05-02",
            "dateline 'May 02, 2013' at the top",
        ),
        ("14 June 2013\n\nThe mayor opened the ferry.", None, "2013-06-14", "dateline '14 June 2013'"),
        (
            "Updated: July 7, 2012, 10: 04 PM ET\n\nThe mayor opened the ferry on Saturday.",
            None,
            "2012-07-07",
            "update stamp 'Updated: July 7, 2012, 10: 04 PM ET' at the top of the text",
        ),
        (
            "First Published: June 13, 2013 4:59 PM EDT\n\nThe mayor opened the ferry.",
            None,
            "2013-06-13",
            "publication stamp 'First Published: June 13, 2013 4:59 PM EDT'",
        ),
        ("on Jul 7 2012, 5: 55p\n\nThe mayor opened the ferry.", None, "2012-07-07", "dateline"),
        ("PTN Nov 12, 2011, 05. 51AM IST PORTSEA:\n\nThe mayor opened it.", None, "2011-11-12", "dateline"),
        ("By Jane Roe\nMarch 4, 2020\nThe mayor opened the ferry.", None, "2020-03-04", "dateline"),
        # A stamp glued to the first paragraph by a single newline still opens the text.
        (
            "Posted: Jul 07, 2012 7:40 PM ET The mayor opened the ferry.",
            None,
            "2012-07-07",
            "publication stamp",
        ),
        # The scraper's line 1 (the headline) is the stamp; dotted numeric dates are day.month.year.
        (
            "The mayor opened the ferry.",
            "Article posted on 08. 07. 2012",
            "2012-07-08",
            "at the headline line",
        ),
        (
            "The mayor opened the ferry.",
            "Updated: November 11, 2011 20: 09 IST",
            "2011-11-11",
            "update stamp",
        ),
    ],
)
def test_a_time_stamp_at_the_top_is_the_publication_date(
    body: str, title: str | None, day: str, reason: str
) -> None:
    got = infer_published(body, title=title)
    assert got is not None and got.published == day
    assert reason in got.reason


def test_published_stamp_is_preferred_to_an_update_stamp() -> None:
    body = "Last Updated: Jul 09, 2012 8:44 PM ET\n\nPosted: Jul 07, 2012 7:40 PM ET\n\nThe mayor spoke."
    got = infer_published(body)
    assert got is not None and got.published == "2012-07-07"
    assert got.reason.startswith("publication stamp 'Posted: Jul 07, 2012 7:40 PM ET'")
    assert "preferred to the update stamp of 2012-07-09" in got.reason


def test_not_a_stamp() -> None:
    # Prose that opens with a date, a date deep in the text, an ambiguous slashed date: no stamp.
    assert infer_published("The council met on March 4, 2019 to vote on the ferry.") is None
    assert infer_published("03/04/2020\n\nThe council met.") is None
    filler = "The council met again to talk about the ferry and the harbour. " * 8
    assert infer_published(filler + "\n\nMay 02, 2013\n\nMore talks.") is None
    # A headline that names a date among other words is a headline date, not a stamp.
    got = infer_published("Hello.", title="Harbour Report, 6 August 2019")
    assert got is not None and got.reason.startswith("headline dated")


@pytest.mark.parametrize(
    "text",
    [
        "The champion will defend his title against a challenger in Portsea on Saturday, Sept. 8, 2012.",
        "The rematch is scheduled for Saturday, Sept. 8, 2012, in Portsea.",
        "His next bout is on Saturday, Sept. 8, 2012.",
        "The champion'll defend his belt in the harbour arena on Saturday, Sept. 8, 2012.",
    ],
)
def test_a_future_date_is_not_the_publication_date(text: str) -> None:
    assert full_dates(text) == []
    assert infer_published(text) is None
