"""Fixtures for the ingest tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def write(tmp_path):
    """Write bytes or text under tmp_path and return the path as a string."""

    def _write(name: str, content: bytes | str, encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode(encoding) if isinstance(content, str) else content
        path.write_bytes(data)
        return str(path)

    return _write
