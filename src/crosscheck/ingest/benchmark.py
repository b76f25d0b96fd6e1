"""Benchmark folders (``docs/<id>.txt`` plus ``meta.jsonl``), read exactly as given.

Scorers compare character offsets into these files, so the text is neither cleaned nor
re-decoded beyond UTF-8: ``text == body == file content``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from crosscheck.model import Article, Failure


def is_benchmark_folder(path: str | Path) -> bool:
    folder = Path(path)
    return (folder / "docs").is_dir() and (folder / "meta.jsonl").is_file()


def read_benchmark_folder(path: str | Path) -> Iterator[Article | Failure]:
    """One Article per ``docs/*.txt``, id = file stem, ``published`` from meta.jsonl."""
    folder = Path(path)
    published: dict[str, str | None] = {}
    for number, line in enumerate((folder / "meta.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            published[str(row["id"])] = row.get("published")
        except (ValueError, KeyError, TypeError) as exc:
            yield Failure(f"{folder / 'meta.jsonl'}:{number}", f"bad metadata line ({exc})")
    for doc in sorted((folder / "docs").glob("*.txt")):
        try:
            text = doc.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield Failure(str(doc), f"cannot read benchmark document ({exc})")
            continue
        yield Article(id=doc.stem, source=str(doc), body=text, text=text, published=published.get(doc.stem))
