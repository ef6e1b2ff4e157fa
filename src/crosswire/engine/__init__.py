"""Engines run a stage's batch function: ``LocalEngine`` (process pool) by default; Ray as an optional extra."""

from crosswire.engine.local import LocalEngine

__all__ = ["LocalEngine"]
