"""A real server and a real browser: uvicorn in a thread over the ingested seeds, Debian's chromium.

The store is built once per session by ingesting ``../shared/corpus/seeds`` through ``Pipeline``
(skipped when the corpus is not beside the checkout); writes use a token set for the session.
"""

from __future__ import annotations

import os

import pytest

from .browserenv import SEEDS, TOKEN, serving


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside this checkout")
    from crosswire.pipeline import Pipeline
    from crosswire.store import Store

    path = tmp_path_factory.mktemp("browser") / "seeds.db"
    with Store.open(path) as store, Pipeline(store, workers=1) as pipeline:
        summary = pipeline.ingest([str(SEEDS)])
    assert summary.stored == 2, summary
    return str(path)


@pytest.fixture(scope="session")
def base_url(seeds_db):
    old = os.environ.get("CROSSWIRE_TOKEN")
    os.environ["CROSSWIRE_TOKEN"] = TOKEN
    with serving(seeds_db) as url:
        yield url
    if old is None:
        os.environ.pop("CROSSWIRE_TOKEN", None)
    else:
        os.environ["CROSSWIRE_TOKEN"] = old


@pytest.fixture(scope="session")
def browser(chromium):
    return chromium


@pytest.fixture
def page(browser, base_url, tmp_path):
    """A fresh page that records console errors (CSP violations included) and any dialog (alert)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.console_errors = []
    pg.dialogs = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.set_default_timeout(20_000)
    yield pg
    pg.screenshot(path=str(tmp_path / "final.png"), full_page=True)
    context.close()
