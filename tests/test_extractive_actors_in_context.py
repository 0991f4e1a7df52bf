"""The extractive engine on crafted texts: who counts as an actor in context
(countries as settings, regions and places that look like names, titles, neutral statements)."""

from __future__ import annotations

from api.extractive.polarity import content_scores
from api.schemas import Polarity
from tests.extractive_texts import brief_of, names, stances


def test_country_only_as_a_setting_is_not_an_actor() -> None:
    brief = brief_of(
        "The man trained in Britain, France and the United States before he left. "
        "India has charged him. Officials in India said he had visas for Thailand."
    )
    assert "India" in names(brief)
    for country in ("United Kingdom", "France", "United States", "Thailand"):
        assert country not in names(brief)


def test_country_as_a_partner_or_an_office_holder_is_an_actor() -> None:
    brief = brief_of(
        "The Government is negotiating with the United States about the prisoner. "
        "Pakistan's Foreign Ministry announced sanctions."
    )
    assert {"United States", "Pakistan"} <= set(names(brief))


def test_compass_word_before_a_country_is_a_region() -> None:
    brief = brief_of(
        "The detention centre in South Australia was quiet. Police in Western Australia said "
        "the men had been moved."
    )
    assert "Australia" not in names(brief)
    assert not any("South" in name or "Western" in name for name in names(brief))


def test_names_before_place_nouns_and_place_cues_are_places() -> None:
    brief = brief_of(
        "Fighters hid in the Tora Bora mountain complex. Tora Bora was bombed again, and "
        "protesters marched to Collins Place. Outside Sydney, storms hit St Ives and the Gaza "
        "Strip stayed calm."
    )
    found = " ".join(names(brief))
    for place in ("Tora Bora", "Collins Place", "Outside", "St Ives", "Gaza"):
        assert place not in found


def test_police_titles_and_post_nominals_are_not_part_of_the_name() -> None:
    brief = brief_of(
        "Inspector Bronwyn Smith said the pilot was alive. Royal Commissioner Terence Cole QC "
        "opened the hearings, and Terrence Cole said they would be fair."
    )
    people = [a for a in brief.who if a.type.value == "person"]
    assert {"Bronwyn Smith", "Terence Cole"} <= {a.name for a in people}
    assert len([a for a in people if "Cole" in a.name]) == 1


def test_a_qualifier_before_a_lowercase_title_is_a_role_not_an_actor() -> None:
    brief = brief_of("Federal Opposition leader Simon Jones has criticised the decision.")
    assert "Federal Opposition" not in names(brief)
    assert "Simon Jones" in names(brief)


def test_organization_named_by_its_cue_word_and_of() -> None:
    brief = brief_of(
        "The Bureau of Air Safety Investigation said the plane was old. The Bureau of Air "
        "Safety Investigation will report next month."
    )
    assert "Bureau of Air Safety Investigation" in names(brief)


def test_statements_that_take_no_side_are_not_stances() -> None:
    brief = brief_of(
        "Union official John Smith says the strike will start at noon. "
        "Bank spokesman David Brown says the strike is unjustified."
    )
    assert all(stance.polarity is not Polarity.NEUTRAL for stance in brief.stance)
    assert [s.actor for s in brief.stance] == ["David Brown"]


def test_excess_is_a_complaint() -> None:
    support, oppose = content_scores("the focus of the investigation is too narrow")
    assert oppose > support
    assert content_scores("too many people came") == (0.0, 0.0)


def test_a_lone_legislature_is_an_actor() -> None:
    brief = brief_of(
        "Congress rejected a bill that would have raised the pay of federal judges. Judges said "
        "Congress had failed the courts, and the Senate will not act until next week."
    )
    kinds_by_name = {actor.name: actor.type.value for actor in brief.who}
    assert kinds_by_name.get("Congress") == "organization"
    assert ("Congress", "oppose") in {(s.actor, s.polarity.value) for s in brief.stance}


def test_a_legislature_named_in_full_and_alone_is_one_actor() -> None:
    brief = brief_of("The U.S. Congress passed the bill on Monday. Congress then went home.")
    assert [name for name in names(brief) if "Congress" in name] == ["U.S. Congress"]


def test_a_person_of_a_place_or_an_outlet_is_named() -> None:
    brief = brief_of(
        "Roof stood emotionless, reported Alexandra Olgin of South Carolina Public Radio. "
        "The plan is flawed, said John Smith of Boston, who runs a shop."
    )
    assert {"Alexandra Olgin", "John Smith"} <= set(names(brief))


def test_the_body_a_person_leads_is_an_actor() -> None:
    brief = brief_of(
        "The Obama administration rejected the plan on Friday. Officials in the Obama "
        "administration said it would cost too much, and the Trump campaign disagreed."
    )
    kinds_by_name = {actor.name: actor.type.value for actor in brief.who}
    assert kinds_by_name.get("Obama administration") == "organization"


def test_legislators_and_executives_titles_are_not_names() -> None:
    brief = brief_of(
        "Republicans like Congressman Paul Ryan and Newt Gingrich want to cut the program. "
        "Verizon executive VP Marni Walden told Recode last year that prices would rise."
    )
    assert {"Paul Ryan", "Newt Gingrich", "Marni Walden"} <= set(names(brief))


