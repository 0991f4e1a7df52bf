"""Time the extractive engine on the dev set: per story (median, p95) and per 10,000 words,
against LexRank on the same input in the same process; then one long story (every article of
the suite as one 50-article request, the API's maximum). A plain script: it reports, never fails.

    .venv/bin/python benchmarks/bench_extractive.py [--suite evals/datasets/dev] [--repeats 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.extractive import build_brief
from api.schemas import Article, SummaryOptions
from evals.baselines import lexrank_summary
from evals.gold import gold_articles, load_suite


def time_per_story(
    run: Callable[[Sequence[Article]], object], stories: Sequence[Sequence[Article]], repeats: int
) -> list[float]:
    """Seconds per story call, every story ``repeats`` times."""
    timings: list[float] = []
    for _ in range(repeats):
        for articles in stories:
            start = time.perf_counter()
            run(articles)
            timings.append(time.perf_counter() - start)
    return timings


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", type=Path, default=Path("evals/datasets/dev"))
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    stories = [gold_articles(story) for story in load_suite(args.suite)]
    words = sum(len(a.text.split()) for articles in stories for a in articles)
    options = SummaryOptions()
    runs: dict[str, Callable[[Sequence[Article]], object]] = {
        "extractive": lambda articles: build_brief(articles, options),
        "lexrank": lambda articles: lexrank_summary(articles, options.max_summary_sentences),
    }
    print(f"{len(stories)} stories, {words} words, {args.repeats} repeats")
    totals: dict[str, float] = {}
    for name, run in runs.items():
        run(stories[0])  # warm up caches and imports
        timings = time_per_story(run, stories, args.repeats)
        totals[name] = sum(timings)
        per_10k = sum(timings) / args.repeats / words * 10_000
        print(
            f"{name:>10}: median {statistics.median(timings) * 1e3:7.2f} ms/story, "
            f"p95 {percentile(timings, 0.95) * 1e3:7.2f} ms/story, "
            f"{per_10k * 1e3:8.2f} ms per 10,000 words"
        )
    print(f"extractive / lexrank time ratio: {totals['extractive'] / totals['lexrank']:.2f}")
    long_story = longest_request(stories)
    long_words = sum(len(a.text.split()) for a in long_story)
    long_times = {name: min(time_per_story(run, [long_story], 3)) for name, run in runs.items()}
    print(
        f"one story of {len(long_story)} articles, {long_words} words: "
        + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in long_times.items())
        + f" (ratio {long_times['extractive'] / long_times['lexrank']:.2f})"
    )


def longest_request(stories: Sequence[Sequence[Article]], limit: int = 50) -> list[Article]:
    """Every article of the suite in one request, renamed so ids stay unique, up to ``limit``."""
    articles = [a for story in stories for a in story]
    return [Article(id=f"a{i}", text=articles[i % len(articles)].text) for i in range(limit)]


if __name__ == "__main__":
    main()
