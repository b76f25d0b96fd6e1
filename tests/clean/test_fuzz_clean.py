"""Cleaning on any text: nothing is lost, every removal points at its own words.

The cleaned text plus the removed pieces must account for every non-space character of the
body exactly once, removals must quote the body at their offsets, and paragraph spans must
cut the cleaned text into exactly its paragraphs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import fuzz  # noqa: E402

from crosscheck.clean import clean_article, clean_text  # noqa: E402
from crosscheck.model import Article  # noqa: E402

JUNK = [
    "Advertisement",
    "Sign up for our newsletter",
    "Share this article",
    "Photo: J. Doe/AFP",
    "Getty Images",
    "No comments",
    "Read more: Harbour reopens",
    "Follow us on Twitter @harbour",
    "Jane Doe is a reporter for the Courier.",
    "Additional reporting by Tom Lind",
    "(c) 2026 Courier",
    "( – The pier closed on Monday.",
    "The pier closed on Monday. Follow her on Twitter @jdoe",
    "Or continue with",
    "Pictured: the pier at dawn",
    "World & Politics News",
    "“We will reopen,” the mayor said.",
    "• first point",
]
prose = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
lines = st.lists(st.one_of(st.sampled_from(JUNK), prose), max_size=25)
breaks = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\t\n\n", " "])
SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(parts=lines, joiner=breaks, title=st.one_of(st.none(), st.sampled_from(JUNK), prose))
def test_cleaning_accounts_for_every_character(parts: list[str], joiner: str, title: str | None) -> None:
    body = joiner.join(parts)
    text, paragraphs, removed = clean_text(body, title=title)
    fuzz.check_cleaning(body, text, paragraphs, removed)


@SETTINGS
@given(body=st.text(max_size=600))
def test_cleaning_any_string(body: str) -> None:
    text, paragraphs, removed = clean_text(body)
    fuzz.check_cleaning(body, text, paragraphs, removed)


@settings(max_examples=60, deadline=None)
@given(parts=lines, title=st.one_of(st.none(), prose))
def test_clean_article_keeps_body_and_metadata(parts: list[str], title: str | None) -> None:
    article = Article(id="a", source="a.txt", body="\n\n".join(parts), title=title, outlet="Courier")
    cleaned = clean_article(article)
    assert (cleaned.body, cleaned.title, cleaned.outlet) == (article.body, title, "Courier")
    fuzz.check_cleaning(cleaned.body, cleaned.text, cleaned.paragraphs, cleaned.removed)


def test_short_fuzz_run_finds_no_crash() -> None:
    report = fuzz.fuzz("clean", 200, seed=11, processes=1)
    assert report.crashes == [], report.crashes[:3]
