"""Issue 2's acceptance case, end to end through the CLI: ingest the real seeds, export, compare with gold."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from tests.conftest import CORPUS, SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside this checkout")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["--db", str(db), "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    gold = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))
    by_file = {r["uri"].rsplit("/", 1)[-1]: r for r in records}
    return by_file, gold, db


def test_two_reports_one_story(exported):
    by_file, gold, _ = exported
    assert len(by_file) == 2
    assert len({r["story_id"] for r in by_file.values()}) == 1
    assert None not in {r["story_id"] for r in by_file.values()}


def test_titles_and_outlets(exported):
    by_file, gold, _ = exported
    for name, g in gold["reports"].items():
        assert by_file[name]["title"] == g["title"]
        assert by_file[name]["outlet"] == "Haaretz"
    assert by_file["004_e1024a409aaaa7af.txt"]["republished_from"] == "haaretz.com"


def test_dates(exported):
    by_file, _, _ = exported
    first, second = by_file["000_5043b6e3fcac2213.txt"], by_file["004_e1024a409aaaa7af.txt"]
    assert first["published_source"] == "inferred"
    assert "2018-01-30" <= first["published"] <= "2018-02-05"
    assert first["published_reason"]
    assert second["published"] == "2018-01-29"
    assert second["published_reason"]


def test_boilerplate_out_of_body_and_kept(exported):
    by_file, gold, _ = exported
    lines = [(name, line) for name, g in gold["reports"].items() for line in g["boilerplate_lines"]]
    assert len(lines) == 6
    for name, line in lines:
        assert line not in by_file[name]["body"]
        assert line in by_file[name]["boilerplate"]
    for name, g in gold["reports"].items():
        for caption in g.get("caption_lines", []):
            assert caption not in by_file[name]["body"]
            assert caption in by_file[name]["captions"]


def test_every_other_paragraph_kept(exported):
    from tests.conftest import SEEDS

    by_file, gold, _ = exported
    for name, g in gold["reports"].items():
        removed = set(g["boilerplate_lines"]) | set(g.get("caption_lines", []))
        paragraphs = [p.strip() for p in (SEEDS / name).read_text(encoding="utf-8").split("\n")[1:]]
        body = " ".join(by_file[name]["body"].split())
        for p in paragraphs:
            if p and p not in removed:
                assert " ".join(p.split()) in body, p[:60]


def test_search_and_listing(exported):
    _, _, db = exported
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "search", "missile factories", "--json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 2
    result = runner.invoke(app, ["--db", str(db), "stories", "--json"])
    (story,) = json.loads(result.stdout)
    assert story["reports"] == 2
    result = runner.invoke(app, ["--db", str(db), "show", story["id"][:6], "--json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["report_list"]) == 2


def test_second_ingest_stores_nothing_new(exported):
    from tests.conftest import SEEDS

    _, _, db = exported
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", str(SEEDS), "--json"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["stored"] == 0 and summary["known"] == 2
