"""The spaCy loader: a paragraph break always ends a sentence."""

from __future__ import annotations

import pytest

from crosswire.analyze.nlp import PARAGRAPH_BREAKS

pytestmark = pytest.mark.slow

# a dek with no final full stop, then the lede: spaCy's parser alone reads them as one sentence
DEK = "After the storm the council moved its vote to the harbour hall in Portsea"
TEXT = f"{DEK}\n\nA delegation of dock workers arrived on Monday. They said the tariff was unfair.\n\nMore to follow"


def _sentences(doc) -> list[str]:  # noqa: ANN001 - a spaCy Doc
    return [s.text.strip() for s in doc.sents]


def test_paragraph_break_starts_a_sentence_before_the_parser() -> None:
    from crosswire.analyze.nlp import load

    nlp = load()
    assert nlp.pipe_names.index(PARAGRAPH_BREAKS) < nlp.pipe_names.index("parser")
    assert _sentences(nlp(TEXT)) == [
        DEK,
        "A delegation of dock workers arrived on Monday.",
        "They said the tariff was unfair.",
        "More to follow",
    ]


def test_paragraph_breaks_hold_without_the_parser() -> None:
    from crosswire.analyze.nlp import load

    nlp = load()
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp(TEXT)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["After", "A", "More"]


def test_analysis_sentences_split_the_dek_from_the_lede() -> None:
    from crosswire.analyze import analyze_reports
    from crosswire.model import Report

    (analysis,) = analyze_reports([Report(id="r1", uri=None, title="Vote moved", body=TEXT)])
    first_start, first_end = analysis.sentences[0]
    assert TEXT[first_start:first_end].strip() == DEK
    assert all("\n\n" not in TEXT[s:e].strip() for s, e in analysis.sentences)
