"""The extractive engine on crafted texts: which numbers an editor keeps, dates and
ages, names with particles and prefixes, countries in passing, and stance words read in context."""

from __future__ import annotations

from api.extractive.numbers import (
    dates_and_ages_in_sentence,
    find_numbers,
    group_numbers,
    key_numbers,
    numbers_in_sentence,
)
from api.extractive.polarity import content_scores, topic_words
from api.extractive.sentences import split_documents
from api.schemas import Article, Brief
from tests.extractive_texts import brief_of, sentence_of, stances


def numbers_of(text: str) -> list[tuple[float, str | None, str]]:
    return [(m.value, m.unit, m.phrase) for m in numbers_in_sentence(sentence_of(text))]


def kept_numbers(*texts: str) -> list[tuple[float, str | None]]:
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts, start=1)]
    groups = key_numbers(group_numbers(find_numbers(split_documents(articles))), len(texts))
    return [(group.value, group.mentions[0].unit) for group in groups]


def who(brief: Brief) -> list[tuple[str, str]]:
    return [(actor.name, actor.type.value) for actor in brief.who]


# --- numbers -------------------------------------------------------------------------------------


def test_a_scale_word_after_a_is_a_number() -> None:
    assert numbers_of("Nearly a million people live in squalor.") == [
        (1_000_000.0, "people", "Nearly a million people")
    ]


def test_names_may_lead_a_counted_noun() -> None:
    assert numbers_of("A fine of 7,500 Swiss francs was set.") == [
        (7500.0, "Swiss francs", "7,500 Swiss francs")
    ]
    assert numbers_of("Four Saudi-born Al Qaeda fighters died.") == [
        (4.0, "Saudi-born Al Qaeda fighters", "Four Saudi-born Al Qaeda fighters")
    ]


def test_designations_and_periods_are_not_counts() -> None:
    assert numbers_of("Crew on the 767 jetliner acted fast.") == []
    assert numbers_of("Caves used during the 1979-1989 war.") == []


def test_or_joins_a_range() -> None:
    assert numbers_of("A rump of three or four members.") == [
        (3.0, "members", "three"),
        (4.0, "members", "four members"),
    ]


def test_a_number_without_a_noun_is_described_by_its_sentence() -> None:
    text = "Several people, believed to be as many as 35, have been shot."
    assert [(m.value, m.describes) for m in numbers_in_sentence(sentence_of(text))] == [
        (35.0, text)
    ]


def test_days_of_a_month_and_ages_in_apposition() -> None:
    text = "After the December 13 attack, Mr Blake, 53, said the July 27, 1999 crash was bad."
    found = dates_and_ages_in_sentence(sentence_of(text))
    assert [(m.value, m.unit, m.phrase) for m in found] == [
        (13.0, "day of December", "December 13"),
        (53.0, "years old", "Blake, 53"),
    ]


def test_range_high_ends_and_short_spans_are_dropped() -> None:
    text = "Between 4,000 and 5,000 firefighters fought 100 fires over two days."
    assert kept_numbers(text, "Firefighters fought the fires.") == [
        (4000.0, "firefighters"),
        (100.0, "fires"),
    ]
    # a single article is the whole story: a short span in it is one of its facts
    assert kept_numbers(text) == [(4000.0, "firefighters"), (100.0, "fires"), (2.0, "days")]


def test_a_change_from_one_value_to_another_is_not_a_range() -> None:
    found = numbers_in_sentence(sentence_of("Federal debt rose from 60 percent to 75 percent."))
    assert [(m.value, m.qualifier.value) for m in found] == [(60.0, "exact"), (75.0, "exact")]
    assert kept_numbers("Prices fell from $5 to $3 last year.") == [(5.0, "USD"), (3.0, "USD")]
    raised = numbers_in_sentence(
        sentence_of("Voters agreed to raise the state's minimum wage by $1 to $8.25 per hour.")
    )
    assert [(m.value, m.qualifier.value) for m in raised] == [(1.0, "exact"), (8.25, "exact")]


def test_an_age_is_kept_wherever_it_is_told() -> None:
    text = (
        "A 28-year-old man was held. Police spoke. Police left. Police came. A 24-year-old spoke."
    )
    assert kept_numbers(text) == [(28.0, "years old"), (24.0, "years old")]


