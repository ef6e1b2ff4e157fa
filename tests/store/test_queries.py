"""What a typed search becomes: a bounded, safe FTS5 query."""

from crosswire.store.queries import MAX_QUERY_TERMS, fts_query


def test_words_are_anded_and_phrases_kept() -> None:
    assert fts_query('quake "Port Alder" toll') == '"port alder" "quake" "toll"'


def test_repeats_are_dropped_and_terms_capped() -> None:
    """Thousands of repeated words once pinned a CPU core for minutes through the open search API."""
    assert fts_query(" ".join(["word"] * 5000)) == '"word"'
    many = fts_query(" ".join(f"w{i}" for i in range(500)))
    assert many.count('"') == 2 * MAX_QUERY_TERMS


def test_operators_and_quotes_cannot_break_out() -> None:
    q = fts_query('NEAR(a b) OR "unbalanced')
    assert q.count('"') % 2 == 0 and " OR " not in q.replace('"or"', "")
    assert fts_query("") == '""'
