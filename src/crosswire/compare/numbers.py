"""Numbers as reporters write them: a value, the range the wording allows, what it counts and whose it is.

Two outlets seldom write a figure the same way: "more than $915 million" and "$916 million" agree,
"about 1,500" and "1,480" agree, "$1.2 billion" and "$1.18 billion" agree within the written
precision. And two numbers with the same unit noun are only comparable when they belong to the
same subject: "Ted Cruz has 370 delegates" says nothing about Marco Rubio's 163. So each number
is read as an ``Amount``: the interval its qualifier and precision allow, the unit noun it counts,
and the named holder of its clause, and only amounts that measure one thing of one holder are
compared, as intervals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from crosswire.compare.text import STOPWORDS, Token, tokens

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty".split()
    )
}
SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight january"
    " february march april may june july august september october november december".split()
)
_NUMERIC = re.compile(r"^\d[\d,]*(\.\d+)?%?$")
_CURRENCY = {"$": "amount", "€": "amount", "£": "amount", "¥": "amount"}
# Qualifiers before a number, longest first: (words, low factor, high factor); None is unbounded.
_QUALIFIERS: tuple[tuple[tuple[str, ...], float, float | None], ...] = (
    (("in", "excess", "of"), 1.0, None),
    (("no", "fewer", "than"), 1.0, None),
    (("no", "less", "than"), 1.0, None),
    (("no", "more", "than"), 0.0, 1.0),
    (("more", "than"), 1.0, None),
    (("upwards", "of"), 1.0, None),
    (("at", "least"), 1.0, None),
    (("at", "most"), 0.0, 1.0),
    (("up", "to"), 0.0, 1.0),
    (("as", "many", "as"), 0.0, 1.0),
    (("less", "than"), 0.0, 1.0),
    (("fewer", "than"), 0.0, 1.0),
    (("close", "to"), 0.9, 1.0),
    (("an", "estimated"), 0.9, 1.1),
    (("over",), 1.0, None),
    (("above",), 1.0, None),
    (("under",), 0.0, 1.0),
    (("below",), 0.0, 1.0),
    (("nearly",), 0.9, 1.0),
    (("almost",), 0.9, 1.0),
    (("about",), 0.9, 1.1),
    (("around",), 0.9, 1.1),
    (("roughly",), 0.9, 1.1),
    (("approximately",), 0.9, 1.1),
    (("some",), 0.9, 1.1),
    (("estimated",), 0.9, 1.1),
)
# Words that open a new clause: a name before them is not the holder of a number after them.
_CLAUSE_WORDS = frozenset(
    "and but while whereas that said says told according which who whom after before when as because"
    " if although though since".split()
)
_CLAUSE_PUNCT = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


@dataclass(frozen=True)
class Amount:
    """One number of a sentence: its value, the interval its wording allows, its unit and holder."""

    value: float
    low: float
    high: float
    written: str
    unit: str | None = None
    holder: str | None = None
    start: int = 0
    end: int = 0
    # a running total over many events or a period ("in five operations so far", "this year"), which
    # an outlet's figure for the one event of the story neither confirms nor disputes
    total: bool = False
    # whose figure it is when that is a sample or a part: "among that group", or a poll's margin of
    # error (each poll's own, set by its sample), so two such figures may count different things
    scope: str | None = None


def _plain_value(t: Token) -> tuple[float, float] | None:
    """Value of one word and half its last written digit (the rounding it allows), or None."""
    word = t.norm.rstrip("%")
    if _NUMERIC.match(t.norm):
        digits = word.replace(",", "")
        decimals = len(digits.partition(".")[2])
        return float(digits), 0.5 * 10.0**-decimals if decimals else 0.0
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word]), 0.0
    return None


def number_value(toks: Sequence[Token]) -> float | None:
    """The first number a run of words states ("1,200", "3.5 million", "seven"), or None."""
    for i, t in enumerate(toks):
        plain = _plain_value(t)
        if plain is not None:
            scale = SCALE.get(toks[i + 1].norm, 1.0) if i + 1 < len(toks) else 1.0
            return plain[0] * scale
    return None


def _qualifier(toks: Sequence[Token], i: int) -> tuple[float, float | None]:
    for words, lo, hi in _QUALIFIERS:
        n = len(words)
        if i >= n and tuple(t.norm for t in toks[i - n : i]) == words:
            return lo, hi
    return 1.0, 1.0


def _clause_start(text: str, toks: Sequence[Token], i: int, offset: int) -> int:
    """Index of the first word of the clause that word ``i`` stands in."""
    j = i
    while j > 0:
        gap = text[toks[j - 1].end - offset : toks[j].start - offset]
        if _CLAUSE_PUNCT.search(gap) or toks[j - 1].norm in _CLAUSE_WORDS:
            return j
        j -= 1
    return 0


def _is_proper(t: Token) -> bool:
    return (
        t.text[:1].isupper()
        and t.norm not in STOPWORDS
        and t.norm not in DATE_WORDS
        and _plain_value(t) is None
    )


def _holder(text: str, toks: Sequence[Token], i: int, offset: int) -> str | None:
    """The last name (a run of capitalised words) before word ``i`` within its clause."""
    start = _clause_start(text, toks, i, offset)
    j = i - 1
    while j >= start and not _is_proper(toks[j]):
        j -= 1
    if j < start:
        return None
    end = j
    while j - 1 >= start and _is_proper(toks[j - 1]):
        j -= 1
    return " ".join(t.text for t in toks[j : end + 1])


# Words that make a figure a total over many events or a period rather than the story's own event.
_BRINGING = re.compile(
    r"\b(?:bringing|taking|raising|pushing) (?:the|its|their|this year's|the year's) (?:\w+ )?"
    r"(?:total|tally|toll|number|count)\b",
    re.I,
)
_TOTAL = re.compile(
    r"\b(?:(?:this|last|past|previous) (?:year|month|decade|season)|so far this|to date|since (?:19|20)\d\d"
    r"|since (?:the )?(?:start|beginning)|(?:in|over|during) (?:the )?(?:\w+ ){0,2}"
    r"(?:operations|attacks|incidents|raids|strikes|missions|years|months|decades|seasons)"
    r"|cumulative(?:ly)?|all-time"
    # a sum over several places or contests ("In all, 691 delegates are up for grabs in five states")
    r"|in all|in total|all told|altogether|combined"
    r"|(?:in|across) (?:the )?(?:\w+ )?(?:states|contests|primaries|races|districts|countries|counties|provinces))\b|"
    + _BRINGING.pattern,
    re.I,
)
# The part of a whole a figure is for ("among likely voters", "among that group"), and the poll
# statistics that belong to one sample: such figures are of one group, or one poll, alone.
_AMONG = re.compile(r"\bamong (?:the |those |these |that |this )?((?:[\w-]+ ){0,2}[\w-]+)", re.I)
_SAMPLE_STAT = re.compile(r"\bmargin of (?:\w+ )?error\b|\bsampling error\b", re.I)
# Words between a number and the noun it counts: "2,205 total delegates" counts delegates.
_UNIT_MODIFIERS = frozenset({"total", "overall"})


# "AK-47", "F-16", "A320": a model name, not a number, and the noun after it is what is counted
_MODEL = re.compile(r"[a-z]+-?\d+[a-z]*")


def _model_number(text: str, toks: Sequence[Token], i: int, offset: int) -> bool:
    """Number ``i`` is the number of a model name written apart ("AK 47", "MiG 29"): it follows a
    short word of capitals with a space or hyphen between ("In 2019" is a year)."""
    if i == 0:
        return False
    prev = toks[i - 1].text
    gap = text[toks[i - 1].end - offset : toks[i].start - offset]
    return gap in (" ", "-") and prev.isalpha() and len(prev) <= 3 and sum(c.isupper() for c in prev) >= 2


def _in_total(text: str, start: int) -> bool:
    """Whether a number at ``start`` of ``text`` (one sentence) is a total over many events or a period.

    "bringing this year's toll to 300" makes only what follows it a total; any other marker the
    whole sentence ("has so far seized 14 rifles, 31 magazines and 923 rounds in five operations")."""
    marker = _TOTAL.search(text)
    if marker is None:
        return False
    bringing = _BRINGING.search(text)
    return start >= bringing.start() if bringing else True


def _adjacent(text: str, a: Token, b: Token, offset: int) -> bool:
    """Nothing but a space or a hyphen between two words: "2019, Marsk" gives the year no unit."""
    gap = text[a.end - offset : b.start - offset]
    return gap.strip() in ("", "-")


def amounts(text: str, offset: int = 0, *, require_unit: bool = True) -> list[Amount]:
    """Every number of ``text`` with a unit noun after it (or a currency sign before it).

    With ``require_unit=False`` bare numbers ("has risen to 16") are read too; offsets in the
    returned amounts are shifted by ``offset`` like the words'."""
    toks = tokens(text, offset)
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        plain = _plain_value(t)
        if plain is None or _model_number(text, toks, i, offset):
            i += 1
            continue
        value, half = plain
        j = i + 1
        scale = 1.0
        if j < len(toks) and toks[j].norm in SCALE:
            scale = SCALE[toks[j].norm]
            half = half or 0.5  # "915 million" is rounded to the million
            j += 1
        sign = text[t.start - offset - 1] if t.start - offset > 0 else ""
        unit: str | None = _CURRENCY.get(sign)
        # the words leave a sign out: "90%" is the word "90" and a "%" after it
        sign_after = 1 if text[toks[j - 1].end - offset : toks[j - 1].end - offset + 1] == "%" else 0
        if t.norm.endswith("%") or sign_after:
            unit = "percent"
        elif unit is None and j < len(toks) and _adjacent(text, toks[j - 1], toks[j], offset):
            k = j
            if _MODEL.fullmatch(toks[k].norm) and k + 1 < len(toks):
                k += 1  # "14 AK-47 rifles" counts rifles
            elif k + 2 < len(toks) and _model_number(text, toks, k + 1, offset):
                k += 2  # "six AK 47 rifles"
            noun = toks[k].norm
            if (
                noun in _UNIT_MODIFIERS
                and k + 1 < len(toks)
                and _adjacent(text, toks[k], toks[k + 1], offset)
            ):
                k += 1
                noun = toks[k].norm
            if noun.isalpha() and noun not in DATE_WORDS and noun not in STOPWORDS and len(noun) > 1:
                unit = noun
        lo_f, hi_f = _qualifier(toks, i)
        value *= scale
        half *= scale
        low = value * lo_f - half
        high = math.inf if hi_f is None else value * hi_f + half
        prefix = sign if sign in _CURRENCY else ""
        written = prefix + text[t.start - offset : toks[j - 1].end - offset + sign_after]
        if unit or not require_unit:
            holder = _holder(text, toks, i, offset)
            trend = _trend(toks, i, j)
            total = _in_total(text, t.start - offset)
            out.append(
                Amount(
                    value,
                    low,
                    high,
                    written,
                    unit,
                    holder,
                    t.start - len(prefix),
                    toks[j - 1].end + sign_after,
                    total,
                    _scope(text) or trend,
                )
            )
        i = j
    return out


