"""Story clustering bench: BCubed P/R/F1 on ECB+ (event and topic level), AllSides and dated PolNeAR
coverage (``stories_dated.py``), plus speed at 100k.

Run: ``.venv/bin/python bench/stories.py [--quick] [--allsides-limit N] [--synthetic N] [--cache DIR]``.
Reads the corpus from ``../shared/corpus`` (never copied into the repo). Reports are fed to
``StoryIndex.add`` one at a time, in file order and in shuffled orders (ECB+ has no dates).
Features (spaCy NER + MiniLM) are computed once per run and kept in memory only, unless ``--cache``
names a folder: then the spaCy analyses and MiniLM vectors are pickled there per corpus (10-20 min
of work for AllSides) and the features are re-derived from them in seconds, so scoring and feature
code can be iterated on. Off by default; nothing else (tests, CI) reads the cache.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import html
import json
import os
import pickle
import random
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from crosswire.model import Analysis, Entity, Mention, Report
from crosswire.stories import StoryFeatures, StoryIndex, embed, story_features
from crosswire.stories.consolidate import consolidate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
ECB = CORPUS / "stories-ecbplus"
ALLSIDES = CORPUS / "briefs-allsides"

_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_GLUE = re.compile(r" (?=[.,:;!?%)\]]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b)|(?<=[(\[$]) ")


def _detok(tokens: Sequence[str]) -> str:
    """Rebuild readable text from ECB+ tokens (the XML holds tokens, not the original string)."""
    words = ['"' if t in ("``", "''") else html.unescape(t) for t in tokens]
    return _GLUE.sub("", " ".join(words))


def load_ecb(split: str | None = None) -> list[tuple[Report, str, str]]:
    """(report, topic, subtopic) in file order; sentence 0 of an ECB+ 'plus' file is its URL, dropped."""
    rows = []
    for line in (ECB / "doc_clusters.tsv").read_text().splitlines()[1:]:
        name, topic, sub, sp = line.split("\t")
        if split is None or sp == split:
            rows.append((name, topic, sub))
    out = []
    for name, topic, sub in rows:
        xml = (ECB / "ECB+" / topic / name).read_text(encoding="utf-8")
        sents: dict[int, list[str]] = defaultdict(list)
        for sid, tok in _TOKEN.findall(xml):
            sents[int(sid)].append(tok)
        order = sorted(sents)
        if name.endswith("ecbplus.xml") and order and order[0] == 0:
            order = order[1:]
        lines = [_detok(sents[k]) for k in order]
        if not lines:
            continue
        report = Report(id=name, uri=None, title=lines[0], body="\n\n".join(lines[1:]) or lines[0])
        out.append((report, topic, sub))
    return out


def load_allsides(
    splits: Sequence[str] = ("train", "val"), limit: int | None = None
) -> list[tuple[Report, str]]:
    """(report, story key): each line of ``*.source`` is one story, its reports joined by [SEP]."""
    out = []
    n_story = 0
    for split in splits:
        for i, line in enumerate((ALLSIDES / f"{split}.source").read_text(encoding="utf-8").splitlines()):
            if limit is not None and n_story >= limit:
                break
            n_story += 1
            for j, part in enumerate(p.strip() for p in line.split("[SEP]")):
                if not part:
                    continue
                m = re.match(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part, re.S)
                title, body = (m.group(1), m.group(2)) if m else (None, part)
                body = body.strip() or (title or "")
                out.append((Report(id=f"{split}-{i}-{j}", uri=None, title=title, body=body), f"{split}-{i}"))
    return out


def analyses_for(reports: Sequence[Report]) -> list[Analysis]:
    """Entities (and resolved times where the analyze stage has them) for each report."""
    try:  # the analyze stage is being written alongside; use what of it imports today
        from crosswire.analyze.nlp import load

        nlp = load()
    except ImportError:
        import spacy

        from crosswire import settings

        nlp = spacy.load(settings.get("spacy_model"))
    try:
        from crosswire.analyze.entities import canonical_entities  # type: ignore[attr-defined]
    except ImportError:
        canonical_entities = None
    try:
        from crosswire.analyze.time import resolve_times
    except ImportError:
        resolve_times = None
    texts = [f"{r.title}\n\n{r.body}" if r.title else r.body for r in reports]
    out = []
    # Stories need entities and times. Without a published date only dates that name their own year
    # resolve ("February 1, 2009"), and those need no parse; the parse (for "will meet" futures) only
    # pays off for dated reports (neither bench corpus has dates).
    dated = any(r.published for r in reports)
    parse = {"tagger", "parser", "attribute_ruler", "lemmatizer", "crosswire_paragraph_breaks"}
    keep = {"tok2vec", "ner"} | (parse if dated else set())
    off = [name for name in nlp.pipe_names if name not in keep]
    for report, doc in zip(reports, nlp.pipe(texts, batch_size=32, disable=off), strict=True):
        ents = tuple(canonical_entities(doc)) if canonical_entities is not None else _fallback_entities(doc)
        times = tuple(resolve_times(doc, report.published)) if resolve_times else ()
        out.append(Analysis(report_id=report.id, entities=ents, times=times))
    return out


def _fallback_entities(doc) -> tuple[Entity, ...]:  # type: ignore[no-untyped-def]
    by_id: dict[str, tuple[str, str, list[Mention]]] = {}
    for ent in doc.ents:
        name = re.sub(r"^(the|a)\s+", "", ent.text.strip(), flags=re.I).removesuffix("'s")
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if not slug:
            continue
        _, kind, mentions = by_id.setdefault(slug, (name, ent.label_, []))
        mentions.append(Mention(slug, ent.start_char, ent.end_char, ent.text))
    return tuple(Entity(i, n, k, mentions=tuple(m)) for i, (n, k, m) in by_id.items())


def _text_key(report: Report) -> str:
    return hashlib.sha1(f"{report.id}\0{report.title}\0{report.body}".encode()).hexdigest()


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    if path.is_file():
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache, written by this script
    return {}


def _dump(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def features_for(reports: Sequence[Report], cache: Path | None = None, name: str = "") -> list[StoryFeatures]:
    """``story_features`` of ``reports``; with ``cache``, spaCy analyses and MiniLM vectors are reused
    from (and added to) ``cache/<name>-analyses-v2.pkl`` and ``cache/<name>-vectors.pkl``."""
    if cache is None:
        return story_features(reports, analyses_for(reports))
    a_path, v_path = cache / f"{name}-analyses-v2.pkl", cache / f"{name}-vectors.pkl"
    known: dict[str, Analysis] = _load(a_path)
    keys = [_text_key(r) for r in reports]
    todo = [r for r, k in zip(reports, keys, strict=True) if k not in known]
    if todo:
        for r, a in zip(todo, analyses_for(todo), strict=True):
            known[_text_key(r)] = a
        _dump(a_path, known)
    vectors: dict[str, np.ndarray] = _load(v_path)

    def memo_embed(texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in vectors))
        if missing:
            vectors.update(zip(missing, embed.embed(missing), strict=True))
            _dump(v_path, vectors)
        return np.stack([vectors[t] for t in texts]) if texts else embed.embed([])

    return story_features(reports, [known[k] for k in keys], embedder=memo_embed)


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering (item -> cluster id) against gold."""
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for item, c in pred.items():
        pc[c].add(item)
    for item, c in gold.items():
        gc[c].add(item)
    p = r = 0.0
    for item in gold:
        same_p = pc[pred[item]]
        same_g = gc[gold[item]]
        both = len(same_p & same_g)
        p += both / len(same_p)
        r += both / len(same_g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def separability(
    feats: Sequence[StoryFeatures], gold: dict[str, str], chunk: int = 1024, multi_only: bool = False
) -> float:
    """Share of reports whose most similar other report (TF-IDF cosine over their terms, idf from the
    set) is of their own gold story. Not a bound, but a plain measure of how far text similarity can
    go on a set: where a report's nearest neighbour is another story's a third of the time, no
    clustering on text alone can reach a high BCubed precision. ``multi_only`` counts only the reports
    whose gold story has others (where most reports are stories of their own, as in dated coverage)."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        for t, w in f.terms:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(1.0 + np.log(w) if w >= 1 else w)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), max(1, len(vocab))))
    df = np.bincount(cols, minlength=x.shape[1])
    x = x.multiply(np.log((len(feats) + 1) / (df + 1)) + 1).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    x = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ x
    labels = np.array([gold[f.report_id] for f in feats])
    sizes = Counter(labels.tolist())
    counted = np.array([not multi_only or sizes[label] > 1 for label in labels])
    same = 0
    for start in range(0, len(feats), chunk):
        sims = (x[start : start + chunk] @ x.T).toarray()
        sims[np.arange(sims.shape[0]), np.arange(start, start + sims.shape[0])] = -1.0
        hit = labels[sims.argmax(axis=1)] == labels[start : start + sims.shape[0]]
        same += int(np.sum(hit & counted[start : start + sims.shape[0]]))
    return round(same / max(1, int(counted.sum())), 3)


def cluster(
    feats: Sequence[StoryFeatures], order: Sequence[int] | None = None, **kw: float
) -> dict[str, str]:
    """Feed features one by one; returns report id -> final story id (merges followed)."""
    return cluster_index(feats, order, **kw)[0]


def cluster_index(
    feats: Sequence[StoryFeatures],
    order: Sequence[int] | None = None,
    *,
    batch: int = 0,
    online: dict[str, str] | None = None,
    **kw: float,
) -> tuple[dict[str, str], StoryIndex]:
    """Like ``cluster``, and the index itself (for its topic grouping).

    As the pipeline does after each ingest, small stories are consolidated: once at the end (the
    set as one batch), or every ``batch`` reports. ``online``, when given, receives the grouping
    before any consolidation, so the bench can show what the second look adds."""
    index = StoryIndex(**kw)
    by_id = {f.report_id: f for f in feats}

    def features_of(ids: Sequence[str]) -> list[StoryFeatures]:
        return [by_id[i] for i in ids]

    for n, i in enumerate(order if order is not None else range(len(feats)), 1):
        index.add(feats[i])
        if batch and n % batch == 0:
            consolidate(index, features_of)
    if online is not None and not batch:
        online.update({rid: s.id for s in index.stories() for rid in s.report_ids})
    consolidate(index, features_of)
    return {rid: s.id for s in index.stories() for rid in s.report_ids}, index


def topic_clusters(pred: dict[str, str], index: StoryIndex) -> dict[str, str]:
    """Report id -> topic id: the index's coarse grouping of its stories."""
    topic = index.topics()
    return {rid: topic[sid] for rid, sid in pred.items()}


def training_pairs(
    feats: Sequence[StoryFeatures], gold: dict[str, str], order: Sequence[int] | None = None
) -> tuple[list[list[float]], list[int]]:
    """Teacher-forced (features, same-story?) pairs: each report meets the candidates the index retrieves,
    then is placed in its gold story, so the model learns from the situations it will face online."""
    from crosswire.stories.score import FEATURES

    index = StoryIndex()
    xs: list[list[float]] = []
    ys: list[int] = []
    for i in order if order is not None else range(len(feats)):
        f = feats[i]
        want = gold[f.report_id]
        for state, _, x in index.explain(f):
            xs.append([x[k] for k in FEATURES])
            ys.append(int(state.id == want))
        index.restore([(f, want)])
    return xs, ys


def fit(sets: Sequence[tuple[Sequence[StoryFeatures], dict[str, str]]]) -> tuple[dict[str, float], float]:
    """Logistic weights for ``score.WEIGHTS`` from gold clusterings (train splits only)."""
    from sklearn.linear_model import LogisticRegression

    from crosswire.stories.score import BY_HAND, FEATURES

    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    for feats, gold in sets:
        # a shuffled order, as the reports of one AllSides story sit together in file order; each
        # set weighs the same in total, so AllSides' ten times more pairs do not swamp ECB+
        a, b = training_pairs(feats, gold, _orders(len(feats), 1)[1][1])
        xs += a
        ys += b
        ws += [1.0 / max(1, len(b))] * len(b)
    model = LogisticRegression(C=1.0, max_iter=5000, class_weight=None)
    fitted = [i for i, k in enumerate(FEATURES) if k not in BY_HAND]
    sample = np.array(ws) / np.mean(ws)
    model.fit(np.array(xs)[:, fitted], np.array(ys), sample_weight=sample)
    weights = {FEATURES[i]: round(float(w), 3) for i, w in zip(fitted, model.coef_[0], strict=True)}
    return weights, round(float(model.intercept_[0]), 3)


def join_pairs(
    sets: Sequence[tuple[Sequence[StoryFeatures], dict[str, str]]], weights: dict[str, float], bias: float
) -> tuple[list[list[float]], list[int]]:
    """Teacher-forced join-or-new situations: the best-ranked story is the right one (1) or not (0,
    which includes every report whose gold story does not exist yet: the runner-up negatives)."""
    from crosswire.stories.score import JOIN_FEATURES

    xs: list[list[float]] = []
    ys: list[int] = []
    for feats, gold in sets:
        index = StoryIndex(weights=weights, bias=bias)
        for f in feats:
            want = gold[f.report_id]
            x = index.join_evidence(index.explain(f))
            if x is not None:
                xs.append([x[k] for k in JOIN_FEATURES])
                ys.append(int(index.resolve(index.explain(f)[0][0].id) == want))
            index.restore([(f, want)])
    return xs, ys


def fit_join(
    sets: Sequence[tuple[Sequence[StoryFeatures], dict[str, str]]], weights: dict[str, float], bias: float
) -> tuple[dict[str, float], float]:
    """Logistic weights for ``score.JOIN_WEIGHTS`` given the ranking model ``weights``/``bias``."""
    from sklearn.linear_model import LogisticRegression

    from crosswire.stories.score import JOIN_FEATURES

    xs, ys = join_pairs(sets, weights, bias)
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(np.array(xs), np.array(ys))
    coef = {k: round(float(w), 3) for k, w in zip(JOIN_FEATURES, model.coef_[0], strict=True)}
    return coef, round(float(model.intercept_[0]), 3)


def synthetic(n: int, seed: int = 0) -> list[tuple[StoryFeatures, str]]:
    """``n`` stored reports in ~n/3 stories over a year: unit vectors around story centres, Zipf-drawn
    entities and terms (a few very common, most rare, as in news), dates rising through the stream."""
    import datetime as dt

    rng = np.random.default_rng(seed)
    n_stories = max(1, n // 3)
    centres = rng.normal(size=(n_stories, 384)).astype(np.float32)
    story_of = np.sort(rng.integers(0, n_stories, size=n))
    ents = rng.zipf(1.3, size=(n, 8)) % 50_000
    terms = rng.zipf(1.2, size=(n, 30)) % 200_000
    kinds = ("PERSON", "GPE", "ORG")
    day0 = dt.date(2030, 1, 1).toordinal()
    out = []
    for i in range(n):
        s = int(story_of[i])
        v = centres[s] + 0.6 * rng.normal(size=384).astype(np.float32)
        v /= np.linalg.norm(v)
        f = StoryFeatures(
            report_id=f"r{i}",
            title=f"synthetic {i}",
            vector=v,
            terms=tuple((f"w{t}", 1.0) for t in dict.fromkeys(terms[i].tolist())),
            entities=tuple((f"e{e}", kinds[e % 3], 1.0) for e in dict.fromkeys(ents[i].tolist())),
            date=dt.date.fromordinal(day0 + s * 365 // n_stories).isoformat(),
            name=f"synthetic {i}",
        )
        out.append((f, f"st-{s}"))
    return out


def _time_adds(index: StoryIndex, feats: Sequence[StoryFeatures]) -> list[float]:
    times = []
    for f in feats:
        t = time.perf_counter()
        index.add(f)
        times.append((time.perf_counter() - t) * 1000)
    return sorted(times)


def _rss_mb() -> float:
    """Resident memory now (Linux /proc), so the index's size is measured without slowing it down."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def speed(n: int = 100_000, probes: int = 300) -> dict[str, float]:
    """Restore ``n`` synthetic reports, then time one more ``add`` (p50/p99 ms), the consolidation that ends
    an ingest (per report added), and the index's memory (RSS growth)."""
    items = synthetic(n + probes)
    stored, fresh = items[:n], [f for f, _ in items[n:]]
    gc.collect()
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    index = StoryIndex()
    index.restore(stored)
    restore_s = time.perf_counter() - t0
    gc.collect()
    mem_mb = _rss_mb() - rss0
    times = _time_adds(index, fresh)
    # the second look an ingest ends with, over the small stories those adds touched
    by_id = {f.report_id: f for f, _ in items}
    t0 = time.perf_counter()
    consolidate(index, lambda ids: [by_id[i] for i in ids])
    consolidate_ms = (time.perf_counter() - t0) * 1000 / len(fresh)
    # worst case: undated reports, compared with every story's centroid
    undated = _time_adds(
        index, [dataclasses.replace(f, report_id=f"u{f.report_id}", date=None) for f in fresh]
    )
    return {
        "n": n,
        "restore_s": round(restore_s, 2),
        "add_p50_ms": round(statistics.median(times), 2),
        "add_p99_ms": round(times[int(0.99 * (len(times) - 1))], 2),
        "undated_add_p50_ms": round(statistics.median(undated), 2),
        "undated_add_p99_ms": round(undated[int(0.99 * (len(undated) - 1))], 2),
        "consolidate_ms_per_report": round(consolidate_ms, 2),
        "index_rss_mb": round(mem_mb, 1),
    }


def _orders(n: int, shuffles: int) -> list[tuple[str, list[int]]]:
    out = [("file", list(range(n)))]
    for seed in range(1, shuffles + 1):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        out.append((f"shuffle{seed}", order))
    return out


def evaluate(
    feats: Sequence[StoryFeatures], golds: dict[str, dict[str, str]], shuffles: int = 2
) -> dict[str, dict[str, float]]:
    """BCubed P/R/F1 per gold level ("topic" from ``StoryIndex.topics``), averaged over file order and ``shuffles`` shuffled orders,
    with the F1 before the closing consolidation; also the throughput of ``add`` (reports/s)."""
    sums: dict[str, list[float]] = {level: [0.0, 0.0, 0.0, 0.0] for level in golds}
    rates = []
    runs = _orders(len(feats), shuffles)
    for _, order in runs:
        t = time.perf_counter()
        online: dict[str, str] = {}
        pred, index = cluster_index(feats, order, online=online)
        rates.append(len(feats) / (time.perf_counter() - t))
        for level, gold in golds.items():
            # "topic" is scored on the topic grouping of stories; every other level on the stories
            mine = topic_clusters(pred, index) if level == "topic" else pred
            for i, v in enumerate(bcubed(mine, gold)):
                sums[level][i] += v / len(runs)
            sums[level][3] += bcubed(online, gold)[2] / len(runs)
    out = {
        level: {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)} for level, (p, r, f, _) in sums.items()
    }
    for level, (*_, before) in sums.items():
        if level != "topic":  # what the consolidation that ends an ingest added
            out[level]["F1_before_consolidation"] = round(before, 3)
    out["speed"] = {"reports_per_s": round(statistics.median(rates), 1)}
    return out


def ecb_features(
    split: str | None, cache: Path | None = None
) -> tuple[list[StoryFeatures], dict[str, str], dict[str, str]]:
    """Features for the ECB+ documents of ``split`` (None: all), with event- and topic-level gold."""
    docs = load_ecb(split)
    reports = [r for r, _, _ in docs]
    feats = features_for(reports, cache, "ecb")
    return feats, {r.id: s for r, _, s in docs}, {r.id: t for r, t, _ in docs}


def ecb_dev_scores(shuffles: int = 2) -> dict[str, dict[str, float]]:
    """What the gate checks: ECB+ dev, event (subtopic) and topic level."""
    feats, sub, top = ecb_features("dev")
    return evaluate(feats, {"event": sub, "topic": top}, shuffles)


def main(argv: Sequence[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="ECB+ dev only, no AllSides, 10k synthetic")
    ap.add_argument("--allsides-limit", type=int, default=None, help="first N AllSides stories only")
    ap.add_argument("--synthetic", type=int, default=100_000, help="stored reports for the speed test")
    ap.add_argument("--fit", action="store_true", help="print logistic weights fitted on the train splits")
    ap.add_argument("--cache", type=Path, default=None, help="folder for pickled analyses and vectors")
    args = ap.parse_args(argv)
    results: dict[str, object] = {}
    if not ECB.is_dir():
        print(f"no corpus at {CORPUS}; nothing to measure")
        return results
    t0 = time.perf_counter()
    split = "dev" if args.quick else None
    feats, sub, top = ecb_features(split, args.cache)
    print(f"ECB+ features: {len(feats)} docs in {time.perf_counter() - t0:.0f}s", flush=True)
    splits = {
        line.split("\t")[0]: line.split("\t")[3]
        for line in (ECB / "doc_clusters.tsv").read_text().splitlines()[1:]
    }
    train_sets = []
    for name in ("train", "dev"):
        part = [f for f in feats if splits[f.report_id] == name]
        if not part:
            continue
        ids = {f.report_id for f in part}
        golds = {
            "event": {k: v for k, v in sub.items() if k in ids},
            "topic": {k: v for k, v in top.items() if k in ids},
        }
        results[f"ecb_{name}"] = evaluate(part, golds)
        results[f"ecb_{name}"]["nearest_same_event"] = separability(part, golds["event"])  # type: ignore[assignment]
        print(f"ECB+ {name}: {json.dumps(results[f'ecb_{name}'])}", flush=True)
        if name == "train":
            train_sets.append((part, golds["event"]))
    if not args.quick and ALLSIDES.is_dir():
        t0 = time.perf_counter()
        docs = load_allsides(limit=args.allsides_limit)
        reports = [r for r, _ in docs]
        afeats = features_for(reports, args.cache, "allsides")
        gold = {r.id: k for r, k in docs}
        print(f"AllSides features: {len(afeats)} reports in {time.perf_counter() - t0:.0f}s", flush=True)
        results["allsides"] = evaluate(afeats, {"story": gold}, shuffles=1)
        results["allsides"]["nearest_same_story"] = separability(afeats, gold)  # type: ignore[assignment]
        print(f"AllSides train+val: {json.dumps(results['allsides'])}", flush=True)
        val = [f for f in afeats if f.report_id.startswith("val")]
        if val:
            vgold = {f.report_id: gold[f.report_id] for f in val}
            results["allsides_val"] = evaluate(val, {"story": vgold}, shuffles=1)
            results["allsides_val"]["nearest_same_story"] = separability(val, vgold)  # type: ignore[assignment]
            print(f"AllSides val alone: {json.dumps(results['allsides_val'])}", flush=True)
        train_sets.append(([f for f in afeats if f.report_id.startswith("train")], gold))
    if not args.quick and (CORPUS / "quotes-polnear").is_dir():
        import stories_dated  # beside this script: dated coverage, the regime of every real ingest

        for name, figures in stories_dated.scores(args.cache).items():
            results[f"polnear_{name}"] = figures
            print(f"PolNeAR dated, {name} half: {json.dumps(figures)}", flush=True)
    if args.fit:
        weights, bias = fit(train_sets)
        print(f"fitted on train splits: WEIGHTS = {weights}; BIAS = {bias}")
        join_w, join_b = fit_join(train_sets, dict(weights), bias)
        print(f"join model on train splits: JOIN_WEIGHTS = {join_w}; JOIN_BIAS = {join_b}")
    n = 10_000 if args.quick else args.synthetic
    if n <= 0:
        return results
    results["speed"] = speed(n)
    print(f"speed at {n} stored reports: {json.dumps(results['speed'])}", flush=True)
    return results


if __name__ == "__main__":
    main()
