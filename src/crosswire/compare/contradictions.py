"""Contradictions between aligned statements: a different number, date, name or speaker.

No NLI model runs offline here, so these are rules over statements already aligned as "the same
statement": when two versions agree word for word except for a short stretch, and that stretch is a
number, a date or a proper name on both sides, the reports disagree on it. Quote variants whose
speakers differ disagree on the attribution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from crosswire.compare.text import Token, tokens, word_diff
from crosswire.model import Alignment, Analysis, Citation, Contradiction, Variant

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DATE_WORDS = set(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight january february march april may june july august september october november december".split()
)
_NUMERIC = re.compile(r"^\d[\d,]*(\.\d+)?%?$")
# A hunk longer than this is a rewording, not one fact changed.
_MAX_HUNK = 4


def number_value(toks: Sequence[Token]) -> float | None:
    """The first number a run of words states ("1,200", "3.5 million", "seven"), or None."""
    for i, t in enumerate(toks):
        word = t.norm.rstrip("%")
        value: float | None = None
        if _NUMERIC.match(t.norm):
            value = float(word.replace(",", ""))
        elif word in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[word])
        if value is not None:
            if i + 1 < len(toks) and toks[i + 1].norm in _SCALE:
                value *= _SCALE[toks[i + 1].norm]
            return value
    return None


def numbers_by_unit(toks: Sequence[Token]) -> dict[str, set[float]]:
    """Numbers keyed by the word they count ("1,200 residents" -> {"resident": {1200}})."""
    out: dict[str, set[float]] = {}
    for i in range(len(toks)):
        value = number_value(toks[i : i + 2])
        if value is None or number_value(toks[i : i + 1]) is None:
            continue
        j = i + 1
        while j < len(toks) and (toks[j].norm in _SCALE or toks[j].norm in ("of", "more", "than")):
            j += 1
        if j < len(toks) and toks[j].norm.isalpha() and toks[j].norm not in _DATE_WORDS:
            unit = toks[j].norm.removesuffix("s") if len(toks[j].norm) > 3 else toks[j].norm
            out.setdefault(unit, set()).add(value)
    return out


def _is_name(toks: Sequence[Token], sentence_start: int) -> bool:
    return bool(toks) and all(t.text[:1].isupper() and t.start != sentence_start for t in toks)


def _same_name(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a or fuzz.ratio(a, b) >= 80


def _is_date(toks: Sequence[Token]) -> bool:
    return any(t.norm in _DATE_WORDS for t in toks)


def pair_contradictions(a: Citation, b: Citation) -> list[Contradiction]:
    """Rules over one aligned pair: the short stretch where they differ is a number, date or name."""
    ta, tb = tokens(a.text, a.start), tokens(b.text, b.start)
    if not ta or not tb:
        return []
    found = []
    units_a, units_b = numbers_by_unit(ta), numbers_by_unit(tb)
    for unit in sorted(units_a.keys() & units_b.keys()):
        if not units_a[unit] & units_b[unit]:
            va = ", ".join(f"{v:g}" for v in sorted(units_a[unit]))
            vb = ", ".join(f"{v:g}" for v in sorted(units_b[unit]))
            found.append(Contradiction(f"number of {unit}: {va} vs {vb}", "number", (a, b), (va, vb)))
    only_a, only_b, hunks = word_diff(ta, tb)
    shared = min(len(ta), len(tb)) - max(len(only_a), len(only_b))
    if shared < 0.5 * min(len(ta), len(tb)):
        return found  # mostly different words: a paraphrase, too loose for word-by-word rules
    for op, xa, xb in hunks:
        if op != "replace" or len(xa) > _MAX_HUNK or len(xb) > _MAX_HUNK:
            continue
        sa, sb = " ".join(t.text for t in xa), " ".join(t.text for t in xb)
        members = (a, b)
        if _is_date(xa) and _is_date(xb):
            if sa.lower() != sb.lower():
                found.append(Contradiction(f"date: {sa} vs {sb}", "date", members, (sa, sb)))
            continue
        va, vb = number_value(xa), number_value(xb)
        if va is not None and vb is not None:
            if va != vb and not any(c.kind == "number" for c in found):
                found.append(Contradiction(f"number: {sa} vs {sb}", "number", members, (sa, sb)))
            continue
        if _is_name(xa, ta[0].start) and _is_name(xb, tb[0].start) and not _same_name(sa, sb):
            found.append(Contradiction(f"name: {sa} vs {sb}", "name", members, (sa, sb)))
    return found


def _times_within(analysis: Analysis | None, c: Citation) -> set[str]:
    if analysis is None:
        return set()
    return {t.value for t in analysis.times if t.value and c.start <= t.start and t.end <= c.end}


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
) -> tuple[Contradiction, ...]:
    """Every disagreement between members of different copy groups, each reported once."""
    out: dict[tuple, Contradiction] = {}
    for al in alignments:
        ms = al.members
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                ga, gb = groups.get(a.report_id, a.report_id), groups.get(b.report_id, b.report_id)
                if ga == gb or ga != a.report_id or gb != b.report_id:
                    continue  # copies repeat their origin: one disagreement per pair of origins
                found = pair_contradictions(a, b)
                if not any(c.kind == "date" for c in found):
                    da = _times_within(analyses.get(a.report_id), a)
                    db = _times_within(analyses.get(b.report_id), b)
                    if _disjoint_dates(da, db):
                        va, vb = ", ".join(sorted(da)), ", ".join(sorted(db))
                        found.append(Contradiction(f"date: {va} vs {vb}", "date", (a, b), (va, vb)))
                for c in found:
                    out.setdefault((c.kind, c.values, a.report_id, b.report_id), c)
    for v in variants:
        speakers = _variant_speakers(v, analyses)
        names = [s for s in speakers if s]
        if len(names) >= 2 and not all(_same_name(names[0], n) for n in names[1:]):
            what = "speaker: " + " vs ".join(names)
            out.setdefault(("speaker", tuple(names)), Contradiction(what, "speaker", v.members, tuple(names)))
    return tuple(out.values())


def _variant_speakers(v: Variant, analyses: dict[str, Analysis]) -> list[str | None]:
    """The speaker each report gives for its wording of the quote."""
    out = []
    for m in v.members:
        a = analyses.get(m.report_id)
        quote = next((q for q in (a.quotes if a else ()) if q.start <= m.start and m.end <= q.end + 1), None)
        out.append(quote.speaker if quote else None)
    return out
