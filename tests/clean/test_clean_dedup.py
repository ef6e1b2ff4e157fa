"""MinHash fingerprints and the near-duplicate index (invented text)."""

from __future__ import annotations

import random

import pytest

from crosswire.clean.dedup import NUM_PERM, NearDuplicateIndex, fingerprint, fingerprints, shingle_hashes

WORDS = [
    "harbour",
    "council",
    "vote",
    "tariff",
    "ferry",
    "union",
    "strike",
    "mayor",
    "bridge",
    "budget",
    "port",
    "dock",
    "grain",
    "ship",
]


def article(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(n))


def test_shingle_hashes() -> None:
    one = shingle_hashes("A b c")
    assert len(one) == 1
    two = shingle_hashes("One, two; three four five six!")
    assert len(two) == 2 and two.max() < 2**32
    # 7 windows, "one two three four five" twice: repeated shingles count once.
    assert len(shingle_hashes("one two three four five six one two three four five")) == 6
    # Word order matters inside a shingle, case and punctuation do not.
    assert set(shingle_hashes("a b c d e")) != set(shingle_hashes("e d c b a"))
    assert set(shingle_hashes("A b, c d e.")) == set(shingle_hashes("a b c d e"))


def test_fingerprint_is_stable_bytes() -> None:
    body = article(1)
    fp = fingerprint(body)
    assert isinstance(fp, bytes) and len(fp) == NUM_PERM * 4
    assert fp == fingerprint(body) == fingerprints([body])[0]
    assert fingerprint(body.upper().replace(" ", "  ")) == fp  # normalised text
    assert fingerprints([]) == []


def test_near_copy_found_and_different_text_not() -> None:
    original = article(1)
    words = original.split()
    copy = " ".join(words[:-10] + ["Source", "www.example.com"])  # trimmed, new footer
    index = NearDuplicateIndex()
    index.add("orig", fingerprint(original))
    index.add("other", fingerprint(article(2)))
    assert len(index) == 2 and "orig" in index
    found = index.query(fingerprint(copy))
    assert [key for key, _ in found] == ["orig"]
    assert 0.8 <= found[0][1] <= 1.0
    assert index.query(fingerprint(article(3))) == []


def test_results_are_best_first_and_add_is_idempotent() -> None:
    base = article(7).split()
    index = NearDuplicateIndex(threshold=0.5)
    index.add("same", fingerprint(" ".join(base)))
    index.add("close", fingerprint(" ".join(base[:-25])))
    index.add("same", fingerprint(article(9)))  # already present: ignored
    assert len(index) == 2
    found = index.query(fingerprint(" ".join(base)))
    assert [key for key, _ in found] == ["same", "close"]
    assert found[0][1] == 1.0 and found[0][1] > found[1][1]


def test_bad_fingerprint_rejected() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex().add("x", b"\x00" * 7)
