"""Extractive summary by the centroid method over MiniLM sentence vectors, every sentence cited.

Gholipour Ghalandari (2017): the centroid of all the story's sentence vectors stands for what the
story is about; pre-select each report's first sentences (news puts the facts first), then greedily
add the sentence that brings the summary's own centroid closest to it, skipping one too similar to
a sentence already chosen. A sentence's citation is its own span plus the spans the compare stage
aligned with it in other reports, so a reader sees every outlet that carries it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.model import Analysis, BriefSentence, Citation, Comparison, Report

Embed = Callable[[list[str]], np.ndarray]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SummaryParams:
    """The method's knobs; defaults tuned on AllSides train (see ``bench/briefs.py``)."""

    budget_words: int = 60
    preselect: int = 9
    redundancy: float = 0.6
    relevance: float = 1.0
    position: float = 0.0
    min_words: int = 5


def sentences_of(report: Report, analysis: Analysis, min_words: int = 1) -> list[Citation]:
    """The report's sentences, trimmed and split at paragraph breaks, as citations into its body."""
    body = report.body
    raw = list(analysis.sentences) or [(0, len(body))]
    out = []
    for s0, e0 in raw:
        pos = s0
        cuts = [(pos, s0 + m.start(), s0 + m.end()) for m in re.finditer(r"\n\s*\n", body[s0:e0])]
        bounds = []
        for _, cut, nxt in cuts:
            bounds.append((pos, cut))
            pos = nxt
        bounds.append((pos, e0))
        for s, e in bounds:
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if len(_WORD.findall(body[s:e])) >= min_words:
                out.append(Citation(report.id, s, e, body[s:e]))
    return out


def select(
    candidates: Sequence[int],
    vectors: np.ndarray,
    centroid: np.ndarray,
    lengths: Sequence[int],
    ranks: Sequence[int],
    params: SummaryParams,
) -> list[int]:
    """Greedy centroid selection over the pre-selected candidate rows, within the word budget."""
    chosen: list[int] = []
    total = np.zeros_like(centroid)
    words = 0
    pool = list(candidates)
    while pool and words < params.budget_words:
        best, best_gain = None, -np.inf
        for i in pool:
            if chosen and float(np.max(vectors[chosen] @ vectors[i])) > params.redundancy:
                continue
            summ = total + vectors[i]
            rel = float(summ @ centroid) / (float(np.linalg.norm(summ)) or 1.0)
            gain = params.relevance * rel + params.position * (1.0 - ranks[i] / params.preselect)
            if gain > best_gain:
                best, best_gain = i, gain
        if best is None:
            break
        pool.remove(best)
        if words and words + lengths[best] > params.budget_words * 1.25:
            continue  # would overshoot the budget by far: try a shorter one
        chosen.append(best)
        total = total + vectors[best]
        words += lengths[best]
    return chosen


def summarize(
    items: Sequence[tuple[Report, Analysis]],
    comparison: Comparison | None,
    embed: Embed,
    params: SummaryParams = SummaryParams(),
) -> tuple[BriefSentence, ...]:
    """The cited summary of one story; syndicated copies count once (only their origin is read)."""
    copies = comparison.copies if comparison else {}
    cites: list[Citation] = []
    ranks: list[int] = []
    for report, analysis in items:
        if report.id in copies:
            continue
        sents = sentences_of(report, analysis, params.min_words)
        cites.extend(sents)
        ranks.extend(range(len(sents)))
    if not cites:
        return ()
    vectors = embed([c.text for c in cites])
    centroid = vectors.mean(axis=0)
    centroid = centroid / (float(np.linalg.norm(centroid)) or 1.0)
    candidates = [i for i, r in enumerate(ranks) if r < params.preselect]
    lengths = [len(_WORD.findall(c.text)) for c in cites]
    chosen = select(candidates, vectors, centroid, lengths, ranks, params)
    return tuple(BriefSentence(cites[i].text, _citations(cites[i], comparison)) for i in chosen)


def _citations(own: Citation, comparison: Comparison | None) -> tuple[Citation, ...]:
    """The sentence's own span first, then every span aligned with it in other reports."""
    out = [own]
    for al in comparison.alignments if comparison else ():
        if any(_overlaps(own, m) for m in al.members):
            out.extend(m for m in al.members if m.report_id != own.report_id and m not in out)
    return tuple(out)


def _overlaps(a: Citation, b: Citation) -> bool:
    return a.report_id == b.report_id and a.start < b.end and b.start < a.end
