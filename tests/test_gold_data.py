"""The gold sets are consistent: files parse, articles exist, evidence is verbatim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.gold import gold_articles, load_gold_story

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "evals" / "datasets"
# Every suite folder: a new gold set is checked without being listed here.
STORIES = sorted(DATASETS.glob("*/*.json"))
KEYS = {"headline", "summary", "who", "what", "stance", "numbers", "disagreements"}


def story_texts(story: dict[str, Any]) -> list[str]:
    return [
        (REPO / article["path"]).read_text(encoding="utf-8")
        if "path" in article
        else article["text"]
        for article in story["articles"]
    ]


def test_the_dev_set_has_at_least_twelve_multi_article_stories() -> None:
    dev = (DATASETS / "dev").glob("*.json")
    multi = [p for p in dev if len(json.loads(p.read_text())["articles"]) > 1]
    assert len(multi) >= 12


@pytest.mark.parametrize("path", STORIES, ids=[f"{p.parent.name}/{p.stem}" for p in STORIES])
def test_gold_story_is_consistent(path: Path) -> None:
    story = json.loads(path.read_text(encoding="utf-8"))
    assert story["id"] == path.stem
    texts = story_texts(story)
    gold = story["gold"]
    assert set(gold) == KEYS
    names = {w["name"].lower() for w in gold["who"]}
    names |= {alias.lower() for w in gold["who"] for alias in w.get("aliases", [])}
    for stance in gold["stance"]:
        assert stance["polarity"] in {"support", "oppose", "neutral", "mixed"}
        assert stance["actor"].lower() in names, stance["actor"]
    for number in gold["numbers"]:
        for phrase in number["evidence"]:
            assert any(phrase in text for text in texts), phrase
    # the articles are valid API input (an over-long source line was not)
    assert len(gold_articles(load_gold_story(path, REPO))) == len(texts)
