"""The ``crosscheck`` command: thin click wrappers over ``crosscheck.api`` and the store.

Exit status: 0 when everything succeeded, 1 when some input (or the command) failed,
2 for a usage error. Errors are one line on stderr (``error: SOURCE: REASON``); a
traceback appears only with ``--debug``.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Callable, Iterator

import click

from crosscheck import __version__, collector
from crosscheck.ingest.options import IngestOptions
from crosscheck.model import Article, Failure
from crosscheck.plural import counted

FORMATS = click.Choice(["text", "json"])


class UserError(click.ClickException):
    """A failure the user can fix; shown as one ``error:`` line, like input failures."""

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class _Group(click.Group):
    """Turns unexpected exceptions into one ``error:`` line unless ``--debug`` was given."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001
            if ctx.params.get("debug"):
                raise
            click.echo(f"error: {exc} (run with --debug for details)", err=True)
            ctx.exit(1)


def _db_option(func):
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="CROSSCHECK_DB",
        default="crosscheck.db",
        show_default=True,
        help="SQLite store to use (also $CROSSCHECK_DB).",
    )(func)


def _format_option(func):
    return click.option(
        "--format", "fmt", type=FORMATS, default="text", show_default=True, help="text for people, json for programs."
    )(func)


def _dask_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--dask PATH`` would swallow a path as the address: say how to write it instead."""
    if value is None or value == "local" or "://" in value or (":" in value and not Path(value).exists()):
        return value
    raise click.BadParameter(
        f"{value!r} is not a scheduler address like tcp://host:8786; put --dask after the paths, "
        "or write --dask=ADDRESS",
        ctx=ctx,
        param=param,
    )


def _dask_option(func):
    return click.option(
        "--dask",
        metavar="[ADDRESS]",
        is_flag=False,
        flag_value="local",
        default=None,
        callback=_dask_address,
        help="Run on Dask: alone, a local cluster of 2 worker processes; or the scheduler at ADDRESS "
        "(tcp://host:8786). Needs crosscheck[scale].",
    )(func)


@contextmanager
def _open_store(db: Path, *, readonly: bool = False) -> Iterator[Any]:
    from crosscheck.store import Store

    if readonly and not db.exists():
        raise UserError(f"{db}: no store here yet; run 'crosscheck ingest PATH...' first (or pass --db)")
    store = Store(db, readonly=readonly)
    try:
        yield store
    finally:
        store.close()


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="crosscheck")
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """crosscheck: read many reports of one news event and tell what is really known.

    \b
    Typical use:
      crosscheck report articles/ -o r.html # the main job: cross-check a story (HTML, by the suffix)
      crosscheck ingest articles/           # read .txt .html .jsonl .warc .xml files, folders, URLs
      crosscheck annotate story.txt         # sentences, entities, quotes, numbers, times (JSONL)
      crosscheck list                       # what is stored
      crosscheck show ARTICLE_ID            # cleaned text and the junk removed, with reasons
      crosscheck search "letter signed"     # full-text search
      crosscheck stories feeds/ --db news.db   # group a stream into stories; later runs add to them
      crosscheck updates STORY --db news.db # what changed in a story since its last report
      crosscheck demo                       # report on the bundled example story
      crosscheck serve                      # browse stories and reports at http://127.0.0.1:8000

    \b
    The store is ./crosscheck.db unless --db FILE or $CROSSCHECK_DB says otherwise.
    Exit status: 0 all inputs read, 1 some failed (one 'error: SOURCE: REASON' line each), 2 usage.
    """
    ctx.obj = {"debug": debug}


def _ingest_options(**kwargs: Any) -> IngestOptions:
    return IngestOptions(
        outlet=kwargs["outlet"],
        published=kwargs["published"],
        fetch=kwargs["fetch"],
        allow_private=kwargs["allow_private"],
        respect_robots=not kwargs["ignore_robots"],
        max_bytes=int(kwargs["max_mb"] * 1_000_000),
        timeout=kwargs["timeout"],
    )


def _ingest_flags(func):
    options = [
        click.option("--outlet", help="Outlet name for every input (overrides metadata)."),
        click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for every input."),
        click.option("--fetch", is_flag=True, help="For feeds: download each entry's page instead of using the feed text."),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Allow URLs that resolve to loopback, private or link-local addresses (refused by default).",
        ),
        click.option("--ignore-robots", is_flag=True, help="Fetch URLs even where robots.txt disallows it."),
        click.option("--max-mb", type=float, default=20.0, show_default=True, help="Size limit per file or page, in MB."),
        click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait for a web server."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line; errors still go to stderr."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _validate_date(value: str | None) -> None:
    if value is None:
        return
    from datetime import date

    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-10", param_hint="--published") from None


class _NoBar:
    """Stands in for rich's ``Progress`` when no bar is drawn, sparing rich's import (~50 ms)."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def update(self, *args: Any, **kwargs: Any) -> None:
        return None

    def advance(self, *args: Any, **kwargs: Any) -> None:
        return None


