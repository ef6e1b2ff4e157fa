"""Quality and speed of the clean stage on real data (``../shared/corpus``), figures printed.

* seeds: the share of ``seeds.gold.json`` checks the clean stage passes (titles, boilerplate and
  caption lines set aside, every other paragraph kept, outlets, the first seed's inferred date).
* dates: on PolNeAR articles (train + dev; ``metadata.tsv`` has each one's true publication
  date) the text carries no declared date and the dated file name is hidden, so every date is
  inferred from the text: how many get one
  (coverage), how many of those land within 3 days of the truth, and how many are off by more
  than 30 days.
* near-duplicates: each article's republished copy (``syndicated_copy``: a "Source" footer, one
  word edited, a short last paragraph cut) must find its original (recall); pairs of *different*
  articles (different titles in the metadata) flagged as copies are false pairs.
* language: every PolNeAR article is English.
* speed: clean_report reports/s (not gated).

    .venv/bin/python bench/clean.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
POLNEAR = CORPUS / "quotes-polnear"


def _raw(path: Path, *, hide_name: bool = False):  # noqa: ANN202 - RawReport
    """``hide_name``: PolNeAR file names carry the publication date, which clean would read (as it
    should for real input); the dates figure measures inference from the text, so the name is hidden."""
    from crosswire.model import RawReport

    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    uri = str(path.with_name(f"{digest[:16]}{path.suffix}")) if hide_name else str(path)
    return RawReport(uri, "text/plain", data.decode("utf-8"), digest)


def _norm(text: str) -> str:
    return " ".join(text.split())


def seed_checks(corpus: Path = CORPUS) -> tuple[int, int]:
    """(passed, total) over the gold file's clean-stage checks."""
    from crosswire.clean import clean_report

    gold = json.loads((corpus / "seeds.gold.json").read_text(encoding="utf-8"))["reports"]
    passed = total = 0

    def check(ok: bool) -> None:
        nonlocal passed, total
        total += 1
        passed += bool(ok)

    for name, expected in gold.items():
        raw = _raw(corpus / "seeds" / name)
        report = clean_report(raw)
        body, removed = _norm(report.body), {_norm(x) for x in report.boilerplate}
        captions = {_norm(x) for x in report.captions}
        check(report.title == expected["title"])
        for line in expected["boilerplate_lines"]:
            check(_norm(line) in removed and _norm(line) not in body)
        for line in expected.get("caption_lines", []):
            check(_norm(line) in captions and _norm(line) not in body)
        dropped = {_norm(x) for x in [expected["title"], *expected["boilerplate_lines"]]}
        dropped |= {_norm(x) for x in expected.get("caption_lines", [])}
        for paragraph in raw.text.split("\n\n"):
            if paragraph.strip() and _norm(paragraph) not in dropped:
                check(paragraph.strip() in report.paragraphs)
        check(report.outlet == "Haaretz")
        check(report.language == "en")
        if "syndicated" in expected:
            check(report.republished_from == "haaretz.com")
        elif report.published:
            low, high = date(2018, 1, 30), date(2018, 2, 5)
            check(
                report.published_source == "inferred" and low <= date.fromisoformat(report.published) <= high
            )
        else:
            check(False)
    return passed, total


def _articles(limit: int | None) -> list[tuple[Path, dict[str, str]]]:
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}
    paths = sorted(POLNEAR.glob("*/text/*.txt"))
    found = [(p, meta[p.stem]) for p in paths if p.stem in meta and meta[p.stem].get("publication_date")]
    return found[:limit] if limit else found


def syndicated_copy(paragraphs: list[str]) -> str | None:
    """What a republishing site does: another footer, one word edited, a short last paragraph cut.

    Articles under 100 words are skipped: there a footer alone moves the Jaccard below 0.8.
    """
    words = sum(len(p.split()) for p in paragraphs)
    if words < 100:
        return None
    kept = list(paragraphs)
    if len(kept) > 1 and len(kept[-1].split()) < words / 10:
        kept.pop()
    middle = kept[len(kept) // 2].split()
    middle[len(middle) // 2] = "reportedly"
    kept[len(kept) // 2] = " ".join(middle)
    return "\n\n".join([*kept, "Source www.example.com"])


def run(limit: int | None = None, corpus: Path = CORPUS) -> dict[str, float]:
    """Every figure this bench prints, as a dict (the gate test compares it with the floors)."""
    from crosswire.clean import NearDuplicateIndex, clean_report, fingerprint

    passed, total = seed_checks(corpus)
    articles = _articles(limit)
    raws = [_raw(path, hide_name=True) for path, _ in articles]
    t0 = time.perf_counter()
    reports = [clean_report(raw) for raw in raws]
    per_second = len(reports) / (time.perf_counter() - t0)

    inferred = near = far = english = 0
    for report, (_, meta) in zip(reports, articles, strict=True):
        english += report.language == "en"
        if report.published_source == "inferred" and report.published:
            inferred += 1
            off = abs(
                (date.fromisoformat(report.published) - date.fromisoformat(meta["publication_date"])).days
            )
            near += off <= 3
            far += off > 30

    index = NearDuplicateIndex()
    for report in reports:
        index.add(report.id, report.fingerprint)
    title_of = {report.id: meta.get("title", "") for report, (_, meta) in zip(reports, articles, strict=True)}
    false_pairs = set()
    for report in reports:
        for other, _ in index.query(report.fingerprint):
            if other != report.id and _norm(title_of[other]).lower() != _norm(title_of[report.id]).lower():
                false_pairs.add(frozenset((other, report.id)))
    found = tried = 0
    for report in reports:
        copy = syndicated_copy(report.paragraphs)
        if copy is not None:
            tried += 1
            found += any(key == report.id for key, _ in index.query(fingerprint(copy)))

    n = len(reports)
    return {
        "seed_checks": passed / total,
        "date_coverage": inferred / n,
        "date_within_3_days": near / inferred if inferred else 0.0,
        "date_off_30_days": far / inferred if inferred else 0.0,
        "dup_recall": found / tried if tried else 0.0,
        "dup_false_pairs": float(len(false_pairs)),
        "language_en": english / n,
        "reports": float(n),
        "reports_per_s": per_second,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR articles")
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"{POLNEAR} not found: this bench reads ../shared/corpus", file=sys.stderr)
        return 2
    for key, value in run(args.limit).items():
        print(f"{key:22s} {value:.3f}" if value < 100 else f"{key:22s} {value:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
