"""The invented store of ``webstore`` in a temp folder, and a TestClient over it (no token set)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .webstore import build


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "web.db"
    build(path)
    return str(path)


@pytest.fixture
def client(db_path, monkeypatch):
    from crosswire.web.app import create_app

    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    with TestClient(create_app(db_path)) as c:
        yield c
