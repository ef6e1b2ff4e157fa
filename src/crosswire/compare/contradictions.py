"""Contradictions between aligned statements: a different number, date, name or speaker.

No NLI model runs offline here, so these are rules over statements already aligned as "the same
statement": when two versions agree word for word except for a short stretch, and that stretch is a
number, a date or a proper name on both sides, the reports disagree on it. Numbers are compared as
the intervals their wording allows and only when they count one thing of one holder (``numbers``);
a later, higher running count is an ``update``, not a disagreement. Quote variants whose speakers
are different names disagree on the attribution; a description and a name may be one person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from crosswire.compare.numbers import (
    DATE_WORDS,
    NUMBER_WORDS,
    Amount,
    amounts,
    compatible,
    day,
    is_update,
    number_value,
    numbers_by_unit,
    same_holder,
    same_name,
    unit_key,
    update_what,
)
from crosswire.compare.text import Token, other_places, places_within, tokens, word_diff
from crosswire.compare.variants import same_quote
from crosswire.model import Alignment, Analysis, Citation, Contradiction, Quote, Variant

__all__ = ["NUMBER_WORDS", "find_contradictions", "number_value", "numbers_by_unit", "pair_contradictions"]

# A hunk longer than this is a rewording, not one fact changed.
_MAX_HUNK = 4
# Units of a running count: a later report giving more of them is updating, not disputing.
_RUNNING = frozenset(
    "people person dead death casualty casualties victim body bodies injured missing"
    # a campaign's tallies: delegates won, votes counted, endorsements gathered
    " delegate superdelegate vote ballot endorsement signature donor".split()
)
# The day a count was taken ("As of Wednesday, Clinton had 2,205 delegates", "heading into
# Tuesday's primaries", "after all the votes are counted Tuesday"): a tally's date, not an event's.
_TALLY_TIME = re.compile(
    r"\b(?:as of|heading into|going into|ahead of|so far|to date|after all|as things stand)\b", re.I
)


def _is_name(toks: Sequence[Token], sentence_start: int) -> bool:
    return bool(toks) and all(t.text[:1].isupper() and t.start != sentence_start for t in toks)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_date(toks: Sequence[Token]) -> bool:
    """A month or weekday word, or a year ("in 2019" vs "in 2021" is a date, not a count)."""
    return any(t.norm in DATE_WORDS or _YEAR.fullmatch(t.norm) for t in toks)


def _number_finding(
    measure: str,
    xa: Sequence[Amount],
    xb: Sequence[Amount],
    members: tuple[Citation, Citation],
    days: tuple[str | None, str | None],
    running: bool,
) -> Contradiction | None:
    """A disagreement (or an update) between the amounts two sentences give for one measure.

    Only amounts of the same holder are set against each other, and any pair whose intervals
    overlap ("more than $915 million" and "$916 million") means the sentences can both be true.
    A sentence that gives the other's figure itself ("Clinton needs 67 delegates to reach the 2,383
    needed" beside "has reached 2,383 delegates") counts something else with its own."""
    told_a = {x.value for x in amounts(members[0].text, require_unit=False)}
    told_b = {y.value for y in amounts(members[1].text, require_unit=False)}
    pairs = [
        (x, y)
        for x in xa
        for y in xb
        if same_holder(x, y) and y.value not in told_a and x.value not in told_b
    ]
    if not pairs or any(compatible(x, y) for x, y in pairs):
        return None
    wa = ", ".join(dict.fromkeys(x.written for x, _ in pairs))
    wb = ", ".join(dict.fromkeys(y.written for _, y in pairs))
    a, b = members
    lo, lo_day, lo_w, hi, hi_day, hi_w = (a, days[0], wa, b, days[1], wb)
    if max(x.value for x, _ in pairs) > max(y.value for _, y in pairs):
        lo, lo_day, lo_w, hi, hi_day, hi_w = (b, days[1], wb, a, days[0], wa)
    if is_update(lo.text, hi.text, lo_day, hi_day, running=running):
        return Contradiction(
            update_what(measure, lo_w, lo_day, hi_w, hi_day), "update", (lo, hi), (lo_w, hi_w)
        )
    return Contradiction(f"{measure}: {wa} vs {wb}", "number", members, (wa, wb))


