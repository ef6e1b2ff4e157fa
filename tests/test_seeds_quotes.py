"""Acceptance: quotes, speakers, relay chain and entities of the two seed reports against the gold file.

The seed texts are read from ``../shared/corpus`` (never copied here); the body is built the way the
clean stage would (headline, boilerplate and caption lines listed in the gold file set aside), so
this checks the analyze stage alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
GOLD = CORPUS / "seeds.gold.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GOLD.is_file(), reason="shared corpus not present"),
]


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlap(pred: str, gold: str) -> float:
    """Token overlap: shared tokens over the longer of the two (so neither may be padded)."""
    p, g = _tokens(pred), _tokens(gold)
    if not p or not g:
        return 0.0
    rest = list(p)
    shared = 0
    for t in g:
        if t in rest:
            rest.remove(t)
            shared += 1
    return shared / max(len(p), len(g))


def _body(name: str, info: dict) -> str:
    lines = (CORPUS / "seeds" / name).read_text(encoding="utf-8").split("\n")
    drop = {" ".join(x.split()) for x in info.get("boilerplate_lines", []) + info.get("caption_lines", [])}
    kept = [ln for ln in lines[1:] if ln.strip() and " ".join(ln.split()) not in drop]
    return "\n\n".join(ln.strip() for ln in kept)


@pytest.fixture(scope="module")
def analysed():
    from crosswire.analyze import entities, quotes
    from crosswire.analyze.nlp import load

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    nlp = load()
    out = {}
    for name, info in gold["reports"].items():
        body = _body(name, info)
        doc = nlp(body)
        ents = entities.canonical_entities(doc)
        out[name] = (body, ents, quotes.extract_quotes(doc, ents, outlet="Haaretz"))
    return gold, out


def _speaker_ok(q, gold_speaker: str) -> bool:
    if gold_speaker.endswith("(anonymous)"):
        want = gold_speaker.removesuffix("(anonymous)").strip().lower()
        return q.anonymous and (q.speaker or "").lower() == want
    return q.speaker == gold_speaker and not q.anonymous


def test_quotes_found_with_right_speaker(analysed) -> None:
    gold, out = analysed
    hits, misses = 0, []
    for g in gold["quotes"]:
        _, _, found = out[g["report"]]
        if any(overlap(q.text, g["text"]) >= 0.5 and _speaker_ok(q, g["speaker"]) for q in found):
            hits += 1
        else:
            misses.append((g["text"][:60], g["speaker"]))
    assert hits >= 18, misses


def test_quote_offsets_index_the_body(analysed) -> None:
    _, out = analysed
    for body, _, found in out.values():
        assert found
        for q in found:
            assert body[q.start : q.end] == q.text


def test_party_leader_descriptions_resolve(analysed) -> None:
    """ "According to the <party> party leader, ..." is the minister introduced just before."""
    gold, out = analysed
    wanted = {
        g["speaker"] for g in gold["quotes"] if g["speaker"] in {"Avigdor Lieberman", "Naftali Bennett"}
    }
    assert wanted
    for speaker in wanted:
        for _body, ents, found in out.values():
            ent = next((e for e in ents if e.name == speaker), None)
            if ent is None:
                continue
            roles = [m for m in ent.mentions if "party leader" in m.text]
            assert roles, speaker
            assert any(q.speaker == speaker and q.cue == "According" for q in found)


def test_relay_chain(analysed) -> None:
    gold, out = analysed
    relayed = [g for g in gold["quotes"] if g.get("relayed_via")]
    assert relayed
    for g in relayed:
        _, _, found = out[g["report"]]
        best = max(found, key=lambda q: overlap(q.text, g["text"]))
        assert overlap(best.text, g["text"]) >= 0.5
        assert best.anonymous
        assert best.relayed_via == tuple(g["relayed_via"])


def _owner(ents, start: int, end: int):
    best, size = None, 0
    for e in ents:
        for m in e.mentions:
            shared = min(end, m.end) - max(start, m.start)
            if shared > size:
                best, size = e, shared
    return best


def test_gold_entities_canonical(analysed) -> None:
    """Gold aliases written in a report belong to one entity under the gold canonical name."""
    from crosswire.analyze.entities import link_across
    from crosswire.analyze.names import slug

    gold, out = analysed
    story = link_across([ents for _, ents, _ in out.values()])
    right, wrong = 0, []
    for name, aliases in gold["entities"].items():
        for body, ents, _ in out.values():
            for alias in aliases:
                for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", body):
                    owner = _owner(ents, m.start(), m.end())
                    if owner is not None and story[owner.id] == slug(name):
                        right += 1
                    else:
                        wrong.append((alias, owner.name if owner else None))
    assert right / (right + len(wrong)) >= 0.85, wrong
    persons = {"Benjamin Netanyahu", "Vladimir Putin", "Avigdor Lieberman", "Naftali Bennett"}
    assert not [w for w in wrong if any(w[0].endswith(p.split()[-1]) for p in persons)], wrong
