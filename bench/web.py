"""Web bench: request latency over a large store, and the fidelity of what the pages show.

Run: ``.venv/bin/python bench/web.py [--reports 100000] [--requests 300] [--rebuild]``.

The store is built from real report text (``../shared/corpus/quotes-polnear``, never copied into the
repo): paragraphs are split out of the articles and recombined across synthetic stories, so each
story's reports share some paragraphs and differ in others, like outlets covering one event. Reports
go straight through ``Store.add_report`` with small synthetic analyses (no spaCy: that would take
hours), stories through ``Store.save_story`` with a digest citing real spans. The built store is kept
in the temp folder between runs (``--rebuild`` makes a new one).

Figures: p50/p99 latency (ms, in-process TestClient, so no network) for the story list (HTML and
JSON), a story page, a search (HTML and JSON); and two quality figures the gate holds at 1.0:
``ok_rate`` (share of requests answered 200) and ``citation_fidelity`` (share of brief citations
whose highlighted segments on the story page spell exactly the cited passage).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from html import unescape
from pathlib import Path
from typing import Any

from crosswire.model import Analysis, Entity, Event, Mention, Quote, Report, Story
from crosswire.store import Store

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "corpus" / "quotes-polnear"
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] + [
    "Wire One",
    "Wire Two",
    "Daily Three",
    "Post Four",
]
KINDS = ("CONSULT", "ACCUSE", "AGREE", "VISIT", "THREATEN")
_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_SEG = re.compile(r'<span class="([^"]*)" data-o="(\d+)"[^>]*>(.*?)</span>', re.S)


def load_paragraphs(limit: int | None = None) -> list[str]:
    """Every paragraph (after the headline) of the PolNeAR articles, train and dev."""
    paras: list[str] = []
    for path in sorted(POLNEAR.glob("*/text/*.txt"))[:limit]:
        parts = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
        paras += [p for p in parts[1:] if len(p) > 60]
    return paras


def _analysis(report_id: str, body: str, names: list[str], day: str, rng: random.Random) -> Analysis:
    """A small analysis with real offsets: named entities, a quote on a sentence, one dated event."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(body)] or [(0, min(len(body), 80))]
    entities = []
    for name in names:
        slug = name.lower().replace(" ", "-")
        entities.append(Entity(slug, name, "PERSON", mentions=(Mention(slug, 0, min(5, len(body)), name),)))
    quotes = []
    for start, end in rng.sample(sentences, min(2, len(sentences))):
        start += len(body[start:end]) - len(body[start:end].lstrip())
        quotes.append(Quote(body[start:end], start, end, "direct", rng.choice(names), None))
    s, e = sentences[0]
    events = (Event(rng.choice(KINDS), (names[0],), (names[-1],), None, day, s, e),)
    return Analysis(report_id, tuple(entities), tuple(quotes), (), events, tuple(sentences))


def build_store(path: Path, n_reports: int, *, seed: int = 7, per_story: int = 5) -> dict[str, Any]:
    """Write ``n_reports`` recombined reports in stories of ``per_story``; returns what was built."""
    rng = random.Random(seed)
    paras = load_paragraphs()
    if not paras:
        raise SystemExit(f"no PolNeAR text under {POLNEAR}")
    people = [
        f"{a} {b}"
        for a in ("Ada", "Bram", "Cleo", "Dov", "Esme", "Finn")
        for b in ("Vell", "Ostley", "Kastel", "Rowe")
    ]
    n_stories = max(1, n_reports // per_story)
    started = time.perf_counter()
    with Store.open(path) as store, store.transaction():
        for s in range(n_stories):
            pool = rng.sample(paras, 8)
            names = rng.sample(people, 3)
            day0 = 730 + rng.randrange(0, 700)  # days after 2014-01-01
            story_id = f"story{s:06d}"
            report_ids, dates = [], []
            for r in range(per_story):
                chosen = rng.sample(pool, rng.randint(3, 5)) + [rng.choice(paras)]
                body = "\n\n".join(chosen)
                day = _day(day0 + rng.randint(0, 3))
                rid = f"r{s:06d}{r:02d}"
                title = " ".join(chosen[0].split()[:9])
                report = Report(rid, f"https://bench.invalid/{rid}", title, body, outlet=rng.choice(OUTLETS),
                                published=day, published_source="declared", language="en")  # fmt: skip
                store.add_report(report, _analysis(rid, body, names, day, rng), None, story_id)
                report_ids.append(rid)
                dates.append(day)
                if r == 0:
                    first_body = body
            sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(first_body)][:3]
            digest = {
                "brief": [
                    {
                        "text": first_body[a:b].strip(),
                        "citations": [{"report_id": report_ids[0], "start": a, "end": b}],
                    }
                    for a, b in sentences
                ]
            }
            story = Story(
                story_id,
                " ".join(first_body.split()[:8]),
                tuple(report_ids),
                tuple(names),
                min(dates),
                max(dates),
            )
            store.save_story(story, digest)
    return {"reports": n_stories * per_story, "stories": n_stories, "build_s": time.perf_counter() - started}


