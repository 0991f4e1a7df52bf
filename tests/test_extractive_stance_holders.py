"""Who holds a stance, on crafted sentences: a name behind two appositives or behind its firm,
a subject whose verb takes "to", a subject followed by "both" or by the place it is in, and the
verbs of praising and scolding."""

from __future__ import annotations

from tests.extractive_texts import brief_of, sorted_stances, stances


def test_a_name_behind_two_appositives_speaks() -> None:
    assert sorted_stances(
        brief_of(
            '"One yen is not ethical," Michio Sasaki, an official at Keidanren, the Japan '
            "Federation of Economic Organizations, said."
        )
    ) == [("Michio Sasaki", "oppose")]


def test_two_comma_phrases_that_are_not_appositives_do_not_reach_back() -> None:
    brief = brief_of(
        "Before daybreak, the usually dapper Ramon Cortines, in sneakers and a yellow cap, had "
        "become the face of steady leadership, backed literally and figuratively by a phalanx of "
        "city officials."
    )
    assert sorted_stances(brief) == []


def test_a_name_behind_its_firm_and_an_appositive_speaks() -> None:
    assert sorted_stances(
        brief_of(
            "Wilbur Ross Jr. of Rothschild Inc., the financial adviser to the troubled company's "
            "equity holders, said the withdrawal of New England Electric is a good thing."
        )
    ) == [("Wilbur Ross Jr.", "support")]


def test_a_subject_whose_verb_takes_to_holds_the_stance() -> None:
    assert sorted_stances(
        brief_of(
            "The Department of Health and Human Services plans to extend its moratorium on "
            "federal funding of research involving fetal-tissue transplants."
        )
    ) == [("Department of Health and Human Services", "oppose")]


def test_a_noun_after_a_name_before_to_is_still_a_noun() -> None:
    # "docks" is not a verb of planning: Hobart does not welcome anyone
    assert (
        sorted_stances(brief_of("A large crowd lined the Hobart docks to welcome the yacht.")) == []
    )


def test_both_between_the_subjects_and_the_verb() -> None:
    assert sorted_stances(
        brief_of("Robert Gates and Condoleezza Rice both recommended Rex Tillerson for the job.")
    ) == [("Condoleezza Rice", "support"), ("Robert Gates", "support")]


def test_the_place_a_subject_is_in_does_not_speak() -> None:
    assert sorted_stances(brief_of("The Fed's Board of Governors in Washington disagrees.")) == [
        ("Fed's Board of Governors", "oppose")
    ]
    assert sorted_stances(
        brief_of(
            "Yasser Arafat met envoys on Sunday. Mr Arafat in turn ordered the closure of dozens "
            "of Hamas offices."
        )
    ) == [("Yasser Arafat", "oppose")]


def test_a_member_from_a_union_speaks_with_it() -> None:
    assert sorted_stances(
        brief_of(
            "Doug Cameron from the Australian Manufacturing Workers Union says Qantas is being "
            "greedy."
        )
    ) == [("Australian Manufacturing Workers Union", "oppose"), ("Doug Cameron", "oppose")]


def test_praising_and_scolding() -> None:
    assert sorted_stances(
        brief_of(
            "Trade Representative Julia Hanks lauded South Korea for creating an "
            "intellectual-property task force. Senator Tom Reed rebuked the agency."
        )
    ) == [("Julia Hanks", "support"), ("Tom Reed", "oppose")]


def test_where_one_stands_said_of_one_is_a_stance() -> None:
    brief = brief_of(
        "The outgoing Federal Communications Commission chairman, Tom Wheeler, has been "
        "skeptical of zero-rating offers. Governor Nelson Rockefeller was a big proponent of "
        "shelters. Senator Jane Roe is a longtime critic of the United Nations. Mayor Ann Poe "
        "remains firmly opposed to the new stadium. Bill Doe, the party's leader, is supportive "
        "of the plan."
    )
    assert sorted_stances(brief) == [
        ("Ann Poe", "oppose"),
        ("Bill Doe", "support"),
        ("Jane Roe", "oppose"),
        ("Nelson Rockefeller", "support"),
        ("Tom Wheeler", "oppose"),
    ]
    assert {s.actor: s.target for s in brief.stance}["Tom Wheeler"] == "zero-rating offers"


def test_as_opposed_to_only_compares() -> None:
    assert (
        sorted_stances(brief_of("Jane Roe said the price, as opposed to the cost, matters.")) == []
    )


def test_one_who_has_been_told_is_not_the_speaker() -> None:
    assert sorted_stances(brief_of("Jane Roe had been told that the plan was a disaster.")) == []


def test_a_speaker_after_a_quotation_carried_over_and_before_a_quoted_title() -> None:
    brief = brief_of(
        'Observers questioned the plan. "They are a second land army. Cutting them is a '
        'terrible idea," said Thomas Ricks, author of "Making the Corps," about how Marines '
        "train."
    )
    assert sorted_stances(brief) == [("Thomas Ricks", "oppose")]


