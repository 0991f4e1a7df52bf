"""The extractive engine on crafted texts: stances per actor, group actors,
acronyms, pruning and number filters."""

from __future__ import annotations

from api.extractive.numbers import numbers_in_sentence
from api.extractive.polarity import content_scores, polarity_from_scores
from api.extractive.sentences import Sentence
from api.schemas import Polarity
from tests.extractive_texts import brief_of, names, stances


def test_negation_flips_a_polarity_word() -> None:
    assert content_scores("the plan is acceptable") == (0.0, 0.0)
    assert content_scores("the plan is not unacceptable") == (1.0, 0.0)
    assert content_scores("he would not support it") == (0.0, 1.0)


def test_scores_give_mixed_only_when_both_sides_are_strong() -> None:
    assert polarity_from_scores(0.0, 0.0) is Polarity.NEUTRAL
    assert polarity_from_scores(1.0, 1.0) is Polarity.OPPOSE
    assert polarity_from_scores(3.0, 1.0) is Polarity.SUPPORT
    assert polarity_from_scores(2.0, 2.0) is Polarity.MIXED


def test_negated_stance_verb_is_the_opposite_stance() -> None:
    brief = brief_of("Senator Jane Roe did not support the bill.")
    assert stances(brief) == [("Jane Roe", "oppose")]


def test_said_takes_polarity_from_what_was_said() -> None:
    brief = brief_of("Mayor Tom Brink says he is satisfied and relieved with the outcome.")
    assert stances(brief) == [("Tom Brink", "support")]


def test_bare_attribution_reads_the_sentence_before() -> None:
    brief = brief_of('"The company was greedy and arrogant." Mayor Tom Brink said.')
    assert stances(brief) == [("Tom Brink", "oppose")]


def test_he_said_goes_to_the_last_person_who_spoke() -> None:
    brief = brief_of(
        "Mayor Tom Brink says the town will rebuild. "
        '"The decision was unacceptable and dangerous," he said.'
    )
    assert stances(brief) == [("Tom Brink", "oppose")]


def test_subject_behind_an_appositive_holds_the_stance() -> None:
    brief = brief_of(
        "Jim Carr, who is a former priest, says the explanation is unacceptable. Carr left."
    )
    assert stances(brief) == [("Jim Carr", "oppose")]


def test_one_stance_per_actor_and_side_adds_up_its_findings() -> None:
    brief = brief_of(
        "Mayor Tom Brink welcomed the plan. Mayor Tom Brink praised the council. "
        "Mayor Tom Brink says one detail is a problem."
    )
    # the two reports of support are one stance; the complaint about a detail is its own
    assert stances(brief) == [("Tom Brink", "support"), ("Tom Brink", "oppose")]
    assert len(brief.stance[0].evidence) == 2
    assert brief.stance[1].target == "one detail"


def test_demonym_before_a_noun_is_not_the_speaker() -> None:
    brief = brief_of("A British man accused of the attack was refused bail.")
    assert stances(brief) == []


def test_group_noun_subject_is_an_actor_with_its_place() -> None:
    brief = brief_of("Goshen police said the gunman fired at workers. The gunman was killed.")
    names = {actor.name: actor.aliases for actor in brief.who}
    assert names == {"gunman": [], "Goshen police": []}


def test_repeated_acronym_without_long_form_is_an_organization() -> None:
    brief = brief_of("HIH collapsed in March. The failure of HIH hurt many builders.")
    assert [(a.name, a.type.value) for a in brief.who] == [("HIH", "organization")]


def test_passing_places_and_laws_are_not_actors() -> None:
    brief = brief_of(
        "The fire reached Mount Kembla and the Rialto Towers. "
        "He may be charged under the Crimes Act."
    )
    assert brief.who == []


def numbers_of(text: str) -> list[tuple[float, str | None]]:
    sentence = Sentence("a1", 0, 0, 0, len(text), text)
    return [(m.value, m.unit) for m in numbers_in_sentence(sentence)]


def test_fractions_others_and_the_two_are_not_counts() -> None:
    assert numbers_of("Fires ring two-thirds of the city.") == []
    # a nationality counts people; "seven others" does not say who they are
    assert numbers_of("It killed 14 Australians and seven others.") == [(14.0, "Australians")]
    assert numbers_of("Tension grew between the two countries after 12 soldiers died.") == [
        (12.0, "soldiers")
    ]


def test_an_actor_the_cast_sets_aside_takes_no_stance() -> None:
    # "groups" names no group without a word saying which, so it is not in the cast
    brief = brief_of(
        "Some groups continued to oppose federal funding. Dr Jane Roe said it was wrong."
    )
    assert [stance.actor for stance in brief.stance] == ["Jane Roe"]
    assert "groups" not in names(brief)


def test_a_name_before_a_hyphened_adjective_is_not_the_speaker() -> None:
    brief = brief_of(
        "Bramalea Ltd. said it agreed to issue bonds. The Toronto-based real estate concern "
        "said each warrant entitles the holder to buy debentures. The underwriters are "
        "Scotia McLeod Inc. and RBC Dominion Securities Inc., both Toronto-based dealers."
    )
    assert [stance.actor for stance in brief.stance] == ["Bramalea Ltd."]
    assert "Toronto" not in names(brief)


def test_a_pronoun_does_not_reach_back_past_a_few_sentences() -> None:
    far = brief_of(
        "The Senate confirmed Elizabeth Prelogar by a vote of 53-36 in October. The hearing "
        "began at ten. The room was full. The questions ran long. The lawyers argued about "
        "vaccines. The clock ran out at noon. As the two talked over each other, they "
        "challenged the transcription service."
    )
    assert "Senate" not in {stance.actor for stance in far.stance}
    near = brief_of(
        "The Senate confirmed Elizabeth Prelogar by a vote of 53-36 in October. Later, they "
        "condemned the delay."
    )
    assert ("Senate", "oppose") in stances(near)


def test_an_envoy_to_a_body_speaks_for_herself_not_for_it() -> None:
    brief = brief_of(
        "President Trump's ambassador to the United Nations, Nikki R. Haley, said on Tuesday "
        "that she would resign at the end of the year. Nikki R. Haley thanked the president."
    )
    assert "United Nations" not in {stance.actor for stance in brief.stance}
    # the head of a body speaks for it
    brief = brief_of(
        "The president of the Victorian Law Institute, Bill Doogue, says the charges are "
        "unfair and wrong."
    )
    assert "Victorian Law Institute" in {stance.actor for stance in brief.stance}


def test_a_group_speaks_with_the_plural_form_of_a_reporting_verb() -> None:
    brief = brief_of(
        "Verizon and AT&T let customers stream video without using their data. While customers "
        "are happy to take the free data, critics warn that such practices stifle competition. "
        "Industry analysts complained to regulators about the plans. Verizon said the plans "
        "were popular."
    )
    assert {"critics", "Industry analysts"} <= set(names(brief))
    assert ("critics", "oppose") in stances(brief)
    assert ("Industry analysts", "oppose") in stances(brief)


def test_a_noun_after_a_is_not_the_kind_of_group_that_follows() -> None:
    brief = brief_of(
        "EU countries agreed a target on Thursday. Up to 5% of the cuts can come from carbon "
        "credits, a concession critics say will weaken the target. Critics said more."
    )
    assert "critics" in names(brief)
    assert "concession critics" not in names(brief)