# "more than", "up to" are bounds on a number (``_QUALIFIERS``), not a change
_RISE_WORDS = frozenset("up rise rose risen increase increased gain gained jump jumped".split())
_FALL_WORDS = frozenset("down fall fell fallen decline declined drop dropped decrease decreased".split())


def _trend(toks: Sequence[Token], i: int, j: int) -> str | None:
    """Whether number ``i`` (its words up to ``j``) is a rise or a fall ("up more than 70 percent",
    "a 30% decline"): a change of one measure, which a change the other way does not dispute."""
    window = [*toks[max(0, i - 4) : i], *toks[j : j + 3]]
    near = {t.norm for k, t in enumerate(window) if not (k + 1 < len(window) and window[k + 1].norm == "to")}
    rise, fall = bool(near & _RISE_WORDS), bool(near & _FALL_WORDS)
    return "rise" if rise and not fall else "fall" if fall and not rise else None


def _scope(text: str) -> str | None:
    """The group or sample a sentence's figures are for: "among likely voters", or "sample" for a
    poll's margin of error, which is each poll's own whatever the sentence says."""
    if _SAMPLE_STAT.search(text):
        return "sample"
    among = _AMONG.search(text)
    return among.group(1).lower() if among else None


def unit_key(unit: str) -> str:
    """The unit noun with a plural "s" dropped, so "delegates" and "delegate" match."""
    return unit.removesuffix("s") if len(unit) > 3 else unit


