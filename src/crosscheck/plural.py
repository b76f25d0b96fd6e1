"""Counts in messages and reports: "1 article", "2 articles"."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, with a plain -s unless there is one (the nouns we count take it)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
