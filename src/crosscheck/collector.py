"""Pausing Python's cycle collector around work that makes much garbage and no cycles.

Annotating a document or writing a report allocates hundreds of thousands of short-lived
tuples, lists and spans, none of them cyclic: the collector's passes over them free nothing
and cost a few percent of the run. Pausing per call keeps memory bounded, since whatever a
call leaves is collected as usual afterwards.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def paused(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` with the cycle collector paused while it runs; a caller that turned the
    collector off itself finds it still off."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return run
