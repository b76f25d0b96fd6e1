"""A story's title: the title of its most central article, or its main names when articles have none.

Articles are not kept, so a story remembers a few candidates (id, title, heaviest words) and,
for its heaviest names, how they were written; "central" is judged against the story's
centroid when the title is asked for.
"""

from __future__ import annotations

from crosscheck.stories.clusters import ArticleVectors, Cluster, Representative
from crosscheck.stories.tfidf import heaviest

_REPRESENTATIVES = 5
_REPRESENTATIVE_TERMS = 20
_SURFACE_NAMES = 10
_TITLE_NAMES = 3
_SURFACES_KEPT = 200


def remember(story: Cluster, article: ArticleVectors) -> None:
    """Offer ``article`` as a title candidate, and keep how its heaviest names were written."""
    for key in heaviest(article.views["names"], _SURFACE_NAMES):
        if key in article.surfaces:
            story.surfaces.setdefault(key, article.surfaces[key])
    if len(story.surfaces) > _SURFACES_KEPT:
        kept = story.centroids["names"].top_terms(_SURFACES_KEPT // 2)
        story.surfaces = {key: story.surfaces[key] for key in kept if key in story.surfaces}
    offer(story, Representative(article.id, article.title, heaviest(article.views["words"], _REPRESENTATIVE_TERMS)))


def offer(story: Cluster, candidate: Representative) -> None:
    """Add a candidate; beyond five, drop the one farthest from the centroid."""
    story.representatives.append(candidate)
    if len(story.representatives) > _REPRESENTATIVES:
        centroid = story.centroids["words"]
        story.representatives.remove(min(story.representatives, key=lambda r: centroid.cosine(r.words)))


def story_title(story: Cluster) -> str:
    """The title of the most central titled article, else its three heaviest names, each written in
    full ("Lindsay Lohan", not "Lohan")."""
    titled = [r for r in story.representatives if r.title]
    if titled:
        return max(titled, key=lambda r: story.centroids["words"].cosine(r.words)).title or ""
    keys = [key for key in story.centroids["names"].top_terms(20) if key in story.surfaces]
    names: list[str] = []
    covered: set[str] = set()
    for key in keys:
        if set(key.split()) <= covered:
            continue
        fuller = max((k for k in keys if f" {key} " in f" {k} "), key=len)
        names.append(story.surfaces[fuller])
        covered.update(fuller.split())
        if len(names) == _TITLE_NAMES:
            break
    return ", ".join(names) if names else " ".join(story.centroids["words"].top_terms(4))