def numbers_by_unit(toks: Sequence[Token]) -> dict[str, set[float]]:
    """Numbers keyed by the word they count ("1,200 residents" -> {"resident": {1200}})."""
    text = " ".join(t.text for t in toks)
    out: dict[str, set[float]] = {}
    for a in amounts(text):
        out.setdefault(unit_key(a.unit or ""), set()).add(a.value)
    return out


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: one inside the other ("Quell", "Ada Quell") or nearly equal."""
    a, b = a.lower(), b.lower()
    return a in b or b in a or fuzz.ratio(a, b) >= 80


def same_holder(a: Amount, b: Amount) -> bool:
    """Both numbers belong to one subject (the same name, or no name in either clause) and one scope:
    a total over many events or places is not set against the figure for one, a subgroup's figure
    not against the whole's, and a poll's margin of error against no other poll's."""
    if a.total != b.total:
        return False
    if a.scope == "sample" or b.scope == "sample" or a.scope != b.scope:
        # margins of error of two polls (552 voters, 996 voters) differ without disagreeing, and a
        # figure among a subgroup is not the figure for the whole
        return False
    if a.holder is None or b.holder is None:
        return a.holder is None and b.holder is None
    return same_name(a.holder, b.holder)


def compatible(a: Amount, b: Amount) -> bool:
    """The two intervals the wordings allow overlap, so both statements can be true at once."""
    return a.low <= b.high and b.low <= a.high


