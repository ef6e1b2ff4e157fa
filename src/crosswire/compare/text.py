"""Text helpers shared by the compare modules: statements, word tokens with offsets, word diffs.

Everything here works on character offsets into ``Report.body`` so every result can cite the
exact words it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from crosswire.model import Analysis, Citation, Report, outlet_key

_WORD = re.compile(r"[\w][\w'’\-.,]*[\w]|[\w]", re.UNICODE)
_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
# Quote marks: curly pairs, or straight double quotes (paired by position).
_QUOTED = re.compile(r"“([^”]{3,1500})”|\"([^\"]{3,1500})\"")
STOPWORDS_DATES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december".split()
)
# Short function words carry no content: statements need some words beyond them to mean anything.
STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those he she they we i you his her their our my your him them us me not no so than then there here has have had do does did will would can could should may might must shall about into over after before while also just said says say which who whom what when where why how all any some such only own same other more most very up out off again once".split()
)


# A dateline or time stamp ("First Published: June 13, 2013 4: 59 PM EDT", "Posted: Jul 07, 2012"):
# its words are all months, weekdays, numbers, clock and zone marks and the verbs that label them.
_STAMP_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec am pm a.m p.m a p et est edt pt pdt pst ct cdt cst"
    " gmt bst utc ist cet cest updated update posted published first last on at by modified created article"
    " date time".split()
)
_STAMP_NUMBER = re.compile(r"\d+(?:[.:]\d+)*(?:st|nd|rd|th|am|pm|a|p)?")


def is_time_stamp(text: str) -> bool:
    """A line that only says when it was published or updated: not a statement of the story."""
    words = [t.norm.rstrip(":") for t in tokens(text)]
    return bool(words) and all(
        w in _STAMP_WORDS or w in STOPWORDS_DATES or _STAMP_NUMBER.fullmatch(w) for w in words
    )


@dataclass(frozen=True)
class Token:
    """A word of a body with its offsets; ``norm`` is the lowercase form used for matching."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return self.text.lower().replace("’", "'").rstrip(".,")


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Words of ``text`` (numbers with separators kept whole), offsets shifted by ``offset``."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip(".,")
        out.append(Token(word, offset + m.start(), offset + m.start() + len(word)))
    return out


def content_words(text: str) -> set[str]:
    return {t.norm for t in tokens(text) if t.norm not in STOPWORDS and len(t.norm) > 1}


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """A plain rule splitter, used only when the analysis carries no sentences (or inside quotes)."""
    spans, pos = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((offset + pos, offset + m.start()))
        pos = m.end()
    spans.append((offset + pos, offset + len(text)))
    return [(s, e) for s, e in spans if text[s - offset : e - offset].strip()]


def statements(report: Report, analysis: Analysis, *, min_words: int = 4) -> list[Citation]:
    """The report's sentences as citations, one per line-free sentence, short fragments dropped.

    A sentence that spans a paragraph break (spaCy sometimes glues a headline-like line to the next
    one) is split at the break, since a reader sees two statements there; a piece that opens on a
    lowercase word is joined back to the sentence it was cut from (``_continues``). A time stamp line
    ("Updated: July 7, 2012, 10: 04 PM ET") is no statement: no outlet "alone carries" it.
    """
    body = report.body
    raw = list(analysis.sentences) or split_sentences(body)
    spans: list[tuple[int, int]] = []
    for s0, e0 in raw:
        for s, e in _split_paragraphs(body, s0, e0):
            s, e = trim_span(body, s, e)
            if s >= e:
                continue
            if spans and _continues(body, spans[-1], s):
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    out: list[Citation] = []
    for s, e in spans:
        if len(tokens(body[s:e])) >= min_words and not is_time_stamp(body[s:e]):
            out.append(Citation(report.id, s, e, body[s:e]))
    return out


