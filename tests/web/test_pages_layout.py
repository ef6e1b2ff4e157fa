"""Page text the trial found wrong: timeline numbers, plurals, spacing, long tokens cut with a tooltip."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from crosswire.model import Story
from crosswire.store import Store

from .webstore import TOKEN_10K, add_wild


@pytest.fixture
def wild(db_path, monkeypatch):
    from crosswire.web.app import create_app

    add_wild(db_path)
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    with TestClient(create_app(db_path)) as c:
        yield c


def test_timeline_fallback_cites_reports_by_number_not_outlet(db_path, client):
    """A story with events but no stored timeline lists its events, each cited as [n] like the rest."""
    with Store.open(db_path) as store:
        story = Story("s-pier", "Northern pier", ("ra", "rb"), ("Ada Vell",), "2024-03-05", "2024-03-06")
        store.save_story(story, {"brief": []})
    html = client.get("/stories/s-pier").text
    section = html.split('id="timeline"')[1].split("</section>")[0]
    refs = re.findall(r'class="cite"[^>]*>\[([^\]]*)\]</a>', section)
    assert refs and set(refs) <= {"1", "2"}, refs


def test_counts_read_as_english(client):
    html = client.get("/").text
    assert "3 reports · 2 stories · 0 copies" in html
    story = client.get("/stories/s-odd").text
    assert "1 report ·" in story and "1 outlet ·" in story and "1 reports" not in story
    entity = client.get("/entities/ada-vell").text
    assert "2 reports" in entity and "1 story" in entity


def test_first_reported_by_is_a_separate_word(db_path, client):
    with Store.open(db_path) as store:
        story = Story("s-pier", "Northern pier", ("ra", "rb"), ("Ada Vell",), "2024-03-05", "2024-03-06")
        timeline = [{"when": "2024-03-05", "text": "Plan", "report_ids": ["ra"], "first_reported_by": "ra"}]
        store.save_story(story, {"timeline": timeline})
    text = re.sub(r"<[^>]+>", "", client.get("/stories/s-pier").text)
    assert "]first" not in text and "first reported by" in text


@pytest.mark.parametrize("url", ["/", "/stories/s-wild", "/reports/rw", "/entities"])
def test_a_ten_thousand_character_token_is_cut_on_the_page_and_whole_in_a_tooltip(wild, url):
    html = wild.get(url).text
    shown = re.findall(r"<bdi[^>]*>(A+)…</bdi>", html)
    assert shown and all(len(s) <= 40 for s in shown), url
    assert f'title="{TOKEN_10K}"' in html
    assert TOKEN_10K not in re.sub(r"<[^>]+>", "", html)  # in tooltips and links only, never as text


def test_wide_tables_sit_in_a_scrolling_wrapper(client):
    for url in ("/", "/stories/s-pier", "/quotes", "/entities"):
        html = client.get(url).text
        assert html.count("<table") == html.count('<div class="table-wrap">\n<table') + html.count(
            '<div class="table-wrap">\n  <table'
        ), url
