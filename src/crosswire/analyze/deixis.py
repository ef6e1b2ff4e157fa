"""Words like "tonight" inside a quote are the speaker's, anchored to when the words were said.

``time`` resolves a relative phrase against the report's publication day, which is right for the
writer's own "on Tuesday" but not for a speaker's: in a report published on Friday,
"“Tonight, I ask you ...,” he said" means the night of the speech, not Friday night. A day-level
deixis inside quotation marks is resolved against the day the report says the words were spoken
(a time phrase outside the quote attached to the saying verb: "he said Wednesday night", "in a
speech on Wednesday"), and is left unresolved when the report does not say: a wrong day in a
timeline is worse than none.

Only deixis counted in days or weeks is re-anchored; a month or a year ("this year") is the same
from the speech and the report in all but a few days a year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span

from crosswire.analyze.clauses import marks_at, paragraph
from crosswire.analyze.cues import is_cue
from crosswire.model import TimeExpression

# Normalised phrases (``time._normalise``) whose day depends on when they are said.
DEICTIC = re.compile(
    r"(?:today|tonight|yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?"
    r"|(?:early |late )?(?:this|last) (?:morning|afternoon|evening|night)"
    r"|(?:early |late |earlier |later )?(?:this|last|next|the past|the coming) (?:week|weekend)"
    r"|(?:\w+|a few) (?:day|week)s? ago"
)
# Nouns for the occasion words were said on ("in a speech on Wednesday", "Tuesday's interview").
_OCCASIONS = frozenset(
    "speech address remarks interview statement rally debate appearance conference briefing".split()
)


def reanchor_quoted(
    doc: Doc,
    found: list[TimeExpression],
    normalise: Callable[[str], str],
    resolve: Callable[[str, str | None], str | None],
) -> list[TimeExpression]:
    """``found`` with each deixis inside quotation marks resolved against the day the quote was
    said (``resolve(text, day)``), or unresolved when the report does not give that day."""
    text = doc.text
    around = marks_at(text, 0, len(text))
    quoted = [t for t in found if around(t.start) is not None and DEICTIC.fullmatch(normalise(t.text))]
    if not quoted:
        return found
    if not doc.has_annotation("DEP"):  # NER only (the story bench): no saying verb to find, no day
        return [TimeExpression(t.text, t.start, t.end, None) if t in quoted else t for t in found]
    outside = [t for t in found if around(t.start) is None and t.value and "/" not in t.value]
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    out = []
    for t in found:
        if t not in quoted:
            out.append(t)
            continue
        mark = around(t.start)
        day = mark and _said_on(doc, sents, starts, mark, outside, around)
        out.append(TimeExpression(t.text, t.start, t.end, resolve(t.text, day) if day else None))
    return out


def _said_on(
    doc: Doc,
    sents: list[Span],
    starts: list[int],
    mark: tuple[int, int],
    outside: list[TimeExpression],
    around: Callable[[int], tuple[int, int] | None],
) -> str | None:
    """The day the report says the quote at ``mark`` was spoken: a day phrase outside quotation
    marks, in the quote's sentences or the next one of its paragraph, attached to a saying verb or
    to a speech ("he said Wednesday night", "in Wednesday's speech")."""
    text = doc.text
    first = max(0, bisect_right(starts, mark[0]) - 1)
    last = max(0, bisect_right(starts, mark[1]) - 1)
    lo, hi = sents[first].start_char, sents[min(last + 1, len(sents) - 1)].end_char
    para_lo, para_hi = paragraph(text, mark[0])
    lo, hi = max(lo, para_lo), min(hi, para_hi)
    for t in outside:
        if not lo <= t.start < hi:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and _of_saying(span):
            return t.value
    return None


def _of_saying(span: Span) -> bool:
    """Whether a time phrase modifies a saying verb or names a speech's day (up to three heads up)."""
    tok = span.root
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if is_cue(tok) or tok.lemma_.lower() in _OCCASIONS:
            return True
        if tok.pos_ in {"VERB", "AUX"}:
            return False  # another verb's time: "took the stage Wednesday", not the saying
    return False
