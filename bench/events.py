"""Event-coding quality on the PLOVER gold standard records (``../shared/corpus/events-plover``).

Each of the 322 coded sentences is run through the analyze stage's own time and event extractors
(same spaCy pipeline, same canonical entities); the sentence's predicted category is that of its
main event (nearest the root), folded to the gold's PLOVER categories (VISIT -> CONSULT, ACCUSE ->
DISAPPROVE, SEIZE -> COERCE). Actors are scored by token overlap with the gold ``actorText``s,
demonyms folded into their country on both sides ("Israeli" and "Israel" are one word).

The lexicon was written from the PLOVER/CAMEO category definitions, not fitted to these sentences;
still, this file is the only event gold there is, so the figure is a development figure.

    .venv/bin/python bench/events.py [corpus_dir]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "events-plover"
GOLD_FILE = "PLOVER_GSR_CAMEO.json"
_STOP = frozenset({"the", "of", "and", "a", "an", "'s", "s"})


def load_gold(corpus: Path = CORPUS) -> list[dict]:
    """The coded sentences (DOCUMENT records dropped)."""
    records = json.loads((corpus / GOLD_FILE).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def _actor_texts(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def _words(text: str) -> set[str]:
    """Content words, a demonym folded into its country's words on both sides, so a predicted
    "Israel" meets the gold "Israeli army" (the gold's own country code says they are one party)."""
    from crosswire.analyze.demonyms import country_of

    words: set[str] = set()
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        country = country_of(word)
        words.update(country.lower().split() if country else [word])
    return words - _STOP


def _overlap(predicted: list[str], gold: list[str]) -> tuple[int, int, int, int]:
    """(predicted matched, predicted, gold matched, gold) by shared content words."""
    pred_words = [_words(p) for p in predicted]
    gold_words = [_words(g) for g in gold]
    p_hit = sum(1 for p in pred_words if any(p & g for g in gold_words))
    g_hit = sum(1 for g in gold_words if any(g & p for p in pred_words))
    return p_hit, len(pred_words), g_hit, len(gold_words)


def _entities(doc):  # noqa: ANN001, ANN202 - spaCy Doc in, Entity list out
    """The pipeline's canonical entities (the same ones analyze hands to extract_events)."""
    from crosswire.analyze.entities import canonical_entities

    return canonical_entities(doc)


def run(corpus: Path = CORPUS) -> dict:
    """Score every gold sentence; returns overall and per-category figures."""
    from crosswire.analyze import events, time
    from crosswire.analyze.nlp import load
    from crosswire.analyze.plover import COARSE

    gold = load_gold(corpus)
    nlp = load()
    per_cat: dict[str, Counter] = {}
    confusions: Counter = Counter()
    src = [0, 0, 0, 0]
    tar = [0, 0, 0, 0]
    correct = 0
    for record, doc in zip(gold, nlp.pipe(r["text"] for r in gold), strict=True):
        times = time.resolve_times(doc, record.get("date"))
        event = events.main_event(doc, _entities(doc), times)
        predicted = COARSE.get(event.kind, event.kind) if event else "NONE"
        truth = record["event"]
        stats = per_cat.setdefault(truth, Counter())
        stats["n"] += 1
        if predicted == truth:
            stats["correct"] += 1
            correct += 1
        else:
            confusions[(truth, predicted)] += 1
        for acc, pred, gold_texts in (
            (src, list(event.actors) if event else [], _actor_texts(record.get("source"))),
            (tar, list(event.targets) if event else [], _actor_texts(record.get("target"))),
        ):
            for i, value in enumerate(_overlap(pred, gold_texts)):
                acc[i] += value

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    both = [s + t for s, t in zip(src, tar, strict=True)]
    return {
        "n": len(gold),
        "category_accuracy": ratio(correct, len(gold)),
        "macro_recall": round(sum(ratio(c["correct"], c["n"]) for c in per_cat.values()) / len(per_cat), 4),
        "per_category": {k: (v["correct"], v["n"]) for k, v in sorted(per_cat.items())},
        "confusions": confusions.most_common(12),
        "source_precision": ratio(src[0], src[1]),
        "source_recall": ratio(src[2], src[3]),
        "target_precision": ratio(tar[0], tar[1]),
        "target_recall": ratio(tar[2], tar[3]),
        "actor_precision": ratio(both[0], both[1]),
        "actor_recall": ratio(both[2], both[3]),
    }


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else CORPUS
    if not (corpus / GOLD_FILE).exists():
        print(f"no PLOVER gold at {corpus}")
        return 1
    figures = run(corpus)
    print(f"PLOVER GSR: {figures['n']} sentences")
    print(
        f"category accuracy {figures['category_accuracy']:.3f}   macro recall {figures['macro_recall']:.3f}"
    )
    print(f"{'category':<12}{'n':>5}{'correct':>9}{'acc':>7}")
    for cat, (ok, n) in figures["per_category"].items():
        print(f"{cat:<12}{n:>5}{ok:>9}{ok / n:>7.2f}")
    print("actors (token overlap)   precision  recall")
    for role in ("source", "target", "actor"):
        print(f"  {role:<22}{figures[role + '_precision']:>9.3f}{figures[role + '_recall']:>8.3f}")
    print("most frequent confusions (gold -> predicted):")
    for (truth, pred), count in figures["confusions"]:
        print(f"  {truth:>11} -> {pred:<11} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
