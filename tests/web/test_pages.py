"""The HTML pages: they render what the API returns, escape report text, and fail as clear pages."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from .webstore import quote_a


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
    claims = re.findall(r'<span class="claim" data-report="(\w+)">(.*?)</span>(?= vs |</li>)', html)
    assert [(rid, re.sub(r"<[^>]+>", "", text).split()) for rid, text in claims] == [
        ("ra", ["40", "Quill", "Times", "[1]"]),
        ("rb", ["45", "Harbour", "Post", "[2]"]),
    ]


def cite_numbers(html: str) -> set[tuple[str, str]]:
    """Every (report id, number) pair a citation or a source-list entry on the page shows."""
    cites = re.findall(r'<a class="cite" [^>]*data-report="(\w+)"[^>]*>\[(\d+)\]</a>', html)
    sources = re.findall(r'<li value="(\d+)" data-report="(\w+)">', html)
    return set(cites) | {(rid, n) for n, rid in sources}


def test_compare_numbers_each_report_once_for_the_whole_page(client):
    """[n] is one report everywhere on the page (variants, contradictions, columns), with a legend, and it is
    the story page's number whatever order the ids come in (the trial read [1] as two outlets)."""
    story = cite_numbers(client.get("/stories/s-pier").text)
    assert {("ra", "1"), ("rb", "2")} <= story
    for ids, order in (("ra,rb", ["ra", "rb"]), ("rb,ra", ["ra", "rb"])):
        html = client.get("/compare", params={"ids": ids}).text
        expected = {(rid, str(i)) for i, rid in enumerate(order, 1)}
        assert cite_numbers(html) == expected
        legend = re.findall(r'<li value="(\d+)" data-report="(\w+)">.*?class="outlet">([^<]+)<', html)
        outlets = {"ra": "Quill Times", "rb": "Harbour Post"}
        assert legend == [(str(i), rid, outlets[rid]) for i, rid in enumerate(order, 1)]


def test_brief_numbers_citations_per_page_with_a_source_list(db_path, client):
    from crosswire.model import Story
    from crosswire.store import Store

    from .webstore import BODY_B, quote_b

    qa, qb = quote_a(), quote_b()
    digest = {
        "brief": [
            {"text": "The pier will open.", "citations": [{"report_id": "ra", "start": qa[0], "end": qa[1]}]},
            {"text": "It costs more.", "citations": [{"report_id": "rb", "start": qb[0], "end": qb[1]}]},
            {"text": "Both say so.", "citations": [{"report_id": "rb", "start": 0, "end": 7},
                                                   {"report_id": "ra", "start": 0, "end": 7}]},
        ]
    }  # fmt: skip
    with Store.open(db_path) as store:
        store.save_story(Story("s-pier", "Northern pier", ("ra", "rb")), digest)
    html = client.get("/stories/s-pier").text
    brief = html.split('<section id="brief">')[1].split("</section>")[0]
    per_sentence = [
        re.findall(r'data-report="(\w+)"[^>]*>\[(\d+)\]</a>', li)
        for li in re.findall(r"<li>(.*?)</li>", brief)
    ]
    assert per_sentence == [[("ra", "1")], [("rb", "2")], [("rb", "2"), ("ra", "1")]]
    sources = re.findall(
        r'<li value="(\d+)" data-report="(\w+)">.*?class="outlet">([^<]+)</bdi>: <a href="/reports/(\w+)"><bdi>([^<]+)<',
        brief,
    )
    assert sources == [
        ("1", "ra", "Quill Times", "ra", "Pier to open"),
        ("2", "rb", "Harbour Post", "rb", "Pier plan"),
    ]
    # the Reports table and the report columns carry the same numbers
    assert re.findall(r'<td class="ref">\[(\d+)\]</td>', html) == ["1", "2"]
    assert cite_numbers(html) == {("ra", "1"), ("rb", "2")}
    assert BODY_B[qb[0] : qb[1]] in brief  # the citation's tooltip quotes its passage


def test_direction_controls_never_reach_the_page_as_text(db_path, client):
    """A U+202E in a title, outlet, label, brief or body cannot reorder the page around it."""
    from .webstore import RLO, add_wild

    add_wild(db_path)
    for url in ("/", "/stories/s-wild", "/reports/rw", "/quotes", "/?q=ferry", "/compare?ids=rw,ra"):
        html = client.get(url).text
        assert "Ferry times change" in html or url in ("/quotes", "/")
        # the only U+202E left is the body's own character, in a segment that is not laid out
        outside = re.sub(r'<span class="seg[^"]* ctl" data-o="\d+">\u202e</span>', "", html)
        assert RLO not in outside, url
    html = client.get("/reports/rw").text
    assert 'class="ctl-tag" data-ctl="U+202E"' in html and "Quill Gazette" in html


def test_ingest_form_keeps_the_pasted_report_when_refused(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    pasted = {
        "title": "Lighthouse <keepers> strike",
        "outlet": "Quill Times",
        "published": "2024-04-01",
        "url": "https://a.example/lighthouse",
        "text": 'Keepers stopped work.\n\n"We have waited," said Bram Ostley & co.',
    }
    resp = client.post("/ingest", data={"token": "nope", **pasted})
    assert resp.status_code == 401
    tags = {a.get("name"): a for t, a in Tags(resp.text).tags if t == "input"}
    for key in ("title", "outlet", "published", "url"):
        assert tags[key]["value"] == pasted[key], key
    textarea = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', resp.text, re.S).group(1)
    assert unescape(textarea) == pasted["text"]
    assert "s3cret" not in resp.text and "nope" not in resp.text
    resp = client.post("/ingest", data={"token": "s3cret", **pasted, "published": "last week"})
    assert resp.status_code == 422 and "published must be" in resp.text
    assert unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", resp.text, re.S).group(1)) == pasted["text"]


def test_bad_dates_are_refused_on_the_page(client):
    resp = client.get("/", params={"since": "yesterday"})
    assert resp.status_code == 422 and "YYYY-MM-DD" in resp.text and "CW-WEB-422" in resp.text
    assert client.get("/", params={"since": "", "until": "2024-12-31"}).status_code == 200


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


def test_the_same_words_in_several_reports_are_one_who_said_row_citing_each(client):
    from crosswire.web.data import who_said

    said = {"speaker": "Ada Vell", "text": "We will open the pier.", "start": 0, "end": 22}
    rows = who_said(
        [
            {**said, "report_id": "ra", "outlet": "Quill Times"},
            {**said, "report_id": "rb", "outlet": "Harbour Post", "text": "we will open the pier"},
            {**said, "report_id": "rb", "text": "Soon.", "outlet": "Harbour Post"},
        ]
    )
    (group,) = rows
    assert [q["text"] for q in group["quotes"]] == ["We will open the pier.", "Soon."]
    assert [o["report_id"] for o in group["quotes"][0]["also"]] == ["rb"]
    page = client.get("/stories/s-pier").text
    assert page.count('id="who-said"') == 1
