"""Where the browser tests find the corpus and chromium, and the write token the server gets."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "browser-test-token"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]  # fmt: skip
