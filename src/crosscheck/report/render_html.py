"""The report as one self-contained HTML page: no scripts, and no styles or fonts from the web.

Citations reveal their source sentence on hover and on focus (tap or Tab) with CSS alone;
long parts fold into ``<details>``. Every piece of article or analysis text is escaped, and
only http(s) article addresses become links.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from crosscheck.crosssource.text import bare_quote
from crosscheck.plural import counted
from crosscheck.report.display import (
    DISPUTE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    date_label,
    glued,
    period_label,
    published_label,
    word_changes,
    wording_label,
)
from crosscheck.report.render_svg import provenance_svg

SECTIONS = (
    ("summary", "Summary"),
    ("disputes", "Disputes"),
    ("quotes", "Quotes"),
    ("timeline", "Timeline"),
    ("coverage", "Claims"),
    ("provenance", "Sources"),
    ("articles", "Articles"),
)


def render_html(report: dict[str, Any]) -> str:
    """The whole page as a string: one story, or (``{"stories": [...]}``) an index of the
    stories followed by each story's report, its anchors prefixed ``s1-``, ``s2-``, ..."""
    css = resources.files("crosscheck.report").joinpath("assets/report.css").read_text(encoding="utf-8")
    stories = report.get("stories")
    if stories is None:
        title, body = report["story"]["title"], _story(report, "")
    else:
        title = f"{len(stories)} stories"
        body = _story_index(stories) + "".join(_story(story, f"s{i}-") for i, story in enumerate(stories, 1))
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{_e(title)} · crosscheck report</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        f"{body}"
        '<footer class="wrap footer">Made by crosscheck from the articles listed above. '
        "Every finding links back to the sentences it came from.</footer>\n</body>\n</html>\n"
    )


def _story(report: dict[str, Any], prefix: str) -> str:
    """One story's masthead, section index and sections; ``prefix`` keeps anchors unique."""
    page = _Page(report)
    nav = "".join(f'<a href="#{key}">{label}</a>' for key, label in SECTIONS)
    body = "".join(
        (page.summary(), page.disputes(), page.quotes(), page.timeline(), page.coverage(), page.provenance(), page.articles())
    )
    html = (
        f"{page.masthead()}"
        f'<nav class="toc" aria-label="Sections"><div class="wrap">{nav}</div></nav>\n'
        f'<main class="wrap">{body}</main>\n'
    )
    if not prefix:
        return html
    html = _ANCHOR.sub(lambda m: f'{m.group(1)}="{m.group(2)}{prefix}', html).replace("url(#", f"url(#{prefix}")
    return f'<div class="story" id="{prefix}story">{html}</div>\n'


# Attributes that name an anchor of the page: prefixed per story when there are several.
_ANCHOR = re.compile(r'\b(id|aria-labelledby|href)="(#?)(?!https?:)')


def _story_index(stories: list[dict[str, Any]]) -> str:
    items = "".join(
        f'<li><a href="#s{i}-story">{_e(story["story"]["title"])}</a> '
        f'<span class="muted">{counted(story["story"]["articles"], "article")} · '
        f'{counted(story["story"]["independent_sources"], "independent source")}</span></li>'
        for i, story in enumerate(stories, 1)
    )
    return (
        '<header class="masthead"><div class="wrap">'
        '<p class="brand"><span class="logo" aria-hidden="true">✓✓</span>crosscheck <span>story reports</span></p>'
        f"<h1>{len(stories)} stories</h1>"
        f'<nav aria-label="Stories"><ol class="story-index">{items}</ol></nav></div></header>\n'
    )


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _capitalised(phrase: str) -> str:
    """``str.capitalize`` without lower-casing the rest ("9 Mar" stays)."""
    return phrase[:1].upper() + phrase[1:]


def _section(key: str, title: str, lede: str, content: str, count: int | None = None) -> str:
    badge = f' <span class="count">{count}</span>' if count is not None else ""
    return (
        f'<section id="{key}" class="section" aria-labelledby="{key}-title">'
        f'<header class="section-head"><h2 id="{key}-title">{_e(title)}{badge}</h2><p>{_e(lede)}</p></header>'
        f"{content}</section>\n"
    )


