"""The extractive engine on crafted business-news texts: companies by their legal names and
short names, firms joined by "&", people introduced with where they are from, and what a
company's spokesman says."""

from __future__ import annotations

from api.schemas import ActorType
from tests.extractive_texts import brief_of, kinds, names, sorted_stances


def test_a_legal_suffix_makes_a_company_and_its_short_name_joins_it() -> None:
    brief = brief_of(
        "Commonwealth Edison Co. was ordered to refund $250 million. Commonwealth Edison said "
        "it is appealing the order. Lorillard Inc. makes Kent cigarettes. Lorillard denied "
        "the claim, and Lorillard Inc. said it would appeal."
    )
    assert kinds(brief)["Commonwealth Edison Co."] is ActorType.ORGANIZATION
    assert kinds(brief)["Lorillard Inc."] is ActorType.ORGANIZATION
    assert "Commonwealth Edison" not in names(brief)
    assert "Lorillard" not in names(brief)


def test_two_companies_joined_by_and_stay_two() -> None:
    brief = brief_of(
        "Cray Computer will compete with NEC Corp. and Fujitsu Ltd. in Japan. NEC Corp. "
        "declined to comment. Fujitsu Ltd. said it welcomed the competition."
    )
    assert {"NEC Corp.", "Fujitsu Ltd."} <= set(names(brief))
    assert not any(" and " in name for name in names(brief))


def test_an_ampersand_joins_a_firms_name() -> None:
    brief = brief_of(
        "The plant is owned by Hollingsworth & Vose Co. of Massachusetts. Hollingsworth & "
        "Vose Co. said it regrets the deaths, and Hollingsworth & Vose Co. denied any fault."
    )
    # one firm: its name with its place, and without it
    assert kinds(brief) == {"Hollingsworth & Vose Co. of Massachusetts": ActorType.ORGANIZATION}
    assert brief.who[0].aliases == ["Hollingsworth & Vose Co."]


def test_a_person_of_a_place_or_company_is_the_person() -> None:
    brief = brief_of(
        "Mayor Tom Brink of Springfield said the plan was a disaster. Brink said it would "
        'fail. "It is a risk," said Gary P. Smaby of Smaby Group Inc. Mr. Smaby expects losses. '
        "Wilbur Ross Jr. of Rothschild Inc. said the field is less cluttered. Mr. Ross "
        "welcomed the move."
    )
    assert {"Tom Brink", "Gary P. Smaby", "Wilbur Ross Jr."} <= set(names(brief))
    assert "Springfield" not in names(brief)
    assert all(kind is ActorType.PERSON for name, kind in kinds(brief).items() if "Brink" in name)


def test_bank_of_japan_and_secretary_of_state_keep_their_of() -> None:
    brief = brief_of(
        "The Bank of Japan said it would intervene. The Bank of Japan warned traders. "
        "Secretary of State James Baker praised the move."
    )
    assert {"Bank of Japan", "James Baker"} <= set(names(brief))


def test_the_words_after_an_inverted_speaker_and_his_affiliation_are_not_the_position() -> None:
    brief = brief_of(
        '"We have no useful information on whether users are at risk," said James A. '
        "Talcott of Boston's Dana-Farber Cancer Institute. Dr. Talcott led the team."
    )
    (stance,) = [s for s in brief.stance if s.actor == "James A. Talcott"]
    assert stance.position.startswith("We have no useful information")


def test_what_a_companys_spokesman_says_is_the_companys_stance() -> None:
    brief = brief_of(
        "Qantas cut ten flights on Monday. A Qantas spokesman said the strike was illegal and "
        "irresponsible."
    )
    assert sorted_stances(brief) == [("Qantas", "oppose")]


def test_an_and_between_a_bodys_fields_is_inside_its_name() -> None:
    brief = brief_of(
        "The Ministry of International Trade and Industry summoned the executives. The "
        "Ministry of International Trade and Industry said such bids hurt credibility."
    )
    assert "Ministry of International Trade and Industry" in names(brief)
    brief = brief_of("The Department of Defense and Israel signed a deal. Israel welcomed it.")
    assert "Department of Defense and Israel" not in names(brief)


def test_analysts_economists_and_investors_are_groups() -> None:
    brief = brief_of(
        "Cray Research stock jumped on Monday. Analysts said the spinoff adds risk. "
        "Economists say a recession is unlikely."
    )
    assert {"Analysts", "Economists"} <= set(names(brief))
    assert kinds(brief)["Analysts"] is ActorType.GROUP
    brief = brief_of(
        "The IRS sent letters on Monday. Attorneys have argued since 1985 that they cannot "
        "name clients, and criminal lawyers say the letters are unfair."
    )
    assert {"Attorneys", "criminal lawyers"} <= set(names(brief))


def test_a_lone_name_that_acts_more_often_than_it_is_a_setting_is_an_actor() -> None:
    brief = brief_of(
        "Newsweek announced new advertising rates. Newsweek said it will raise rates 5%. "
        "A full page in Newsweek will cost $100,980."
    )
    assert "Newsweek" in names(brief)
    brief = brief_of("A scandal in Brisbane grew. Brisbane's Lord Mayor says he is sorry.")
    assert "Brisbane" not in names(brief)


