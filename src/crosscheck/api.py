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

from crosscheck.clean import clean_article
from crosscheck.ingest.options import IngestOptions
from crosscheck.ingest.sources import Input, expand_inputs, read_input
from crosscheck.model import Article, Doc, Failure
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


def stored_articles(store: Store, ids: Iterable[str]) -> list[Article]:
    """The stored articles with these ids, once each, in the order given."""
    seen: dict[str, Article] = {}
    for article_id in ids:
        if article_id not in seen and (article := store.get(article_id)) is not None:
            seen[article_id] = article
    return list(seen.values())
