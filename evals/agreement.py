"""How far two editors agree: a second editor's gold briefs scored against the first's.

A score means little without a ceiling. Editors wrote the gold sets alone, one editor a story;
``evals/datasets/agreement/`` holds gold briefs that a second editor wrote for some of those
stories from the articles alone, without seeing the first gold, the engine or its output. Scored
with the same scorer, editor B's brief against editor A's says how much of a metric is reading
and how much is one editor's choices: what a perfect engine could expect to score against a
gold it did not write.

``python -m evals.agreement`` prints, metric by metric, editor B against editor A, A against B,
and the extractive engine against each, on the same stories.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from api.extractive import build_brief
from api.schemas import (
    Actor,
    ActorType,
    Brief,
    Claim,
    Disagreement,
    Event,
    NumberFact,
    Polarity,
    Provenance,
    Qualifier,
    Stance,
    SummaryOptions,
)
from evals.gold import GoldBrief, GoldStory, gold_articles, load_suite
from evals.scoring import aggregate, parse_number_value, score_story

DATASETS = Path(__file__).resolve().parent / "datasets"
AGREEMENT = DATASETS / "agreement"
METRICS = (
    "who_f1",
    "numbers_f1",
    "stance_accuracy",
    "stance_precision",
    "stance_explicit_accuracy",
    "stance_target_overlap",
    "event_recall",
    "event_f1",
    "disagreement_recall",
    "summary_rouge1",
    "summary_rouge2",
    "summary_rougeL",
)


def brief_from_gold(gold: GoldBrief) -> Brief:
    """An editor's gold brief as a prediction, so the scorer can hold it against another's.
    A number the scorer cannot read is left out, as it would be from any prediction."""
    numbers = []
    for number in gold.numbers:
        value = parse_number_value(number.value)
        if value is not None:
            numbers.append(
                NumberFact(
                    value=value,
                    unit=number.unit,
                    qualifier=Qualifier(number.approx),
                    describes=number.describes,
                )
            )
    return Brief(
        headline=gold.headline,
        summary=gold.summary,
        who=[
            Actor(name=a.name, type=ActorType(a.type), role=a.role, aliases=a.aliases)
            for a in gold.who
        ],
        what=[Event(description=line) for line in gold.what],
        stance=[
            Stance(
                actor=s.actor, target=s.target, polarity=Polarity(s.polarity), position=s.position
            )
            for s in gold.stance
        ],
        numbers=numbers,
        disagreements=[
            Disagreement(about=d.about, claims=[Claim(article="", text=c) for c in d.claims])
            for d in gold.disagreements
        ],
        provenance=Provenance(engine="extractive"),
    )


@dataclass(frozen=True)
class StoryPair:
    """One story as two editors wrote its gold."""

    first: GoldStory
    second: GoldStory


def story_pairs(second_editor: Path = AGREEMENT, datasets: Path = DATASETS) -> list[StoryPair]:
    """Each second-editor story with the first editor's gold of the same id, from any set."""
    first = {
        story.id: story
        for directory in sorted(datasets.iterdir())
        if directory.is_dir() and directory != second_editor
        for story in load_suite(directory)
    }
    return [StoryPair(first[story.id], story) for story in load_suite(second_editor)]


def agreement_scores(pairs: Sequence[StoryPair]) -> dict[str, dict[str, float]]:
    """Mean scores of each reading against each gold: B on A, A on B, the engine on both."""
    rows: dict[str, list[Mapping[str, float]]] = {
        "editor B against A": [],
        "editor A against B": [],
        "engine against A": [],
        "engine against B": [],
    }
    for pair in pairs:
        engine = build_brief(gold_articles(pair.first), SummaryOptions())
        rows["editor B against A"].append(
            score_story(brief_from_gold(pair.second.gold), pair.first)
        )
        rows["editor A against B"].append(
            score_story(brief_from_gold(pair.first.gold), pair.second)
        )
        rows["engine against A"].append(score_story(engine, pair.first))
        rows["engine against B"].append(score_story(engine, pair.second))
    return {name: aggregate(scores) for name, scores in rows.items()}


def _cell(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.3f}"


def agreement_table(scores: Mapping[str, Mapping[str, float]], stories: int) -> Table:
    table = Table(title=f"Two editors' gold and the engine, on the same {stories} stories")
    table.add_column("metric", no_wrap=True)
    for name in scores:
        table.add_column(name, justify="right")
    for metric in METRICS:
        table.add_row(metric, *(_cell(s.get(metric, math.nan)) for s in scores.values()))
    return table


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--second", type=Path, default=AGREEMENT)
    args = parser.parse_args(argv)
    pairs = story_pairs(args.second)
    Console().print(agreement_table(agreement_scores(pairs), len(pairs)))


if __name__ == "__main__":
    main()
