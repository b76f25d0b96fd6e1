"""Cross-source analysis: what a story's articles share, where they disagree, and how many
independent sources stand behind each claim.

``analyse_story(docs)`` takes the annotated articles of one story (``crosscheck.language``)
and returns a ``StoryAnalysis`` whose ``to_json()`` holds reuse (wire groups and their
origin), claims with their independent sources, disputes, quotes, entities, coverage and
sources, each finding linked to article ids and character offsets.
"""

from crosscheck.crosssource.analysis import AnalysisParams, StoryAnalysis, analyse_story
from crosscheck.crosssource.similarity import LexicalBackend, SimilarityBackend, WordLlamaBackend

__all__ = [
    "AnalysisParams",
    "LexicalBackend",
    "SimilarityBackend",
    "StoryAnalysis",
    "WordLlamaBackend",
    "analyse_story",
]