def _ingest_progress(quiet: bool) -> tuple[Any, Callable[[Failure], None]]:
    """A progress bar on stderr when it is a terminal (and not --quiet), and a failure printer."""
    if quiet or not sys.stderr.isatty():
        return _NoBar(), lambda failure: click.echo(str(failure), err=True)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True, highlight=False)
    progress = Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console, transient=True
    )
    return progress, lambda failure: console.print(str(failure), markup=False, soft_wrap=True)


def run_ingest(
    paths: tuple[str, ...], store: Any, options: IngestOptions, *, quiet: bool, debug: bool, dask: str | None = None
):
    """Ingest with a progress bar on stderr (when it is a terminal) and errors as they happen.

    With ``dask`` (an address, or "local") the inputs are read in shards on a Dask cluster.
    """
    from crosscheck.api import ingest

    progress, report = _ingest_progress(quiet)
    task = progress.add_task("ingest", total=None)

    with progress:
        if dask:
            from crosscheck.scale import ingest as ingest_on_dask

            with _dask_client(dask) as client:
                return ingest_on_dask(
                    paths,
                    store,
                    options,
                    client=client,
                    on_start=lambda total: progress.update(task, total=total),
                    on_shard=lambda _shard: progress.advance(task),
                    on_failure=report,
                    debug=debug,
                )
        return ingest(
            paths,
            store,
            options,
            on_start=lambda total: progress.update(task, total=total),
            on_input=lambda _item: progress.advance(task),
            on_failure=report,
            debug=debug,
        )


@contextmanager
def _dask_client(address: str) -> Iterator[Any]:
    from crosscheck.scale import ClusterError, connect

    try:
        with connect(address) as client:
            yield client
    except ClusterError as exc:
        raise UserError(str(exc)) from None


def _parquet_option(func):
    return click.option(
        "--parquet",
        type=click.Path(file_okay=False, path_type=Path),
        metavar="DIR",
        help="With --dask, for very large runs: the workers write Parquet parts (one per shard) "
        "into DIR instead of the store or standard output.",
    )(func)


def run_parquet(
    ctx: click.Context, paths: tuple[str, ...], folder: Path, options: IngestOptions, address: str | None, **kwargs: Any
) -> None:
    """Write Parquet parts with a progress bar; print where they went; exit."""
    from crosscheck.scale import write_parquet
    from crosscheck.scale.progress import stage_progress

    if address is None:
        raise click.UsageError("--parquet needs --dask (alone for a local cluster, or --dask=ADDRESS)")
    quiet, fmt = kwargs.pop("quiet", False), kwargs.pop("fmt", "text")
    with _dask_client(address) as client, stage_progress("writing", quiet=quiet) as bar:
        written = write_parquet(
            paths,
            folder,
            options,
            client=client,
            on_start=bar.start,
            on_shard=bar.advance,
            on_failure=lambda failure: click.echo(str(failure), err=True),
            debug=ctx.obj["debug"],
            **kwargs,
        )
    if fmt == "json":
        _echo_json({**written.to_dict(), "folder": str(folder)})
    elif not quiet:
        parts, failed = len(written.parts), len(written.failures)
        click.echo(f"{counted(len(written.added), 'article')} in {counted(parts, 'Parquet part')} in {folder}; {failed} failed", err=True)
    ctx.exit(0 if written.ok else 1)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_format_option
