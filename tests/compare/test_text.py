from crosswire.compare.text import (
    is_time_stamp,
    matched_range,
    other_places,
    quoted_spans,
    source_key,
    split_sentences,
    statements,
    tokens,
    word_dice,
    word_diff,
)
from crosswire.model import Analysis, Report


def test_tokens_keep_offsets_and_whole_numbers():
    text = "Rain: 1,200 homes (3.5 km) flooded."
    toks = tokens(text, offset=10)
    assert [t.text for t in toks] == ["Rain", "1,200", "homes", "3.5", "km", "flooded"]
    for t in toks:
        assert text[t.start - 10 : t.end - 10] == t.text


def test_word_diff_marks_only_changed_words():
    a = tokens("we will rebuild every street")
    b = tokens("we will rebuild every single street")
    only_a, only_b, hunks = word_diff(a, b)
    assert only_a == []
    assert [t.text for t in only_b] == ["single"]
    assert hunks[0][0] == "insert"


def test_word_dice_orders_similarity():
    base = "the council will vote on the harbour plan next week"
    assert word_dice(base, base) == 1.0
    close = word_dice(base, "the council is to vote on the harbour plan next month")
    far = word_dice(base, "volunteers ferried residents to the gymnasium")
    assert close > 0.6 > far
    assert word_dice("", base) == 0.0


def test_matched_range_finds_overlap():
    a = tokens("We also spoke about boats, I told him the plan is ready")
    b = tokens("I told the mayor the plan is ready")
    a0, a1, b0, b1 = matched_range(a, b)
    assert a[a0].text == "I" and a[a1 - 1].text == "ready"
    assert (b0, b1) == (0, len(b))


def test_source_key_equates_outlet_and_domain():
    assert source_key("www.harbourpost.com") == source_key("Harbour Post") == "harbourpost"
    assert source_key("https://www.harbourpost.com/news/1") == "harbourpost"
    assert source_key("The Harbour Post") == "harbourpost"
    assert source_key(None) == ""


def test_split_sentences_and_quoted_spans():
    body = 'The mayor spoke. "We will rebuild," she said. Work starts Monday.'
    spans = split_sentences(body)
    assert [body[s:e] for s, e in spans][0] == "The mayor spoke."
    assert len(spans) == 3
    ((qs, qe),) = quoted_spans(body)
    assert body[qs:qe] == "We will rebuild,"


def test_statements_split_at_paragraphs_and_drop_fragments():
    body = "Harbour closed\n\nThe harbour closed on Monday after the storm.\n\nOk then."
    report = Report(id="r", uri=None, title=None, body=body)
    analysis = Analysis(report_id="r", sentences=((0, len(body)),))
    got = statements(report, analysis)
    assert [c.text for c in got] == ["The harbour closed on Monday after the storm."]
    assert all(body[c.start : c.end] == c.text for c in got)


def test_time_stamp_lines_are_not_statements():
    assert is_time_stamp("First Published: June 13, 2031 4: 59 PM EDT")
    assert is_time_stamp("Posted: Jul 07, 2031 7: 40 PM ET")
    assert is_time_stamp("May 3, 2031 | 8: 20 am")
    assert not is_time_stamp("The flood reached Port Aldren on May 3, 2031.")
    body = "Updated: July 7, 2031, 10: 04 PM ET\n\nThe mayor of Port Aldren resigned on Monday."
    (only,) = statements(Report(id="r", uri=None, title=None, body=body), Analysis(report_id="r"))
    assert only.text == "The mayor of Port Aldren resigned on Monday."


def test_a_piece_cut_off_after_a_quote_is_joined_to_its_sentence():
    body = '"We will open the pier by winter!" he said to loud cheers. The mayor left early that night.'
    cut = body.index("he said")
    report = Report(id="r", uri=None, title=None, body=body)
    analysis = Analysis(
        report_id="r", sentences=((0, cut - 1), (cut, body.index(" The")), (body.index("The"), len(body)))
    )
    got = [c.text for c in statements(report, analysis)]
    assert got == [
        '"We will open the pier by winter!" he said to loud cheers.',
        "The mayor left early that night.",
    ]


def test_a_place_and_a_place_inside_it_are_no_different_places():
    assert not other_places(frozenset({"mexico"}), frozenset({"mexico-city"}))
    assert not other_places(frozenset({"new-york-city"}), frozenset({"new-york"}))
    assert not other_places(frozenset({"america"}), frozenset({"united-states"}))
    assert other_places(frozenset({"missouri"}), frozenset({"ohio"}))
    assert other_places(frozenset({"mexico"}), frozenset({"new-mexico"}))
