"""Timeline: what happened when (the event's own date, not the day it was reported), and who had it first.

Events from the analyze stage carry a resolved ``when``; the same event told by several reports
(same date, kind and an actor in common) is one entry, listing its reports earliest-published
first. A report with no coded events still contributes its dated sentences, so a story is never
left without a timeline because the event coder missed a verb. A dateline ("May 02, 2013") dates the
report, not an event, and is left out. A date after the day its first report came out ("will defend
his title on Sept. 8") is something announced, not something that happened: it is marked scheduled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from crosswire.model import Analysis, Citation, Report, TimelineEntry

_WORD = re.compile(r"[A-Za-z]\w+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")
# A dateline or time stamp ("May 02, 2013", "Updated: July 7, 2012, 10: 04 PM ET") dates the report,
# not anything that happened: its words are months, weekdays, clock and zone marks and stamp verbs.
_STAMP = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|[ap]\.?m\.?|[ap]|e[sd]t|p[sd]t|c[sd]t|et|pt|gmt|bst|utc|ist|cet|cest"
    r"|updated?|posted|published|first|last|on|at|by|article|\d+(?:st|nd|rd|th|am|pm|a|p)?)",
    re.I,
)
# Share of words two reports' sentences on one day must have in common to be one entry when the
# event coder gave them different kinds or actors ("led the crowd in singing" told twice).
_SAME_WORDS = 0.5


def _sentence_at(report: Report, analysis: Analysis, start: int, end: int) -> Citation:
    """The sentence holding ``[start, end)``, or the span itself when sentences are unknown."""
    for s, e in analysis.sentences:
        if s <= start < e:
            s2, e2 = s, max(e, min(end, len(report.body)))
            text = report.body[s2:e2]
            lead = len(text) - len(text.lstrip())
            return Citation(report.id, s2 + lead, s2 + len(text.rstrip()), text.strip())
    return Citation(report.id, start, end, report.body[start:end])


def _is_stamp(text: str) -> bool:
    """The line only says when the report was published or updated."""
    words = re.findall(r"[\w.]+", text)
    return bool(words) and all(_STAMP.fullmatch(w.strip(".")) or not w.strip(".") for w in words)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def build_timeline(
    items: Sequence[tuple[Report, Analysis]], copies: dict[str, str]
) -> tuple[TimelineEntry, ...]:
    """Dated entries sorted by when they happened; copies of a report are not counted again."""
    order = {r.id: (r.published or "9999", i) for i, (r, _) in enumerate(items)}
    published = {r.id: r.published for r, _ in items}
    groups: list[dict] = []
    for report, analysis in items:
        if report.id in copies:
            continue
        own = _own_dates(report, analysis)
        for key, when, cite in _one_date_per_sentence(report, _dated(report, analysis), own):
            group = next((g for g in groups if g["when"] == when and _same(g, key, cite)), None)
            if group is None:
                groups.append({"when": when, "key": key, "cites": [cite], "words": _words(cite.text)})
            elif cite not in group["cites"]:
                group["cites"].append(cite)
    out = []
    for g in groups:
        cites = sorted(g["cites"], key=lambda c: order[c.report_id])
        reports = tuple(dict.fromkeys(c.report_id for c in cites))
        reported = (published.get(reports[0]) or "")[:10]
        ahead = bool(reported) and g["when"][:10] > reported
        out.append(TimelineEntry(g["when"], cites[0].text, reports, reports[0], tuple(cites), ahead))
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


def _one_date_per_sentence(report: Report, dated, own: dict[int, str] | None = None):  # noqa: ANN001, ANN202
    """A sentence is one entry, under one date: "became famous for her 1999 role ... in 2005" would
    otherwise be listed twice. A sentence that opens on its own time ("On Wednesday night, the
    president portrayed ... that Mr. Obama argued in 2004 were unhealthy", ``_own_dates``) is listed
    under it: the year belongs to a clause inside. Otherwise the date kept is the one nearest the
    report's own (what it reports on), else the latest named; a sentence's events that share that
    date all stay, to group with others."""
    own = own or {}
    by_sentence: dict[int, list] = {}
    for key, when, cite in dated:
        if when and _DATE.match(when) and not _is_stamp(cite.text):
            by_sentence.setdefault(cite.start, []).append((key, when, cite))
    published = (report.published or "")[:10]
    for start, triples in by_sentence.items():
        if start in own:
            keys = dict.fromkeys(key for key, _, _ in triples)
            yield from ((key, own[start], triples[0][2]) for key in keys)
            continue
        dates = {when for _, when, _ in triples}
        if published:
            keep = min(dates, key=lambda w: (abs(_ordinal(w[:10]) - _ordinal(published)), w))
        else:
            keep = max(dates)
        yield from (t for t in triples if t[1] == keep)


# Words a sentence may open with before its own time phrase ("On Wednesday night, ...", "Late on
# Tuesday, ...", "But on Monday, ..."); not "since" or "until", which name a stretch, not the event's day.
_LEADS = frozenset("on late early earlier later and but then so also at in".split())


def _own_dates(report: Report, analysis: Analysis) -> dict[int, str]:
    """Sentence start -> the date of a time phrase the sentence opens with, set off by a comma
    ("On Wednesday night, the president portrayed ..."): a fronted adjunct dates the main clause,
    whatever years the clauses inside it mention."""
    out: dict[int, str] = {}
    body = report.body
    for t in analysis.times:
        if not t.value or not _DATE.match(t.value):
            continue
        cite = _sentence_at(report, analysis, t.start, t.end)
        lead = body[cite.start : t.start].split()
        if len(lead) > 2 or any(w.lower() not in _LEADS for w in lead) or not t.text.strip():
            continue
        if body[t.end : t.end + 2].lstrip(" ")[:1] != "," or _is_stamp(cite.text):
            continue
        out.setdefault(cite.start, t.value)
    return out


def _ordinal(day: str) -> int:
    try:
        return dt.date.fromisoformat(day).toordinal()
    except ValueError:
        return 0


def _same(group: dict, key, cite: Citation) -> bool:  # noqa: ANN001 - key is a private tuple or None
    """Same event: same sentence, same kind with a shared actor, or sentences sharing enough words
    (half for coded events the coder told apart, a third for dated sentences)."""
    if any(c.report_id == cite.report_id and c.start == cite.start for c in group["cites"]):
        return True
    words = _words(cite.text)
    union = words | group["words"]
    overlap = len(words & group["words"]) / len(union) if union else 0.0
    if key is not None and group["key"] is not None:
        same_event = key[0] == group["key"][0] and bool(key[1] & group["key"][1])
        return same_event or overlap >= _SAME_WORDS
    return overlap >= 0.3
