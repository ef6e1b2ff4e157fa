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