@_ingest_flags
@_dask_option
@_parquet_option
@click.pass_context
def ingest_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: Path,
    fmt: str,
    quiet: bool,
    dask: str | None,
    parquet: Path | None,
    **kwargs: Any,
) -> None:
    """Read articles into the store: files, folders (recursive), globs, URLs, or - for stdin.

    \b
    Formats: plain text (.txt, with optional YAML front matter), HTML, JSONL (.jsonl/.json),
    WARC (.warc, .warc.gz), RSS/Atom feeds (.xml/.rss/.atom or a feed URL); .gz is undone.
    A folder's hidden files and its README, LICENSE, CHANGELOG... are skipped (named, they are read).
    Re-ingesting the same content adds nothing. Exit status 0 if every input was read,
    1 if some failed (each failure is one 'error: SOURCE: REASON' line on stderr).
    --dask reads many files (and large JSONL files in pieces) in parallel; same store as without.
    """
    _validate_date(kwargs["published"])
    options = _ingest_options(**kwargs)
    if parquet is not None:
        run_parquet(ctx, paths, parquet, options, dask, quiet=quiet, fmt=fmt)
    with _open_store(db) as store:
        summary = run_ingest(paths, store, options, quiet=quiet, debug=ctx.obj["debug"], dask=dask)
        total = store.count()
    if fmt == "json":
        _echo_json({**summary.to_dict(), "store": str(db), "total": total})
    elif not quiet:
        click.echo(
            f"{len(summary.added)} new, {len(summary.duplicates)} already stored, "
            f"{len(summary.failures)} failed; {counted(total, 'article')} in {db}",
            err=True,
        )
    ctx.exit(0 if summary.ok else 1)


def _short(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command("annotate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) that relative times resolve against.")
@click.option("--outlet", help="Outlet name for every input.")
@click.option(
    "--stages",
    metavar="LIST",
    help="Comma-separated stages to run (default all): sentences,entities,attributions,numbers,times,polarity.",
)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@_dask_option
@_parquet_option
@click.pass_context
def annotate_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    stages: str | None,
    fmt: str,
    dask: str | None,
    parquet: Path | None,
) -> None:
    """Print the language annotations of each article as one JSON object per line.

    \b
    Fields: sentences, entities, attributions, numbers, times, polarity, with character
    offsets into the cleaned text. PATH may be a benchmark folder (docs/*.txt + meta.jsonl,
    as in ../shared/bench/data/*): its texts are used exactly as given, so the output pipes
    straight into shared/bench/score.py (times and attributions use its shapes).
    --dask annotates in parallel on a Dask cluster; the output is the same, in the same order.
    """
    from crosscheck.api import annotate_inputs
    from crosscheck.language.serialize import doc_to_json

    _validate_date(published)
    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    options = IngestOptions(published=published, outlet=outlet)
    failed = False
    try:
        if parquet is not None:
            run_parquet(ctx, paths, parquet, options, dask, annotations=True, stages=names)
        if dask:
            results = _annotate_on_dask(paths, options, names, dask, debug=ctx.obj["debug"])
        else:
            results = annotate_inputs(paths, options, stages=names, debug=ctx.obj["debug"])
        for result in results:
            if isinstance(result, Failure):
                failed = True
                click.echo(str(result), err=True)
            else:
                click.echo(result.line if dask else json.dumps(doc_to_json(result), ensure_ascii=False))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--stages") from None
    ctx.exit(1 if failed else 0)


def _annotate_on_dask(
    paths: tuple[str, ...], options: IngestOptions, stages: list[str] | None, address: str, *, debug: bool
) -> Iterator[Any]:
    from crosscheck.language import Pipeline
    from crosscheck.scale import annotate
    from crosscheck.scale.progress import stage_progress

    if stages:
        Pipeline(stages)  # an unknown stage is a usage error before any cluster starts
    with _dask_client(address) as client, stage_progress("annotating") as bar:
        yield from annotate(paths, options, client=client, stages=stages, on_start=bar.start, on_shard=bar.advance, debug=debug)


@cli.command("report")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json", "md", "markdown", "html"]),
    help="terminal (rich text), json (the report contract), md or markdown (Markdown) or html (one "
    "self-contained file). Default: from the -o file's suffix (.html, .htm, .md, .json), else terminal.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@click.option("--title", help="Story title (default: the headline the articles share most words with).")
