"""An ingest killed at any moment leaves a sound store, and running it again completes it.

The suite runs a small version (500 files, 5 SIGKILLs); ``python bench/crash.py`` runs the
full one (5,000 files, 20 SIGKILLs) and prints its figures.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import crash  # noqa: E402

from crosscheck.api import ingest  # noqa: E402
from crosscheck.store import Store  # noqa: E402


def test_sigkilled_ingests_then_a_full_run_store_everything_once(tmp_path: Path) -> None:
    """Small version of bench/crash.py: 500 files, 5 kills."""
    folder = tmp_path / "corpus"
    crash.make_files(folder, 500)
    outcome = crash.crash_test(folder, tmp_path / "store.db", files=500, kills=5, seed=3)
    assert outcome.kills, "no kill landed while ingest ran"
    assert outcome.problems == []
    assert outcome.final_exit == 0


def test_verify_finds_half_written_articles(tmp_path: Path) -> None:
    """The check the crash test relies on is not vacuous: damage is reported."""
    folder = tmp_path / "corpus"
    crash.make_files(folder, 20)
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest([str(folder)], store)
        assert store.verify() == []
        junky = next(article.id for article in store.iter_articles() if len(article.removed) >= 2)
    with sqlite3.connect(db) as conn:  # damage the file behind the store's back
        conn.execute("DELETE FROM raw WHERE article_id = 'story000001'")
        conn.execute("DELETE FROM removals WHERE article_id = ? AND seq = 0", (junky,))
    with Store(db) as store:
        assert store.verify() == ["1 article without raw bytes", "1 article with gaps in removals"]
    assert any("removals differ" in problem for problem in crash.check_store(db, 20))
