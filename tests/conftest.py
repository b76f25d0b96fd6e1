"""Shared test helpers: where the optional ../shared material lives."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared_corpus() -> Path:
    """The real reference story beside the project; tests using it skip when it is absent."""
    folder = SHARED / "corpus" / "iraq-letter-2020"
    if not folder.is_dir():
        pytest.skip("../shared/corpus is not present on this machine")
    return folder
