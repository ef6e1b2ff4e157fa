"""Plain text as scrapers deliver it: headline on line 1, then the article, boilerplate and all.

Ingest does not interpret it (clean finds the title, the byline and the boilerplate); it only
makes sure the text is decoded, normalised and not empty.
"""

from __future__ import annotations

import re

from crosswire.errors import NoText
from crosswire.model import RawReport, Rejection

MEDIA_TYPE = "text/plain"

_HAS_WORD = re.compile(r"\w")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def text_report(
    uri: str,
    text: str,
    content_hash: str,
    declared: dict[str, str] | None = None,
    *,
    media_type: str = MEDIA_TYPE,
) -> RawReport | Rejection:
    """Wrap decoded text as a report; leading blank lines go so the headline really is line 1."""
    text = _TRAILING_SPACE.sub("\n", text).strip()
    if not _HAS_WORD.search(text):
        return Rejection(uri, NoText.code, "text with no letters or digits in it")
    return RawReport(uri, media_type, text, content_hash, dict(declared or {}))
