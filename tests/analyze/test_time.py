"""Time expressions resolved against the published date (invented sentences only)."""

from __future__ import annotations

import pytest

from crosswire.analyze.time import resolve, resolve_times

SATURDAY = "2018-02-03"
MONDAY = "2018-01-29"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Monday", MONDAY, "2018-01-29"),
        ("on Monday", SATURDAY, "2018-01-29"),
        ("on Friday", SATURDAY, "2018-02-02"),
        ("Friday", MONDAY, "2018-01-26"),
        ("yesterday", SATURDAY, "2018-02-02"),
        ("today", SATURDAY, "2018-02-03"),
        ("two days ago", SATURDAY, "2018-02-01"),
        ("3 weeks ago", SATURDAY, "2018-01-13"),
        ("this week", SATURDAY, "2018-01-29/2018-02-04"),
        ("earlier this week", SATURDAY, "2018-01-29/2018-02-02"),
        ("later this week", MONDAY, "2018-01-30/2018-02-04"),
        ("last week", SATURDAY, "2018-01-22/2018-01-28"),
        ("next week", SATURDAY, "2018-02-05/2018-02-11"),
        ("last month", SATURDAY, "2018-01-01/2018-01-31"),
        ("last year", SATURDAY, "2017-01-01/2017-12-31"),
        ("in 2016", SATURDAY, "2016-01-01/2016-12-31"),
        ("at the end of the month", SATURDAY, "2018-01-25/2018-01-31"),
        ("at the end of the month", "2018-01-20", "2017-12-25/2017-12-31"),  # past: last month's end
        ("January 29, 2018", None, "2018-01-29"),
        ("29 January 2018", None, "2018-01-29"),
        ("2018-01-29", None, "2018-01-29"),
        ("Jan. 29", SATURDAY, "2018-01-29"),
        ("Dec. 30", "2018-01-05", "2017-12-30"),
        ("March", SATURDAY, "2017-03-01/2017-03-31"),
        ("the weekend", MONDAY, "2018-01-27/2018-01-28"),
    ],
)
def test_resolve(text: str, published: str | None, expected: str) -> None:
    assert resolve(text, published) == expected


@pytest.mark.parametrize("text", ["on Monday", "this week", "yesterday", "Jan. 29", "two days ago"])
def test_relative_phrases_need_a_published_date(text: str) -> None:
    assert resolve(text, None) is None


def test_future_prefers_the_next_occurrence() -> None:
    assert resolve("on Friday", MONDAY, future=True) == "2018-02-02"
    assert resolve("on Monday", SATURDAY, future=True) == "2018-02-05"
    assert resolve("at the end of the month", "2018-01-20", future=True) == "2018-01-25/2018-01-31"


@pytest.mark.parametrize(
    "text",
    ["90 days", "the 90 days", "for three weeks", "18 months", "two years", "the past 30 days", "a 90-day"],
)
def test_a_length_of_time_is_not_a_date(text: str) -> None:
    assert resolve(text, "2013-05-02") is None
    assert resolve(text, "2013-05-02", future=True) is None


def test_anchored_lengths_and_month_words() -> None:
    assert resolve("90 days ago", "2013-05-02") == "2013-02-01"
    assert resolve("decades", "2013-05-02") is None  # not December
    assert resolve("Dec. 5", "2013-05-02") == "2012-12-05"
    assert resolve("the 1990s", "2013-05-02") == "1990-01-01/1999-12-31"


def test_vague_phrases_stay_unresolved() -> None:
    assert resolve("recently", SATURDAY) is None
    assert resolve("the past decade", SATURDAY) is None


