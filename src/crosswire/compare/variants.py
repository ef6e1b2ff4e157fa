"""Quote variants: one remark worded differently (or translated differently) by different reports.

Quotes are cut into their sentences, since an outlet often quotes one sentence of a longer remark
another prints whole; sentence pairs from different reports whose meaning and wording agree become
a variant. Each side is then trimmed to where the two overlap, at a clause boundary (a lead-in
clause only one side quotes is not part of the shared remark), and the differing words are marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from crosswire.compare.numbers import same_name
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
# Two quotes are one quote, so that different speakers for them disagree, when this share of their
# words runs in the same order ("we think we have a path toward victory" and "I think we have a
# viable path" share .62: two remarks alike, by two people).
_SAME_QUOTE = 0.75


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
        if is_mention(body, s, e):
            continue  # a term named ("refused to say 'radical Islamic terrorism'"), not anyone's remark
        for ss, se in split_sentences(body[s:e], s):
            for ps, pe in _windows(body, ss, se):
                text = body[ps:pe].strip(" \"'“”‘’")
                if (ps, pe) in seen or len(content_words(text)) < 3:
                    continue
                seen.add((ps, pe))
                pieces.append(QuotePiece(Citation(report.id, ps, pe, body[ps:pe]), speaker))
    return pieces


# What makes a short quoted term a mention rather than speech: a refusal or denial to say it
# ("the president's refusal to call the attack a result of 'radical Islamic terrorism'") or a
# naming of it as words ("the term 'alt-right'"). "He called it 'a disaster'" is his speech; these are not.
_MENTION_CUE = re.compile(
    r"(?:\b(?:refus\w*|declin\w*|reluctan\w*|avoid\w*|fail\w*|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t"
    r"|don['’]t|not|never|without)\b[^.!?]{0,25}?\b(?:say|says|said|saying|call|calls|called|calling|use|uses"
    r"|used|using|utter\w*|mention\w*|name|names|named|naming|label\w*|speak|spoke)\b[^.!?\"“”]{0,40}"
    r"|\b(?:the|those|these|that) (?:words?|term|phrase|label|expression)\s*)$",
    re.I,
)
_MENTION_WORDS = 6  # a mentioned term is a few words; a longer quote is a remark


def is_mention(body: str, start: int, end: int) -> bool:
    """Whether quoted words at ``body[start:end]`` are a term mentioned, not a remark of anyone.

    The analysis may credit such a term to the person said to avoid it (the trial had Obama as the
    speaker of "radical Islamic terrorism", the words he refused to say), and a variant built on it
    would tell the reader he said them."""
    if len(body[start:end].split()) > _MENTION_WORDS:
        return False
    before = body[max(0, start - 120) : start].rstrip(" \"'“‘")
    return bool(_MENTION_CUE.search(before))


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
    pairs = _beyond_names(pairs, embed, threshold)
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


# "the words radical Islamic terrorism": a term named inside a remark, up to the clause's end
_TERM = re.compile(r"\b(?:the|those|these|that) (?:words?|term|phrase|label|expression)\b[^,;:.!?]*", re.I)


def residue(text: str) -> str:
    """A quote's own wording: the words left when names and terms it mentions are taken out.

    Two remarks that speak of one person and one term ("Is President Obama going to finally mention
    the words radical Islamic terrorism?", "President Obama disgracefully refused to even say the
    words 'Radical Islam.'") share those and little else; one remark worded twice shares the rest."""
    toks = tokens(_TERM.sub(" ", text))
    return " ".join(t.text for i, t in enumerate(toks) if i == 0 or not t.text[:1].isupper())


def _beyond_names(
    pairs: list[tuple[float, QuotePiece, QuotePiece]],
    embed: Callable[[list[str]], np.ndarray],
    threshold: float,
) -> list[tuple[float, QuotePiece, QuotePiece]]:
    """The pairs that still match on their own wording (``residue``), not only on names and terms.

    A residue of one word or none is left unjudged: a short remark is mostly its names."""
    if not pairs:
        return pairs
    texts = sorted({residue(p.cite.text) for _, pa, pb in pairs for p in (pa, pb)})
    vecs = dict(zip(texts, embed(texts), strict=True))
    out = []
    for score, pa, pb in pairs:
        ra, rb = residue(pa.cite.text), residue(pb.cite.text)
        if min(len(ra.split()), len(rb.split())) >= 2:
            own = 0.5 * float(vecs[ra] @ vecs[rb]) + 0.5 * word_dice(ra, rb)
            if own < threshold:
                continue
        out.append((score, pa, pb))
    return out


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
    names = [p.speaker for p in (pa, pb) if p.speaker]
    speaker = None
    if len(names) == 2 and _same_person(*names):
        speaker = max(names, key=len)
    elif len(names) == 2 and not same_quote(members):
        return None  # two people's alike remarks ("a path toward victory", "a viable path"): two quotes
    return Variant(
        speaker=speaker,  # named only when both reports name the one who spoke
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


def _same_person(a: str, b: str) -> bool:
    """One person named two ways: a spelling variant, or one surname with another title or first name."""
    return same_name(a, b) or a.split()[-1].lower() == b.split()[-1].lower()


def same_quote(members: Sequence[Citation]) -> bool:
    """Whether quoted stretches are one quote: most of their words in the same order.

    Alignment (and a variant's meaning-plus-words score) also pairs two remarks that merely say
    alike things; only when the words themselves are the same does a different speaker for them
    mean the reports disagree on who spoke."""
    words = [_spelled_out(m.text) for m in members]
    return all(SequenceMatcher(None, words[0], w, autojunk=False).ratio() >= _SAME_QUOTE for w in words[1:])


_CONTRACTIONS = (
    (
        re.compile(r"\b(won|can|shan)['’]t\b", re.I),
        lambda m: {"won": "will", "shan": "shall"}.get(m[1].lower(), m[1]) + " not",
    ),
    (re.compile(r"n['’]t\b", re.I), lambda m: " not"),
    (
        re.compile(r"['’](ve|ll|re|m|d)\b", re.I),
        lambda m: " " + {"ve": "have", "ll": "will", "re": "are", "m": "am", "d": "would"}[m[1].lower()],
    ),
)


def _spelled_out(text: str) -> list[str]:
    """A quote's words with contractions written out: "you've sat" and "you have sat" are one wording."""
    for pattern, full in _CONTRACTIONS:
        text = pattern.sub(full, text)
    return [t.norm for t in tokens(text)]
