"""Running the batch stages on Dask: a local cluster of worker processes, or an existing one.

    from crosscheck.scale import connect, ingest
    with connect() as client, Store("news.db") as store:      # connect("tcp://host:8786")
        summary = ingest(["crawl/*.jsonl"], store, client=client)

Modules, in the order data flows: ``shards`` (inputs cut into pieces of work), ``stages``
(what a worker does with one shard), ``runner`` (shards in flight, results back in order),
``jobs`` (ingest and annotate, writing the store from the client; ``write_parquet``, whose
parts the workers write, ``parquet``), ``cluster`` (the client), ``priority`` (local workers
yield their cores to the client), ``progress`` (the bars).
"""

from crosscheck.scale.cluster import LOCAL, ClusterError, connect
from crosscheck.scale.jobs import ParquetSummary, annotate, ingest, write_parquet

__all__ = ["LOCAL", "ClusterError", "ParquetSummary", "annotate", "connect", "ingest", "write_parquet"]