class _Page:
    """Renders the sections of one report; knows each article's number and name."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report
        self.by_id = {a["id"]: a for a in report["articles"]}

    def name(self, article: str) -> str:
        found = self.by_id.get(article)
        return found["label"] if found else article

    def number(self, article: str) -> str:
        found = self.by_id.get(article)
        return str(found["number"]) if found else "?"

    def sentence(self, evidence: dict[str, Any]) -> str:
        """The whole sentence a piece of evidence points at, from the article's own text."""
        found = self.by_id.get(evidence["article"])
        start, end = evidence["sentence"]
        return found["text"][start:end] if found else evidence["text"]

    def ordered(self, articles: list[str]) -> list[str]:
        return sorted(articles, key=lambda a: self.by_id[a]["number"] if a in self.by_id else len(self.by_id) + 1)

    def cite(self, article: str, evidence: list[dict[str, Any]], *, named: bool = False) -> str:
        """A numbered chip (with the outlet's name if ``named``); hovering or focusing it shows
        the sentence it stands for."""
        sentence = next((self.sentence(e) for e in evidence if e["article"] == article), None)
        quote = f"<q>{_e(sentence)}</q>" if sentence else '<span class="muted">carries this; no sentence located</span>'
        name = f'<span class="cite-name">{_e(self.name(article))}</span>' if named else ""
        return (
            f'<span class="cite{" named" if named else ""}" tabindex="0" aria-label="Source {self.number(article)}: {_e(self.name(article))}">'
            f'<span class="n">{self.number(article)}</span>{name}'
            f'<span class="pop" role="tooltip"><b>{self.number(article)} · {_e(self.name(article))}</b>{quote}</span></span>'
        )

    def cites(self, articles: list[str], evidence: list[dict[str, Any]], *, named: bool = False) -> str:
        chips = "".join(self.cite(a, evidence, named=named) for a in self.ordered(articles))
        return f'<span class="cites{" named" if named else ""}">{chips}</span>'

    def chips(self, articles: list[str]) -> str:
        return "".join(f'<span class="chip"><b>{self.number(a)}</b>{_e(self.name(a))}</span>' for a in self.ordered(articles))

    def masthead(self) -> str:
        report, story = self.report, self.report["story"]
        stats = (
            ("Articles", story["articles"]),
            ("Independent sources", story["independent_sources"]),
            ("Corroborated claims", sum(c["status"] == "corroborated" for c in report["claims"])),
            ("Disputes", len(report["disputes"])),
            ("Quotes tracked", len(report["quotes"])),
        )
        cells = "".join(f"<div><dt>{_e(label)}</dt><dd>{value}</dd></div>" for label, value in stats)
        return (
            '<header class="masthead"><div class="wrap">'
            '<p class="brand"><span class="logo" aria-hidden="true">✓✓</span>crosscheck <span>story report</span></p>'
            f'<h1>{_e(story["title"])}</h1>'
            f'<p class="period">{_e(_capitalised(period_label(story)))}</p>'
            f'<dl class="stats">{cells}</dl></div></header>\n'
        )

    def summary(self) -> str:
        items = []
        for sentence in self.report["summary"]:
            status = sentence["kind"]
            items.append(
                f'<li class="status-{_e(status)}"><span class="badge">{_e(STATUS_LABELS.get(status, status))}</span>'
                f'<p>{_e(sentence["text"])} {self.cites(sentence["articles"], sentence["evidence"])}</p></li>'
            )
        content = f'<ol class="summary card">{"".join(items)}</ol>' if items else '<p class="empty card">No claim is carried well enough to summarise.</p>'
        return _section("summary", "Summary", "What the articles establish, in neutral words. Hover or tap a number to read the source sentence.", content)

    def disputes(self) -> str:
        cards = []
        for dispute in self.report["disputes"]:
            positions = []
            for position in dispute["positions"]:
                speaker = f'<p class="speaker">{_e(position["speaker"])}</p>' if position.get("speaker") else ""
                positions.append(
                    f'<div class="position"><blockquote>{_e(bare_quote(position["text"]))}</blockquote>{speaker}'
                    f'<p class="by">{self.cites(position["articles"], position.get("evidence", []), named=True)}</p></div>'
                )
            kind = dispute["kind"]
            cards.append(
                f'<article class="card dispute kind-{_e(kind)}"><p class="eyebrow">{_e(DISPUTE_LABELS.get(kind, kind))}</p>'
                f'<h3>{_e(dispute["summary"])}</h3><div class="positions">{"".join(positions)}</div></article>'
            )
        content = "".join(cards) or '<p class="empty card">The articles do not contradict each other.</p>'
        return _section("disputes", "Disputes", "Where the articles disagree, each side as its sources put it.", content, len(cards))

    def quotes(self) -> str:
        cards = []
        for quote in self.report["quotes"]:
            variants = []
            for variant in quote["variants"]:
                pieces = word_changes(quote["text"], variant["text"])
                words = "".join(_changed(kind, text) for kind, text in pieces)
                said = wording_label(pieces)
                label = f'<span class="tag{" ok" if said == "as said" else ""}">{said}</span>'
                variants.append(f'<li><p class="wording">{label}{words}</p><p class="by">{self.chips(variant["articles"])}</p></li>')
            altered = '<span class="tag warn">Meaning changed</span>' if quote.get("altered") else ""
            note = f'<p class="note">{_e(quote["note"])}</p>' if quote.get("note") else ""
            via = f'<p class="via">Reached some outlets via {_e(_listed(quote["via"]))}</p>' if quote.get("via") else ""
            cards.append(
                f'<article class="card quote"><header><p class="speaker">{_e(quote["speaker"] or "Unknown speaker")}</p>{altered}</header>'
                f'<blockquote class="canonical">{_e(quote["text"])}</blockquote>{note}{via}<ol class="variants">{"".join(variants)}</ol></article>'
            )
        content = f'<div class="quote-grid">{"".join(cards)}</div>' if cards else '<p class="empty card">No quotation appears in more than one article.</p>'
        return _section("quotes", "Quote ledger", "Each quotation once, with every wording the articles print: changed words highlighted, cut words struck through, unquoted context greyed.", content, len(cards))

    def timeline(self) -> str:
        main = [e for e in self.report["timeline"] if not e["background"]]
        background = [e for e in self.report["timeline"] if e["background"]]
        content = f'<ol class="timeline card">{self._events(main)}</ol>' if main else '<p class="empty card">No dated events.</p>'
        if background:
            content += f'<details class="card background"><summary>Background: {len(background)} earlier events</summary><ol class="timeline">{self._events(background)}</ol></details>'
        return _section("timeline", "Timeline", "Events in the order they happened, dated from each article's own time expressions.", content, len(main))

    def _events(self, events: list[dict[str, Any]]) -> str:
        """Timeline rows; a day's later events leave its date out, so days read as groups."""
        rows, previous = [], None
        for event in events:
            day = date_label(event["date"])
            tags = "".join(f'<span class="tag">{label}</span>' for label, on in (("scheduled", event["scheduled"]), ("date inferred", event["inferred"])) if on)
            same = ' class="same-day"' if day == previous else ""
            rows.append(
                f'<li{same}><p class="when"><time>{_e(day)}</time><span>{_e(event["when"])}</span></p>'
                f'<div class="what"><p>{_e(event["event"])} {tags}</p><p class="by">{self.cites(event["articles"], event["evidence"])}</p></div></li>'
            )
            previous = day
        return "".join(rows)

    def coverage(self) -> str:
        claims = {c["id"]: c for c in self.report["claims"]}
        coverage = self.report["coverage"]
        head = "".join(
            f'<th scope="col" title="{_e(self.name(a))}"><span class="num">{self.number(a)}</span><span class="col-name">{_e(self.name(a))}</span></th>'
            for a in coverage["articles"]
        )
        rows = sorted(
            ((claims.get(i, {"text": i, "status": "", "independent_sources": 0}), cells) for i, cells in zip(coverage["claims"], coverage["cells"])),
            key=lambda row: _STATUS_ORDER.get(row[0]["status"], len(_STATUS_ORDER)),
        )
        shown = [r for r in rows if r[0]["status"] != "single-source"]
        shown += [r for r in rows if r[0]["status"] == "single-source"][: max(0, SHOWN_CLAIMS - len(shown))]
        rest = [r for r in rows if not any(r is s for s in shown)]
        table = f'<div class="card table-scroll">{self._claims_table(head, shown)}</div>'
        if rest:
            table += (
                f'<details class="card more-claims"><summary>{len(rest)} more single-source claims</summary>'
                f'<div class="table-scroll">{self._claims_table(head, rest)}</div></details>'
            )
        legend = "Each claim, how many independent sources carry it, and which articles do: ● carries it, ✕ contradicts it."
        return _section("coverage", "Claims and coverage", legend, table, len(rows))

    def _claims_table(self, head: str, rows: list[tuple[dict[str, Any], list[str]]]) -> str:
        body = []
        for claim, cells in rows:
            marks = "".join(f'<td class="{_e(cell)}" title="{_e(cell)}">{_CELL_MARKS.get(cell, "")}<span class="sr">{_e(cell)}</span></td>' for cell in cells)
            sources = claim.get("independent_sources", 0)
            body.append(
                f'<tr class="status-{_e(claim["status"])}"><th scope="row"><span class="badge">{_e(STATUS_LABELS.get(claim["status"], claim["status"]))}</span>'
                f'{_e(claim["text"])}<span class="sources">{sources} independent source{"s" if sources != 1 else ""}</span></th>{marks}</tr>'
            )
        return f'<table class="coverage"><thead><tr><th scope="col">Claim</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'

    def provenance(self) -> str:
        report = self.report
        legend = (
            '<ul class="legend"><li><i class="l-wire"></i>wire copy, credit kept</li><li><i class="l-stripped"></i>wire copy, credit removed</li>'
            '<li><i class="l-own"></i>own reporting</li><li><i class="l-cites"></i>relays another source</li></ul>'
        )
        groups = []
        for group in report["reuse"]:
            stripped = ", ".join(_e(self.name(a)) for a in group.get("credit_stripped", []))
            note = f" Credit removed by {stripped}." if stripped else ""
            groups.append(
                f'<li><b>{_e(group.get("origin") or "Unknown origin")}</b> copy in {len(group["articles"])} articles, '
                f'{len(group.get("passages", []))} shared passages.{note}</li>'
            )
        notes = f'<ul class="reuse">{"".join(groups)}</ul>' if groups else ""
        content = f'<div class="card graph"><div class="graph-scroll">{provenance_svg(report["provenance"])}</div>{legend}{notes}</div>'
        return _section(
            "provenance",
            "Sources and provenance",
            f"{counted(report['story']['independent_sources'], 'independent source')}. Copies of one wire story count once; an outlet the articles relay counts for itself; opinion and aggregation add none of their own.",
            content,
        )

    def articles(self) -> str:
        return _section(
            "articles", "Articles", "Each article's kind and framing, with its cleaned text. Opinion sentences are marked; removed junk is listed.",
            f'<div class="article-list">{"".join(self._article(a) for a in self.report["articles"])}</div>', len(self.report["articles"]),
        )

    def _article(self, article: dict[str, Any]) -> str:
        framing = article["framing"]
        flags = []
        overclaim = framing.get("headline_overclaim")
        if overclaim:
            flags.append(f'<li class="flag warn"><b>Headline claims more than the body.</b> {_e(overclaim["note"])}</li>')
        if framing["opinion"]:
            count = len(framing["opinion"])
            listed = "".join(f'<li>{_e(o["text"])} <span class="tag">{_e(", ".join(o["signals"]))}</span></li>' for o in framing["opinion"])
            flags.append(
                f'<li class="flag"><details><summary><b>{count} opinion sentence{"s" * (count != 1)}</b> in the writer\'s own voice</summary>'
                f'<ul class="opinion-list">{listed}</ul></details></li>'
            )
        if framing["loaded_words"]:
            words = ", ".join(dict.fromkeys(f"“{_e(w['word'])}”" for w in framing["loaded_words"]))
            flags.append(f'<li class="flag"><b>Loaded words:</b> {words}</li>')
        if framing["credits"]:
            flags.append(f'<li class="flag"><b>Credits</b> {_e(", ".join(framing["credits"]))}.</li>')
        if framing["omissions"]:
            missing = "".join(f"<li>{_e(o['text'])}</li>" for o in framing["omissions"])
            flags.append(f'<li class="flag"><b>Leaves out what most others report:</b><ul>{missing}</ul></li>')
        meta = " · ".join(_e(x) for x in (article.get("byline"), published_label(article["published"]), article.get("kicker")) if x)
        source = article.get("source")
        if source and source["kind"] == "wire":
            credit = ", credit removed" if source["credit_stripped"] else ""
            origin = f'{_e(source["origin"])} wire copy{credit}'
        else:
            origin = _e(framing["kind_reason"])
        link = ""
        if article.get("url") and urlsplit(article["url"]).scheme in ("http", "https"):
            link = f' <a class="source-link" href="{_e(article["url"])}" rel="noreferrer noopener">original</a>'
        removed = "".join(f'<li><del>{_e(r["text"])}</del><span class="tag">{_e(r["reason"])}</span></li>' for r in article["removed"])
        junk = f'<div class="junk"><h4>Removed as junk ({len(article["removed"])})</h4><ul>{removed}</ul></div>' if removed else ""
        kind = article["kind"]
        return (
            f'<article class="card article kind-{_e(kind)}" id="article-{_e(article["id"])}">'
            f'<header><span class="num">{article["number"]}</span><div><p class="outlet">{_e(article["label"])} '
            f'<span class="kind">{_e(KIND_LABELS.get(kind, kind))}</span></p>'
            f'<h3>{_e(article["title"] or "(untitled)")}</h3><p class="meta">{meta}{link}</p>'
            f'<p class="why">{origin}</p></div></header>'
            f'<ul class="flags">{"".join(flags)}</ul>'
            f'<details><summary>Read the cleaned text</summary><div class="body">{_marked_text(article)}</div>{junk}</details></article>'
        )