def test_system_and_utilities_end_a_companys_name() -> None:
    brief = brief_of(
        "New England Electric System bowed out of the bidding. New England Electric System "
        "said the risks were too high."
    )
    assert kinds(brief) == {"New England Electric System": ActorType.ORGANIZATION}


def test_a_person_after_his_firms_possessive_is_the_speaker() -> None:
    brief = brief_of(
        "Michael Porter is an analyst at Smith Barney, Harris Upham & Co. \"I'm very alarmed "
        "to see these rich valuations,\" says Smith Barney's Mr. Porter."
    )
    assert sorted_stances(brief) == [("Michael Porter", "oppose")]


def test_an_honorific_before_a_closing_speaker_keeps_the_words_before_it() -> None:
    brief = brief_of(
        "Mayor Tom Brink spoke on Monday. The new toll is a disaster for the city's drivers, "
        "Mr. Brink said."
    )
    (stance,) = brief.stance
    assert stance.position.startswith("The new toll is a disaster")


def test_a_slash_joins_a_firms_name_and_a_stop_after_its_suffix_ends_it() -> None:
    brief = brief_of(
        "Macmillan/McGraw-Hill School Publishing Co. sells the booklets. Macmillan/McGraw-Hill "
        "School Publishing Co. said sales rose. The tests belong to Maxwell Communication "
        "Corp. Close parallels are common, Maxwell Communication Corp. said."
    )
    assert {"Macmillan/McGraw-Hill School Publishing Co.", "Maxwell Communication Corp."} <= set(
        names(brief)
    )
    assert not any("Close" in name for name in names(brief))


def test_two_bodies_joined_by_and_after_a_cue_word_stay_two() -> None:
    brief = brief_of(
        "Connecticut Bank & Trust and Bank of New England said they no longer oppose the law. "
        "Connecticut Bank & Trust welcomed it."
    )
    assert {"Connecticut Bank & Trust", "Bank of New England"} <= set(names(brief))


def test_tests_prizes_and_places_before_a_noun_are_not_people() -> None:
    brief = brief_of(
        "Mrs. Yeargin said the Scholastic Aptitude Test mattered. The Nobel Prize winner spoke "
        "at the Scholastic Aptitude Test briefing. Judge Ramirez will join a San Francisco law "
        "firm, and San Francisco lawyers welcomed him."
    )
    assert not {"Scholastic Aptitude Test", "Nobel Prize", "San Francisco"} & set(names(brief))


def test_a_name_the_story_treats_as_a_company_is_typed_as_one() -> None:
    types = kinds(
        brief_of(
            "Goldman Sachs, which advises the bank, said it would hire. Random House's "
            "spokesman said the deal was good. Heritage Media proposed a merger. Heritage Media "
            "shares fell."
        )
    )
    for company in ("Goldman Sachs", "Random House", "Heritage Media"):
        assert types[company] is ActorType.ORGANIZATION, company


def test_where_an_analyst_works_is_a_company_and_who_keeps_a_person() -> None:
    types = kinds(
        brief_of(
            "Tom Brink, an analyst at Piper Jaffray, said the rally would last. Piper Jaffray "
            "raised its target. John Smith, who runs the fund, said the plan was wise."
        )
    )
    assert types["Piper Jaffray"] is ActorType.ORGANIZATION
    assert types["Tom Brink"] is ActorType.PERSON
    assert types["John Smith"] is ActorType.PERSON


def test_and_does_not_join_two_complete_names() -> None:
    brief = brief_of(
        "Competition is fierce between Newsweek and Time Warner Inc. Newsweek said it would cut "
        "rates. The U.S. and Soviet Union agreed to talk. The Australian Securities and "
        "Investments Commission said it was investigating."
    )
    assert sorted(names(brief)) == [
        "Australian Securities and Investments Commission",
        "Newsweek",
        "Soviet Union",
        "Time Warner Inc.",
        "United States",
    ]
    assert kinds(brief)["Soviet Union"] is ActorType.COUNTRY


def test_and_before_a_body_named_with_of_or_for_starts_a_second_name() -> None:
    brief = brief_of(
        "Americans for Tax Reform and Club for Growth opposed the bill. Lawyers for Harvard "
        "and University of North Carolina appeared in court."
    )
    assert {"Americans for Tax Reform", "Club for Growth", "University of North Carolina"} <= (
        set(names(brief))
    )
    assert sorted_stances(brief) == [
        ("Americans for Tax Reform", "oppose"),
        ("Club for Growth", "oppose"),
    ]


def test_a_name_with_for_in_it_is_a_body_and_a_minister_for_is_an_office() -> None:
    brief = brief_of(
        "Students for Fair Admissions sued the university. Students for Fair Admissions said "
        "the policy was unfair. The Minister for Foreign Affairs and Trade, Alexander Downer, "
        "said the report was wrong."
    )
    assert kinds(brief)["Students for Fair Admissions"] is ActorType.ORGANIZATION
    assert "Minister for Foreign Affairs and Trade" not in names(brief)


