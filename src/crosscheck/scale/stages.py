"""What a worker does with one shard: plain functions that return plain, picklable results.

They call the same readers, cleaner and pipeline as the single-process path, so a shard's
results are the ones ``crosscheck.api`` would give. Failures come back as values; nothing a
bad input does raises on a worker (unless ``debug``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from crosscheck.clean import clean_article
from crosscheck.ingest.options import IngestOptions
from crosscheck.ingest.readers import read_stream
from crosscheck.ingest.sources import guarded, read_input
from crosscheck.model import Article, Failure
from crosscheck.scale.priority import yields_to_client
from crosscheck.scale.shards import Shard, open_range


@dataclass(frozen=True, slots=True)
class Annotated:
    """One article's annotations as the JSON line ``crosscheck annotate`` prints."""

    id: str
    line: str

    def renamed(self, new_id: str) -> Annotated:
        return Annotated(new_id, json.dumps({**json.loads(self.line), "id": new_id}, ensure_ascii=False))


@yields_to_client
def read_shard(shard: Shard, options: IngestOptions, debug: bool = False) -> list[Article | Failure]:
    """Articles of one shard, cleaned (benchmark folders verbatim), with its failures, in input order.

    A line range is one part of a file, so the file-stem id a file of one article gets is left
    to the client, which sees the whole file (``runner.whole_files``).
    """
    if shard.benchmark:
        from crosscheck.ingest.benchmark import read_benchmark_folder

        return list(read_benchmark_folder(shard.source))
    results = _read_range(shard, options, debug) if shard.is_range else read_input(shard.input, options, debug=debug)
    return [clean_article(r) if isinstance(r, Article) else r for r in results]


def _read_range(shard: Shard, options: IngestOptions, debug: bool) -> Iterator[Article | Failure]:
    """The JSON Lines records of one range, numbered as lines of the whole file; failures are
    worded as ``sources.read_input`` words them."""

    def records() -> Iterator[Article | Failure]:
        with open_range(shard.source, shard.start, shard.end or 0, shard.first_line) as stream:
            yield from read_stream(stream, shard.source, options, fmt="jsonl")

    return guarded(records(), shard.source, debug=debug)


@yields_to_client
def annotate_shard(
    shard: Shard, options: IngestOptions, stages: list[str] | None = None, debug: bool = False
) -> list[Annotated | Failure]:
    """Read, clean and annotate one shard; each article becomes its ``annotate`` JSON line."""
    from crosscheck.language import Pipeline, doc_from_article
    from crosscheck.language.serialize import doc_to_json

    pipeline = Pipeline(list(stages)) if stages else Pipeline()
    results: list[Annotated | Failure] = []
    for result in read_shard(shard, options, debug):
        if isinstance(result, Failure):
            results.append(result)
            continue
        doc = doc_from_article(result)
        if options.published:
            doc.published = options.published
        results.append(Annotated(result.id, json.dumps(doc_to_json(pipeline(doc)), ensure_ascii=False)))
    return results
