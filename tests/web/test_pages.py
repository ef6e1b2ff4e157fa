"""The HTML pages: they render what the API returns, escape report text, and fail as clear pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient


class Tags(HTMLParser):
    """Every tag with its attributes, as a browser would parse them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_security_headers_on_every_response(client):
    for url in ("/", "/api/v1/stories", "/static/crosswire.css", "/stories/none"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "url",
    ["/", "/?q=pier", "/stories/s-pier", "/stories/s-odd", "/reports/ra", "/reports/rh", "/compare?ids=ra&ids=rb",
     "/compare?ids=ra,rh", "/entities", "/entities/ada-vell", "/quotes?speaker=Vell", "/ingest"],
)  # fmt: skip
def test_pages_render_without_inline_script(client, url):
    resp = client.get(url)
    assert resp.status_code == 200
    tags = Tags(resp.text).tags
    assert [a for t, a in tags if t == "script"] == [{"src": "/static/crosswire.js", "defer": None}]
    assert not [(t, a) for t, a in tags if any(name.startswith("on") for name in a)]
    assert not [t for t in tags if t[0] in ("img", "iframe", "object", "embed")]


def test_hostile_report_shows_as_text(client):
    for url in ("/reports/rh", "/stories/s-odd", "/?q=ordinary"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>title" not in html
    html = client.get("/reports/rh").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_story_page_cites_and_marks_passages(client):
    html = client.get("/stories/s-pier").text
    assert re.search(r'class="cite" href="/reports/ra#\d+-\d+" data-report="ra"', html)
    assert 'id="body-ra"' in html and 'id="body-rb"' in html
    assert "<svg" in html and html.count('class="bar"') == 2
    assert "Ada Vell" in html and "Quill Times" in html


def test_compare_page_marks_variants_and_contradictions(client):
    html = client.get("/compare?ids=ra&ids=rb").text
    assert '<mark class="diff">will</mark>' in html and '<mark class="diff">shall</mark>' in html
    assert "seg contra" in html and "seg only" in html and "shared" in html
    assert "40 vs 45" in html


def test_missing_things_are_pages_not_traces(client):
    resp = client.get("/stories/nope")
    assert resp.status_code == 404 and "no such story" in resp.text and "Traceback" not in resp.text
    assert client.get("/compare?ids=ra").status_code == 400


def test_unexpected_error_hides_internals(db_path, monkeypatch):
    from crosswire.web import data
    from crosswire.web.app import create_app

    def boom(*_a, **_k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(data, "story_detail", boom)
    client = TestClient(create_app(db_path), raise_server_exceptions=False)
    for url in ("/stories/s-pier", "/api/v1/stories/s-pier"):
        resp = client.get(url)
        assert resp.status_code == 500
        assert "secret internals" not in resp.text and "Traceback" not in resp.text
        assert "internal error" in resp.text


def test_ingest_form_asks_for_the_token(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    resp = client.post("/ingest", data={"token": "nope", "text": "A\n\nB"})
    assert resp.status_code == 401 and "wrong token" in resp.text
    resp = client.post("/ingest", data={"token": "s3cret"})
    assert resp.status_code == 422 and "nothing to ingest" in resp.text


def test_only_web_addresses_become_links(client):
    html = client.get("/reports/ra").text
    assert 'href="https://a.example/pier" rel="noopener noreferrer nofollow"' in html
    assert "uri" not in client.get("/reports/rh").text.split("<main>")[1].split('class="body"')[0]
