"""Number reading that generalises: partitives as counted nouns, "other" counts,
fractions behind a qualifier, listing sentences of one kind, background dates."""

from __future__ import annotations

from datetime import date, datetime

from api.extractive.numbers import (
    dates_and_ages_in_sentence,
    find_numbers,
    group_numbers,
    is_background_date,
    key_numbers,
    numbers_in_sentence,
)
from api.extractive.sentences import split_documents
from api.schemas import Article
from tests.extractive_texts import brief_of, sentence_of


def numbers_of(text: str) -> list[tuple[float, str | None, str]]:
    return [(m.value, m.unit, m.phrase) for m in numbers_in_sentence(sentence_of(text))]


def kept_numbers(text: str, published: datetime | None = None) -> list[tuple[float, str | None]]:
    documents = split_documents([Article(id="a1", text=text, published_at=published)])
    groups = key_numbers(group_numbers(find_numbers(documents)))
    return [(group.value, group.mentions[0].unit) for group in groups]


def test_a_partitive_counts_the_noun_after_of() -> None:
    assert numbers_of("Strikes hit three of Australia's biggest banks over two days.") == [
        (3.0, "biggest banks", "three of Australia's biggest banks"),
        (2.0, "days", "over two days"),
    ]
    assert numbers_of("Police freed five of the hostages.") == [
        (5.0, "hostages", "five of the hostages")
    ]


def test_other_with_a_noun_counts_but_bare_others_does_not() -> None:
    assert numbers_of("Two other crew members were hurt and seven others fled.") == [
        (2.0, "other crew members", "Two other crew members")
    ]


def test_a_compound_adjective_before_the_noun_is_not_a_verb() -> None:
    assert numbers_of("US Airways reported six weather-related cancellations.") == [
        (6.0, "weather-related cancellations", "six weather-related cancellations")
    ]
    assert numbers_of("Two state-owned banks failed and six killed were named.") == [
        (2.0, "state-owned banks", "Two state-owned banks")
    ]


def test_a_scale_word_hyphened_on_or_a_dozen_multiplies() -> None:
    assert numbers_of("The state could avoid the $600-million cost of a plant.") == [
        (600_000_000.0, "USD", "$600-million")
    ]
    assert numbers_of("More than two dozen people were hospitalized.") == [
        (24.0, "people", "More than two dozen people")
    ]
    assert numbers_of("He sat among a dozen people. Dozens of people died.") == [
        (12.0, "people", "a dozen people")
    ]


def test_a_scaled_decimal_is_the_number_the_text_writes() -> None:
    # in binary floating point 4.1 * 1e6 is 4099999.9999999995
    assert numbers_of("Of the remaining 4.1 million bbl, 2.3 billion dollars went.") == [
        (4_100_000.0, "bbl", "4.1 million bbl"),
        (2_300_000_000.0, "USD", "2.3 billion dollars"),
    ]


def test_a_year_between_a_determiner_and_a_noun_dates_it_but_people_are_counted() -> None:
    assert numbers_of("The agency will roll back the 2015 rules.") == [(2015.0, "year", "2015")]
    assert numbers_of("Her 2018 disclosures were late.") == [(2018.0, "year", "2018")]
    assert numbers_of("The 2000 people left.") == [(2000.0, "people", "2000 people")]


def test_a_fraction_behind_a_qualifier_is_not_a_count() -> None:
    assert numbers_of("We have completed about two-thirds of the repairs.") == []


def test_a_listing_sentence_of_distinct_facts_keeps_them() -> None:
    text = "The deal gives the alliance three key portfolios, two women and a 30-member cabinet."
    assert kept_numbers(text) == [(3.0, "key portfolios"), (2.0, "women"), (30.0, "member")]


