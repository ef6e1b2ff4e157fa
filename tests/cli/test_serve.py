"""``crosswire serve``: --db, --host and --port reach uvicorn; the banner comes only once the port is bound."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.store import Store

runner = CliRunner()


@pytest.fixture
def started(monkeypatch):
    """Replace uvicorn's server: record its app and sockets instead of serving."""
    import uvicorn

    calls: list[dict] = []

    class FakeServer:
        def __init__(self, config):
            self.config = config

        def run(self, sockets=None):
            calls.append({"app": self.config.app, "sockets": sockets})
            for sock in sockets or ():
                sock.close()

    monkeypatch.setattr(uvicorn, "Server", FakeServer)
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    return calls


def test_serve_binds_then_announces_and_hands_the_socket_to_uvicorn(tmp_path, started):
    db = tmp_path / "s.db"
    Store.open(db).close()
    result = runner.invoke(app, ["--db", str(db), "serve", "--host", "127.0.0.1", "--port", "0"])
    assert result.exit_code == 0, result.output
    (call,) = started
    assert call["app"].state.db_path == str(db)
    (sock,) = call["sockets"]
    assert "read-only" in result.output
    assert f"crosswire serving {db} on http://127.0.0.1:" in result.output
    assert ":0/" not in result.output  # the port the OS gave, not the 0 asked for


def test_busy_port_is_one_error_line_and_no_banner(tmp_path, started):
    db = tmp_path / "s.db"
    Store.open(db).close()
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    try:
        result = runner.invoke(app, ["--db", str(db), "serve", "--port", str(port)])
    finally:
        busy.close()
    assert result.exit_code == 2
    assert result.output.startswith(f"error 127.0.0.1:{port}: CW-CLI-001: cannot listen there")
    assert "serving" not in result.output and not started


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path, started):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(app, ["--db", str(bad), "serve"])
    assert result.exit_code == 2
    assert "cannot open as a crosswire database" in result.output and not started


def test_with_a_token_serve_may_start_an_empty_store_for_uploads(tmp_path, started, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "secret")
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["--db", str(db), "serve", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert db.is_file() and "created an empty store" in result.output and started
