"""The report for a terminal, with rich: readable at 100 columns, plain text without colour.

Article text goes in as ``rich.text.Text`` (never as markup), so brackets in articles print
as written. Citations are article numbers, "[3, 5]", listed under "Articles".
"""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

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

_CELL_MARKS = {"carried": "●", "omitted": "·", "contradicted": "✕"}
_CELL_STYLES = {"omitted": "dim", "contradicted": "bold red"}
_STATUS_STYLES = {"corroborated": "bold green", "single-source": "bold yellow", "disputed": "bold red", "dispute": "bold red"}


def render_terminal(report: dict[str, Any], *, width: int = 100, color: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, no_color=not color, color_system="truecolor" if color else None,
        highlight=False, emoji=False, legacy_windows=False,
    )
    view = _View(report, color)
    for part in (view.header(), *view.sections()):
        console.print(part)
    return out.getvalue()


def _count(number: int, noun: str) -> tuple[tuple[str, str], str]:
    """The number in bold and its noun, for ``Text.assemble``."""
    return (str(number), "bold"), counted(number, noun).removeprefix(str(number))


class _View:
    def __init__(self, report: dict[str, Any], color: bool) -> None:
        self.report = report
        self.color = color
        self.numbers = {a["id"]: a["number"] for a in report["articles"]}
        self.names = {a["id"]: a["label"] for a in report["articles"]}

    def cite(self, articles: list[str]) -> Text:
        return Text("[" + ", ".join(str(n) for n in sorted(self.numbers.get(a, 0) for a in articles)) + "]", style="cyan")

    def header(self) -> Panel:
        story, report = self.report["story"], self.report
        facts = Text.assemble(
            *_count(story["articles"], "article"), " · ",
            *_count(story["independent_sources"], "independent source"), " · ",
            *_count(sum(c["status"] == "corroborated" for c in report["claims"]), "corroborated claim"), " · ",
            *_count(len(report["disputes"]), "dispute"), " · ", period_label(story),
        )
        return Panel(Group(Text(story["title"], style="bold"), facts), title="crosscheck story report", title_align="left", border_style="blue")

    def sections(self) -> list[Any]:
        return [
            *self._section("Summary", self.summary()),
            *self._section("Disputes", self.disputes()),
            *self._section("Quotes", self.quotes()),
            *self._section("Timeline", self.timeline()),
            *self._section("Coverage", self.coverage()),
            *self._section("Sources", self.sources()),
            *self._section("Articles", self.articles()),
        ]

    @staticmethod
    def _section(title: str, body: Any) -> list[Any]:
        return [Text(""), Rule(Text(title, style="bold"), align="left", style="blue"), body]

    def summary(self) -> Any:
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="dim")
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for number, sentence in enumerate(self.report["summary"], 1):
            status = sentence["kind"]
            label = Text(STATUS_LABELS.get(status, status), style=_STATUS_STYLES.get(status, ""))
            table.add_row(f"{number}.", label, Text(sentence["text"] + " ") + self.cite(sentence["articles"]))
        return table if self.report["summary"] else Text("No claim is carried well enough to summarise.", style="dim")

    def disputes(self) -> Any:
        parts: list[Any] = []
        for dispute in self.report["disputes"]:
            heading = Text.assemble((DISPUTE_LABELS.get(dispute["kind"], dispute["kind"]) + ": ", "bold red"), dispute["summary"])
            table = Table(box=box.SIMPLE, show_header=False, pad_edge=False, expand=True)
            table.add_column(ratio=3)
            table.add_column(ratio=2)
            for position in dispute["positions"]:
                who = Text(position["speaker"] or "", style="bold") + Text(" " if position.get("speaker") else "")
                table.add_row(Text(f"“{bare_quote(position['text'])}”"), who + self.cite(position["articles"]))
            parts += [heading, Padding(table, (0, 0, 0, 2))]
        return Group(*parts) if parts else Text("The articles do not contradict each other.", style="dim")

    def quotes(self) -> Any:
        parts: list[Any] = []
        for quote in self.report["quotes"]:
            altered = Text("  meaning changed", style="bold red") if quote.get("altered") else Text("")
            parts.append(Text.assemble((quote["speaker"] or "Unknown speaker", "bold"), ": ", f"“{quote['text']}”", altered))
            if quote.get("note"):
                parts.append(Padding(Text(quote["note"], style="italic red"), (0, 0, 0, 2)))
            for variant in quote["variants"]:
                pieces = word_changes(quote["text"], variant["text"])
                wording = Text(f"{wording_label(pieces)}: “", style="dim")
                for index, (kind, text) in enumerate(pieces):
                    wording.append("" if index == 0 or glued(text) else " ").append(self._changed(kind, text))
                parts.append(Padding(wording + Text("” ") + self.cite(variant["articles"]), (0, 0, 0, 2)))
        return Group(*parts) if parts else Text("No quotation appears in more than one article.", style="dim")

    def _changed(self, kind: str, text: str) -> Text:
        """Drifted wording: styled in colour, marked like ``git diff --word-diff`` without it."""
        if kind == "same":
            return Text(text)
        if kind == "context":
            return Text("…", style="dim")
        if self.color:
            return Text(text, style="bold yellow" if kind == "changed" else "strike red")
        return Text(f"{{+{text}+}}" if kind == "changed" else f"[-{text}-]")

    def timeline(self) -> Any:
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column("Date", no_wrap=True, style="bold")
        table.add_column("Event", ratio=1)
        table.add_column("Articles", no_wrap=True)
        for event in self.report["timeline"]:
            tags = "".join(f" ({label})" for label, on in (("scheduled", event["scheduled"]), ("background", event["background"])) if on)
            table.add_row(date_label(event["date"]), Text(event["event"]) + Text(tags, style="dim"), self.cite(event["articles"]))
        return table

    def coverage(self) -> Any:
        claims = {c["id"]: c for c in self.report["claims"]}
        coverage = self.report["coverage"]
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column("Claim", ratio=1)
        table.add_column("Status", no_wrap=True)
        table.add_column("Src", justify="right")
        for article in coverage["articles"]:
            table.add_column(str(self.numbers.get(article, "?")), justify="center", width=2)
        for claim_id, cells in zip(coverage["claims"], coverage["cells"]):
            claim = claims.get(claim_id, {"text": claim_id, "status": "", "independent_sources": 0})
            status = Text(STATUS_LABELS.get(claim["status"], claim["status"]), style=_STATUS_STYLES.get(claim["status"], ""))
            marks = (Text(_CELL_MARKS.get(cell, "?"), style=_CELL_STYLES.get(cell, "")) for cell in cells)
            table.add_row(Text(claim["text"]), status, str(claim.get("independent_sources", 0)), *marks)
        return table

    def sources(self) -> Any:
        stripped = {a for group in self.report["reuse"] for a in group.get("credit_stripped", [])}
        lines = []
        for source in self.report["sources"]:
            carried = Text(", ").join(
                Text(f"{self.names.get(a, a)} ") + self.cite([a]) + (Text(" credit removed", style="red") if a in stripped else Text(""))
                for a in source["articles"]
            )
            relayed = [a for a in source.get("relayed_by", []) if a not in source["articles"]]
            if relayed:
                relays = Text(", ").join(Text(f"{self.names.get(a, a)} ") + self.cite([a]) for a in relayed)
                carried = (carried + Text("; ") if source["articles"] else carried) + Text("relayed by ", style="dim") + relays
            lines.append(Text.assemble((source["origin"] or "Unknown origin", "bold"), f" ({source['kind']}): ") + carried)
        return Group(*lines) if lines else Text("No sources identified.", style="dim")

    def articles(self) -> Any:
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column("#", justify="right")
        table.add_column("Article", ratio=2)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Framing", ratio=3)
        for article in self.report["articles"]:
            framing = article["framing"]
            notes = []
            if framing.get("headline_overclaim"):
                notes.append(Text(f"Headline overclaims: “{framing['headline_overclaim']['claim']}”", style="bold red"))
            if framing["opinion"]:
                notes.append(Text(f"{len(framing['opinion'])} opinion sentence{'s' if len(framing['opinion']) != 1 else ''}"))
            if framing["loaded_words"]:
                notes.append(Text("Loaded: " + ", ".join(dict.fromkeys(w["word"] for w in framing["loaded_words"]))))
            if framing["omissions"]:
                notes.append(Text(f"Leaves out {len(framing['omissions'])} widely reported claim{'s' if len(framing['omissions']) != 1 else ''}"))
            if article["removed"]:
                notes.append(Text(f"{len(article['removed'])} junk removed", style="dim"))
            title = Text.assemble((article["label"], "bold"), "\n", article["title"] or "(untitled)", "\n", (published_label(article["published"]), "dim"))
            table.add_row(str(article["number"]), title, KIND_LABELS.get(article["kind"], article["kind"]), Text("\n").join(notes))
        return table
