"""The default engine: run a batch function in this process, or across a pool of worker processes.

Workers are started once per engine and keep their models loaded, so a long ingest pays for
spaCy once per core, not once per batch. ``OMP_NUM_THREADS=1`` in workers stops two processes
from fighting over the same cores (MODELS.md: 8.6 docs/s with 2 processes vs 5.0 with one).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _init_worker() -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # torch is optional for the analyze stage
        pass


class LocalEngine:
    """``map(fn, items)`` over ``workers`` processes (1 = in this process, 0 = one per core)."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[list[T]], list[R]], items: Sequence[T]) -> list[R]:
        items = list(items)
        if self.workers == 1 or len(items) < 2:
            return fn(items)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker)
        size = -(-len(items) // self.workers)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        out: list[R] = []
        for part in self._pool.map(fn, chunks):
            out.extend(part)
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