# Words by which a later report tells that a running figure has moved on since it was first given.
_RISE = re.compile(
    r"\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)|increas(?:ed|es|ing)|jump(?:ed|s)|gr[eo]wn?|now|updated"
    r"|revised|has since|have since)\b",
    re.I,
)


def day(published: str | None) -> str | None:
    """The calendar day of a report's published timestamp (ISO), or None when unknown."""
    return published[:10] if published and len(published) >= 10 else None


def is_update(lo_text: str, hi_text: str, lo_day: str | None, hi_day: str | None, *, running: bool) -> bool:
    """The higher figure supersedes the lower rather than disputing it.

    Either its sentence says the figure rose ("has risen to 16") and it was not published before
    the lower one, or, for a running count such as a toll, it was published on a later day."""
    if hi_day and lo_day and hi_day < lo_day:
        return False
    if _RISE.search(hi_text) and not _RISE.search(lo_text):
        return True
    return running and hi_day is not None and lo_day is not None and hi_day > lo_day


def update_what(measure: str, lo: str, lo_day: str | None, hi: str, hi_day: str | None) -> str:
    """'deaths rose from 14 (2026-03-03) to 16 (2026-03-04)': both figures with their reports' days."""

    def dated(value: str, d: str | None) -> str:
        return f"{value} ({d})" if d else value

    return f"{measure} rose from {dated(lo, lo_day)} to {dated(hi, hi_day)}"
