"""Ingest throughput on 300 full-length real articles (PolNeAR train texts), and peak memory.

Prints reports/s for ingest + clean alone, and for the whole ingest (clean, analyze, stories,
SQLite writes) through the real pipeline, plus the process's peak RSS.

    python bench/ingest.py [--limit 300] [--workers 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXTS = REPO.parent / "shared" / "corpus" / "quotes-polnear" / "train" / "text"


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of the largest worker it waited for (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if not TEXTS.is_dir():
        sys.exit(f"{TEXTS} not found: this bench reads ../shared/corpus")

    from crosswire.clean import clean_report
    from crosswire.errors import InputError
    from crosswire.ingest import read_inputs
    from crosswire.model import Rejection
    from crosswire.pipeline import Pipeline
    from crosswire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        files = sorted(TEXTS.glob("*.txt"))[: args.limit]
        for f in files:  # a private copy so the bench measures a fresh folder, not the shared one
            os.symlink(f, folder / f.name)
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)

        t0 = time.perf_counter()
        cleaned = 0
        for item in read_inputs([str(folder)]):
            if not isinstance(item, Rejection):
                try:
                    clean_report(item)
                    cleaned += 1
                except InputError:
                    pass
        t_clean = time.perf_counter() - t0

        t0 = time.perf_counter()
        with Store.open(Path(tmp) / "bench.db") as store, Pipeline(store, workers=args.workers) as pipeline:
            summary = pipeline.ingest([str(folder)])
        t_all = time.perf_counter() - t0

    print(f"corpus: {len(files)} PolNeAR train articles, {words / max(1, len(files)):.0f} words on average")
    print(f"ingest + clean:               {cleaned / t_clean:8.1f} reports/s  ({t_clean:.1f} s)")
    print(
        f"whole ingest (analyze+stories): {summary.stored / t_all:6.1f} reports/s  ({t_all:.1f} s, "
        f"workers={args.workers}, {len(summary.stories)} stories, {summary.copies} copies)"
    )
    total = sum(summary.seconds.values()) or 1.0
    print("time by stage (whole ingest):")
    for stage, secs in sorted(summary.seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<15} {secs:7.1f} s  {100 * secs / total:5.1f} %")
    own, worker = peak_rss_mb()
    print(f"peak memory (RSS): {own:.0f} MB this process, {worker:.0f} MB largest worker process")


if __name__ == "__main__":
    main()
