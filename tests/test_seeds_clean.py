"""The clean stage on the two real seed reports, checked against ``seeds.gold.json``.

The reports are read from ``../shared/corpus`` (never copied into the repo); the test skips when
that folder is absent.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from crosswire.clean import clean_report
from crosswire.ingest import read_inputs
from crosswire.model import RawReport, Report

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
GOLD = CORPUS / "seeds.gold.json"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason="shared corpus not available")


def _norm(text: str) -> str:
    """Gold lines were written with plain spaces where the page had no-break spaces."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))["reports"]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, tuple[str, Report]]:
    out = {}
    for item in read_inputs([str(SEEDS)]):
        assert isinstance(item, RawReport), item
        out[Path(item.uri).name] = (item.text, clean_report(item))
    return out


def test_every_seed_is_cleaned(gold: dict, cleaned: dict) -> None:
    assert set(gold) <= set(cleaned)


def test_titles_boilerplate_captions_and_body(gold: dict, cleaned: dict) -> None:
    for name, expected in gold.items():
        original, report = cleaned[name]
        assert report.title == expected["title"]
        body = _norm(report.body)
        removed = [_norm(line) for line in report.boilerplate]
        captions = [_norm(line) for line in report.captions]
        for line in expected["boilerplate_lines"]:
            assert _norm(line) in removed, (name, line)
            assert _norm(line) not in body, (name, line)
        for line in expected.get("caption_lines", []):
            assert _norm(line) in captions, (name, line)
            assert _norm(line) not in body, (name, line)
        dropped = {_norm(x) for x in [expected["title"], *expected["boilerplate_lines"]]}
        dropped |= {_norm(x) for x in expected.get("caption_lines", [])}
        kept = [p.strip() for p in original.split("\n\n") if p.strip() and _norm(p) not in dropped]
        assert kept == report.paragraphs, name  # every other paragraph, in order, and nothing else
        assert report.language == "en"


def test_outlets(cleaned: dict) -> None:
    first = cleaned["000_5043b6e3fcac2213.txt"][1]
    second = cleaned["004_e1024a409aaaa7af.txt"][1]
    assert first.outlet == "Haaretz"
    assert (second.outlet, second.outlet_source, second.republished_from) == (
        "Haaretz",
        "source-line",
        "haaretz.com",
    )


def test_first_seed_date_is_inferred(cleaned: dict) -> None:
    report = cleaned["000_5043b6e3fcac2213.txt"][1]
    assert report.published_source == "inferred"
    assert report.published is not None
    assert date(2018, 1, 30) <= date.fromisoformat(report.published) <= date(2018, 2, 5)
    assert report.published_reason and "2018-01-29" in report.published_reason


def test_second_seed_has_no_date_in_its_text(cleaned: dict) -> None:
    report = cleaned["004_e1024a409aaaa7af.txt"][1]
    assert (report.published, report.published_source) == (None, None)
