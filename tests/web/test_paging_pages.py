"""The /quotes, /entities and / pages say where a page stands and link the pages either side."""

from __future__ import annotations

import re
from html import unescape

import pytest

from crosswire.model import Analysis, Entity, Report
from crosswire.store import Store
from crosswire.web import views

from .webstore import add_wild


def pager(html: str) -> tuple[str, dict[str, str]]:
    block = html.split('<p class="pager">')[1].split("</p>")[0]
    count = re.sub(r"<[^>]+>|\s+", " ", block.split('id="page-count">')[1].split("</span>")[0]).strip()
    links = {rel: unescape(href) for rel, href in re.findall(r'rel="(\w+)" href="([^"]+)"', block)}
    return count, links


@pytest.fixture
def one_per_page(monkeypatch):
    monkeypatch.setattr(views, "PAGE_ROWS", 1)


def test_quotes_page_pages_with_a_count(client, one_per_page):
    count, links = pager(client.get("/quotes?speaker=Vell").text)
    assert count == "showing 1–1 of 2" and set(links) == {"next"}
    assert links["next"] == "/quotes?speaker=Vell&offset=1"
    second = client.get(links["next"]).text
    count, links = pager(second)
    assert count == "showing 2–2 of 2" and links == {"prev": "/quotes?speaker=Vell&offset=0"}
    assert second.count('class="quote-row"') == 1


def test_entities_page_pages_and_filters_by_name(db_path, client, one_per_page):
    add_wild(db_path)  # a second entity, so there are two pages
    html = client.get("/entities").text
    count, links = pager(html)
    assert count == "showing 1–1 of 2" and links["next"] == "/entities?offset=1"
    assert 'name="name"' in html
    found = client.get("/entities?name=vell").text
    assert "Ada Vell" in found and pager(found)[0] == "showing 1–1 of 1"
    assert "No entities match" in client.get("/entities?name=nobody-at-all").text


def test_unfiltered_story_pager_has_no_stray_ampersand(client, monkeypatch):
    html = client.get("/?offset=1").text
    _count, links = pager(html)
    assert links["prev"] == "/?offset=0"
    assert "?&" not in html


def test_api_entities_take_a_name_filter(client):
    response = client.get("/api/v1/entities?name=VELL")
    assert [e["id"] for e in response.json()] == ["ada-vell"] and response.headers["x-total-count"] == "1"


def test_entity_page_caps_its_lists_and_says_so(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from crosswire.web.app import create_app

    path = tmp_path / "many.db"
    with Store.open(path) as store:
        for i in range(60):
            rid = f"r{i:02d}"
            body = f"Mayor Ola Brek opened bridge number {i} in Tarn."
            store.add_report(
                Report(rid, None, f"Bridge {i}", body, outlet="Tarn Post", published="2024-05-01"),
                Analysis(rid, entities=(Entity("ola-brek", "Ola Brek", "PERSON"),)),
                None,
                None,
            )
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    with TestClient(create_app(str(path))) as c:
        html = c.get("/entities/ola-brek").text
    assert "showing 50 of 60 reports" in html
    assert len(re.findall(r'href="/reports/r\d\d"', html)) == 50
