"""Story clustering benchmark: speed of StoryClusterer and the official ECB+ clustering scores.

    python bench/clustering.py                     # clustering-ecbplus dev, in file order
    python bench/clustering.py --shuffle 1         # the same articles in a seeded random order
    python bench/clustering.py --orders 6          # file order and shuffles 1-5: each score, mean, min
    python bench/clustering.py --cv                # fit and tune on half the topics, score the other half
    python bench/clustering.py --fit               # refit the link models on the gold, print the constants
    python bench/clustering.py --synthetic 20000   # speed on generated articles (no scores)

score.py grades one flat clustering against both gold levels, and no flat clustering does well
on both (each ECB+ topic holds two events: fine stories lose half the topic recall, topics
lose half the story precision). So two files are written and scored: the stories (``--out``;
read its *subtopic* row) and the topics (``--out`` with ``-topics``; read its *topic* row).
A stream's result depends on arrival order, so ``--orders`` reports the spread over orders.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from crosscheck.model import Article
from crosscheck.stories import StoryClusterer
from crosscheck.stories.embedding import WordLlamaEmbedder
from crosscheck.stories.scoring import FEATURES, LinkModels
from crosscheck.stories.training import fit_models, link_examples

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
DEFAULT_DATA = BENCH / "data" / "clustering-ecbplus-dev"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "clustering-ecbplus.json"
# Thresholds tried by --cv on the training half (the defaults were chosen on all dev topics,
# looking at the mean and worst score over six arrival orders).
GRID = {
    "story_threshold": (-2.0, -1.5, -1.0, -0.5),
    "topic_merge_threshold": (-1.0, -0.5, 0.0, 0.5, 1.0),
}


def load(folder: Path) -> tuple[list[Article], dict[str, dict]]:
    """Articles in meta.jsonl order, and the gold records (empty when there is no gold.jsonl)."""
    articles = []
    for line in filter(str.strip, (folder / "meta.jsonl").read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        text = (folder / "docs" / f"{record['id']}.txt").read_text(encoding="utf-8")
        articles.append(Article(id=record["id"], source=record["id"], text=text, published=record.get("published")))
    gold_path = folder / "gold.jsonl"
    gold = {}
    if gold_path.is_file():
        lines = filter(str.strip, gold_path.read_text(encoding="utf-8").splitlines())
        gold = {record["id"]: record for record in map(json.loads, lines)}
    return articles, gold


def cluster(articles: list[Article], **params) -> tuple[StoryClusterer, float, float]:
    """A clusterer fed with ``articles``, and the wall and CPU seconds it took."""
    started, cpu_started = time.perf_counter(), time.process_time()
    clusterer = StoryClusterer(**params)
    clusterer.add_many(articles)
    return clusterer, time.perf_counter() - started, time.process_time() - cpu_started


def write_predictions(clusterer: StoryClusterer, out: Path) -> tuple[Path, Path]:
    """Stories to ``out`` and topics to ``out``-topics, both in score.py's {"stories": [...]} form."""
    stories = clusterer.stories()
    topics: dict[str, list[str]] = {}
    for story in stories:
        topics.setdefault(story.topic_id, []).extend(story.article_ids)
    topics_out = out.with_name(out.stem + "-topics" + out.suffix)
    out.parent.mkdir(parents=True, exist_ok=True)
    story_rows = [{"id": s.id, "title": s.title, "articles": s.article_ids} for s in stories]
    out.write_text(json.dumps({"stories": story_rows}, indent=1))
    topics_out.write_text(json.dumps({"stories": [{"id": t, "articles": ids} for t, ids in topics.items()]}, indent=1))
    return out, topics_out


