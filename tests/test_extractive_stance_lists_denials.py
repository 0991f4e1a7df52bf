"""Stance rules on crafted sentences: a denial takes a side, a list of holders is read whole
(honorifics and all), a report inside a report stays whole, a dash written as two hyphens splits
words, and the deeds of dissenting, ruling against and signing a deal."""

from __future__ import annotations

from api.extractive.polarity import content_scores
from api.extractive.sentences import sentence_spans
from api.extractive.stance import find_triggers
from tests.extractive_texts import brief_of, names, sorted_stances, stances


def test_a_denial_with_no_other_side_opposes() -> None:
    assert content_scores("the plan is not an attempt to shore up ad pages")[1] > 0
    assert sorted_stances(
        brief_of(
            "Newsweek president Alan Spoon said the plan is not an attempt to shore up ad pages."
        )
    ) == [("Alan Spoon", "oppose")]


def test_a_plain_statement_still_takes_no_side() -> None:
    assert content_scores("ad rates would increase 5% in January") == (0.0, 0.0)
    assert (
        sorted_stances(brief_of("Alan Spoon said the ad rates would increase 5% in January.")) == []
    )


def test_a_denial_does_not_outweigh_words_that_take_a_side() -> None:
    support, oppose = content_scores("there was no doubt the deal was a great success")
    assert support > oppose


def test_a_list_of_names_ending_in_and_holds_the_stance_together() -> None:
    assert sorted_stances(
        brief_of(
            "Richard Fisher, Narayana Kocherlakota and Charles Plosser dissented from the decision."
        )
    ) == [
        ("Charles Plosser", "oppose"),
        ("Narayana Kocherlakota", "oppose"),
        ("Richard Fisher", "oppose"),
    ]


def test_a_place_before_the_list_is_a_setting_not_a_holder() -> None:
    brief = brief_of(
        "In Canberra, Senator Jane Roe and Mayor Tom Brink condemned the plan. "
        "Canberra is the capital."
    )
    assert sorted_stances(brief) == [
        ("Jane Roe", "oppose"),
        ("Tom Brink", "oppose"),
    ]


def test_a_dash_written_as_two_hyphens_does_not_join_a_name_to_its_verb() -> None:
    text = (
        "Three members--Dallas Fed President Richard Fisher, Minneapolis Fed President "
        "Narayana Kocherlakota, and Philadelphia Fed President Charles Plosser--dissented."
    )
    assert [t.word for t in find_triggers(text)] == ["dissented"]
    assert len(sorted_stances(brief_of(text))) == 3


def test_a_report_inside_a_report_is_kept_whole() -> None:
    brief = brief_of(
        "Magna chairman Frank Stronach returned to the company. Mayor Tom Brink said "
        "Mr. Stronach wants to cut costs, a good thing for shareholders."
    )
    positions = {s.actor: s.position for s in brief.stance}
    assert positions["Tom Brink"].startswith("said Mr. Stronach wants to cut costs")


def test_a_court_ruling_against_a_party_opposes_it() -> None:
    assert sorted_stances(brief_of("The Supreme Court ruled against the administration 6-3.")) == [
        ("Supreme Court", "oppose")
    ]


def test_signing_a_deal_supports_it() -> None:
    assert sorted_stances(
        brief_of("Acme Corp. signed a merger agreement with Beta Inc. on Monday.")
    ) == [("Acme Corp.", "support")]


def test_messrs_neither_ends_a_sentence_nor_names_anyone() -> None:
    text = "Besides Messrs. Cray and Barnum, other managers will join. Mmes. Roe and Poe left."
    assert len(sentence_spans(text)) == 2
    brief = brief_of(
        "Seymour Cray founded the firm. Gregory Barnum runs its finances. "
        "Messrs. Cray and Barnum said the spinoff was a great success."
    )
    assert names(brief) == ["Seymour Cray", "Gregory Barnum"]
    assert sorted_stances(brief) == [
        ("Gregory Barnum", "support"),
        ("Seymour Cray", "support"),
    ]


def test_holders_joined_with_their_honorifics_share_the_stance() -> None:
    assert sorted_stances(
        brief_of(
            "Seymour Cray founded the firm. Gregory Barnum runs its finances. "
            "Mr. Cray and Mr. Barnum said the spinoff was a great success."
        )
    ) == [("Gregory Barnum", "support"), ("Seymour Cray", "support")]


def test_a_passive_stance_is_the_agents_about_its_subject() -> None:
    brief = brief_of(
        "The address was hailed by United Nations Middle East envoy Terje Roed-Larsen as a "
        "turning point. The new law has been strongly opposed by Mayor Tom Brink."
    )
    assert [(s.actor, s.polarity.value, s.target) for s in brief.stance] == [
        ("Terje Roed-Larsen", "support", "The address"),
        ("Tom Brink", "oppose", "The new law"),
    ]


def test_a_past_tense_verb_after_a_name_is_its_verb_not_a_noun_it_names() -> None:
    brief = brief_of("Hamas issued a statement vowing to continue its campaign. Hamas rules Gaza.")
    assert stances(brief) == [("Hamas", "support")]
    assert brief_of("British man accused of plotting attacks condemned the raid.").stance == []
