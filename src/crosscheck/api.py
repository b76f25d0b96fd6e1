"""The library API: what the ``crosscheck`` commands call, usable from Python as is.

>>> from crosscheck.api import ingest
>>> from crosscheck.store import Store
>>> with Store("news.db") as store:                      # doctest: +SKIP
...     summary = ingest(["articles/"], store)
...     print(summary.added, summary.failures)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from crosscheck.clean import clean_article
from crosscheck.ingest.options import IngestOptions
from crosscheck.ingest.sources import Input, expand_inputs, read_input
from crosscheck.model import Article, Doc, Failure, StoryInfo
from crosscheck.store import Store


@dataclass
class IngestSummary:
    """What an ingest did: new article ids, ids already stored, and inputs that failed."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


def plan_inputs(items: Iterable[str]) -> tuple[list[Input], list[Failure]]:
    """Expand paths, folders and globs up front, so progress can show a total."""
    inputs: list[Input] = []
    failures: list[Failure] = []
    for entry in expand_inputs(items):
        (failures if isinstance(entry, Failure) else inputs).append(entry)  # type: ignore[arg-type]
    return inputs, failures


def read_articles(
    items: Iterable[str], options: IngestOptions | None = None, *, debug: bool = False
) -> Iterator[Article | Failure]:
    """Read and clean every article the inputs hold, without storing them."""
    options = options or IngestOptions()
    inputs, failures = plan_inputs(items)
    yield from failures
    for item in inputs:
        yield from _read_clean(item, options, debug)


def _read_clean(item: Input, options: IngestOptions, debug: bool) -> Iterator[Article | Failure]:
    for result in read_input(item, options, debug=debug):
        yield clean_article(result) if isinstance(result, Article) else result


