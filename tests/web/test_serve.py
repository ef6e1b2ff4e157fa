"""``crosswire serve`` wires --db, --host and --port into uvicorn (uvicorn.run itself is replaced)."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from crosswire.cli import serve


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context, db: str = typer.Option(..., "--db")) -> None:
        ctx.obj = {"db": db}

    serve.register(app)
    return app


def test_serve_passes_options_to_uvicorn(tmp_path, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(_app(), ["--db", str(db), "serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (app, kw) = calls[0]
    assert kw["host"] == "0.0.0.0" and kw["port"] == 8123
    assert app.state.db_path == str(db) and db.exists()
    assert "read-only" in result.output


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: (_ for _ in ()).throw(AssertionError("started")))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(_app(), ["--db", str(bad), "serve"])
    assert result.exit_code != 0
    assert "cannot open" in str(result.exception)
