"""The package's public surface is exactly what __all__ says, and it works."""

import inspect
import subprocess
import sys

import pytest

import crosswire


def test_all_is_the_public_surface():
    public = {
        n
        for n, v in vars(crosswire).items()
        if not n.startswith("_") and not inspect.ismodule(v) and getattr(v, "__module__", None) == "crosswire"
    }
    assert set(crosswire.__all__) - {"__version__"} == public


def test_import_is_cheap():
    code = "import sys, crosswire; print('spacy' in sys.modules or 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_open_store(tmp_path):
    with crosswire.open_store(str(tmp_path / "x.db")) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.slow
def test_analyze_examples_gives_cited_briefs():
    from tests.conftest import EXAMPLES

    briefs = crosswire.analyze_files([str(EXAMPLES)])
    assert len(briefs) == 3
    for brief in briefs:
        assert brief.sentences
        for sentence in brief.sentences:
            assert sentence.citations