def test_an_embedded_post_is_the_stance_of_the_one_who_posted_it() -> None:
    brief = brief_of(
        "Italian police killed the Berlin attack suspect in Milan on Friday.\n\n"
        "The border policy is a disgrace and a danger to us all.\n\n"
        "— David Wordsmith (@WordSmithGuy) December 23, 2016\n\n"
        "Police said the suspect had fired first."
    )
    assert ("David Wordsmith", "oppose") in sorted_stances(brief)
    stance = next(s for s in brief.stance if s.actor == "David Wordsmith")
    assert stance.position == "The border policy is a disgrace and a danger to us all."
    assert [span.text for span in stance.evidence] == [stance.position]


def test_a_standing_adjective_opening_an_appositive_is_the_names_stance() -> None:
    brief = brief_of(
        "Donald Trump, critical of Janet Yellen during the campaign, had not issued any comment."
    )
    assert sorted_stances(brief) == [("Donald Trump", "oppose")]
    assert brief.stance[0].position == "critical of Janet Yellen during the campaign"


def test_a_label_before_a_name_is_a_stance_on_the_name_before_it() -> None:
    brief = brief_of(
        "Perhaps former nominee and frequent Trump critic Mitt Romney still has a chance. "
        "Police arrested Kremlin critic Alexei Navalny on Sunday."
    )
    assert sorted_stances(brief) == [("Alexei Navalny", "oppose"), ("Mitt Romney", "oppose")]
    assert {s.actor: s.target for s in brief.stance} == {
        "Mitt Romney": "Trump",
        "Alexei Navalny": "Kremlin",
    }


def test_an_adverb_between_the_holder_and_the_verb() -> None:
    brief = brief_of(
        "Jim Tressel and Urban Meyer spoke on Monday. Meyer recently criticized the agents. "
        "Tressel publicly praised the league's new rules."
    )
    assert sorted_stances(brief) == [("Jim Tressel", "support"), ("Urban Meyer", "oppose")]


def test_a_noun_ending_like_an_adverb_is_still_a_noun() -> None:
    brief = brief_of(
        "The Labor rally condemned the plan on Sunday. Labor leader Anthony Albanese said the "
        "plan was unfair."
    )
    assert ("Labor", "oppose") not in stances(brief)


def test_an_age_between_commas_does_not_hide_the_holder() -> None:
    brief = brief_of(
        "Federal Judge Raul Ramirez resigned on Monday. Ramirez, 44, said it is unjust for "
        "judges to make what they do."
    )
    assert stances(brief) == [("Raul Ramirez", "oppose")]


def test_the_person_after_an_owners_possessive_holds_the_stance_not_the_owner() -> None:
    listed = brief_of(
        "Urban Meyer and Nick Saban spoke on Monday. Saban, Meyer and Ohio State's Jim Tressel "
        "recently expressed their concerns about agents."
    )
    assert sorted_stances(listed) == [
        ("Jim Tressel", "oppose"),
        ("Nick Saban", "oppose"),
        ("Urban Meyer", "oppose"),
    ]
    coordinated = brief_of(
        "Urban Meyer and Nick Saban spoke on Monday. Meyer and Ohio State's Jim Tressel "
        "participated in a call with NFL commissioner Roger Goodell and expressed their "
        "concerns about agents. Goodell said the league would act."
    )
    holders = {actor for actor, polarity in sorted_stances(coordinated) if polarity == "oppose"}
    assert holders == {"Jim Tressel", "Urban Meyer"}


def test_two_passive_reports_joined_by_but_are_two_agents_sides() -> None:
    brief = brief_of(
        "The minister announced the water plan on Thursday. The plan was welcomed by Greenpeace "
        "but criticised by the Consumer Council for Water. Greenpeace said it was a start."
    )
    assert ("Greenpeace", "support") in sorted_stances(brief)
    assert ("Greenpeace", "mixed") not in sorted_stances(brief)
    council = next(s for s in brief.stance if s.actor == "Consumer Council for Water")
    assert (council.polarity.value, council.target) == ("oppose", "The plan")


def test_a_holders_second_stance_verb_after_but_ends_the_first_report() -> None:
    brief = brief_of(
        "A judge blocked the cuts on Monday. Harvard President Alan Garber welcomed the decision "
        "but cautioned that the fight was far from over. Garber spoke to students."
    )
    assert sorted_stances(brief) == [("Alan Garber", "oppose"), ("Alan Garber", "support")]
    welcomed = next(s for s in brief.stance if s.polarity.value == "support")
    assert welcomed.position == "welcomed the decision"


