"""The article page: cleaned text with quotes, claims and disputed spans marked, and each
piece of junk the cleaner removed shown struck through, with its reason, where it stood."""

from __future__ import annotations

from crosscheck.model import Article, Removal
from crosscheck.report.display import published_label
from crosscheck.web.highlights import Highlight
from crosscheck.web.html import e, external_link, page, story_url

LEGEND = (
    '<p class="legend-row"><span><mark class="hl hl-quote">quoted words</mark></span>'
    '<span><mark class="hl hl-claim">claim found in the story</mark></span>'
    '<span><mark class="hl hl-disputed">disputed</mark></span>'
    '<span><del>removed junk</del> <span class="tag">reason</span></span></p>'
)


def article_page(article: Article, highlights: list[Highlight], stories: list[tuple[str, str]]) -> str:
    """The page; ``stories`` are (id, title) pairs of the stories holding the article."""
    published = published_label(article.published) if article.published else None
    meta = " · ".join(e(x) for x in (article.outlet, published, article.byline) if x)
    link = external_link(article.url)
    in_stories = "".join(f'<a href="{e(story_url(sid))}">{e(title)}</a> ' for sid, title in stories)
    story_line = f'<p class="meta-line">In story: {in_stories}</p>' if in_stories else ""
    kicker = f'<p class="eyebrow">{e(article.kicker)}</p>' if article.kicker else ""
    body = (
        f"{kicker}<h1>{e(article.title or '(untitled)')}</h1>"
        f'<p class="meta-line">{meta}{" · " if meta and link else ""}{link}</p>{story_line}'
        f'<p class="meta-line">id <code>{e(article.id)}</code> · {len(article.text)} characters · '
        f"{len(article.removed)} piece{'s' * (len(article.removed) != 1)} of junk removed</p>{LEGEND}"
        f'<article class="card article-text">{marked_text(article, highlights)}</article>'
    )
    return page(article.title or article.id, body)


def marked_text(article: Article, highlights: list[Highlight]) -> str:
    """The paragraphs of the cleaned text with highlights, removals in between where they were."""
    text = article.text
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    placed = _removal_places(article)
    out = []
    for index, (start, end) in enumerate(paragraphs):
        out += [_junk(r) for r, at in placed if at <= start and (index == 0 or at > paragraphs[index - 1][0])]
        out.append(f"<p>{_marked(text, start, end, highlights)}</p>")
    last_start = paragraphs[-1][0]
    out += [_junk(r) for r, at in placed if at > last_start]
    return "".join(out)


def _junk(removal: Removal) -> str:
    return f'<p class="junk"><del>{e(removal.text)}</del> <span class="tag">{e(removal.reason)}</span></p>'


def _removal_places(article: Article) -> list[tuple[Removal, int]]:
    """Each removal with the offset in ``text`` where it stood, found by the kept words before it."""
    places, cursor = [], 0
    for removal in sorted(article.removed, key=lambda r: r.start):
        before = article.body[: removal.start].rstrip()[-40:]
        found = article.text.find(before, cursor) if before else 0
        if found >= 0:
            cursor = found + len(before)
        places.append((removal, cursor))
    return places


def _marked(text: str, start: int, end: int, highlights: list[Highlight]) -> str:
    """``text[start:end]`` escaped, cut at every highlight edge so overlapping marks never nest."""
    inside = [h for h in highlights if h.start < end and h.end > start]
    edges = sorted({start, end, *(max(start, min(end, x)) for h in inside for x in (h.start, h.end))})
    out = []
    for left, right in zip(edges, edges[1:]):
        piece = e(text[left:right])
        active = [h for h in inside if h.start <= left and h.end >= right]
        if not active:
            out.append(piece)
            continue
        kinds = " ".join(f"hl-{kind}" for kind in sorted({h.kind for h in active}))
        title = " | ".join(dict.fromkeys(h.label for h in active))
        out.append(f'<mark class="hl {kinds}" title="{e(title)}">{piece}</mark>')
    return "".join(out)
