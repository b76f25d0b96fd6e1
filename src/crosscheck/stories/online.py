"""Online story clustering: each arriving article joins the best-matching story or starts one.

Two levels, as a newsroom sees them: a *story* is one event (this earthquake), a *topic* groups
stories of the same kind (two earthquakes in Iran, two arrests of one man). An article is
scored against the stories the candidate index offers; below ``story_threshold`` it starts a
new story, which joins the topic of the best story above ``topic_threshold`` or starts a topic.
Topics have no centroid: two topics match by the mean score of their largest stories, pair by
pair (average linkage), which does not drift as a topic grows.

Merges: when an article scores above the threshold for two stories (or topics), the two are
compared whole and merged above the merge threshold; after each batch, topics whose stories
open alike are joined too (``consolidation``). Splits: when a story doubles in size, it
is compared again with the rest of its topic and leaves it if it no longer matches. Every merge
and split is logged. Ids come from the first article's id and never change; a merged-away id
still resolves to the story that absorbed it. The result depends on arrival order, as any
stream's does; the whole state is JSON-ready (``to_state``), so a later run adds new articles
to the same stories.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from crosscheck.stories import titles
from crosscheck.stories.clusters import VIEWS, ArticleVectors, Cluster, decode_vector, encode_vector
from crosscheck.stories.consolidation import LeadIndex
from crosscheck.stories.embedding import WordLlamaEmbedder
from crosscheck.stories.features import DocumentFeatures, extract_features
from crosscheck.stories.index import CandidateIndex
from crosscheck.stories.largest import LargestStories
from crosscheck.stories.scoring import (
    DEFAULT_MODELS,
    EMBEDDING_MODELS,
    LinkModels,
    article_features,
    cluster_features,
)
from crosscheck.stories.story import Story, StoryEvent
from crosscheck.stories.tfidf import TermStatistics, heaviest, weigh

STATE_VERSION = 2
# Terms kept per article vector and per story centroid, by view.
ARTICLE_TERMS = {"words": 100, "lead": 30, "names": 60}
CENTROID_TERMS = {"words": 1500, "lead": 500, "names": 800}
# Articles whose terms are counted before any of them is placed (see ``add_many``).
CHUNK = 5000
# Story-pair scores remembered for topic linkage (see ``_pair_score``); forgotten all at once beyond.
PAIR_SCORES_KEPT = 50_000


class ArticleLike(Protocol):
    """What the clusterer reads from an article (``crosscheck.model.Article`` has it all)."""

    id: str
    text: str
    title: str | None
    published: str | None


@dataclass(slots=True)
class PreparedArticle:
    """What the clusterer needs of an article that no other article changes: its terms, date and
    embeddings. About 40 % of an article's cost, computable anywhere (``stories.workers``: on Dask)."""

    features: DocumentFeatures
    embedding: np.ndarray | None
    lead: np.ndarray | None


Prepare = Callable[[Sequence[ArticleLike]], Callable[[], list[PreparedArticle]]]
"""Starts preparing a chunk of articles and returns what waits for them, in order. Started a chunk
ahead, preparation elsewhere (``stories.workers``) overlaps the placing of the chunk before."""


def prepare_articles(
    articles: Sequence[ArticleLike],
    lead_words: int,
    embedder: WordLlamaEmbedder | None = None,
    lead_embedder: WordLlamaEmbedder | None = None,
) -> list[PreparedArticle]:
    """Terms and date of each article, and its embeddings by the embedders given (None: none)."""
    found = [extract_features(a.text, a.title, a.published, lead_words=lead_words) for a in articles]
    texts = [f"{a.title}\n{a.text}" if a.title else a.text for a in articles]
    embeddings, leads = _embed(embedder, texts), _embed(lead_embedder, texts)
    return [PreparedArticle(*prepared) for prepared in zip(found, embeddings, leads)]