def official_score(gold: Path, prediction: Path, *, quiet: bool = False) -> dict:
    """Run the kit's score.py; print its table unless ``quiet``; return its JSON line."""
    command = [sys.executable, str(BENCH / "score.py"), "clustering", "--gold", str(gold), "--pred", str(prediction)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = result.stdout.strip().splitlines()
    if not quiet:
        print("\n".join(lines[:-1]))
    return json.loads(lines[-1])


def fit(articles: list[Article], gold: dict[str, dict], l2: float, embedding: bool) -> LinkModels:
    """The three link models fitted on ``articles`` with their gold stories and topics."""
    examples = link_examples(
        articles,
        {a.id: gold[a.id]["subtopic"] for a in articles},
        {a.id: gold[a.id]["topic"] for a in articles},
        embedder=WordLlamaEmbedder() if embedding else None,
    )
    for name, (x, y) in examples.items():
        print(f"{name}: {len(y)} examples, {int(y.sum())} positive", file=sys.stderr)
    return fit_models(examples, l2)


def print_constants(models: LinkModels) -> None:
    print(f"# features: {', '.join(FEATURES)}")
    print("LinkModels(")
    for name, model in (("story", models.story), ("topic", models.topic), ("topic_merge", models.topic_merge)):
        weights = ", ".join(f"{w:.3f}" for w in model.weights)
        print(f"    {name}=LinkModel(weights=({weights}), bias={model.bias:.3f}),")
    print(")")


def cross_validate(articles: list[Article], gold: dict[str, dict], l2: float, embedding: bool) -> None:
    """Fit the models and tune the thresholds on topics 1-12, score topics 13-25; then the reverse.

    The story threshold is tuned first (story B3 F1), then the topic-merge threshold (topic B3
    F1); scores within 0.005 of the best count as ties, and ties go to the higher, more cautious
    threshold.
    """
    first = [a for a in articles if int(gold[a.id]["topic"]) <= 12]
    second = [a for a in articles if int(gold[a.id]["topic"]) > 12]
    with tempfile.TemporaryDirectory() as tmp:
        for name, train, test in (("topics 1-12 -> 13-25", first, second), ("topics 13-25 -> 1-12", second, first)):
            models = fit(train, gold, l2, embedding)
            folders = {
                key: _gold_subset(Path(tmp) / f"{name[:12]}-{key}", gold, part)
                for key, part in (("train", train), ("test", test))
            }

            def scores(part: list[Article], key: str, **params: float) -> tuple[float, float]:
                clusterer, _, _ = cluster(part, models=models, embedding=embedding, **params)
                stories, topics = write_predictions(clusterer, Path(tmp) / f"{key}.json")
                return (
                    official_score(folders[key], stories, quiet=True)["subtopic"]["b3_f1"],
                    official_score(folders[key], topics, quiet=True)["topic"]["b3_f1"],
                )

            story_grid = {t: scores(train, "train", story_threshold=t)[0] for t in GRID["story_threshold"]}
            story_threshold = _cautious_best(story_grid)
            topic_grid = {
                t: scores(train, "train", story_threshold=story_threshold, topic_merge_threshold=t)[1]
                for t in GRID["topic_merge_threshold"]
            }
            params = {"story_threshold": story_threshold, "topic_merge_threshold": _cautious_best(topic_grid)}
            tuned, default = scores(test, "test", **params), scores(test, "test")
            print(
                f"{name}: tuned on train {params} (train story B3 F1 {story_grid[story_threshold]:.3f}, topic "
                f"{topic_grid[params['topic_merge_threshold']]:.3f}); test story (subtopic) B3 F1 {tuned[0]:.3f}, "
                f"topic B3 F1 {tuned[1]:.3f}; with the default thresholds {default[0]:.3f} and {default[1]:.3f}"
            )


def score_orders(articles: list[Article], data: Path, orders: int, params: dict) -> None:
    """Story (subtopic) and topic B3 F1 in file order and in ``orders - 1`` seeded shuffles."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in [None, *range(1, orders)]:
            ordered = list(articles)
            if seed is not None:
                random.Random(seed).shuffle(ordered)
            clusterer, _, _ = cluster(ordered, **params)
            stories, topics = write_predictions(clusterer, Path(tmp) / "orders.json")
            story_f1 = official_score(data, stories, quiet=True)["subtopic"]["b3_f1"]
            topic_f1 = official_score(data, topics, quiet=True)["topic"]["b3_f1"]
            rows.append((story_f1, topic_f1))
            print(f"{'file order' if seed is None else f'shuffle {seed}':<12} story (subtopic) B3 F1 {story_f1:.3f}  topic B3 F1 {topic_f1:.3f}")
    for name, column in (("story (subtopic)", 0), ("topic", 1)):
        values = [row[column] for row in rows]
        print(f"{name} B3 F1 over {len(rows)} orders: mean {sum(values) / len(values):.3f}, min {min(values):.3f}")


def _cautious_best(scores: dict[float, float]) -> float:
    best = max(scores.values())
    return max(threshold for threshold, score in scores.items() if score >= best - 0.005)


def _gold_subset(folder: Path, gold: dict[str, dict], articles: list[Article]) -> Path:
    folder.mkdir(parents=True)
    (folder / "gold.jsonl").write_text("".join(json.dumps(gold[a.id]) + "\n" for a in articles))
    return folder


def synthetic_articles(count: int, seed: int = 0) -> Iterator[Article]:
    """Made-up articles, about eight per event, dated over a year: for speed, not for scores.

    Each event has its own names, place, figure and keywords; every article mixes them into
    filler drawn from a Zipf-distributed vocabulary of invented words.
    """
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]

    def word(parts: int) -> str:
        return "".join(rng.choice(syllables) for _ in range(parts))

    vocabulary = [word(rng.randint(1, 4)) for _ in range(20_000)]
    zipf = np.cumsum(1.0 / np.arange(1, len(vocabulary) + 1))
    zipf /= zipf[-1]
    kinds = [word(3) for _ in range(60)]
    events = []
    for number in range(max(1, count // 8)):
        events.append({
            "day": 738_000 + number * 365 * 8 // max(1, count),
            "names": [f"{word(2).title()} {word(3).title()}" for _ in range(3)],
            "place": word(3).title(),
            "kind": rng.choice(kinds),
            "figure": f"{rng.randint(2, 900)} {rng.choice(vocabulary)}",
            "keywords": [rng.choice(vocabulary[200:]) for _ in range(6)],
        })
    for number in range(count):
        event = events[min(len(events) - 1, int(rng.expovariate(1.0) * 2) + number // 8)]
        sentences = []
        for _ in range(rng.randint(8, 20)):
            words = [vocabulary[int(np.searchsorted(zipf, rng.random()))] for _ in range(rng.randint(8, 18))]
            details = [*event["names"], event["place"], event["kind"], event["figure"], *event["keywords"]]
            for detail in rng.sample(details, 3):
                words.insert(rng.randrange(len(words)), detail)
            sentences.append(" ".join(words).capitalize() + ".")
        day = event["day"] + rng.randint(0, 3)
        published = f"{2021 + (day - 738_000) // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}"
        yield Article(id=f"synthetic-{number}", source="synthetic", text="\n".join(sentences), published=published)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a folder written by convert.py")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="story predictions (topics go beside it)")
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="cluster the articles in a seeded random order")
    parser.add_argument("--orders", type=int, metavar="N", help="score file order and N-1 seeded shuffles")
    parser.add_argument("--embedding", action="store_true", help="add the WordLlama cosine as a feature")
    parser.add_argument(
        "--no-lead-embedding", action="store_true", help="join topics without the lead embeddings (consolidation)"
    )
    parser.add_argument("--fit", action="store_true", help="fit the link models on the gold and print them")
    parser.add_argument("--l2", type=float, default=1e-3, help="L2 penalty for --fit and --cv")
    parser.add_argument("--cv", action="store_true", help="fit and tune on topics 1-12, score 13-25, and back")
    parser.add_argument("--synthetic", type=int, metavar="N", help="time N generated articles instead")
    args = parser.parse_args()

    params = {"embedding": args.embedding, "lead_embedding": not args.no_lead_embedding}
    if args.synthetic:
        articles = list(synthetic_articles(args.synthetic))
        clusterer, wall, cpu = cluster(articles, **params)
        print(
            f"{len(articles)} synthetic articles -> {len(clusterer.stories())} stories, "
            f"{len(clusterer.topics())} topics in {wall:.1f} s wall ({len(articles) / wall:,.0f} docs/s), "
            f"{cpu:.1f} s CPU"
        )
        return
    if not (args.data / "meta.jsonl").is_file():
        sys.exit(
            f"error: no benchmark folder at {args.data}: the bench kit lives in ../shared/bench next to this "
            "checkout; pass --data DIR to point at a folder written by its convert.py"
        )
    articles, gold = load(args.data)
    if (args.fit or args.cv) and not gold:
        sys.exit(f"error: {args.data} has no gold.jsonl to fit on")
    if args.fit:
        print_constants(fit(articles, gold, args.l2, args.embedding))
        return
    if args.cv:
        cross_validate(articles, gold, args.l2, args.embedding)
        return
    if args.orders:
        score_orders(articles, args.data, args.orders, params)
        return
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(articles)
    clusterer, wall, cpu = cluster(articles, **params)
    stories, topics = write_predictions(clusterer, args.out)
    merges = sum(e.kind == "merge" for e in clusterer.log)
    order = "file order" if args.shuffle is None else f"shuffled, seed {args.shuffle}"
    print(
        f"{len(articles)} articles ({order}) -> {len(clusterer.stories())} stories, {len(clusterer.topics())} topics, "
        f"{merges} merges, {len(clusterer.log) - merges} splits in {wall:.2f} s wall "
        f"({len(articles) / wall:,.0f} docs/s), {cpu:.2f} s CPU ({len(articles) / cpu:,.0f} docs/s)"
    )
    if not (BENCH / "score.py").is_file() or not gold:
        print(f"predictions in {stories} and {topics}; no scorer or gold to compare with", file=sys.stderr)
        return
    sys.stdout.flush()
    print(f"\nstories ({stories}); the subtopic row is the one that counts:")
    official_score(args.data, stories)
    print(f"\ntopics ({topics}); the topic row is the one that counts:")
    official_score(args.data, topics)


if __name__ == "__main__":
    main()