def _day(offset: int) -> str:
    from datetime import date, timedelta

    return (date(2014, 1, 1) + timedelta(days=offset)).isoformat()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def citation_fidelity(html: str, bodies: dict[str, str], citations: list[dict[str, Any]]) -> tuple[int, int]:
    """(citations whose rendered segments spell the passage exactly, citations checked)."""
    by_report: dict[str, list[tuple[int, str]]] = {}
    for block in re.finditer(r'<div class="body" id="body-([^"]+)"[^>]*>(.*?)</div>', html, re.S):
        by_report[block.group(1)] = [(int(o), unescape(t)) for _c, o, t in _SEG.findall(block.group(2))]
    good = 0
    for c in citations:
        segs = by_report.get(c["report_id"], [])
        inside = "".join(t for o, t in segs if o >= c["start"] and o + len(t) <= c["end"])
        body = bodies.get(c["report_id"], "")
        whole = all(body[o : o + len(t)] == t for o, t in segs)
        # paragraph breaks are not rendered as text, so compare without whitespace
        good += whole and "".join(inside.split()) == "".join(body[c["start"] : c["end"]].split())
    return good, len(citations)


def measure(db_path: str, n_requests: int, *, seed: int = 11) -> dict[str, Any]:
    """Time each kind of request ``n_requests`` times; check every story page's citations."""
    from fastapi.testclient import TestClient

    from crosswire.web.app import create_app

    rng = random.Random(seed)
    with Store.open(db_path) as store:
        story_ids = [r[0] for r in store.conn.execute("SELECT id FROM stories")]
        words = [
            w
            for (t,) in store.conn.execute("SELECT title FROM reports LIMIT 2000")
            for w in (t or "").split()
        ]
    words = [w for w in (re.sub(r"\W", "", w) for w in words) if len(w) > 4]
    client = TestClient(create_app(db_path))
    kinds = {
        "story list (html)": lambda: "/?offset=" + str(rng.choice((0, 0, 50, 500))),
        "story list (json)": lambda: "/api/v1/stories?limit=50",
        "filtered list (json)": lambda: f"/api/v1/stories?outlet={rng.choice(OUTLETS)}&since=2016-01-01",
        "story page (html)": lambda: f"/stories/{rng.choice(story_ids)}",
        "story (json)": lambda: f"/api/v1/stories/{rng.choice(story_ids)}",
        "search (json)": lambda: f"/api/v1/search?q={rng.choice(words)}",
        "search page (html)": lambda: f"/?q={rng.choice(words)}",
    }
    out: dict[str, Any] = {"latency_ms": {}}
    ok = total = good = checked = 0
    for name, make in kinds.items():
        client.get(make())  # warm caches once per kind
        times = []
        for _ in range(n_requests):
            url = make()
            t0 = time.perf_counter()
            resp = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            ok += resp.status_code == 200
            total += 1
            if name == "story page (html)" and resp.status_code == 200:
                story = client.get("/api/v1/stories/" + url.rsplit("/", 1)[-1] + "?bodies=true").json()
                bodies = {r["id"]: r["body"] for r in story["report_list"]}
                cites = [c for s in story["brief"] for c in s["citations"]]
                g, n = citation_fidelity(resp.text, bodies, cites)
                good, checked = good + g, checked + n
        out["latency_ms"][name] = {
            "p50": round(statistics.median(times), 1),
            "p99": round(_pct(times, 0.99), 1),
            "max": round(max(times), 1),
        }
    out["ok_rate"] = ok / total if total else 0.0
    out["citation_fidelity"] = good / checked if checked else 0.0
    out["citations_checked"] = checked
    return out


def run(
    n_reports: int, n_requests: int, *, rebuild: bool = False, folder: Path | None = None
) -> dict[str, Any]:
    folder = folder or Path(tempfile.gettempdir()) / "crosswire-bench-web"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"web-{n_reports}.db"
    built: dict[str, Any] = {"reused": True}
    if rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        built = build_store(db, n_reports)
    result = {"store": str(db), **built, **measure(str(db), n_requests)}
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.reports, args.requests, rebuild=args.rebuild)
    how = "reused" if result.get("reused") else f"built in {result['build_s']:.0f} s"
    print(f"store: {result['store']}  ({how})")
    print(f"{'request':24} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, t in result["latency_ms"].items():
        print(f"{name:24} {t['p50']:8.1f} {t['p99']:8.1f} {t['max']:8.1f}")
    print(f"ok_rate {result['ok_rate']:.3f}  citation_fidelity {result['citation_fidelity']:.3f} "
          f"({result['citations_checked']} citations)")  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if k != "store"}, indent=None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
