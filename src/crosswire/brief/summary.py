"""Extractive summary by the centroid method over MiniLM sentence vectors, every sentence cited.

Gholipour Ghalandari (2017): the centroid of all the story's sentence vectors stands for what the
story is about; pre-select each report's first finished sentences (news puts the facts first; a dek
or line cut off without its full stop is no sentence to brief with), then greedily
add the sentence that brings the summary's own centroid closest to it, skipping one too similar to
a sentence already chosen. A sentence's citation is its own span plus the spans the compare stage
aligned with it in other reports, so a reader sees every outlet that carries it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.brief.leads import leans_back, opinion, opinion_page, unresolved_pronoun
from crosswire.brief.sentences import sentences_of
from crosswire.model import Analysis, BriefSentence, Citation, Comparison, Report

Embed = Callable[[list[str]], np.ndarray]

_WORD = re.compile(r"\w+")
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that he she they we i you his her their our not has have had will would said says".split()
)


def tfidf_rows(texts: Sequence[str]) -> np.ndarray:
    """Unit TF-IDF rows over the story's own sentences (idf from the story), for the lexical centroid.

    MiniLM knows what a sentence means; the story's characteristic words (names, numbers) are what a
    reader scans a brief for, and the embedding blurs them.
    """
    docs = [[w for w in _WORD.findall(t.lower()) if w not in _STOP] for t in texts]
    vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
    df = Counter(w for d in docs for w in set(d))
    mat = np.zeros((len(docs), max(1, len(vocab))), dtype=np.float32)
    for i, d in enumerate(docs):
        for w, c in Counter(d).items():
            mat[i, vocab[w]] = (1 + math.log(c)) * math.log((1 + len(docs)) / (1 + df[w]) + 1.0)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms)


@dataclass(frozen=True)
class SummaryParams:
    """The method's knobs; defaults tuned on AllSides train (see ``bench/briefs.py``)."""

    budget_words: int = 65
    preselect: int = 4
    redundancy: float = 0.8
    relevance: float = 1.0
    position: float = 0.3
    lexical: float = 2.0
    quote_penalty: float = 0.05
    # Weight of a statement's corroboration (the share of the story's other outlets the comparison
    # aligned with it). bench/briefs.py briefs without a comparison, so it does not move ROUGE there.
    support: float = 0.2
    balanced: bool = True
    min_words: int = 8
    # Share of a candidate's content words already in one chosen sentence above which it repeats that
    # sentence ("agreed on Thursday" / "met in Geneva on Thursday"): MiniLM scores such pairs below
    # ``redundancy`` because the verbs differ, but a reader sees the same names and day twice.
    overlap: float = 0.75
    # One-source stories (most stories at first): TF-IDF rows stand in for MiniLM vectors. Embedding
    # every sentence of a lone report cost more than the rest of ingest together (bench/ingest.py),
    # and with one report there is nothing to balance; bench/briefs.py --single measures both ways.
    embed_single: bool = False


def select(
    candidates: Sequence[int],
    vectors: np.ndarray,
    centroid: np.ndarray,
    lengths: Sequence[int],
    ranks: Sequence[int],
    params: SummaryParams,
    lex: np.ndarray | None = None,
    quoted: Sequence[float] | None = None,
    terms: Sequence[set[str]] | None = None,
    aligned: Sequence[set[int]] | None = None,
    support: Sequence[float] | None = None,
    leads: Sequence[bool] | None = None,
) -> list[int]:
    """Greedy centroid selection over the pre-selected candidate rows, within the word budget.

    ``lex`` (TF-IDF rows) adds a lexical centroid term weighted by ``params.lexical``; ``terms``
    (content words per row) skips a row that mostly repeats a chosen one (``params.overlap``);
    ``aligned`` (the rows the comparison aligned with each row) skips another outlet's wording of a
    chosen row's statement, which the chosen row already cites. ``leads`` marks the rows that may
    open the brief (a reader meets the lead first, and "he revisits his promises" names no one): the
    first pick is one of them whenever a candidate is.
    """
    chosen: list[int] = []
    total = np.zeros_like(centroid)
    use_lex = lex is not None and params.lexical > 0
    lex_centroid = lex.mean(axis=0) if use_lex else None
    lex_total = np.zeros_like(lex_centroid) if use_lex else None
    words = 0
    pool = list(candidates)
    while pool and words < params.budget_words:
        best, best_gain = None, -np.inf
        lead_only = not chosen and leads is not None and any(leads[i] for i in pool)
        for i in pool:
            if lead_only and not leads[i]:  # type: ignore[index]
                continue
            if chosen and float(np.max(vectors[chosen] @ vectors[i])) > params.redundancy:
                continue
            if terms is not None and any(_repeats(terms[i], terms[j], params.overlap) for j in chosen):
                continue
            if aligned is not None and any(i in aligned[j] for j in chosen):
                continue
            summ = total + vectors[i]
            rel = float(summ @ centroid) / (float(np.linalg.norm(summ)) or 1.0)
            gain = params.relevance * rel + params.position * (1.0 - ranks[i] / params.preselect)
            if quoted is not None:
                gain -= params.quote_penalty * quoted[i]
            if support is not None:
                gain += params.support * support[i]
            if use_lex:
                lsum = lex_total + lex[i]
                gain += params.lexical * float(lsum @ lex_centroid) / (float(np.linalg.norm(lsum)) or 1.0)
            if gain > best_gain:
                best, best_gain = i, gain
        if best is None:
            break
        pool.remove(best)
        if words and words + lengths[best] > params.budget_words * 1.25:
            continue  # would overshoot the budget by far: try a shorter one
        chosen.append(best)
        total = total + vectors[best]
        if use_lex:
            lex_total = lex_total + lex[best]
        words += lengths[best]
    return chosen


