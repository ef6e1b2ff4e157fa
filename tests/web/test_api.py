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
    # who asks comes before how much: an oversized write without the token is refused as unauthorised
    big = {"Content-Type": "application/json", "Content-Length": str(10 * 1024 * 1024 + 1)}
    resp = client.post("/api/v1/reports", content=b"x" * (10 * 1024 * 1024 + 1), headers=big)
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "CW-WEB-401"
    assert resp.headers["www-authenticate"] == "Bearer"


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


# --- response schemas, paging and error bodies ---------------------------------------------------

API_GETS = {
    "/api/v1/stories": "StoryPage",
    "/api/v1/stories/{story_id}": "StoryDetail",
    "/api/v1/reports/{report_id}": "ReportDetail",
    "/api/v1/compare": "CompareResult",
    "/api/v1/entities": "EntityRow",
    "/api/v1/entities/{entity_id}": "EntityDetail",
    "/api/v1/quotes": "QuoteRow",
    "/api/v1/events": "EventRow",
    "/api/v1/search": "SearchHit",
}
LISTS = ["/api/v1/entities", "/api/v1/quotes", "/api/v1/events", "/api/v1/search"]


def _ref(schema: dict) -> str:
    """The component a response schema names, directly or as the items of a list."""
    return (schema.get("items") or schema).get("$ref", "").rsplit("/", 1)[-1]


def test_openapi_documents_every_response(client):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path, model in API_GETS.items():
        responses = paths[path]["get"]["responses"]
        assert _ref(responses["200"]["content"]["application/json"]["schema"]) == model, path
        assert _ref(responses["422"]["content"]["application/json"]["schema"]) == "ErrorBody", path
        if path in LISTS:
            assert responses["200"]["content"]["application/json"]["schema"]["type"] == "array"
        if path in LISTS or path == "/api/v1/stories":
            assert {"X-Total-Count", "X-Next-Offset", "Link"} <= set(responses["200"]["headers"]), path
        if "{" in path:
            assert _ref(responses["404"]["content"]["application/json"]["schema"]) == "ErrorBody", path
    post = paths["/api/v1/reports"]["post"]["responses"]
    assert _ref(post["200"]["content"]["application/json"]["schema"]) == "IngestSummary"
    assert {"401", "403", "413", "415", "422"} <= set(post)
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # errors are ErrorBody, not FastAPI's
    error = spec["components"]["schemas"]["ErrorDetail"]
    assert set(error["required"]) == {"code", "message"}
    params = {q["name"]: q["schema"] for q in paths["/api/v1/stories"]["get"]["parameters"]}
    assert {"type": "string", "format": "date"} in params["since"]["anyOf"]
    assert (params["offset"]["minimum"], params["limit"]["minimum"], params["limit"]["maximum"]) == (
        0,
        1,
        500,
    )


def _undocumented(value, schema, spec, where="$"):
    """Where ``value`` has a key its OpenAPI ``schema`` does not list, or lacks a required one."""
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        tries = [_undocumented(value, s, spec, where) for s in schema["anyOf"]]
        return [] if any(t == [] for t in tries) else min(tries, key=len)
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        out = [f"{where}.{k} undocumented" for k in value if k not in props]
        out += [f"{where}.{k} missing" for k in schema.get("required", []) if k not in value]
        for k, v in value.items():
            if k in props:
                out += _undocumented(v, props[k], spec, f"{where}.{k}")
        return out
    if isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
        return [x for k, v in value.items() for x in _undocumented(v, schema["additionalProperties"], spec, f"{where}.{k}")]  # fmt: skip
    if isinstance(value, list) and "items" in schema:
        return [
            x for i, v in enumerate(value) for x in _undocumented(v, schema["items"], spec, f"{where}[{i}]")
        ]
    return []


