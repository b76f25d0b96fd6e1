"""A progress bar for a batch stage: rich, on stderr, and only when stderr is a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


@dataclass
class StageProgress:
    """Callbacks a stage calls: ``start(total)`` once, then ``advance()`` per piece done, or ``update(done, total)``."""

    progress: Any
    task: Any

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, _done: Any = None, amount: int = 1) -> None:
        self.progress.advance(self.task, amount)

    def update(self, done: int, total: int) -> None:
        """The ``progress(done, total)`` shape of ``api.update_stories``."""
        self.progress.update(self.task, completed=done, total=total)


@contextmanager
def stage_progress(label: str, *, quiet: bool = False, unit: str = "shards") -> Iterator[StageProgress]:
    """``with stage_progress("annotating") as bar: run(on_start=bar.start, on_shard=bar.advance)``."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = Console(stderr=True, highlight=False)
    progress = Progress(
        TextColumn(f"{label:<11}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )
    with progress:
        yield StageProgress(progress, progress.add_task(label, total=None))