@_ingest_flags
@click.pass_context
@collector.paused  # a report leaves under a thousand cyclic objects; collecting cost ~5% of a short run
def report_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: Path,
    fmt: str | None,
    output: Path | None,
    title: str | None,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Ingest PATHs and URLs (what is not stored yet), cross-check the story, write the report.

    \b
    The report says which facts several independent sources confirm, which rest on one,
    which are disputed (numbers, signed/unsigned, who said it, corrections), the quotes and
    their wordings, wire copy and stripped credits, a timeline and each outlet's framing.
    --published DATE resolves "on Monday" in articles that carry no date of their own.
    Exit status 0 when every input was read, 1 when some failed (the report covers the rest).
    """
    from crosscheck.api import stored_articles, stories_report
    from crosscheck.report import render

    _validate_date(kwargs["published"])
    fmt = report_format(fmt, output)
    options = _ingest_options(**{**kwargs, "published": None})
    with _open_store(db) as store:
        summary = run_ingest(paths, store, options, quiet=quiet, debug=ctx.obj["debug"])
        articles = stored_articles(store, summary.added + summary.duplicates)
    if not articles:
        raise UserError("no article could be read from the inputs; nothing to report")
    report = stories_report(articles, title=title, published=kwargs["published"])
    to_terminal = output is None and fmt == "terminal" and sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else 100
    text = render(report, fmt, width=min(width, 120), color=to_terminal)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        if not quiet:
            stories = f" in {len(report['stories'])} stories" if "stories" in report else ""
            click.echo(f"wrote {fmt} report of {counted(len(articles), 'article')}{stories} to {output}", err=True)
    _save_snapshots(db, [report], quiet=quiet)
    ctx.exit(0 if summary.ok else 1)


_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


def report_format(fmt: str | None, output: Path | None) -> str:
    """The report format asked for, else the one the output file's suffix names: ``-o story.html``
    alone should not write terminal text into an HTML file."""
    if fmt is not None:
        return "md" if fmt == "markdown" else fmt
    if output is not None:
        return _SUFFIX_FORMATS.get(output.suffix.lower(), "terminal")
    return "terminal"


def _save_snapshots(db: Path, reports: list[dict], *, quiet: bool) -> None:
    """Keep each story's report as a run of the store, for 'crosscheck updates'."""
    from crosscheck.api import save_report_snapshots

    with _open_store(db) as store:
        run = save_report_snapshots(store, reports)
        story_ids = store.snapshot_stories(run) if run is not None else []
    if story_ids and not quiet:
        click.echo(f"saved as run {run} of {', '.join(story_ids)} ('crosscheck updates STORY' shows what changes)", err=True)


