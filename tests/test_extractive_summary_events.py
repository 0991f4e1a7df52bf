"""Summary, headline and events of the extractive engine on small crafted texts."""

from __future__ import annotations

from api.extractive.events import (
    EventCluster,
    describe_event,
    event_clause,
    is_event_sentence,
    when_of,
    where_of,
)
from api.extractive.sentences import Document, Sentence, sentence_spans, split_documents
from api.extractive.summary import (
    RankedSentence,
    compress_sentence,
    headline_from,
    is_quote,
    plain_clause,
    quoted_share,
    rank_sentences,
    select_summary,
)
from api.schemas import Article
from tests.extractive_texts import brief_of


def documents_of(*texts: str) -> list[Document]:
    return split_documents([Article(id=f"a{i + 1}", text=t) for i, t in enumerate(texts)])


def ranked_of(text: str, score: float, article: str = "a1", order: int = 0) -> RankedSentence:
    sentence = Sentence(article, order, 0, 0, len(text), text)
    return RankedSentence(sentence, score, {w: 1.0 for w in text.lower().split()[:1]})


# --- compression --------------------------------------------------------------------------------


def test_a_speaker_before_the_clause_is_dropped_but_not_a_passive_report() -> None:
    assert (
        compress_sentence("The union's Geoff Derrick says members will vote on a new strike.")
        == "Members will vote on a new strike."
    )
    # "is reported to have resigned" is the news itself, not an attribution
    text = "Economy Minister Domingo Cavallo is reported to have resigned over the unrest."
    assert compress_sentence(text) == text


def test_a_trailing_attribution_is_dropped() -> None:
    assert (
        compress_sentence(
            "Three soldiers were killed by a stray bomb near Kandahar, the Pentagon said."
        )
        == "Three soldiers were killed by a stray bomb near Kandahar."
    )


def test_the_speaker_stays_when_asked_to() -> None:
    text = "Police said the gunman had fled into the hills north of the town."
    assert compress_sentence(text, drop_speaker=False) == text
    assert compress_sentence(text) == "The gunman had fled into the hills north of the town."


def test_a_cut_that_would_leave_too_little_is_not_made() -> None:
    assert compress_sentence("Police said two died.") == "Police said two died."


def test_plain_clause_drops_short_parentheses_and_relative_time() -> None:
    assert (
        plain_clause("The Finance Sector Union (FSU) began a national strike yesterday.")
        == "The Finance Sector Union began a national strike."
    )


def test_headline_has_no_parenthesis_nor_relative_time() -> None:
    assert (
        headline_from("The State Emergency Service (SES) received 5,000 calls for help yesterday.")
        == "The State Emergency Service received 5,000 calls for help"
    )


def test_an_event_line_does_not_open_with_a_conjunction() -> None:
    assert event_clause(
        "But the absence of President Bush threatened to overshadow the summit."
    ) == ("The absence of President Bush threatened to overshadow the summit.")
    assert event_clause("And more than 400 staff are to lose their jobs at Austar.") == (
        "More than 400 staff are to lose their jobs at Austar."
    )


def test_a_relative_clause_inside_an_event_line_goes_but_its_verb_stays() -> None:
    assert (
        event_clause(
            "The former New York mayor, who was a favorite for the top job at the State "
            "Department, turned against his own recent musings."
        )
        == "The former New York mayor turned against his own recent musings."
    )
    assert event_clause(
        "The broader Nasdaq bank index, which tracks thrift issues, jumped 3.23."
    ) == ("The broader Nasdaq bank index jumped 3.23.")


def test_a_headline_keeps_the_subject_a_pronoun_refers_to() -> None:
    assert (
        headline_from("Boeing Co. said it is discussing plans with three Japanese suppliers.")
        == "Boeing Co. said it is discussing plans with three Japanese suppliers"
    )
    assert (
        headline_from("Tom Wheeler announced this morning that he will leave the agency.")
        == "Tom Wheeler announced that he will leave the agency"
    )
    # without a pronoun the speaker still goes: the news is what was said
    assert headline_from("Boeing Co. said sales rose 20% in the third quarter.") == (
        "Sales rose 20% in the third quarter"
    )


