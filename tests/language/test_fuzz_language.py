"""The language layer on any text: no exception, and every span inside the text it annotates."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import fuzz  # noqa: E402

from crosscheck.clean import clean_article  # noqa: E402
from crosscheck.language.pipeline import Pipeline, annotate, doc_from_article  # noqa: E402
from crosscheck.model import Article  # noqa: E402

NEWS = [
    "“We will reopen the pier,” Mayor Ana Reyes said on Monday.",
    "Some 5,200 U.S. soldiers, about 12% of the force, left by 3 p.m. last Tuesday.",
    "The council did not sign the letter, according to a spokeswoman.",
    "He said that it may be closed for two weeks, from 1 to 14 March 2026.",
    "Harbour Commissioner Ana Reyes told reporters: “No.”",
    "Between $3m and $4.5m, the agency said in a statement in 2019.",
    "Dr. J. R. R. Smith Jr. arrived at 10:30 a.m. EST on Jan. 5.",
    "“",
    "said",
    "1,000,000,000,000,000,000,000,000 troops",
]
pieces = st.one_of(st.sampled_from(NEWS), st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
texts = st.lists(pieces, max_size=12).flatmap(
    lambda parts: st.sampled_from([" ", "\n", "\n\n", ""]).map(lambda joiner: joiner.join(parts))
)
dates = st.one_of(st.none(), st.sampled_from(["2026-03-10", "1999-12-31T23:59:59+14:00", "not a date", "0001-01-01"]))


@settings(max_examples=60, deadline=None)
@given(text=texts, published=dates)
def test_every_span_lies_inside_the_text(text: str, published: str | None) -> None:
    fuzz.check_doc(annotate(text, published=published))


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_any_string(text: str) -> None:
    fuzz.check_doc(annotate(text))


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(pieces, max_size=8))
def test_cleaned_article_through_the_pipeline(parts: list[str]) -> None:
    """The path ingest takes: paragraphs from cleaning feed the sentence splitter."""
    article = clean_article(Article(id="a", source="a.txt", body="\n\n".join(parts), published="2026-03-10"))
    doc = Pipeline()(doc_from_article(article))
    fuzz.check_doc(doc)
    assert all(any(p.start <= s.start and s.end <= p.end for p in article.paragraphs) for s in doc.sentences)


def test_short_fuzz_run_finds_no_crash() -> None:
    report = fuzz.fuzz("language", 200, seed=11, processes=1)
    assert report.crashes == [], report.crashes[:3]
