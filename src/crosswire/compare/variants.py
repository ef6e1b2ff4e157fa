"""Quote variants: one remark worded differently (or translated differently) by different reports.

Quotes are cut into their sentences, since an outlet often quotes one sentence of a longer remark
another prints whole; sentence pairs from different reports whose meaning and wording agree become
a variant. Each side is then trimmed to where the two overlap, at a clause boundary (a lead-in
clause only one side quotes is not part of the shared remark), and the differing words are marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from crosswire.compare.text import (
    Token,
    content_words,
    matched_range,
    quoted_spans,
    split_sentences,
    tokens,
    word_dice,
    word_diff,
)
from crosswire.model import Analysis, Citation, Report, Variant

# Half meaning, half shared word order: typos and bracketed insertions ("I told [Putin]") sink the
# cosine of one remark, a reworded translation sinks the word overlap; together they hold.
VARIANT_THRESHOLD = 0.55
_BOUNDARY = re.compile(r"[,;:—–.!?]")


@dataclass(frozen=True)
class QuotePiece:
    """One sentence of a quote, with the quote's speaker."""

    cite: Citation
    speaker: str | None


def quote_pieces(report: Report, analysis: Analysis) -> list[QuotePiece]:
    """Sentences of every quote in a report; quote-mark text the analysis missed is added unattributed."""
    body = report.body
    # a partial quote's own words are a direct quote too: those are matched, not the paraphrase around them
    spans = [(q.start, q.end, q.speaker) for q in analysis.quotes if q.kind == "direct"]
    for s, e in quoted_spans(body):
        if not any(s < qe and qs < e for qs, qe, _ in spans):
            spans.append((s, e, None))
    pieces, seen = [], set()
    for s, e, speaker in spans:
        for ss, se in split_sentences(body[s:e], s):
            for ps, pe in _windows(body, ss, se):
                text = body[ps:pe].strip(" \"'“”‘’")
                if (ps, pe) in seen or len(content_words(text)) < 3:
                    continue
                seen.add((ps, pe))
                pieces.append(QuotePiece(Citation(report.id, ps, pe, body[ps:pe]), speaker))
    return pieces


