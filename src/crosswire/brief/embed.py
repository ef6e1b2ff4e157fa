"""MiniLM sentence vectors for the centroid summary: the shared, once-per-process loader."""

from crosswire.embeddings import embed

__all__ = ["embed"]
