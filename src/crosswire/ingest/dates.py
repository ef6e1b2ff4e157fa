"""Dates that containers declare (JSONL ``published``, feed entries) -> ``YYYY-MM-DD``.

Only unambiguous machine formats are accepted (ISO 8601, RFC 2822, a struct_time from
feedparser): a declared date is trusted over any inferred one, so a guess must not pass as one.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DAY = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def to_day(value: object) -> str | None:
    """``YYYY-MM-DD`` for an ISO/RFC 2822 string, a date/datetime or a ``time.struct_time``; else None."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DAY.match(value) or _COMPACT_DAY.match(value)
    if match:
        return _valid(*(int(g) for g in match.groups()))
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
