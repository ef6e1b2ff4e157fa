"""Shared fixtures: a temporary store, the shared corpus location, and the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
EXAMPLES = REPO / "examples" / "reports"


@pytest.fixture
def store(tmp_path):
    from crosswire.store import Store

    with Store.open(tmp_path / "test.db") as s:
        yield s


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian chromium for the whole session: Playwright's sync API allows one
    ``sync_playwright`` at a time, so every browser test module shares this one."""
    from tests.browser.browserenv import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (make chromium installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
