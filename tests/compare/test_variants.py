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
