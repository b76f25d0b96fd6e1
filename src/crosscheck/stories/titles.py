"""A story's title: the title of its most central article, or its main names when articles have none.

Articles are not kept, so a story remembers a few candidates (id, title, heaviest words) and,
for its heaviest names, how they were written; "central" is judged against the story's
centroid when the title is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping

from crosscheck.stories.clusters import ArticleVectors, Cluster, Representative

REPRESENTATIVES = 5
_REPRESENTATIVE_TERMS = 20
_SURFACE_NAMES = 10
_TITLE_NAMES = 3


def remember(story: Cluster, article: ArticleVectors) -> None:
    """Offer ``article`` as a title candidate, and keep how its heaviest names were written."""
    for key in heaviest(article.views["names"], _SURFACE_NAMES):
        if key in article.surfaces:
            story.surfaces.setdefault(key, article.surfaces[key])
    offer(story, Representative(article.id, article.title, heaviest(article.views["words"], _REPRESENTATIVE_TERMS)))


def offer(story: Cluster, candidate: Representative) -> None:
    """Add a candidate; beyond ``REPRESENTATIVES``, drop the one farthest from the centroid."""
    story.representatives.append(candidate)
    if len(story.representatives) > REPRESENTATIVES:
        centroid = story.centroids["words"]
        story.representatives.remove(min(story.representatives, key=lambda r: centroid.cosine(r.words)))


def story_title(story: Cluster) -> str:
    """The title of the most central titled article, else up to three names ("Reggie Bush, Saints")."""
    titled = [r for r in story.representatives if r.title]
    if titled:
        return max(titled, key=lambda r: story.centroids["words"].cosine(r.words)).title or ""
    names: list[str] = []
    for key in story.centroids["names"].top_terms(20):
        surface = story.surfaces.get(key)
        if surface and not any(key in n.lower() or n.lower() in key for n in names):
            names.append(surface)
        if len(names) == _TITLE_NAMES:
            break
    return ", ".join(names) if names else " ".join(story.centroids["words"].top_terms(4))


def heaviest(vector: Mapping[str, float], count: int) -> dict[str, float]:
    """The ``count`` heaviest entries of a sparse vector."""
    if len(vector) <= count:
        return dict(vector)
    return dict(sorted(vector.items(), key=lambda item: item[1], reverse=True)[:count])
