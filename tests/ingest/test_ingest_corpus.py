"""Real reports from ../shared/corpus (read in place, never copied); skipped when it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.ingest import read_inputs
from crosswire.model import RawReport

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
EVAL = CORPUS / "extraction-trafilatura"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    return path


def test_seeds_come_out_with_the_headline_on_line_1() -> None:
    gold = json.loads(need(CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))["reports"]
    items = list(read_inputs([str(need(CORPUS / "seeds"))]))
    assert len(items) == len(gold)
    for item in items:
        assert isinstance(item, RawReport), item
        name = Path(item.uri).name
        assert item.text.split("\n", 1)[0] == gold[name]["title"]
        assert item.media_type == "text/plain" and len(item.content_hash) == 64


def _dated_pages(n: int) -> list[tuple[Path, dict]]:
    data = json.loads(need(EVAL / "evaldata.json").read_text(encoding="utf-8"))
    pages = [(EVAL / "html" / f"{v['file']}.gz", v) for v in data.values() if v.get("date")]
    return [(p, v) for p, v in pages if p.is_file()][:n]


def test_eval_html_pages_give_text_and_a_date() -> None:
    pages = _dated_pages(12)
    right = 0
    for path, item in pages:
        (report,) = read_inputs([str(path)])
        assert isinstance(report, RawReport), report
        assert len(report.text) > 200 and "\n\n\n" not in report.text and report.text == report.text.strip()
        assert report.declared.get("title")
        found = sum(segment in report.text for segment in item["with"])
        assert found >= len(item["with"]) / 2, (path.name, item["with"])
        right += report.declared.get("published") == item["date"][:10]
    assert right >= 0.75 * len(pages)
