"""What a page says about itself: title, canonical URL, site name and publication date.

trafilatura's full metadata pass also hunts authors, categories, tags and licences, which
crosswire does not use and which cost about a fifth of the extraction time; this runs only the
parts we need, in trafilatura's order (meta tags, then JSON-LD, then the page's own elements),
and dates the page with ``htmldate.find_date`` (which copies the tree, so the tree is reusable).
"""

from __future__ import annotations

import logging

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)

# Non-extensive search: the extensive one adds a dateparser pass over the page text (seconds of
# warm-up, ~1% more right dates on the eval set); clean infers dates from the text itself anyway.
DATE_OPTIONS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

LOGGER = logging.getLogger(__name__)


def page_metadata(tree: HtmlElement) -> dict[str, str]:
    """``title``/``url``/``outlet``/``published`` (+ ``published_source="html"``) found on the page."""
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # JSON-LD in the wild is often broken; trafilatura guards it too
        LOGGER.debug("JSON-LD metadata skipped: %s", err)
    title = metadata.title or extract_title(tree)
    url = metadata.url or extract_url(tree)
    sitename = metadata.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
    elif url and (match := META_URL.match(url)):
        sitename = match[1]
    try:
        day = find_date(tree, url=url, **DATE_OPTIONS)
    except (ValueError, TypeError, OverflowError) as err:
        LOGGER.debug("date search failed: %s", err)
        day = None
    declared: dict[str, str] = {}
    for key, value in (("title", title), ("url", url), ("outlet", sitename)):
        if value and value.strip():
            declared[key] = " ".join(value.split())
    if day:
        declared["published"] = day[:10]
        declared["published_source"] = "html"
    return declared
