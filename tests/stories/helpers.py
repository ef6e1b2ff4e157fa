"""Invented reports and hand-built features for the stories tests (no third-party text)."""

from __future__ import annotations

import numpy as np

from crosswire.stories.features import StoryFeatures


def unit(seed: int, base: np.ndarray | None = None, noise: float = 0.0) -> np.ndarray:
    """A random unit vector, or ``base`` nudged by ``noise`` (cosine to base falls as noise grows)."""
    rng = np.random.default_rng(seed)
    v = rng.normal(size=384).astype(np.float32)
    if base is not None:
        v = base + noise * v / np.linalg.norm(v)
    return (v / np.linalg.norm(v)).astype(np.float32)


def feat(
    rid: str,
    vec: np.ndarray,
    terms: dict[str, float],
    entities: list[tuple[str, str]] = (),  # type: ignore[assignment]
    *,
    date: str | None = None,
    years: tuple[int, ...] = (),
    title: str = "",
    weekdays: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
) -> StoryFeatures:
    return StoryFeatures(
        report_id=rid,
        title=title or rid,
        vector=vec,
        terms=tuple(terms.items()),
        entities=tuple((e, k, 2.0) for e, k in entities),
        date=date,
        years=years,
        name=title or rid,
        weekdays=weekdays,
        dates=dates,
    )
