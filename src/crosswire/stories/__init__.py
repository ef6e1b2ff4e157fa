"""Stories stage: online assignment of each report to a story.

Shape used by the pipeline::

    feats = story_features(reports, analyses)     # list[StoryFeatures]; reports[i] pairs with analyses[i]
    index = StoryIndex()                           # threshold / window from crosswire.settings, or args
    index.restore([(feat, story_id), ...])         # bulk reload of what the store knows, nothing re-decided
    a = index.add(feat)                            # Assignment(story_id, is_new, merged_into {old: new})
    consolidate(index, features_of)                # after a batch: fragments join the story they prefer
    index.stories(); index.story(story_id)         # crosswire.model.Story
    blob = feat.to_bytes(); StoryFeatures.from_bytes(blob)
    date_from_story(report, analysis, siblings)    # (published, reason) for an undated report, or None

Modules: ``embed`` (offline MiniLM), ``features`` (per-report evidence), ``score`` (report-vs-story
similarities and the logistic join model), ``index`` (candidate retrieval, online clustering,
merges), ``consolidate`` (the second look at small stories after a batch), ``dating`` (dates for undated reports from their story).
"""

from crosswire.stories.features import StoryFeatures, story_features
from crosswire.stories.index import Assignment, StoryIndex

__all__ = ["Assignment", "StoryFeatures", "StoryIndex", "story_features"]
