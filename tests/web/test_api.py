"""The JSON API over an invented store: reads, filters, errors, and the token rules for writes."""

from __future__ import annotations

import pytest

from .webstore import BODY_A, quote_a


def test_stories_newest_first_with_paging(client):
    page = client.get("/api/v1/stories", params={"limit": 1}).json()
    assert [s["id"] for s in page["items"]] == ["s-pier"]
    assert page["next_offset"] == 1
    rest = client.get("/api/v1/stories", params={"limit": 1, "offset": 1}).json()
    assert [s["id"] for s in rest["items"]] == ["s-odd"] and rest["next_offset"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "harbour post"}, ["s-pier"]),
        ({"entity": "ada-vell"}, ["s-pier"]),
        ({"entity": "Ada Vell"}, ["s-pier"]),
        ({"language": "fr"}, ["s-odd"]),
        ({"since": "2024-01-01"}, ["s-pier"]),
        ({"until": "2023-12-31"}, ["s-odd"]),
        ({"q": "fishermen"}, ["s-pier"]),
        ({"q": "nothing-like-this"}, []),
    ],
)
def test_story_filters(client, params, expected):
    assert [s["id"] for s in client.get("/api/v1/stories", params=params).json()["items"]] == expected


def test_story_detail_has_digest_reports_quotes_events(client):
    story = client.get("/api/v1/stories/s-pier").json()
    assert story["label"] == "Northern pier"
    assert [r["id"] for r in story["report_list"]] == ["ra", "rb"]
    assert "body" not in story["report_list"][0]
    assert story["brief"][0]["citations"][0]["start"] == quote_a()[0]
    assert {q["report_id"] for q in story["quotes"]} == {"ra", "rb"}
    assert [g["speaker"] for g in story["who_said"]] == ["Ada Vell"]
    assert [d["date"] for d in story["event_days"]] == ["2024-03-05", "2024-03-08"]
    with_bodies = client.get("/api/v1/stories/s-pier", params={"bodies": True}).json()
    assert with_bodies["report_list"][0]["body"] == BODY_A


def test_story_prefix_and_unknown(client):
    assert client.get("/api/v1/stories/s-pi").json()["id"] == "s-pier"
    resp = client.get("/api/v1/stories/zzz")
    assert resp.status_code == 404
    assert resp.json()["error"]["code"] == "CW-QUERY-001"


def test_report_has_body_and_spans(client):
    report = client.get("/api/v1/reports/ra").json()
    assert report["body"] == BODY_A
    q = report["quotes"][0]
    assert BODY_A[q["start"] : q["end"]] == q["text"]
    assert report["story_label"] == "Northern pier"


def test_compare_keeps_the_chosen_reports(client):
    cmp = client.get("/api/v1/compare", params={"ids": "ra,rb"}).json()
    assert cmp["compared"] and cmp["story_id"] == "s-pier"
    (variant,) = cmp["variants"]
    words = {
        m["report_id"]: [cmp_body(cmp, m["report_id"])[s:e] for s, e in m["differing"]]
        for m in variant["members"]
    }
    assert words == {"ra": ["will"], "rb": ["shall"]}
    assert cmp["contradictions"][0]["values"] == ["40", "45"]
    assert list(cmp["only_in"]) == ["ra"]
    assert len(cmp["shared"]) == 1
    repeated = client.get("/api/v1/compare", params=[("ids", "ra"), ("ids", "rb")]).json()
    assert repeated["report_ids"] == ["ra", "rb"]


def cmp_body(cmp, rid):
    return next(r["body"] for r in cmp["reports"] if r["id"] == rid)


def test_compare_across_stories_is_side_by_side(client):
    cmp = client.get("/api/v1/compare", params={"ids": "ra,rh"}).json()
    assert not cmp["compared"] and cmp["story_id"] is None and cmp["variants"] == []


def test_compare_needs_two_reports(client):
    resp = client.get("/api/v1/compare", params={"ids": "ra,ra"})
    assert resp.status_code == 400 and "two or more" in resp.json()["error"]["message"]


def test_entities_quotes_events_search(client):
    ents = client.get("/api/v1/entities").json()
    assert ents[0]["id"] == "ada-vell" and ents[0]["reports"] == 2
    ent = client.get("/api/v1/entities/ada-vell").json()
    assert ent["name"] == "Ada Vell" and len(ent["quotes_by"]) == 2 and ent["story_list"][0]["id"] == "s-pier"
    assert client.get("/api/v1/entities/nobody").status_code == 404
    assert len(client.get("/api/v1/quotes", params={"speaker": "Vell"}).json()) == 2
    assert [q["report_id"] for q in client.get("/api/v1/quotes", params={"text": "shall"}).json()] == ["rb"]
    assert client.get("/api/v1/quotes", params={"story": "s-odd"}).json() == []
    assert [e["kind"] for e in client.get("/api/v1/events", params={"kind": "visit"}).json()] == ["VISIT"]
    hits = client.get("/api/v1/search", params={"q": "pier"}).json()
    assert {h["id"] for h in hits} == {"ra", "rb"}


