"""Parquet output for very large runs: each worker writes its shard's part file itself.

Nothing passes through the client but counts and failures, and there is no single SQLite
writer to wait for. The price: no de-duplication across parts (``content_hash`` is a column,
so a query can do it), and the parts are read with any Parquet reader (pyarrow, DuckDB,
Spark, pandas). ``pyarrow`` comes with ``crosscheck[scale]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.ingest.options import IngestOptions
from crosscheck.model import Article, Failure
from crosscheck.scale.shards import Shard
from crosscheck.scale.stages import Annotated, annotate_shard, read_shard

_TEXT_FIELDS = ("id", "source", "url", "title", "kicker", "byline", "outlet", "published", "language", "format", "body", "text")


@dataclass
class PartSummary:
    """What a worker wrote: the part file (None when the shard held no article), ids and failures."""

    path: str | None
    ids: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 - loads the submodule
    except ImportError:
        raise RuntimeError("Parquet output needs pyarrow: pip install 'crosscheck[scale]'") from None
    return pyarrow


def article_schema() -> Any:
    pa = _pyarrow()
    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    removal = pa.struct([("text", pa.string()), ("reason", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    return pa.schema(
        [(name, pa.string()) for name in _TEXT_FIELDS]
        + [("content_hash", pa.string()), ("raw", pa.binary()), ("paragraphs", pa.list_(span)), ("removed", pa.list_(removal))]
    )


def article_row(article: Article) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(article, name) for name in _TEXT_FIELDS}
    row.update(
        content_hash=article.content_hash,
        raw=article.raw,
        paragraphs=[{"start": p.start, "end": p.end} for p in article.paragraphs],
        removed=[{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in article.removed],
    )
    return row


def write_articles_part(shard: Shard, options: IngestOptions, folder: str, debug: bool = False) -> PartSummary:
    """Read and clean one shard into ``folder/articles-NNNNN.parquet``."""
    results = read_shard(shard, options, debug)
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, Failure)]
    path = _write(folder, "articles", shard, [article_row(a) for a in articles], article_schema())
    return PartSummary(path, [a.id for a in articles], failures)


def write_annotations_part(
    shard: Shard, options: IngestOptions, folder: str, stages: list[str] | None = None, debug: bool = False
) -> PartSummary:
    """Annotate one shard into ``folder/annotations-NNNNN.parquet``: ``id``, ``published``, and
    one column per annotation layer holding its JSON (as ``crosscheck annotate`` prints it)."""
    results = annotate_shard(shard, options, stages, debug)
    annotated = [r for r in results if isinstance(r, Annotated)]
    rows = [annotation_row(a) for a in annotated]
    pa = _pyarrow()
    schema = pa.schema([(name, pa.string()) for name in rows[0]]) if rows else None
    path = _write(folder, "annotations", shard, rows, schema)
    return PartSummary(path, [a.id for a in annotated], [r for r in results if isinstance(r, Failure)])


def annotation_row(annotated: Annotated) -> dict[str, Any]:
    data = json.loads(annotated.line)
    row = {"id": data.pop("id"), "published": data.pop("published", None)}
    row.update({layer: json.dumps(value, ensure_ascii=False) for layer, value in data.items()})
    return row


def _write(folder: str, kind: str, shard: Shard, rows: list[dict[str, Any]], schema: Any) -> str | None:
    if not rows:
        return None
    pa = _pyarrow()
    path = Path(folder) / f"{kind}-{shard.number:05d}.parquet"
    pa.parquet.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return str(path)


def rename_in_part(path: str, old_id: str, new_id: str) -> None:
    """Give one row a new id (the file-stem rule for a cut file that held one article)."""
    pa = _pyarrow()
    table = pa.parquet.read_table(path)
    ids = [new_id if value == old_id else value for value in table.column("id").to_pylist()]
    pa.parquet.write_table(table.set_column(table.schema.get_field_index("id"), "id", pa.array(ids, pa.string())), path)
