"""The extractive engine on crafted texts: what belongs to the story.

An unrelated item appended to an article is set aside, and a one-word organization the story
keeps naming is an actor while a town it is set in is not.
"""

from __future__ import annotations

from api.extractive.sentences import split_documents
from api.extractive.topic import story_documents
from api.schemas import Article
from tests.extractive_texts import brief_of, names

TENNIS = (
    "France won the Davis Cup final against Australia in Melbourne on Sunday. "
    "Nicolas Escude beat Wayne Arthurs in four sets in the deciding rubber. "
    "Australian captain John Fitzgerald defended his decision to play Pat Rafter in the doubles. "
    "Rafter withdrew from the final match with an arm injury. "
)
APPENDED = (
    "The Palestinian Authority has arrested more than 70 members of militant groups after "
    "weekend bombings against Israel. "
    "Israeli ministers suggested that Yasser Arafat should be toppled. "
    "A decision on a military response is likely to be made later today by the cabinet. "
    "Hamas vowed to retaliate for the arrests."
)


def test_an_unrelated_item_at_the_end_of_an_article_is_set_aside() -> None:
    articles = [Article(id="a1", text=TENNIS + APPENDED)]
    kept = story_documents(split_documents(articles))[0]
    assert len(kept.sentences) == 4
    assert kept.sentences[-1].text.startswith("Rafter withdrew")
    brief = brief_of(TENNIS + APPENDED)
    assert "Yasser Arafat" not in names(brief)
    assert 70 not in [number.value for number in brief.numbers]
    assert "Palestinian" not in brief.summary


def test_a_story_that_stays_on_its_subject_keeps_every_sentence() -> None:
    text = TENNIS + (
        "Fitzgerald said Rafter had carried an injury all week. "
        '"There was no guarantee he could have played," Fitzgerald said. '
        "Escude said winning the Davis Cup for France was the highlight of his career."
    )
    kept = story_documents(split_documents([Article(id="a1", text=text)]))[0]
    assert len(kept.sentences) == 7


def test_a_short_closing_quote_is_not_taken_for_another_story() -> None:
    text = TENNIS + (
        '"You could not ask for anything more," he said. It was a very special day for everyone.'
    )
    kept = story_documents(split_documents([Article(id="a1", text=text)]))[0]
    assert len(kept.sentences) == 6


def test_a_closing_passage_that_refers_back_with_a_pronoun_is_kept() -> None:
    text = TENNIS + (
        "In his spare time he grows orchids in a garden shed. "
        "Orchids need careful watering and a warm greenhouse. "
        "Gardeners prize the rare blooms of the plant."
    )
    kept = story_documents(split_documents([Article(id="a1", text=text)]))[0]
    assert len(kept.sentences) == 7


def test_an_article_alone_keeps_a_body_longer_than_its_playful_lede() -> None:
    lede = (
        "Many couples fight about it at home. "
        "No, it is not money, sex, or parenting but the lowly thermostat. "
        "Heated arguments often ensue about how warm or cool to keep a room. "
    )
    body = TENNIS.replace("Rafter withdrew", "Pat Rafter withdrew")
    kept = story_documents(split_documents([Article(id="a1", text=lede + body)]))[0]
    assert len(kept.sentences) == 7
    # beside another article about the lede, the long unrelated body is still set aside
    other = Article(id="a2", text=lede.replace("Many couples", "Couples everywhere"))
    kept = story_documents(split_documents([Article(id="a1", text=lede + body), other]))[0]
    assert len(kept.sentences) == 3


def test_a_one_word_organization_the_story_repeats_is_an_actor() -> None:
    brief = brief_of(
        "Travel chain Zephora has closed its stores in Sydney, leaving 550 staff without work. "
        "Zephora has blamed falling bookings.",
        "Administrators say Zephora's franchise network has found a buyer. "
        "Staff gathered in Sydney to hear the news.",
    )
    assert "Zephora" in names(brief)
    assert "Sydney" not in names(brief)


