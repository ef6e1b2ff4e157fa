"""``crosswire serve``: the web workbench and the JSON API over the store given by ``--db``."""

from __future__ import annotations

import socket
from pathlib import Path

import typer

from crosswire.cli.common import CliError, err_console, open_store


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        ctx: typer.Context,
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for all)."),
        port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port to listen on."),
    ) -> None:
        """Serve the workbench pages and the /api/v1 JSON API (writes need CROSSWIRE_TOKEN).

        Example: crosswire --db news.db serve --port 8000   (with CROSSWIRE_TOKEN=secret set for uploads)
        """
        import uvicorn

        from crosswire import settings
        from crosswire.web.app import create_app

        db = ctx.obj["db"]
        writable = bool(settings.get("token"))
        existed = Path(db).is_file()
        # read-only, the store must exist (a mistyped --db is named, not served empty); with a token,
        # uploads can fill a new one. A bad path or a newer schema fails here, as one clear line.
        open_store(ctx, create=writable).close()
        sock = _listen(host, port)  # bind first: the banner below means the server really has the port
        if not writable:
            err_console.print(
                "note: CROSSWIRE_TOKEN is not set; the server is read-only", highlight=False, soft_wrap=True
            )
        elif not existed:
            err_console.print(
                f"note: created an empty store at {db}; uploads will fill it", highlight=False, soft_wrap=True
            )
        bound = sock.getsockname()[1]
        err_console.print(
            f"crosswire serving {db} on http://{_url_host(host)}:{bound}/", highlight=False, soft_wrap=True
        )
        config = uvicorn.Config(create_app(db), log_level="warning")
        uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or one clear error line (port in use, unknown host, no permission)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise CliError(f"--host {host}", f"cannot resolve ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # what uvicorn does: restarts need no wait
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise CliError(
            f"{host}:{port}",
            f"cannot listen there ({exc.strerror or exc}); is another server on it? try --port",
        ) from None
    sock.set_inheritable(True)
    return sock


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
