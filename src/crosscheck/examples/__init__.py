"""The bundled example story: fictional articles about one invented event, written by us.

Each story folder holds ``articles/``, a README.md describing the event and an
expected.json of the findings the articles were written to produce (tests assert them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EXAMPLE_STORY = "harbour-bridge-2026"

def example_path(name: str = EXAMPLE_STORY) -> Path:
    """The folder of the example story ``name``; raises FileNotFoundError naming the stories there are."""
    path = Path(__file__).parent / name
    if not path.is_dir():
        available = sorted(p.name for p in Path(__file__).parent.iterdir() if (p / "expected.json").is_file())
        raise FileNotFoundError(f"no example story {name!r}; available: {', '.join(available) or 'none'}")
    return path


def example_articles(name: str = EXAMPLE_STORY) -> Path:
    """The folder holding only the story's article files, ready to ingest."""
    return example_path(name) / "articles"


def example_files(name: str = EXAMPLE_STORY) -> list[Path]:
    """The story's article files, sorted."""
    return sorted(p for p in example_articles(name).iterdir() if p.is_file())


def expected_findings(name: str = EXAMPLE_STORY) -> dict[str, Any]:
    """The findings the story was written to produce, as loaded from its expected.json."""
    return json.loads((example_path(name) / "expected.json").read_text(encoding="utf-8"))
