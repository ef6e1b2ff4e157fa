"""Story clustering bench: BCubed P/R/F1 on ECB+ (event and topic level) and AllSides, plus speed at 100k.

Run: ``.venv/bin/python bench/stories.py [--quick] [--allsides-limit N] [--synthetic N]``.
Reads the corpus from ``../shared/corpus`` (never copied into the repo). Reports are fed to
``StoryIndex.add`` one at a time, in file order and in shuffled orders (ECB+ has no dates).
Features (spaCy NER + MiniLM) are computed once per run and kept in memory only.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from crosswire.model import Analysis, Entity, Mention, Report
from crosswire.stories import StoryFeatures, StoryIndex

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
    keep = {"tok2vec", "ner"}  # stories need entities (and the times built on them), not the parse
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


def cluster(
    feats: Sequence[StoryFeatures], order: Sequence[int] | None = None, **kw: float
) -> dict[str, str]:
    """Feed features one by one; returns report id -> final story id (merges followed)."""
    index = StoryIndex(**kw)
    for i in order if order is not None else range(len(feats)):
        index.add(feats[i])
    return {rid: s.id for s in index.stories() for rid in s.report_ids}


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

    from crosswire.stories.score import FEATURES

    xs: list[list[float]] = []
    ys: list[int] = []
    for feats, gold in sets:
        a, b = training_pairs(feats, gold)
        xs += a
        ys += b
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight=None)
    model.fit(np.array(xs), np.array(ys))
    weights = {k: round(float(w), 3) for k, w in zip(FEATURES, model.coef_[0], strict=True)}
    return weights, round(float(model.intercept_[0]), 3)
