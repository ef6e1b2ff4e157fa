"""Errors as a reader meets them (pages in words, API items by their index) and the ingest form's rules."""

from __future__ import annotations

import re

import pytest

from crosswire.model import Analysis, Report
from crosswire.store import Store

AUTH = {"Authorization": "Bearer s3cret"}
FERRY = "Ferry timetable changes\n\nThe ferry to Port Quill will leave an hour earlier from May, the operator said."


def page_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("<main>")[1]))


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/reports/zz", 404, "zz: no such report"),
        ("/stories/zz", 404, "zz: no such story"),
        ("/compare", 422, "This page needs two or more report ids (ids=…) in its address"),
        ("/?offset=-1", 422, "The page offset must be 0 or more"),
        ("/quotes?offset=x", 422, "The page offset must be a whole number"),
    ],
)
def test_error_pages_speak_plainly(client, url, status, says):
    resp = client.get(url)
    text = page_text(resp.text)
    assert resp.status_code == status and says in text, text
    assert "`" not in text and "crosswire export" not in text and "query." not in text


def test_api_errors_keep_their_detail(client):
    body = client.get("/api/v1/stories?offset=-1").json()["error"]
    assert body["code"] == "CW-WEB-422" and body["message"].startswith("query.offset")


def test_an_ambiguous_prefix_says_it_matches_several_ids(db_path, client):
    with Store.open(db_path) as store:
        for rid in ("rq1", "rq2"):
            store.add_report(Report(rid, None, "T", "Some words here."), Analysis(rid), None, "s-odd")
    message = client.get("/api/v1/reports/rq").json()["error"]["message"]
    assert message == "rq: matches several reports; give more of the id"
    assert "matches several stories" in client.get("/api/v1/stories/s-").json()["error"]["message"]
    assert client.get("/api/v1/reports/rq1").status_code == 200


def test_compare_with_empty_ids_is_a_bad_parameter(client):
    resp = client.get("/api/v1/compare?ids=")
    assert resp.status_code == 422 and resp.json()["error"]["message"].startswith("ids:")
    assert not client.get("/api/v1/compare?ids=ra").json()["error"]["message"].startswith("-")


def test_head_answers_like_get_without_a_body(client):
    for url in ("/", "/stories/s-pier", "/api/v1/stories", "/api/v1/openapi.json"):
        resp = client.head(url)
        assert resp.status_code == 200 and resp.content == b"", url
    assert client.head("/stories/none").status_code == 404


def test_empty_json_list_is_refused(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    resp = client.post("/api/v1/reports", json=[], headers=AUTH)
    assert resp.status_code == 422 and resp.json()["error"]["message"].startswith("empty list")


def test_a_rejected_json_item_is_named_by_its_index(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    monkeypatch.setenv("CROSSWIRE_MAX_REPORT_CHARS", "200")
    from crosswire import settings

    if hasattr(settings, "reset"):
        settings.reset()
    items = [{"text": FERRY}, {"text": "Long report\n\n" + "The pier opened again today. " * 40}]
    summary = client.post("/api/v1/reports", json=items, headers=AUTH).json()
    inputs = [r["input"] for r in summary["rejected"]]
    assert all(not i.startswith("reports.jsonl") for i in inputs), summary
    assert inputs == ["item 1"], summary


def test_the_form_rejects_one_unsupported_file_and_ingests_the_rest(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    files = [("files", ("bad.bin", b"\x00\x01")), ("files", ("ferry.txt", FERRY.encode()))]
    resp = client.post("/ingest", data={"token": "s3cret"}, files=files)
    text = page_text(resp.text)
    assert resp.status_code == 200 and "1 stored" in text, text
    assert re.search(r"bad\.bin\s*:\s*CW-WEB-415\s*:\s*unsupported file type", text), text


def test_a_pasted_report_takes_line_one_as_its_headline(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    text = "Velmora mayor resigns over budget row\n\nThe mayor of Velmora, Dita Ross, resigned on Monday after the council rejected her budget."
    resp = client.post("/ingest", data={"token": "s3cret", "text": text})
    assert resp.status_code == 200 and "1 stored" in page_text(resp.text)
    (hit,) = client.get("/api/v1/search", params={"q": "Dita Ross"}).json()
    report = client.get(f"/api/v1/reports/{hit['id']}").json()
    assert report["title"] == "Velmora mayor resigns over budget row"
    assert not report["body"].startswith("Velmora mayor resigns")


def test_a_paste_too_short_to_be_a_report_is_refused(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    resp = client.post("/ingest", data={"token": "s3cret", "text": "x"})
    assert resp.status_code == 422 and "too short to be a report" in resp.text


def test_ingest_page_says_up_front_when_writes_are_off(client, monkeypatch):
    html = client.get("/ingest").text
    assert 'id="writes-off"' in html and re.search(r"<button type=\"submit\" disabled>", html)
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    html = client.get("/ingest").text
    assert 'id="writes-off"' not in html and "disabled>" not in html


def test_search_hits_follow_the_outlet_filter(client):
    both = client.get("/?q=pier").text
    assert "/reports/ra" in both and "/reports/rb" in both
    one = client.get("/?q=pier&outlet=harbour post").text
    hits = one.split("Reports matching")[1]
    assert "/reports/rb" in hits and "/reports/ra" not in hits and 'id="hits-filtered"' in hits


def test_shared_claims_count_independent_sources_and_a_copy_is_not_corroboration(db_path, client):
    from crosswire.model import Story

    from .webstore import BODY_A, quote_a

    qa = quote_a()
    with Store.open(db_path) as store:
        store.add_report(
            Report("rc", None, "Pier to open", BODY_A, outlet="Copy Wire", syndicated_from="ra"),
            Analysis("rc"),
            None,
            "s-pier",
        )
        cites = [{"report_id": r, "start": qa[0], "end": qa[1]} for r in ("ra", "rc")]
        claim = {"text": "pier", "citations": cites, "reports": ["ra", "rc"], "independent_sources": 1}
        story = Story(
            "s-pier", "Northern pier", ("ra", "rb", "rc"), ("Ada Vell",), "2024-03-05", "2024-03-06"
        )
        store.save_story(story, {"brief": [{"text": "Pier.", "citations": cites[:1]}], "claims": [claim]})
    shared = client.get("/api/v1/compare?ids=ra,rc").json()["shared"]
    assert [s["independent_sources"] for s in shared] == [1]
    html = client.get("/compare?ids=ra,rc").text
    columns = html.split('<div class="columns compare">')[1]
    assert 'class="seg copied"' in columns and "seg shared" not in columns
    story_html = client.get("/stories/s-pier").text
    assert "1 independent source · 2 reports" in story_html and "copy-tag" in story_html


def test_a_wire_rewrite_the_comparison_found_is_not_corroboration(db_path, client):
    """No report field says "rewrite of ra"; the story's stored comparison does (``copies``)."""
    import json

    from crosswire.model import Story

    from .webstore import quote_a

    qa = quote_a()
    with Store.open(db_path) as store:
        cites = [{"report_id": r, "start": qa[0], "end": qa[1]} for r in ("ra", "rb")]
        claim = {"text": "pier", "citations": cites, "reports": ["ra", "rb"], "independent_sources": 1}
        story = Story("s-pier", "Northern pier", ("ra", "rb"), ("Ada Vell",), "2024-03-05", "2024-03-06")
        full = json.dumps({"comparison": {"copies": {"rb": "ra"}}})
        store.save_story(story, {"brief": [], "claims": [claim]}, full)
    shared = client.get("/api/v1/compare?ids=ra,rb").json()["shared"]
    assert [s["independent_sources"] for s in shared] == [1]