_CELL_MARKS = {"carried": "●", "omitted": "·", "contradicted": "✕"}
_STATUS_ORDER = {"corroborated": 0, "disputed": 1, "single-source": 2}
# Claims shown in the coverage matrix before the rest fold away.
SHOWN_CLAIMS = 15


def _listed(value: str | list[str]) -> str:
    return value if isinstance(value, str) else ", ".join(value)


def _changed(kind: str, text: str) -> str:
    space = "" if glued(text) else " "
    if kind == "changed":
        return f"{space}<mark>{_e(text)}</mark>"
    if kind == "cut":
        return f'{space}<del title="left out">{_e(text)}</del>'
    if kind == "context":
        return f'{space}<span class="context" title="not quoted">{_e(text)}</span>'
    return f"{space}{_e(text)}"


def _marked_text(article: dict[str, Any]) -> str:
    """The cleaned text in paragraphs, opinion sentences and loaded words marked."""
    text = article["text"]
    marks = sorted(
        [(o["start"], o["end"], "opinion", ", ".join(o["signals"])) for o in article["framing"]["opinion"]]
        + [(w["start"], w["end"], "loaded", "loaded word") for w in article["framing"]["loaded_words"]]
    )
    paragraphs = article["paragraphs"] or [[0, len(text)]]
    return "".join(f"<p>{_spans(text, start, end, marks)}</p>" for start, end in paragraphs)


def _spans(text: str, start: int, end: int, marks: list[tuple[int, int, str, str]]) -> str:
    """``text[start:end]`` escaped, with the marks inside it wrapped (loaded words nest in opinion)."""
    out, position = [], start
    inside = [(s, e, kind, why) for s, e, kind, why in marks if start <= s < end]
    # At one offset: close before opening, and open the longer mark first so marks nest.
    events = sorted(
        [(s, 1, s - e, f'<mark class="{kind}" title="{_e(why)}">') for s, e, kind, why in inside]
        + [(min(e, end), 0, 0, "</mark>") for s, e, kind, why in inside]
    )
    for offset, _, _, tag in events:
        out.append(_e(text[position:offset]))
        out.append(tag)
        position = offset
    out.append(_e(text[position:end]))
    return "".join(out)
