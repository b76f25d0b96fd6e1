"""The report as Markdown, for pasting into notes: headings, lists and pipe tables.

Citations are article numbers in brackets, "[3, 5]", listed under "Articles". Article text is
escaped so that it shows as written: no stray emphasis, links or HTML.
"""

from __future__ import annotations

import re
from typing import Any

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

_SPECIAL = re.compile(r"([\\`*_\[\]#~|])")


def _md(text: Any) -> str:
    """``text`` shown literally in Markdown (and inert as HTML)."""
    escaped = _SPECIAL.sub(r"\\\1", str(text)).replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\s*\n\s*", " ", escaped)


def render_markdown(report: dict[str, Any]) -> str:
    notes = _Notes(report)
    story = report["story"]
    lines = [
        f"# {_md(story['title'])}",
        "",
        f"*{counted(story['articles'], 'article')} · {counted(story['independent_sources'], 'independent source')} · {_md(period_label(story))}*",
    ]
    for title, section in (
        ("Summary", notes.summary),
        ("Disputes", notes.disputes),
        ("Quote ledger", notes.quotes),
        ("Timeline", notes.timeline),
        ("Claims and coverage", notes.coverage),
        ("Sources and provenance", notes.sources),
        ("Articles", notes.articles),
    ):
        lines += ["", f"## {title}", "", *section()]
    return "\n".join(lines).rstrip() + "\n"


class _Notes:
    """The sections as Markdown lines; knows each article's number and name."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report
        self.numbers = {a["id"]: a["number"] for a in report["articles"]}
        self.names = {a["id"]: a["label"] for a in report["articles"]}

    def cite(self, articles: list[str]) -> str:
        return "[" + ", ".join(str(n) for n in sorted(self.numbers.get(a, 0) for a in articles)) + "]"

    def named(self, articles: list[str]) -> str:
        return ", ".join(f"{_md(self.names.get(a, a))} {self.cite([a])}" for a in articles)

    def summary(self) -> list[str]:
        sentences = self.report["summary"]
        return [f"{i}. {_md(s['text'])} {self.cite(s['articles'])}" for i, s in enumerate(sentences, 1)] or ["No claim is carried well enough to summarise."]

    def disputes(self) -> list[str]:
        lines = []
        for dispute in self.report["disputes"]:
            lines += [f"### {_md(DISPUTE_LABELS.get(dispute['kind'], dispute['kind']))}: {_md(dispute['summary'])}", ""]
            for position in dispute["positions"]:
                speaker = f" ({_md(position['speaker'])})" if position.get("speaker") else ""
                lines.append(f"- “{_md(bare_quote(position['text']))}”{speaker}: {self.named(position['articles'])}")
            lines.append("")
        return lines or ["The articles do not contradict each other."]

    def quotes(self) -> list[str]:
        lines = []
        for quote in self.report["quotes"]:
            altered = " — **meaning changed**" if quote.get("altered") else ""
            lines += [f"### {_md(quote['speaker'] or 'Unknown speaker')}{altered}", "", f"> {_md(quote['text'])}", ""]
            if quote.get("note"):
                lines += [f"*{_md(quote['note'])}*", ""]
            lines += [f"- {_wording(quote['text'], v['text'])} {self.cite(v['articles'])}" for v in quote["variants"]]
            lines.append("")
        return lines or ["No quotation appears in more than one article."]

    def timeline(self) -> list[str]:
        lines = ["| Date | Event | Articles |", "| --- | --- | --- |"]
        for event in self.report["timeline"]:
            when = f"{date_label(event['date'])} ({event['when']})"
            tags = "".join(f" *{label}*" for label, on in (("scheduled", event["scheduled"]), ("background", event["background"])) if on)
            lines.append(f"| {_md(when)} | {_md(event['event'])}{tags} | {self.cite(event['articles'])} |")
        return lines

    def coverage(self) -> list[str]:
        coverage = self.report["coverage"]
        claims = {c["id"]: c for c in self.report["claims"]}
        columns = [str(self.numbers.get(a, "?")) for a in coverage["articles"]]
        lines = [
            "● carries the claim, ✕ contradicts it.",
            "",
            "| Claim | Status | Sources | " + " | ".join(columns) + " |",
            "| --- | --- | --- | " + " | ".join("---" for _ in columns) + " |",
        ]
        for claim_id, cells in zip(coverage["claims"], coverage["cells"]):
            claim = claims.get(claim_id, {"text": claim_id, "status": "", "independent_sources": 0})
            marks = " | ".join({"carried": "●", "contradicted": "✕"}.get(cell, "") for cell in cells)
            status = STATUS_LABELS.get(claim["status"], claim["status"])
            lines.append(f"| {_md(claim['text'])} | {status} | {claim.get('independent_sources', 0)} | {marks} |")
        return lines

    def sources(self) -> list[str]:
        lines = []
        for source in self.report["sources"]:
            relayed = [a for a in source.get("relayed_by", []) if a not in source["articles"]]
            relays = f"; relayed by {self.named(relayed)}" if relayed else ""
            carried = self.named(source["articles"]) or "no article of its own"
            lines.append(f"- **{_md(source['origin'] or 'Unknown origin')}** ({_md(source['kind'])}): {carried}{relays}")
        for group in self.report["reuse"]:
            if group.get("credit_stripped"):
                stripped = ", ".join(self.names.get(a, a) for a in group["credit_stripped"])
                lines.append(f"- {_md(group.get('origin') or 'Wire')} credit removed by {_md(stripped)}")
        return lines

    def articles(self) -> list[str]:
        return [line for article in self.report["articles"] for line in _article_lines(article)]


def _wording(base: str, variant: str) -> str:
    """The variant with drift marked: **changed**, ~~cut~~, (unquoted context) left out as "…"."""
    pieces = word_changes(base, variant)
    shown = ""
    for kind, text in pieces:
        marked = {"changed": f"**{_md(text)}**", "cut": f"~~{_md(text)}~~", "context": "…"}.get(kind, _md(text))
        shown += marked if not shown or glued(text) else " " + marked
    return f"{wording_label(pieces)}: “{shown}”"


def _article_lines(article: dict[str, Any]) -> list[str]:
    framing = article["framing"]
    kind = KIND_LABELS.get(article["kind"], article["kind"])
    meta = " · ".join(_md(x) for x in (article.get("byline"), published_label(article["published"]), article["id"]) if x)
    lines = [f"### {article['number']}. {_md(article['label'])} — {kind}", "", f"**{_md(article['title'] or '(untitled)')}**  ", meta, ""]
    if framing.get("headline_overclaim"):
        lines.append(f"- **Headline claims more than the body.** {_md(framing['headline_overclaim']['note'])}")
    for opinion in framing["opinion"]:
        lines.append(f"- Opinion ({_md(', '.join(opinion['signals']))}): “{_md(opinion['text'])}”")
    if framing["loaded_words"]:
        lines.append("- Loaded words: " + ", ".join(dict.fromkeys(f"“{_md(w['word'])}”" for w in framing["loaded_words"])))
    for omission in framing["omissions"]:
        lines.append(f"- Leaves out: {_md(omission['text'])}")
    for removed in article["removed"]:
        lines.append(f"- Removed ({_md(removed['reason'])}): ~~{_md(removed['text'])}~~")
    return [*lines, ""]
