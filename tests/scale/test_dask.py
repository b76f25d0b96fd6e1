"""Batch stages on a Dask LocalCluster of two workers give what a single process gives.

The inputs mix everything that depends on order or on seeing a whole file: the bundled
example story, a large JSON Lines file cut into line ranges (with bad lines, a blank line and
a repeated record), a large file holding one good record (known by its file stem), two files
of the same name in two folders (the second gets a hash suffix), and a missing path.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck.api import annotate_inputs, ingest, read_articles
from crosscheck.cli import cli
from crosscheck.examples import example_articles
from crosscheck.language.serialize import doc_to_json
from crosscheck.model import Failure
from crosscheck.store import Store

distributed = pytest.importorskip("distributed", reason="needs crosscheck[scale]")

from crosscheck.scale import annotate as annotate_on_dask  # noqa: E402
from crosscheck.scale import connect  # noqa: E402
from crosscheck.scale import ingest as ingest_on_dask  # noqa: E402
from crosscheck.scale import write_parquet  # noqa: E402
from crosscheck.scale.priority import LOCAL_WORKER_NICE, yields_to_client  # noqa: E402
from crosscheck.scale.runner import map_shards  # noqa: E402
from crosscheck.scale.shards import line_ranges, plan_shards  # noqa: E402

SHARD_BYTES = 1_500
"""Small enough that every JSON Lines file here is cut into several ranges."""

TOWNS = ["Marrow", "Keswyn", "Dunhallow", "Pellory"]


def _record(number: int) -> dict:
    town = TOWNS[number % len(TOWNS)]
    return {
        "title": f"Ferry pier in {town} closed after inspection {number}",
        "outlet": f"Gazette {number % 3}",
        "published": f"2026-04-{1 + number % 20:02d}",
        "text": (
            f"The {town} ferry will not sail this week after inspectors found {number + 2} cracks in the pier, "
            f"the port office said.\n\n“We will not take chances,” harbour master Ines Calder said on Monday.\n\n"
            f"Repairs could take {number % 5 + 2} weeks, the county said.\n\nSign up for our newsletter"
        ),
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("inputs")
    lines = [json.dumps(_record(n), ensure_ascii=False) for n in range(40)]
    lines.insert(5, "{not json")
    lines.insert(9, "")
    lines.insert(20, lines[12])  # the same record twice: stored once
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    single = ["{broken"] * 300 + [json.dumps(_record(99))] + ["[1, 2]"] * 300  # cut before the good record
    (root / "single.jsonl").write_text("\n".join(single) + "\n", encoding="utf-8")
    for folder in ("north", "south"):
        (root / folder).mkdir()
        (root / folder / "brief.txt").write_text(f"Pier brief from the {folder}.\n\nThe pier stays shut.", encoding="utf-8")
    return [str(example_articles()), str(root / "feed.jsonl"), str(root / "single.jsonl"), str(root / "north"), str(root / "south"), str(root / "missing.jsonl")]


@pytest.fixture(scope="module")
def client():
    with connect(workers=2) as dask_client:
        yield dask_client


def _contents(store: Store) -> list[dict]:
    return [store.get(row["id"]).to_dict(include_raw=True) for row in store.list()]  # type: ignore[union-attr]


def test_inputs_are_cut_into_line_ranges(inputs: list[str]) -> None:
    shards, failures = plan_shards(inputs, shard_bytes=SHARD_BYTES)
    feed = [s for s in shards if s.source.endswith("feed.jsonl")]
    assert len(feed) > 3 and [s.part for s in feed] == list(range(len(feed)))
    data = Path(inputs[1]).read_bytes()
    assert b"".join(data[s.start : s.end] for s in feed) == data
    assert all(data[: s.start].count(b"\n") + 1 == s.first_line for s in feed)
    assert [f.source for f in failures] == [inputs[-1]]
    assert len([s for s in shards if s.source.endswith("single.jsonl")]) == 2


def test_line_ranges_end_after_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"".join(b"{}" + b" " * (n % 7) + b"\n" for n in range(500)) + b"{}")
    ranges = list(line_ranges(str(path), 100))
    data = path.read_bytes()
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    assert all(a[1] == b[0] and data[a[1] - 1 : a[1]] == b"\n" for a, b in zip(ranges, ranges[1:]))


def test_ingest_on_dask_stores_what_one_process_stores(inputs: list[str], client, tmp_path: Path) -> None:
    with Store(tmp_path / "one.db") as store:
        expected = ingest(inputs, store)
        expected_rows = _contents(store)
    with Store(tmp_path / "dask.db") as store:
        summary = ingest_on_dask(inputs, store, client=client, shard_bytes=SHARD_BYTES)
        rows = _contents(store)
    assert summary.to_dict() == expected.to_dict()
    assert rows == expected_rows
    assert "single" in summary.added and "brief-" in " ".join(summary.added)
    assert len(summary.duplicates) == 1 and len(summary.failures) == 602


def test_annotate_on_dask_prints_what_one_process_prints(inputs: list[str], client) -> None:
    expected = [str(r) if isinstance(r, Failure) else json.dumps(doc_to_json(r), ensure_ascii=False) for r in annotate_inputs(inputs)]
    found = [str(r) if isinstance(r, Failure) else r.line for r in annotate_on_dask(inputs, client=client, shard_bytes=SHARD_BYTES)]
    assert found == expected


def test_cli_ingest_with_a_scheduler_address(inputs: list[str], client, tmp_path: Path) -> None:
    address = client.scheduler.address
    runner = CliRunner()
    plain = runner.invoke(cli, ["ingest", *inputs[:2], "--db", str(tmp_path / "a.db"), "--format", "json"])
    on_dask = runner.invoke(cli, ["ingest", *inputs[:2], "--db", str(tmp_path / "b.db"), "--format", "json", "--dask", address])
    assert on_dask.exit_code == plain.exit_code == 1, on_dask.output  # feed.jsonl has a bad line
    assert {**json.loads(on_dask.stdout), "store": ""} == {**json.loads(plain.stdout), "store": ""}


def test_cli_ingest_reads_standard_input_in_the_client(client, tmp_path: Path) -> None:
    text = "Pier shut in Keswyn\n\nThe Keswyn pier stays shut this week, the county said."
    args = ["ingest", "-", "--db", str(tmp_path / "s.db"), "--format", "json", f"--dask={client.scheduler.address}"]
    result = CliRunner().invoke(cli, args, input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == ["stdin"]


def test_cli_annotate_with_a_scheduler_address(inputs: list[str], client) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["annotate", inputs[0], inputs[-1]])
    on_dask = runner.invoke(cli, ["annotate", inputs[0], inputs[-1], f"--dask={client.scheduler.address}"])
    assert on_dask.exit_code == plain.exit_code == 1
    assert on_dask.stdout == plain.stdout and on_dask.stderr == plain.stderr
    assert len(on_dask.stdout.splitlines()) == 7


def test_dask_before_the_paths_is_a_usage_error(inputs: list[str]) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--dask", inputs[1]])
    assert result.exit_code == 2
    assert "put --dask after the paths" in result.stderr


def test_parquet_parts_hold_what_one_process_reads(inputs: list[str], client, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs crosscheck[scale]")
    expected = [a for a in read_articles(inputs) if not isinstance(a, Failure)]
    written = write_parquet(inputs, tmp_path / "articles", client=client, shard_bytes=SHARD_BYTES)
    rows = parquet.read_table(tmp_path / "articles").to_pylist()
    assert written.added == [row["id"] for row in rows] == [a.id for a in expected]
    assert [(row["text"], row["raw"], row["content_hash"]) for row in rows] == [(a.text, a.raw, a.content_hash) for a in expected]
    assert "single" in written.added and len(written.failures) == 602


def test_parquet_annotations_hold_the_printed_json(inputs: list[str], client, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs crosscheck[scale]")
    expected = [doc_to_json(d) for d in annotate_inputs(inputs) if not isinstance(d, Failure)]
    write_parquet(inputs, tmp_path / "notes", client=client, annotations=True, shard_bytes=SHARD_BYTES)
    rows = parquet.read_table(tmp_path / "notes").to_pylist()
    found = [{key: value if key in ("id", "published") else json.loads(value) for key, value in row.items()} for row in rows]
    assert found == expected


def test_cli_stories_with_a_scheduler_address(inputs: list[str], client) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["stories", *inputs, "--format", "json"])
    on_dask = runner.invoke(cli, ["stories", *inputs, "--format", "json", f"--dask={client.scheduler.address}"])
    assert on_dask.exit_code == plain.exit_code == 1  # missing.jsonl
    assert json.loads(on_dask.stdout) == json.loads(plain.stdout)
    assert len(json.loads(plain.stdout)["stories"]) > 1


def _slow_shard(shard, seconds: float) -> str:
    import time

    time.sleep(seconds)
    return shard.source


def test_a_run_stopped_early_leaves_nothing_on_the_cluster(inputs: list[str], client) -> None:
    shards, _ = plan_shards(inputs, shard_bytes=SHARD_BYTES)
    results = map_shards(client, _slow_shard, shards, 0.2)
    first_shard, first = next(results)
    assert first == first_shard.source == shards[0].source
    results.close()  # e.g. the caller failed on the first shard
    assert len(shards) > 6 and not client.futures  # the shards submitted ahead were let go


@yields_to_client
def _nice_of_the_task() -> int:
    """The nice value of the worker thread running the task."""
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice values per thread are Linux's")
def test_local_workers_run_their_tasks_below_the_client(client) -> None:
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    task_nice = client.submit(_nice_of_the_task, pure=False).result()
    assert task_nice >= max(LOCAL_WORKER_NICE, before)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before  # the client keeps its core