def test_dates_months_before_publication_are_background() -> None:
    assert is_background_date("September", date(2001, 12, 10))
    assert not is_background_date("December", date(2001, 12, 10))
    assert not is_background_date("January", date(2001, 12, 10))
    assert not is_background_date("September", None)
    sentence = sentence_of("Since the September 11 attacks, talks set for December 22 went on.")
    assert [m.value for m in dates_and_ages_in_sentence(sentence, date(2001, 12, 10))] == [22.0]
    assert [m.value for m in dates_and_ages_in_sentence(sentence)] == [11.0, 22.0]


def test_what_a_number_describes_is_a_clause_that_says_something() -> None:
    def describes(text: str) -> list[str]:
        return [m.describes for m in numbers_in_sentence(sentence_of(text))]

    # a comma inside a figure breaks no clause
    assert describes("The dispute involving 3,000 maintenance workers has run for months.") == [
        "The dispute involving 3,000 maintenance workers has run for months"
    ]
    # a clause too short to say anything takes in the next one
    assert describes("In 2015, the plant closed for good.") == [
        "In 2015, the plant closed for good"
    ]
    ages = dates_and_ages_in_sentence(sentence_of("Mr Blake, 53, was aboard a boat with his crew."))
    assert [m.describes for m in ages] == ["Mr Blake, 53, was aboard a boat with his crew"]


def test_an_acronym_before_the_counted_noun_is_part_of_the_unit() -> None:
    found = numbers_in_sentence(
        sentence_of("Three U.S. troops and 400 SES volunteers were sent to the area.")
    )
    assert [(m.value, m.unit) for m in found] == [(3.0, "U.S. troops"), (400.0, "SES volunteers")]


def test_a_multiple_written_with_an_x_is_a_number_of_times_kept_deep_in_a_story() -> None:
    filler = " ".join(
        f"Shoppers bought bread on day {word}." for word in "ab cd ef gh ij kl mn op".split()
    )
    brief = brief_of(
        filler + " In 2014 'i am hungry' was searched 7x more than 'i am thirsty'. "
        "Prices rose 2.5x in a year."
    )
    assert {(n.value, n.unit) for n in brief.numbers} >= {(7, "times"), (2.5, "times")}
    assert [n.value for n in brief_of("The 4x4 trucks sold well in the hills.").numbers] == []


def test_the_date_under_an_embedded_post_is_not_a_date_of_the_story() -> None:
    brief = brief_of(
        "Italian police killed the suspect in a shootout in Milan in 2016. "
        "The suspect had fled Berlin after the attack.\n\n"
        "Suspect in Berlin truck attack killed by Italian police.\n\n"
        "— The New York Times (@nytimes) December 23, 2015\n\n"
        "Officials said 12 people died in the attack."
    )
    years = [n.value for n in brief.numbers if n.unit == "year"]
    assert 2015 not in years
    assert 2016 in years


def test_a_year_after_a_name_dates_the_noun_after_it() -> None:
    mentions = numbers_in_sentence(sentence_of("Zeus was hailed as the Worlds 2023 finals MVP."))
    assert [(m.value, m.unit) for m in mentions] == [(2023, "year")]
    # at the head of a sentence a capitalized word is no name
    mentions = numbers_in_sentence(sentence_of("Some 2000 people marched."))
    assert [m.unit for m in mentions] != ["year"]


def test_a_capitalized_plural_people_and_a_zero_plural_are_counted_nouns() -> None:
    assert numbers_of("Almost nine years later, 20,000 Marines are still fighting there.")[1] == (
        20000.0,
        "Marines",
        "20,000 Marines",
    )
    assert numbers_of("The shelters could hold 11,703,090 New Yorkers.") == [
        (11703090.0, "New Yorkers", "11,703,090 New Yorkers")
    ]
    assert numbers_of("The F-35 program covers 2,443 aircraft.") == [
        (2443.0, "aircraft", "2,443 aircraft")
    ]
    assert numbers_of("A Beech 200 aircraft came down near the airport.") == []