def pair_contradictions(
    a: Citation, b: Citation, days: tuple[str | None, str | None] = (None, None)
) -> list[Contradiction]:
    """Rules over one aligned pair: the short stretch where they differ is a number, date or name.

    ``days`` are the two reports' publication days, which tell an update from a disagreement."""
    ta, tb = tokens(a.text, a.start), tokens(b.text, b.start)
    if not ta or not tb:
        return []
    found = []
    members = (a, b)
    all_a = amounts(a.text, a.start, require_unit=False)
    all_b = amounts(b.text, b.start, require_unit=False)
    units_a: dict[str, list[Amount]] = {}
    units_b: dict[str, list[Amount]] = {}
    for side, out in ((all_a, units_a), (all_b, units_b)):
        for x in side:
            if x.unit:
                out.setdefault(unit_key(x.unit), []).append(x)
    for unit in sorted(units_a.keys() & units_b.keys()):
        measure = units_a[unit][0].unit or unit
        hit = _number_finding(measure, units_a[unit], units_b[unit], members, days, unit in _RUNNING)
        if hit:
            found.append(hit)
    only_a, only_b, hunks = word_diff(ta, tb)
    shared = min(len(ta), len(tb)) - max(len(only_a), len(only_b))
    if shared < 0.5 * min(len(ta), len(tb)):
        return found  # mostly different words: a paraphrase, too loose for word-by-word rules
    for op, xa, xb in hunks:
        if op != "replace" or len(xa) > _MAX_HUNK or len(xb) > _MAX_HUNK:
            continue
        sa, sb = " ".join(t.text for t in xa), " ".join(t.text for t in xb)
        if _is_date(xa) and _is_date(xb):
            if sa.lower() != sb.lower():
                found.append(Contradiction(f"date: {sa} vs {sb}", "date", members, (sa, sb)))
            continue
        va, vb = number_value(xa), number_value(xb)
        if va is not None and vb is not None:
            if va != vb and not any(c.kind in ("number", "update") for c in found):
                ha, hb = _amounts_in(all_a, xa), _amounts_in(all_b, xb)
                unit = next((x.unit for x in ha + hb if x.unit), None)
                running = unit is not None and unit_key(unit) in _RUNNING
                hit = _number_finding(unit or "number", ha, hb, members, days, running) if ha and hb else None
                if hit:
                    found.append(hit)
            continue
        if _is_name(xa, ta[0].start) and _is_name(xb, tb[0].start) and not same_name(sa, sb):
            found.append(Contradiction(f"name: {sa} vs {sb}", "name", members, (sa, sb)))
    return found


def _amounts_in(found: Sequence[Amount], hunk: Sequence[Token]) -> list[Amount]:
    """The amounts whose written words overlap a differing stretch of words."""
    lo, hi = hunk[0].start, hunk[-1].end
    return [x for x in found if x.start < hi and lo < x.end]


def _times_within(analysis: Analysis | None, c: Citation) -> set[str]:
    if analysis is None:
        return set()
    return {t.value for t in analysis.times if t.value and c.start <= t.start and t.end <= c.end}


def _time_words(analysis: Analysis | None, c: Citation) -> set[str]:
    """The words that name the day in a statement's time phrases ("Saturday" of "on Saturday night"):
    days, months, numbers; a phrase without any ("this week") counts whole."""
    if analysis is None:
        return set()
    out = set()
    for t in analysis.times:
        if t.value and c.start <= t.start and t.end <= c.end:
            words = [w.norm for w in tokens(t.text)]
            naming = [w for w in words if w in DATE_WORDS or w[:1].isdigit()]
            out.add(" ".join(naming or words))
    return out


def _whole_year(value: str) -> bool:
    lo, _, hi = value.partition("/")
    return bool(hi) and lo[4:] == "-01-01" and hi[4:] == "-12-31" and lo[:4] == hi[:4]


def _grain(value: str) -> str:
    """How finely a resolved value dates: a day, a span of days ("this week"), a month or a year."""
    lo, _, hi = value.partition("/")
    if not hi:
        return "day"
    if _whole_year(value):
        return "year"
    if lo[8:] == "01" and lo[:7] == hi[:7] and hi[8:] >= "28":
        return "month"
    return "days"


def _comparable(xs: set[str], ys: set[str]) -> bool:
    """Both sides date the statement as finely: "in 2008" beside "on Saturday" is an earlier
    occasion recalled (a first bout, a past election), and "in November" beside "on Tuesday" another
    occasion ahead (the general election, not the primary), not a different date for the same one.
    A span of days ("next week's contests", a weekend) beside one day is loose too: the week's
    resolution is a guess at its edges, and a week holds many days' events."""
    return any(_grain(x) == _grain(y) for x in xs for y in ys)


