"""Clustering a stream of articles into stories (events), and stories into topics.

    from crosscheck.stories import StoryClusterer
    clusterer = StoryClusterer()
    story_id = clusterer.add("a1", text, title="Quake hits ...", published="2026-03-02")
    clusterer.stories()          # [Story(id, title, article_ids, topic_id), ...]
    clusterer.save("stories.json")   # later: StoryClusterer.load("stories.json").add(...)

Modules, in the order data flows: ``features`` (terms of one article), ``tfidf`` (weights and
centroids), ``embedding`` (WordLlama vectors), ``index`` (candidate stories), ``scoring`` (link
features and fitted weights), ``online`` (the clusterer), ``consolidation`` (topics joined by
their leads), ``titles``; ``training`` refits the weights on gold clusters. Around the
clusterer: ``stored`` (continuing it from the store), ``updates`` (what changed between two
reports of a story) and ``text`` (how the commands print both).
"""

from crosscheck.stories.online import StoryClusterer
from crosscheck.stories.scoring import LinkModel, LinkModels
from crosscheck.stories.story import Story, StoryEvent

__all__ = ["LinkModel", "LinkModels", "Story", "StoryClusterer", "StoryEvent"]
