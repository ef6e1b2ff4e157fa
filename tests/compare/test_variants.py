"""Quote variants without MiniLM: a bag-of-words embedding stands in for the sentence model."""

import re

import numpy as np

from crosswire.compare.variants import find_variants
from crosswire.model import Analysis, Quote, Report


def _embed(texts: list[str]) -> np.ndarray:
    rows = []
    for t in texts:
        v = np.zeros(256)
        for w in re.findall(r"[a-z]+", t.lower()):
            v[hash(w) % 256] += 1
        rows.append(v / (np.linalg.norm(v) or 1.0))
    return np.stack(rows)


def _item(rid: str, body: str, said: str) -> tuple[Report, Analysis]:
    start = body.index(said)
    q = Quote(said, start, start + len(said), "direct", "Ada Pell")
    return Report(id=rid, uri=None, title=None, body=body), Analysis(rid, quotes=(q,))


def test_spacing_and_apostrophes_alone_make_no_variant():
    a = _item(
        "a",
        '"We saw the warship ’ s resolve and turned back," Ada Pell said.',
        "We saw the warship ’ s resolve and turned back,",
    )
    b = _item(
        "b",
        '"We saw the warship\'s resolve and turned back," Ada Pell said.',
        "We saw the warship's resolve and turned back,",
    )
    assert find_variants([a, b], _embed) == ()


def test_a_changed_word_is_still_a_variant():
    a = _item(
        "a",
        '"We saw the warship’s resolve and turned back," Ada Pell said.',
        "We saw the warship’s resolve and turned back,",
    )
    b = _item(
        "b",
        '"We saw the warship\'s resolve and fled," Ada Pell said.',
        "We saw the warship's resolve and fled,",
    )
    (v,) = find_variants([a, b], _embed)
    words = {b[0].body[s:e] for s, e in v.differing[1]}
    assert "fled" in words


def _said(rid: str, body: str, said: str, speaker: str | None) -> tuple[Report, Analysis]:
    start = body.index(said)
    q = Quote(said, start, start + len(said), "direct", speaker)
    return Report(id=rid, uri=None, title=None, body=body), Analysis(rid, quotes=(q,))


def test_a_term_someone_refused_to_say_is_no_quote_of_theirs():
    """Trial 8: "the president's refusal to call the attack a result of 'radical Islamic terrorism'"
    made a variant telling the reader Obama said the words he refused to say."""
    from crosswire.compare.variants import is_mention, quote_pieces

    body = "Critics seized on the mayor's refusal to call the blaze a result of 'organised harbour arson'."
    start = body.index("organised")
    assert is_mention(body, start, start + len("organised harbour arson"))
    said = "He called it 'a plain act of organised harbour arson' on Monday."
    s = said.index("a plain")
    assert not is_mention(said, s, s + len("a plain act of organised harbour arson"))
    report, analysis = _said("a", body, "organised harbour arson", "Bram Osk")
    assert quote_pieces(report, analysis) == []
    other = _said(
        "b",
        'Osk boasted of "being right on organised harbour arson."',
        "being right on organised harbour arson.",
        None,
    )
    assert find_variants([(report, analysis), other], _embed) == ()


def test_a_variant_names_a_speaker_only_when_its_reports_agree():
    a = _said(
        "a",
        '"We saw the warship and turned back," Ada Pell said.',
        "We saw the warship and turned back,",
        "Ada Pell",
    )
    b = _said("b", '"We saw the warship and fled," a sailor said.', "We saw the warship and fled,", None)
    (v,) = find_variants([a, b], _embed)
    assert v.speaker is None
    c = _said("c", '"We saw the warship and fled," Pell said.', "We saw the warship and fled,", "Pell")
    (v,) = find_variants([a, c], _embed)
    assert v.speaker == "Ada Pell"


def test_two_remarks_sharing_only_a_name_and_a_term_are_two_quotes():
    """Trial 8: "Is President Obama going to finally mention the words radical Islamic terrorism?" and
    "President Obama disgracefully refused to even say the words 'Radical Islam.'" were one variant."""
    from crosswire.compare.variants import residue

    assert (
        residue("Is Mayor Osk going to finally mention the words harbour arson?")
        == "Is going to finally mention"
    )
    a = _said(
        "a",
        '"Is Mayor Osk going to finally mention the words organised harbour arson?" Pell wrote.',
        "Is Mayor Osk going to finally mention the words organised harbour arson?",
        "Ada Pell",
    )
    b = _said(
        "b",
        '"Mayor Osk disgracefully refused to even say the words organised harbour arson," Pell said.',
        "Mayor Osk disgracefully refused to even say the words organised harbour arson,",
        "Ada Pell",
    )
    assert find_variants([a, b], _embed) == ()
    c = _said(
        "c",
        '"Is Mayor Osk ever going to mention the words organised harbour arson?" Pell wrote.',
        "Is Mayor Osk ever going to mention the words organised harbour arson?",
        "Ada Pell",
    )
    assert len(find_variants([a, c], _embed)) == 1


def test_two_people_saying_alike_things_are_no_variant():
    """Trial 8: "we think we have a path toward victory" (Sanders), "But I think we have a viable
    path." (Devine): the variant put them together and the compare showed a speaker clash."""
    a = _said(
        "a",
        '"And we think we have a path toward victory," Ada Pell said.',
        "And we think we have a path toward victory,",
        "Ada Pell",
    )
    b = _said(
        "b",
        '"But I think we have a viable path," Bram Osk said.',
        "But I think we have a viable path,",
        "Bram Osk",
    )
    assert find_variants([a, b], _embed, threshold=0.3) == ()