def summarize(
    items: Sequence[tuple[Report, Analysis]],
    comparison: Comparison | None,
    embed: Embed,
    params: SummaryParams = SummaryParams(),
    decks: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> tuple[BriefSentence, ...]:
    """The cited summary of one story; syndicated copies count once (only their origin is read).

    ``decks`` gives each report's headline and deck lines at the top of its body (the clean stage's
    ``deck_lines``): they say what the headline says, in headline grammar, and are no summary
    sentences ("States set records; GOP's close contest helps bring them out.")."""
    copies = comparison.copies if comparison else {}
    cites: list[Citation] = []
    ranks: list[int] = []
    finished_ranks: list[int] = []
    for report, analysis in items:
        if report.id in copies:
            continue
        top = (decks or {}).get(report.id, ())
        sents = [
            c
            for c in sentences_of(report, analysis, params.min_words)
            if not any(a <= c.start and c.end <= b for a, b in top)
        ]
        cites.extend(sents)
        ranks.extend(range(len(sents)))
        finished_ranks.extend(_finished_ranks(sents, params.preselect))
    if not cites:
        return ()
    # a line without its full stop (a dek or lead cut off mid-sentence, a truncated last line) is no
    # brief sentence, and the report's first finished sentences are the ones pre-selected; only a
    # story with no finished sentence at all is briefed from its fragments
    if any(r < params.preselect for r in finished_ranks):
        ranks = finished_ranks
    texts = [c.text for c in cites]
    lex = tfidf_rows(texts) if params.lexical > 0 else None
    if len({c.report_id for c in cites}) == 1 and not params.embed_single:
        vectors = lex if lex is not None else tfidf_rows(texts)
    else:
        vectors = embed(texts)
    if params.balanced:  # every outlet weighs the same, however long its report
        owners = [c.report_id for c in cites]
        centroid = np.mean(
            [
                vectors[[i for i, o in enumerate(owners) if o == rid]].mean(axis=0)
                for rid in dict.fromkeys(owners)
            ],
            axis=0,
        )
    else:
        centroid = vectors.mean(axis=0)
    centroid = centroid / (float(np.linalg.norm(centroid)) or 1.0)
    candidates = [i for i, r in enumerate(ranks) if r < params.preselect]
    # a writer's own "X should cut ties with Y" (a reader's letter, an op-ed line) is an opinion, not
    # a fact to brief as the story's (trial 8, finding 7); someone's attributed view still is news
    views = {r.id for r, _ in items if opinion_page(r.body)}
    stated = [i for i in candidates if not opinion(cites[i].text) and cites[i].report_id not in views]
    candidates = stated or candidates
    lengths = [len(_WORD.findall(c.text)) for c in cites]
    quoted = [_quoted_share(c.text) for c in cites]
    terms = [content(c.text) for c in cites]
    aligned = _aligned_rows(cites, comparison)
    owners = len({copies.get(c.report_id, c.report_id) for c in cites})

    analyses = {r.id: a for r, a in items}

    def backed(cite: Citation) -> int:
        """Independent reports carrying the statement (its own and those aligned with it)."""
        return len({copies.get(c.report_id, c.report_id) for c in _citations(cite, comparison, analyses)})

    # share of the other outlets that carry it too: a fact-checker's brief leans on corroborated facts
    support = [(backed(c) - 1) / max(1, owners - 1) for c in cites] if comparison else None
    leads = [not unresolved_pronoun(c.text) and not leans_back(c.text) for c in cites]
    chosen = select(
        candidates, vectors, centroid, lengths, ranks, params, lex, quoted, terms, aligned, support, leads
    )
    return tuple(BriefSentence(cites[i].text, _citations(cites[i], comparison, analyses)) for i in chosen)


_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*$")


def _finished_ranks(sents: Sequence[Citation], never: int) -> list[int]:
    """Each finished sentence's place among its report's finished ones; ``never`` for a fragment."""
    out, place = [], 0
    for c in sents:
        done = _finished(c.text)
        out.append(place if done else never)
        place += done
    return out


def _finished(text: str) -> bool:
    """Ends like a sentence (full stop, question or exclamation mark, maybe inside a closing quote)."""
    return bool(_FINISHED.search(text.rstrip()))


def content(text: str) -> set[str]:
    """Lowercase words that carry content (names, numbers, verbs), for the repeat test."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _repeats(candidate: set[str], chosen: set[str], share: float) -> bool:
    """Most of the candidate's words are already in a chosen sentence: it would say that again."""
    return bool(candidate) and len(candidate & chosen) / len(candidate) >= share


def _quoted_share(text: str) -> float:
    """Share of a sentence inside quote marks: a brief states facts, opinions go to who-said-what."""
    inside = sum(len(m.group(0)) for m in _QUOTED.finditer(text))
    return min(1.0, inside / max(1, len(text)))


def _citations(
    own: Citation, comparison: Comparison | None, analyses: Mapping[str, Analysis] | None = None
) -> tuple[Citation, ...]:
    """The sentence's own span first, then every span aligned with it in other reports that backs it
    (``_backs``): a citation is support for the claim, not a pointer to a similar sentence."""
    out = [own]
    for al in comparison.alignments if comparison else ():
        if any(_overlaps(own, m) for m in al.members):
            out.extend(
                m
                for m in al.members
                if m.report_id != own.report_id and m not in out and _backs(m, own, comparison, analyses)
            )
    return tuple(out)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    return {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}


def _backs(
    other: Citation, own: Citation, comparison: Comparison | None, analyses: Mapping[str, Analysis] | None
) -> bool:
    """Whether an aligned span says what ``own`` says: not when the two name different places (a
    Missouri win, an Ohio win), give numbers none of which agree, or the comparison found them
    contradicting each other, or quote different words (a tweet's question, and a statement the same
    man issued the night before: trial 8, finding 7). Alignment is loose (paraphrase), and a lead "won the Missouri primary"
    cited "has won the primary in Ohio" from two other reports (trial 7, finding 6)."""
    mine_at, theirs_at = (analyses or {}).get(own.report_id), (analyses or {}).get(other.report_id)
    if mine_at is not None and theirs_at is not None:
        here, there = mine_at.places_in(own.start, own.end), theirs_at.places_in(other.start, other.end)
        if here and there and not here & there:
            return False
    mine, theirs = _numbers(own.text), _numbers(other.text)
    if mine and theirs and not mine & theirs:
        return False
    if not _same_quotation(own.text, other.text):
        return False
    for c in comparison.contradictions if comparison else ():
        if any(_overlaps(own, m) for m in c.members) and any(_overlaps(other, m) for m in c.members):
            return False
    return True


# content words each side must quote before the quotations are compared; a shorter partial quote
# ("radical Islam") is a phrase many statements share
_QUOTE_WORDS = 3
_SAME_QUOTE = 0.5


def _same_quotation(a: str, b: str) -> bool:
    """Two sentences that both quote someone quote the same words: half the shorter quotation's
    content words are in the other's. One that quotes nobody may paraphrase the other."""
    qa = content(" ".join(m.group(0) for m in _QUOTED.finditer(a)))
    qb = content(" ".join(m.group(0) for m in _QUOTED.finditer(b)))
    if len(qa) < _QUOTE_WORDS or len(qb) < _QUOTE_WORDS:
        return True
    return len(qa & qb) / min(len(qa), len(qb)) >= _SAME_QUOTE


def _aligned_rows(cites: Sequence[Citation], comparison: Comparison | None) -> list[set[int]]:
    """For each sentence, the other sentences the comparison aligned with it (the same statement)."""
    out: list[set[int]] = [set() for _ in cites]
    by_report: dict[str, list[int]] = {}
    for i, c in enumerate(cites):
        by_report.setdefault(c.report_id, []).append(i)
    for al in comparison.alignments if comparison else ():
        rows = {i for m in al.members for i in by_report.get(m.report_id, ()) if _overlaps(cites[i], m)}
        for i in rows:
            out[i] |= rows - {i}
    return out


def _overlaps(a: Citation, b: Citation) -> bool:
    return a.report_id == b.report_id and a.start < b.end and b.start < a.end
