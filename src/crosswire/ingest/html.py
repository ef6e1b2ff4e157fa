"""HTML pages -> main text plus the metadata the page states about itself.

trafilatura finds the article among menus, teasers and comment threads; ``meta.page_metadata``
reads title, URL, site name and date (``htmldate.find_date``) from the same parsed tree, so the
page is parsed once. The text comes back
one block per line; we join blocks with a blank line because that is the paragraph convention
every later stage (``Report.body``) relies on.

Feed entries and JSONL ``html`` fields are often fragments without any boilerplate; trafilatura
refuses short fragments, so those fall back to a plain block-by-block rendering.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from crosswire.errors import BadHTML, NoText
from crosswire.ingest.decode import decode_bytes
from crosswire.ingest.meta import page_metadata
from crosswire.model import RawReport, Rejection

MEDIA_TYPE = "text/html"

# Chosen on the trafilatura eval set with bench/extract.py: comments are not part of a report,
# and favor_recall / favor_precision / deduplicate / fast each scored a lower F1 there.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_recall": False,
    "favor_precision": False,
    "deduplicate": False,
    "fast": False,
}

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")
_HAS_WORD = re.compile(r"\w")
_TAG = re.compile(r"<(?:body|p|div|h1|article)\b", re.I)
# Separators of navigation links ("Home | About", "World » Europe"); a line of a report is prose.
_MENU_SPLIT = re.compile(r"[|•·»›\n]")
_MENU_MAX_WORDS = 40  # a page with more words (or characters) than this is never taken for a bare menu
_MENU_MAX_CHARS = 300
_SPACES = re.compile(r"[ \t\r\f\v]+")  # no-break spaces are kept: they are part of the text
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer figure figcaption dt dd hr".split()
)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its first 4 KiB (``<meta charset>`` or the XML declaration)."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes) -> str:
    text, _ = decode_bytes(data, declared_charset(data))
    return text


def paragraphs(text: str) -> str:
    """One block per line -> paragraphs separated by a blank line, runs of spaces collapsed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def fragment_text(markup: str) -> str:
    """Render an HTML fragment block by block, for content that has no boilerplate to remove."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() == "br":
                continue
            el.text = "\n" + (el.text or "")
    return paragraphs(root.text_content())


def extract(markup: str, uri: str) -> tuple[str, dict[str, str]] | Rejection:
    """Main text (paragraphs) and declared metadata of a page, or why there is none.

    Markup lxml cannot build a tree from is ``BadHTML``; a page that parses but holds no main
    text (only scripts, an empty body) is ``NoText``.
    """
    tree = trafilatura.load_html(markup)
    if tree is None:
        return Rejection(uri, BadHTML.code, "HTML that cannot be parsed (truncated or not markup at all)")
    declared = page_metadata(tree)
    try:
        doc = trafilatura.bare_extraction(tree, url=declared.get("url"), **EXTRACT_OPTIONS)
    except (ValueError, TypeError, etree.LxmlError) as exc:  # trafilatura bugs on odd trees
        return Rejection(uri, BadHTML.code, f"HTML that the extractor could not process ({exc})")
    text = paragraphs(doc.text or "") if doc is not None else ""
    if not _HAS_WORD.search(text) or only_menu(text):
        if _TAG.search(tree.findtext(".//title") or ""):
            # "<title>Page<body><p>..." never closes: HTML reads the rest as the title, and a
            # browser shows a blank page; say so rather than "no main text" for a page full of it
            why = "HTML page whose <title> is never closed, so all of it is the title (a browser shows it blank)"
            return Rejection(uri, BadHTML.code, why)
        return Rejection(uri, NoText.code, "HTML page with no main text (empty body, or only scripts/menus)")
    return text, declared


def only_menu(text: str) -> bool:
    """Whether extracted text is nothing but a few navigation links ("Home | About").

    On a page with no article trafilatura's fallback returns whatever text the body holds, which
    is then stored as a report of two words; prose has at least one stretch of five words (or, in
    scripts written without spaces, 40 characters) between separators, a menu none.
    """
    if len(text.split()) > _MENU_MAX_WORDS or len(text) > _MENU_MAX_CHARS:
        return False
    return all(len(item.split()) < 5 and len(item.strip()) < 40 for item in _MENU_SPLIT.split(text))


def html_report(
    uri: str,
    markup: str,
    content_hash: str,
    overrides: dict[str, str] | None = None,
    *,
    fragment: bool = False,
    media_type: str = MEDIA_TYPE,
) -> RawReport | Rejection:
    """Build a report from HTML; ``overrides`` (metadata the container states) beat the page's own.

    ``fragment`` marks content that may already be the bare article (feed entries, JSONL
    ``html``): unless it is a whole page (``<html``/``<body``), it is rendered block by block,
    since there is no boilerplate to remove and trafilatura declines short fragments.
    ``media_type`` names the container whose content this is (a feed entry's is all body).
    """
    head = markup[:4096].lower()
    if fragment and "<html" not in head and "<body" not in head:
        text = fragment_text(markup)
        if not _HAS_WORD.search(text):
            return Rejection(uri, NoText.code, "HTML content with no text")
        result: tuple[str, dict[str, str]] | Rejection = (text, {})
    else:
        result = extract(markup, uri)
        if isinstance(result, Rejection):
            return result
    text, declared = result
    if overrides:
        declared.update(overrides)
    report_uri = declared.get("url") or uri
    return RawReport(report_uri, media_type, text, content_hash, declared)
