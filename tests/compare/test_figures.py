from crosswire.compare.figures import figure_contradictions, figures
from crosswire.model import Citation


def _c(rid: str, text: str) -> Citation:
    return Citation(rid, 0, len(text), text)


def test_figures_read_tolls_in_their_common_wordings():
    found = figures(
        [
            _c("a", "A magnitude 6.2 earthquake struck, killing at least 14 people and injuring 120."),
            _c("a", "The death toll has since risen to 16, officials said."),
            _c("a", "Three people were still missing and 40 were arrested."),
        ]
    )
    assert sorted(v for v, _ in found["deaths"]) == [14, 16]
    assert [v for v, _ in found["injured"]] == [120]
    assert [v for v, _ in found["magnitude"]] == [6.2]
    assert [v for v, _ in found["missing"]] == [3]
    assert [v for v, _ in found["arrested"]] == [40]


def test_independent_reports_disagreeing_on_a_toll_are_flagged():
    per_report = {
        "a": [_c("a", "The blast killed 12 people in the old market.")],
        "b": [_c("b", "Police said 15 people died in the explosion.")],
        "c": [_c("c", "The blast killed 12 people in the old market.")],
    }
    (found,) = figure_contradictions(per_report, {"a": "a", "b": "b", "c": "a"})
    assert found.what == "deaths: 12 vs 15"
    assert {m.report_id for m in found.members} == {"a", "b"}


def test_agreeing_reports_and_copies_are_not_flagged():
    per_report = {
        "a": [_c("a", "The storm injured nine people.")],
        "b": [_c("b", "Nine people were injured by the storm.")],
        "c": [_c("c", "The storm injured 30 people.")],
    }
    assert figure_contradictions(per_report, {"a": "a", "b": "b", "c": "a"}) == []


def test_a_decimal_point_inside_the_clause_does_not_hide_the_toll() -> None:
    text = "The death toll from Tuesday's magnitude 6.2 earthquake in Tarvik has risen to 16, officials said."
    found = figures([Citation("a", 0, len(text), text)])
    assert [v for v, _ in found["deaths"]] == [16.0]
    assert [v for v, _ in found["magnitude"]] == [6.2]


def test_a_toll_that_rose_in_a_later_report_is_an_update_with_both_days() -> None:
    per_report = {
        "a": [_c("a", "The quake struck at dawn, killing at least 14 people in the valley.")],
        "b": [_c("b", "The death toll from the quake has risen to 16, officials said.")],
    }
    published = {"a": "2031-03-03T09:00:00", "b": "2031-03-04T10:00:00"}
    (found,) = figure_contradictions(per_report, {"a": "a", "b": "b"}, published)
    assert found.kind == "update"
    assert found.what == "deaths rose from 14 (2031-03-03) to 16 (2031-03-04)"
    assert [m.report_id for m in found.members] == ["a", "b"]


def test_a_bound_that_fits_the_other_figure_is_not_flagged() -> None:
    per_report = {
        "a": [_c("a", "The blast killed more than 12 people in the old market.")],
        "b": [_c("b", "Police said 15 people died in the explosion.")],
    }
    assert figure_contradictions(per_report, {"a": "a", "b": "b"}) == []
    # a lower toll published later is no update: the reports disagree
    per_report["b"] = [_c("b", "Police said 9 people died in the explosion.")]
    (found,) = figure_contradictions(per_report, {"a": "a", "b": "b"}, {"a": "2031-01-01", "b": "2031-01-02"})
    assert (found.kind, found.values) == ("number", ("9", "12"))


def test_a_total_for_the_year_is_not_the_storys_toll() -> None:
    per_report = {
        "a": [_c("a", "The blast killed 12 people in the old market, bringing this year's toll to 240.")],
        "b": [
            _c("b", "Police said 12 people died in the explosion. Bombings have killed 230 people this year.")
        ],
    }
    assert figure_contradictions(per_report, {"a": "a", "b": "b"}) == []
