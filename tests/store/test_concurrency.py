"""Reading a store while ``crosscheck ingest`` writes to it: no errors, no "database is locked".

One writer process ingests a folder while reader processes list, search, count and get in a
loop through the library, and the ``list``/``search``/``show`` commands run alongside.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import crash  # noqa: E402

from crosscheck.store import Store  # noqa: E402

FILES = 500
READERS = 3


def _read_in_a_loop(db: str, stop, results) -> None:  # type: ignore[no-untyped-def]
    """Open, list, search, get, count, close, again and again until told to stop."""
    operations, errors = 0, []
    while not stop.is_set():
        try:
            with Store(db, readonly=True) as store:
                rows = store.list(limit=50, offset=operations % 400)
                store.search("harbour OR ferry", limit=10)
                store.search("pier AND (", limit=5)  # invalid FTS5: searched word by word
                for row in rows[:5]:
                    assert store.get(row["id"]) is not None
                store.count()
            operations += 1
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(f"{type(exc).__name__}: {exc}")
    results.put((operations, errors))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crosscheck", *args], capture_output=True, text=True)


def test_readers_never_fail_while_ingest_writes(tmp_path: Path) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "store.db"
    crash.make_files(folder, FILES)
    Store(db).close()  # the file exists, so readers can open it read-only from the start
    context = multiprocessing.get_context("spawn")
    stop, results = context.Event(), context.Queue()
    readers = [context.Process(target=_read_in_a_loop, args=(str(db), stop, results)) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    writer = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "ingest", str(folder), "--db", str(db), "-q"],
        stderr=subprocess.PIPE,
        text=True,
    )
    commands = []
    while writer.poll() is None:
        commands.append(_cli("list", "--db", str(db), "--limit", "5"))
        commands.append(_cli("search", "harbour", "--db", str(db), "--format", "json"))
    stop.set()
    outcomes = [results.get(timeout=60) for _ in readers]
    for reader in readers:
        reader.join(timeout=60)
    assert writer.returncode == 0 and writer.stderr.read() == ""
    assert [error for _, errors in outcomes for error in errors] == []
    assert all(operations > 0 for operations, _ in outcomes)
    assert [c.stderr for c in commands if c.returncode != 0] == []
    with Store(db) as store:
        assert store.count() == FILES
        assert store.verify() == []
        shown = _cli("show", store.list(limit=1)[0]["id"], "--db", str(db))
    assert shown.returncode == 0


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_served_app_answers_while_ingest_writes(tmp_path: Path) -> None:
    """``crosscheck serve`` reads (and adds pasted text) while ``crosscheck ingest`` writes."""
    import pytest

    httpx = pytest.importorskip("httpx")
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    first, rest, db = tmp_path / "first", tmp_path / "rest", tmp_path / "store.db"
    crash.make_files(first, 10)
    crash.make_files(rest, 300, seed=8)
    assert _cli("ingest", str(first), "--db", str(db), "-q").returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    client.get("/api/stories")
                    break
                except httpx.TransportError:
                    assert server.poll() is None and time.monotonic() < deadline, "server did not start"
                    time.sleep(0.2)
            writer = subprocess.Popen(
                [sys.executable, "-m", "crosscheck", "ingest", str(rest), "--db", str(db), "-q"],
                stderr=subprocess.PIPE,
                text=True,
            )
            answers, posted = [], 0
            while writer.poll() is None:
                answers.append(client.get("/api/stories", params={"q": "harbour"}))
                answers.append(client.get("/api/articles/story000003"))
                answers.append(client.get("/articles/story000004"))
                answers.append(client.get("/"))
                pasted = {"text": f"The pier reopened on day {posted}.\n\nThe ferry ran again.", "title": f"Pier {posted}"}
                answers.append(client.post("/api/articles", json=pasted))
                posted += 1
            assert writer.returncode == 0 and writer.stderr.read() == ""
            failed = [(a.request.method, str(a.request.url), a.status_code, a.text[:200]) for a in answers if a.status_code >= 300]
            assert failed == []
            assert len(answers) >= 5
    finally:
        server.terminate()
        _, server_errors = server.communicate(timeout=30)
    assert "locked" not in server_errors and "Traceback" not in server_errors
    with Store(db) as store:
        assert store.count() == 10 + 300 + posted
        assert store.verify() == []
