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
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import click

from crosscheck import __version__
from crosscheck.ingest.options import IngestOptions
from crosscheck.model import Article, Failure

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
      crosscheck report articles/ -o r.html --format html   # the main job: cross-check a story
      crosscheck ingest articles/           # read .txt .html .jsonl .warc .xml files, folders, URLs
      crosscheck annotate story.txt         # sentences, entities, quotes, numbers, times (JSONL)
      crosscheck list                       # what is stored
      crosscheck show ARTICLE_ID            # cleaned text and the junk removed, with reasons
      crosscheck search "letter signed"     # full-text search
      crosscheck demo                       # report on the bundled example story

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


def run_ingest(paths: tuple[str, ...], store: Any, options: IngestOptions, *, quiet: bool, debug: bool):
    """Ingest with a progress bar on stderr (when it is a terminal) and errors as they happen."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from crosscheck.api import ingest

    console = Console(stderr=True, highlight=False)
    show_bar = not quiet and console.is_terminal
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show_bar,
    )
    task = progress.add_task("ingest", total=None)

    def report(failure: Failure) -> None:
        console.print(str(failure), markup=False, soft_wrap=True)

    with progress:
        return ingest(
            paths,
            store,
            options,
            on_start=lambda total: progress.update(task, total=total),
            on_input=lambda _item: progress.advance(task),
            on_failure=report,
            debug=debug,
        )


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_format_option
@_ingest_flags
@click.pass_context
def ingest_command(ctx: click.Context, paths: tuple[str, ...], db: Path, fmt: str, quiet: bool, **kwargs: Any) -> None:
    """Read articles into the store: files, folders (recursive), globs, URLs, or - for stdin.

    \b
    Formats: plain text (.txt, with optional YAML front matter), HTML, JSONL (.jsonl/.json),
    WARC (.warc, .warc.gz), RSS/Atom feeds (.xml/.rss/.atom or a feed URL); .gz is undone.
    Re-ingesting the same content adds nothing. Exit status 0 if every input was read,
    1 if some failed (each failure is one 'error: SOURCE: REASON' line on stderr).
    """
    _validate_date(kwargs["published"])
    options = _ingest_options(**kwargs)
    with _open_store(db) as store:
        summary = run_ingest(paths, store, options, quiet=quiet, debug=ctx.obj["debug"])
        total = store.count()
    if fmt == "json":
        _echo_json({**summary.to_dict(), "store": str(db), "total": total})
    elif not quiet:
        click.echo(
            f"{len(summary.added)} new, {len(summary.duplicates)} already stored, "
            f"{len(summary.failures)} failed; {total} articles in {db}",
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
@click.pass_context
def annotate_command(
    ctx: click.Context, paths: tuple[str, ...], published: str | None, outlet: str | None, stages: str | None, fmt: str
) -> None:
    """Print the language annotations of each article as one JSON object per line.

    \b
    Fields: sentences, entities, attributions, numbers, times, polarity, with character
    offsets into the cleaned text. PATH may be a benchmark folder (docs/*.txt + meta.jsonl,
    as in ../shared/bench/data/*): its texts are used exactly as given, so the output pipes
    straight into shared/bench/score.py (times and attributions use its shapes).
    """
    from crosscheck.api import annotate_inputs
    from crosscheck.language.serialize import doc_to_json

    _validate_date(published)
    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    options = IngestOptions(published=published, outlet=outlet)
    failed = False
    try:
        results = annotate_inputs(paths, options, stages=names, debug=ctx.obj["debug"])
        for result in results:
            if isinstance(result, Failure):
                failed = True
                click.echo(str(result), err=True)
            else:
                click.echo(json.dumps(doc_to_json(result), ensure_ascii=False))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--stages") from None
    ctx.exit(1 if failed else 0)


@cli.command("report")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json", "md", "html"]),
    default="terminal",
    show_default=True,
    help="terminal (rich text), json (the report contract), md (Markdown) or html (one self-contained file).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@click.option("--title", help="Story title (default: the most-mentioned names).")
@_ingest_flags
@click.pass_context
def report_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: Path,
    fmt: str,
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
    from crosscheck.api import stored_articles, story_report
    from crosscheck.report import render

    _validate_date(kwargs["published"])
    options = _ingest_options(**{**kwargs, "published": None})
    with _open_store(db) as store:
        summary = run_ingest(paths, store, options, quiet=quiet, debug=ctx.obj["debug"])
        articles = stored_articles(store, summary.added + summary.duplicates)
    if not articles:
        raise UserError("no article could be read from the inputs; nothing to report")
    report = story_report(articles, title=title, published=kwargs["published"])
    to_terminal = output is None and fmt == "terminal" and sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else 100
    text = render(report, fmt, width=min(width, 120), color=to_terminal)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        if not quiet:
            click.echo(f"wrote {fmt} report of {len(articles)} articles to {output}", err=True)
    ctx.exit(0 if summary.ok else 1)


@cli.command("list")
@_db_option
@_format_option
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--since", metavar="DATE", help="Only articles published on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option("--limit", type=int, help="At most this many articles.")
def list_command(db: Path, fmt: str, outlet: str | None, since: str | None, until: str | None, limit: int | None) -> None:
    """List stored articles: id, publication date, outlet and title."""
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
        click.echo("no articles stored yet", err=True)


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


def main() -> None:
    cli(prog_name="crosscheck")