def test_a_report_ends_where_but_brings_in_another_subjects_report() -> None:
    brief = brief_of(
        "The House passed the bill on Thursday. Senate Majority Leader John Thune said the "
        "chamber would take up the bill next month, but several Republican senators have said "
        "they will not support deep cuts. Thune spoke later."
    )
    assert ("John Thune", "oppose") not in sorted_stances(brief)


def test_an_aside_between_the_holders_and_their_verb_keeps_them() -> None:
    assert sorted_stances(
        brief_of(
            "The United States, the European Union and the Group of Eight among others, have "
            "all called on India and Pakistan to exercise restraint."
        )
    ) == [
        ("European Union", "support"),
        ("Group of Eight", "support"),
        ("United States", "support"),
    ]
    assert sorted_stances(
        brief_of("Senator Jane Smith, on the other hand, was opposed to the bill.")
    ) == [("Jane Smith", "oppose")]


def test_a_name_listed_once_joins_the_actor_it_names_elsewhere() -> None:
    brief = brief_of(
        "Verizon, AT&T and Comcast, on the other hand, were all opposed to the regulations. "
        "Comcast said it would comply. AT&T said it would sue."
    )
    assert [s for s in sorted_stances(brief) if s[1] == "oppose"] == [
        ("AT&T", "oppose"),
        ("Comcast", "oppose"),
    ]


def test_a_name_the_rules_did_not_read_does_not_break_a_list_of_holders() -> None:
    brief = brief_of(
        "Internet providers like Comcast and Verizon charge fees. Verizon, Sprint and Comcast "
        "were opposed to the regulations."
    )
    assert ("Verizon", "oppose") in stances(brief)
    assert ("Comcast", "oppose") in stances(brief)


def test_lone_names_listed_as_the_subject_of_a_stance_verb_hold_it() -> None:
    brief = brief_of(
        "Internet giants like Facebook, Google and KickStarter all also vocally supported "
        "network neutrality. Verizon, Sprint and Comcast were opposed to the regulations."
    )
    assert sorted_stances(brief) == [
        ("Comcast", "oppose"),
        ("Facebook", "support"),
        ("Google", "support"),
        ("KickStarter", "support"),
        ("Sprint", "oppose"),
        ("Verizon", "oppose"),
    ]


def test_a_list_of_lone_capitalized_words_without_a_stance_verb_names_no_one() -> None:
    brief = brief_of("Leeds, York and Hull saw heavy snow on Monday. Trains were cancelled.")
    assert brief.who == []


def test_the_actor_after_as_does_holds_the_same_stance() -> None:
    brief = brief_of(
        "Health Secretary Louis Sullivan opposes federal funding for abortion, as does President "
        "George Bush, except in cases where a woman's life is threatened."
    )
    assert sorted_stances(brief) == [("George Bush", "oppose"), ("Louis Sullivan", "oppose")]


def test_as_does_in_another_clause_does_not_reach_back() -> None:
    brief = brief_of(
        "Health Secretary Louis Sullivan opposes federal funding for abortion. Research goes on, "
        "as does President George Bush's review."
    )
    assert sorted_stances(brief) == [("Louis Sullivan", "oppose")]


def test_a_lone_name_past_an_adverb_speaks_and_opens_a_later_sentence_as_itself() -> None:
    brief = brief_of(
        "Regulators met on Monday. Internet firms lobbied hard, and Google vocally supported the "
        "rules. Google also said it would comply."
    )
    assert sorted_stances(brief) == [("Google", "support")]
    assert [actor.type.value for actor in brief.who] == ["organization"]


def test_a_noun_after_a_name_says_where_it_stands() -> None:
    assert sorted_stances(brief_of("Senator Jane Smith is a longtime critic of the plan.")) == [
        ("Jane Smith", "oppose")
    ]
    assert sorted_stances(
        brief_of("Senator Jane Smith, a supporter of the bill, spoke on Monday.")
    ) == [("Jane Smith", "support")]
    assert sorted_stances(
        brief_of("Analysts say President Donald Trump's opposition to free-trade deals is firm.")
    ) == [("Donald Trump", "oppose")]


def test_both_after_a_list_gives_the_noun_to_every_name() -> None:
    brief = brief_of(
        "Trump named Jeff Eisenach and Mark Jamison, both fierce opponents of network "
        "neutrality, to his transition team."
    )
    assert sorted_stances(brief) == [("Jeff Eisenach", "oppose"), ("Mark Jamison", "oppose")]


def test_a_noun_that_is_not_a_stance_is_none() -> None:
    brief = brief_of("Senator Jane Smith, a member of the committee, spoke on Monday.")
    assert brief.stance == []


def test_a_names_family_or_lawyer_speaks_not_the_name() -> None:
    brief = brief_of(
        "George Floyd died in May. Floyd's family said the sentence was a step toward justice "
        "but not enough. Derek Chauvin's lawyer argued the trial was unfair."
    )
    assert brief.stance == []
