"""``crosswire serve``: the web workbench and the JSON API over the store given by ``--db``."""

from __future__ import annotations

import typer

from crosswire.cli.common import err_console


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        ctx: typer.Context,
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for all)."),
        port: int = typer.Option(8000, "--port", help="TCP port to listen on."),
    ) -> None:
        """Serve the workbench pages and the /api/v1 JSON API (writes need CROSSWIRE_TOKEN).

        Example: crosswire --db news.db serve --port 8000   (with CROSSWIRE_TOKEN=secret set for uploads)
        """
        import uvicorn

        from crosswire import settings
        from crosswire.store import Store
        from crosswire.web.app import create_app

        db = ctx.obj["db"]
        Store.open(db).close()  # a bad path or a newer schema fails here, as one clear line
        if not settings.get("token"):
            err_console.print("note: CROSSWIRE_TOKEN is not set; the server is read-only", highlight=False)
        err_console.print(f"crosswire serving {db} on http://{host}:{port}/", highlight=False)
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
