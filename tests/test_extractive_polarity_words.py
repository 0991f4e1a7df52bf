"""Polarity on crafted sentences: words that judge a claim or a plan take a side, a question
that leans either way doubts what it names, and a negated verb of thinking denies the whole
clause it reports."""

from __future__ import annotations

import pytest

from api.extractive.polarity import content_scores, polarity_from_scores
from api.schemas import Polarity
from tests.extractive_texts import brief_of, sorted_stances


@pytest.mark.parametrize(
    "content",
    [
        "the idea that the oil is gone and not a threat is just absolutely incorrect",
        "it would be premature to go ahead with any project at this time",
        "his comments were both uninformed and inflammatory",
        "the advertisement is deceptive",
        "the new rules are unworkable and counterproductive",
        "the surveillance program is now out of control",
        "the Marines have become an example of the redundancies of our defense establishment",
    ],
)
def test_words_that_judge_a_claim_unsound_oppose(content: str) -> None:
    assert polarity_from_scores(*content_scores(content)) is Polarity.OPPOSE


@pytest.mark.parametrize(
    "content",
    [
        "much of the analysis is credible",
        "the proposal is a sensible and balanced approach",
        "the new screening is vital",
        "the payoff could be big for TV owners",
    ],
)
def test_words_that_judge_a_claim_sound_support(content: str) -> None:
    assert polarity_from_scores(*content_scores(content)) is Polarity.SUPPORT


def test_a_leaning_question_doubts_what_it_names() -> None:
    support, oppose = content_scores("What help did it give?")
    assert oppose > support
    assert sorted_stances(
        brief_of(
            '"What sector is stepping forward to pick up the slack?" said Kenneth Mayland, '
            "an economist at Society Corp."
        )
    ) == [("Kenneth Mayland", "oppose")]


def test_a_question_that_leans_neither_way_takes_no_side() -> None:
    assert content_scores("What is another name for the Roman numeral IX?") == (0.0, 0.0)


def test_a_negated_verb_of_thinking_denies_the_whole_clause() -> None:
    support, oppose = content_scores(
        "it doesn't suggest that what you do is unable to cope or is in any way ineffective"
    )
    assert support > oppose
    support, oppose = content_scores("I don't think that in the long run this plan is a success")
    assert oppose > support
    # without the denial the same words keep their side
    support, oppose = content_scores("what you are doing is in any way ineffective")
    assert oppose > support


def test_no_question_and_no_doubt_affirm_rather_than_deny() -> None:
    assert content_scores("There's no question that some workers contracted the disease") == (
        0.0,
        0.0,
    )
    assert content_scores("No doubt about it")[1] == 0.0
    # a plain denial still opposes
    assert content_scores("the plan is not an attempt to shore up ad pages")[1] > 0


def test_too_early_to_say_holds_back_a_judgement() -> None:
    assert content_scores("it's too early to say whether that will happen") == (0.0, 0.0)
    support, oppose = content_scores("it is too early to lift sanctions")
    assert oppose > support


def test_too_little_of_a_good_thing_opposes() -> None:
    support, oppose = content_scores("there has been continuing slow progress in Malaysia")
    assert oppose > support
    support, oppose = content_scores("there has been little progress")
    assert oppose > support
    support, oppose = content_scores("there has been a little progress")
    assert support > oppose


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Fujitsu Ltd. said it has offered to withdraw its bids in Hiroshima.",
            "Fujitsu Ltd.",
            "its bids in Hiroshima",
        ),
        ("Mayor Tom Brink ordered the closure of the mine.", "Tom Brink", "the mine"),
        ("Mayor John Smith agreed to drop the plan.", "John Smith", "the plan"),
    ],
)
def test_agreeing_or_ordering_to_undo_a_thing_opposes_the_thing(
    text: str, actor: str, target: str
) -> None:
    brief = brief_of(text)
    assert sorted_stances(brief) == [(actor, "oppose")]
    assert brief.stance[0].target == target


@pytest.mark.parametrize(
    ("content", "polarity"),
    [
        ("the measure would end the crisis", Polarity.SUPPORT),
        ("the new plan will cut unemployment and reduce poverty", Polarity.SUPPORT),
        ("the measure would not end the crisis", Polarity.OPPOSE),
        ("the plan will never reduce poverty", Polarity.OPPOSE),
        ("the crisis will end soon", Polarity.OPPOSE),
    ],
)
def test_doing_away_with_a_bad_thing_sides_with_doing_it(content: str, polarity: Polarity) -> None:
    assert polarity_from_scores(*content_scores(content)) is polarity


def test_a_law_said_to_help_those_suffering_is_supported() -> None:
    brief = brief_of(
        "Alabama legislators said the law would help legal residents suffering from nearly 10 "
        "percent unemployment."
    )
    assert sorted_stances(brief) == [("Alabama legislators", "support")]


def test_pledging_or_urging_to_oppose_something_opposes_it() -> None:
    brief = brief_of(
        "Rep. Chip Roy vowed to oppose any future deal that did not cut spending. The Freedom "
        "Caucus urged members to vote no."
    )
    assert sorted_stances(brief) == [("Chip Roy", "oppose"), ("Freedom Caucus", "oppose")]
    assert brief.stance[0].target == "any future deal"


def test_a_name_put_on_a_thing_in_quotation_marks_judges_it() -> None:
    brief = brief_of(
        'Activision CEO Bobby Kotick called the ruling "a disservice to U.K. citizens." '
        'Senator Rand Paul called the package "a bloated monstrosity."'
    )
    assert [(s.actor, s.polarity.value, s.target) for s in brief.stance] == [
        ("Bobby Kotick", "oppose", "the ruling"),
        ("Rand Paul", "oppose", "the package"),
    ]


def test_calling_the_police_or_a_phrase_in_quotes_is_no_judgment() -> None:
    brief = brief_of(
        "Senator Jane Smith called the police on Monday. Analysts doubt what President Barack "
        'Obama calls the "better-than-ever" relationship with Russia.'
    )
    assert ("Barack Obama", "oppose") not in sorted_stances(brief)
    assert ("Jane Smith", "oppose") not in sorted_stances(brief)


def test_suing_opposes_and_less_choice_is_a_harm() -> None:
    brief = brief_of(
        "Cartoonist Garry Trudeau is suing the Writers Guild of America East for $11 million. "
        'The regulator said the merger "would lead to reduced innovation and less choice."'
    )
    assert ("Garry Trudeau", "oppose") in sorted_stances(brief)
    assert (
        polarity_from_scores(
            *content_scores("the merger would lead to reduced innovation and less choice")
        )
        is Polarity.OPPOSE
    )


def test_a_treatment_for_an_illness_is_no_harm() -> None:
    content = "the regulator approved the first psilocybin treatment for severe depression"
    assert polarity_from_scores(*content_scores(content)) is Polarity.SUPPORT


def test_remaining_concerned_about_a_thing_is_about_the_thing() -> None:
    brief = brief_of(
        '"We remain concerned about the lack of long-term data," college president Vinay Lakra '
        "said."
    )
    assert [(s.actor, s.polarity.value, s.target) for s in brief.stance] == [
        ("Vinay Lakra", "oppose", "the lack of long-term data")
    ]


def test_the_fight_against_a_thing_is_no_harm_in_itself() -> None:
    content = "Europe is the leader in the fight against climate change"
    assert polarity_from_scores(*content_scores(content)) is not Polarity.OPPOSE