def ingest(
    items: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    *,
    on_start: Callable[[int], None] | None = None,
    on_input: Callable[[Input], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    debug: bool = False,
) -> IngestSummary:
    """Read, clean and store articles; idempotent (the same content is stored once).

    Callbacks let a caller draw progress (``on_start`` gets the number of inputs, ``on_input``
    fires after each) and report failures as they happen.
    """
    options = options or IngestOptions()
    summary = IngestSummary()
    inputs, failures = plan_inputs(items)
    if on_start:
        on_start(len(inputs))

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if on_failure:
            on_failure(failure)

    for failure in failures:
        fail(failure)
    for item in inputs:
        for result in _read_clean(item, options, debug):
            if isinstance(result, Failure):
                fail(result)
                continue
            try:
                added = store.add(result)
            except Exception as exc:  # noqa: BLE001 - one unstorable article must not stop the rest
                if debug:
                    raise
                fail(Failure(result.source, f"could not store article {result.id}: {exc}"))
                continue
            (summary.added if added.created else summary.duplicates).append(added.id)
        if on_input:
            on_input(item)
    return summary


def annotate_inputs(
    items: Iterable[str],
    options: IngestOptions | None = None,
    *,
    stages: list[str] | None = None,
    debug: bool = False,
) -> Iterator[Doc | Failure]:
    """Read, clean and annotate articles; benchmark folders are read verbatim, uncleaned.

    A benchmark folder (``docs/*.txt`` + ``meta.jsonl``) keeps its text exactly, so the
    offsets match the benchmark's gold annotations.
    """
    from crosscheck.ingest.benchmark import is_benchmark_folder, read_benchmark_folder
    from crosscheck.language import Pipeline, doc_from_article

    options = options or IngestOptions()
    pipeline = Pipeline(stages) if stages else Pipeline()
    plain: list[str] = []
    for item in items:
        if is_benchmark_folder(item):
            for result in read_benchmark_folder(item):
                yield pipeline(_with_published(doc_from_article(result), options)) if isinstance(result, Article) else result
        else:
            plain.append(item)
    for result in read_articles(plain, options, debug=debug) if plain else ():
        yield pipeline(_with_published(doc_from_article(result), options)) if isinstance(result, Article) else result


def _with_published(doc: Doc, options: IngestOptions) -> Doc:
    if options.published:
        doc.published = options.published
    return doc


def story_report(articles: list[Article], *, title: str | None = None, published: str | None = None) -> dict:
    """Annotate, cross-check and report one story's articles (the report's JSON contract).

    ``published`` stands in for articles that carry no date, so their relative times
    ("on Monday") can still be resolved; dates the articles give are kept.
    """
    from dataclasses import replace

    from crosscheck.crosssource import analyse_story
    from crosscheck.language import Pipeline, doc_from_article
    from crosscheck.report import build_report

    if published:
        articles = [a if a.published else replace(a, published=published) for a in articles]
    docs = list(Pipeline().pipe(doc_from_article(a) for a in articles))
    return build_report(articles, docs, analyse_story(docs).to_json(), title=title)


def stories_report(articles: list[Article], *, title: str | None = None, published: str | None = None) -> dict:
    """Report each story the articles hold: the single story's report when there is one,
    else ``{"stories": [report, ...]}``, largest story first. ``title`` applies to one story."""
    stories = group_stories(articles) if len(articles) > 1 else [("", articles)]
    if len(stories) == 1:
        return story_report(articles, title=title, published=published)
    return {"stories": [story_report(members, published=published) for _, members in stories]}


def stored_articles(store: Store, ids: Iterable[str]) -> list[Article]:
    """The stored articles with these ids, once each, in the order given."""
    seen: dict[str, Article] = {}
    for article_id in ids:
        if article_id not in seen and (article := store.get(article_id)) is not None:
            seen[article_id] = article
    return list(seen.values())


def update_stories(
    store: Store, progress: Callable[[int, int], None] | None = None, client: Any = None
) -> list[StoryInfo]:
    """Continue the store's story clustering with the articles in no story yet; all stories.

    New articles (by publication date, then id) join existing stories or start new ones;
    story ids never change; merges and splits are logged (``store.story_events()``).
    ``progress(done, total)`` is called as articles are placed. With a ``distributed.Client``
    its workers compute each article's terms and embeddings; the stories are the same.
    """
    from crosscheck.stories.stored import update_stories as update

    return update(store, progress, client)


def group_stories(articles: list[Article]) -> list[tuple[str, list[Article]]]:
    """Cluster articles into (title, articles) stories, largest first; pure, no store."""
    from crosscheck.stories.stored import group_stories as group

    return group(articles)


def save_report_snapshots(store: Store, reports: Iterable[dict] = (), *, command: str = "report") -> int | None:
    """Save, as one run, the report of every story the ``reports``' articles are in; the run id.

    Stories are updated first. A story whose articles are exactly one given report's reuses
    it; any other story's report is built from all its stored articles, so ``updates`` always
    compares whole stories. ``None`` when the articles are in no story (nothing stored).
    A ``stories_report`` of several stories counts as its reports.
    """
    reports = [part for report in reports for part in report.get("stories", [report])]
    update_stories(store)
    article_ids = [article["id"] for report in reports for article in report.get("articles", [])]
    given = {frozenset(a["id"] for a in report.get("articles", [])): report for report in reports}
    snapshots: dict[str, dict] = {}
    for story_id in dict.fromkeys(store.story_ids_of(article_ids).values()):
        story = store.story(story_id)
        if story is None:
            continue
        report = given.get(frozenset(story.article_ids))
        snapshots[story.id] = report if report is not None else story_report(stored_articles(store, story.article_ids))
    return store.save_snapshots(command, snapshots) if snapshots else None


def story_updates(store: Store, story_id: str, since: int | None = None, *, save: bool = False) -> dict:
    """What changed in a story since the report saved at run ``since`` (default: the latest).

    Stories are updated first, so articles ingested since join in; the current report is then
    compared with the saved one (``crosscheck.stories.updates``). ``save`` records the current
    report as a new run, so the next call starts from here. LookupError names what is missing.
    """
    from crosscheck.stories.updates import diff_reports

    update_stories(store)
    story = store.story(story_id)
    if story is None:
        raise LookupError(f"no story {story_id!r}: 'crosscheck stories --db FILE' lists the stories")
    snapshot = store.snapshot(story.id, since)
    if snapshot is None:
        runs = ", ".join(str(run["id"]) for run in store.snapshot_runs(story.id))
        raise LookupError(
            f"story {story.id} has no report saved at run {since}; its runs: {runs}"
            if since is not None and runs
            else f"no report of story {story.id} saved yet: run 'crosscheck report' on its articles with --db first"
        )
    report = story_report(stored_articles(store, story.article_ids))
    saved = store.save_snapshots("updates", {story.id: report}) if save else None
    return {
        "story": {"id": story.id, "title": story.title, "articles": list(story.article_ids)},
        "since": {"run": snapshot.run_id, "at": snapshot.at},
        "saved_run": saved,
        **diff_reports(snapshot.report, report).to_dict(),
    }
