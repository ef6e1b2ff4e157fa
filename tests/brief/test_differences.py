import numpy as np

from crosswire.brief.differences import difference_notes
from crosswire.brief.summary import SummaryParams, _finished, select
from crosswire.model import Citation, Comparison, Contradiction

LOW = Citation("a", 0, 30, "At least 9 people died on Monday.")
HIGH = Citation("b", 0, 30, "The toll has risen to 11, officials said.")


def test_an_update_is_noted_first_and_names_the_later_figure():
    update = Contradiction(
        "deaths rose from 9 (2031-01-06) to 11 (2031-01-07)", "update", (LOW, HIGH), ("9", "11")
    )
    clash = Contradiction("tonnes: 400 vs 450", "number", (LOW, HIGH), ("400", "450"))
    notes = difference_notes(Comparison("s", contradictions=(clash, update, clash)))
    assert [n.text for n in notes] == [
        "Later reports update the figure: deaths rose from 9 (2031-01-06) to 11 (2031-01-07).",
        "Reports differ on tonnes: 400 vs 450.",
    ]
    assert all(n.note and n.citations == (LOW, HIGH) for n in notes)
    assert difference_notes(None) == () and difference_notes(Comparison("s")) == ()


def test_a_sentence_repeating_the_names_and_day_of_a_chosen_one_is_skipped():
    vectors = np.eye(3, dtype=np.float32)  # MiniLM would not call them alike: only the words do
    centroid = np.ones(3, dtype=np.float32) / np.sqrt(3)
    terms = [
        {"mayor", "brask", "wren", "agreed", "monday", "quay"},
        {"brask", "wren", "met", "monday", "mayor"},
        {"ferry", "fares", "rise"},
    ]
    params = SummaryParams(budget_words=100, position=0.0, lexical=0.0, quote_penalty=0.0)
    chosen = select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 1, 2], params, terms=terms)
    assert not {0, 1} <= set(chosen) and 2 in chosen
    assert {0, 1} <= set(select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 1, 2], params))


def test_a_cut_off_dek_is_not_a_finished_sentence():
    assert _finished('He said "it will pass."') and _finished("Is it over?")
    assert not _finished("After the storm, the town sent its mayor to the capital")
