"""Who published a report, when, and in what language, each with where the answer came from.

Every answer names its source (``outlet_source``, ``published_source``) because they differ in
trust: what the input declares beats what its address implies, which beats what the text hints
at. A user comparing outlets needs to know which of these a label rests on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from crosswire.clean.dates import infer_published
from crosswire.clean.outlets import KNOWN, host_of, outlet_from_domain, outlet_from_file_name

_SOURCE_ADDRESS = re.compile(
    r"^sources?\s*[:\-–—]?\s*(?P<addr>(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+\S*)$", re.I
)
_SOURCE_NAME = re.compile(r"^sources?\s*:\s*(?P<name>\S.{0,80}?)\.?$", re.I)
_NAME = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*(?:\s+(?:of\s+|the\s+)?[A-Z][\w&'-]*(?:\.[\w&'-]+)*){0,4}"
_SUBSCRIBE_TO = re.compile(rf"\b(?i:subscribe(?:\s+now)?\s+to)\s+(?P<name>{_NAME})")
_COPYRIGHT = re.compile(
    rf"(?:©|\([cC]\)|[Cc]opyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?(?P<name>{_NAME})"
)
_DATELINE = re.compile(r"^[A-Z][A-Za-z.,' -]{0,60}?\((?P<name>[A-Z][\w&' ]{1,30})\)\s*[-–—]")
_CORPORATE = re.compile(r"(?:\s+(?:Ltd|Inc|LLC|Limited|Corp|Co|PLC|All|Rights|Reserved)\.?)+$")
_LANG_MIN_WORDS = 8
_OUTLET_NAMES = {name.lower(): name for name in KNOWN.values()}


@dataclass(frozen=True)
class Outlet:
    """The publishing outlet, how it was found, and an origin the text names (if any)."""

    name: str | None = None
    source: str | None = None
    republished_from: str | None = None


def _web_address(uri: str | None, declared: Mapping[str, str]) -> str | None:
    for candidate in (declared.get("url"), uri):
        if candidate and re.match(r"https?://", candidate, re.I):
            return candidate
    return None


def _source_line(boilerplate: Sequence[str]) -> tuple[str, str] | None:
    """(outlet, origin) from a "Source www.x.com" / "Source: X" line, if one was removed."""
    for line in boilerplate:
        text = line.strip()
        address = _SOURCE_ADDRESS.match(text)
        if address:
            host = host_of(address.group("addr"))
            name = outlet_from_domain(address.group("addr"))
            if host and name:
                return name, host
        named = _SOURCE_NAME.match(text)
        # "Source: CDC" under a chart names a data source, not an origin: only outlets count.
        if named and named.group("name").strip().lower() in _OUTLET_NAMES:
            name = named.group("name").strip()
            return _OUTLET_NAMES[name.lower()], name
    return None


def _clean_name(name: str) -> str | None:
    name = _CORPORATE.sub("", name.strip()).strip(" .,")
    return name or None


def _outlet_in_text(boilerplate: Sequence[str], body: str) -> str | None:
    """An outlet the text names itself: a subscription pitch, a copyright line, a wire dateline."""
    for pattern in (_SUBSCRIBE_TO, _COPYRIGHT):
        for line in boilerplate:
            match = pattern.search(line)
            if match:
                name = _clean_name(match.group("name"))
                if name:
                    return outlet_from_domain(name) if "." in name and " " not in name else name
    first = body.split("\n\n", 1)[0]
    match = _DATELINE.match(first)
    return match.group("name").strip() if match else None


# Agencies whose copy other outlets carry under the agency's dateline ("WASHINGTON (AP) — ...").
_AGENCIES = {
    "ap": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "upi": "UPI",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "bloomberg": "Bloomberg",
    "cnn": "CNN",
}


def _wire_dateline(body: str) -> str | None:
    """The agency a wire dateline credits ("TRENTON, N.J. (AP) — ..."), when it is a known agency."""
    match = _DATELINE.match(body.split("\n\n", 1)[0].strip())
    return _AGENCIES.get(match.group("name").strip().lower()) if match else None


def find_outlet(
    declared: Mapping[str, str], uri: str | None, boilerplate: Sequence[str], body: str
) -> Outlet:
    """declared > the web address's domain > a known outlet slug the file is named by > a "Source …"
    line > the text itself. A scraper's file name ("breitbart_2016-…") is an address of sorts: it says
    where the page came from, as the date in it says when (``find_published`` reads that too).

    The origin is what a "Source …" line names, else the agency of a wire dateline: an outlet that
    prints "WASHINGTON (AP) —" carries AP's story, and two outlets carrying it are one source."""
    source_line = _source_line(boilerplate)
    origin = source_line[1] if source_line else None
    wire = None if source_line else _wire_dateline(body)
    if declared.get("outlet", "").strip():
        return _outlet(declared["outlet"].strip(), "declared", origin, wire)
    address = _web_address(uri, declared)
    name = outlet_from_domain(address) if address else None
    if name:
        return _outlet(name, "url", origin, wire)
    from_file = outlet_from_file_name(uri) if uri and not address else None
    if from_file:
        return _outlet(from_file[0], "file-name", origin, wire)
    if source_line:
        return _outlet(source_line[0], "source-line", origin, wire)
    name = _outlet_in_text(boilerplate, body)
    return _outlet(name, "text" if name else None, origin, wire)


