"""Work that yields to the client: a thread's priority is lowered, never raised, and only its own."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from crosscheck.scale.priority import NICE_ENV, lower_priority, yields_to_client

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice values per thread are Linux's")


def _in_a_thread(work) -> int:
    """Run ``work`` in a new thread; that thread's nice value afterwards."""
    seen: list[int] = []

    def run() -> None:
        work()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return seen[0]


def _own_nice() -> int:
    nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    if nice > 12:
        pytest.skip("the tests already run too far down to go 7 lower")  # 19 is the floor
    return nice


def test_lowering_moves_the_calling_thread_only() -> None:
    before = _own_nice()
    assert _in_a_thread(lambda: lower_priority(before + 5)) == before + 5
    assert _own_nice() == before


def test_a_thread_already_lower_stays_where_it_is() -> None:
    before = _own_nice()
    assert _in_a_thread(lambda: (lower_priority(before + 7), lower_priority(before + 3))) == before + 7


def test_a_task_yields_only_when_its_worker_was_told_to(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _own_nice()
    task = yields_to_client(lambda: "done")
    monkeypatch.delenv(NICE_ENV, raising=False)
    assert _in_a_thread(task) == before  # in the client, or on a cluster joined by address
    monkeypatch.setenv(NICE_ENV, str(before + 4))
    assert _in_a_thread(task) == before + 4
    monkeypatch.setenv(NICE_ENV, "high")  # not a number: ignored, the task still runs
    assert _in_a_thread(task) == before