def test_a_rank_is_an_ordinal_before_a_superlative_or_a_counted_noun() -> None:
    assert kept_numbers("It is the nation's second-largest school system.") == [
        (2.0, "rank largest school")
    ]
    assert kept_numbers("The debt is the third-highest in the developing world.") == [
        (3.0, "rank highest")
    ]
    assert kept_numbers("It was Jobs' third medical leave since 2004.") == [
        (2004.0, "year"),
        (3.0, "medical leave"),
    ]
    assert kept_numbers("The mission was the 12th shuttle trip to the station.") == [
        (12.0, "shuttle trip")
    ]
    assert kept_numbers("Profit rose in the third quarter and the second time.") == []
    assert kept_numbers("T1 won their 3rd straight title in Seoul.") == [(3.0, "straight title")]


def test_a_year_after_a_month_or_an_older_year_after_a_preposition_is_a_year() -> None:
    assert kept_numbers("In October 2021, the groups were labeled terrorist organizations.") == [
        (2021.0, "year")
    ]
    assert kept_numbers("It was established by the Continental Congress in 1775.") == [
        (1775.0, "year")
    ]
    assert kept_numbers("The treaty was signed in May 1851 at Fort Laramie.") == [(1851.0, "year")]
    # an older number without a preposition or a month is no year, and a day stays a day
    assert kept_numbers("The Cessna 1775 landed. The raid came on December 13.") == [
        (13.0, "day of December")
    ]


def test_a_bare_figure_measures_the_noun_before_of() -> None:
    assert numbers_of("Time had average circulation of 4,393,237 this year.") == [
        (4393237.0, "circulation", "4,393,237")
    ]
    assert numbers_of("South Africa set an overall lead of 374.")[0][:2] == (374.0, "lead")
    # a year after "of" stays a year, and a small bare number stays bare
    assert kept_numbers("Ad pages fell in the first nine months of 1989.") == [
        (9.0, "months"),
        (1989.0, "year"),
    ]
    assert numbers_of("He scored a total of 3.") == []


def test_currency_signs_of_many_countries_and_their_scales() -> None:
    assert numbers_of("The state approved A$100 million and Hong Kong HK$2 billion.") == [
        (100_000_000, "AUD", "A$100 million"),
        (2_000_000_000, "HKD", "HK$2 billion"),
    ]
    assert numbers_of("Canada pledged C$50 million.") == [(50_000_000, "CAD", "C$50 million")]
    assert numbers_of("India set aside Rs 500 crore for relief.") == [
        (5_000_000_000, "INR", "Rs 500 crore")
    ]
    assert numbers_of("The bank lost $3.2tn in value.") == [(3_200_000_000_000, "USD", "$3.2tn")]
    assert numbers_of("Output rose to 5 mln barrels a day.") == [
        (5_000_000, "barrels", "5 mln barrels")
    ]


def test_a_percent_or_a_measure_written_against_the_figure() -> None:
    assert numbers_of("Unemployment rose to 4.5pc in May.") == [(4.5, "percent", "4.5pc")]
    assert numbers_of("Rainfall reached 300mm in the hills.") == [(300, "mm", "300mm")]
    assert numbers_of("Leaders agreed to limit warming to 1.5C.") == [(1.5, "C", "1.5C")]
    assert numbers_of("The price was 45c a litre.") == []  # cents, not degrees


def test_a_share_told_as_so_many_in_so_many() -> None:
    assert numbers_of("One in five voters backed the plan.") == [
        (1, "per 5 voters", "One in five voters")
    ]
    assert numbers_of("Three out of four families received nothing.") == [
        (3, "per 4 families", "Three out of four families")
    ]
    # the first number is larger: a count and where it was counted, not a share
    assert numbers_of("Gunmen killed 20 in three attacks.") == [
        (20, "people killed", "20"),
        (3, "attacks", "three attacks"),
    ]


