"""Speed of the cross-source analysis on large stories: per-article cost at 50, 200 and 500 articles.

    python bench/story.py [--sizes 50,200,500] [--backend wordllama|lexical] [--seed 7]

A story of N articles is built from the bundled example story (fictional): each new article
takes one example article's paragraphs, drops or swaps some, splices in a paragraph from
another, and makes light edits (US/U.S., British/American spelling, "some"/"about", a
sentence split in two). Goal (issue): the 500-article story in <= 30 s on one core, and a
per-article cost that grows no faster than log n. Times are CPU seconds of this process;
the language layer's cost is shown apart from the cross-source analysis.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from crosscheck.api import read_articles
from crosscheck.crosssource import AnalysisParams, LexicalBackend, WordLlamaBackend, analyse_story
from crosscheck.examples import example_articles
from crosscheck.language import Pipeline, doc_from_article
from crosscheck.language.sentences import paragraphs
from crosscheck.model import Article, Span

EDITS = (
    (r"\bharbour\b", "harbor"),
    (r"\bUS\b", "U.S."),
    (r"\bU\.S\.", "US"),
    (r"\bSome (\d)", r"About \1"),
    (r"\bneighbourhood\b", "neighborhood"),
    (r"\bkilometres\b", "kilometers"),
    (r"\bon Monday\b", "Monday"),
    (r", and (?=[a-z])", ". And "),
)


def build_story(size: int, seed: int) -> list[Article]:
    """``size`` articles recombined from the example story, reproducibly for one ``seed``."""
    rng = random.Random(seed)
    bases = sorted((a for a in read_articles([str(example_articles())]) if isinstance(a, Article)), key=lambda a: a.id)
    blocks = [[p.of(a.text) for p in (a.paragraphs or paragraphs(a.text))] for a in bases]
    story = []
    for i in range(size):
        base = i % len(bases)
        chosen = list(blocks[base])
        if len(chosen) > 3 and rng.random() < 0.5:
            chosen.pop(rng.randrange(1, len(chosen)))
        if rng.random() < 0.5:
            j = rng.randrange(len(chosen))
            k = rng.randrange(len(chosen))
            chosen[j], chosen[k] = chosen[k], chosen[j]
        if rng.random() < 0.3:
            chosen.append(rng.choice(blocks[rng.randrange(len(blocks))]))
        edits = [e for e in EDITS if rng.random() < 0.3]
        text = "\n\n".join(_edited(p, edits) for p in chosen)
        article = Article(id=f"{bases[base].id}-{i:04d}", source="bench", text=text, body=text, outlet=f"Outlet {i}")
        article.published = bases[base].published
        article.paragraphs = [Span(p.start, p.end) for p in paragraphs(text)]
        story.append(article)
    return story


def _edited(paragraph: str, edits: list[tuple[str, str]]) -> str:
    for pattern, replacement in edits:
        paragraph = re.sub(pattern, replacement, paragraph)
    return paragraph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,200,500")
    parser.add_argument("--backend", choices=("wordllama", "lexical"), default="wordllama")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    backend = WordLlamaBackend() if args.backend == "wordllama" else LexicalBackend()
    params = AnalysisParams(backend=backend)
    warm = build_story(7, args.seed)
    analyse_story([Pipeline()(doc_from_article(a)) for a in warm], params=params)  # loads the model once
    header = ("articles", "annotate s", "analyse s", "ms/article", "groups", "claims", "disputes")
    print("{:>8} {:>11} {:>10} {:>11} {:>7} {:>7} {:>9}".format(*header))
    for size in (int(s) for s in args.sizes.split(",")):
        articles = build_story(size, args.seed)
        start = time.process_time()
        docs = [Pipeline()(doc_from_article(a)) for a in articles]
        annotated = time.process_time() - start
        start = time.process_time()
        report = analyse_story(docs, params=params).to_json()
        analysed = time.process_time() - start
        print(
            f"{size:>8} {annotated:>11.2f} {analysed:>10.2f} {1000 * analysed / size:>11.1f} "
            f"{len(report['reuse']):>7} {len(report['claims']):>7} {len(report['disputes']):>9}"
        )


if __name__ == "__main__":
    main()
