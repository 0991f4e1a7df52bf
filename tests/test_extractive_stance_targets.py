"""What a stance is about, on crafted sentences: when and where it was said, and a condition
that opens what was said, are not its target; a month is not a modal; a stance word after a
word that takes a noun ("sparked calls for") is a noun, not anyone's stance."""

from __future__ import annotations

from api.extractive.stance import target_phrase
from tests.extractive_texts import brief_of


def targets(text: str) -> list[tuple[str, str, str]]:
    return [(s.actor, s.polarity.value, s.target) for s in brief_of(text).stance]


def test_when_it_was_said_is_not_what_it_is_about() -> None:
    assert target_phrase("in May it could seek $2 billion from Hungary") == (
        "seek $2 billion from Hungary"
    )
    assert target_phrase("on Jan. 5 the deal is dead") == "the deal"
    assert target_phrase("in a statement the plan was a disgrace") == "the plan"


def test_where_it_was_said_gives_way_to_what_follows_that() -> None:
    assert target_phrase("in parliament that the twin dams would be a disaster") == (
        "the twin dams"
    )


def test_a_setting_phrase_without_a_clause_after_it_stays() -> None:
    assert target_phrase("in favour of the plan") == "in favour of the plan"


def test_a_condition_that_opens_what_was_said_is_not_its_target() -> None:
    assert target_phrase("Until Congress acts, the government has no authority to borrow") == (
        "the government"
    )
    assert target_phrase(
        "If we see growth of 0.9 per cent, which is the consensus, that is a good outcome"
    ) == ("a good outcome")


def test_a_contracted_pronoun_gives_way_to_what_follows_its_verb() -> None:
    assert target_phrase("If I took them into my classroom, I'd have a hard time") == (
        "a hard time"
    )


def test_a_reported_statement_before_the_speaker_and_its_article_is_found() -> None:
    assert targets(
        "Until Congress acts, the government has no authority to issue new debt, the "
        "Treasury warned."
    ) == [("Treasury", "oppose", "the government")]


def test_calls_sparked_by_someone_are_not_his_call() -> None:
    brief = brief_of(
        "Jack Hampton had sparked calls for a judicial inquiry with his remarks to the press."
    )
    assert brief.stance == []


def test_whom_a_call_is_made_on_is_not_its_target_but_what_they_are_asked_to_do() -> None:
    found = targets(
        "Donald Trump met reporters. Bill O'Reilly called on Trump to accept the Paris Climate "
        "Accord."
    )
    assert ("Bill O'Reilly", "support", "Trump to accept the Paris Climate Accord") in found


def test_whom_it_was_told_is_not_what_it_is_about() -> None:
    assert targets(
        "Air Mobility Command told Mashable the flight was a great success. Air Mobility "
        "Command runs the base."
    ) == [("Air Mobility Command", "support", "the flight")]
    assert targets(
        "Yasser Arafat told CNN television that Mr Sharon was trying to torpedo the crackdown, "
        "a disgrace."
    ) == [("Yasser Arafat", "oppose", "Mr Sharon")]


def test_the_day_it_was_said_is_not_what_it_is_about() -> None:
    assert target_phrase("Saturday that the dispute was growing dangerously tense") == (
        "the dispute"
    )
    assert target_phrase("yesterday in response to concerns about zero rating") == (
        "in response to concerns about zero rating"
    )


def test_a_bare_attribution_takes_its_target_from_the_sentence_before() -> None:
    assert targets(
        "The shooter was a coward who hurt innocent people. Donna Rohrer said. Donna Rohrer "
        "works at the plant."
    ) == [("Donna Rohrer", "oppose", "The shooter")]


def test_a_linking_word_or_a_hedge_is_not_the_target() -> None:
    assert target_phrase("First, we have to support locally run clinics") == (
        "to support locally run clinics"
    )
    assert target_phrase("But the economics of coal mining are so attractive") == (
        "the economics of coal mining"
    )
    assert target_phrase("I think with every confidence, the quarter is going to be strong") == (
        "the quarter"
    )


def test_the_preposition_a_verb_takes_is_not_part_of_the_target() -> None:
    assert target_phrase("for the suicide attacks") == "the suicide attacks"
    assert target_phrase("about a man who was arrested in India") == "a man"
    assert target_phrase("for now a request by Northeast") == "a request by Northeast"
    assert target_phrase("of the plan that it was bad") == "the plan"


