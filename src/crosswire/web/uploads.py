"""Uploads into the store: files and pasted text are written to a temp folder and ingested from there.

Going through ``Pipeline.ingest`` means an upload is read, cleaned, analysed and grouped exactly as
``crosswire ingest`` would. Each upload's folder is named by a hash of its content, so the same file
uploaded twice has the same input path and is recognised as already known.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crosswire.store import Store

MAX_FILES = 50
ALLOWED_EXTENSIONS = (
    ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json",
    ".rss", ".atom", ".xml", ".warc", ".gz",
)  # fmt: skip
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
ITEM_FIELDS = ("text", "html", "url", "title", "published", "outlet")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class UploadError(ValueError):
    """An upload refused before ingest (wrong type, too many files, no text): the message says why."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def safe_name(filename: str | None, index: int) -> str:
    """A file name that cannot climb out of its folder or hide: the basename, plain characters only."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).lstrip("._") or f"upload-{index}.txt"
    return base[:120]


def check_file(name: str) -> None:
    """Refuse (415) a file whose name has none of the extensions ingest reads."""
    if not name.lower().endswith(ALLOWED_EXTENSIONS):
        raise UploadError(f"{name}: unsupported file type; send one of {', '.join(ALLOWED_EXTENSIONS)}", 415)


def is_iso_date(value: str) -> bool:
    """True for ``YYYY-MM-DD`` (a real day) or an ISO date-time that starts with one."""
    if not _ISO_DAY.match(value):
        return False
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def items_to_jsonl(items: list[dict[str, Any]]) -> bytes:
    """Report objects as JSON Lines, the form the ingest reader takes declared metadata from."""
    lines = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise UploadError(f"item {i}: expected an object with 'text' or 'html'")
        unknown = set(item) - set(ITEM_FIELDS)
        if unknown:
            raise UploadError(f"item {i}: unknown field(s) {', '.join(sorted(unknown))}")
        if not any(isinstance(item.get(k), str) and item[k].strip() for k in ("text", "html")):
            raise UploadError(f"item {i}: needs a non-empty 'text' or 'html'")
        clean = {k: v for k, v in item.items() if v is not None}
        if any(not isinstance(v, str) for v in clean.values()):
            raise UploadError(f"item {i}: every field must be a string")
        if clean.get("published", "").strip() and not is_iso_date(clean["published"].strip()):
            shown = clean["published"][:40]
            raise UploadError(f"item {i}: published must be YYYY-MM-DD or an ISO date-time, got {shown!r}")
        lines.append(json.dumps(clean, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def ingest_files(db_path: str, files: list[tuple[str, bytes]], lock: threading.Lock) -> dict[str, Any]:
    """Ingest ``(name, content)`` pairs into the store; returns the ingest summary as JSON-ready dict."""
    if not files:
        raise UploadError("nothing to ingest: send files, or text")
    if len(files) > MAX_FILES:
        raise UploadError(f"too many files ({len(files)}); send at most {MAX_FILES} per request")
    # one unsupported file is rejected by name and the others go on, as ``crosswire ingest`` does;
    # only when nothing is left is the whole request refused (415)
    unsupported = [name for name, _ in files if not name.lower().endswith(ALLOWED_EXTENSIONS)]
    files = [(name, content) for name, content in files if name not in unsupported]
    if not files:
        check_file(unsupported[0])
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    # imported here: the pipeline pulls in spaCy and torch, which a read-only server never needs
    from crosswire.pipeline import Pipeline

    root = Path(tempfile.gettempdir()) / "crosswire-uploads" / digest.hexdigest()[:20]
    prefix = str(root) + "/"
    with lock:
        root.mkdir(parents=True, exist_ok=True)
        try:
            for name, content in files:
                (root / name).write_bytes(content)
            with Store.open(db_path) as store, Pipeline(store, workers=1) as pipeline:
                summary = pipeline.ingest(
                    [str(root)], uri_of=lambda uri: "upload:" + uri.removeprefix(prefix)
                )
        finally:
            shutil.rmtree(root, ignore_errors=True)
    kinds = ", ".join(ALLOWED_EXTENSIONS)
    return {
        "stored": summary.stored,
        "known": summary.known,
        "copies": summary.copies,
        "stories": sorted(summary.stories),
        "new_stories": sorted(summary.new_stories),
        "rejected": [
            {"input": name, "code": "CW-WEB-415", "reason": f"unsupported file type; send one of {kinds}"}
            for name in unsupported
        ]
        + [
            {"input": r.uri.removeprefix("upload:"), "code": r.code, "reason": r.reason.replace(prefix, "")}
            for r in summary.rejected
        ],
    }