@pytest.mark.slow
def test_resolve_times_spans_index_the_body() -> None:
    from crosswire.analyze.nlp import load

    body = (
        "The ministers met on Monday in Oslo.\n\n"
        "They will meet again on Friday, officials said, after talks that began earlier this week. "
        "The treaty was signed on 2017-03-14 and renewed two days ago."
    )
    doc = load()(body)
    found = resolve_times(doc, "2018-01-31")  # a Wednesday
    for t in found:
        assert body[t.start : t.end] == t.text
    by_text = {t.text.removeprefix("on ").strip(): t.value for t in found}
    assert by_text["Monday"] == "2018-01-29"
    assert by_text["Friday"] == "2018-02-02"  # future tense: the coming Friday
    assert by_text["earlier this week"] == "2018-01-29/2018-01-30"
    assert by_text["2017-03-14"] == "2017-03-14"
    assert by_text["two days ago"] == "2018-01-29"


@pytest.mark.slow
def test_durations_are_not_time_points() -> None:
    from crosswire.analyze.nlp import load

    doc = load()("The session lasted an hour and a half on Tuesday.")
    found = resolve_times(doc, "2018-01-31")
    assert [t.value for t in found] == ["2018-01-30"]


@pytest.mark.slow
def test_a_sentence_served_is_not_a_date() -> None:
    from crosswire.analyze.nlp import load

    doc = load()("A judge ordered her to serve 90 days in a clinic, and she checked in on Thursday.")
    found = resolve_times(doc, "2013-05-02")
    assert all("90 days" not in t.text for t in found)
    assert "2013-02-01" not in [t.value for t in found]
    assert [t.value for t in found if "Thursday" in t.text] == ["2013-05-02"]


@pytest.mark.slow
def test_resolve_times_without_a_parser_does_not_crash():
    from crosswire.analyze.nlp import load

    nlp = load()
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp("The ministers met on Monday and will meet again on Friday.")
    found = resolve_times(doc, "2026-03-04")
    assert [t.value for t in found if t.text.endswith("Monday")] == ["2026-03-02"]
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp("“We meet again today,” the minister said.")
    assert [(t.text, t.value) for t in resolve_times(doc, "2026-03-04")] == [("today", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "last/next/this" + a month name: the month's previous / next / current occurrence
        ("last December", "2016-09-27", "2015-12-01/2015-12-31"),
        ("last September", "2016-09-27", "2015-09-01/2015-09-30"),
        ("last August", "2016-09-27", "2016-08-01/2016-08-31"),
        ("next March", "2016-09-27", "2017-03-01/2017-03-31"),
        ("this December", "2016-09-27", "2016-12-01/2016-12-31"),
        # the night before the report
        ("last night", "2016-09-08", "2016-09-07"),
        ("late last night", "2016-09-08", "2016-09-07"),
        # a deadline at midnight on a weekday
        ("midnight Friday", "2016-09-23", "2016-09-23"),
        ("Friday at midnight", "2016-09-21", "2016-09-16"),
    ],
)
def test_month_names_last_night_and_midnight(text: str, published: str, expected: str) -> None:
    assert resolve(text, published) == expected


@pytest.mark.slow
def test_a_name_the_tagger_glues_to_a_date_does_not_lose_the_date() -> None:
    """spaCy tags "Last week Stumpf" as one DATE; the name must not cost "last week" its value."""
    from crosswire.analyze.nlp import load

    text = "Last week Stumpf in a televised interview appeared to blame low-level workers."
    found = resolve_times(load()(text), "2016-09-20")
    assert [(t.text, t.value) for t in found][:1] == [("Last week", "2016-09-12/2016-09-18")]


def test_a_present_tense_condition_speaks_of_the_future() -> None:
    """ "if he is the nominee in November", written in March: English puts that future in the present,
    so the month ahead is meant; "if he won Ohio in March" stays in the past."""
    from crosswire.analyze.nlp import load

    nlp = load()
    ahead = "Voters see Ada Quell as the stronger candidate if she is the party's nominee in November."
    assert [t.value for t in resolve_times(nlp(ahead), "2031-03-16")] == ["2031-11-01/2031-11-30"]
    past = "If she won Varna in March, she would lead the race."
    assert [t.value for t in resolve_times(nlp(past), "2031-03-16")] == ["2031-03-01/2031-03-31"]


