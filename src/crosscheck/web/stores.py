"""One ``Store`` per thread: sqlite3 connections must not cross threads, and opening one per
request would pay the migration check every time. WAL lets these readers run beside a writer."""

from __future__ import annotations

import threading
from pathlib import Path

from crosscheck.store import Store


class ThreadStores:
    """Hands each thread its own store on ``path``, opened on first use and kept for the
    thread's life (a connection can only be closed by the thread that opened it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
        return store
