"""crosswire: read many outlets' reports and tell what the stories are, who said what, and how outlets differ.

The public surface is small: ``open_store`` for the embedded SQLite store and ``analyze_files`` to run the
whole pipeline over files and get one cited ``Brief`` per story. Both import their stages lazily,
so ``import crosswire`` stays cheap (and the names do not clash with the ``analyze`` stage package) (no spaCy, no torch) until work is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "analyze_files", "open_store"]

if TYPE_CHECKING:
    from crosswire.model import Brief
    from crosswire.store import Store


def open_store(path: str = "crosswire.db") -> Store:
    """Open (creating and migrating if needed) a crosswire SQLite store."""
    from crosswire.store import Store

    return Store.open(path)


def analyze_files(paths: Sequence[str], *, db: str = ":memory:") -> list[Brief]:
    """Ingest ``paths`` into ``db`` (in memory by default) and return a cited brief per story."""
    from crosswire.pipeline import Pipeline, story_digest
    from crosswire.store import queries

    with open_store(db) as store:
        with Pipeline(store) as pipeline:
            pipeline.ingest(list(paths))
        return [story_digest(store, story_id)[2] for story_id in queries.iter_story_ids(store.conn)]
