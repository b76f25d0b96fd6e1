"""Sentences about the reporting rather than the story: a call unanswered, a comment declined.

Claims leave them out and the timeline does not date them; one pattern keeps the two agreeing.
"""

from __future__ import annotations

import re

NO_COMMENT = re.compile(
    r"\b(?:did\s+not|didn['’]t|would\s+not|declined\s+to)\s+(?:immediately\s+)?(?:respond|reply|return|comment|answer)"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached|\bnot\s+available\s+for\s+comment|\bunanswered\b"
    r"|\b(?:asked|contacted)\b[^.;]*\bwhether\b",
    re.I,
)
