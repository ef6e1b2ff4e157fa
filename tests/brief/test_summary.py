import numpy as np

from crosswire.brief.summary import SummaryParams, select, sentences_of, summarize, tfidf_rows
from crosswire.model import Analysis, Report


def _unit(*rows):
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_select_prefers_central_and_skips_repeats():
    vectors = _unit([1, 0.1, 0], [1, 0.12, 0], [0.2, 1, 0], [0, 0, 1])
    centroid = _unit([1, 0.5, 0.1])[0]
    params = SummaryParams(budget_words=20, redundancy=0.9, position=0.0, lexical=0.0, quote_penalty=0.0)
    chosen = select([0, 1, 2, 3], vectors, centroid, [10, 10, 10, 10], [0, 0, 1, 1], params)
    assert chosen[0] in (0, 1)
    assert not {0, 1} <= set(chosen)  # the near-copy is never picked next to its twin
    assert 2 in chosen


def test_select_respects_the_word_budget():
    vectors = _unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    centroid = _unit([1, 1, 1])[0]
    params = SummaryParams(budget_words=12, redundancy=0.99, position=0.0, lexical=0.0)
    chosen = select([0, 1, 2], vectors, centroid, [10, 30, 5], [0, 1, 2], params)
    assert sum([10, 30, 5][i] for i in chosen) <= 12 * 1.25
    assert 1 not in chosen


def test_sentences_of_trims_and_splits_paragraphs():
    body = "  The dam held overnight.\n\nEngineers will inspect it on Friday morning.  "
    report = Report(id="r", uri=None, title=None, body=body)
    cites = sentences_of(report, Analysis("r", sentences=((0, len(body)),)), min_words=2)
    assert [c.text for c in cites] == [
        "The dam held overnight.",
        "Engineers will inspect it on Friday morning.",
    ]
    assert all(body[c.start : c.end] == c.text for c in cites)


def test_tfidf_rows_weigh_story_words():
    rows = tfidf_rows(["the dam broke", "the dam held", "rain fell"])
    assert rows.shape[0] == 3
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)
    assert rows[0] @ rows[1] > rows[0] @ rows[2] == 0.0


def test_sentences_of_splits_by_rule_without_analysis_sentences():
    body = "The dam held overnight. Engineers will inspect it on Friday.\n\nResidents may return."
    report = Report(id="r", uri=None, title=None, body=body)
    cites = sentences_of(report, Analysis("r"), min_words=1)
    assert [c.text for c in cites] == [
        "The dam held overnight.",
        "Engineers will inspect it on Friday.",
        "Residents may return.",
    ]


def _never(_texts):
    raise AssertionError("a one-report story must not be embedded")


def test_one_report_story_is_briefed_on_tfidf_without_embedding():
    body = (
        "Floodwater topped the Verlaine dam on Tuesday, forcing 400 families from their homes.\n\n"
        "Engineers said the Verlaine dam held, though water poured over its crest for six hours.\n\n"
        "The regional council will meet on Friday to discuss compensation for the families."
    )
    report = Report(id="r", uri=None, title="Dam overflows", body=body)
    items = [(report, Analysis("r"))]
    sentences = summarize(items, None, _never, SummaryParams(budget_words=30, min_words=5))
    assert sentences and "Verlaine dam" in sentences[0].text
    for s in sentences:
        (cite,) = s.citations
        assert body[cite.start : cite.end] == s.text


def test_two_report_story_is_embedded():
    calls = []

    def embed(texts):
        calls.append(len(texts))
        return np.eye(len(texts), 8, dtype=np.float32)

    items = [
        (
            Report(id=r, uri=None, title=None, body=f"Report {r} says the Verlaine dam held overnight."),
            Analysis(r),
        )
        for r in ("a", "b")
    ]
    assert summarize(items, None, embed, SummaryParams(min_words=3))
    assert calls == [2]


# invented reports: a scraped body opens with a dek cut off mid-sentence (no full stop), the words
# of the whole story in one line, so the centroid alone would pick it
DEK = (
    "After the Verlaine dam overflowed and 400 families left, the council sent engineer Ada Brask to the dam"
)
ONE = (
    f"{DEK}\n\n"
    "Engineer Ada Brask reached the Verlaine dam on Tuesday after 400 families left their homes.\n\n"
    "The council said the dam overflowed for six hours but held.\n\n"
    "Repairs will cost about 2 million euros, the council said.\n\n"
    "Schools in the valley stay shut until Friday.\n\n"
    "Families may return to the valley next week, Brask said."
)
TWO = (
    "The Verlaine dam held after it overflowed, engineer Ada Brask told the council on Wednesday.\n\n"
    'The council thanked the 400 families for leaving quickly. "We were lucky," the mayor said.'
)


