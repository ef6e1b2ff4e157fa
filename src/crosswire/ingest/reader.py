"""``read_inputs``: paths in, reports and rejections out, one input at a time.

Each input is dispatched by extension first (cheap and what the user meant) and by sniffing its
first bytes when the extension says nothing (stdin, extension-less scraper output, ``.xml``).
Any failure becomes a ``Rejection`` naming the input, so the batch always goes on; the catch-all
at the bottom exists because third-party parsers meet pages nobody tested them on.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from typing import BinaryIO, Literal

from crosswire.errors import BinaryInput, UnreadableInput
from crosswire.ingest.decode import binary_reason, decode_bytes
from crosswire.ingest.feeds import looks_like_feed, read_feed
from crosswire.ingest.files import check_bytes, read_file, read_stream, walk
from crosswire.ingest.html import decode_html, html_report
from crosswire.ingest.jsonl import looks_like_jsonl, read_jsonl
from crosswire.ingest.text import text_report
from crosswire.ingest.warc import looks_like_warc, read_warc
from crosswire.model import RawReport, Rejection

Kind = Literal["text", "html", "jsonl", "feed", "warc"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_BY_EXTENSION: dict[str, Kind] = {
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"), "html"),
    **dict.fromkeys((".jsonl", ".ndjson"), "jsonl"),
    **dict.fromkeys((".rss", ".atom"), "feed"),
    **dict.fromkeys((".warc", ".arc"), "warc"),
    **dict.fromkeys((".txt", ".text", ".md"), "text"),
}
_PAGE_START = (b"<!doctype html", b"<html")
_TAG = re.compile(rb"<(?:html|head|body|div|p|article|section|span|table|br)\b")
_GZIP_MAGIC = b"\x1f\x8b"


def _extension(uri: str) -> str:
    name = os.path.basename(uri).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def sniff(data: bytes, extension: str = "") -> Kind:
    """What kind of input ``data`` is: the extension when it is decisive, else its first bytes."""
    known = _BY_EXTENSION.get(extension)
    head = data[:2048].lstrip().lower()
    if known in ("html", "jsonl", "feed"):
        return known
    if head.startswith(_PAGE_START):
        return "html"  # scraped pages are often saved as .txt
    if known == "text":
        return known
    if looks_like_feed(head):
        return "feed"
    if head.startswith(b"{") and looks_like_jsonl(data[:65536].decode("utf-8", "replace")):
        return "jsonl"
    if head.startswith(b"<") and _TAG.search(head):
        return "html"
    return "text"


def _from_bytes(uri: str, raw: bytes, max_bytes: int) -> Iterator[RawReport | Rejection]:
    extension = _extension(uri)
    if (
        extension == ".warc"
        or looks_like_warc(raw)
        or (raw.startswith(_GZIP_MAGIC) and ".warc" in uri.lower())
    ):
        yield from read_warc(uri, raw, max_bytes)
        return
    data = check_bytes(uri, raw, max_bytes)
    if isinstance(data, Rejection):
        yield data
        return
    why = binary_reason(data)
    if why:
        yield Rejection(uri, BinaryInput.code, f"binary, not text: {why}")
        return
    kind = sniff(data, extension)
    if kind == "warc":
        yield from read_warc(uri, data, max_bytes)
    elif kind == "feed":
        yield from read_feed(uri, data)
    elif kind == "jsonl":
        yield from read_jsonl(uri, decode_bytes(data)[0])
    elif kind == "html":
        yield html_report(uri, decode_html(data), hashlib.sha256(data).hexdigest())
    else:
        yield text_report(uri, decode_bytes(data)[0], hashlib.sha256(data).hexdigest())


def read_inputs(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawReport | Rejection]:
    """Yield a ``RawReport`` per report found in ``paths`` and a ``Rejection`` per unusable input.

    ``paths`` are files, folders (walked recursively in name order, hidden entries skipped) or
    ``-`` for ``stdin``'s bytes. Never raises for bad input: each problem is a rejection whose
    reason names what was wrong and the input it was wrong with.
    """
    for item in walk(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        raw = read_stream(stdin, max_bytes) if item == "-" else read_file(item, max_bytes, decompress=False)
        if isinstance(raw, Rejection):
            yield raw
            continue
        try:
            yield from _from_bytes(item, raw, max_bytes)
        except Exception as exc:  # a parser bug on one input must not end the batch
            yield Rejection(
                item, UnreadableInput.code, f"unexpected {type(exc).__name__} while reading it: {exc}"
            )
