"""HTML pages: the main text by trafilatura, the metadata from what the page itself declares.

The publication date is read only from meta tags and JSON-LD, never guessed from the body:
a date the story mentions is not the date it was published. Each page is parsed once; the
lxml tree serves the metadata and is then handed to trafilatura.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from lxml.etree import strip_tags
from lxml.html import HtmlElement
from trafilatura import bare_extraction, load_html
from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_sitename, extract_title

from crosscheck.ingest.decode import decode_text
from crosscheck.ingest.fields import iso_date, language_code, names, safe_json, web_url
from crosscheck.ingest.ids import stem_id, url_domain
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

# trafilatura logs a warning for each page without text; with no handler Python would print them all.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Publication-date declarations, most specific first; "itemprop" and JSON-LD slot in after the Open Graph ones.
_OPEN_GRAPH_DATES = ("article:published_time", "og:published_time", "og:article:published_time")
_NAMED_DATES = (
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
)
_ARTICLE_TYPES = ("Article", "BlogPosting", "Report")
_FAST_MIN_CHARS = 1000
_FAST_MIN_SHARE = 0.5
_MAX_ELEMENTS = 10_000
"""Above this many elements a page gets only the ``<p>`` extraction: trafilatura's cost grows
steeply with element count (300,000 empty divs took 5 minutes), and the largest of 181 real
news pages in the scrapinghub benchmark has 1,600 elements."""


def read(stream: BinaryIO, source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    """One local HTML file is one article, its id the file stem."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"file is over the {options.max_bytes / 1e6:g} MB limit")
    yield article_from_html(data, id=stem_id(source), source=source, options=options)


def article_from_html(
    data: bytes,
    *,
    id: str,
    source: str,
    options: IngestOptions,
    url: str | None = None,
    declared_encoding: str | None = None,
    fmt: str = "html",
    fallback: Mapping[str, str | None] | None = None,
) -> Article:
    """Extract one article from a page, or raise ReadError when it holds no text.

    ``fallback`` is metadata from a container (feed entry, JSON record) used where the page
    declares nothing; ``options.outlet`` and ``options.published`` override both.
    """
    tree = _parse(decode_text(data, declared_encoding or _meta_charset(data)))
    if tree is None:
        raise ReadError("no article text found in HTML")
    declared = _declared(tree)
    oversized = _element_count(tree) > _MAX_ELEMENTS
    found = _title_only(tree) if oversized else _trafilatura_metadata(tree)
    extra = fallback or {}
    title = found["title"] or extra.get("title")
    # trafilatura deletes <time> with its text, which would cut "closed on 2 May" to "closed on".
    strip_tags(tree, "time")
    body = _without_title(("" if oversized else _main_text(tree, url)) or _paragraph_text(tree), title)
    if not body:
        raise ReadError("no article text found in HTML")
    url = url or declared["url"]
    outlet = declared["outlet"] or found["outlet"] or extra.get("outlet") or (url_domain(url) if url else None)
    return Article(
        id=id,
        source=source,
        body=body,
        title=title,
        kicker=declared["kicker"] or extra.get("kicker"),
        byline=found["byline"] or extra.get("byline"),
        outlet=options.outlet or outlet,
        published=options.published or declared["published"] or extra.get("published"),
        language=declared["language"] or extra.get("language"),
        url=url,
        format=fmt,
        raw=data,
    )


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


def _parse(text: str) -> HtmlElement | None:
    """trafilatura's own parser (so its extraction sees the tree it expects); fragments get a body."""
    if not text.strip():
        return None
    tree = load_html(text)
    return tree if tree is not None else load_html(f"<html><body>{text}</body></html>")