def test_a_company_named_once_by_its_legal_name_is_in_the_story() -> None:
    brief = brief_of(
        "Lorillard Inc. said the filters were safe. Lorillard is a unit of Loews Corp. The "
        "company sold the filters until 1956."
    )
    assert "Loews Corp." in names(brief)


def test_an_acronym_that_is_a_companys_short_name_joins_it() -> None:
    brief = brief_of(
        "Attorneys in the third stock-manipulation trial of GAF Corp. began opening arguments. "
        "GAF and its vice chairman are charged with manipulating stock. GAF denied it."
    )
    assert "GAF" not in names(brief)
    assert kinds(brief)["GAF Corp."] is ActorType.ORGANIZATION


def test_a_name_keeps_its_particles_and_a_foreign_legal_suffix() -> None:
    brief = brief_of(
        "Italian lender Banca Monte dei Paschi di Siena SpA said it would seek a bailout. "
        "Banca Monte dei Paschi di Siena SpA shares fell. Angolan minister Joao dos Santos "
        "welcomed the plan, and dos Santos said the bank would survive."
    )
    assert kinds(brief)["Banca Monte dei Paschi di Siena SpA"] is ActorType.ORGANIZATION
    assert "Joao dos Santos" in names(brief)
    assert not {"Banca Monte", "Siena SpA", "Paschi"} & set(names(brief))


def test_shares_of_a_company_are_not_part_of_its_name() -> None:
    brief = brief_of(
        "Shares of Nvidia Corp. jumped 8% on Wednesday after the chipmaker reported revenue of "
        "$35.1 billion, up 94% from a year earlier. Nvidia also announced a $50 billion buyback."
    )
    assert "Nvidia Corp." in names(brief)
    assert not any(name.startswith("Shares") for name in names(brief))
    # a day between two shares hands nothing out name by name: both are the lead's facts
    assert {8, 94} <= {number.value for number in brief.numbers if number.unit == "percent"}


def test_a_company_named_first_without_its_suffix_is_still_a_company() -> None:
    brief = brief_of(
        "Boeing won the contract on Monday. Boeing Co. said the new Air Force One would cost "
        "$4 billion, and Boeing would build two of them."
    )
    assert kinds(brief)["Boeing Co."] is ActorType.ORGANIZATION
    assert "Boeing" not in names(brief)


def test_a_body_whose_name_ends_in_international_or_guild_is_an_organization() -> None:
    brief = brief_of(
        "Amnesty International condemned the strikes on Tuesday. Amnesty said civilians had "
        "been killed. The Writers Guild sued the newspaper. Forbes Magazine said the claim was "
        "false. Planes were diverted from Gaza International Airport."
    )
    for name in ("Amnesty International", "Writers Guild", "Forbes Magazine"):
        assert kinds(brief)[name] is ActorType.ORGANIZATION, name
    assert "Amnesty" not in names(brief)
    assert "Gaza International Airport" not in names(brief)


def test_a_lone_word_never_named_in_full_is_a_body_not_a_person() -> None:
    brief = brief_of(
        "Both the union and Qantas say there will not be flight disruptions. But Qantas "
        "maintains it has to impose a wage freeze. Spokesman Amin said he had seen the letter, "
        "and Amin said talks would resume."
    )
    assert kinds(brief)["Qantas"] is ActorType.ORGANIZATION
    assert kinds(brief)["Amin"] is ActorType.PERSON  # "he" follows: a person


def test_initials_written_together_open_a_persons_name() -> None:
    brief = brief_of(
        "State Department spokesman P.J. Crowley said the plan was a mistake. Crowley added "
        "that talks would go on. L.A. Unified closed its schools."
    )
    assert kinds(brief)["P.J. Crowley"] is ActorType.PERSON
    assert "Crowley" not in names(brief)
    assert "L.A. Unified" not in [
        name for name, kind in kinds(brief).items() if kind is ActorType.PERSON
    ]


def test_a_caucus_is_an_organization() -> None:
    brief = brief_of("The Freedom Caucus urged members to vote no. The Freedom Caucus met later.")
    assert kinds(brief)["Freedom Caucus"] is ActorType.ORGANIZATION


def test_a_country_that_opens_a_bodys_name_after_and_is_part_of_it() -> None:
    brief = brief_of(
        "But the Royal Australian and New Zealand College of Psychiatrists warned that evidence "
        "was limited."
    )
    assert names(brief) == ["Royal Australian and New Zealand College of Psychiatrists"]


def test_the_kind_of_body_written_before_a_name_makes_it_an_organization() -> None:
    brief = brief_of(
        "Environmental group Greenpeace said the target was not enough. Regulators blocked the "
        "takeover of video game maker Activision Blizzard, and Activision Blizzard said it would "
        "appeal."
    )
    assert kinds(brief)["Greenpeace"] is ActorType.ORGANIZATION
    assert kinds(brief)["Activision Blizzard"] is ActorType.ORGANIZATION