def test_a_capitalized_word_only_at_the_start_of_sentences_is_not_an_actor() -> None:
    brief = brief_of(
        "Regional councils approved the budget on Monday. Regional leaders welcomed it.",
        "Regional towns will get new roads. The council says the money is enough.",
    )
    assert "Regional" not in names(brief)


def test_a_news_agency_the_story_cites_is_a_source_not_an_actor() -> None:
    brief = brief_of(
        "Police in Mumbai arrested Mohammed Afroz, the Press Trust of India reported. "
        "Police Commissioner Ramdas Patil said Afroz had confessed, according to Reuters."
    )
    assert "Reuters" not in names(brief)
    assert "Press Trust of India" not in names(brief)
    assert "Ramdas Patil" in names(brief)


def test_a_name_only_passed_to_or_compared_with_is_not_an_actor() -> None:
    brief = brief_of(
        "Skipper Peter Bartels said the crew had been magnificent. "
        "Bartels said he was like Edmund Hillary on the water. "
        "Jane Citizen, a crew member, was taken to hospital."
    )
    assert "Edmund Hillary" not in names(brief)
    assert "Jane Citizen" in names(brief)


def test_a_party_label_before_a_name_is_not_part_of_the_name() -> None:
    brief = brief_of("Republican Chuck Hagel says the administration must act.")
    assert "Chuck Hagel" in names(brief)


def test_a_possessive_inside_an_organization_name_is_kept() -> None:
    brief = brief_of(
        "The Elkhart County Sheriff's Department said the gunman had been shot dead. "
        "Pakistan's Foreign Ministry announced sanctions."
    )
    assert "Elkhart County Sheriff's Department" in names(brief)
    assert "Pakistan's Foreign Ministry" not in names(brief)


def test_a_surname_shared_by_two_people_is_not_an_organization() -> None:
    brief = brief_of(
        "Sir Peter Blake was shot dead by pirates on the Amazon. "
        "His wife Joyce Blake said she was devastated. Blake had won the America's Cup twice.",
        "Blake was the most famous sailor in New Zealand. Blake's crew was unhurt.",
    )
    assert "Blake" not in names(brief)
    assert "Sir Peter Blake" in names(brief)


def test_an_organization_named_once_in_full_is_kept() -> None:
    brief = brief_of(
        "Staff at the travel chain are owed nearly $9 million. "
        "The Australian Services Union's Luke Foley says he will fight for every cent."
    )
    assert "Australian Services Union" in names(brief)


def test_a_repeated_capitalized_adjective_is_not_an_organization() -> None:
    brief = brief_of(
        "Two Islamist groups have claimed the attack. Police say Islamist leaders will be held. "
        "Israeli Prime Minister Ariel Sharon condemned the bombing."
    )
    assert "Islamist" not in names(brief)


def test_a_portfolio_after_a_title_is_not_an_actor() -> None:
    brief = brief_of(
        "Labor's spokesman on Home Affairs, John Faulkner, says the laws go too far. "
        "The Minister for Immigration, Philip Ruddock, says the laws are needed."
    )
    assert "Home Affairs" not in names(brief)
    assert "Immigration" not in names(brief)
    assert "John Faulkner" in names(brief)


def test_three_closing_reactions_are_part_of_the_story() -> None:
    text = (
        "The Senate passed the $1.2 trillion infrastructure bill on Tuesday. The measure funds "
        "roads, bridges and broadband across the country. President Joe Biden praised the vote "
        "as historic. Senate Minority Leader Mitch McConnell said the package was a good "
        "compromise. Sen. Bernie Sanders criticized it as too small. Rep. Matt Gaetz said the "
        "spending was a waste."
    )
    kept = story_documents(split_documents([Article(id="a1", text=text)]))[0]
    assert len(kept.sentences) == 6
    assert {"Mitch McConnell", "Bernie Sanders", "Matt Gaetz"} <= set(names(brief_of(text)))
