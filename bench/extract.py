"""HTML main-text extraction on trafilatura's own eval set: bare trafilatura vs crosswire's path.

Scoring follows trafilatura's ``tests/comparison.py``: for each page, every ``with`` segment
found in the output is a true positive (else a false negative), every ``without`` segment found
is a false positive (else a true negative); precision, recall and F1 are over the summed counts.
No output at all counts every ``with`` as missed.

Rows, measured in the same run on the same bytes (``.html.gz`` read and inflated in both):

* ``trafilatura.extract`` -- ``trafilatura.extract(html)`` with its defaults;
* ``crosswire`` -- ``crosswire.ingest.read_inputs`` on the file, then (when the clean stage
  exists) ``crosswire.clean.clean_report``; the scored text is ``title`` + blank line + body.

Usage: ``python bench/extract.py [--limit N] [--corpus PATH]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "extraction-trafilatura"
sys.path.insert(0, str(ROOT / "src"))


@dataclass
class Score:
    name: str
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    docs: int = 0
    seconds: float = 0.0
    ingest_seconds: float = 0.0  # crosswire only: the part spent in read_inputs

    def add(self, result: str | None, item: dict) -> None:
        self.docs += 1
        if not isinstance(result, str):
            self.fn += len(item["with"])
            self.tn += len(item["without"])
            return
        for segment in item["with"]:
            if segment in result:
                self.tp += 1
            else:
                self.fn += 1
        for segment in item["without"]:
            if segment in result:
                self.fp += 1
            else:
                self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        return (
            f"{self.name:<24} {self.precision:>9.3f} {self.recall:>7.3f} {self.f1:>7.3f}"
            f" {self.docs:>6d} {self.docs_per_s:>8.1f}"
        )


def load_eval(corpus: Path = CORPUS, limit: int | None = None) -> list[tuple[Path, dict]]:
    """``(path, item)`` pairs in evaldata order; files that are missing are left out."""
    data = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    pairs = []
    for item in data.values():
        path = corpus / "html" / f"{item['file']}.gz"
        if path.is_file():
            pairs.append((path, item))
    return pairs[:limit] if limit else pairs


def bare_trafilatura(path: Path) -> str | None:
    import trafilatura

    return trafilatura.extract(gzip.decompress(path.read_bytes()))


def _clean() -> Callable | None:
    """The clean stage's ``clean_report`` if another engineer has landed it; else ``None``."""
    try:
        from crosswire.clean import clean_report  # type: ignore[attr-defined]
    except ImportError:
        return None
    return clean_report


def crosswire_text(path: Path, clean: Callable | None, timing: dict[str, float] | None = None) -> str | None:
    """Title + body as crosswire stores them; ``timing["ingest"]`` accumulates the ingest share."""
    from crosswire.ingest import read_inputs
    from crosswire.model import RawReport

    start = time.perf_counter()
    raws = list(read_inputs([str(path)]))
    if timing is not None:
        timing["ingest"] = timing.get("ingest", 0.0) + time.perf_counter() - start
    parts: list[str] = []
    for raw in raws:
        if not isinstance(raw, RawReport):
            continue
        title, body = raw.declared.get("title"), raw.text
        if clean is not None:
            report = clean(raw)
            title, body = report.title, report.body
        parts += [p for p in (title, body) if p]
    return "\n\n".join(parts) if parts else None


def evaluate(limit: int | None = None, corpus: Path = CORPUS) -> dict[str, Score]:
    """Score both extractors over the eval set, interleaved per page so machine load hits both alike."""
    pairs = load_eval(corpus, limit)
    clean = _clean()
    name = "crosswire (ingest+clean)" if clean else "crosswire (ingest)"
    scores = {"trafilatura": Score("trafilatura.extract"), "crosswire": Score(name)}
    timing: dict[str, float] = {}
    runners: dict[str, Callable[[Path], str | None]] = {
        "trafilatura": bare_trafilatura,
        "crosswire": lambda p: crosswire_text(p, clean, timing),
    }
    for path, item in pairs:
        for key, run in runners.items():
            start = time.perf_counter()
            result = run(path)
            scores[key].seconds += time.perf_counter() - start
            scores[key].add(result, item)
    scores["crosswire"].ingest_seconds = timing.get("ingest", 0.0)
    return scores


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (quick run)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not (args.corpus / "evaldata.json").is_file():
        sys.exit(f"no eval set at {args.corpus}")
    scores = evaluate(args.limit, args.corpus)
    print(f"{'extractor':<24} {'precision':>9} {'recall':>7} {'F1':>7} {'docs':>6} {'docs/s':>8}")
    for score in scores.values():
        print(score.row())
    ours = scores["crosswire"]
    if ours.ingest_seconds:
        print(f"crosswire ingest alone: {ours.docs / ours.ingest_seconds:.1f} docs/s")
    delta = scores["crosswire"].f1 - scores["trafilatura"].f1
    print(f"crosswire - trafilatura F1: {delta:+.3f}")


if __name__ == "__main__":
    main()
