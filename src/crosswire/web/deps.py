"""What every request shares: a store connection of its own, and the write-token check."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator

from fastapi import HTTPException, Request

from crosswire import settings
from crosswire.store import Store


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """One connection per request: SQLite in WAL mode lets readers run while an upload writes."""
    store = Store.open(request.app.state.db_path)
    try:
        yield store.conn
    finally:
        store.close()


def check_token(supplied: str | None) -> None:
    """Refuse a write unless ``supplied`` equals the configured token (compared in constant time).

    No token configured means no writes at all (403), so a server started without one is read-only
    rather than open to anyone.
    """
    expected = str(settings.get("token") or "")
    if not expected:
        raise HTTPException(403, "writes are disabled: set CROSSWIRE_TOKEN on the server to allow them")
    if not supplied or not secrets.compare_digest(supplied.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, if there is one."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None