def test_a_name_with_a_joined_arabic_article_is_a_name() -> None:
    brief = brief_of(
        "The tape showed Osama bin Laden and Ayman al-Zawahiri, officials said. Al-Zawahiri "
        "is his deputy."
    )
    assert "Ayman al-Zawahiri" in names(brief)


def test_plans_rules_days_hotels_and_races_are_not_actors() -> None:
    brief = brief_of(
        "Anthony Zinni said the Mitchell Plan and the Tenet Memorandum remain the basis for talks. "
        "Security was tight after the Boston Marathon, and the Air Toxic Standards took effect "
        "before Election Day. Guests at the Plaza Hotel said they were worried."
    )
    found = " ".join(names(brief))
    for thing in ("Mitchell Plan", "Tenet Memorandum", "Boston Marathon", "Standards", "Day"):
        assert thing not in found
    assert "Zinni" in found


def test_rivers_camps_springs_and_keys_are_places() -> None:
    brief = brief_of(
        "Hungary said the River Danube dam would harm the region. Marines at Camp Pendleton "
        "trained, and Cray moved to Colorado Springs. Oil reached the Florida Keys, officials "
        "said."
    )
    found = " ".join(names(brief))
    for place in ("Danube", "Pendleton", "Springs", "Keys"):
        assert place not in found


def test_islamic_jihad_is_a_group() -> None:
    brief = brief_of("Islamic Jihad claimed responsibility for the attack, and Hamas praised it.")
    assert {actor.name: actor.type.value for actor in brief.who}.get("Islamic Jihad") == "group"


def test_an_acronyms_plural_is_not_part_of_a_name() -> None:
    brief = brief_of(
        "The autonomous Volvo SUVs Uber is debuting in San Francisco are a different story. "
        "Uber is taking advantage of a regulatory void. Uber said the cars were safe."
    )
    assert "Uber" in names(brief)
    assert not any("SUVs" in name for name in names(brief))


def test_a_title_between_commas_belongs_to_the_name_after_it() -> None:
    brief = brief_of(
        "Magna's chief financial officer, James McAlpine, resigned and its chairman, Frank "
        "Stronach, is stepping in. James McAlpine said he would consult."
    )
    roles = {actor.name: actor.role for actor in brief.who}
    assert roles.get("James McAlpine") != "resigned and its chairman"


def test_a_centre_of_studies_is_one_organization() -> None:
    brief = brief_of(
        "Anthony Cordesman of the Center for Strategic and International Studies said the plan "
        "was bad."
    )
    assert "International Studies" not in names(brief)


def test_an_honorific_makes_a_lone_surname_a_person() -> None:
    brief = brief_of(
        "Ms. Haley clashed with Mr. Bolton often. Mr. Bolton did not criticize Ms. Haley, "
        "and Mr. Bolton later praised her."
    )
    assert {actor.name: actor.type.value for actor in brief.who}.get("Bolton") == "person"


def test_a_clause_between_commas_is_not_a_role() -> None:
    brief = brief_of(
        "The yacht Wild Thing, was forced to head back to Sydney with sail damage, its skipper "
        "Grant Wharington said. Wild Thing will race again next year, Grant Wharington said."
    )
    roles = {actor.name: actor.role for actor in brief.who}
    assert not (roles.get("Wild Thing") or "").startswith("was forced")


def test_a_country_whose_government_is_named_first_is_still_a_country() -> None:
    brief = brief_of(
        "The Israeli government tightened its rules. Israel said the cameras reduce friction, "
        "and Israel denied the allegations."
    )
    assert {actor.name: actor.type.value for actor in brief.who}.get("Israel") == "country"


def test_the_us_parties_are_actors_by_their_plural_name() -> None:
    brief = brief_of(
        "The vote came on Tuesday. Democrats unanimously opposed the bill, calling it a "
        "giveaway. Republicans said it would create jobs, and the GOP pledged to pass it."
    )
    assert ("Democratic Party", "oppose") in stances(brief)
    assert "Republican Party" in names(brief)


def test_a_party_named_once_in_passing_is_no_actor() -> None:
    brief = brief_of(
        "Senator Jane Smith said the Republican-controlled Congress would act. Republicans hold "
        "the majority. Smith welcomed the plan."
    )
    assert "Republican Party" not in names(brief)


def test_the_democrats_of_an_australian_story_are_the_australian_democrats() -> None:
    brief = brief_of(
        "The Australian Democrats met on Monday. The Democrats opposed the bill, Senator "
        "Andrew Bartlett said."
    )
    assert "Democratic Party" not in names(brief)
    assert ("Australian Democrats", "oppose") in stances(brief)


def test_a_word_after_a_colon_opens_a_sentence_and_is_no_speaker() -> None:
    brief = brief_of(
        "3) Partial University Scholarships: Financial support will be provided to select "
        "students. The foundation said the grants would grow."
    )
    assert "Financial" not in names(brief)


def test_a_participle_used_as_a_preposition_is_not_part_of_the_name_after_it() -> None:
    brief = brief_of(
        "Considering Donald Trump's own opposition to the rules, the chief will act. Regarding "
        "Mary Jones's claim, the court ruled."
    )
    assert {"Donald Trump", "Mary Jones"} <= set(names(brief))
    assert not any(name.startswith(("Considering", "Regarding")) for name in names(brief))