class StoryClusterer:
    """Groups a stream of articles into stories, and stories into topics.

    Thresholds are in score units (0 = the fitted model's even odds); raising one gives more,
    smaller clusters. Per article, ``candidates`` stories are scored, found through each term's
    ``postings_limit`` most recent stories from the article's ``query_terms`` heaviest terms
    (5 by default: with 10, 30k articles of bench/scale.py's stream took 25-35 % longer to place
    and scored worse, B-cubed F1 0.980 against 0.990; ECB+ the same or better with 5).
    Stories more than ``window_days`` away from a dated article are not candidates. Topics are
    compared through their ``linkage_stories`` largest stories. ``embedding=True`` adds the
    WordLlama cosine (slower, and no better on ECB+; see bench/clustering.py). With
    ``lead_embedding`` (the default), after each batch two stories of ``consolidation_min_size``
    articles or more that are each other's closest by their leads' WordLlama vectors, at cosine
    ``consolidation_floor`` or more, join one topic (``consolidation``); stories are unaffected.
    """

    _PARAMS = (
        "story_threshold", "topic_threshold", "story_merge_threshold", "topic_merge_threshold",
        "topic_split_margin", "candidates", "postings_limit", "query_terms", "window_days",
        "linkage_stories", "lead_words", "embedding", "lead_embedding", "consolidation_floor", "consolidation_min_size",
    )

    def __init__(
        self,
        *,
        story_threshold: float = -1.5,
        topic_threshold: float = -1.0,
        story_merge_threshold: float = 2.0,
        topic_merge_threshold: float = 0.0,
        topic_split_margin: float = 1.0,
        candidates: int = 5,
        postings_limit: int = 64,
        query_terms: int = 20,
        window_days: int = 30,
        linkage_stories: int = 3,
        lead_words: int = 40,
        embedding: bool = False,
        lead_embedding: bool = True,
        consolidation_floor: float = 0.2,
        consolidation_min_size: int = 2,
        models: LinkModels | None = None,
    ) -> None:
        self.story_threshold = story_threshold
        self.topic_threshold = topic_threshold
        self.story_merge_threshold = story_merge_threshold
        self.topic_merge_threshold = topic_merge_threshold
        self.topic_split_margin = topic_split_margin
        self.candidates = candidates
        self.postings_limit = postings_limit
        self.query_terms = query_terms
        self.window_days = window_days
        self.linkage_stories = linkage_stories
        self.lead_words = lead_words
        self.embedding = embedding
        self.models = models or (EMBEDDING_MODELS if embedding else DEFAULT_MODELS)
        if self.models.uses_embedding and not embedding:
            raise ValueError("these models weigh the WordLlama cosine: pass embedding=True")
        self.embedder = WordLlamaEmbedder() if embedding else None
        self.lead_embedding = lead_embedding
        self.consolidation_floor = consolidation_floor
        self.consolidation_min_size = consolidation_min_size
        self.lead_embedder = WordLlamaEmbedder(max_words=lead_words) if lead_embedding else None
        self._lead_total: np.ndarray | None = None
        self._lead_count = 0
        self._leads = LeadIndex()  # stories of ``consolidation_min_size`` or more, by their mean lead
        self.log: list[StoryEvent] = []
        self._statistics = {view: TermStatistics() for view in VIEWS}
        self._stories: dict[str, Cluster] = {}
        self._topics: dict[str, list[str]] = {}
        self._aliases: dict[str, str] = {}
        self._story_of: dict[str, str] = {}
        self._index = CandidateIndex(postings_limit)
        self._largest = LargestStories(linkage_stories)
        self._pair_scores: dict[tuple[str, int, str, int], float] = {}
        self._sequence = 0

    def __repr__(self) -> str:
        params = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._PARAMS)
        return f"StoryClusterer({params})"

    def __len__(self) -> int:
        """Number of articles clustered so far."""
        return len(self._story_of)

    # ------------------------------------------------------------------ adding articles

    def add(self, article_id: str, text: str, title: str | None = None, published: str | None = None) -> str:
        """Cluster one article; returns its story id (an article seen before keeps its story)."""
        return self.add_many([PlainArticle(article_id, text, title, published)])[0]

    def add_many(
        self,
        articles: Iterable[ArticleLike],
        progress: Callable[[int], None] | None = None,
        prepare: Prepare | None = None,
    ) -> list[str]:
        """Cluster articles in the order given; returns each one's story id.

        Articles are read in chunks of ``CHUNK`` and term statistics count a whole chunk before
        any of it is placed, so the first articles of a fresh clusterer are weighed as well as
        the last, while memory stays bounded however long the stream. ``progress`` is called
        with the number of articles placed so far, after each one. ``prepare`` computes a
        chunk's ``PreparedArticle``s elsewhere (``stories.workers``), started one chunk ahead;
        the default computes them here, when the chunk is placed.
        """
        start = prepare or self._prepare_later
        ids: list[str] = []
        ahead: set[str] = set()  # ids of the chunk started but not placed yet
        pending: tuple[list[ArticleLike], Callable[[], list[PreparedArticle]], int, int] | None = None
        iterator = iter(articles)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            fresh: dict[str, ArticleLike] = {}
            for article in chunk:
                ids.append(article.id)
                if article.id not in self._story_of and article.id not in ahead:
                    fresh.setdefault(article.id, article)
            documents = list(fresh.values())
            started = (documents, start(documents), len(ids) - len(chunk), len(ids))
            if pending is not None:
                self._add_chunk(*pending, progress)
            pending, ahead = started, set(fresh)
        if pending is not None:
            self._add_chunk(*pending, progress)
        return [self.story_of(article_id) for article_id in ids]

    def prepare(self, articles: Sequence[ArticleLike]) -> list[PreparedArticle]:
        """The articles' ``PreparedArticle``s, computed here."""
        return prepare_articles(articles, self.lead_words, self.embedder, self.lead_embedder)

    def _prepare_later(self, articles: Sequence[ArticleLike]) -> Callable[[], list[PreparedArticle]]:
        """The local ``Prepare``: nothing runs beside the placing here, so wait until asked."""
        return functools.partial(self.prepare, articles)

    def _add_chunk(
        self,
        documents: list[ArticleLike],
        prepared_later: Callable[[], list[PreparedArticle]],
        done: int,
        read: int,
        progress: Callable[[int], None] | None,
    ) -> None:
        """Place ``documents``, the fresh ones among the articles ``done`` to ``read`` of the stream."""
        prepared = prepared_later()
        for article in prepared:
            for view in VIEWS:
                self._statistics[view].update(getattr(article.features, view))
            if article.lead is not None:
                self._lead_total = article.lead.copy() if self._lead_total is None else self._lead_total + article.lead
                self._lead_count += 1
        for placed, (article, ready) in enumerate(zip(documents, prepared), start=1):
            self._place(self._vectors(article, ready.features, ready.embedding, ready.lead))
            if progress is not None and placed % 64 == 0:
                progress(done + placed)
        self._consolidate_topics(dict.fromkeys(self.story_of(a.id) for a in documents))
        if progress is not None:
            progress(read)

    def story_of(self, article_id: str) -> str:
        """The story an article is in now (after any merges); KeyError if it was never added."""
        return self._resolve(self._story_of[article_id])

    def _vectors(
        self, article: ArticleLike, found: DocumentFeatures, embedding: np.ndarray | None, lead: np.ndarray | None
    ) -> ArticleVectors:
        views = {view: weigh(getattr(found, view), self._statistics[view], ARTICLE_TERMS[view]) for view in VIEWS}
        return ArticleVectors(article.id, article.title, views, embedding, found.day, found.surfaces, lead)

    def _place(self, article: ArticleVectors) -> None:
        """Put one article in a story (new or not), then merge or split what it shows belongs so."""
        query = heaviest({**article.views["words"], **article.views["names"]}, self.query_terms)
        story_scores, topic_scores = self._score_candidates(article, query)
        if story_scores and story_scores[0][0] >= self.story_threshold:
            story = story_scores[0][1]
        else:
            story = self._new_story(article.id)
            topic, score = max(topic_scores.items(), key=lambda item: item[1], default=(None, 0.0))
            if topic is not None and score >= self.topic_threshold:
                self._join_topic(story, topic)
            else:
                self._new_topic(story, article.id)
        story.add(article)
        self._largest.grew(self._resolve(story.parent), story)
        self._lead_changed(story)
        titles.remember(story, article)
        self._story_of[article.id] = story.id
        self._index.add(story.id, query)

        for score, other in story_scores:
            if score >= self.story_threshold and other is not story:
                self._merge_stories_if_alike(story, other, article.id)
        story = self._stories[self._resolve(story.id)]
        if story.size >= 2 and story.size & (story.size - 1) == 0:
            self._split_if_apart(story)
        for topic, score in topic_scores.items():
            if score >= self.topic_threshold:
                self._merge_topics_if_alike(self._resolve(story.parent), self._resolve(topic), article.id)

    def _score_candidates(
        self, article: ArticleVectors, query: dict[str, float]
    ) -> tuple[list[tuple[float, Cluster]], dict[str, float]]:
        """Story-model scores of the candidate stories (best first), and per topic the best
        topic-model score of its candidate stories."""
        story_scores: list[tuple[float, Cluster]] = []
        topic_scores: dict[str, float] = {}
        for story_id in self._candidates(query):
            candidate = self._stories[story_id]
            if candidate.day_gap(article.day, article.day) > self.window_days:
                continue
            features = article_features(article, candidate)
            story_scores.append((self.models.story.score(features), candidate))
            topic, topic_score = self._resolve(candidate.parent), self.models.topic.score(features)
            topic_scores[topic] = max(topic_score, topic_scores.get(topic, topic_score))
        story_scores.sort(key=lambda pair: (-pair[0], pair[1].sequence))
        return story_scores, topic_scores

    def _candidates(self, query: dict[str, float]) -> list[str]:
        """The index's candidates, topped up with the newest stories: in a small collection the
        words an event's reports share are the least weighted, so they may not be queried."""
        found = self._index.candidates(query, self.candidates, self._resolve)
        if len(found) < self.candidates:
            newest = itertools.islice(reversed(self._stories), self.candidates)
            found += [story_id for story_id in newest if story_id not in found][: self.candidates - len(found)]
        return found

    # ------------------------------------------------------------------ stories and topics

    def _new_story(self, article_id: str) -> Cluster:
        story = Cluster(self._fresh_id("s-", article_id), self._sequence, CENTROID_TERMS)
        self._sequence += 1
        self._stories[story.id] = story
        return story

    def _new_topic(self, story: Cluster, article_id: str) -> str:
        topic = self._fresh_id("t-", article_id)
        self._topics[topic] = []
        self._join_topic(story, topic)
        return topic

    def _join_topic(self, story: Cluster, topic: str) -> None:
        story.parent = topic
        self._topics[topic].append(story.id)
        self._largest.grew(topic, story)

    def _leave_topic(self, story: Cluster, topic: str) -> None:
        members = self._topics[topic]
        members.remove(story.id)
        self._largest.left(topic, story, (self._stories[i] for i in members))

    def _fresh_id(self, prefix: str, article_id: str) -> str:
        """prefix + a hash of the article id; a split-off topic may need a suffix to stay unique."""
        base = prefix + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
        candidate, suffix = base, 1
        while candidate in self._stories or candidate in self._topics or candidate in self._aliases:
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def _resolve(self, cluster_id: str | None) -> str:
        """The live id a (possibly merged-away) story or topic id stands for; chains are shortened."""
        aliases = self._aliases
        if cluster_id not in aliases:
            return cluster_id or ""
        live = cluster_id
        while live in aliases:
            live = aliases[live]
        aliases[cluster_id] = live
        return live

    def _linkage(self, stories: list[Cluster], others: list[Cluster]) -> float:
        """Mean topic-merge score over pairs of two groups' stories (a topic's largest, ``LargestStories``)."""
        scores = [self._pair_score(a, b) for a in stories for b in others]
        return sum(scores) / len(scores)

    def _pair_score(self, a: Cluster, b: Cluster) -> float:
        """Topic-merge score of two stories. A story only changes by growing, so its id and size
        name its state: the score is remembered, since a topic's largest stories are compared
        again with each article that touches the topic."""
        key = (a.id, a.size, b.id, b.size)
        score = self._pair_scores.get(key)
        if score is None:
            if len(self._pair_scores) >= PAIR_SCORES_KEPT:
                self._pair_scores.clear()
            score = self._pair_scores[key] = self.models.topic_merge.score(cluster_features(a, b))
        return score

    def _oldest(self, topic: str) -> float:
        return min((self._stories[i].sequence for i in self._topics[topic]), default=math.inf)

    # ------------------------------------------------------------------ merges and splits

    def _merge_stories_if_alike(self, story: Cluster, other: Cluster, trigger: str) -> None:
        a, b = self._stories[self._resolve(story.id)], self._stories[self._resolve(other.id)]
        if a is b:
            return
        score = self.models.story.score(cluster_features(a, b))
        if score < self.story_merge_threshold:
            return
        keep, gone = (a, b) if a.sequence < b.sequence else (b, a)
        keep.absorb(gone)
        for representative in gone.representatives:
            titles.offer(keep, representative)
        for key, surface in gone.surfaces.items():
            keep.surfaces.setdefault(key, surface)
        del self._stories[gone.id]
        self._aliases[gone.id] = keep.id
        self._leads.remove(gone.id)
        self._lead_changed(keep)
        self._leave_topic(gone, self._resolve(gone.parent))
        self._largest.grew(self._resolve(keep.parent), keep)
        reason = f"article {trigger} matched both stories; they match with score {score:.2f}"
        self.log.append(StoryEvent("merge", "story", keep.id, gone.id, reason, list(gone.articles)))
        kept_topic, gone_topic = self._resolve(keep.parent), self._resolve(gone.parent)
        if kept_topic == gone_topic:
            return
        if self._topics[gone_topic]:
            self._merge_topics(kept_topic, gone_topic, f"their stories {keep.id} and {gone.id} merged")
        else:
            del self._topics[gone_topic]
            self._largest.dropped(gone_topic)
            self._aliases[gone_topic] = kept_topic

    def _merge_topics_if_alike(self, topic: str, other: str, trigger: str) -> None:
        if topic == other:
            return
        score = self._linkage(self._largest.of(topic), self._largest.of(other))
        if score >= self.topic_merge_threshold:
            reason = f"article {trigger} matched both topics; their stories match with score {score:.2f}"
            self._merge_topics(topic, other, reason)

    def _merge_topics(self, a: str, b: str, reason: str) -> None:
        keep, gone = (a, b) if self._oldest(a) <= self._oldest(b) else (b, a)
        moved = self._topics.pop(gone)
        self._topics[keep].extend(moved)
        self._largest.merged(keep, gone)
        self._aliases[gone] = keep
        articles = [x for i in moved for x in self._stories[i].articles]
        self.log.append(StoryEvent("merge", "topic", keep, gone, reason, articles))

    def _consolidate_topics(self, touched: Iterable[str]) -> None:
        """Join the topics of stories that are each other's closest by their leads (``consolidation``);
        ``touched`` are the stories that just changed, the only ones whose closest may have."""
        for a, b, cosine in self._lead_pairs(touched):
            topic, other = self._resolve(a.parent), self._resolve(b.parent)
            if topic != other:
                reason = f"stories {a.id} and {b.id} are each other's closest by their leads (cosine {cosine:.2f})"
                self._merge_topics(topic, other, reason)

    def _lead_pairs(self, story_ids: Iterable[str]) -> list[tuple[Cluster, Cluster, float]]:
        """The stories among ``story_ids`` that have a mutual closest story by their leads, with it."""
        if self._lead_total is None:
            return []
        pairs = self._leads.mutual_nearest(story_ids, self._lead_total / self._lead_count, self.consolidation_floor)
        return [(self._stories[a], self._stories[b], cosine) for a, b, cosine in pairs]

    def _lead_changed(self, story: Cluster) -> None:
        """Keep ``story``'s row of the lead index up to date after it grew."""
        if story.size >= self.consolidation_min_size and story.lead_embedding is not None:
            self._leads.set(story.id, story.lead_embedding, story.size)

    def _split_if_apart(self, story: Cluster) -> None:
        """Move ``story`` to a topic of its own if it no longer matches the rest of its topic."""
        topic = self._resolve(story.parent)
        others = self._largest.of(topic, excluding=story)
        if not others:
            return
        score = self._linkage([story], others)
        if score >= self.topic_merge_threshold - self.topic_split_margin:
            return
        if any(self._resolve(partner.parent) == topic for _, partner, _ in self._lead_pairs([story.id])):
            return  # its closest story by the leads is in the topic: consolidation would join them again
        self._leave_topic(story, topic)
        new_topic = self._new_topic(story, story.articles[0])
        reason = (
            f"story {story.id} grew to {story.size} articles and matches the rest of its topic "
            f"with score {score:.2f}"
        )
        self.log.append(StoryEvent("split", "topic", topic, new_topic, reason, list(story.articles)))

    # ------------------------------------------------------------------ results

    def stories(self) -> list[Story]:
        """Every story, oldest first."""
        ordered = sorted(self._stories.values(), key=lambda s: s.sequence)
        return [Story(s.id, titles.story_title(s), list(s.articles), self._resolve(s.parent)) for s in ordered]

    def merged_away(self) -> dict[str, str]:
        """Story ids absorbed in merges -> the live story id each now stands for."""
        return {old: self._resolve(old) for old in self._aliases if old.startswith("s-")}

    def topics(self) -> dict[str, list[str]]:
        """Topic id -> its story ids, oldest first."""
        return {
            topic: sorted(ids, key=lambda i: self._stories[i].sequence)
            for topic, ids in sorted(self._topics.items(), key=lambda item: self._oldest(item[0]))
        }

    # ------------------------------------------------------------------ state

    def to_state(self) -> dict[str, Any]:
        """Everything needed to continue later, as JSON-ready data."""
        return {
            "version": STATE_VERSION,
            "params": {name: getattr(self, name) for name in self._PARAMS},
            "models": self.models.to_dict(),
            "sequence": self._sequence,
            "lead_total": encode_vector(self._lead_total),
            "lead_count": self._lead_count,
            "statistics": {view: s.to_dict() for view, s in self._statistics.items()},
            "stories": [c.to_dict() for c in self._stories.values()],
            "topics": self._topics,
            "aliases": self._aliases,
            "index": self._index.to_dict(),
            "log": [event.to_dict() for event in self.log],
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> StoryClusterer:
        """A clusterer that continues exactly where ``to_state`` left off."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(
                f"story state version {state.get('version')!r} is not {STATE_VERSION}: "
                "cluster the articles again with this version of crosscheck"
            )
        clusterer = cls(**state["params"], models=LinkModels.from_dict(state["models"]))
        clusterer._sequence = state["sequence"]
        clusterer._lead_total, clusterer._lead_count = decode_vector(state["lead_total"]), state["lead_count"]
        clusterer._statistics = {view: TermStatistics.from_dict(s) for view, s in state["statistics"].items()}
        clusterer._stories = {c["id"]: Cluster.from_dict(c, CENTROID_TERMS) for c in state["stories"]}
        clusterer._topics = {topic: list(ids) for topic, ids in state["topics"].items()}
        for topic, ids in clusterer._topics.items():
            clusterer._largest.rebuild(topic, (clusterer._stories[i] for i in ids))
        clusterer._aliases = dict(state["aliases"])
        clusterer._index = CandidateIndex(clusterer.postings_limit, state["index"])
        clusterer.log = [StoryEvent(**event) for event in state["log"]]
        clusterer._story_of = {a: s.id for s in clusterer._stories.values() for a in s.articles}
        for story in clusterer._stories.values():
            clusterer._lead_changed(story)
        return clusterer

    def save(self, path: str | Path) -> None:
        """Write the state as JSON."""
        Path(path).write_text(json.dumps(self.to_state()), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> StoryClusterer:
        """Read a state written by ``save``."""
        return cls.from_state(json.loads(Path(path).read_text(encoding="utf-8")))


def _embed(embedder: WordLlamaEmbedder | None, texts: list[str]) -> list[np.ndarray | None]:
    return list(embedder.embed(texts)) if embedder is not None else [None] * len(texts)


class PlainArticle:
    """The fields of ``ArticleLike`` and nothing else (what ``add`` and the workers build)."""

    __slots__ = ("id", "text", "title", "published")

    def __init__(self, id: str, text: str, title: str | None, published: str | None) -> None:
        self.id, self.text, self.title, self.published = id, text, title, published
