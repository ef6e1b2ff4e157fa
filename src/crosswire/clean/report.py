"""Turn a ``RawReport`` into a ``Report``: title, final body, furniture aside, metadata, fingerprint.

The body is final here: every later span indexes into it, so nothing downstream may rewrite it.
"""

from __future__ import annotations

import hashlib
import re

from crosswire.clean.boilerplate import split_paragraphs
from crosswire.clean.dedup import fingerprint
from crosswire.clean.metadata import detect_language, find_outlet, find_published
from crosswire.errors import NoText
from crosswire.model import RawReport, Report, make_report_id

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BLOCK_SEP = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def text_hash(body: str) -> str:
    """sha256 of the lowercased, whitespace-collapsed body: the same text under another URL matches."""
    return hashlib.sha256(_normal(body).encode()).hexdigest()


def blocks(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines: split on blank lines, or on every newline if there are none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BLANK_LINE.search(text):
        return [block.split("\n") for block in _BLOCK_SEP.split(text)]
    return [[line] for line in text.split("\n")]


def _take_title(paragraphs: list[list[str]], declared: str | None) -> str | None:
    """Remove the headline line from the paragraphs and return it (the declared title wins).

    With a declared title, the text's first line is dropped only if it repeats that title.
    """
    for lines in paragraphs:
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            if declared and _normal(line) != _normal(declared):
                return declared
            del lines[i]
            return declared or line.strip()
    return declared


def clean_report(raw: RawReport) -> Report:
    """Clean one raw report; raises ``NoText`` when no body text remains."""
    declared_title = (raw.declared.get("title") or "").strip() or None
    paragraphs = blocks(raw.text)
    title = _take_title(paragraphs, declared_title)
    split = split_paragraphs(paragraphs)
    if not split.body:
        raise NoText(raw.uri, "no body text remains once the headline and page furniture are removed")
    body = "\n\n".join(split.body)
    outlet = find_outlet(raw.declared, raw.uri, split.boilerplate, body)
    published, published_source, reason = find_published(raw.declared, body, split.captions, title, raw.uri)
    return Report(
        id=make_report_id(raw.uri, raw.content_hash),
        uri=raw.uri,
        title=title,
        body=body,
        outlet=outlet.name,
        outlet_source=outlet.source,
        published=published,
        published_source=published_source,  # type: ignore[arg-type]
        published_reason=reason,
        language=detect_language(f"{title or ''}\n{body}"),
        boilerplate=tuple(split.boilerplate),
        captions=tuple(split.captions),
        republished_from=outlet.republished_from,
        content_hash=raw.content_hash,
        text_hash=text_hash(body),
        fingerprint=fingerprint(body),
    )
