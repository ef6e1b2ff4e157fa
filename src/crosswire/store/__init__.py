"""Embedded SQLite store (WAL, FTS5, versioned migrations): ``Store`` writes, ``queries`` reads."""

from crosswire.store import queries
from crosswire.store.db import Store

__all__ = ["Store", "queries"]
