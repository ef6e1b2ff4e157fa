"""Finding inputs on disk and reading their bytes safely.

Every failure here becomes a ``Rejection`` rather than an exception, because one bad file in a
folder of a thousand must not stop the batch. Sizes are checked from ``stat`` before a byte is
read (a 200 MB file is refused unread), special files are never opened (opening a FIFO blocks
forever), and gzip is decompressed with the same limit so a small ``.gz`` cannot expand into
gigabytes.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator, Sequence

from crosswire.errors import BinaryInput, EmptyInput, InputTooLarge, UnreadableInput
from crosswire.model import Rejection

_GZIP_MAGIC = b"\x1f\x8b"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _too_large(uri: str, size: int | None, max_bytes: int, what: str = "input") -> Rejection:
    told = f"{what} is {_mb(size)}" if size is not None else f"{what} is larger than {_mb(max_bytes)}"
    return Rejection(
        uri,
        InputTooLarge.code,
        f"{told}, over the {_mb(max_bytes)} limit; split it or raise the max_input_mb setting",
    )


def _unreadable(uri: str, exc: OSError | str) -> Rejection:
    why = exc if isinstance(exc, str) else (exc.strerror or type(exc).__name__)
    return Rejection(uri, UnreadableInput.code, f"cannot read it: {why}")


def walk(paths: Sequence[str]) -> Iterator[str | Rejection]:
    """Yield absolute file paths (or ``"-"``) in a stable order, or a rejection per unusable path.

    Folders are walked recursively in name order; hidden files and folders (``.git``,
    ``.DS_Store``) are skipped since nobody means them as reports. Folder symlink loops are cut.
    """
    for given in paths:
        if given == "-":
            yield "-"
            continue
        path = os.path.abspath(given)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield _unreadable(path, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(path, {(st.st_dev, st.st_ino)})
        else:
            yield path


def _walk_dir(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | Rejection]:
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield _unreadable(folder, exc)
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()  # follows symlinks; a broken link is not a dir
        except OSError:
            is_dir = False
        if not is_dir:
            yield entry.path
            continue
        try:
            st = entry.stat()
        except OSError as exc:
            yield _unreadable(entry.path, exc)
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        yield from _walk_dir(entry.path, seen | {key})


def read_file(path: str, max_bytes: int, *, decompress: bool = True) -> bytes | Rejection:
    """Read a regular file's bytes within ``max_bytes``, or say why not.

    ``decompress`` inflates gzip data (by magic number, whatever the extension) under the same
    limit; WARC readers pass ``False`` because their records are gzipped one by one.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return _unreadable(path, exc)
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (FIFO, socket or device)"
        return _unreadable(path, kind)
    if st.st_size > max_bytes:
        return _too_large(path, st.st_size, max_bytes, "file")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return _unreadable(path, exc)
    return check_bytes(path, data, max_bytes, decompress=decompress)


def read_stream(stream: io.RawIOBase | io.BufferedIOBase | None, max_bytes: int) -> bytes | Rejection:
    """Read stdin (``-``) within ``max_bytes``; standard input has no size to stat, so read one past."""
    if stream is None:
        return _unreadable("-", "no standard input was given")
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        return _unreadable("-", str(exc))
    if isinstance(data, str):  # a text stream slipped through: take its bytes
        data = data.encode("utf-8")
    return check_bytes("-", data or b"", max_bytes)


def check_bytes(uri: str, data: bytes, max_bytes: int, *, decompress: bool = True) -> bytes | Rejection:
    """Apply the size, gzip and emptiness rules to bytes already in memory."""
    if len(data) > max_bytes:
        return _too_large(uri, None, max_bytes)
    if decompress and uri.lower().endswith(".gz") and data and not data.startswith(_GZIP_MAGIC):
        return Rejection(
            uri, BinaryInput.code, "named .gz but not gzip data (no gzip header); rename or re-compress it"
        )
    if decompress and data.startswith(_GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                inflated = gz.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            return Rejection(uri, BinaryInput.code, f"gzip data that cannot be decompressed ({exc})")
        if len(inflated) > max_bytes:
            return _too_large(uri, None, max_bytes, "decompressed input")
        data = inflated
    if not data[:4096].strip() and not data.strip():
        what = "empty" if not data else "only whitespace"
        return Rejection(uri, EmptyInput.code, f"input is {what}; nothing to read")
    return data