def test_validation_errors_are_json(client):
    resp = client.get("/api/v1/stories", params={"limit": 0})
    assert resp.status_code == 422 and "limit" in resp.json()["error"]["message"]


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/reports/{report_id}", "/api/v1/compare",
                 "/api/v1/entities", "/api/v1/entities/{entity_id}", "/api/v1/quotes", "/api/v1/events",
                 "/api/v1/search", "/api/v1/reports"):  # fmt: skip
        assert path in paths, path
    assert "post" in paths["/api/v1/reports"]
    assert "/stories/{story_id}" not in paths  # pages stay out of the API schema


def test_writes_refused_without_configured_token(client):
    resp = client.post("/api/v1/reports", json={"text": "Headline\n\nBody."})
    assert resp.status_code == 403 and "CROSSWIRE_TOKEN" in resp.json()["error"]["message"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret", "Bearer"])
def test_writes_need_the_right_token(client, monkeypatch, header):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    headers = {"Authorization": header} if header else {}
    resp = client.post("/api/v1/reports", json={"text": "Headline\n\nBody."}, headers=headers)
    assert resp.status_code == 401
    assert resp.headers["www-authenticate"] == "Bearer"


def test_bad_uploads_are_refused_before_ingest(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    resp = client.post("/api/v1/reports", files={"files": ("x.exe", b"MZ...")}, headers=auth)
    assert resp.status_code == 415 and "unsupported file type" in resp.json()["error"]["message"]
    resp = client.post("/api/v1/reports", json=[{"title": "no text"}], headers=auth)
    assert resp.status_code == 422 and "item 0" in resp.json()["error"]["message"]
    resp = client.post("/api/v1/reports", json={"text": "x", "colour": "red"}, headers=auth)
    assert resp.status_code == 422 and "colour" in resp.json()["error"]["message"]
    resp = client.post("/api/v1/reports", content=b"text", headers={**auth, "Content-Type": "text/plain"})
    assert resp.status_code == 415
    resp = client.post(
        "/api/v1/reports",
        content=b"x" * (10 * 1024 * 1024 + 1),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert resp.status_code == 413 and "10 MB" in resp.json()["error"]["message"]


@pytest.mark.slow
def test_ingest_json_and_files(client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    item = {
        "text": "Lighthouse keepers strike in Port Quill\n\nKeepers of the Port Quill lighthouse stopped work on Monday, "
        'their union said. "We have waited long enough," said union leader Bram Ostley.',
        "outlet": "Quill Times",
        "published": "2024-04-01",
        "url": "https://a.example/lighthouse",
    }
    summary = client.post("/api/v1/reports", json=item, headers=auth).json()
    assert summary["stored"] == 1 and len(summary["stories"]) == 1
    story = client.get(f"/api/v1/stories/{summary['stories'][0]}").json()
    assert story["report_list"][0]["outlet"] == "Quill Times"
    again = client.post("/api/v1/reports", json=[item], headers=auth).json()
    assert again["stored"] == 0 and again["known"] == 1
    text = "Ferry timetable changes\n\nThe ferry to Port Quill will leave an hour earlier from May, the operator said."
    files = client.post(
        "/api/v1/reports", files=[("files", ("ferry.txt", text.encode()))], headers=auth
    ).json()
    assert files["stored"] == 1 and files["rejected"] == []
    (ferry,) = [r for r in client.get("/api/v1/search", params={"q": "ferry timetable"}).json()]
    uri = client.get(f"/api/v1/reports/{ferry['id']}").json()["uri"]
    assert uri == "upload:ferry.txt"  # the server's temporary path is neither shown nor stored
    again = client.post(  # the same file in another request is known, not stored twice
        "/api/v1/reports",
        files=[("files", ("ferry.txt", text.encode())), ("files", ("x.txt", b"Other\n\nNew."))],
        headers=auth,
    ).json()
    assert again["known"] == 1


def test_compare_reads_the_export_shaped_digest(db_path, client):
    """The brief stage's ``story_export`` gives only_in, contradictions and claims as text: found in the bodies."""
    from crosswire.model import Story
    from crosswire.store import Store

    from .webstore import BODY_B, quote_b

    qa, qb = quote_a(), quote_b()
    will = BODY_A.index("will")
    digest = {
        "variants": [
            {
                "speaker": "Ada Vell",
                "members": [
                    {
                        "report_id": "ra",
                        "text": "",
                        "start": qa[0],
                        "end": qa[1],
                        "differing": [[will, will + 4]],
                    },
                    {"report_id": "rb", "text": "", "start": qb[0], "end": qb[1], "differing": []},
                ],
            }
        ],
        "only_in": {"ra": ["The council will vote on Friday.", "a sentence no body has"]},
        "contradictions": [
            {
                "what": "cost",
                "kind": "number",
                "members": [
                    {"report_id": "ra", "text": "40 million crowns"},
                    {"report_id": "rb", "text": "45 million crowns"},
                ],
            }  # fmt: skip
        ],
        "claims": [{"text": "northern pier", "independent_sources": 2, "reports": ["ra", "rb"]}],
        "brief": [],
        "timeline": [],
    }
    with Store.open(db_path) as store:
        store.save_story(Story("s-pier", "Northern pier", ("ra", "rb")), digest)
    cmp = client.get("/api/v1/compare", params={"ids": "ra,rb"}).json()
    (only,) = cmp["only_in"]["ra"]
    assert BODY_A[only["start"] : only["end"]] == "The council will vote on Friday."
    (contra,) = cmp["contradictions"]
    assert [BODY_B[m["start"] : m["end"]] for m in contra["members"] if m["report_id"] == "rb"] == [
        "45 million crowns"
    ]
    assert [m["differing"] for m in cmp["variants"][0]["members"]] == [[[will, will + 4]], []]
    assert {c["report_id"] for c in cmp["shared"][0]["citations"]} == {"ra", "rb"}
    assert client.get("/compare", params={"ids": "ra,rb"}).status_code == 200


def test_chunked_body_over_the_cap_is_refused(client, monkeypatch):
    """No Content-Length to trust: the cap counts the bytes as they are read."""
    monkeypatch.setenv("CROSSWIRE_TOKEN", "s3cret")

    def chunks():
        for _ in range(11):
            yield b"x" * (1024 * 1024)

    resp = client.post(
        "/api/v1/reports",
        content=chunks(),
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert resp.status_code == 413


def test_brief_citations_carry_their_passage(client):
    """``citations[].text`` is the cited span of the body, as ``crosswire brief --format json`` gives it."""
    (cite,) = client.get("/api/v1/stories/s-pier").json()["brief"][0]["citations"]
    assert cite["text"] == BODY_A[cite["start"] : cite["end"]] == BODY_A[slice(*quote_a())]
    cmp = client.get("/api/v1/compare", params={"ids": "ra,rb"}).json()
    for member in cmp["variants"][0]["members"] + cmp["contradictions"][0]["members"]:
        assert member["text"] == cmp_body(cmp, member["report_id"])[member["start"] : member["end"]]


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"since": "2026-13-45"}, {"until": "2024-3-5"},
                                    {"until": "2024-03-05T10:00"}])  # fmt: skip
def test_bad_dates_are_422(client, params):
    resp = client.get("/api/v1/stories", params=params)
    assert resp.status_code == 422
    error = resp.json()["error"]
    assert error["code"] == "CW-WEB-422" and next(iter(params)) in error["message"]
    assert "YYYY-MM-DD" in error["message"]


def test_date_filters_leave_undated_stories_out(db_path, client):
    from .webstore import add_wild

    add_wild(db_path)

    def ids(**params):
        return [s["id"] for s in client.get("/api/v1/stories", params=params).json()["items"]]

    assert ids() == ["s-pier", "s-odd", "s-wild"]
    assert ids(since="2030-01-01") == [] and ids(until="2000-01-01") == []
    assert ids(since="2000-01-01") == ["s-pier", "s-odd"] and ids(until="2030-01-01") == ["s-pier", "s-odd"]
    page = client.get("/api/v1/stories", params={"since": "2000-01-01", "limit": 2}).json()
    assert page["next_offset"] is None  # the undated story after them is not a next page
    html = client.get("/", params={"since": "2030-01-01"}).text
    assert "No stories match these filters" in html


def test_contradiction_values_name_their_report(db_path, client):
    """Values read from ``what`` when the digest has none, in member order, each on its member."""
    from crosswire.model import Story
    from crosswire.store import Store

    from .webstore import BODY_B

    digest = {
        "contradictions": [
            {
                "what": "number of crowns: 45 vs 40",
                "kind": "number",
                "members": [
                    {"report_id": "rb", "text": "45 million crowns"},
                    {"report_id": "ra", "text": "40 million crowns"},
                ],
            },
            {
                "what": "speaker: A vs B vs C",
                "kind": "speaker",
                "members": [{"report_id": "ra", "text": "Ada Vell"}, {"report_id": "rb", "text": "Ada Vell"}],
            },
        ]
    }
    with Store.open(db_path) as store:
        store.save_story(Story("s-pier", "Northern pier", ("ra", "rb")), digest)
    cmp = client.get("/api/v1/compare", params={"ids": "ra,rb"}).json()
    numbers, speakers = cmp["contradictions"]
    assert numbers["values"] == ["45", "40"]
    assert [(m["report_id"], m["value"]) for m in numbers["members"]] == [("rb", "45"), ("ra", "40")]
    assert BODY_B[numbers["members"][0]["start"] : numbers["members"][0]["end"]] == "45 million crowns"
    assert speakers["values"] == [] and all("value" not in m for m in speakers["members"])
