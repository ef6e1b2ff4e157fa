"""MiniLM features on invented reports: the real model, so marked slow."""

import pytest

from crosswire.model import Analysis, Entity, Report
from crosswire.stories import StoryFeatures, StoryIndex, story_features
from crosswire.stories.consolidate import consolidate
from crosswire.stories.embed import lead_text

pytestmark = pytest.mark.slow

FLOOD_A = Report(
    id="fa",
    uri=None,
    title="Floods force thousands from homes in Varnholt",
    body="Rising water from the Varn river flooded the town of Varnholt, forcing thousands of residents to "
    "leave their homes as rescue boats moved through the streets.",
)
FLOOD_B = Report(
    id="fb",
    uri=None,
    title="Varnholt evacuated as river bursts its banks",
    body="Thousands of people were evacuated from Varnholt after the Varn river burst its banks and water "
    "filled the town centre, rescuers said.",
)
TRADE = Report(
    id="tr",
    uri=None,
    title="Kestra and Ostmark sign tariff agreement",
    body="The trade ministers of Kestra and Ostmark signed an agreement cutting tariffs on steel and grain, "
    "ending two years of negotiations.",
)


def _analysis(report: Report, *names: str) -> Analysis:
    return Analysis(report.id, entities=tuple(Entity(n.lower(), n, "GPE") for n in names))


def test_lead_text_puts_title_first_once():
    assert lead_text("Title", "Body words here") == "Title. Body words here"
    assert lead_text("Body", "Body words here") == "Body words here"


def test_story_features_embed_and_cluster_invented_reports():
    reports = [FLOOD_A, FLOOD_B, TRADE]
    analyses = [_analysis(FLOOD_A, "Varnholt"), _analysis(FLOOD_B, "Varnholt"), None]
    feats = story_features(reports, analyses)
    assert [f.vector.shape for f in feats] == [(384,)] * 3
    assert float(feats[0].vector @ feats[1].vector) > float(feats[0].vector @ feats[2].vector)
    index = StoryIndex()
    stored = {f.report_id: StoryFeatures.from_bytes(f.to_bytes()) for f in feats}
    for f in stored.values():
        index.add(f)
    # undated reports join on firm belief online; the second look after the batch settles the rest
    consolidate(index, lambda ids: [stored[i] for i in ids])
    assert {s.report_ids for s in index.stories()} == {("fa", "fb"), ("tr",)}
    assert index.story("st-fb").id == "st-fa"  # the older story keeps its name
    with pytest.raises(ValueError):
        story_features(reports, analyses[:2])
