"""Sentence similarity for alignment: MiniLM vectors (the shared loader) plus word overlap.

Alignment needs paraphrase similarity that word overlap misses ("halted" vs "stopped"); MiniLM is
the only sentence model that installs from PyPI and runs without a hub.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from crosswire.embeddings import embed

__all__ = ["combined", "embed", "lexical"]


def lexical(a: str, b: str) -> float:
    """Word-overlap similarity in [0, 1]: order-free, robust to inserted clauses."""
    return fuzz.token_set_ratio(a.lower(), b.lower()) / 100.0


def combined(cos: float, a: str, b: str, *, weight: float = 0.7) -> float:
    """Meaning and wording together: the cosine finds paraphrases, the overlap keeps names honest."""
    return weight * cos + (1.0 - weight) * lexical(a, b)