def test_a_named_persons_age_in_apposition_is_kept_wherever_it_comes() -> None:
    text = (
        "Apple named a new chief. Police spoke. Police left. Police came. Analysts cheered. "
        "Steve Jobs, 56, stepped down."
    )
    assert (56.0, "years old") in kept_numbers(text)


def test_a_biography_told_by_several_articles_keeps_only_the_years_of_its_lead() -> None:
    text = (
        "He won in 1989. He won in 1990. He won in 1991. He won in 1994. He won in 1995. "
        "He won in 1997."
    )
    assert kept_numbers(text, "He retired.") == [(1989.0, "year"), (1990.0, "year")]
    # a single article is the whole story: every year it gives is one of the story's dates
    assert len(kept_numbers(text)) == 6


def test_years_come_after_the_quantities_told_as_often() -> None:
    brief = brief_of("In 2001 the firm had 40 staff. In 2009 it hired 200 workers.")
    assert [(n.value, n.unit) for n in brief.numbers] == [
        (40, "staff"),
        (200, "workers"),
        (2001, "year"),
        (2009, "year"),
    ]


def test_a_story_with_a_few_years_keeps_each_one() -> None:
    text = (
        "Lorillard said the story is old. Researchers reported deaths. Lorillard stopped using "
        "crocidolite in 1956. From 1953 to 1955, 9.8 billion Kent cigarettes were sold. By 1997, "
        "almost all uses of asbestos will be outlawed."
    )
    years = [value for value, unit in kept_numbers(text) if unit == "year"]
    assert sorted(years) == [1953.0, 1955.0, 1956.0, 1997.0]


def test_a_sentence_listing_many_numbers_keeps_the_repeated_ones() -> None:
    text = (
        "Smith got five months and a fine of 5,000 francs, Jones four months and 4,000 francs. "
        "Smith was sad about five months."
    )
    assert kept_numbers(text) == [(5.0, "months")]


def test_one_facts_two_values_in_a_busy_sentence_are_kept() -> None:
    text = (
        "The flat's value fell from $327 million in 2016 to roughly $116.8 million in 2017, "
        "when it turned out to be just under 11,000 square feet, not 30,000 square feet."
    )
    values = [value for value, _ in kept_numbers(text)]
    assert {327_000_000.0, 116_800_000.0, 11_000.0, 30_000.0} <= set(values)


def test_a_votes_tally_gives_both_sides() -> None:
    assert kept_numbers("The Senate confirmed her by a vote of 53-36.") == [
        (53.0, "votes"),
        (36.0, "votes against"),
    ]
    assert kept_numbers("The administration lost by a 6-3 vote.") == [
        (6.0, "votes"),
        (3.0, "votes against"),
    ]
    assert kept_numbers("The club lost 6-3 on Sunday.") == []


def test_a_number_after_a_verb_of_harm_counts_people() -> None:
    assert numbers_of("The outbreak has killed 3,338 in West Africa.") == [
        (3338.0, "people killed", "3,338")
    ]
    assert numbers_of("The raid wounded 18, he said.") == [(18.0, "people wounded", "18")]
    assert numbers_of("Militants killed two dozen Israelis.") != [(2.0, "people killed", "two")]


def test_a_share_out_of_every_hundred_is_the_share() -> None:
    assert numbers_of("Seven out of every 100 Hispanic children were absent.") == [
        (7.0, "per 100 Hispanic children", "Seven out of every 100 Hispanic children")
    ]


def test_units_of_measure_without_a_plural_are_units() -> None:
    assert numbers_of("Flights stop if winds reach 23 mph.") == [(23.0, "mph", "23 mph")]
    assert numbers_of("The planet will pass 1.5°C of warming.") == [(1.5, "°C", "1.5°C")]
    assert numbers_of("The town lies 150 km north of the capital.") == [(150.0, "km", "150 km")]
    assert numbers_of("Some 4.9 million bbl. of oil spilled.") == [
        (4_900_000.0, "bbl", "Some 4.9 million bbl")
    ]


