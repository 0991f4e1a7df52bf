"""General stance rules on crafted sentences: quotations, nouns, inversion, passives,
requests, wishes, obligation, phrases inside what was said, and who a phrase speaks for."""

from __future__ import annotations

from api.extractive.polarity import content_scores, verb_polarity
from api.extractive.sentences import sentence_spans
from api.extractive.stance import FURTHER_LIMIT, find_triggers, target_phrase
from api.schemas import Polarity
from tests.extractive_texts import brief_of, sorted_stances


def test_a_verb_inside_a_quotation_is_not_a_report_of_its_own() -> None:
    words = [t.word for t in find_triggers('"Pakistan wants peace and rejects war," he said.')]
    assert words == ["said"]


def test_a_verb_form_after_a_determiner_or_possessive_is_a_noun() -> None:
    assert find_triggers("The attacks on the city continued.") == []
    assert find_triggers("It relies on the Government's proposed laws.") == []
    assert [t.word for t in find_triggers("Labor attacks the plan.")] == ["attacks"]


def test_the_name_after_a_stance_verb_is_its_object_not_its_holder() -> None:
    brief = brief_of("The party executive rejected Senator Jane Roe's bid to lead.")
    assert sorted_stances(brief) == []


def test_quotative_inversion_gives_the_speaker_after_the_verb() -> None:
    brief = brief_of('"The plan is a great success," said Mayor Tom Brink.')
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_passive_participle_is_not_the_stance_of_its_subject() -> None:
    brief = brief_of("Senator Jane Roe was criticised by Mayor Tom Brink.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]
    brief = brief_of("Senator Jane Roe, accused of fraud, left the country.")
    assert sorted_stances(brief) == []


def test_asked_is_a_request_only_with_to_or_for() -> None:
    asked = find_triggers("He asked reporters.")[0]
    assert verb_polarity(asked, "reporters") is Polarity.NEUTRAL
    assert verb_polarity(asked, "the council for more money") is Polarity.SUPPORT


def test_a_request_not_to_do_something_opposes_it() -> None:
    urged = find_triggers("She urged Labor not to delay the bill.")[0]
    assert verb_polarity(urged, "Labor not to delay the bill") is Polarity.OPPOSE
    assert verb_polarity(urged, "Labor to pass the bill") is Polarity.SUPPORT


def test_wanting_or_hoping_sides_with_what_is_wanted() -> None:
    brief = brief_of("Mayor Tom Brink hopes to get agreement on the new bridge.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]
    brief = brief_of("Mayor Tom Brink does not want the new bridge.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_said_with_an_embedded_stance_verb_of_the_same_speaker_counts_once() -> None:
    brief = brief_of("Mayor Tom Brink said he welcomed the decision to build the bridge.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_stance_phrases_and_obligation_inside_what_was_said() -> None:
    assert content_scores("the explanation does not wash") == (0.0, 1.0)
    assert content_scores("the police force must be overhauled") == (1.0, 0.0)
    assert content_scores("he should not step down") == (0.0, 1.0)
    assert content_scores("we will probably have to send them away") == (0.0, 0.0)


def test_a_person_from_an_organization_speaks_for_both() -> None:
    brief = brief_of(
        "Doug Cameron from the Australian Manufacturing Workers Union says the airline is "
        "greedy and arrogant."
    )
    assert sorted_stances(brief) == [
        ("Australian Manufacturing Workers Union", "oppose"),
        ("Doug Cameron", "oppose"),
    ]


def test_a_name_inside_a_prepositional_phrase_is_not_the_subject() -> None:
    brief = brief_of(
        "The absence of US President George W Bush was threatening to overshadow the summit."
    )
    assert sorted_stances(brief) == []


def test_progressive_and_phrasal_stance_verbs() -> None:
    brief = brief_of("Senator Jane Roe is warning voters about the dangerous scheme.")
    assert sorted_stances(brief) == [("Jane Roe", "oppose")]
    brief = brief_of("Senator Jane Roe hit out at the media on Sunday.")
    assert sorted_stances(brief) == [("Jane Roe", "oppose")]


def test_committed_is_a_stance_only_when_committed_to_something() -> None:
    assert find_triggers("The prisoners committed acts of self harm.") == []
    assert [t.word for t in find_triggers("The council committed to the plan.")] == ["committed"]


def test_quote_closed_before_the_speaker_is_what_the_speaker_said() -> None:
    brief = brief_of(
        'The mayor has left, but "the decision was unacceptable and dangerous," Mr Tom Brink said.'
    )
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_she_said_goes_to_the_woman_and_he_said_to_the_man() -> None:
    brief = brief_of(
        "Mayor Tom Brink says the bridge will open in March. Ms Jane Roe says the plan is good. "
        '"It is a dangerous disaster," he said.'
    )
    assert sorted_stances(brief) == [("Jane Roe", "support"), ("Tom Brink", "oppose")]


def test_he_said_after_a_sentence_that_opens_with_a_person_quotes_that_person() -> None:
    brief = brief_of(
        "Senator John Roe says the plan is good. Mayor Tom Brink visited the site on Monday. "
        '"The plan is a dangerous disaster," he said.'
    )
    assert sorted_stances(brief) == [("John Roe", "support"), ("Tom Brink", "oppose")]


def test_a_tie_across_separate_reports_is_not_a_hedge() -> None:
    brief = brief_of(
        "Mayor Tom Brink condemned the new bridge plan. Mayor Tom Brink later welcomed the new "
        "bridge plan."
    )
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_a_firm_stance_on_another_target_is_a_second_stance() -> None:
    brief = brief_of(
        "Mayor Tom Brink condemned the new tax on diesel fuel. Mayor Tom Brink welcomed the "
        "planned hospital extension in Springfield."
    )
    assert sorted_stances(brief) == [("Tom Brink", "oppose"), ("Tom Brink", "support")]
    # on one side, too few words to tell two targets apart: one stance
    brief = brief_of("Mayor Tom Brink condemned the tax. Mayor Tom Brink criticized the hospital.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_an_actor_gets_a_stance_on_each_of_several_targets_up_to_a_limit() -> None:
    brief = brief_of(
        "Mayor Tom Brink condemned the new tax on diesel fuel. Mayor Tom Brink welcomed the "
        "planned hospital extension in Springfield. Mayor Tom Brink rejected the proposed "
        "casino licence for Riverside."
    )
    assert sorted_stances(brief) == [
        ("Tom Brink", "oppose"),
        ("Tom Brink", "oppose"),
        ("Tom Brink", "support"),
    ]
    sentences = [
        "Mayor Tom Brink condemned the new tax on diesel fuel.",
        "Mayor Tom Brink welcomed the planned hospital extension in Springfield.",
        "Mayor Tom Brink rejected the proposed casino licence for Riverside.",
        "Mayor Tom Brink praised volunteer firefighters from Oakdale county.",
        "Mayor Tom Brink opposed parking meters along Harbour street.",
        "Mayor Tom Brink backed longer opening hours for the public library.",
        "Mayor Tom Brink criticised delays to the western bypass road.",
        "Mayor Tom Brink endorsed a cycling lane through Market square.",
    ]
    assert len(brief_of(" ".join(sentences)).stance) == 1 + FURTHER_LIMIT


def test_each_stance_takes_its_side_from_its_own_reports() -> None:
    brief = brief_of(
        "Department officials say that Secretary Louis Sullivan will support the new ruling on "
        "hospital funding. Secretary Louis Sullivan opposes federal funding for abortion. "
        "Secretary Louis Sullivan condemned the proposed casino licence for Riverside."
    )
    sides = [(s.polarity.value, s.position.split()[0]) for s in brief.stance]
    assert sides == [("support", "support"), ("oppose", "opposes"), ("oppose", "condemned")]


def test_deeds_for_or_against_something_are_stances() -> None:
    brief = brief_of("Attorney General Ann Lee sued the Acme Chemical Company over the spill.")
    assert ("Ann Lee", "oppose") in sorted_stances(brief)
    brief = brief_of("Mayor Tom Brink banned fireworks in the city parks.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]
    brief = brief_of("Governor Jane Roe nominated Judge Ann Lee to the state supreme court.")
    assert ("Jane Roe", "support") in sorted_stances(brief)
    brief = brief_of("Mayor Tom Brink upheld the ban on fireworks.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_bans_appeals_refusals_and_apologies_are_against_their_object() -> None:
    brief = brief_of("Mayor Tom Brink imposed a gradual ban on fireworks in the city.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]
    brief = brief_of("Mayor Tom Brink is appealing the court's zoning order.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]
    brief = brief_of("Mayor Tom Brink appealed to voters to back the bridge.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]
    brief = brief_of("Mayor Tom Brink turned down the council's request for a new road.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]
    brief = brief_of("Mayor Tom Brink apologized for the council's one-dollar contracts.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_a_quotation_carried_over_from_the_sentence_before_is_the_speakers() -> None:
    text = 'If they accept it we do not reject it at all," he said.'
    assert [t.word for t in find_triggers(text)] == ["said"]
    assert [t.word for t in find_triggers('We accept it, he said "today".')] == ["accept", "said"]


def test_a_name_that_qualifies_the_agent_of_a_passive_is_not_the_agent() -> None:
    brief = brief_of("The bombing was backed by the Pakistani intelligence service, India said.")
    assert ("Pakistan", "support") not in sorted_stances(brief)
    brief = brief_of("The plan was backed by Mayor Tom Brink on Monday.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_she_said_with_no_woman_known_by_title_goes_to_the_last_speaker() -> None:
    brief = brief_of('Premier Helen Clark spoke on Monday. "It is a dangerous disaster," she said.')
    assert sorted_stances(brief) == [("Helen Clark", "oppose")]


def test_lending_support_and_industrial_action_are_stances() -> None:
    brief = brief_of("Senator Jane Roe has given her support to the new bridge plan.")
    assert sorted_stances(brief) == [("Jane Roe", "support")]
    assert [t.word for t in find_triggers("Sixty workers downed tools over pay.")] == [
        "downed tools"
    ]
    assert [t.word for t in find_triggers("The staff imposed work bans.")] == ["imposed work bans"]


def test_being_critical_of_something_opposes_it() -> None:
    brief = brief_of("The Community and Public Sector Union has been critical of the report.")
    assert sorted_stances(brief) == [("Community and Public Sector Union", "oppose")]


def test_a_participle_after_a_comma_speaks_for_the_clause_subject() -> None:
    brief = brief_of(
        "The Community and Public Sector Union has been critical of the report, saying "
        "Mayor Tom Brink is wrong."
    )
    assert sorted_stances(brief) == [("Community and Public Sector Union", "oppose")]


def test_a_second_verb_after_and_shares_the_subject_not_the_object() -> None:
    brief = brief_of("Mayor Tom Brink met Senator Jane Roe yesterday and urged her to continue.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_admitting_and_fearing_report_a_view() -> None:
    brief = brief_of("Senator Jane Roe fears 200 jobs at the plant are at risk.")
    assert sorted_stances(brief) == [("Jane Roe", "oppose")]
    brief = brief_of("Senator Jane Roe admits the dispute is frustrating.")
    assert sorted_stances(brief) == [("Jane Roe", "oppose")]


def test_enough_alarming_and_a_great_deal() -> None:
    assert content_scores("he has not done enough") == (0.0, 1.0)
    assert content_scores("staff have had enough") == (0.0, 1.0)
    assert content_scores("there is enough water") == (0.0, 0.0)
    assert content_scores("labour is a great deal cheaper") == (0.0, 0.0)
    assert content_scores("that is quite alarming") == (0.0, 1.0)
    assert content_scores("the Government is bullying smaller nations") == (0.0, 1.0)


def test_a_report_ends_where_another_speakers_report_begins() -> None:
    brief = brief_of(
        "Mayor Tom Brink says the plan is good but Senator Jane Roe says it is a disaster."
    )
    assert sorted_stances(brief) == [("Jane Roe", "oppose"), ("Tom Brink", "support")]


def test_a_stance_verb_in_a_condition_is_no_ones_stance() -> None:
    brief = brief_of("Mayor Tom Brink rejected the truce if Senator Jane Roe agreed to stop.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_a_named_document_is_not_a_stance_holder() -> None:
    brief = brief_of("The internationally-backed Mitchell Plan calls for an end to violence.")
    assert sorted_stances(brief) == []


def test_calling_for_an_end_to_something_opposes_it() -> None:
    called = find_triggers("Mayor Tom Brink called for an end to the strikes.")[0]
    assert verb_polarity(called, "an end to the strikes") is Polarity.OPPOSE
    assert verb_polarity(called, "a quick return to talks") is Polarity.SUPPORT
    urged = find_triggers("She urged the union to stop the strikes.")[0]
    assert verb_polarity(urged, "the union to stop the strikes") is Polarity.OPPOSE


def test_claiming_responsibility_for_a_deed_stands_behind_it() -> None:
    brief = brief_of("The Red Brigade claimed responsibility for the bombing.")
    assert [(s.actor, s.polarity.value) for s in brief.stance if "Brigade" in s.actor] == [
        ("Red Brigade", "support")
    ]


def test_being_to_blame_is_not_blaming() -> None:
    assert find_triggers("The union is more to blame for the delay.") == []
    assert [t.word for t in find_triggers("The union continues to blame the council.")] == ["blame"]


def test_deeds_that_show_a_stance_need_their_infinitive() -> None:
    assert [t.word for t in find_triggers("The council decided to close the mine.")] == ["decided"]
    assert find_triggers("The council decided the matter.") == []
    assert [t.polarity for t in find_triggers("The union declined to join the talks.")] == [
        Polarity.OPPOSE
    ]
    brief = brief_of("Mayor Tom Brink ordered the mine to be inspected.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_a_place_right_before_a_person_qualifies_the_persons_title() -> None:
    brief = brief_of('"The plan is a great success," said chief French negotiator Tom Brink.')
    assert sorted_stances(brief) == [("Tom Brink", "support")]
    brief = brief_of("The former ambassador to France Tom Brink welcomed the plan.")
    assert sorted_stances(brief) == [("Tom Brink", "support")]


def test_a_stance_phrase_used_as_a_noun_is_no_report() -> None:
    assert find_triggers("The service received 5,000 calls for help.") == []
    assert find_triggers("The service had fewer calls for help.") == []
    assert content_scores("it received 5,000 calls for an ambulance") == (0.0, 0.0)


def test_being_delighted_or_appalled_takes_a_side() -> None:
    assert content_scores("it is delighted with the result") == (1.0, 0.0)
    assert content_scores("it is appalled by the result") == (0.0, 1.0)


def test_a_stance_word_after_a_progressive_verb_is_its_object() -> None:
    brief = brief_of("Mayor Tom Brink was using suicide attacks as a pretext.")
    assert sorted_stances(brief) == []
    brief = brief_of("Mayor Tom Brink is continuing to condemn the council.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_the_commanders_of_a_named_group_act_for_it() -> None:
    brief = brief_of("Northern Alliance commanders have rejected the plan.")
    assert ("Northern Alliance", "oppose") in sorted_stances(brief)


def test_good_words_after_a_verb_of_opposing_name_what_is_opposed() -> None:
    brief = brief_of("Mayor Tom Brink abandoned all attempts to secure a peaceful surrender.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_a_report_that_concedes_a_point_with_but_is_mixed() -> None:
    brief = brief_of(
        "Mayor Tom Brink said the plan was a good start, but the costs were a serious problem."
    )
    assert sorted_stances(brief) == [("Tom Brink", "mixed")]


def test_a_participle_after_a_preposition_belongs_to_the_clause_subject() -> None:
    brief = brief_of("Mayor Tom Brink, who led the town, was sacked after refusing to resign.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_a_name_qualifying_a_persons_title_opens_for_that_person() -> None:
    brief = brief_of(
        "French negotiator Tom Brink walked out, rejecting the plan.",
    )
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_an_adverb_does_not_hide_a_passive() -> None:
    brief = brief_of("Mayor Tom Brink has been unjustly accused.")
    assert sorted_stances(brief) == []


def test_the_object_of_a_verb_before_a_relative_clause_is_not_the_subject() -> None:
    brief = brief_of(
        "Mayor Tom Brink, angry that the council had not stopped Senator Jane Roe, who "
        "blocked the bridge, condemned the delay."
    )
    assert ("Jane Roe", "oppose") not in sorted_stances(brief)


def test_an_unquoted_statement_before_its_speaker_is_what_the_speaker_said() -> None:
    brief = brief_of(
        "The council did not regret its decision on the bridge, Mayor Tom Brink said today."
    )
    assert sorted_stances(brief) == [("Tom Brink", "support")]
    assert brief.stance[0].position.startswith("The council did not regret its decision")


def test_a_quotation_before_its_speaker_is_the_position_not_the_verb() -> None:
    brief = brief_of('"The bridge plan is a disaster," Mayor Tom Brink told reporters on Monday.')
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]
    assert brief.stance[0].position == "The bridge plan is a disaster,"


def test_whom_it_was_told_to_is_not_what_was_said() -> None:
    brief = brief_of(
        "The deal was a great success for the town, Mayor Tom Brink told CNN in a telephone "
        "interview."
    )
    assert sorted_stances(brief) == [("Tom Brink", "support")]
    assert brief.stance[0].position.startswith("The deal was a great success")


def test_a_participle_after_a_dash_speaks_for_the_subject_of_the_clause() -> None:
    brief = brief_of(
        "Senator Jane Roe intends to move a motion today - on the anniversary of the crisis - "
        "condemning the council over its housing policy."
    )
    assert sorted_stances(brief) == [("Jane Roe", "oppose")]


def test_a_general_sentiment_lexicon_decides_only_when_our_words_are_silent() -> None:
    # "fiasco" and "brilliant" are not in our lists; VADER's raters scored them strongly
    assert content_scores("the plan is a fiasco") == (0.0, 0.25)
    assert content_scores("the plan is not a fiasco") == (0.25, 0.0)
    assert content_scores("the plan is a brilliant idea") == (0.25, 0.0)
    # one word of our own and the lexicon is not consulted
    assert content_scores("the plan is a fiasco and dangerous") == (0.0, 1.0)
    brief = brief_of("Mayor Tom Brink said the new bridge plan was a fiasco.")
    assert sorted_stances(brief) == [("Tom Brink", "oppose")]


def test_an_inverted_speaker_with_a_relative_clause_still_reports_the_quote() -> None:
    brief = brief_of(
        '"It will be a disappointment if the parade is cancelled," said Jose Ramirez, who came '
        "from Puerto Rico."
    )
    assert sorted_stances(brief) == [("Jose Ramirez", "oppose")]
    assert brief.stance[0].position.startswith("It will be a disappointment")


def test_wanting_with_nothing_wanted_is_no_stance() -> None:
    brief = brief_of(
        "Judge Samuel Alito said the law was good. He becomes riled when he fails to get the "
        "answer he wants."
    )
    assert [s.position for s in brief.stance] == ["said the law was good"]


def test_when_between_the_name_and_the_verb_keeps_the_name_the_subject() -> None:
    brief = brief_of(
        "Former Defense Secretary Robert Gates on Sunday defended the choice of Rex Tillerson."
    )
    assert ("Robert Gates", "support") in sorted_stances(brief)


def test_a_programme_named_after_said_is_where_it_was_said() -> None:
    brief = brief_of(
        '"Being friendly is a fine thing," Robert Gates said in an interview on NBC\'s "Meet the '
        'Press."'
    )
    assert brief.stance[0].position == "Being friendly is a fine thing,"


def test_where_it_was_said_is_not_what_was_said() -> None:
    brief = brief_of(
        '"Agents are a disgrace to the game," Alabama coach Nick Saban said at the SEC media days.'
    )
    assert sorted_stances(brief) == [("Nick Saban", "oppose")]
    assert brief.stance[0].position == "Agents are a disgrace to the game,"


def test_a_scraped_page_that_runs_sentences_together_still_splits() -> None:
    text = '"We will protect it," said Chairman Tim Kaine."So that is one of the themes."'
    assert len(sentence_spans(text)) == 2


def test_according_to_a_source_before_the_actors_gives_what_they_did() -> None:
    brief = brief_of(
        "According to a joint statement, US Defense Secretary Lloyd Austin and South Korean "
        "Defense Minister Lee Jong Seop met in Washington to discuss the dangerous launches."
    )
    positions = {s.actor: s.position for s in brief.stance}
    assert positions["Lloyd Austin"].startswith("met in Washington")


def test_a_stance_target_is_the_thing_the_words_are_about() -> None:
    assert target_phrase("Qantas is being greedy") == "Qantas"
    assert target_phrase("the explanation does not wash") == "the explanation"
    assert target_phrase("the plan, which he called a disaster") == "the plan"
    assert target_phrase("the administration must make the tapes public") == (
        "make the tapes public"
    )
    assert target_phrase("it was his contacts with the police that helped") == (
        "his contacts with the police"
    )
    assert target_phrase('"do the twist" and increase the duration') == (
        "do the twist and increase the duration"
    )
    assert target_phrase("the persistent attacks must end and that they be punished") == (
        "the persistent attacks"
    )
    assert target_phrase("now we have to persuade our leaders") == "to persuade our leaders"


def test_a_negated_stance_says_the_negation_in_its_position() -> None:
    brief = brief_of(
        "Bob Jones did not support the plan. Mary Brown has never backed the deal. "
        "Tim Kaine doesn't support the ban."
    )
    positions = {stance.actor: (stance.polarity.value, stance.position) for stance in brief.stance}
    assert positions == {
        "Bob Jones": ("oppose", "did not support the plan"),
        "Mary Brown": ("oppose", "has never backed the deal"),
        # a contracted negation between the name and its verb does not hide the subject
        "Tim Kaine": ("oppose", "doesn't support the ban"),
    }


def test_a_position_keeps_the_to_of_its_verb() -> None:
    brief = brief_of("Dylann Roof said he did not want to testify. Mary Brown vowed to fight it.")
    assert [stance.position for stance in brief.stance] == [
        "did not want to testify",
        "vowed to fight it",
    ]


def test_an_actor_on_both_sides_of_different_things_holds_both() -> None:
    brief = brief_of(
        "The council approved the new stadium on Monday. Mayor Jane Smith welcomed the stadium "
        "as a boost for the city. Smith later said the cost was too high."
    )
    assert sorted_stances(brief) == [("Jane Smith", "oppose"), ("Jane Smith", "support")]


def test_seeking_a_thing_sides_with_it() -> None:
    brief = brief_of(
        "Dylann Roof was convicted on Thursday. Federal prosecutors are seeking a death "
        "sentence for Roof."
    )
    assert ("Federal prosecutors", "support") in sorted_stances(brief)