def run_update_stories(store: Any, *, quiet: bool, dask: str | None = None) -> list[Any]:
    """``api.update_stories`` with a progress bar on stderr (when it is a terminal); with
    ``dask`` the workers compute each article's terms and embeddings, placing stays here."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from crosscheck.api import update_stories

    console = Console(stderr=True, highlight=False)
    progress = Progress(
        TextColumn("clustering"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=quiet or not console.is_terminal,
    )
    task = progress.add_task("stories", total=None)
    with progress, (_dask_client(dask) if dask else nullcontext()) as client:
        return update_stories(store, lambda done, total: progress.update(task, completed=done, total=total), client)


def _explicit(ctx: click.Context, name: str) -> bool:
    from click.core import ParameterSource

    return ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


@cli.command("stories")
@click.argument("paths", nargs=-1)
@_db_option
@_format_option
@_ingest_flags
@_dask_option
@click.pass_context
def stories_command(
    ctx: click.Context, paths: tuple[str, ...], db: Path, fmt: str, quiet: bool, dask: str | None, **kwargs: Any
) -> None:
    """Cluster articles into stories (events); with PATHs, ingest them first.

    \b
    Without PATHs, the stored articles are clustered. With PATHs, they are ingested into the
    store given by --db (or $CROSSCHECK_DB), else into a temporary store. Each run continues
    the last: new articles join existing stories or start new ones, story ids never change,
    and merges and splits are logged. JSON: {"stories": [{"id", "title", "articles"}]}.
    --dask reads the PATHs and computes each article's terms and embeddings on a Dask cluster;
    placing articles in stories stays sequential (same stories as without it).
    """
    from crosscheck.stories.text import stories_text

    _validate_date(kwargs["published"])
    if not paths and not db.exists():
        raise UserError(f"{db}: no store here yet; pass PATHs to cluster, or --db FILE")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        with _open_store(db if _explicit(ctx, "db") or not paths else Path(tmp, "stories.db")) as store:
            if paths:
                options = _ingest_options(**kwargs)
                failed = not run_ingest(paths, store, options, quiet=quiet, debug=ctx.obj["debug"], dask=dask).ok
            last_event = store.last_story_event()
            stories = run_update_stories(store, quiet=quiet, dask=dask)
            events = store.story_events(after=last_event)
    if fmt == "json":
        _echo_json({"stories": [{"id": s.id, "title": s.title, "articles": list(s.article_ids)} for s in stories]})
    else:
        click.echo(stories_text(stories, events))
    ctx.exit(1 if failed else 0)


@cli.command("updates")
@click.argument("story_id", metavar="STORY")
@click.option("--since", "since", type=int, metavar="RUN", help="Compare with the report saved at run RUN (default: the latest).")
@click.option("--save", is_flag=True, help="Save the current report as a new run, so the next 'updates' starts here.")
@_db_option
@_format_option
def updates_command(story_id: str, since: int | None, save: bool, db: Path, fmt: str) -> None:
    """What changed in STORY since its last report: new claims, disputes and sources, corrections.

    \b
    'crosscheck report --db FILE' saves each story's report as a numbered run; this command
    rebuilds the story's report (new articles in the store join first) and compares the two.
    'crosscheck stories --db FILE' lists the story ids.
    """
    from crosscheck.api import story_updates
    from crosscheck.stories.text import updates_text

    if not db.exists():
        raise UserError(f"{db}: no store here yet; run 'crosscheck report PATH... --db {db}' first")
    with _open_store(db) as store:
        try:
            updates = story_updates(store, story_id, since, save=save)
        except LookupError as error:
            raise UserError(str(error.args[0])) from None
    if fmt == "json":
        _echo_json(updates)
    else:
        click.echo(updates_text(updates))


@cli.command("list")
@_db_option
@_format_option
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--since", metavar="DATE", help="Only articles published on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option("--limit", type=int, help="At most this many articles.")
def list_command(db: Path, fmt: str, outlet: str | None, since: str | None, until: str | None, limit: int | None) -> None:
    """List stored articles: id, publication date, outlet and title."""
    from crosscheck.store import is_date_bound

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not is_date_bound(value):
            raise click.BadParameter(f"{value!r} is not a date like 2026-03-10 (or 2026-03, 2026)", param_hint=name)
    with _open_store(db, readonly=True) as store:
        rows = store.list(outlet=outlet, since=since, until=until, limit=limit)
    if fmt == "json":
        _echo_json(rows)
        return
    for row in rows:
        click.echo(
            f"{row['id']:<28} {(row['published'] or '-')[:10]:<10}  {_short(row['outlet'] or '-', 20):<20}  "
            f"{_short(row['title'] or '(no title)', 60)}"
        )
    if not rows:
        filtered = outlet is not None or since is not None or until is not None
        click.echo("no article matches these filters" if filtered else "no articles stored yet", err=True)


def _show_text(article: Article) -> None:
    meta = [
        ("title", article.title),
        ("kicker", article.kicker),
        ("outlet", article.outlet),
        ("published", article.published),
        ("byline", article.byline),
        ("url", article.url),
        ("source", article.source),
        ("format", article.format),
        ("language", article.language),
    ]
    click.secho(article.id, bold=True)
    for name, value in meta:
        if value:
            click.echo(f"  {name + ':':<11}{value}")
    click.secho(f"\ntext ({len(article.paragraphs)} paragraphs, {len(article.text)} characters)", bold=True)
    for span in article.paragraphs:
        click.echo(click.wrap_text(span.of(article.text), width=100, preserve_paragraphs=True) + "\n")
    click.secho(f"removed ({len(article.removed)})", bold=True)
    for piece in article.removed:
        click.echo(f"  [{piece.reason}] " + click.style(_short(piece.text, 90), dim=True))


@cli.command("show")
@click.argument("article_id")
@_db_option
@_format_option
def show_command(article_id: str, db: Path, fmt: str) -> None:
    """Show one article: metadata, cleaned text, and every removed piece with its reason."""
    with _open_store(db, readonly=True) as store:
        article = store.get(article_id)
    if article is None:
        raise UserError(f"no article with id {article_id!r}; 'crosscheck list' shows the ids")
    if fmt == "json":
        _echo_json(article.to_dict())
    else:
        _show_text(article)


@cli.command("search")
@click.argument("query")
@_db_option
@_format_option
@click.option("--limit", type=int, default=20, show_default=True)
def search_command(query: str, db: Path, fmt: str, limit: int) -> None:
    """Full-text search over titles and cleaned text; prints matching ids and titles.

    QUERY accepts SQLite FTS5 syntax ("exact phrase", signed OR unsigned, troop*);
    anything else is searched word by word.
    """
    with _open_store(db, readonly=True) as store:
        rows = store.search(query, limit=limit)
    if fmt == "json":
        _echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['id']:<28} {_short(row['title'] or '(no title)', 70)}")
    if not rows:
        click.echo(f"no article matches {query!r}", err=True)


@cli.command("demo")
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), help="Keep the demo store here (default: a temporary file)."
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default="report.html",
    show_default=True,
    help="Where to write the HTML report.",
)
@click.pass_context
def demo_command(ctx: click.Context, db: Path | None, html_path: Path) -> None:
    """Report on the bundled fictional example story: print it, and write report.html."""
    from crosscheck.api import stored_articles, story_report
    from crosscheck.examples import example_articles
    from crosscheck.report import render

    folder = example_articles()
    click.secho(f"Example story: {folder.parent.name} ({folder})", bold=True, err=True)
    with tempfile.TemporaryDirectory() as tmp:
        with _open_store(db or Path(tmp, "demo.db")) as store:
            summary = run_ingest((str(folder),), store, IngestOptions(), quiet=True, debug=ctx.obj["debug"])
            articles = stored_articles(store, summary.added + summary.duplicates)
    report = story_report(articles)
    color = sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if color else 100
    click.echo(render(report, "terminal", width=min(width, 120), color=color))
    html_path.write_text(render(report, "html"), encoding="utf-8")
    click.secho(f"wrote {html_path} (open it in a browser)", bold=True, err=True)
    ctx.exit(0 if summary.ok else 1)


@cli.command("serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; other than loopback needs --token.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="CROSSCHECK_TOKEN", help="Secret every request must carry (also $CROSSCHECK_TOKEN).")
@click.option("--allow-private", is_flag=True, help="Let added URLs reach loopback, private or link-local addresses.")
@click.option("--max-upload-mb", type=float, default=10.0, show_default=True, help="Largest request body (uploads, pasted text).")
def serve_command(db: Path, host: str, port: int, token: str | None, allow_private: bool, max_upload_mb: float) -> None:
    """Browse stories, read their reports and check the evidence in a browser; JSON API under /api.

    \b
    Pages: story list with search and filters, each story's report, each article with its
    quotes, claims and disputed spans marked, and a page to add URLs, feeds, text or files.
    With a token, open the app once as http://HOST:PORT/?token=TOKEN (a cookie keeps it), or
    send 'Authorization: Bearer TOKEN'. Needs the web extra: pip install "crosscheck[web]".
    """
    try:
        import uvicorn

        from crosscheck.web import WebConfig, create_app
        from crosscheck.web.config import bind_error
    except ImportError as exc:
        raise UserError(f'the web app needs extra packages ({exc.name} is missing): pip install "crosscheck[web]"') from None
    problem = bind_error(host, token)
    if problem:
        raise UserError(problem)
    config = WebConfig(db=db, token=token, allow_private=allow_private, max_upload_bytes=int(max_upload_mb * 1e6), host=host, warm=True)
    from crosscheck.api import update_stories

    with _open_store(db) as store:  # fails here, with a clear message, if the store cannot be opened
        if store.unassigned_count():
            click.echo(f"crosscheck: placing {counted(store.unassigned_count(), 'article')} into stories", err=True)
            update_stories(store)
    click.echo(f"crosscheck: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")


def main() -> None:
    from crosscheck import regexcache

    regexcache.install()  # ~0.3 s less start-up from the second run on (see the module)
    cli(prog_name="crosscheck")