def test_a_headline_is_not_a_sentence_that_opens_with_a_pronoun() -> None:
    brief = brief_of(
        "During the campaign, Donald Trump promised to take care of ordinary Americans. He "
        "mentioned two groups in particular: the inner-city poor and the rural and Rust Belt "
        "victims of the opioid crisis. Trump said he wanted to help the poor in the opioid crisis."
    )
    assert brief.headline.startswith("During the campaign, Donald Trump promised")


# --- quotes -------------------------------------------------------------------------------------


def test_quoted_share() -> None:
    assert quoted_share('"We will not give up on this fight," he said.') > 0.6
    assert quoted_share("“We will keep fighting until the very end of it all.") == 1.0
    assert quoted_share('Detainees were chanting "visa" through the night.') < 0.2
    assert quoted_share("No quotes here at all.") == 0.0
    assert is_quote('"We will vote on a new strike next week," Mr Cameron said, adding more.')
    assert not is_quote('Detainees were chanting "visa" through the night.')


# --- ranking and selection ----------------------------------------------------------------------


def test_quotes_only_sentences_are_not_summary_sentences() -> None:
    documents = documents_of(
        '"We have done everything we can to keep the branches open for customers," he said. '
        "Bank staff across the country walked off the job on Tuesday over workloads and pay."
    )
    chosen = select_summary(rank_sentences(documents, {}), 2)
    assert [c.sentence.index for c in chosen] == [1]


def test_a_story_told_only_in_quotes_still_has_a_summary() -> None:
    brief = brief_of('"We will not give up on this fight for our jobs," the union leader said.')
    assert brief.summary.startswith('"We will not give up')


def test_a_quoted_sentence_ranks_below_the_same_words_reported() -> None:
    documents = documents_of(
        "Officials met in the capital on Monday to discuss the border dispute. "
        '"The army will withdraw from the border within a week of the deal," he said. '
        "The army will withdraw from the border within a week of the deal, officials said."
    )
    scores = {r.sentence.index: r.score for r in rank_sentences(documents, {})}
    assert scores[2] > scores[1]


def test_what_other_articles_repeat_counts_more_than_what_one_article_repeats() -> None:
    # sentences 1 and 2 of a1 are equally placed; only sentence 2's news is in a2 as well
    documents = documents_of(
        "The council met on Monday. "
        "Farmers protested outside the council about water prices and quotas. "
        "Rebels shelled the northern town of Kassala overnight, killing nine civilians. "
        "Farmers again protested outside the council about water prices and quotas.",
        "Rebels shelled the northern town of Kassala, killing nine civilians.",
    )
    scores = {
        (r.sentence.article, r.sentence.index): r.score for r in rank_sentences(documents, {})
    }
    assert scores[("a1", 2)] > scores[("a1", 1)]


def test_summary_is_told_article_by_article_without_near_duplicates() -> None:
    brief = brief_of(
        "Rebels attacked the army base near Kandahar on Tuesday, killing four soldiers. "
        "The army said reinforcements were sent to the base from the capital.",
        "Rebels attacked an army base near Kandahar on Tuesday and killed four soldiers. "
        "Talks between the government and the rebels were suspended after the attack.",
        max_summary_sentences=3,
    )
    # the two copies of the attack are one sentence, told where a1 told it; a1's sentences
    # come before a2's
    assert brief.summary.count("Rebels attacked") == 1
    assert brief.summary.startswith("Rebels attacked")
    assert brief.summary.index("The army said") < brief.summary.index("Talks between")
    assert brief.summary.endswith("suspended after the attack.")


# --- events -------------------------------------------------------------------------------------


