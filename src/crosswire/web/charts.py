"""The story timeline as plain SVG geometry (numbers only), drawn by the template without any library.

Days sit at their true distance from each other (a gap of a week looks like one), bar height is the
number of events that day; the template escapes every label.
"""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, HEIGHT, PAD, AXIS = 720, 140, 24, 28


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline(days: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bars for ``[{date, count, kinds}]`` (oldest first); None when there is nothing dated to draw."""
    points = [(d, _day(d["date"])) for d in days]
    points = [(d, day) for d, day in points if day is not None]
    if not points:
        return None
    first, last = points[0][1], points[-1][1]
    span = max(1, (last - first).days)
    top = max(d["count"] for d, _ in points)
    usable = WIDTH - 2 * PAD
    bar = max(4.0, min(28.0, usable / (span + 1) * 0.8))
    plot_h = HEIGHT - AXIS - 8
    bars = []
    for d, day in points:
        x = PAD + (usable - bar) * ((day - first).days / span if span else 0.5)
        h = max(3.0, plot_h * d["count"] / top)
        bars.append(
            {
                "x": round(x, 1),
                "y": round(8 + plot_h - h, 1),
                "w": round(bar, 1),
                "h": round(h, 1),
                "date": d["date"],
                "count": d["count"],
                "label": f"{d['date']}: {d['count']} event(s): {', '.join(d['kinds'])}",
            }
        )
    ticks = [bars[0]] if len(bars) == 1 else [bars[0], bars[-1]]
    if len(bars) > 2:
        ticks.insert(1, bars[len(bars) // 2])
    return {"width": WIDTH, "height": HEIGHT, "baseline": HEIGHT - AXIS, "bars": bars, "ticks": ticks}
