"""Work on a local cluster's workers runs below the client that feeds it.

A LocalCluster shares the machine with its client, and the client's part of a batch run is
sequential (storing what the workers read, placing articles in stories one by one): whenever
it waits for a core, the whole run waits. ``connect`` starts local workers with ``NICE_ENV``
in their environment, and every task sent to them lowers its thread's CPU priority to that
(``yields_to_client``): the kernel then gives a contested core to the client, and the workers
every cycle it leaves. On 2 cores, the clustering stage of bench/scale.py's 100,000 articles
took 96.8 s with the workers at the client's priority, 86.5-87.3 s with them at nice 10. Workers
of a cluster joined by address keep their priority: they do not share the client's cores.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

NICE_ENV = "CROSSCHECK_WORKER_NICE"
LOCAL_WORKER_NICE = 10
"""Far enough below the client (nice 0) that it wins a contested core almost every time."""

P = ParamSpec("P")
R = TypeVar("R")


def lower_priority(nice: int) -> None:
    """Raise this thread's nice value to ``nice``; never lower it, which needs privileges.

    Linux keeps a nice value per thread, so only the calling worker thread moves; elsewhere
    the call moves the whole process, and where there is no ``setpriority`` it does nothing."""
    if not hasattr(os, "setpriority"):
        return
    who = threading.get_native_id() if sys.platform.startswith("linux") else 0
    try:
        if os.getpriority(os.PRIO_PROCESS, who) < nice:
            os.setpriority(os.PRIO_PROCESS, who, nice)
    except OSError:  # not allowed here: the task still runs, at its priority
        pass


def yields_to_client(task: Callable[P, R]) -> Callable[P, R]:
    """``task``, lowering its thread's priority first when run by a local cluster's worker."""

    @functools.wraps(task)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        nice = os.environ.get(NICE_ENV, "")
        if nice.lstrip("-").isdigit():
            lower_priority(int(nice))
        return task(*args, **kwargs)

    return run
