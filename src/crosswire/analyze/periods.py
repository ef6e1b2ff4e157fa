"""Calendar arithmetic for resolved time phrases: periods, their parts, and how values are written.

``time`` decides what a phrase means ("late last month"); this module only computes the days.
"""

from __future__ import annotations

import calendar
import datetime as dt


def day_text(day: dt.date) -> str:
    return day.isoformat()


def span_text(first: dt.date, last: dt.date) -> str:
    return day_text(first) if first == last else f"{day_text(first)}/{day_text(last)}"


def last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def period_of(unit: str, ref: dt.date, shift: int) -> tuple[dt.date, dt.date]:
    """The calendar week (Mon-Sun), weekend, month or year containing ``ref``, moved by ``shift``."""
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        return monday, monday + dt.timedelta(days=6)
    if unit == "weekend":
        saturday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=5, weeks=shift)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "month":
        year, month = shift_month(ref.year, ref.month, shift)
        return dt.date(year, month, 1), last_of_month(year, month)
    return dt.date(ref.year + shift, 1, 1), dt.date(ref.year + shift, 12, 31)


def part_of(first: dt.date, last: dt.date, which: str) -> tuple[dt.date, dt.date]:
    """A part of a period: early/beginning = first third, mid = middle third, late = last third,
    end = the last few days (a week for months/years, two days for weeks)."""
    days = (last - first).days + 1
    third = max(days // 3, 1)
    if which in ("early", "beginning", "start"):
        return first, first + dt.timedelta(days=third - 1)
    if which in ("mid", "middle"):
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    if which == "late":
        return last - dt.timedelta(days=third - 1), last
    tail = 2 if days <= 7 else 7
    return last - dt.timedelta(days=tail - 1), last


def named_month_year(which: str, month: int, ref: dt.date) -> int:
    """The year of "last/next/this <month>" told on ``ref``: "last December" in September 2016 is
    December 2015, "last August" August 2016, "next March" March 2017, "this June" this year's."""
    if which == "last":
        return ref.year if month < ref.month else ref.year - 1
    if which == "next":
        return ref.year if month > ref.month else ref.year + 1
    return ref.year
