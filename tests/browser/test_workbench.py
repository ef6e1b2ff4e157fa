"""The workbench in chromium over the real seeds: citations, compare, quote search, upload, hostile text."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from .browserenv import CORPUS, TOKEN

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def open_seed_story(page) -> str:
    page.goto("/")
    page.locator("a.story-link").first.click()
    page.wait_for_selector("#reports")
    return page.url.rsplit("/", 1)[-1]


def lit_text(page, report_id: str) -> str:
    return "".join(page.locator(f"#body-{report_id} .seg.lit").all_text_contents())


def test_citation_highlights_its_passage(page, base_url, tmp_path):
    story_id = open_seed_story(page)
    cites = page.locator("#brief a.cite")
    if cites.count() == 0:  # the brief stage has not stored a digest: the who-said-what table cites too
        cites = page.locator("#who-said a.cite")
    assert cites.count() > 0, f"story {story_id} has no citation"
    cite = cites.first
    rid, start, end = (cite.get_attribute(k) for k in ("data-report", "data-start", "data-end"))
    cite.click()
    body = httpx.get(f"{base_url}/api/v1/reports/{rid}").json()["body"]
    passage = body[int(start) : int(end)]
    assert " ".join(lit_text(page, rid).split()) == " ".join(passage.split())
    assert page.locator(f"#body-{rid} .seg.lit").first.is_visible()
    page.screenshot(path=str(tmp_path / "citation.png"))
    assert page.locator("svg.chart .bar").count() + page.locator(".timeline li").count() > 0
    assert not page.console_errors


def test_compare_marks_the_three_quote_variants(page, tmp_path):
    open_seed_story(page)
    page.locator("#compare-button").click()
    page.wait_for_selector("h1:has-text('Compare')")
    gold = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))["quote_variants"]
    groups = page.locator(".variant-group")
    members = [
        [m.text_content() for m in groups.nth(i).locator(".variant-member").all()]
        for i in range(groups.count())
    ]
    for pair in gold:
        wanted = [words(text) for _file, text in pair["members"]]

        def covers(group: list[str], wanted=wanted) -> bool:
            return all(any(len(w & words(m)) >= 0.5 * len(w) for m in group) for w in wanted)

        assert any(covers(g) for g in members), pair["members"][0][1]
    assert page.locator(".variant-group mark.diff").count() >= 3
    assert page.locator(".body .seg.diff").count() >= 3
    bodies = page.locator(".columns.compare .body")
    assert bodies.count() == 2
    for i in range(2):  # a shared claim is marked in each report's own wording, not only the first's
        assert bodies.nth(i).locator(".seg.shared").count() >= 1, i
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    assert not page.console_errors


def test_quote_search_by_speaker_links_to_the_passage(page, tmp_path):
    speaker = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))["quote_variants"][0][
        "same_statement_by"
    ]
    surname = speaker.split()[-1]
    page.goto("/quotes")
    page.fill("input[name=speaker]", surname)
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"speaker="))
    rows = page.locator("tr.quote-row")
    assert rows.count() >= 3
    assert all(surname in s for s in page.locator("tr.quote-row td.speaker").all_text_contents())
    link = rows.first.locator("a.quote-link")
    quote = link.text_content()
    link.click()
    page.wait_for_selector(".body .seg.lit")
    assert " ".join("".join(page.locator(".body .seg.lit").all_text_contents()).split()) == " ".join(
        quote.split()
    )
    page.screenshot(path=str(tmp_path / "quote.png"))


def test_upload_with_token_shows_the_new_story(page, tmp_path):
    report = tmp_path / "harbour.txt"
    report.write_text(
        "Glass factory reopens in Vellmoor\n\n"
        "The glass factory in Vellmoor reopened on Tuesday after a two-year closure, its owner Mira Kastel said.\n\n"
        '"We hired ninety people this spring," Kastel told the Vellmoor Courier.\n',
        encoding="utf-8",
    )
    page.goto("/ingest")
    page.fill("input[name=token]", "not-the-token")
    page.set_input_files("input[name=files]", str(report))
    page.click("form.ingest button")
    assert "wrong token" in page.locator("p.error").text_content()
    page.fill("input[name=token]", TOKEN)
    page.set_input_files("input[name=files]", str(report))
    page.click("form.ingest button")
    result = page.wait_for_selector("#ingest-result", timeout=120_000)
    assert "1 stored" in result.text_content()
    page.locator("#ingest-result a.story-link").first.click()
    page.wait_for_selector("#reports")
    assert "Glass factory reopens in Vellmoor" in page.locator("#reports").text_content()
    page.screenshot(path=str(tmp_path / "upload.png"), full_page=True)


def test_hostile_report_renders_as_text(page, base_url, tmp_path):
    hostile = {
        "text": "Council meeting notes <script>alert(1)</script>\n\n"
        "The council met. <img src=x onerror=alert(2)> Members voted <b>twice</b>.",
        "title": "Notes <img src=x onerror=alert(3)>",
        "outlet": "Test <script>alert(4)</script> Gazette",
    }
    summary = httpx.post(
        f"{base_url}/api/v1/reports", json=hostile, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120
    ).json()
    assert summary["stored"] == 1, summary
    story_id = summary["stories"][0]
    report_id = httpx.get(f"{base_url}/api/v1/stories/{story_id}").json()["report_list"][0]["id"]
    for url in (f"/reports/{report_id}", f"/stories/{story_id}", "/?q=council"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("main img").count() == 0
        assert page.locator("main script").count() == 0
    page.goto(f"/reports/{report_id}")
    text = page.locator(".body").inner_text()
    assert "<img src=x onerror=alert(2)>" in text and "<b>twice</b>" in text
    assert "<img src=x onerror=alert(3)>" in page.locator("h1").inner_text()
    assert page.dialogs == []
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
