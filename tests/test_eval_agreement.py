"""The agreement study: an editor's gold read as a prediction, and the two editors' sets paired."""

from __future__ import annotations

import math
from pathlib import Path

from evals.agreement import AGREEMENT, agreement_scores, brief_from_gold, story_pairs
from evals.gold import load_gold_story
from evals.scoring import score_story

REPO = Path(__file__).resolve().parent.parent
KOREA = REPO / "evals" / "datasets" / "dev" / "korea-artillery-2022-11.json"


def test_a_gold_brief_scored_against_itself_agrees_on_every_field() -> None:
    story = load_gold_story(KOREA, REPO)
    scores = score_story(brief_from_gold(story.gold), story)
    for metric in ("who_f1", "numbers_f1", "stance_accuracy", "stance_precision", "event_recall"):
        assert scores[metric] == 1.0, metric
    assert scores["disagreement_recall"] == 1.0
    assert scores["summary_rouge1"] == 1.0


def test_a_gold_brief_with_fewer_stances_scores_what_it_leaves_out() -> None:
    story = load_gold_story(KOREA, REPO)
    halved = story.gold.model_copy(update={"stance": story.gold.stance[::2]})
    scores = score_story(brief_from_gold(halved), story)
    assert scores["stance_accuracy"] == len(halved.stance) / len(story.gold.stance)
    assert scores["stance_precision"] == 1.0


def test_every_second_editor_story_pairs_with_a_first_editor_story() -> None:
    pairs = story_pairs()
    assert len(pairs) == len(list(AGREEMENT.glob("*.json"))) >= 20
    for pair in pairs:
        assert pair.first.id == pair.second.id
        assert [a.text for a in pair.first.articles] == [a.text for a in pair.second.articles]
        assert pair.first.gold != pair.second.gold


def test_the_agreement_table_scores_both_editors_and_the_engine() -> None:
    pairs = story_pairs()[:2]
    scores = agreement_scores(pairs)
    assert set(scores) == {
        "editor B against A",
        "editor A against B",
        "engine against A",
        "engine against B",
    }
    # B scored on A's stances and A on B's are one matching seen from both sides
    b_on_a, a_on_b = scores["editor B against A"], scores["editor A against B"]
    assert not math.isnan(b_on_a["who_f1"])
    assert math.isclose(b_on_a["who_f1"], a_on_b["who_f1"], abs_tol=1e-9)