def _disjoint_dates(xs: set[str], ys: set[str]) -> bool:
    """Resolved dates that cannot both be right: none of one side falls inside any of the other."""

    def inside(x: str, y: str) -> bool:
        lo, _, hi = y.partition("/")
        xlo, _, xhi = x.partition("/")
        return lo <= xlo <= (hi or lo) or xlo <= lo <= (xhi or xlo)

    return bool(xs and ys) and not any(inside(x, y) for x in xs for y in ys)


def find_contradictions(
    alignments: Sequence[Alignment],
    variants: Sequence[Variant],
    analyses: dict[str, Analysis],
    groups: dict[str, str],
    published: Mapping[str, str | None] | None = None,
) -> tuple[Contradiction, ...]:
    """Every disagreement between members of different copy groups, each reported once.

    Two statements that name the day with the same words ("Saturday night", "on Saturday") do not
    disagree on the date, whatever the words resolve to against each report's own (possibly guessed) day.

    ``published`` (report id to ISO timestamp) lets a later, higher running figure count as an
    update rather than a disagreement."""
    published = published or {}
    out: dict[tuple, Contradiction] = {}
    for al in alignments:
        ms = al.members
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                ga, gb = groups.get(a.report_id, a.report_id), groups.get(b.report_id, b.report_id)
                if ga == gb or ga != a.report_id or gb != b.report_id:
                    continue  # copies repeat their origin: one disagreement per pair of origins
                days = (day(published.get(a.report_id)), day(published.get(b.report_id)))
                found = pair_contradictions(a, b, days)
                if not any(c.kind == "date" for c in found) and not _tallies(a, b, found):
                    da = _times_within(analyses.get(a.report_id), a)
                    db = _times_within(analyses.get(b.report_id), b)
                    same_words = _time_words(analyses.get(a.report_id), a) == _time_words(
                        analyses.get(b.report_id), b
                    )
                    pa = places_within(analyses.get(a.report_id), a)
                    pb = places_within(analyses.get(b.report_id), b)
                    elsewhere = other_places(pa, pb)  # a win in Missouri, a win in Ohio
                    if (
                        not same_words
                        and not elsewhere
                        and _comparable(da, db)
                        and _disjoint_dates(da, db)
                        and not _ahead_and_done(da, db, days)
                    ):
                        va, vb = ", ".join(sorted(da)), ", ".join(sorted(db))
                        found.append(Contradiction(f"date: {va} vs {vb}", "date", (a, b), (va, vb)))
                for c in found:
                    out.setdefault((c.kind, c.values, a.report_id, b.report_id), c)
    for v in variants:
        if not same_quote(v.members):
            continue  # two remarks alike in meaning: each report can be right about its own speaker
        quotes = _variant_quotes(v, analyses)
        names = _clashing_speakers(quotes)
        if names and any(
            _named_inside(q, analyses.get(m.report_id)) for q, m in zip(quotes, v.members, strict=True)
        ):
            continue  # one side's speaker is someone its own quoted words speak of: no clash to show
        if names:
            what = "speaker: " + " vs ".join(names)
            out.setdefault(("speaker", tuple(names)), Contradiction(what, "speaker", v.members, tuple(names)))
    return _one_row_per_statement(list(out.values()))


def _one_row_per_statement(found: list[Contradiction]) -> tuple[Contradiction, ...]:
    """One row for one statement's disagreement with several reports that agree among themselves.

    A statement dated one way against three reports dating it the other way is one disagreement,
    not three rows of it (the trial's "next week's contests" repeated once per counterpart): rows
    of one kind and the same values that share a member become one, listing every statement, the
    shared one first (claims read a row as its first member against each of the others)."""
    out: list[Contradiction] = []
    for c in found:
        twin = next(
            (
                i
                for i, o in enumerate(out)
                if o.kind == c.kind
                and o.kind != "update"
                and o.values == c.values
                and set(o.members) & set(c.members)
            ),
            None,
        )
        if twin is None:
            out.append(c)
        else:
            o = out[twin]
            # the statement every merged pair shares comes first: it is the one the others dispute
            anchor = o.members[0] if len(o.members) > 2 else next(m for m in o.members if m in c.members)
            rest = [m for m in (*o.members, *c.members) if m != anchor]
            out[twin] = Contradiction(o.what, o.kind, (anchor, *dict.fromkeys(rest)), o.values)
    return tuple(out)


