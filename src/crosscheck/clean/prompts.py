"""Sign-up, log-in, paywall and newsletter prompts, taken out as whole blocks.

Such widgets come as a run of lines, some of them as vague as "Or Continue with". A block
starts at an unmistakable prompt line; vaguer lines join it only while they sit between
prompt lines or run to the end of the body, and only if they address the reader.
"""

from __future__ import annotations

import re

from crosscheck.clean.lines import DOUBLE_QUOTES, REPORTING_WORDS, Line
from crosscheck.clean.rules import PROMPT_REASONS

_MAX_WORDS = 40
_SHORT_FRAGMENT = 6
_PROMPT_WORDS = re.compile(
    r"\b(?:regist\w*|sign(?:ed|ing)? (?:you )?(?:in|up)|log(?:ged|ging)? ?in|subscri\w*|e-?mail|password"
    r"|account|newsletter|notifications?|comment on|terms and conditions|terms of (?:use|service)"
    r"|privacy policy|continue reading)\b"
)
_ADDRESSES_READER = re.compile(r"\byou(?:r|'re|’re|'ll|’ll)?\b")


def prompt_blocks(lines: list[Line], verdicts: dict[int, str]) -> list[tuple[int, int, str]]:
    """``(first, last, reason)`` line ranges of prompt blocks, anchored on the prompt lines
    in ``verdicts``; lines already judged other junk may sit inside a block."""
    blocks = []
    run: list[int] = []
    for index, line in enumerate(lines):
        if index in verdicts or _joins_prompt(line):
            run.append(index)
            continue
        if run:
            blocks.extend(_block(run, verdicts, reaches_end=False))
            run = []
    blocks.extend(_block(run, verdicts, reaches_end=True))
    return blocks


def _block(run: list[int], verdicts: dict[int, str], *, reaches_end: bool) -> list[tuple[int, int, str]]:
    anchors = [index for index in run if verdicts.get(index) in PROMPT_REASONS]
    if not anchors:
        return []
    last = anchors[-1]
    if reaches_end:
        last = max(index for index in run if index not in verdicts or verdicts[index] in PROMPT_REASONS)
    kinds = {verdicts[index] for index in anchors}
    return [(anchors[0], last, "sign-up prompt" if "sign-up prompt" in kinds else "newsletter prompt")]


def _joins_prompt(line: Line) -> bool:
    """A vague line that may belong to a prompt block: a short fragment, or words to the reader."""
    if line.words > _MAX_WORDS:
        return False
    lowered = line.text.lower()
    fragment = line.words <= _SHORT_FRAGMENT and not line.text.endswith((".", "!"))
    to_reader = (
        "you" in lowered
        and _ADDRESSES_READER.search(lowered) is not None
        and _PROMPT_WORDS.search(lowered) is not None
    )
    return (fragment or to_reader) and not _is_story_voice(line.text)


def _is_story_voice(text: str) -> bool:
    """Quotes and reporting verbs mark story text, never a site prompt."""
    lowered = text.lower()
    return any(quote in text for quote in DOUBLE_QUOTES) or any(word in lowered for word in REPORTING_WORDS)
