"""Timeline: what happened when (the event's own date, not the day it was reported), and who had it first.

Events from the analyze stage carry a resolved ``when``; the same event told by several reports
(same date, kind and an actor in common) is one entry, listing its reports earliest-published
first. A report with no coded events still contributes its dated sentences, so a story is never
left without a timeline because the event coder missed a verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.model import Analysis, Citation, Report, TimelineEntry

_WORD = re.compile(r"[A-Za-z]\w+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")


def _sentence_at(report: Report, analysis: Analysis, start: int, end: int) -> Citation:
    """The sentence holding ``[start, end)``, or the span itself when sentences are unknown."""
    for s, e in analysis.sentences:
        if s <= start < e:
            s2, e2 = s, max(e, min(end, len(report.body)))
            text = report.body[s2:e2]
            lead = len(text) - len(text.lstrip())
            return Citation(report.id, s2 + lead, s2 + len(text.rstrip()), text.strip())
    return Citation(report.id, start, end, report.body[start:end])


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def build_timeline(
    items: Sequence[tuple[Report, Analysis]], copies: dict[str, str]
) -> tuple[TimelineEntry, ...]:
    """Dated entries sorted by when they happened; copies of a report are not counted again."""
    order = {r.id: (r.published or "9999", i) for i, (r, _) in enumerate(items)}
    groups: list[dict] = []
    for report, analysis in items:
        if report.id in copies:
            continue
        for key, when, cite in _dated(report, analysis):
            if not when or not _DATE.match(when):
                continue
            group = next((g for g in groups if g["when"] == when and _same(g, key, cite)), None)
            if group is None:
                groups.append({"when": when, "key": key, "cites": [cite], "words": _words(cite.text)})
            elif cite not in group["cites"]:
                group["cites"].append(cite)
    out = []
    for g in groups:
        cites = sorted(g["cites"], key=lambda c: order[c.report_id])
        reports = tuple(dict.fromkeys(c.report_id for c in cites))
        out.append(TimelineEntry(g["when"], cites[0].text, reports, reports[0], tuple(cites)))
    out.sort(key=lambda e: (e.when, order[e.first_reported_by or ""]))
    return tuple(out)


def _dated(report: Report, analysis: Analysis):  # noqa: ANN202 - a private generator of triples
    """(grouping key, date, sentence) for each event, or for each dated sentence when none were coded."""
    if analysis.events:
        for ev in analysis.events:
            key = (ev.kind, frozenset(a.lower() for a in ev.actors))
            yield key, ev.when, _sentence_at(report, analysis, ev.start, ev.end)
        return
    for t in analysis.times:
        yield None, t.value, _sentence_at(report, analysis, t.start, t.end)


def _same(group: dict, key, cite: Citation) -> bool:  # noqa: ANN001 - key is a private tuple or None
    """Same event: same sentence, same kind with a shared actor, or dated sentences sharing a third of their words."""
    if any(c.report_id == cite.report_id and c.start == cite.start for c in group["cites"]):
        return True
    if key is not None and group["key"] is not None:
        return key[0] == group["key"][0] and bool(key[1] & group["key"][1])
    words = _words(cite.text)
    union = words | group["words"]
    return bool(union) and len(words & group["words"]) / len(union) >= 0.3
