"""Turn a ``RawReport`` into a ``Report``: title, final body, furniture aside, metadata, fingerprint.

The body is final here: every later span indexes into it, so nothing downstream may rewrite it.

Plain text carries its headline on line 1 (the scraper format), so that line becomes the title. A
JSON Lines record's ``text`` and a feed entry's content are all body: the headline, if there is
one, is the ``title`` field (the entry's title element), and without one the report has no title
rather than losing its lead paragraph.

A declared title that is only a time stamp ("Article posted on 08. 07. 2012") is no title: it dates
the report like a dateline (when nothing else does), and the text's first line becomes the title
when it reads as a headline (one short line, no closing full stop), as a scraper's line 1 would.
"""

from __future__ import annotations

import hashlib
import re

from crosswire import settings
from crosswire.clean.boilerplate import split_paragraphs
from crosswire.clean.dates import is_stamp
from crosswire.clean.dedup import fingerprint
from crosswire.clean.metadata import detect_language, find_outlet, find_published
from crosswire.errors import NoText, ReportTooLong
from crosswire.model import RawReport, Report, make_report_id

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BLOCK_SEP = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")
# Media types whose text has no headline line: a JSON Lines record and a feed entry's content (the
# ingest stage's jsonl and feeds types).
_BODY_ONLY = frozenset({"application/x-ndjson", "application/x-feed-entry"})


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


# What a print headline cut from its deck ends with ("Jobs report gives Democrats a lift;"): a
# separator, never the end of a headline. "?", "!", "." ("U.S."), closing quotes and "…" stay.
_TITLE_TAIL = re.compile(r"[\s;:,\-\u2013\u2014/|]+$")


def tidy_title(title: str | None) -> str | None:
    """The title without a trailing separator (";", ":", ",", a dash): story labels and pages show it."""
    if title is None:
        return None
    return _TITLE_TAIL.sub("", title.strip()) or None


_HEADLINE_WORDS = 20


def _headline_first(paragraphs: list[list[str]]) -> bool:
    """Whether the text opens with a line that reads as a headline: a paragraph of one short line
    that does not end a sentence with a full stop (a lead paragraph does), followed by more text."""
    filled = [[line for line in lines if line.strip()] for lines in paragraphs]
    filled = [lines for lines in filled if lines]
    if len(filled) < 2 or len(filled[0]) != 1:
        return False
    line = filled[0][0].strip()
    return (
        len(line.split()) <= _HEADLINE_WORDS
        and not line.endswith((".", ":", ",", ";"))
        and not is_stamp(line)
    )


def clean_report(raw: RawReport, *, max_chars: int | None = None) -> Report:
    """Clean one raw report; raises ``NoText`` when no body text remains and ``ReportTooLong`` when
    the body is over ``max_chars`` (default: the ``max_report_chars`` setting)."""
    declared_title = (raw.declared.get("title") or "").strip() or None
    stamp = declared_title if declared_title and is_stamp(declared_title) else None
    if stamp:
        declared_title = None
    paragraphs = blocks(raw.text)
    if raw.media_type in _BODY_ONLY and not declared_title:
        title = _take_title(paragraphs, None) if stamp and _headline_first(paragraphs) else None
    else:
        title = _take_title(paragraphs, declared_title)
    title = tidy_title(title)
    split = split_paragraphs(paragraphs)
    if not split.body:
        raise NoText(raw.uri, "no body text remains once the headline and page furniture are removed")
    body = "\n\n".join(split.body)
    limit = int(settings.get("max_report_chars") if max_chars is None else max_chars)
    if len(body) > limit:
        raise ReportTooLong(
            raw.uri,
            f"body is {len(body):,} characters, over the {limit:,} a news report can plausibly be "
            "(setting max_report_chars)",
        )
    outlet = find_outlet(raw.declared, raw.uri, split.boilerplate, body)
    published, published_source, reason = find_published(
        raw.declared, body, split.captions, stamp or title, raw.uri
    )
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
