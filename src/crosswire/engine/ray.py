"""The Ray engine: the same ``map(fn, items)`` as ``LocalEngine``, across a Ray cluster.

For corpora that outgrow one machine. Imported only when ``engine = "ray"`` is chosen, so Ray is an
optional extra (``pip install 'crosswire[ray]'``). Ray keeps its worker processes alive between
tasks, so each worker loads spaCy once (the stage's ``functools.cache``) and reuses it for every
chunk it is given. With no address, a local Ray instance is started on this machine (loopback only).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from crosswire.errors import CrosswireError

T = TypeVar("T")
R = TypeVar("R")


class EngineUnavailable(CrosswireError):
    code = "CW-ENGINE-001"


def _run_chunk(fn: Callable[[list[Any]], list[Any]], chunk: list[Any]) -> list[Any]:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    return fn(chunk)


class RayEngine:
    """Spread chunks of ``items`` over Ray workers; results come back in input order."""

    def __init__(
        self, address: str | None = None, *, num_cpus: int | None = None, chunk_size: int = 16
    ) -> None:
        try:
            import ray
        except ImportError as exc:  # the extra is not installed
            raise EngineUnavailable("ray", "Ray is not installed; pip install 'crosswire[ray]'") from exc
        self._ray = ray
        self.chunk_size = chunk_size
        self._started_here = not ray.is_initialized()
        if self._started_here:
            ray.init(
                address=address or None,
                num_cpus=num_cpus,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
                ignore_reinit_error=True,
            )
        self._remote = ray.remote(num_cpus=1)(_run_chunk)

    def map(self, fn: Callable[[list[T]], list[R]], items: Sequence[T]) -> list[R]:
        items = list(items)
        if not items:
            return []
        chunks = [items[i : i + self.chunk_size] for i in range(0, len(items), self.chunk_size)]
        fn_ref = self._ray.put(fn)
        parts = self._ray.get([self._remote.remote(fn_ref, chunk) for chunk in chunks])
        return [r for part in parts for r in part]

    def close(self) -> None:
        if self._started_here and self._ray.is_initialized():
            self._ray.shutdown()

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