def _tallies(a: Citation, b: Citation, found: Sequence[Contradiction]) -> bool:
    """Two counts taken on different days: one side dates a tally ("As of Wednesday, Clinton had
    2,205 delegates") and both give a count, or their counts are a running figure that rose.

    A running count reported at different times is an update, so the days it was taken on do not
    disagree."""
    if any(c.kind == "update" for c in found):
        return True
    counted = all(amounts(c.text, c.start) for c in (a, b))
    return counted and any(_TALLY_TIME.search(c.text) for c in (a, b))


def _ahead_and_done(xs: set[str], ys: set[str], days: tuple[str | None, str | None]) -> bool:
    """One side dates something still ahead of its own report's day and the other something already
    past on its own: a contest expected on May 10 and wins on Tuesday, or a schedule and an outcome,
    are two occasions, not two dates of one."""
    day_x, day_y = days
    if not day_x or not day_y or not xs or not ys:
        return False

    def ahead(vs: set[str], d: str) -> bool:
        return all(v.partition("/")[0] > d for v in vs)

    def done(vs: set[str], d: str) -> bool:
        return all((v.partition("/")[2] or v) <= d for v in vs)

    return (ahead(xs, day_x) and done(ys, day_y)) or (ahead(ys, day_y) and done(xs, day_x))


def _is_proper_name(speaker: str) -> bool:
    """A name ("Hillary Clinton", "Ada de Quell"), not a description ("the former secretary of state")."""
    words = speaker.split()
    capitals = [w for w in words if w[:1].isupper()]
    return bool(words) and words[0][:1].isupper() and len(capitals) >= len(words) - 1 and len(words) <= 5


def _clashing_speakers(quotes: Sequence[Quote | None]) -> list[str]:
    """Speakers the reports give for one quote when they cannot be one person, else [].

    A description and a name ("the former secretary of state" and "Hillary Clinton") may well be
    the same person, and two quotes resolved to one entity are, so only distinct names clash."""
    said = [q for q in quotes if q is not None and q.speaker]
    if len(said) < 2 or not all(q.speaker and _is_proper_name(q.speaker) for q in said):
        return []
    first = said[0]
    for q in said[1:]:
        if first.speaker_entity and q.speaker_entity and first.speaker_entity == q.speaker_entity:
            continue
        if not _same_person(first.speaker or "", q.speaker or ""):
            return [q.speaker for q in said if q.speaker]
    return []


_CUE_GAP = 120  # characters of narration between two quoted stretches one attribution runs across


def _named_inside(q: Quote | None, analysis: Analysis | None) -> bool:
    """Whether a name of the quote's speaker is written inside the quoted words the report gives
    that speaker in one stretch: the quote itself and the quotes of the same speaker next to it
    with no more than a cue between (the trial's "“Until you've sat at that desk, …,” he will say.
    “But Hillary's been in the room; …”", read as Clinton's). Such a speaker is more likely someone
    the quote speaks of, taken for the speaker by a misparse or a pronoun resolved into the quote;
    people seldom name themselves, so that side cannot show the reports disagree on who spoke."""
    if q is None or not q.speaker:
        return False
    names = [w for w in q.speaker.split() if len(w) > 2 and w[:1].isupper() and not w.endswith(".")]
    if not names:
        return False
    mine = sorted(
        (o for o in (analysis.quotes if analysis else ()) if o.kind == "direct" and o.speaker == q.speaker),
        key=lambda o: o.start,
    )
    lo, hi, quoted = q.start, q.end, [q.text]
    for o in mine:  # forward from the quote, then backward, while only a cue lies between
        if o.start >= hi and o.start - hi <= _CUE_GAP:
            hi, quoted = o.end, [*quoted, o.text]
    for o in reversed(mine):
        if o.end <= lo and lo - o.end <= _CUE_GAP:
            lo, quoted = o.start, [*quoted, o.text]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in names) + r")\b")
    return any(pattern.search(t) for t in quoted)


def _same_person(a: str, b: str) -> bool:
    """One person named two ways: a spelling variant, or one surname with another title or first name."""
    return same_name(a, b) or a.split()[-1].lower() == b.split()[-1].lower()


def _variant_quotes(v: Variant, analyses: dict[str, Analysis]) -> list[Quote | None]:
    """The quote each report gives its wording in (with its speaker), or None."""
    out = []
    for m in v.members:
        a = analyses.get(m.report_id)
        out.append(
            next((q for q in (a.quotes if a else ()) if q.start <= m.start and m.end <= q.end + 1), None)
        )
    return out
