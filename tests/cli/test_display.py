"""What the tables look like at 80 columns: whole ids, right plurals, each rejection once, cut lists said."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rich.console import Console
from typer.testing import CliRunner

from crosswire.cli import common, digest, ingest, stories
from crosswire.cli.main import app
from crosswire.model import Citation, Claim, Comparison, Report

from .clistore import REPORT_A, REPORT_B, STORY, build

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    return build(tmp_path / "s.db")


@pytest.fixture
def narrow(monkeypatch):
    """An 80-column console (what `make demo` gets when stdout is not a terminal), recorded."""
    out = Console(width=80, record=True)
    for module in (common, stories, digest, ingest):
        monkeypatch.setattr(module, "console", out)
    import crosswire.cli.analysis as analysis

    monkeypatch.setattr(analysis, "console", out)
    return out


def test_plural():
    assert [common.plural(n, "story") for n in (0, 1, 2)] == ["0 stories", "1 story", "2 stories"]
    assert common.plural(1, "copy") == "1 copy" and common.plural(3, "copy") == "3 copies"
    assert common.plural(1, "outlet") == "1 outlet" and common.plural(2, "day") == "2 days"


@pytest.mark.parametrize(
    ("args", "whole"),
    [
        (["stories"], [STORY]),
        (["show", STORY[:6]], [REPORT_A[:8], REPORT_B[:8]]),
        (["quotes"], [REPORT_A[:8], REPORT_B[:8]]),
        (["search", "pier"], [REPORT_A[:8], STORY[:8]]),
        (["entities"], ["ada-vell", "port-quill"]),
    ],
)
def test_ids_are_never_split_at_80_columns(db, narrow, args, whole):
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    text = narrow.export_text()
    for ident in whole:
        assert ident in text, (ident, text)


def test_singular_counts_read_right(db, narrow):
    assert runner.invoke(app, ["--db", db, "stories"]).exit_code == 0
    assert runner.invoke(app, ["--db", db, "report"]).exit_code == 0
    text = narrow.export_text()
    assert "1 story" in text and "1 stories" not in text
    assert "2 reports · 1 outlet · 2024-03-05 → 2024-03-06" in text
    assert "crosswire · 2 reports · 1 story · 0 copies" in text


def test_stories_entity_matches_part_of_a_name_or_id_or_alias(db):
    for term in ("Vell", "ada vell", "ADA-VELL", "Ada Vell", "Minister Vell", "quill"):
        result = runner.invoke(app, ["--db", db, "stories", "--entity", term, "--json"])
        assert [s["id"] for s in json.loads(result.stdout)] == [STORY], term
    result = runner.invoke(app, ["--db", db, "stories", "--entity", "Netanyahu", "--json"])
    assert json.loads(result.stdout) == []


def _cite(rid: str, n: int) -> Citation:
    return Citation(rid, 0, 10, f"Statement {n} from {rid[:4]}.")


def test_compare_says_when_only_in_is_cut_and_names_reports_sharing_an_outlet(narrow):
    reports = {
        REPORT_A: Report(REPORT_A, None, "A", "body", outlet="Quill Times"),
        REPORT_B: Report(REPORT_B, None, "B", "body", outlet="Quill Times"),
        "c1d2e3f4a5b6": Report("c1d2e3f4a5b6", None, "C", "body", outlet="Harbour Post"),
    }
    only_in = {
        REPORT_A: tuple(_cite(REPORT_A, i) for i in range(4)),
        REPORT_B: tuple(_cite(REPORT_B, i) for i in range(30)),
    }
    claims = (Claim("The pier opens.", (), (REPORT_A, "c1d2e3f4a5b6"), 2, disputed_by=("northwind news",)),)
    comparison = Comparison("s", tuple(reports), only_in=only_in, claims=claims)
    digest._print_comparison(comparison, reports)
    text = narrow.export_text()
    assert "3 reports · 0 copies collapsed" in text
    assert f"showing {digest.SHOWN_ONLY_IN} of 34; --all or --json for the rest" in text
    assert f"Quill Times {REPORT_A[:8]}" in text and f"Quill Times {REPORT_B[:8]}" in text
    assert "Harbour Post c1d2" not in text  # alone on its outlet: no id needed
    assert "Statement 3 from a3c9" in text  # the short list keeps rows of both reports
    assert "disputed by northwind news" in text


def test_compare_all_lists_every_row(narrow):
    reports = {REPORT_A: Report(REPORT_A, None, "A", "body", outlet="Quill Times")}
    comparison = Comparison(
        "s", (REPORT_A,), only_in={REPORT_A: tuple(_cite(REPORT_A, i) for i in range(20))}
    )
    digest._print_comparison(comparison, reports, show_all=True)
    text = narrow.export_text()
    assert "1 report · 0 copies collapsed" in text
    assert "Statement 19 from" in text and "showing" not in text


def test_fair_share_keeps_every_report_and_the_limit():
    only_in = {"a": tuple(range(3)), "b": tuple(range(30)), "c": ()}
    shown = digest._fair_share(only_in, 16)
    assert len(shown) == 16
    assert [r for r, _ in shown].count("a") == 3
    assert digest._fair_share(only_in, 100) == [(r, c) for r, cs in only_in.items() for c in cs]


def test_each_rejection_is_printed_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "ingest", str(tmp_path / "in")])
    assert result.exit_code == 1
    assert result.output.count("empty.txt") == 1, result.output
    line = next(x for x in result.output.splitlines() if "empty.txt" in x)
    assert line.startswith("rejected ") and "CW-INGEST-001" in line  # one greppable line
    assert "1 input rejected" in result.output


def test_help_and_read_verbs_do_not_load_models():
    code = (
        "import sys; from crosswire.cli.main import app; "
        "heavy = [m for m in ('spacy', 'torch', 'crosswire.pipeline', 'crosswire.analyze', 'uvicorn') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_variant_marks_survive_output_without_colour(monkeypatch):
    """Piped or NO_COLOR output drops red; the differing words must still be told apart."""
    from crosswire.model import Variant

    a = Citation(REPORT_A, 0, 24, "We will open it by May.")
    b = Citation(REPORT_B, 0, 26, "We will open it by winter.")
    variant = Variant("Ada Vell", (a, b), differing=(((19, 22),), ((19, 25),)))
    comparison = Comparison("s", (REPORT_A, REPORT_B), variants=(variant,))
    reports = {
        r: Report(r, None, "t", "body", outlet=o) for r, o in ((REPORT_A, "Quill"), (REPORT_B, "Post"))
    }
    for colour, marked in ((None, "*May*"), ("truecolor", "May")):
        out = Console(width=100, record=True, color_system=colour)
        monkeypatch.setattr(digest, "console", out)
        digest._print_comparison(comparison, reports)
        text = out.export_text()
        assert marked in text and ("between *asterisks*" in text) == (colour is None)
    assert "*winter*" not in text  # with colour, no asterisks


def test_compare_of_story_ids_says_they_are_stories(db):
    result = runner.invoke(app, ["--db", db, "compare", STORY[:8], REPORT_A[:6]])
    assert result.exit_code == 2
    assert f"this is story {STORY}, not a report" in result.output


def test_a_story_whose_outlets_are_all_unknown_says_so_not_zero(db, narrow):
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE reports SET outlet = NULL")
        conn.execute("UPDATE stories SET outlet_count = 0")
    assert runner.invoke(app, ["--db", db, "stories"]).exit_code == 0
    row = next(line for line in narrow.export_text().splitlines() if STORY in line)
    assert row.split("│")[4].strip() == "?"
    assert runner.invoke(app, ["--db", db, "show", STORY]).exit_code == 0
    assert "2 reports · outlets unknown" in narrow.export_text()