def test_a_phrase_that_frames_the_clause_gives_way_to_its_subject() -> None:
    assert target_phrase("With voluntary compliance, manufacturers can meet the targets") == (
        "manufacturers"
    )
    assert target_phrase("For me, the urgency was to get it to the police") == "the urgency"
    # a comma that lists is not a frame
    assert target_phrase("for his candidacy, nomination and presidency") == "his candidacy"


def test_a_target_cut_short_does_not_end_on_a_linking_word() -> None:
    assert target_phrase("several instances in which the foundation paid his bills") == (
        "several instances"
    )
    assert target_phrase("raise the state's minimum wage by $1 to $8.25 per hour") == (
        "raise the state's minimum wage by $1"
    )


def test_no_one_takes_a_stance_on_himself() -> None:
    found = targets('"Nasty innuendoes," said John Siegal, the campaign\'s issues director.')
    assert found
    assert all(actor != target for actor, _, target in found)


def test_the_comma_of_a_figure_does_not_cut_a_target() -> None:
    assert target_phrase("it has now received 5,000 calls for help") == (
        "now received 5,000 calls for help"
    )


def test_a_place_that_frames_the_clause_is_not_the_target() -> None:
    assert target_phrase("Across the wider West Bank, at least 121 people have been killed") == (
        "at least 121 people"
    )


def test_a_target_ends_where_a_new_clause_begins_with_its_own_subject() -> None:
    assert target_phrase("We have the best law in the country and I stand by it") == (
        "the best law in the country"
    )
    assert target_phrase("the bread and butter issues") == "the bread and butter issues"


def test_a_ban_extended_on_a_day_is_not_a_ban_on_the_day() -> None:
    brief = brief_of(
        "Health Secretary Louis Sullivan extended the ban on Monday. Both Dr. James Mason and "
        "Dr. Sullivan oppose federal funding for abortion."
    )
    assert {stance.target for stance in brief.stance} == {"federal funding for abortion"}


def test_when_a_report_came_is_not_part_of_its_target() -> None:
    assert target_phrase("the deal on Monday") == "the deal"
    assert target_phrase("the plan yesterday") == "the plan"
    assert target_phrase("the Monday agreement") == "the Monday agreement"


def test_a_name_past_a_comma_is_not_the_target() -> None:
    brief = brief_of(
        "EU countries agreed the target on Thursday. Hungary and Slovakia voted against the "
        "target, while Belgium abstained. Belgium said more."
    )
    assert {(s.actor, s.target) for s in brief.stance} == {
        ("Hungary", "the target"),
        ("Slovakia", "the target"),
    }


def test_a_feeling_is_about_what_its_preposition_governs() -> None:
    assert target_phrase("he is satisfied and relieved with the outcome") == "the outcome"
    assert target_phrase("she feels devastated by her husband's death") == "her husband's death"
    assert target_phrase("very concerned about the cost of the plan") == "the cost of the plan"
    assert target_phrase("a good look at the sanitation") == "a good look at the sanitation"
    assert target_phrase("I'd feel nervous") == "I'd feel nervous"


def test_even_though_opens_a_condition_not_the_target() -> None:
    assert targets(
        "Mayor Bill de Blasio said that even though the suspect was in custody, New Yorkers "
        "should remain vigilant."
    ) == [("Bill de Blasio", "support", "remain vigilant")]


def test_a_thing_an_actor_owns_is_the_target_not_the_actor() -> None:
    assert targets(
        "Former Defense Secretary Robert Gates on Sunday defended President-elect Donald "
        "Trump's pick for secretary of state."
    ) == [("Robert Gates", "support", "President-elect Donald Trump's pick for secretary of state")]
    assert targets("Consumer groups hope Judge Richard Curry's refund order may set a precedent.")[
        0
    ][2].startswith("Judge Richard Curry's refund order")


def test_a_noun_phrase_before_a_name_is_what_was_said_about() -> None:
    assert targets(
        "Prime Minister Mateusz Morawiecki said the agreement protected Polish jobs."
    ) == [("Mateusz Morawiecki", "support", "the agreement protected Polish jobs")]
    assert targets("Analyst Roslyn Layton opposed the recent FCC decision on data.")[0][2] == (
        "the recent FCC decision on data"
    )