def _story(*bodies: str) -> list[tuple[Report, Analysis]]:
    return [
        (Report(id=f"r{i}", uri=None, title=None, body=b), Analysis(f"r{i}")) for i, b in enumerate(bodies)
    ]


def test_a_cut_off_dek_is_never_a_brief_sentence():
    items = _story(ONE, TWO)
    for budget in (20, 65, 500):  # a short brief, the default, and one with room for every candidate
        params = SummaryParams(budget_words=budget, min_words=5)
        sentences = summarize(items, None, tfidf_rows, params)
        assert sentences and all(s.text != DEK for s in sentences)
        assert all(s.text.endswith((".", '."')) for s in sentences)
        for s in sentences:
            for cite in s.citations:
                body = dict((r.id, r.body) for r, _ in items)[cite.report_id]
                assert 0 <= cite.start < cite.end <= len(body) and body[cite.start : cite.end] == cite.text
    # the dek does not take one of the report's pre-selected places: its 4th finished sentence is one
    wide = summarize(items, None, tfidf_rows, SummaryParams(budget_words=500, min_words=5))
    assert "Schools in the valley stay shut until Friday." in [s.text for s in wide]


def test_the_next_sentences_opening_quote_is_trimmed_and_the_sentence_counts_as_finished():
    body = 'The council voted to close the quay. "We had no choice," the mayor said.'
    cut = body.index("We")  # a rule sentencizer splits after the next sentence's opening quote
    analysis = Analysis("r", sentences=((0, cut), (cut, len(body))))
    report = Report(id="r", uri=None, title=None, body=body)
    cites = sentences_of(report, analysis, min_words=2)
    assert [c.text for c in cites] == ["The council voted to close the quay.", body[cut:]]
    assert all(body[c.start : c.end] == c.text for c in cites)
    sentences = summarize([(report, analysis)], None, _never, SummaryParams(min_words=2))
    assert "The council voted to close the quay." in [s.text for s in sentences]


def test_a_story_of_fragments_only_is_still_briefed():
    body = "Verlaine dam overflows, 400 families leave\n\nEngineer Ada Brask sent to the Verlaine dam"
    sentences = summarize(_story(body), None, _never, SummaryParams(min_words=3))
    assert sentences and sentences[0].text.startswith(("Verlaine", "Engineer"))


def test_select_skips_another_outlets_wording_of_a_chosen_statement():
    """The comparison aligned rows 0 and 1 (one statement, two outlets' words); the embedding may not
    see it (cosine 0.0 here), but row 0 already cites row 1, so the brief would say it twice."""
    vectors = _unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    centroid = _unit([1, 1, 0.5])[0]
    params = SummaryParams(budget_words=30, redundancy=0.99, position=0.0, lexical=0.0, quote_penalty=0.0)
    free = select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 0, 1], params)
    assert {0, 1} <= set(free)
    aligned = [{1}, {0}, set()]
    chosen = select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 0, 1], params, aligned=aligned)
    assert len({0, 1} & set(chosen)) == 1 and 2 in chosen


def test_the_statement_more_outlets_carry_is_picked_first():
    """Two equally central statements: the one the comparison found in more of the story's outlets
    leads (a fact-checker's brief leans on corroborated facts); without a comparison, centrality."""
    vectors = _unit([1, 0.05, 0], [1, 0, 0.06], [0, 0, 1])
    centroid = _unit([1, 0, 0])[0]
    params = SummaryParams(budget_words=10, position=0.0, lexical=0.0, quote_penalty=0.0, support=0.2)
    assert select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 0, 0], params)[0] == 0
    chosen = select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 0, 0], params, support=[0.0, 1.0, 0.0])
    assert chosen[0] == 1


