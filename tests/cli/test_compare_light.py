"""``compare REPORT REPORT`` runs on the stored analyses: no pipeline, no analyzer, no spaCy (trial 8: 11 s)."""

from __future__ import annotations

import json
import subprocess
import sys

from .clistore import REPORT_A, REPORT_B, build

# Runs the CLI in a fresh interpreter (this one may have spaCy loaded by other tests) with a word-count
# embedder in place of MiniLM, then reports which heavy modules the command imported.
_SCRIPT = """
import json, sys
import numpy as np
import crosswire.compare as compare

def embed(texts):
    vecs = np.ones((len(texts), 4), dtype=np.float32)
    vecs[:, 0] += [len(t.split()) for t in texts]
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)

compare.minilm_embed = embed
from crosswire.cli.main import app
try:
    app(["--db", sys.argv[1], "compare", sys.argv[2], sys.argv[3], "--json"])
except SystemExit as done:
    code = done.code
heavy = sorted(m for m in ("spacy", "crosswire.pipeline", "crosswire.analyze", "crosswire.stories") if m in sys.modules)
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def test_comparing_two_reports_loads_no_analyzer(tmp_path):
    db = build(tmp_path / "s.db")
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, db, REPORT_A[:6], REPORT_B[:6]],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = json.loads(done.stderr.strip().splitlines()[-1])
    assert found == {"code": 0, "heavy": []}, done.stderr
    assert set(json.loads(done.stdout)["report_ids"]) == {REPORT_A, REPORT_B}