# --- actors --------------------------------------------------------------------------------------


def test_new_stays_in_a_place_name() -> None:
    assert who(brief_of("Fires burn across New South Wales. New South Wales is on alert.")) == []


def test_a_demonym_before_a_plural_name_is_an_organization() -> None:
    brief = brief_of("The Australian Democrats met. The Democrats split.")
    assert who(brief) == [("Australian Democrats", "organization")]
    assert brief.who[0].aliases == ["Democrats"]


def test_countries_named_only_as_adjectives_or_places_are_not_actors() -> None:
    assert who(brief_of("Australian police used Australian law. The Swiss court agreed.")) == []
    assert who(brief_of("Troops moved into Afghanistan. Aid flowed to Afghanistan.")) == []


def test_a_person_named_after_an_organization() -> None:
    brief = brief_of(
        "Director of Boston's Logan International Airport Tom Kinton says quick action by "
        "flight attendants averted a potentially serious incident."
    )
    kinton = next(actor for actor in brief.who if actor.name == "Tom Kinton")
    assert kinton.role == "Logan International Airport"
    assert stances(brief) == [("Tom Kinton", "support")]


def test_particles_post_nominals_and_place_words_in_names() -> None:
    assert set(who(brief_of("Osama bin Laden fled. President Fernando de la Rua resigned."))) == {
        ("Fernando de la Rua", "person"),
        ("Osama bin Laden", "person"),
    }
    assert who(brief_of("The inquiry heard from Wayne Martin QC. Wayne Martin said little.")) == [
        ("Wayne Martin", "person")
    ]
    assert who(brief_of("The minister, Robert Hill, says it is too early.")) == [
        ("Robert Hill", "person")
    ]


def test_a_group_keeps_the_noun_that_says_which() -> None:
    brief = brief_of("Qantas maintenance workers rejected it. The maintenance workers struck.")
    assert who(brief) == [("Qantas maintenance workers", "group")]


def test_broadcasters_contractions_and_places_are_not_people() -> None:
    brief = brief_of(
        'Mr Downer told Channel Seven it was true. "I\'ve said so," Mr Downer said. '
        "Alexander Downer left."
    )
    assert who(brief) == [("Alexander Downer", "person")]
    assert who(brief_of("The yachts passed off Lady Barron at dawn.")) == []


# --- stance --------------------------------------------------------------------------------------


def test_topic_words_weigh_a_quarter() -> None:
    assert content_scores("planning attacks") == (0.0, 1.0)
    assert content_scores("planning attacks", frozenset({"attacks"})) == (0.0, 0.25)
    documents = split_documents(
        [
            Article(id="a1", text="The attacks were a crisis."),
            Article(id="a2", text="More attacks came."),
            Article(id="a3", text="A crisis? No."),
        ]
    )
    assert topic_words(documents) == frozenset({"attacks", "crisis"})


def test_grief_at_a_death_is_support() -> None:
    brief = brief_of("Prime Minister Helen Clark says she feels devastated by Mr Blake's death.")
    assert stances(brief) == [("Helen Clark", "support")]


def test_reported_stances_without_a_lexicon_verb() -> None:
    assert stances(brief_of("Lord Mayor Jim Soorley says the explanation does not wash.")) == [
        ("Jim Soorley", "oppose")
    ]
    assert stances(brief_of("The International Monetary Fund said it would work with them.")) == [
        ("International Monetary Fund", "support")
    ]
    assert stances(
        brief_of("Pervez Musharraf says he is ready to meet, as fears grow of a war.")
    ) == [("Pervez Musharraf", "support")]


def test_a_name_in_apposition_holds_the_stance() -> None:
    brief = brief_of(
        "The Shadow Foreign Affairs Minister, Kevin Rudd, has urged the Government to set up "
        "immediate diplomatic access."
    )
    assert stances(brief) == [("Kevin Rudd", "support")]


def test_four_digits_after_a_preposition_of_time_are_a_year_before_a_plural() -> None:
    text = "By 1997 almost all uses of asbestos will be outlawed. A total of 2000 troops left."
    assert (1997.0, "year") in kept_numbers(text)
    assert (2000.0, "troops") in kept_numbers(text)