def test_event_sentences() -> None:
    # a present-tense report with an actor is an event
    assert is_event_sentence("Doug Cameron says members will vote on a new strike.", True)
    # a past-tense report is an event without a known actor
    assert is_event_sentence("Thousands of residents were evacuated from the suburbs.", False)
    # quotes, questions and fragments are not
    assert not is_event_sentence('"We will vote on a new strike next week," Mr Cameron said.', True)
    assert not is_event_sentence("Will the union strike again before Christmas?", True)
    assert not is_event_sentence("Mr Cameron agreed.", True)
    assert not is_event_sentence("The weather is warm and the streets are quiet today.", False)


def test_event_clause_reads_as_an_event_log() -> None:
    assert (
        event_clause("Mohammed Afroz has been charged with waging war against India.")
        == "Mohammed Afroz was charged with waging war against India."
    )
    assert (
        event_clause("President Fernando de la Rua has resigned after two days of riots.")
        == "President Fernando de la Rua resigned after two days of riots."
    )
    assert (
        event_clause("The union (FSU) says 60,000 staff walked off the job today.")
        == "The union said 60,000 staff walked off the job."
    )
    # a participle that is not a simple past is left alone
    assert event_clause("Australia has taken a 1-0 lead in the series.") == (
        "Australia has taken a 1-0 lead in the series."
    )


def test_an_event_is_described_by_its_most_concise_report() -> None:
    long = ranked_of(
        "Rebels attacked the army base near Kandahar on Tuesday in a raid that lasted hours.", 0.9
    )
    short = ranked_of("Rebels attacked an army base near Kandahar.", 0.5, "a2", 1)
    assert describe_event(EventCluster([long, short])) == (
        "Rebels attacked an army base near Kandahar."
    )


def test_quotes_are_not_events_in_a_brief() -> None:
    brief = brief_of(
        "Rebels attacked the army base near Kandahar on Tuesday, killing four soldiers. "
        '"We were not ready for an attack on this scale," General Ahmad Khan said.'
    )
    assert [event.description for event in brief.what] == [
        "Rebels attacked the army base near Kandahar on Tuesday, killing four soldiers."
    ]


def test_where_an_event_happened_is_a_place_not_a_person_nor_an_adjective() -> None:
    assert where_of("Storms caused damage in Sydney's west.") == "Sydney"
    assert where_of(
        "In Trump's view, the deal failed at talks in Geneva.", frozenset({"Trump"})
    ) == ("Geneva")
    assert where_of("Troops fired in Palestinian areas.") is None
    assert where_of("Yields fell in Monday's trading.") is None


def test_an_events_place_is_not_one_of_the_storys_people() -> None:
    brief = brief_of(
        "The summit collapsed at Donald Trump's insistence on Monday, killing the trade deal. "
        "Donald Trump said China refused to cut tariffs."
    )
    assert [event.where for event in brief.what] == [None, None]


def test_when_an_event_happened_is_read_wherever_the_date_stands() -> None:
    assert when_of("Roof entered the church on the evening of June 17, 2015, and sat") == (
        "June 17, 2015"
    )
    assert when_of("The penalty phase begins Jan. 3.") == "Jan. 3"
    # every month's abbreviation reads, June's and July's too (one spelling, in the gazetteer)
    assert when_of("The hearing is set for Jul. 14 in Denver.") == "Jul. 14"
    assert when_of("It closed Jun. 30.") == "Jun. 30"
    assert when_of("Talks began on 27 November 2001 in Bonn.") == "on 27 November 2001"
    assert when_of("The law passed in 2015.") == "in 2015"
    assert when_of("He may go. She has 5 Marches left.") is None


def test_a_dateline_is_not_part_of_the_headline_summary_or_events() -> None:
    text = (
        "SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper blasted South Korea on "
        "Tuesday for conducting joint military drills with the United States. The newspaper "
        "called the drills a rehearsal for invasion."
    )
    brief = brief_of(text)
    assert brief.headline.startswith("North Korea")
    assert brief.summary.startswith("North Korea's official newspaper")
    assert all("SEOUL" not in event.description for event in brief.what)
    # the sentence's evidence still points at its words in the article as received
    first = brief.what[0].evidence[0]
    assert text[first.start : first.end] == first.text
    assert "SEOUL" not in first.text


