"""Reference summarizers for the extractive engine to beat: sumy's LexRank and TextRank.

sumy's default tokenizer needs NLTK's punkt data (a download); ours reuses the engine's
sentence splitter, so every summarizer sees the same sentences.

``python -m evals.baselines [--suite evals/datasets/dev]`` prints summary ROUGE for the engine
and the baselines on the same clusters in the same run, and the engine's per-field scores.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from api.extractive import build_brief
from api.extractive.sentences import sentence_spans, words_of
from api.schemas import Article, SummaryOptions
from evals.gold import GoldStory, gold_articles, load_suite
from evals.scoring import aggregate, score_story, summary_scores

LANGUAGE = "english"
Summarizer = Callable[[Sequence[Article], int], str]


class PlainTokenizer:
    """The tokenizer sumy asks for: sentences from our splitter, lowercase words."""

    language = LANGUAGE

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[start:end] for start, end in sentence_spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words_of(sentence))


def _sumy_summary(summarizer_class: type, articles: Sequence[Article], count: int) -> str:
    text = "\n\n".join(article.text for article in articles)
    parser = PlaintextParser.from_string(text, PlainTokenizer())
    summarizer = summarizer_class(Stemmer(LANGUAGE))
    summarizer.stop_words = get_stop_words(LANGUAGE)
    return " ".join(str(sentence) for sentence in summarizer(parser.document, count))


def lexrank_summary(articles: Sequence[Article], count: int) -> str:
    """LexRank over the concatenated articles, ``count`` sentences."""
    return _sumy_summary(LexRankSummarizer, articles, count)


def textrank_summary(articles: Sequence[Article], count: int) -> str:
    """TextRank over the concatenated articles, ``count`` sentences."""
    return _sumy_summary(TextRankSummarizer, articles, count)


def extractive_summary(articles: Sequence[Article], count: int) -> str:
    """Brief's extractive engine's summary."""
    return build_brief(articles, SummaryOptions(max_summary_sentences=count)).summary


SUMMARIZERS: dict[str, Summarizer] = {
    "extractive": extractive_summary,
    "lexrank": lexrank_summary,
    "textrank": textrank_summary,
}
SUMMARY_METRICS = ("summary_rouge1", "summary_rouge2", "summary_rougeL")
ENGINE_METRICS = (
    "who_f1",
    "who_precision",
    "who_recall",
    "who_type_accuracy",
    "numbers_f1",
    "numbers_qualifier_accuracy",
    "stance_accuracy",
    "stance_precision",
    "stance_target_overlap",
    "stance_explicit_accuracy",
    "stance_inferred_accuracy",
    "event_recall",
    "event_precision",
    "event_f1",
    "what_rougeL",
    "headline_rougeL",
    "disagreement_recall",
    "evidence_exact",
)


def compare_summaries(stories: Sequence[GoldStory], count: int) -> dict[str, dict[str, float]]:
    """Mean summary ROUGE-1/2/L of each summarizer over the stories."""
    results: dict[str, dict[str, float]] = {}
    for name, summarize in SUMMARIZERS.items():
        scores = [
            summary_scores(summarize(gold_articles(story), count), story.gold.summary)
            for story in stories
        ]
        results[name] = aggregate(scores)
    return results


def engine_scores(stories: Sequence[GoldStory]) -> dict[str, float]:
    """Mean per-field scores of the extractive engine's full brief."""
    return aggregate(
        [score_story(build_brief(gold_articles(s), SummaryOptions()), s) for s in stories]
    )


def _cell(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--suite", type=Path, default=Path("evals/datasets/dev"))
    parser.add_argument("--sentences", type=int, default=SummaryOptions().max_summary_sentences)
    args = parser.parse_args(argv)
    stories = load_suite(args.suite)
    console = Console()

    table = Table(title=f"Summary ROUGE F1 on {args.suite} ({len(stories)} stories)")
    table.add_column("summarizer")
    for metric in SUMMARY_METRICS:
        table.add_column(metric, justify="right")
    for name, scores in compare_summaries(stories, args.sentences).items():
        table.add_row(name, *(_cell(scores[m]) for m in SUMMARY_METRICS))
    console.print(table)

    fields = engine_scores(stories)
    engine_table = Table(title="Extractive engine, per field (mean over stories with gold)")
    engine_table.add_column("metric")
    engine_table.add_column("score", justify="right")
    for metric in ENGINE_METRICS:
        engine_table.add_row(metric, _cell(fields.get(metric, math.nan)))
    console.print(engine_table)


if __name__ == "__main__":
    main()