def _outlet(name: str | None, source: str | None, origin: str | None, wire: str | None) -> Outlet:
    """The origin a "Source" line names, else the wire agency, unless that is the outlet itself
    ("(AP)" on AP's own site names no other origin)."""
    if origin is None and wire is not None and (name or "").strip().lower() != wire.lower():
        origin = wire
    return Outlet(name, source, origin)


def _as_day(value: str) -> str | None:
    """A declared date as YYYY-MM-DD (ISO dates and datetimes; dateparser for the rest)."""
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for unusual declared formats

    parsed = dateparser.parse(
        text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )
    return parsed.date().isoformat() if parsed else None


_ADDRESS_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_.])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def _address_day(uri: str | None, declared: Mapping[str, str]) -> tuple[str, str] | None:
    """(day, reason) from a date in the web address's path ("/2016/09/12/") or in the file's own name
    ("nyt_2016-09-12_slug.txt"), as scrapers and news sites name them. A local file's folders are
    left out: they are more often the day something was crawled or sorted than published."""
    web = _web_address(uri, declared)
    if web:
        where, text = "the web address", re.sub(r"^https?://[^/]+", "", web)
    elif uri:
        where, text = "the file name", re.split(r"[\\/]", uri)[-1]
    else:
        return None
    for m in _ADDRESS_DAY.finditer(text):
        try:
            day = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        return day.isoformat(), f"{where} names {m.group(0)}"
    return None


def find_published(
    declared: Mapping[str, str],
    body: str,
    captions: Sequence[str],
    title: str | None,
    uri: str | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(published, published_source, published_reason): declared when given, else the date the
    report's address names, else inferred from the text."""
    if declared.get("published", "").strip():
        day = _as_day(declared["published"])
        if day:
            source = declared.get("published_source", "declared")
            return day, source if source in ("declared", "html") else "declared", None
    from_address = _address_day(uri, declared)
    if from_address:
        return from_address[0], "inferred", from_address[1]
    inferred = infer_published(body, captions, title)
    if inferred is None:
        return None, None, None
    return inferred.published, "inferred", inferred.reason


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when there is too little text to tell."""
    if len(re.findall(r"\w{2,}", text)) < _LANG_MIN_WORDS:
        return None
    import py3langid  # loads its model on import (~0.5 s); only pay it when a report arrives

    return str(py3langid.classify(text[:1500])[0])