def test_a_sentence_cites_only_aligned_spans_that_back_the_same_claim():
    """Loose alignment put a Varna win, a Tesk win and another outlet's Varna win in one group; the
    Varna sentence cites the Varna report, not the Tesk one (another place), nor a sentence whose
    numbers all differ, nor one the comparison found contradicting it (trial 7, finding 6)."""
    from crosswire.model import Alignment, Citation, Comparison, Contradiction, Entity, Mention

    texts = [
        "Ada Quell won the Varna primary with 56 delegates, the wire declared on Thursday.",
        "Ada Quell has won the primary in Tesk with 56 delegates, her third win of the night.",
        "Ada Quell won the Varna primary with 56 of its delegates, officials said on Thursday.",
        "Ada Quell won the primary with 73 delegates, the wire declared on Thursday night.",
        "Ada Quell won the primary with 56 delegates, the wire said, not on Thursday but Friday.",
    ]
    places = {0: ("varna", "Varna"), 1: ("tesk", "Tesk"), 2: ("varna", "Varna")}
    items = []
    for i, text in enumerate(texts):
        rid = f"r{i}"
        entities = ()
        if i in places:
            pid, name = places[i]
            at = text.index(name)
            entities = (Entity(pid, name, "GPE", mentions=(Mention(pid, at, at + len(name), name),)),)
        items.append((Report(rid, None, None, text), Analysis(rid, entities=entities)))
    cites = [Citation(f"r{i}", 0, len(t), t) for i, t in enumerate(texts)]
    comparison = Comparison(
        "s",
        tuple(f"r{i}" for i in range(len(texts))),
        alignments=(Alignment(tuple(cites), 0.7),),
        contradictions=(
            Contradiction("date: Thursday vs Friday", "date", (cites[0], cites[4]), ("Thursday", "Friday")),
        ),
    )
    sentences = summarize(items, comparison, tfidf_rows, SummaryParams(budget_words=14, min_words=5))
    varna = next(s for s in sentences if s.text == texts[0] or s.text == texts[2])
    backing = {c.report_id for c in varna.citations}
    assert backing == {"r0", "r2"}


# invented reports shaped like trial 7's: a print archive repeats the headline as the body's first
# line, a deck joins fragments with a semicolon, another deck opens on "he" with nothing before it
DECKED = (
    "Quell extends her lead, despite a message that fails to dazzle.\n\n"
    "Ada Quell won the Varna and Tesk primaries on Tuesday, adding to her lead over Bo Marr in delegates.\n\n"
    "Marr said he would stay in the race until the convention in July.\n\n"
    "Turnout in Varna was the highest in a primary since 1992, officials said."
)
SEMI = (
    "Regions set records; a close contest helps bring voters out.\n\n"
    "Voters turned out in record numbers on Tuesday in the Varna and Tesk primaries won by Ada Quell.\n\n"
    "Turnout in Tesk was the second highest in a primary, officials said."
)
HE = (
    "At the rally, he revisits his promises and rallies voters for Quell.\n\n"
    "President Ode Lunn told a rally in Varna on Wednesday that Ada Quell would win the primaries.\n\n"
    "Lunn spoke for forty minutes to a crowd of about 9,000 in the Varna arena."
)


def test_headline_and_deck_lines_are_no_brief_sentences():
    """The clean stage's deck spans (handed in by the pipeline) are never summary sentences, and the
    lead never opens on a pronoun nothing names."""
    from crosswire.brief.summary import unresolved_pronoun

    titles = {
        0: "Quell extends her lead, despite a message that fails to dazzle;",
        1: "Voters turned out",
        2: "Lunn",
    }
    items = [
        (Report(f"r{i}", None, titles[i], body), Analysis(f"r{i}"))
        for i, body in enumerate((DECKED, SEMI, HE))
    ]
    decks = {r.id: ((0, r.body.index("\n\n")),) for r, _ in items}
    lines = {r.body.split("\n\n")[0] for r, _ in items}
    for budget in (20, 65, 500):
        params = SummaryParams(budget_words=budget, min_words=5)
        sentences = summarize(items, None, tfidf_rows, params, decks)
        assert sentences and not {s.text for s in sentences} & lines
        assert not unresolved_pronoun(sentences[0].text)
    # without the spans the deck lines are ordinary sentences: the test above is about the spans
    kept = summarize(items, None, tfidf_rows, SummaryParams(budget_words=500, min_words=5))
    assert {s.text for s in kept} & lines
    assert unresolved_pronoun("At the rally, he revisits his promises.")
    assert unresolved_pronoun("VARNA — She is the campaign's answer to its critics.")
    assert not unresolved_pronoun(
        'For someone who said she is "no natural politician," Ada Quell had a good night.'
    )


