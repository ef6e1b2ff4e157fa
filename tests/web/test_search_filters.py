"""Search under entity and language (and outlet, date) filters: ``/api/v1/search`` and the hits on ``/``."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Entity, Mention, Report
from crosswire.store import Store

HOSTILE = ['"', 'NEAR("a" "b") OR body:x*', "%_\\", "'; DROP TABLE reports; --", "(^*-+:", "x" * 20_000]


def _add_linked(db_path) -> None:
    """Report rv (German) names "Ada K. Vell", a form the writer links to ``ada-vell``."""
    body = "Ada K. Vell inspected the pier at dawn."
    vell = Entity(
        "ada-k-vell", "Ada K. Vell", "PERSON", mentions=(Mention("ada-k-vell", 0, 11, "Ada K. Vell"),)
    )
    with Store.open(db_path) as store:
        report = Report(
            "rv", None, "Pier inspected", body, outlet="Quill Times", published="2024-03-07", language="de"
        )
        store.add_report(report, Analysis("rv", entities=(vell,)), None, "s-pier")


def _search(client, **params) -> tuple[set[str], int]:
    resp = client.get("/api/v1/search", params={"limit": 200, **params})
    assert resp.status_code == 200, resp.text
    ids = [h["id"] for h in resp.json()]
    total = int(resp.headers["x-total-count"])
    assert len(ids) == len(set(ids)) == total, params
    return set(ids), total


def test_api_search_filters_by_entity_and_language(db_path, client):
    _add_linked(db_path)
    assert _search(client, q="pier") == ({"ra", "rb", "rv"}, 3)
    assert _search(client, q="pier", entity="Vell") == ({"ra", "rb", "rv"}, 3)
    assert _search(client, q="pier", entity="Ada K. Vell") == ({"ra", "rb", "rv"}, 3)  # a linked form
    assert _search(client, q="pier", entity="ada-k-vell", language="en") == ({"ra", "rb"}, 2)
    assert _search(client, q="pier", entity="nobody") == (set(), 0)
    assert _search(client, q="pier", language="de") == ({"rv"}, 1)
    assert _search(client, q="pier", language="fr") == (set(), 0)
    assert _search(client, q="ordinary", language="fr") == ({"rh"}, 1)
    assert _search(client, q="pier", outlet="quill times", until="2024-03-06") == ({"ra"}, 1)
    assert _search(client, q="pier", since="2024-03-06", language="en") == ({"rb"}, 1)


def test_api_filtered_search_pages_by_its_total(db_path, client):
    _add_linked(db_path)
    params = {"q": "pier", "entity": "Vell", "language": "en", "limit": 1}
    first = client.get("/api/v1/search", params=params)
    assert first.headers["x-total-count"] == "2" and first.headers["x-next-offset"] == "1"
    assert "entity=Vell" in first.headers["link"] and "language=en" in first.headers["link"]
    last = client.get("/api/v1/search", params={**params, "offset": 1})
    assert "x-next-offset" not in last.headers
    assert {h["id"] for h in first.json() + last.json()} == {"ra", "rb"}


def test_api_search_bad_day_is_422(client):
    resp = client.get("/api/v1/search", params={"q": "pier", "since": "March"})
    assert resp.status_code == 422 and "since" in resp.json()["error"]["message"]


@pytest.mark.parametrize("value", HOSTILE)
def test_api_hostile_filters_are_answered(client, value):
    for name in ("entity", "language"):
        assert _search(client, q="pier", **{name: value}) == (set(), 0), name
    # an outlet that names none of the stored ones says so (trial 8: an empty list hid a typo), briefly
    resp = client.get("/api/v1/search", params={"q": "pier", "outlet": value})
    error = resp.json()["error"]
    assert resp.status_code == 404 and error["code"] == "CW-QUERY-001", resp.text
    assert "no outlet matches" in error["message"] and len(error["message"]) < 400
    assert _search(client, q=value, entity=value, language=value) == (set(), 0)


def test_openapi_documents_the_search_filters(client):
    spec = client.get("/api/v1/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/search"]["get"]["parameters"]}
    for name in ("q", "entity", "language", "outlet", "since", "until", "limit", "offset"):
        assert name in params, name
    for name in ("entity", "language", "outlet", "since", "until"):
        assert params[name]["description"] and not params[name].get("required"), name


def _hits(html: str) -> str:
    return html.split("Reports matching", 1)[1] if "Reports matching" in html else ""


def test_page_hits_are_filtered_by_entity_and_language(db_path, client):
    _add_linked(db_path)
    hits = _hits(client.get("/?q=pier&entity=Vell&language=en").text)
    assert "/reports/ra" in hits and "/reports/rb" in hits and "/reports/rv" not in hits
    assert (
        'id="hits-filtered"' in hits and "entity <bdi>Vell</bdi>" in hits and "language <bdi>en</bdi>" in hits
    )
    hits = _hits(client.get("/?q=pier&language=de").text)
    assert "/reports/rv" in hits and "/reports/ra" not in hits
    assert _hits(client.get("/?q=pier&entity=nobody").text) == ""
    assert _hits(client.get("/?q=pier&language=fr").text) == ""
    assert "/reports/rh" in _hits(client.get("/?q=ordinary&language=fr").text)
    assert "hits-unfiltered" not in client.get("/?q=pier&entity=Vell&language=en").text


@pytest.mark.parametrize("value", HOSTILE)
def test_page_hostile_filters_are_answered(client, value):
    for name in ("entity", "language", "outlet", "q"):
        resp = client.get("/", params={"q": "pier", name: value})
        assert resp.status_code == (404 if name == "outlet" else 200), name
        if name == "outlet":
            assert "no outlet matches" in resp.text
