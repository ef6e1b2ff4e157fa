"""The workbench in Debian chromium over the invented store: layout and highlighting a page's HTML can't show.

A server in a thread over ``webstore`` (plus ``add_wild``: direction overrides and a 5,000-character
word, all invented), no pipeline, so these run in seconds.
"""

from __future__ import annotations

import pytest

from tests.browser.browserenv import serving

from .webstore import add_wild, build

pytestmark = pytest.mark.browser
WIDTH = 1000


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("webbrowser") / "web.db"
    build(path)
    add_wild(path)
    with serving(str(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": WIDTH, "height": 800})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


# [left, right] of the first rendering of `word` inside the element `selector`, from a DOM Range
WORD_BOX = """([selector, word]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.indexOf(word);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + word.length);
    const box = range.getBoundingClientRect();
    return [box.left, box.right, box.top, box.bottom];
  }
  return null;
}"""


def box(page, selector: str, word: str) -> tuple[float, float, float, float]:
    found = page.evaluate(WORD_BOX, [selector, word])
    assert found, (selector, word)
    return tuple(found)


def reads_in_order(page, selector: str, *words: str) -> None:
    """Each word starts right of the previous one on the same line: nothing was turned around."""
    boxes = [box(page, selector, w) for w in words]
    for i in range(1, len(words)):
        a, b = boxes[i - 1], boxes[i]
        assert a[2] < b[3] and b[2] < a[3], (words[i - 1], words[i], "not on one line")
        assert a[1] <= b[0] + 0.5, (words[i - 1], a, words[i], b)


def test_direction_override_in_untrusted_text_stays_put(page):
    """U+202E in a title, an outlet, a body and a brief sentence reverses nothing around it."""
    page.goto("/reports/rw")
    reads_in_order(page, "h1", "Ferry", "times", "change")
    reads_in_order(page, "main article p.dim", "Quill", "Gazette", "report", "rw")
    reads_in_order(page, "#body-rw p.para", "ferry", "leaves", "noon", "operator", "said")
    assert page.locator("#body-rw .ctl-tag").first.is_visible()  # where the control was is shown
    page.goto("/stories/s-wild")
    reads_in_order(page, "ol.brief li", "ferry", "leaves", "operator", "said", "[1]")
    reads_in_order(page, "#brief-sources li", "[1]", "Quill", "Gazette", "Ferry", "times", "change")
    reads_in_order(page, "#reports tbody tr", "[1]", "Quill", "Gazette", "Ferry", "times", "change")
    assert not page.errors


@pytest.mark.parametrize(
    "url", ["/", "/stories/s-wild", "/reports/rw", "/compare?ids=rw,ra", "/quotes", "/?q=ferry"]
)
def test_a_five_thousand_character_word_keeps_the_page_in_the_viewport(page, url):
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH + 2, (url, width)


def test_a_new_citation_clears_the_last_ones_highlight(page):
    page.goto("/stories/s-pier")
    page.locator("#who-said a.cite[data-report=ra]").first.click()
    assert page.locator("#body-ra .seg.lit").count() > 0
    page.locator("#who-said a.cite[data-report=rb]").first.click()
    assert page.locator("#body-rb .seg.lit").count() > 0
    assert page.locator("#body-ra .seg.lit").count() == 0
    assert page.locator("a.cite.active").count() == 1


def test_compare_button_needs_two_checked_reports(page):
    page.goto("/stories/s-pier")
    button = page.locator("#compare-button")
    assert button.is_enabled()
    page.locator("input[name=ids]").first.uncheck()
    assert button.is_disabled() and page.locator("#compare-hint").is_visible()
    page.locator("input[name=ids]").first.check()
    button.click()
    page.wait_for_url("**/compare?**")
    assert page.locator("h1").inner_text() == "Compare 2 reports"


@pytest.mark.parametrize("url", ["/", "/stories/s-pier", "/compare?ids=ra,rb", "/quotes", "/reports/ra"])
def test_pages_fit_a_phone(browser, base_url, url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 392, (url, width)


# every <th> whose text runs over more than one line, and every free-text cell narrower than `least` px
LAYOUT = """(least) => {
  const wrapped = [], narrow = [];
  for (const th of document.querySelectorAll("table.list th")) {
    const line = parseFloat(getComputedStyle(th).lineHeight) || 20;
    const range = document.createRange();
    range.selectNodeContents(th);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (tops.size > 1 || th.getBoundingClientRect().height > 2 * line) wrapped.push(th.textContent);
  }
  for (const td of document.querySelectorAll("table.list td.text")) {
    if (td.getBoundingClientRect().width < least) narrow.push(td.textContent.slice(0, 40));
  }
  return [wrapped, narrow];
}"""


@pytest.mark.parametrize("width", [400, 1280])
@pytest.mark.parametrize("url", ["/", "/stories/s-wild", "/stories/s-pier", "/quotes", "/entities"])
def test_no_header_wraps_and_no_title_cell_is_starved(browser, base_url, url, width):
    """A 10,000-character token (an entity chip of s-wild) and a 400 px screen: headers stay on one line,
    every title or quote cell keeps at least 150 px, and the page itself never scrolls sideways."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    wrapped, narrow = page.evaluate(LAYOUT, 150)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    chips = page.evaluate(
        "[...document.querySelectorAll('.chip')].map((c) => c.getBoundingClientRect().width)"
    )
    context.close()
    assert not wrapped, (url, width, wrapped)
    assert not narrow, (url, width, narrow)
    assert scroll <= width + 2, (url, scroll)
    assert all(w < 300 for w in chips), (url, max(chips))


def test_the_long_token_chip_is_cut_and_keeps_its_full_name_as_a_tooltip(page):
    page.goto("/stories/s-wild")
    chip = page.locator("a.chip bdi[title]").first
    assert len(chip.get_attribute("title")) == 10_000
    assert len(chip.inner_text()) <= 41


def test_tab_focus_on_a_citation_lights_its_passage_like_hover(page):
    page.goto("/stories/s-pier")
    cite = page.locator("#who-said a.cite[data-report=rb]").first
    cite.focus()
    assert page.locator("#body-rb .seg.lit").count() > 0
    lit = cite.evaluate("(a) => getComputedStyle(a).backgroundColor")
    assert lit not in ("rgba(0, 0, 0, 0)", "transparent")