def test_the_lead_never_opens_on_an_unresolved_pronoun():
    """The most central candidate opens on "He"; the brief leads with the next one that names its subject."""
    vectors = _unit([1, 0, 0], [0.9, 0.3, 0], [0, 0, 1])
    centroid = _unit([1, 0.1, 0])[0]
    params = SummaryParams(budget_words=30, position=0.0, lexical=0.0, quote_penalty=0.0)
    assert select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 0, 0], params)[0] == 0
    chosen = select([0, 1, 2], vectors, centroid, [10, 10, 10], [0, 0, 0], params, leads=[False, True, True])
    assert chosen[0] == 1


def test_a_sentence_never_ends_inside_an_open_quotation():
    """The sentencizer split a quoted tweet at its "?": the brief sentence runs on to the quote's end
    (trial 8, finding 7); a closed quote still ends its sentence."""
    body = (
        'And later Marr went on the attack, saying, "Is Quell going to finally say the words? If she '
        "doesn't she should resign!\" Aides were stunned.\n\nThe rally ended."
    )
    cut1, cut2 = body.index("If she"), body.index("Aides")
    analysis = Analysis("r", sentences=((0, cut1), (cut1, cut2), (cut2, len(body))))
    report = Report(id="r", uri=None, title=None, body=body)
    texts = [c.text for c in sentences_of(report, analysis, min_words=1)]
    assert texts[0].endswith('she should resign!"')
    assert texts[1:] == ["Aides were stunned.", "The rally ended."]


def test_a_lead_never_opens_on_a_connective():
    from crosswire.brief.summary import leans_back

    assert leans_back("And then Marr went fully on the attack.")
    assert leans_back("But Quell said nothing.")
    assert leans_back("That drew criticism from Varna.")
    assert not leans_back("This week, Quell won Varna.")
    assert not leans_back("So far, 20 states have voted.")
    assert not leans_back("Andrea Quell won Varna.")
    assert not leans_back("Thanks to Varna, Quell leads.")


def test_a_writers_own_should_is_no_fact_and_a_letters_page_is_no_source():
    """ "Quell should cut ties with her aide" from a letters page is an opinion; "Marr said Quell should
    resign" is news (trial 8, finding 7)."""
    from crosswire.brief.summary import opinion, opinion_page

    assert opinion("Ada Quell should cut ties with long time aide Bo Vell, as he has become a liability.")
    assert not opinion("Marr said Quell should resign over the emails.")
    assert not opinion('Quell won Varna, and "she must go on" was the cry.')
    assert opinion_page("Vell needs to go.\n\nLETTERS.\n\nQuell should cut ties with Vell.")
    assert not opinion_page("Vell resigns.\n\nAda Quell's aide Bo Vell resigned on Monday, letters show.")
    news = Report("n", None, None, "Ada Quell's aide Bo Vell resigned on Monday after a scandal in Varna.")
    letters = Report(
        "l",
        None,
        None,
        "Vell needs to go.\n\nLETTERS.\n\nAda Quell should cut ties with her aide Bo Vell now.",
    )
    items = [(news, Analysis("n")), (letters, Analysis("l"))]
    sentences = summarize(items, None, tfidf_rows, SummaryParams(budget_words=14, min_words=5))
    assert [s.text for s in sentences] == [news.body]


def test_a_quote_cites_only_spans_that_quote_the_same_words():
    """Both sentences quote Marr, but different statements: the question is not backed by the
    statement of the night before (trial 8, finding 7)."""
    from crosswire.model import Alignment, Citation, Comparison

    texts = [
        'Marr went on the attack, saying, "Is Quell going to finally mention the words radical terror?"',
        '"Is Quell going to finally mention the words radical terror?" Marr asked on Sunday.',
        'Marr issued a statement, "Last night, our nation was attacked by a radical terrorist."',
    ]
    items = [(Report(f"r{i}", None, None, t), Analysis(f"r{i}")) for i, t in enumerate(texts)]
    cites = [Citation(f"r{i}", 0, len(t), t) for i, t in enumerate(texts)]
    comparison = Comparison("s", ("r0", "r1", "r2"), alignments=(Alignment(tuple(cites), 0.7),))
    sentences = summarize(items, comparison, tfidf_rows, SummaryParams(budget_words=16, min_words=5))
    first = next(s for s in sentences if s.text in texts[:2])
    assert {c.report_id for c in first.citations} == {"r0", "r1"}
