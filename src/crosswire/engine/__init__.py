"""Engines run a stage's batch function: ``LocalEngine`` (a process pool) by default, Ray on request.

``make_engine`` picks one from the ``engine`` setting; the Ray module is imported only when chosen.
"""

from __future__ import annotations

from typing import Any

from crosswire.engine.local import LocalEngine

__all__ = ["LocalEngine", "make_engine"]


def make_engine(kind: str = "local", *, workers: int = 1, address: str | None = None) -> Any:
    """A ``LocalEngine`` or a ``RayEngine`` (both offer ``map(fn, items)`` and ``close()``)."""
    if kind == "ray":
        from crosswire.engine.ray import RayEngine

        return RayEngine(address or None, num_cpus=workers or None)
    if kind != "local":
        raise ValueError(f"unknown engine {kind!r}: use 'local' or 'ray'")
    return LocalEngine(workers)
