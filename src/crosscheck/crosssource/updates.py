"""Updated articles: the update on top, and the original story it supersedes.

Aggregators put an update over an earlier story: "UPDATE: ..." or "Update to story below:",
then "Original story follows." The original is what the update corrects, so its claims are
superseded, not disputed; a teaser line before the update marker belongs to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.crosssource.story import Story
from crosscheck.model import Span

UPDATE_MARK = re.compile(
    r"^\s*(?:update(?:d)?(?:\s+to\s+(?:this\s+|the\s+)?(?:story|article|post)(?:\s+below)?)?|editor['’]s\s+note|correction)"
    r"\s*[:.—-]",
    re.I,
)
_ORIGINAL_MARK = re.compile(r"^\s*(?:the\s+)?original\s+(?:story|article|report)\s+(?:follows|below)\b", re.I)


@dataclass(frozen=True, slots=True)
class Sections:
    """Where an article's update is (empty when it has none) and the original's lede: the
    teaser above the update and the original's first sentence, the claim the update takes
    back. The rest of the original still stands unless contradicted."""

    update: tuple[Span, ...] = ()
    lede: tuple[Span, ...] = ()

    def superseded(self, offset: int) -> bool:
        return any(s.start <= offset < s.end for s in self.lede)

    def updating(self, offset: int) -> bool:
        return any(s.start <= offset < s.end for s in self.update)


def find_sections(story: Story, doc: int) -> Sections:
    """The update paragraphs and the superseded lede of an article that marks both its update
    and its original; a paragraph holding only a marker belongs to neither."""
    text = story.docs[doc].text
    blocks = story.paragraphs[doc]
    update_at = next((i for i, p in enumerate(blocks) if UPDATE_MARK.match(p.of(text))), None)
    original_at = next((i for i, p in enumerate(blocks) if _ORIGINAL_MARK.match(p.of(text))), None)
    if update_at is None or original_at is None or original_at <= update_at:
        return Sections()
    update = tuple(p for p in blocks[update_at + 1 : original_at])
    if not _marker_only(blocks[update_at].of(text)):
        update = (blocks[update_at], *update)
    sentences = story.docs[doc].sentences
    teaser = [s for s in sentences if s.start < blocks[update_at].start]
    first = next((s for s in sentences if s.start >= blocks[original_at].end), None)
    return Sections(update, tuple([*teaser, *([first] if first else [])]))


def _marker_only(paragraph: str) -> bool:
    return len(paragraph.split()) <= 6
