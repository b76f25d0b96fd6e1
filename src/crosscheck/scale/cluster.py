"""Where the work runs: a local Dask cluster of worker processes, or an existing one by address.

Dask is an optional dependency (``pip install 'crosscheck[scale]'``); it is imported only here
and only when a cluster is asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crosscheck.scale.priority import LOCAL_WORKER_NICE, NICE_ENV

LOCAL = "local"
"""The address that means: start a LocalCluster on this machine."""

CONNECT_TIMEOUT_S = 10


class ClusterError(RuntimeError):
    """No cluster to run on: Dask is missing, or the scheduler cannot be reached."""


@contextmanager
def connect(address: str | None = LOCAL, *, workers: int = 2, threads_per_worker: int = 1) -> Iterator[Any]:
    """A ``distributed.Client``, closed (with its LocalCluster) on exit.

    ``address`` None or ``"local"`` starts ``workers`` processes here; separate processes,
    since the stages are pure Python and threads would share one interpreter lock; their tasks
    run below the client's priority (``priority``). Any other
    address (``tcp://host:8786``) joins that scheduler; its workers need crosscheck installed.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs Dask: pip install 'crosscheck[scale]'") from None
    if address in (None, "", LOCAL):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=threads_per_worker,
            processes=True,
            dashboard_address=":0",  # any free port: never a clash with another cluster
            # Not ERROR: at close a worker may still send a heartbeat to the scheduler closing
            # beside it and log a traceback (dask/distributed#7891; 1 run of bench/scale.py in
            # ~10 here). A failed task still raises in the client, a lost worker still fails it.
            silence_logs=logging.CRITICAL,
            env={NICE_ENV: str(LOCAL_WORKER_NICE)},  # they share the client's cores: ``priority``
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({exc}); "
            "check the address, or give --dask alone for a local cluster"
        ) from None
    with client:
        yield client