def test_a_wish_for_later_speaks_of_the_future() -> None:
    """ "would like to make November's election a battle", written in July: this November."""
    from crosswire.analyze.nlp import load

    nlp = load()
    ahead = "The governor would like to make November’s election a contest about competence."
    assert [t.value for t in resolve_times(nlp(ahead), "2031-07-27")] == ["2031-11-01/2031-11-30"]
    back = "She would like to have visited Varna in March."
    assert [t.value for t in resolve_times(nlp(back), "2031-07-27")] == ["2031-03-01/2031-03-31"]


def test_tonight_inside_a_quote_is_the_speakers_not_the_reports() -> None:
    """A report of Friday quoting a speech: "tonight" is the night the words were said, when the
    report says so; else no day at all, never the report's own."""
    from crosswire.analyze.nlp import load

    nlp = load()
    said_when = "“Tonight, I ask you to do for her what you did for me,” Mr. Arden said Wednesday night."
    values = {t.text: t.value for t in resolve_times(nlp(said_when), "2031-08-01")}
    assert values == {"Tonight": "2031-07-30", "Wednesday night": "2031-07-30"}
    unsaid = (
        "Mr. Arden spoke of his faith. ''Tonight, I ask you to do for her what you did for me,'' he said."
    )
    assert [(t.text, t.value) for t in resolve_times(nlp(unsaid), "2031-08-01")] == [("Tonight", None)]
    # another verb's day is not the saying's: he took the stage then, said it who knows when
    took = "Mr. Arden took the stage Wednesday night. “Tonight, I ask you to vote,” he said."
    assert {t.text: t.value for t in resolve_times(nlp(took), "2031-08-01")}["Tonight"] is None
    # the writer's own "tonight" is the report's
    assert [t.value for t in resolve_times(nlp("The vote is tonight, officials said."), "2031-08-01")] == [
        "2031-08-01"
    ]


def test_a_scheduled_event_in_a_month_without_a_year_is_ahead() -> None:
    """ "stay in the race through the convention in July", written in May: this July, whatever the
    clause's verb (trial 8: dated July of the year before); told in the past, it stays behind."""
    from crosswire.analyze.nlp import load

    nlp = load()
    ahead = "It could also encourage Mr. Marr to stay in the race through the party convention in July."
    assert [t.value for t in resolve_times(nlp(ahead), "2031-05-27")] == ["2031-07-01/2031-07-31"]
    told = "Delegates gathered at the convention in July."
    assert [t.value for t in resolve_times(nlp(told), "2031-09-10")] == ["2031-07-01/2031-07-31"]
    back = "Delegates gathered at the convention in July."
    assert [t.value for t in resolve_times(nlp(back), "2031-05-27")] == ["2030-07-01/2030-07-31"]
    forced = "She was forced to step down on the eve of the party convention in July."
    assert [t.value for t in resolve_times(nlp(forced), "2031-09-08")] == ["2031-07-01/2031-07-31"]
    vowed = "Marr vowed to stay in the race until the convention in July."
    assert [t.value for t in resolve_times(nlp(vowed), "2031-05-27")] == ["2031-07-01/2031-07-31"]


def test_a_weekday_following_a_planned_one_is_ahead_too() -> None:
    """ "had been scheduled to speak in Varna on Monday, followed by one in Tesk on Tuesday", in a
    Monday report: that Monday and the Tuesday after, not the Tuesday before."""
    from crosswire.analyze.nlp import load

    text = (
        "Quell had been scheduled to deliver a speech in Varna on Monday, followed by one in Tesk on "
        "Tuesday, two events aimed at refocusing her campaign."
    )
    values = [t.value for t in resolve_times(load()(text), "2031-06-16")]  # a Monday
    assert values == ["2031-06-16", "2031-06-17"]
    done = "She spoke in Varna on Friday, followed by a rally in Tesk on Saturday."
    assert [t.value for t in resolve_times(load()(done), "2031-06-16")] == ["2031-06-13", "2031-06-14"]
