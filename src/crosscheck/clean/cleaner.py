"""The cleaning pipeline: judge every line of a body, then keep the story and log the rest.

Rules run from the most certain to the least: site furniture and captions recognised on
their own, repeats, prompt blocks, the tail after the story, and last the weak caption
signals, which may only touch lines nothing else has claimed.
"""

from __future__ import annotations

import dataclasses

from crosscheck.clean.assemble import assemble
from crosscheck.clean.captions import caption_reason, is_prose_caption
from crosscheck.clean.lines import Line, in_wrapped_paragraph, is_bullet, split_lines
from crosscheck.clean.prompts import prompt_blocks
from crosscheck.clean.repeats import body_echoes, headline_echoes, repeated_lines
from crosscheck.clean.rules import boilerplate_reason, leading_junk, trailing_junk
from crosscheck.clean.tail import tail_verdicts
from crosscheck.model import Article, Removal, Span

_MAX_JUNK_LINE_WORDS = 80


def clean_article(article: Article) -> Article:
    """A copy of ``article`` with ``text``, ``paragraphs`` and ``removed`` set from its body."""
    text, paragraphs, removed = clean_text(article.body, title=article.title)
    return dataclasses.replace(article, text=text, paragraphs=paragraphs, removed=removed)


def clean_text(body: str, *, title: str | None = None) -> tuple[str, list[Span], list[Removal]]:
    """``(text, paragraphs, removals)`` for ``body``; ``title`` lets a repeated headline go.

    Removal offsets point into ``body``; paragraph spans point into the returned text.
    """
    lines = split_lines(body)
    verdicts = {index: reason for index, line in enumerate(lines) if (reason := _line_reason(line))}
    verdicts |= repeated_lines(lines, verdicts)
    verdicts |= {index: reason for index, reason in headline_echoes(lines, title).items() if index not in verdicts}
    merged: set[int] = set()
    for first, last, reason in prompt_blocks(lines, verdicts):
        inside = range(first, last + 1)
        verdicts.update(dict.fromkeys(inside, reason))
        merged.update(inside[1:])
    verdicts |= tail_verdicts(lines, set(verdicts))
    verdicts |= _weak_captions(lines, verdicts)
    kept = [index for index in range(len(lines)) if index not in verdicts]
    leading = {index: cut for index in kept if (cut := leading_junk(lines[index].text))}
    trailing = {index: cut for index in kept if (cut := trailing_junk(lines[index].text))}
    return assemble(body, lines, verdicts, merged, leading, trailing)


def _line_reason(line: Line) -> str | None:
    if line.words > _MAX_JUNK_LINE_WORDS:
        return None
    return boilerplate_reason(line) or caption_reason(line)


def _weak_captions(lines: list[Line], verdicts: dict[int, str]) -> dict[int, str]:
    """Captions known only by weak signals; the first line (often a standfirst), wrapped
    prose, bullets and finished sentences are never candidates."""
    candidates = [
        index
        for index in range(1, len(lines))
        if index not in verdicts
        and not lines[index].finished
        and not lines[index].text.endswith(":")
        and not is_bullet(lines[index].text)
        and not in_wrapped_paragraph(lines, index)
    ]
    found = {index: "photo caption" for index in candidates if is_prose_caption(lines[index])}
    return found | body_echoes(lines, [index for index in candidates if index not in found])