@pytest.mark.parametrize(
    ("template", "url"),
    [
        ("/api/v1/stories", "/api/v1/stories"),
        ("/api/v1/stories/{story_id}", "/api/v1/stories/s-pier"),
        ("/api/v1/stories/{story_id}", "/api/v1/stories/s-pier?bodies=true"),
        ("/api/v1/stories/{story_id}", "/api/v1/stories/s-wild"),
        ("/api/v1/reports/{report_id}", "/api/v1/reports/ra"),
        ("/api/v1/compare", "/api/v1/compare?ids=ra,rb"),
        ("/api/v1/compare", "/api/v1/compare?ids=ra,rh"),
        ("/api/v1/entities", "/api/v1/entities"),
        ("/api/v1/entities/{entity_id}", "/api/v1/entities/ada-vell"),
        ("/api/v1/quotes", "/api/v1/quotes"),
        ("/api/v1/events", "/api/v1/events"),
        ("/api/v1/search", "/api/v1/search?q=pier"),
    ],
)
def test_every_field_returned_is_documented(db_path, client, template, url):
    """The schema lists exactly what comes back: no field undocumented, none it requires missing."""
    from .webstore import add_wild

    add_wild(db_path)
    spec = client.get("/api/v1/openapi.json").json()
    schema = spec["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    resp = client.get(url)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body, url
    assert _undocumented(body, schema, spec) == []


def test_a_field_added_upstream_still_reaches_clients(client, monkeypatch):
    """Models allow extra fields: one a query gains later is passed on, not silently dropped."""
    from crosswire.web import data

    detail = data.report_detail
    monkeypatch.setattr(data, "report_detail", lambda conn, rid: {**detail(conn, rid), "added_later": 7})
    assert client.get("/api/v1/reports/ra").json()["added_later"] == 7


def _add_more(db_path) -> None:
    """Story s-wild (``webstore.add_wild``) and a report with two more entities, so every list has pages."""
    from crosswire.model import Analysis, Entity, Mention, Report
    from crosswire.store import Store

    from .webstore import add_wild

    add_wild(db_path)
    body = "Bram Ostley met Ida Marr at the quay."
    people = [Entity(f"e-{n}", name, "PERSON", mentions=(Mention(f"e-{n}", body.index(name), body.index(name) + len(name), name),))
              for n, name in enumerate(("Bram Ostley", "Ida Marr"))]  # fmt: skip
    with Store.open(db_path) as store:
        report = Report("rq", None, "Quay meeting", body, outlet="Elsewhere", published="2023-01-02")
        store.add_report(report, Analysis("rq", entities=tuple(people)), None, "s-odd")


PAGED = [
    ("/api/v1/stories", {}, 500),
    ("/api/v1/stories", {"since": "2000-01-01"}, 500),
    ("/api/v1/entities", {}, 2000),
    ("/api/v1/quotes", {}, 2000),
    ("/api/v1/events", {}, 2000),
    ("/api/v1/search", {"q": "pier"}, 200),
]


def _items(resp):
    body = resp.json()
    return body["items"] if isinstance(body, dict) else body


@pytest.mark.parametrize(("url", "params", "most"), PAGED)
def test_lists_page_alike(db_path, client, url, params, most):
    """Walking ``X-Next-Offset`` one item at a time yields the whole list once, and the total says how long."""
    _add_more(db_path)
    whole = client.get(url, params={**params, "limit": most})
    everything = _items(whole)
    total = int(whole.headers["x-total-count"])
    assert total == len(everything) >= 2, url
    assert "x-next-offset" not in whole.headers and "link" not in whole.headers
    seen, offset, pages = [], 0, 0
    while offset is not None:
        resp = client.get(url, params={**params, "limit": 1, "offset": offset})
        assert resp.status_code == 200 and int(resp.headers["x-total-count"]) == total
        seen += _items(resp)
        pages += 1
        nxt = resp.headers.get("x-next-offset")
        if nxt is not None:
            assert resp.headers["link"].endswith('; rel="next"')
            follow = client.get(resp.headers["link"].split(">")[0].lstrip("<"))
            assert _items(follow) == _items(client.get(url, params={**params, "limit": 1, "offset": nxt}))
        else:
            assert "link" not in resp.headers
        offset = int(nxt) if nxt is not None else None
    assert seen == everything and pages == total
    past = client.get(url, params={**params, "limit": 5, "offset": total + 10})
    assert _items(past) == [] and int(past.headers["x-total-count"]) == total


def test_story_envelope_agrees_with_the_headers(db_path, client):
    from .webstore import add_wild

    add_wild(db_path)
    page = client.get("/api/v1/stories", params={"limit": 2})
    body = page.json()
    assert body["total"] == int(page.headers["x-total-count"]) == 3
    assert body["next_offset"] == int(page.headers["x-next-offset"]) == 2
    assert page.headers["link"] == '</api/v1/stories?limit=2&offset=2>; rel="next"'
    last = client.get("/api/v1/stories", params={"limit": 2, "offset": 2}).json()
    assert last["total"] == 3 and last["next_offset"] is None and len(last["items"]) == 1
    dated = client.get("/api/v1/stories", params={"since": "2000-01-01"}).json()
    assert dated["total"] == 2  # the count leaves the undated story out, as the list does


def test_filtered_totals_count_the_filter(client):
    assert client.get("/api/v1/quotes", params={"text": "shall"}).headers["x-total-count"] == "1"
    assert client.get("/api/v1/events", params={"kind": "visit"}).headers["x-total-count"] == "1"
    assert client.get("/api/v1/entities", params={"story": "s-odd"}).headers["x-total-count"] == "0"
    assert client.get("/api/v1/stories", params={"outlet": "elsewhere"}).json()["total"] == 1
    assert client.get("/api/v1/search", params={"q": "fishermen"}).headers["x-total-count"] == "1"


@pytest.mark.parametrize(("url", "params", "most"), PAGED)
@pytest.mark.parametrize("bad", [{"limit": 0}, {"limit": "most"}, {"offset": -1}, {"offset": 10**20}, "over"])
def test_bad_paging_is_422(client, url, params, most, bad):
    bad = {"limit": most + 1} if bad == "over" else bad
    resp = client.get(url, params={**params, **bad})
    assert resp.status_code == 422, (url, bad)
    error = resp.json()["error"]
    assert error["code"] == "CW-WEB-422" and next(iter(bad)) in error["message"]


@pytest.mark.parametrize(
    ("url", "missing"),
    [
        ("/api/v1/stories/no-such-story", "no-such-story"),
        ("/api/v1/reports/no-such-report", "no-such-report"),
        ("/api/v1/entities/no-such-entity", "no-such-entity"),
        ("/api/v1/compare?ids=ra,no-such-report", "no-such-report"),
        ("/api/v1/quotes?story=no-such-story", "no-such-story"),
        ("/api/v1/events?story=no-such-story", "no-such-story"),
        ("/api/v1/entities?story=no-such-story", "no-such-story"),
    ],
)
def test_unknown_ids_are_404_naming_the_id(client, url, missing):
    resp = client.get(url)
    assert resp.status_code == 404 and resp.headers["content-type"] == "application/json"
    assert resp.json() == {"error": {"code": "CW-QUERY-001", "message": resp.json()["error"]["message"]}}
    assert resp.json()["error"]["message"].startswith(f"{missing}: no such ")
