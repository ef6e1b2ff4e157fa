"""What only one report carries: statements no other independent report states, grouped by statement.

Alignment alone is too strict a test of "the other report says this too": two outlets put one
meeting in different words ("The two leaders met for three hours in Geneva" / "Varga and Reyes met
in Geneva on Thursday") and one quote in two translations. So a statement is shared when it is
aligned, when it is a side of a quote variant, when an event of the same kind is coded in another
report with a participant or place in common, or when its names all recur in one sentence of
another report that is already somewhat alike in meaning. What is left is grouped so a long quote
printed over several sentences is one fact, not one row per fragment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from crosswire.compare.text import STOPWORDS, content_words, quoted_spans, tokens
from crosswire.model import Alignment, Analysis, Citation, Event, Variant

# Meaning-and-wording score (see ``align``) above which shared names settle that two sentences
# state one fact; below the alignment threshold on purpose, names carry the rest of the evidence.
NEAR = 0.5
# Participant names too generic to identify anyone.
_GENERIC = frozenset("leaders leader officials official government president minister the two".split())


def _key(c: Citation) -> tuple[str, int, int]:
    return (c.report_id, c.start, c.end)


def _overlaps(a: Citation, b: Citation) -> bool:
    return a.report_id == b.report_id and a.start < b.end and b.start < a.end


def names(text: str) -> set[str]:
    """Capitalised words that are not function words: the people, places and days a fact is about."""
    return {
        t.norm for t in tokens(text) if t.text[:1].isupper() and t.norm not in STOPWORDS and len(t.norm) > 2
    }


def _people(ev: Event) -> set[str]:
    words = {w.lower().strip("'’s") for part in (*ev.actors, *ev.targets) for w in part.split()}
    return {w for w in words if len(w) > 2 and w not in _GENERIC}


def same_event(a: Event, b: Event) -> bool:
    """One happening told twice: same kind, no clash of dates, and a participant or the place in common."""
    if a.kind != b.kind or (a.when and b.when and a.when != b.when):
        return False
    place = bool(a.where and b.where and a.where.lower() == b.where.lower())
    return place or bool(_people(a) & _people(b))


def _events_in(c: Citation, analysis: Analysis | None) -> list[Event]:
    if analysis is None:
        return []
    return [e for e in analysis.events if e.start < c.end and c.start < e.end]


def only_in(
    per_report: dict[str, list[Citation]],
    alignments: Sequence[Alignment],
    groups: dict[str, str],
    *,
    best: Mapping[tuple[str, int, int], float] | None = None,
    linked: Mapping[tuple[str, int, int], set[str]] | None = None,
    variants: Sequence[Variant] = (),
    analyses: Mapping[str, Analysis] | None = None,
    bodies: Mapping[str, str] | None = None,
    decks: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    min_words: int = 6,
) -> dict[str, tuple[Citation, ...]]:
    """Statements of each independent report that no report of another copy group states.

    Copies are left out (their facts are their origin's); a fact shared only with one's own copy
    is still carried by one report. ``best`` is each statement's best alignment score (from
    ``align``); without it, only events and variants widen "shared" beyond alignment. ``linked``
    (also from ``align``) names the reports a statement was paired with, kept in a group or not.
    ``decks`` (the clean stage's ``deck_lines``) are each report's headline and deck lines: they
    restate its headline in headline grammar ("States set records; GOP's close contest helps bring
    them out."), no fact the report carries alone.
    """
    analyses = analyses or {}
    best = best or {}
    shared: set[tuple[str, int, int]] = set()
    for al in alignments:
        if len({groups.get(c.report_id, c.report_id) for c in al.members}) > 1:
            shared |= {_key(c) for c in al.members}
    for k, partners in (linked or {}).items():
        if any(groups.get(p, p) != groups.get(k[0], k[0]) for p in partners):
            shared.add(k)
    quoted = [m for v in variants for m in v.members]
    out: dict[str, tuple[Citation, ...]] = {}
    for rid, cs in per_report.items():
        if groups.get(rid, rid) != rid:
            continue
        others = [c for other, oc in per_report.items() if groups.get(other, other) != rid for c in oc]
        top = (decks or {}).get(rid, ())
        alone = [
            c
            for c in cs
            if _key(c) not in shared
            and not any(a <= c.start and c.end <= b for a, b in top)
            and not any(_overlaps(c, m) for m in quoted)
            and not _told_elsewhere(c, others, analyses, best.get(_key(c), 0.0))
        ]
        grouped = _by_statement(alone, analyses.get(rid), (bodies or {}).get(rid))
        out[rid] = tuple(c for c in grouped if len(c.text.split()) >= min_words and asserts(c.text))
    return out


def asserts(text: str) -> bool:
    """A statement that can be a fact: not a question ("Who is he trying to kid?", "So golf and
    fundraising aren't what make an effective president?") nor an exclamation ("Unexpected and
    intelligent, diplomatic move by Trump!"), which readers' comments and columns are full of and
    which state nothing another report could carry. A quoted question or cry that a reporter
    attributes ('"Why now?" she asked.') ends on the attribution and is kept."""
    if text.lstrip()[:1] in "\"“‘'":  # someone's own words, printed as such: what they said is news
        return True
    return not text.rstrip().rstrip("\"'”’)]").rstrip().endswith(("?", "!"))


def _told_elsewhere(
    c: Citation, others: Sequence[Citation], analyses: Mapping[str, Analysis], score: float
) -> bool:
    """Another report states it: a matching coded event, or all its names in a similar sentence."""
    mine = _events_in(c, analyses.get(c.report_id))
    if mine:
        for o in others:
            if any(same_event(e, f) for e in mine for f in _events_in(o, analyses.get(o.report_id))):
                return True
    own = names(c.text)
    if score < NEAR:
        return False
    if len(own) >= 2 and any(own <= names(o.text) for o in others):
        return True
    return any(_same_dated_act(c, o, analyses) for o in others)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _people_in(c: Citation, analysis: Analysis | None) -> set[str]:
    """The people a statement is about, by entity id, pronouns included ("he resigned" is Weiner's)."""
    if analysis is None:
        return set()
    return {
        e.id
        for e in analysis.entities
        if e.kind == "PERSON"
        for m in e.mentions
        if c.start <= m.start and m.end <= c.end
    }


def _same_dated_act(c: Citation, o: Citation, analyses: Mapping[str, Analysis]) -> bool:
    """One past act told in other words: both name the same year, a person in common (a pronoun counts,
    so "he resigned" is the named man's act; one side may name more), and share two more words beyond the names ("In 2011,
    Weiner resigned from Congress ... after he accidentally posted" / "In 2011, he resigned from
    Congress after accidentally tweeting"). A year and a person alone are not enough: "In 2011 he
    resigned" and "In 2011 he married" share both."""
    years = set(_YEAR.findall(c.text))
    if not years or not years <= set(_YEAR.findall(o.text)):
        return False
    if not _people_in(c, analyses.get(c.report_id)) & _people_in(o, analyses.get(o.report_id)):
        return False
    words = (content_words(c.text) & content_words(o.text)) - names(c.text) - names(o.text) - years
    return len(words) >= 2


def _by_statement(cites: list[Citation], analysis: Analysis | None, body: str | None) -> list[Citation]:
    """Merge neighbouring sentences that sit in one quotation into one citation (one remark, one fact)."""
    if body is None:
        return cites
    spans = [(q.start, q.end) for q in analysis.quotes] if analysis else []
    spans += quoted_spans(body)
    out: list[Citation] = []
    for c in cites:
        prev = out[-1] if out else None
        # one quote spans both, and nothing was left out between them
        inside = prev is not None and any(s < prev.end and c.start < e for s, e in spans)
        if prev is not None and inside and not body[prev.end : c.start].strip():
            out[-1] = Citation(c.report_id, prev.start, c.end, body[prev.start : c.end])
            continue
        out.append(c)
    return out
