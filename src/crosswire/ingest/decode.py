"""Bytes -> text, or a reason why the bytes are not text.

Scraped reports arrive in whatever encoding the scraper's platform used. We try the encodings
that cover nearly all real news text in order of how strict they are: UTF-8 (a valid UTF-8
decode of non-UTF-8 text is vanishingly rare), then Windows-1252 (what "Latin-1" text from
Windows tools and old CMSs really is: curly quotes and dashes live in 0x80-0x9F), then Latin-1,
which accepts any byte so the chain always ends in text. Binary files are caught first, by
magic numbers and by control bytes, so a PDF never turns into a page of mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Magic numbers of formats that are never a report we can read (gzip is handled by the caller).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (old Word/Excel)"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 file"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
)

# C0 controls other than tab, LF, VT, FF, CR and ESC: text almost never contains them.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SAMPLE = 8192
_MAX_CONTROL_RATIO = 0.05

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is binary (a phrase), or ``None`` if it may be text.

    Checks, cheapest first: a UTF-16 BOM (text, despite its NULs), magic numbers, NUL bytes in
    the first 8 KiB, then the share of control bytes in that sample.
    """
    if data.startswith(_UTF16_BOMS):
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"looks like {what}"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "contains NUL bytes"
    if sample:
        controls = len(sample) - len(sample.translate(None, _CONTROL))
        if controls / len(sample) > _MAX_CONTROL_RATIO:
            return f"{controls} control bytes in the first {len(sample)}"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding used)``; never raises.

    ``declared`` is an encoding the input names itself (an HTML ``<meta charset>``); it is tried
    after UTF-8 because pages that declare Latin-1 but are really UTF-8 are common, the reverse
    is not. Mostly-UTF-8 bytes with a few stray Windows-1252 bytes keep their UTF-8 reading.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return normalise(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            pass
    candidates = ["utf-8-sig"]
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name and name not in ("utf-8", "ascii"):
            candidates.append(name)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return normalise(text), "utf-8" if encoding == "utf-8-sig" else encoding
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return normalise(mixed), "utf-8+cp1252"
    try:
        return normalise(data.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        return normalise(data.decode("latin-1")), "latin-1"


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252 (Latin-1 if undefined)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(
        bytes([b]).decode("cp1252", "strict") if b not in _CP1252_HOLES else chr(b) for b in bad
    ), exc.end


_CP1252_HOLES = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
codecs.register_error("crosswire-cp1252", _cp1252_bytes)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray single-byte characters (templates pasted from elsewhere), or None.

    A page that is UTF-8 except for one Latin-1 byte in a script must not be read as
    Windows-1252 throughout, which would garble every accented letter in the article.
    """
    valid = data.decode("utf-8", "ignore")
    bad = len(data) - len(valid.encode("utf-8"))
    multibyte = sum(1 for ch in valid if ord(ch) > 0x7F) if not valid.isascii() else 0
    if multibyte == 0 or multibyte < bad:
        return None
    return data.decode("utf-8", "crosswire-cp1252").lstrip("\ufeff")


def normalise(text: str) -> str:
    """NFC and ``\\n`` newlines, so offsets and hashes downstream do not depend on the platform;
    UTF-8 that was once read as Windows-1252 repaired (``repair_mojibake``)."""
    text = text.lstrip("\ufeff")
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    if not text.isascii():
        text = repair_mojibake(unicodedata.normalize("NFC", text))
    return text


# Characters a Windows-1252 (or Latin-1) reading makes of UTF-8 bytes: a lead byte 0xC2-0xF4 ("Â"-"ô"),
# and a continuation byte 0x80-0xBF (Latin-1's C1 controls, or cp1252's "€", "’", "”", "™" ..., then
# "\xa0"-"¿" in both).
_CONT = "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\xc2-\xdf][{_CONT}]|[\xe0-\xef][{_CONT}]{{2}}|[\xf0-\xf4][{_CONT}]{{3}}")
_CP1252_BYTE = {
    **{chr(b): b for b in range(0x80, 0x100)},  # as Latin-1 read them (C1 controls for 0x80-0x9F)
    **{bytes([b]).decode("cp1252", "ignore") or chr(b): b for b in range(0x80, 0x100)},  # as cp1252 did
}
# What a repaired sequence may become: letters and marks of the Latin, Greek and Cyrillic alphabets,
# punctuation and symbols, CJK and Hangul, emoji. Anything else (Thaana "\u07bb" from a German "ß»",
# NKo from "ß“") is a pair of real characters, left alone.
_PLAUSIBLE = (
    (0xA0, 0x52F),
    (0x1E00, 0x1FFF),
    (0x2000, 0x2BFF),
    (0x3000, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xFF00, 0xFFEF),
    (0x1F000, 0x1FAFF),
)


def _repaired(match: re.Match[str]) -> str:
    """A sequence's UTF-8 reading when its cp1252 bytes are UTF-8 for a plausible character; else itself."""
    seq = match.group()
    try:
        char = bytes(_CP1252_BYTE[c] for c in seq).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return seq
    return char if any(lo <= ord(char) <= hi for lo, hi in _PLAUSIBLE) else seq


def repair_mojibake(text: str) -> str:
    """Text with UTF-8 read as Windows-1252 or Latin-1 made right again ("PeÃ±a" -> "Peña", "itâ€™s" ->
    "it’s"), twice over for text garbled twice.

    Only a whole UTF-8 sequence is read back (a lead character, then the continuations that UTF-8 needs),
    and only into a character news text plausibly holds, so real text is kept: the "Ã" of a Portuguese
    "SÃO PAULO" is followed by a letter, never by a continuation, and stays. Trial 8 found 37 reports
    with such sequences (the entity "PeÃ±a Nieto" apart from "Peña Nieto", search missing them)."""
    for _ in range(2):
        if not _MOJIBAKE.search(text):
            break
        text = unicodedata.normalize("NFC", _MOJIBAKE.sub(_repaired, text))
    return text