def _windows(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence, plus each clause-aligned head and tail of it.

    One outlet may quote only the second half of a sentence another prints whole ("We also talked
    about X, I told him ..."), so the part after (or before) a comma is a candidate of its own.
    """
    out = [(start, end)]
    for m in re.finditer(r"[,;:—–]\s+", body[start:end]):
        cut = start + m.start()
        out.append((start + m.end(), end))
        out.append((start, cut))
    return out


def find_variants(
    items: list[tuple[Report, Analysis]],
    embed: Callable[[list[str]], np.ndarray],
    *,
    threshold: float = VARIANT_THRESHOLD,
) -> tuple[Variant, ...]:
    """Pair each quote sentence with its best match in other reports; keep pairs above ``threshold``."""
    bodies = {r.id: r.body for r, _ in items}
    pieces = {r.id: quote_pieces(r, a) for r, a in items}
    flat = [p for ps in pieces.values() for p in ps]
    if not flat:
        return ()
    vecs = embed([p.cite.text for p in flat])
    rows, pos = {}, 0
    for rid, ps in pieces.items():
        rows[rid] = vecs[pos : pos + len(ps)]
        pos += len(ps)
    pairs: list[tuple[float, QuotePiece, QuotePiece]] = []
    ids = list(pieces)
    for i, a_id in enumerate(ids):
        for b_id in ids[i + 1 :]:
            if not pieces[a_id] or not pieces[b_id]:
                continue
            cos = rows[a_id] @ rows[b_id].T
            # below 0.3 cosine even identical word order cannot lift a pair over the threshold
            for x, y in zip(*np.nonzero(cos >= 0.3), strict=True):
                pa, pb = pieces[a_id][x], pieces[b_id][y]
                score = 0.5 * float(cos[x, y]) + 0.5 * word_dice(pa.cite.text, pb.cite.text)
                if score >= threshold:
                    pairs.append((score, pa, pb))
    pairs.sort(key=lambda t: -t[0])
    used: list[Citation] = []
    out = []
    for score, pa, pb in pairs:  # greedy one-to-one: each stretch of quoted text in one variant
        if any(_overlaps(p.cite, u) for p in (pa, pb) for u in used):
            continue
        score, pa, pb = _widest(score, pa, pb, pairs, threshold)
        variant = _variant(pa, pb, bodies, score)
        if variant is not None:
            used += [pa.cite, pb.cite]
            out.append(variant)
    return tuple(out)


def _widest(
    score: float,
    pa: QuotePiece,
    pb: QuotePiece,
    pairs: list[tuple[float, QuotePiece, QuotePiece]],
    threshold: float,
) -> tuple[float, QuotePiece, QuotePiece]:
    """Grow a matched clause pair to the widest enclosing pair that still matches.

    Halves of one remark often match a little better than the whole; the reader wants the whole
    remark with the differing words marked, not two half-variants.
    """
    floor = max(threshold, score - 0.2)
    best = (score, pa, pb)
    for s, qa, qb in pairs:
        inside = _contains(qa.cite, pa.cite) and _contains(qb.cite, pb.cite)
        if s >= floor and inside and _width(qa, qb) > _width(best[1], best[2]):
            best = (s, qa, qb)
    return best


def _contains(outer: Citation, inner: Citation) -> bool:
    return outer.report_id == inner.report_id and outer.start <= inner.start and inner.end <= outer.end


def _width(a: QuotePiece, b: QuotePiece) -> int:
    return (a.cite.end - a.cite.start) + (b.cite.end - b.cite.start)


def _overlaps(a: Citation, b: Citation) -> bool:
    return a.report_id == b.report_id and a.start < b.end and b.start < a.end


def _variant(pa: QuotePiece, pb: QuotePiece, bodies: dict[str, str], score: float) -> Variant | None:
    ta = tokens(pa.cite.text, pa.cite.start)
    tb = tokens(pb.cite.text, pb.cite.start)
    a0, a1, b0, b1 = matched_range(ta, tb)
    ta = _trim(ta, a0, a1, bodies[pa.cite.report_id])
    tb = _trim(tb, b0, b1, bodies[pb.cite.report_id])
    only_a, only_b, _ = word_diff(ta, tb)
    if not only_a and not only_b or _letters(ta) == _letters(tb):
        # identical wording is a copy, not a variant; so is one that differs only in spacing and
        # punctuation ("warship ’ s action" beside "warship's action"): no word was changed
        return None
    members, differing = [], []
    for piece, toks, only in ((pa, ta, only_a), (pb, tb, only_b)):
        body = bodies[piece.cite.report_id]
        s, e = toks[0].start, _end_with_punct(body, toks[-1].end)
        members.append(Citation(piece.cite.report_id, s, e, body[s:e]))
        differing.append(tuple((t.start, t.end) for t in only))
    return Variant(
        speaker=pa.speaker or pb.speaker,
        members=tuple(members),
        differing=tuple(differing),
        score=round(score, 4),
    )


def _letters(toks: list[Token]) -> str:
    """The words' letters and digits alone, lowercased: what is left when spacing and marks are not."""
    return re.sub(r"[\W_]", "", "".join(t.norm for t in toks))


def _trim(toks: list[Token], first: int, last: int, body: str) -> list[Token]:
    """Drop an unmatched lead-in or tail, but only whole clauses (cut at a comma, colon, full stop)."""
    start = 0
    for i in range(first - 1, -1, -1):
        if _boundary_after(toks[i], body):
            start = i + 1
            break
    end = len(toks)
    for i in range(last - 1, len(toks) - 1):
        if _boundary_after(toks[i], body):
            end = i + 1
            break
    kept = toks[start:end]
    return kept or toks


def _boundary_after(tok: Token, body: str) -> bool:
    return bool(_BOUNDARY.match(body[tok.end : tok.end + 1]))


def _end_with_punct(body: str, end: int) -> int:
    """Keep the sentence's closing punctuation inside the citation."""
    while end < len(body) and body[end] in ".,!?;:":
        end += 1
    return end
