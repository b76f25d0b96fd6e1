"""The story report: build it once as JSON, then render it for a terminal, Markdown or HTML.

>>> report = build_report(articles, docs, analysis.to_json())   # doctest: +SKIP
>>> html = render(report, "html")                                # doctest: +SKIP

Renderers are imported only when used, so building a JSON report stays light.
"""

from __future__ import annotations

import json
from typing import Any

from crosscheck.report.build import build_report, report_schema

FORMATS = ("terminal", "json", "md", "html")

__all__ = ["FORMATS", "build_report", "render", "report_schema"]


def render(report: dict[str, Any], fmt: str = "terminal", *, width: int = 100, color: bool = False) -> str:
    """``report`` as text in ``fmt`` (terminal, json, md or html); a ``{"stories": [...]}``
    report of several stories renders each story in turn (HTML: one page with an index).

    ``width`` and ``color`` apply to the terminal rendering only; with ``color`` its text
    carries ANSI styles, for printing to a terminal that shows them.
    """
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if "stories" in report and fmt in ("md", "terminal"):
        return "\n".join(_each_story(story, i, len(report["stories"]), fmt, width, color) for i, story in enumerate(report["stories"], 1))
    if fmt == "md":
        from crosscheck.report.render_markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from crosscheck.report.render_html import render_html

        return render_html(report)
    if fmt == "terminal":
        from crosscheck.report.render_terminal import render_terminal

        return render_terminal(report, width=width, color=color)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _each_story(report: dict[str, Any], number: int, count: int, fmt: str, width: int, color: bool) -> str:
    """One story of several, under a heading that says which."""
    heading = f"Story {number} of {count}: {report['story']['title']}"
    text = render(report, fmt, width=width, color=color)
    if fmt == "md":
        return f"{'---' + chr(10) * 2 if number > 1 else ''}*Story {number} of {count}*\n\n{text}"
    return f"{'=' * min(width, len(heading))}\n{heading}\n{'=' * min(width, len(heading))}\n{text}"
