"""Acceptance on the two real seed reports: the gold quote variants, lone facts, cited brief.

Reads ``../shared/corpus/seeds`` (never copied into the repo) and skips when it is absent. Uses
the real clean and analyze stages when they import and run; otherwise a plain stand-in (title on
line 1, spaCy sentences, quote-mark spans) so the compare and brief stages are still checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crosswire.brief import make_brief, story_export
from crosswire.compare import compare_story
from crosswire.model import Analysis, Quote, RawReport, Report

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
SEEDS = CORPUS / "seeds"


def _report(path: Path) -> Report:
    text = path.read_text(encoding="utf-8")
    try:
        from crosswire.clean import clean_report

        return clean_report(
            RawReport(uri=str(path), media_type="text/plain", text=text, content_hash=path.stem)
        )
    except Exception:  # clean stage not ready: headline on line 1, the rest as paragraphs
        lines = [ln.strip() for ln in text.splitlines()]
        body = "\n\n".join(ln for ln in lines[1:] if ln)
        return Report(id=path.stem, uri=str(path), title=lines[0], body=body)


def _analyses(reports: list[Report]) -> list[Analysis]:
    try:
        from crosswire.analyze import analyze_reports

        return list(analyze_reports(reports))
    except Exception:  # analyze stage not ready: sentences from spaCy, quotes between quote marks
        import spacy

        from crosswire import settings

        nlp = spacy.load(settings.get("spacy_model"))
        out = []
        for r in reports:
            doc = nlp(r.body)
            quotes = tuple(
                Quote(m.group(1), m.start(1), m.end(1), "direct", None)
                for m in re.finditer(r"[\"“]([^\"“”]{3,1500})[\"”]", r.body)
            )
            sents = tuple((s.start_char, s.end_char) for s in doc.sents)
            out.append(Analysis(report_id=r.id, quotes=quotes, sentences=sents))
        return out


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not present")
    gold = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))
    paths = sorted(SEEDS.glob("*.txt"))
    reports = [_report(p) for p in paths]
    items = list(zip(reports, _analyses(reports), strict=True))
    names = {r.id: p.name for r, p in zip(reports, paths, strict=True)}
    comparison = compare_story(items, story_id="seeds")
    return gold, items, names, comparison, make_brief(items, comparison)


def _find(body: str, text: str) -> tuple[int, int]:
    start = body.find(text)
    if start < 0:  # clean may have normalised whitespace
        pattern = r"\s+".join(re.escape(w) for w in text.split())
        m = re.search(pattern, body)
        assert m, f"gold text not in body: {text[:40]}"
        return m.start(), m.end()
    return start, start + len(text)


def test_all_three_gold_quote_variants_found(seeds):
    gold, items, names, comparison, _ = seeds
    bodies = {names[r.id]: r.body for r, _ in items}
    for pair in gold["quote_variants"]:
        wanted = {name: _find(bodies[name], text) for name, text in pair["members"]}
        hit = False
        for v in comparison.variants:
            got = {names[m.report_id]: (m.start, m.end) for m in v.members}
            if set(got) != set(wanted):
                continue
            overlap = [
                max(0, min(got[n][1], e) - max(got[n][0], s)) / (e - s) for n, (s, e) in wanted.items()
            ]
            hit = hit or min(overlap) >= 0.6
        assert hit, f"variant not found: {pair['members'][0][1][:50]}"
        for v in comparison.variants:
            assert all(len(d) <= len(m.text.split()) for m, d in zip(v.members, v.differing, strict=True))


def test_only_in_filled_for_both_reports(seeds):
    gold, items, names, comparison, _ = seeds
    assert {names[r] for r, cites in comparison.only_in.items() if cites} == set(gold["only_in"])
    bodies = {r.id: r.body for r, _ in items}
    checked = hits = 0
    for rid, cites in comparison.only_in.items():
        text = " ".join(c.text for c in cites)
        others = " ".join(b for other, b in bodies.items() if other != rid)
        for fact in gold["only_in"][names[rid]]:
            # names the gold fact mentions that only this report's body has
            own = {w for w in re.findall(r"\b[A-Z][\w-]{3,}", fact) if w in bodies[rid] and w not in others}
            if own:
                checked += 1
                hits += any(w in text for w in own)
    assert checked >= 4 and hits >= 0.75 * checked, f"{hits} of {checked} gold lone facts found in only_in"


def test_every_brief_sentence_cited_inside_its_report(seeds):
    _, items, _, comparison, brief = seeds
    bodies = {r.id: r.body for r, _ in items}
    assert brief.sentences
    for s in brief.sentences:
        assert s.citations
        own = s.citations[0]
        assert bodies[own.report_id][own.start : own.end] == s.text
        for c in s.citations:
            assert 0 <= c.start < c.end <= len(bodies[c.report_id])
            assert bodies[c.report_id][c.start : c.end] == c.text
    export = story_export(comparison, brief)
    assert list(export) == ["variants", "only_in", "contradictions", "claims", "brief", "timeline"]
