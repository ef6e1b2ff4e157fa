"""JSON Lines: one report per line, as exporters and scrapers write them.

Each line is an object with ``text`` (plain text, all of it body: the headline goes in ``title``)
or ``html`` (a page or a fragment), and optionally ``url``, ``title``, ``published``, ``outlet``.
A ``text`` record keeps this module's media type, which tells clean not to take its first line
for a headline (a first line that repeats ``title`` is still dropped). A malformed line is one
rejection naming the file and line number; the other lines go on, because one bad record in a
dump of ten thousand is the normal case, not an emergency.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from crosswire.errors import BadJSONLine, NoText
from crosswire.ingest.dates import to_day
from crosswire.ingest.decode import normalise
from crosswire.ingest.html import html_report
from crosswire.ingest.text import text_report
from crosswire.model import RawReport, Rejection

MEDIA_TYPE = "application/x-ndjson"
_META = ("url", "title", "outlet")


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object (a cheap sniff, no full parse)."""
    for line in text.split("\n", 20):
        line = line.strip()
        if line:
            return line.startswith("{") and line.endswith("}")
    return False


def _declared(obj: dict[str, object]) -> dict[str, str]:
    declared = {k: " ".join(v.split()) for k in _META if isinstance(v := obj.get(k), str) and v.strip()}
    day = to_day(obj.get("published"))
    if day:
        declared["published"] = day
        declared["published_source"] = "declared"
    return declared


def read_jsonl(path: str, text: str) -> Iterator[RawReport | Rejection]:
    """Yield a report or a rejection for each non-blank line of an already decoded JSONL file."""
    name = path if path == "-" else path.rsplit("/", 1)[-1]
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(
                where,
                BadJSONLine.code,
                f"{name} line {number}: invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})",
            )
            continue
        if not isinstance(obj, dict):
            yield Rejection(
                where, BadJSONLine.code, f"{name} line {number}: a JSON {type(obj).__name__}, not an object"
            )
            continue
        body, markup = obj.get("text"), obj.get("html")
        if not isinstance(body, str) and not isinstance(markup, str):
            yield Rejection(
                where, BadJSONLine.code, f"{name} line {number}: needs a string 'text' or 'html' field"
            )
            continue
        declared = _declared(obj)
        uri = declared.get("url") or where
        content_hash = hashlib.sha256(line.encode("utf-8")).hexdigest()
        if isinstance(body, str) and body.strip():
            yield text_report(uri, normalise(body), content_hash, declared, media_type=MEDIA_TYPE)
        elif isinstance(markup, str) and markup.strip():
            yield html_report(
                uri, normalise(markup), content_hash, declared, fragment=True, media_type=MEDIA_TYPE
            )
        else:
            yield Rejection(where, NoText.code, f"{name} line {number}: the 'text'/'html' field is empty")