def _declared(tree: HtmlElement) -> dict[str, str | None]:
    """What the page states about itself in meta tags, JSON-LD and ``<html lang>``."""
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = (element.get("content") or "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), content)
    for element in tree.xpath("//*[@itemprop='datePublished'][@datetime]"):
        meta.setdefault("datepublished", element.get("datetime"))
    root = tree.getroottree().getroot()
    linked = _linked_data(tree)
    article = _first_article(linked)
    candidates = [meta.get(key) for key in _OPEN_GRAPH_DATES]
    candidates += [meta.get("datepublished"), article.get("datePublished")]
    candidates += [meta.get(key) for key in _NAMED_DATES]
    return {
        "published": next(filter(None, map(iso_date, candidates)), None),
        "outlet": names(meta.get("og:site_name")) or names(_publisher(article, linked)),
        "kicker": names(meta.get("article:section")) or _first_name(article.get("articleSection")),
        "language": language_code(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
        or language_code(meta.get("content-language"))
        or language_code(meta.get("og:locale")),
        "url": web_url(meta.get("og:url")) or _canonical_url(tree),
    }


def _linked_data(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` members included; unparseable blocks are skipped."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            pending = [safe_json(json.loads(script.text, strict=False), script.text)]
        except (ValueError, RecursionError):
            continue
        for item in pending:  # grows while it is walked: nested lists and @graph members join the end
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                pending.append(item.get("@graph"))
    return found


def _first_article(linked: list[dict[str, Any]]) -> dict[str, Any]:
    """The news-article object (NewsArticle, BlogPosting, ...), else the first object that has a date."""
    for item in linked:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind.endswith(_ARTICLE_TYPES) for kind in kinds):
            return item
    return next((item for item in linked if "datePublished" in item), {})


def _publisher(article: dict[str, Any], linked: list[dict[str, Any]]) -> Any:
    """The publisher, following a ``{"@id": ...}`` reference into the ``@graph`` when needed."""
    publisher = article.get("publisher")
    if isinstance(publisher, dict) and "name" not in publisher and "@id" in publisher:
        return next((item for item in linked if item.get("@id") == publisher["@id"]), None)
    return publisher


def _first_name(value: Any) -> str | None:
    return names(value[0]) if isinstance(value, list) and value else names(value)


def _canonical_url(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical":
            return web_url(link.get("href"))
    return None


def _trafilatura_metadata(tree: HtmlElement) -> dict[str, str | None]:
    """Title, author and site name the way trafilatura finds them, without its body-text date guess.

    ``trafilatura.extract_metadata`` would also run htmldate, which costs about a third of the
    extraction time and is exactly the guess we refuse.
    """
    meta = extract_meta_json(tree, examine_meta(tree))
    author = meta.author if meta.author and " " in meta.author else None
    sitename = meta.sitename or extract_sitename(tree)
    return {
        "title": names(meta.title or extract_title(tree)),
        "byline": names((author or extract_author(tree) or "").replace("; ", ", ")),
        "outlet": None if not sitename or sitename.startswith(("http:", "https:")) else names(sitename.lstrip("@")),
    }


def _element_count(tree: HtmlElement) -> int:
    return sum(1 for _ in zip(range(_MAX_ELEMENTS + 1), tree.iter()))


def _title_only(tree: HtmlElement) -> dict[str, str | None]:
    """The ``<title>`` alone, for pages too big for trafilatura's metadata search."""
    return {"title": names(tree.findtext(".//title")), "byline": None, "outlet": None}


def _main_text(tree: HtmlElement, url: str | None) -> str:
    """trafilatura's main text, one paragraph per line turned into blank-line-separated paragraphs.

    The fast pass (no readability/jusText comparison) is kept when it already holds most of
    the page's paragraph text; otherwise the full comparison runs. On the scrapinghub
    benchmark this scores the same F1 as always running the full pass, at 1.5x the speed.
    """
    fast = _extract(tree, url, fast=True)
    if len(fast) >= _FAST_MIN_CHARS and len(fast) >= _FAST_MIN_SHARE * len(_paragraph_text(tree)):
        return fast
    full = _extract(tree, url, fast=False)
    return full or fast


def _extract(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    try:
        document = bare_extraction(tree, url=url, favor_precision=True, include_comments=False, fast=fast)
    except Exception:  # noqa: BLE001 - a trafilatura failure on odd markup falls back to <p> text
        return ""
    if document is None or not document.text:
        return ""
    return "\n\n".join(line.strip() for line in document.text.splitlines() if line.strip())


def _without_title(body: str, title: str | None) -> str:
    """The body without a first paragraph that only repeats the headline."""
    first, _, rest = body.partition("\n\n")
    return rest if title and " ".join(first.split()) == title else body


def _paragraph_text(tree: HtmlElement) -> str:
    """The text of every ``<p>``: a crude but safe fallback for broken pages trafilatura gives up on."""
    paragraphs = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return "\n\n".join(p for p in paragraphs if p)