def _continues(body: str, prev: tuple[int, int], start: int) -> bool:
    """A piece the splitter cut off the sentence before it: it opens on a lowercase word in the same
    paragraph ('"We will build a great wall!" | he said to an enormous cheer.'), which no sentence
    does, so it is the tail of the one before, not a statement of its own."""
    return body[start : start + 1].islower() and "\n\n" not in body[prev[1] : start].replace("\r", "")


def _split_paragraphs(body: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, pos = [], start
    for m in re.finditer(r"\n\s*\n", body[start:end]):
        parts.append((pos, start + m.start()))
        pos = start + m.end()
    parts.append((pos, end))
    return parts


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """Spans of text between quote marks (the marks excluded), for reports whose analysis lacks quotes."""
    out = []
    for m in _QUOTED.finditer(body):
        group = 1 if m.group(1) is not None else 2
        s, e = trim_span(body, m.start(group), m.end(group))
        if len(tokens(body[s:e])) >= 2:
            out.append((s, e))
    return out


def word_diff(
    a: list[Token], b: list[Token]
) -> tuple[list[Token], list[Token], list[tuple[str, list[Token], list[Token]]]]:
    """Word-level diff: tokens only ``a`` has, tokens only ``b`` has, and the replace/insert/delete hunks."""
    sm = SequenceMatcher(None, [t.norm for t in a], [t.norm for t in b], autojunk=False)
    only_a: list[Token] = []
    only_b: list[Token] = []
    hunks = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        only_a.extend(a[i1:i2])
        only_b.extend(b[j1:j2])
        hunks.append((op, a[i1:i2], b[j1:j2]))
    return only_a, only_b, hunks


def word_dice(a: str, b: str) -> float:
    """Shared words in order (longest common subsequence), as a Dice score in [0, 1].

    Quotes are reworded locally, so the longest run of words both keep in order is the best sign of
    one remark; dividing by both lengths stops a short fragment matching a long sentence.
    """
    ta, tb = [t.norm for t in tokens(a)], [t.norm for t in tokens(b)]
    if not ta or not tb:
        return 0.0
    sm = SequenceMatcher(None, ta, tb, autojunk=False)
    shared = sum(blk.size for blk in sm.get_matching_blocks())
    return 2.0 * shared / (len(ta) + len(tb))


def matched_range(a: list[Token], b: list[Token]) -> tuple[int, int, int, int]:
    """Index range of the first and last matched word on each side: where the two texts overlap."""
    sm = SequenceMatcher(None, [t.norm for t in a], [t.norm for t in b], autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size]
    if not blocks:
        return 0, len(a), 0, len(b)
    first, last = blocks[0], blocks[-1]
    return first.a, last.a + last.size, first.b, last.b + last.size


def places_within(analysis: Analysis | None, c: Citation) -> frozenset[str]:
    """The places a cited statement names (see ``Analysis.places_in``); none when unanalysed."""
    return analysis.places_in(c.start, c.end) if analysis is not None else frozenset()


# Names one country goes by ("America", "the U.S.", "the United States"): one place, not two.
_SAME_COUNTRY = (
    frozenset({"america", "u-s", "us", "usa", "u-s-a", "united-states", "united-states-of-america"}),
)


def _one_place(a: str, b: str) -> bool:
    """Two place ids that may name one place, or one inside the other: "mexico" and "mexico-city",
    "new-york" and "new-york-city", "america" and "united-states". Without a gazetteer, a place whose
    words open another's name is taken to hold it; a statement about Mexico and one about its capital
    are not statements about different places."""
    if a == b or any(a in names and b in names for names in _SAME_COUNTRY):
        return True
    short, long = sorted((a, b), key=len)
    return long.startswith(short + "-")


def other_places(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both statements name places, and no place of one is, holds or lies in a place of the other."""
    return bool(a and b) and not any(_one_place(x, y) for x in a for y in b)


def source_key(name: str | None) -> str:
    """Normalise an outlet name or web address so "Haaretz" and "www.haaretz.com" compare equal."""
    return outlet_key(name)
