"""The batch stages on a Dask cluster, with the calling shape of their ``crosscheck.api`` twins.

Workers read, clean and annotate shards; the client keeps everything that must be sequential:
writing the store (SQLite has one writer; articles go in batches, one commit per shard) and
putting results back in input order, so the store and the output equal a single-process run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.api import IngestSummary
from crosscheck.ingest.ids import stem_id
from crosscheck.ingest.options import IngestOptions
from crosscheck.model import Article, Failure
from crosscheck.scale.runner import map_shards, rename_article, whole_files
from crosscheck.scale.shards import SHARD_BYTES, Shard, numbered, plan_shards
from crosscheck.scale.stages import Annotated, annotate_shard, read_shard
from crosscheck.store import Store

ShardCallback = Callable[[Shard], None]


def ingest(
    items: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    *,
    client: Any,
    on_start: Callable[[int], None] | None = None,
    on_shard: ShardCallback | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    shard_bytes: int = SHARD_BYTES,
    debug: bool = False,
) -> IngestSummary:
    """``api.ingest`` on ``client``'s workers: the same articles, ids and failures, in the same order.

    ``on_start`` gets the number of shards and ``on_shard`` fires after each is stored.
    """
    options = options or IngestOptions()
    summary = IngestSummary()
    shards, failures = plan_shards(items, shard_bytes=shard_bytes, options=options)
    if on_start:
        on_start(len(shards))
    fail = _reporter(summary, on_failure)
    for failure in failures:
        fail(failure)
    pairs = whole_files(map_shards(client, read_shard, shards, options, debug), rename_article)
    for shard, results in pairs:
        articles = []
        for result in results:
            if isinstance(result, Failure):
                fail(result)
            else:
                articles.append(result)
        for article, added in _store(store, articles, debug):
            if isinstance(added, Failure):
                fail(added)
            else:
                (summary.added if added.created else summary.duplicates).append(added.id)
        if on_shard:
            on_shard(shard)
    return summary


def _reporter(summary: IngestSummary, on_failure: Callable[[Failure], None] | None) -> Callable[[Failure], None]:
    """Keeps each failure in ``summary`` and tells ``on_failure`` at once."""

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if on_failure:
            on_failure(failure)

    return fail


def _store(store: Store, articles: list[Article], debug: bool) -> Iterator[tuple[Article, Any]]:
    """Each article with its ``AddResult``, one commit for the batch; if the batch fails, one
    article at a time, so only the unstorable ones fail (as ``api.ingest`` does)."""
    try:
        yield from zip(articles, list(store.add_many(articles, batch_size=max(1, len(articles)))))
        return
    except Exception:  # noqa: BLE001 - the batch was rolled back; find the article at fault
        if debug:
            raise
    for article in articles:
        try:
            yield article, store.add(article)
        except Exception as exc:  # noqa: BLE001 - one unstorable article must not stop the rest
            yield article, Failure(article.source, f"could not store article {article.id}: {exc}")


def annotate(
    items: Iterable[str],
    options: IngestOptions | None = None,
    *,
    client: Any,
    stages: list[str] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_shard: ShardCallback | None = None,
    shard_bytes: int = SHARD_BYTES,
    debug: bool = False,
) -> Iterator[Annotated | Failure]:
    """``api.annotate_inputs`` on ``client``'s workers: each article's JSON line, in input order.

    Benchmark folders come first and are read verbatim, as in the single-process path.
    """
    options = options or IngestOptions()
    _check_stages(stages)
    shards, failures = _annotation_shards(items, options, shard_bytes)
    if on_start:
        on_start(len(shards))
    pairs = whole_files(map_shards(client, annotate_shard, shards, options, stages, debug), Annotated.renamed)
    emitted_failures = False
    for shard, results in pairs:
        if not shard.benchmark and not emitted_failures:
            yield from failures
            emitted_failures = True
        yield from results
        if on_shard:
            on_shard(shard)
    if not emitted_failures:
        yield from failures


def _check_stages(stages: list[str] | None) -> None:
    """An unknown stage is a ValueError here, before any work is sent."""
    from crosscheck.language import Pipeline

    if stages:
        Pipeline(list(stages))


def _annotation_shards(items: Iterable[str], options: IngestOptions, shard_bytes: int) -> tuple[list[Shard], list[Failure]]:
    """Benchmark folders first (read verbatim), then the other inputs' shards."""
    from crosscheck.ingest.benchmark import is_benchmark_folder
    from crosscheck.ingest.sources import Input

    items = list(items)
    benchmarks = [item for item in items if is_benchmark_folder(item)]
    plain = [item for item in items if item not in benchmarks]
    shards, failures = plan_shards(plain, shard_bytes=shard_bytes, options=options) if plain else ([], [])
    return numbered([Shard(Input(folder, "path"), benchmark=True) for folder in benchmarks] + shards), failures


@dataclass
class ParquetSummary(IngestSummary):
    """What ``write_parquet`` wrote: ``added`` holds every article id (parts are not
    de-duplicated, so ``duplicates`` stays empty), ``parts`` the files in input order."""

    parts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**super().to_dict(), "parts": self.parts}


def write_parquet(
    items: Iterable[str],
    folder: str | Path,
    options: IngestOptions | None = None,
    *,
    client: Any,
    annotations: bool = False,
    stages: list[str] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_shard: ShardCallback | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    shard_bytes: int = SHARD_BYTES,
    debug: bool = False,
) -> ParquetSummary:
    """Cleaned articles (or, with ``annotations``, their annotations) as Parquet parts in
    ``folder``, one per shard, written by the workers; ids as ``ingest`` gives them."""
    from crosscheck.scale.parquet import rename_in_part, write_annotations_part, write_articles_part

    options = options or IngestOptions()
    if annotations:
        _check_stages(stages)
    Path(folder).mkdir(parents=True, exist_ok=True)
    if annotations:
        shards, failures = _annotation_shards(items, options, shard_bytes)
    else:
        shards, failures = plan_shards(items, shard_bytes=shard_bytes, options=options)
    if on_start:
        on_start(len(shards))
    summary = ParquetSummary()
    fail = _reporter(summary, on_failure)
    for failure in failures:
        fail(failure)
    if annotations:
        pairs = map_shards(client, write_annotations_part, shards, options, str(folder), stages, debug)
    else:
        pairs = map_shards(client, write_articles_part, shards, options, str(folder), debug)
    in_file: list[tuple[str, int]] = []  # (part, index into summary.added) of a cut file's articles
    for shard, part in pairs:
        for failure in part.failures:
            fail(failure)
        if part.path:
            summary.parts.append(part.path)
        if shard.is_range:
            in_file = [] if shard.part == 0 else in_file
            in_file += [(part.path or "", len(summary.added) + k) for k in range(len(part.ids))]
        summary.added.extend(part.ids)
        if shard.is_range and shard.part == shard.parts - 1 and len(in_file) == 1:
            path, index = in_file[0]
            rename_in_part(path, summary.added[index], stem_id(shard.source))
            summary.added[index] = stem_id(shard.source)
        if on_shard:
            on_shard(shard)
    return summary
