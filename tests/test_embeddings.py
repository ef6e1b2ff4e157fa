import numpy as np
import pytest

from crosswire import embeddings

pytestmark = pytest.mark.slow


def test_vectors_are_unit_length_and_remembered():
    texts = ["The harbour wall cracked.", "Ferries were suspended.", "The harbour wall cracked."]
    first = embeddings.embed(texts)
    assert first.shape == (3, embeddings.DIMENSIONS)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(first[0], first[2])
    again = embeddings.embed(list(reversed(texts)))
    assert np.array_equal(again[::-1], first)


def test_paraphrases_are_closer_than_unrelated_text():
    a, b, c = embeddings.embed(
        ["Will Iran establish itself in Syria?", "Whether Iran will be based in Syria.", "Cod quotas rose."]
    )
    assert a @ b > a @ c + 0.2


def test_empty_input():
    assert embeddings.embed([]).shape == (0, embeddings.DIMENSIONS)
