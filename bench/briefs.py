"""ROUGE of crosswire's briefs against AllSides editor summaries, next to LexRank in the same run.

Each AllSides story is a few outlets' reports (``TITLE=> … ARTICLE=> …`` joined by ``[SEP]``) and
a neutral editor summary. Both systems get the same sentences (a rule sentencizer) and the same
word budget; scores are ROUGE-1/2/L F1 (rouge-score, stemming) against the summary's article part.

    python bench/briefs.py                 # val, all stories
    python bench/briefs.py --split train --limit 300 --budget 60

Tune on train; report val.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from crosswire.brief import SummaryParams, make_brief
from crosswire.brief.embed import embed as minilm_embed
from crosswire.brief.summary import (
    _STOP,  # LexRank sees the same stop words as crosswire
    sentences_of,
)
from crosswire.clean.deck import deck_lines
from crosswire.model import Analysis, Report

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "briefs-allsides"
_FIELDS = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.S)
_TOKEN = re.compile(r"[a-z0-9]+")

Story = tuple[list[tuple[str, str]], str]


def load(split: str = "val", limit: int | None = None) -> list[Story]:
    """Stories of one split: (reports as (title, article), editor summary text)."""
    src = (CORPUS / f"{split}.source").read_text(encoding="utf-8").splitlines()
    tgt = (CORPUS / f"{split}.target").read_text(encoding="utf-8").splitlines()
    out = []
    for s, t in list(zip(src, tgt, strict=True))[:limit]:
        reports = []
        for part in s.split("[SEP]"):
            m = _FIELDS.search(part)
            if m and m.group(2).strip():
                reports.append((m.group(1).strip(), m.group(2).strip()))
        m = _FIELDS.search(t)
        if reports:
            out.append((reports, (m.group(2) if m else t).strip()))
    return out


@functools.cache
def _sentencizer():  # noqa: ANN202 - spaCy Language
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def items_for(story: Story, index: int) -> list[tuple[Report, Analysis]]:
    """Reports and (sentence-only) analyses for one story."""
    nlp = _sentencizer()
    items = []
    for j, (title, article) in enumerate(story[0]):
        rid = f"s{index}r{j}"
        doc = nlp(article)
        sents = tuple((s.start_char, s.end_char) for s in doc.sents)
        items.append((Report(id=rid, uri=None, title=title, body=article), Analysis(rid, sentences=sents)))
    return items


def _tfidf(sentences: Sequence[str]) -> np.ndarray:
    docs = [[w for w in _TOKEN.findall(s.lower()) if w not in _STOP] for s in sentences]
    vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    mat = np.zeros((n, max(1, len(vocab))), dtype=np.float64)
    for i, d in enumerate(docs):
        for w, c in Counter(d).items():
            mat[i, vocab[w]] = c * math.log((1 + n) / (1 + df[w]) + 1.0)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms)


def lexrank(
    sentences: Sequence[str], budget: int, *, threshold: float = 0.1, damping: float = 0.85
) -> list[str]:
    """LexRank (Erkan & Radev 2004): TF-IDF cosine graph cut at ``threshold``, PageRank by power iteration.

    Sentences are taken by score until the word budget is reached, skipping near-repeats (cosine
    > 0.5), the same budget and redundancy handling crosswire gets.
    """
    if not sentences:
        return []
    vec = _tfidf(sentences)
    sim = vec @ vec.T
    adj = (sim > threshold).astype(np.float64)
    deg = adj.sum(axis=1, keepdims=True)
    trans = adj / np.where(deg == 0, 1.0, deg)
    n = len(sentences)
    p = np.full(n, 1.0 / n)
    for _ in range(100):
        nxt = (1 - damping) / n + damping * trans.T @ p
        if np.abs(nxt - p).sum() < 1e-8:
            p = nxt
            break
        p = nxt
    chosen: list[int] = []
    words = 0
    for i in np.argsort(-p, kind="stable"):
        if words >= budget:
            break
        if any(sim[i, j] > 0.5 for j in chosen):
            continue
        length = len(sentences[i].split())
        if words and words + length > budget * 1.25:
            continue
        chosen.append(int(i))
        words += length
    return [sentences[i] for i in chosen]


def run(
    split: str = "val",
    limit: int | None = None,
    params: SummaryParams | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    *,
    single: bool = False,
) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F1 (x100) of crosswire and LexRank over a split (``single``: first report only)."""
    from rouge_score import rouge_scorer

    params = params or SummaryParams()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    totals = {"crosswire": Counter(), "lexrank": Counter()}
    stories = load(split, limit)
    all_items = [items_for(story, i)[: 1 if single else None] for i, story in enumerate(stories)]
    if embed is None:  # one batched pass over every sentence is far faster than a call per story
        texts = list({c.text: None for items in all_items for r, a in items for c in sentences_of(r, a)})
        table = dict(zip(texts, minilm_embed(texts), strict=True))

        def embed(batch: list[str]) -> np.ndarray:
            return np.stack([table[t] for t in batch]) if batch else np.zeros((0, 384), np.float32)

    for story, items in zip(stories, all_items, strict=True):
        brief = make_brief(
            items, None, embed=embed, params=params, decks={r.id: deck_lines(r) for r, _ in items}
        )
        ours = " ".join(s.text for s in brief.sentences)
        sents = [
            r.body[s:e].strip()
            for r, a in items
            for s, e in a.sentences
            if len(r.body[s:e].split()) >= params.min_words
        ]
        theirs = " ".join(lexrank(sents, params.budget_words))
        for name, text in (("crosswire", ours), ("lexrank", theirs)):
            for key, score in scorer.score(story[1], text).items():
                totals[name][key] += score.fmeasure
    n = max(1, len(stories))
    result = {name: {k: round(100 * v / n, 2) for k, v in t.items()} for name, t in totals.items()}
    result["stories"] = {"n": len(stories)}
    return result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="val", choices=["train", "val"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--budget", type=int, default=None, help="words per brief (default: SummaryParams)")
    ap.add_argument(
        "--single",
        action="store_true",
        help="brief each story's first report alone, with TF-IDF rows and with MiniLM vectors",
    )
    args = ap.parse_args(argv)
    params = SummaryParams() if args.budget is None else SummaryParams(budget_words=args.budget)
    runs = [("", params)]
    if args.single:
        runs = [(" tf-idf", params), (" minilm", dataclasses.replace(params, embed_single=True))]
    for label, p in runs:
        t0 = time.perf_counter()
        res = run(args.split, args.limit, p, single=args.single)
        took = time.perf_counter() - t0
        what = "first report of each of" if args.single else ""
        print(
            f"AllSides {args.split}{label}: {what} {res['stories']['n']} stories, "
            f"budget {p.budget_words} words, {took:.1f}s"
        )
        print(f"{'system':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
        for name in ("crosswire", "lexrank"):
            r = res[name]
            print(f"{name:<10} {r['rouge1']:>6.2f} {r['rouge2']:>6.2f} {r['rougeL']:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