def test_a_capitalized_word_and_a_dash_before_lowercase_is_not_a_dateline() -> None:
    document = split_documents([Article(id="a1", text="UN - the body met on Monday.")])[0]
    assert document.sentences[0].text == "UN - the body met on Monday."


def test_a_have_after_a_modal_or_to_stays_in_an_event_line() -> None:
    assert event_clause("The minister has resigned.") == "The minister resigned."
    assert event_clause("No one would have confused the cars for regular vehicles.") == (
        "No one would have confused the cars for regular vehicles."
    )
    assert event_clause("The minister is reported to have resigned over the crisis.") == (
        "The minister is reported to have resigned over the crisis."
    )
    assert event_clause("The man could not have acted alone, police said.").startswith(
        "The man could not have acted alone"
    )


def test_dropping_the_time_of_day_leaves_no_comma_behind() -> None:
    assert plain_clause(
        "One person has died after a plane crashed near Mt Gambier, last night.", False
    ) == ("One person has died after a plane crashed near Mt Gambier.")
    assert plain_clause("The minister, yesterday, said the plan was dead.", False) == (
        "The minister said the plan was dead."
    )


def test_a_day_after_said_goes_with_the_speaker() -> None:
    assert plain_clause("Police said Monday that the suspect had fled the country.") == (
        "The suspect had fled the country."
    )
    # the speaker stays when the clause after "said Thursday" opens with a pronoun
    assert headline_from(
        "Liberian authorities said Thursday they will prosecute Thomas Eric Duncan."
    ).startswith("Liberian authorities said Thursday they")


def test_a_month_and_its_year_are_not_read_as_a_day() -> None:
    assert when_of("The war against the Taliban began in October 2001.") == "in October 2001"
    assert when_of("She did not perform on January 20th.") == "on January 20th"
    assert when_of("They met in October 20, 2001 talks.") == "in October 20, 2001"


def test_a_leading_and_with_its_comma_is_dropped_from_an_event_line() -> None:
    assert (
        event_clause(
            "And, says Mr. Dinkins, he didn't know the man had been convicted of kidnapping."
        )
        == "Said Mr. Dinkins, he didn't know the man had been convicted of kidnapping."
    )


def test_an_opening_clause_is_not_cut_inside_a_quotation() -> None:
    line = event_clause(
        "After a minute's silence the crowd heard a recording of \"My Sweet Lord,\" Harrison's "
        "biggest solo hit."
    )
    assert not line.startswith('"')


def test_a_clause_that_goes_on_past_a_parenthetical_is_not_cut() -> None:
    line = event_clause(
        "The committee notes the moderation in inflation in recent months and, as before, "
        "expects it to settle at lower levels."
    )
    assert not line.endswith("and.")
    assert "expects it to settle" in line


def test_a_day_and_its_date_opening_a_sentence_go_together() -> None:
    assert headline_from(
        "On Sunday, October 29, Ahmed Azza was given permission to leave his neighborhood."
    ).startswith("Ahmed Azza was given permission")


def test_a_list_items_mark_is_not_part_of_its_sentence() -> None:
    text = (
        "Trump attacks Boeing\n- Trump attacked the contract on Tuesday.\n"
        "• 3,000 jobs were cut.\n-1.0 percent was the rate.\n"
        "— Alex Fitzpatrick (@AlexJamesFitz) December 13, 2016"
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Trump attacks Boeing",
        "Trump attacked the contract on Tuesday.",
        "3,000 jobs were cut.",
        "-1.0 percent was the rate.",
        "— Alex Fitzpatrick (@AlexJamesFitz) December 13, 2016",
    ]


def test_where_reads_the_coast_of_a_place_but_not_a_journal() -> None:
    assert where_of("They cast a line off the coast of Hawaii.") == "coast of Hawaii"
    assert where_of("In a paper published in the Journal of Acoustics, he wrote.") is None
