"""The scorers on crafted briefs: exact values for each matching rule."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from api.schemas import (
    Actor,
    ActorType,
    Brief,
    Claim,
    Disagreement,
    Event,
    Evidence,
    NumberFact,
    Polarity,
    Provenance,
    Qualifier,
    Stance,
)
from evals.gold import GoldStory, gold_articles, load_gold_story, load_suite
from evals.scoring import (
    aggregate,
    names_match,
    parse_number_value,
    rouge_f1,
    score_story,
)

TEXT = "Defense Secretary Lloyd Austin said 80 shells fell. Austin spoke in Seoul in 2018."


def story(**gold: object) -> GoldStory:
    return GoldStory.model_validate(
        {"id": "s", "articles": [{"id": "a1", "text": TEXT}], "gold": gold}
    )


def brief(**fields: object) -> Brief:
    base: dict[str, object] = {
        "headline": "",
        "summary": "",
        "provenance": Provenance(engine="extractive"),
    }
    base.update(fields)
    return Brief.model_validate(base)


def span(start: int, end: int, text: str | None = None) -> Evidence:
    return Evidence(
        article="a1", start=start, end=end, text=TEXT[start:end] if text is None else text
    )


def test_names_match_ignores_case_punctuation_and_leading_article() -> None:
    assert names_match(["the U.N. Security Council"], ["un security council"])
    assert names_match(["Lee Jong-sup"], ["Lee Jong Sup"])
    assert not names_match(["Lee"], ["Lee Jong Seop"])


def test_number_values_are_normalised() -> None:
    assert parse_number_value("eighty") == 80.0
    assert parse_number_value("1.5 million") == 1_500_000.0
    assert parse_number_value("3,000") == 3000.0
    assert parse_number_value("twenty-three") == 23.0
    assert parse_number_value("many") is None


def test_who_is_matched_one_to_one_through_aliases() -> None:
    gold = story(
        who=[
            {"name": "Lloyd Austin", "aliases": ["Austin"], "type": "person"},
            {"name": "South Korea", "aliases": ["Seoul"], "type": "country"},
            {"name": "North Korea", "type": "country"},
        ]
    )
    predicted = brief(
        who=[
            Actor(name="Austin", type=ActorType.PERSON),
            Actor(name="Lloyd Austin", type=ActorType.PERSON),  # a duplicate: no second match
            Actor(name="Republic of Korea", aliases=["Seoul"], type=ActorType.COUNTRY),
            Actor(name="Japan", type=ActorType.COUNTRY),
        ]
    )
    scores = score_story(predicted, gold)
    assert scores["who_precision"] == 0.5
    assert scores["who_recall"] == pytest.approx(2 / 3)
    assert scores["who_f1"] == pytest.approx(4 / 7)
    assert scores["who_type_accuracy"] == 1.0


def test_who_type_accuracy_counts_matched_actors_typed_as_the_gold_types_them() -> None:
    gold = story(
        who=[
            {"name": "Sierra Leone", "type": "country"},
            {"name": "Lloyd Austin", "type": "person"},
            {"name": "NATO", "type": "organization"},
        ]
    )
    predicted = brief(
        who=[
            Actor(name="Sierra Leone", type=ActorType.PERSON),
            Actor(name="Lloyd Austin", type=ActorType.PERSON),
        ]
    )
    assert score_story(predicted, gold)["who_type_accuracy"] == 0.5
    assert math.isnan(score_story(brief(who=[]), gold)["who_type_accuracy"])


def test_numbers_need_equal_value_and_overlapping_unit_and_score_qualifier_apart() -> None:
    gold = story(
        numbers=[
            {"value": 80, "unit": "artillery shells", "approx": "about", "describes": "shells"},
            {"value": 2018, "unit": "year", "approx": "exact", "describes": "agreement year"},
        ]
    )
    predicted = brief(
        numbers=[
            NumberFact(value=80, unit="shells", qualifier=Qualifier.MORE_THAN, describes="fired"),
            NumberFact(value=2018, unit="year", describes="visit"),
            NumberFact(value=80, unit="percent", describes="turnout"),
        ]
    )
    scores = score_story(predicted, gold)
    assert scores["numbers_precision"] == pytest.approx(2 / 3)
    assert scores["numbers_recall"] == 1.0
    assert scores["numbers_f1"] == pytest.approx(0.8)
    assert scores["numbers_qualifier_accuracy"] == 0.5


def test_stance_needs_actor_alias_and_polarity() -> None:
    gold = story(
        who=[{"name": "Lloyd Austin", "aliases": ["Austin"]}],
        stance=[
            {"actor": "Lloyd Austin", "target": "drills", "polarity": "support"},
            {"actor": "North Korea", "target": "drills", "polarity": "oppose"},
        ],
    )
    predicted = brief(
        stance=[
            Stance(actor="Austin", target="x", polarity=Polarity.SUPPORT, position="p"),
            Stance(actor="North Korea", target="x", polarity=Polarity.SUPPORT, position="p"),
            Stance(actor="Japan", target="x", polarity=Polarity.OPPOSE, position="p"),
            Stance(actor="Lloyd Austin", target="y", polarity=Polarity.SUPPORT, position="p"),
        ]
    )
    scores = score_story(predicted, gold)
    assert scores["stance_accuracy"] == 0.5
    assert scores["stance_precision"] == 0.25


def test_stance_accuracy_is_also_scored_apart_for_stated_and_inferred_stances() -> None:
    gold = story(
        stance=[
            {"actor": "Seoul", "target": "drills", "polarity": "oppose", "basis": "explicit"},
            {"actor": "Seoul", "target": "talks", "polarity": "support", "basis": "explicit"},
            {"actor": "Tokyo", "target": "drills", "polarity": "oppose", "basis": "inferred"},
            {"actor": "Beijing", "target": "drills", "polarity": "oppose"},
        ],
    )
    predicted = brief(
        stance=[
            Stance(actor="Seoul", target="x", polarity=Polarity.OPPOSE, position="p"),
            Stance(actor="Beijing", target="x", polarity=Polarity.OPPOSE, position="p"),
        ]
    )
    scores = score_story(predicted, gold)
    assert scores["stance_accuracy"] == 0.5
    assert scores["stance_explicit_accuracy"] == 0.5
    assert scores["stance_inferred_accuracy"] == 0.0
    unlabelled = score_story(predicted, story(stance=[gold.gold.stance[3].model_dump()]))
    assert math.isnan(unlabelled["stance_explicit_accuracy"])
    assert unlabelled["stance_accuracy"] == 1.0


def test_event_recall_counts_gold_events_above_the_rouge_threshold() -> None:
    gold = story(
        what=["North Korea fired 80 shells into the sea.", "Austin met Lee in Washington."]
    )
    predicted = brief(
        what=[Event(description="North Korea fired 80 artillery shells into the sea on Thursday.")]
    )
    scores = score_story(predicted, gold)
    assert scores["event_recall"] == 0.5
    assert scores["what_rougeL"] == pytest.approx(
        rouge_f1(
            "North Korea fired 80 artillery shells into the sea on Thursday.",
            "North Korea fired 80 shells into the sea.\nAustin met Lee in Washington.",
        )["rougeLsum"]
    )


def test_event_precision_is_the_share_of_listed_events_that_match_a_gold_one() -> None:
    gold = story(
        what=["North Korea fired 80 shells into the sea.", "Austin met Lee in Washington."]
    )
    listed = [
        "North Korea fired 80 artillery shells into the sea on Thursday.",
        "North Korea fired shells into the sea.",
        "Seoul closed two airports.",
    ]
    scores = score_story(brief(what=[Event(description=text) for text in listed]), gold)
    assert scores["event_recall"] == 0.5
    assert scores["event_precision"] == pytest.approx(2 / 3)
    assert scores["event_f1"] == pytest.approx(4 / 7)


def test_summary_and_headline_rouge_are_f1_against_gold() -> None:
    gold = story(summary="a b c d", headline="a b")
    scores = score_story(brief(summary="a b x y", headline="a b"), gold)
    assert scores["summary_rouge1"] == 0.5
    assert scores["summary_rouge2"] == pytest.approx(1 / 3)
    assert scores["summary_rougeL"] == 0.5
    assert scores["headline_rougeL"] == 1.0


def test_disagreement_is_recalled_only_when_both_claims_are_cited() -> None:
    gold = story(
        disagreements=[
            {"about": "shells", "claims": ["approximately 80 projectiles", "more than 80 shells"]},
            {"about": "place", "claims": ["in Seoul", "in Tokyo"]},
        ]
    )
    predicted = brief(
        disagreements=[
            Disagreement(
                about="count",
                claims=[
                    Claim(article="a1", text="fired approximately 80 projectiles overnight"),
                    Claim(article="a1", text="more than 80 shells"),
                ],
            ),
            Disagreement(
                about="place",
                claims=[Claim(article="a1", text="in Seoul"), Claim(article="a1", text="in Osaka")],
            ),
        ]
    )
    assert score_story(predicted, gold)["disagreement_recall"] == 0.5


def test_evidence_exact_checks_offsets_and_quotes_checks_verbatim() -> None:
    predicted = brief(
        who=[Actor(name="Lloyd Austin", evidence=[span(18, 30), span(0, 5, "wrong")])],
        numbers=[NumberFact(value=80, describes="shells", evidence=[span(36, 45)])],
        stance=[
            Stance(actor="A", target="t", position="p", quote="80 shells fell"),
            Stance(actor="A", target="t", position="p", quote="made up"),
        ],
    )
    scores = score_story(predicted, story())
    assert scores["evidence_exact"] == pytest.approx(2 / 3)
    assert scores["quotes_verbatim"] == 0.5


def test_metrics_without_gold_items_are_nan_not_perfect() -> None:
    scores = score_story(brief(), story())
    for name in (
        "who_f1",
        "numbers_f1",
        "numbers_qualifier_accuracy",
        "stance_accuracy",
        "stance_explicit_accuracy",
        "stance_inferred_accuracy",
        "event_recall",
        "event_precision",
        "event_f1",
        "summary_rouge1",
        "headline_rougeL",
        "disagreement_recall",
        "evidence_exact",
    ):
        assert math.isnan(scores[name]), name


def test_empty_prediction_against_gold_scores_zero() -> None:
    scores = score_story(brief(), story(who=[{"name": "Austin"}], numbers=[{"value": 80}]))
    assert scores["who_precision"] == 0.0
    assert scores["who_f1"] == 0.0
    assert scores["numbers_recall"] == 0.0


def test_aggregate_is_a_nan_skipping_mean() -> None:
    result = aggregate([{"a": 1.0, "b": math.nan}, {"a": 0.0, "b": 0.5}, {"a": 0.5}])
    assert result["a"] == 0.5
    assert result["b"] == 0.5
    assert math.isnan(aggregate([{"c": math.nan}])["c"])


def test_gold_story_resolves_paths_relative_to_repo_root(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "x.txt").write_text("Body text.", encoding="utf-8")
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "x.json").write_text(
        json.dumps(
            {
                "id": "x",
                "articles": [
                    {"id": "a1", "path": "articles/x.txt", "published": "2022-11-04"},
                    {"id": "a2", "text": "Inline."},
                ],
                "gold": {"headline": "h"},
            }
        ),
        encoding="utf-8",
    )
    stories = load_suite(suite, tmp_path)
    assert [s.id for s in stories] == ["x"]
    assert load_gold_story(suite / "x.json", tmp_path).articles[0].text == "Body text."
    articles = gold_articles(stories[0])
    assert [(a.id, a.text) for a in articles] == [("a1", "Body text."), ("a2", "Inline.")]
    assert articles[0].published_at is not None
    assert articles[0].published_at.year == 2022


def test_number_values_match_after_scale_words_both_ways() -> None:
    gold = story(
        numbers=[
            {"value": 150, "unit": "billion dollars", "describes": "foreign debt"},
            {"value": 1_500_000, "unit": "dollars", "describes": "damage bill"},
        ]
    )
    predicted = brief(
        numbers=[
            NumberFact(value=150_000_000_000, unit="USD", describes="the foreign debt"),
            NumberFact(value=1.5, unit="million dollars", describes="damage bill"),
            NumberFact(value=150, unit="people", describes="arrested"),
        ]
    )
    scores = score_story(predicted, gold)
    assert scores["numbers_recall"] == 1.0
    assert scores["numbers_precision"] == pytest.approx(2 / 3)


def test_a_currency_code_and_its_spelled_out_name_are_one_unit() -> None:
    gold = story(
        numbers=[
            {"value": 38, "unit": "dollars", "describes": "Cray Research's closing share price"},
            {"value": 5.5, "unit": "per cent", "describes": "wage rise"},
            {"value": 70, "unit": "euros", "describes": "fine"},
        ]
    )
    predicted = brief(
        numbers=[
            NumberFact(value=38, unit="USD", describes="stock jumped yesterday to close at $38"),
            NumberFact(value=5.5, unit="percent", describes="offered to staff"),
            NumberFact(value=70, unit="USD", describes="about $70"),
        ]
    )
    scores = score_story(predicted, gold)
    assert scores["numbers_recall"] == pytest.approx(2 / 3)  # 70 dollars are not 70 euros


def test_stance_target_overlap_words_the_matched_targets_against_the_gold() -> None:
    gold = story(
        who=[{"name": "Qantas", "type": "organization"}],
        stance=[{"actor": "Qantas", "target": "the wage freeze", "polarity": "support"}],
    )
    predicted = brief(
        stance=[
            Stance(
                actor="Qantas",
                target="a wage freeze for engineers",
                polarity=Polarity.SUPPORT,
                position="said it has to impose a wage freeze",
            )
        ]
    )
    # shared content words: wage, freeze (2 of 3 predicted, 2 of 2 gold): F1 0.8
    assert score_story(predicted, gold)["stance_target_overlap"] == pytest.approx(0.8)
    assert math.isnan(score_story(brief(), gold)["stance_target_overlap"])