def test_a_range_written_with_a_hyphen_is_one_number_at_least_its_low_end() -> None:
    def ends(text: str) -> list[tuple[float, str | None, str, bool]]:
        return [
            (m.value, m.unit, m.qualifier.value, m.range_high)
            for m in numbers_in_sentence(sentence_of(text))
        ]

    assert ends("Between 10-15 million people were affected.") == [
        (10_000_000, "people", "at least", False),
        (15_000_000, "people", "up to", True),
    ]
    assert ends("The company lost $5-6 billion last year.") == [
        (5_000_000_000, "USD", "at least", False),
        (6_000_000_000, "USD", "up to", True),
    ]
    assert ends("Ships may need to stay 25-60 miles at sea.")[0] == (25, "miles", "at least", False)
    # a score, a period and a code are not ranges
    assert ends("DRX beat T1 3-2 in the final.") == []
    assert numbers_of("The F-16 jets flew 300 missions.") == [(300, "missions", "300 missions")]


def test_basis_points_and_a_unit_that_ends_a_sentence() -> None:
    assert numbers_of("The Fed kept the rate on reserves at 25bp.") == [
        (25, "basis points", "25bp")
    ]
    documents = split_documents(
        [Article(id="a1", text="The Fed kept the rate at 25bp. Banks cut rates. It hit 45C. Then")]
    )
    assert [s.text for s in documents[0].sentences] == [
        "The Fed kept the rate at 25bp.",
        "Banks cut rates.",
        "It hit 45C.",
        "Then",
    ]


def test_a_number_that_is_part_of_a_name_even_before_a_plural() -> None:
    assert numbers_of("The company filed for Chapter 11 bankruptcy proceedings.") == []
    assert numbers_of("Fortune 500 executives drooled over the cars.") == []
    assert numbers_of("Japan's No. 1 computer maker cut 300 jobs.") == [(300, "jobs", "300 jobs")]
    # after a place, a plural still makes a count
    assert numbers_of("Afghanistan 10 days ago lost 40 people.")[0] == (10, "days", "10 days")


def test_a_death_toll_and_a_magnitude_say_what_a_bare_figure_counts() -> None:
    assert numbers_of("The death toll from the quake climbed to 300.") == [(300, "deaths", "300")]
    assert numbers_of("A magnitude 7.8 earthquake struck at dawn.") == [(7.8, "magnitude", "7.8")]
    # a measure after "the" is no count the story made already, as "the two countries" is
    assert numbers_of("The 7.8-magnitude earthquake struck at dawn.") == [
        (7.8, "magnitude", "7.8-magnitude earthquake")
    ]
    assert numbers_of("The two countries signed the deal.") == []


def test_a_minus_sign_that_opens_a_text_is_no_hyphen_of_a_range() -> None:
    assert numbers_of("-5 percent was the real rate.") == []
    assert numbers_of("Death toll rises to 45 after the quake.") == [(45, "deaths", "45")]


def test_under_a_load_is_no_bound_but_falling_below_is() -> None:
    assert numbers_of("The company is struggling under £15 billion of debt.") == [
        (15_000_000_000, "GBP", "£15 billion")
    ]
    assert numbers_of("Sales dropped below 300 units.") == [(300, "units", "below 300 units")]


def test_a_death_toll_far_from_its_verb() -> None:
    assert numbers_of(
        "The death toll from the earthquake that struck Morocco on Friday night rose to 2,012."
    ) == [(2012, "deaths", "2,012")]


def test_a_whole_number_and_a_fraction_are_one_figure() -> None:
    assert numbers_of("He was sentenced to 22 1/2 years in prison.") == [
        (22.5, "years", "22 1/2 years")
    ]
    assert numbers_of("The flight took 3½ hours.") == [(3.5, "hours", "3½ hours")]
    assert numbers_of("Prices rose 2 1/4 percent.") == [(2.25, "percent", "2 1/4 percent")]
