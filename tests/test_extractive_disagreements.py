"""Disagreements: one quantity or fact told differently by two reports (or one with itself),
and the look-alikes that are not: parts of a total, running totals, additions, inflections."""

from __future__ import annotations

from api.extractive import build_brief
from api.extractive.disagreements import find_conflicts
from api.extractive.numbers import find_numbers, group_numbers
from api.extractive.sentences import split_documents
from api.schemas import Article, SummaryOptions


def told(*texts: str) -> list[list[str]]:
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts, start=1)]
    documents = split_documents(articles)
    conflicts = find_conflicts(group_numbers(find_numbers(documents)), documents)
    return [[m.phrase for m in c.mentions] for c in conflicts]


# --- counts -------------------------------------------------------------------------------------


def test_the_figures_two_reports_lead_with_disagree() -> None:
    assert told(
        "A pay dispute at the airline goes on. More than 2,000 employees have imposed work bans.",
        "The dispute involving 3,000 maintenance workers has been running for months.",
    ) == [["More than 2,000 employees", "3,000 maintenance workers"]]


def test_homes_and_properties_are_one_thing() -> None:
    assert told(
        "Fires raged. Officials estimate that around 150 homes have been lost.",
        "Authorities estimate more than 60 properties have been destroyed.",
    ) == [["around 150 homes", "more than 60 properties"]]


def test_every_figure_for_one_thing_is_one_disagreement() -> None:
    assert told(
        "Four hundred SES volunteers are answering calls.",
        "Up to 700 volunteers are continuing the big mop-up.",
        "We've had about 800 volunteers in the field, she said.",
    ) == [["Four hundred SES volunteers", "Up to 700 volunteers", "about 800 volunteers"]]


def test_a_total_and_its_part_in_one_report_are_no_conflict() -> None:
    assert (
        told(
            "At least 24 people were killed in US bombing raids in Paktika province. "
            "US jets killed 14 people in bombing raids in Paktika province on Saturday."
        )
        == []
    )


def test_a_running_total_beside_an_addition_is_no_conflict() -> None:
    assert (
        told(
            "Seven yachts have retired from the Sydney to Hobart race overnight.",
            "A total of 14 yachts have now retired from the Sydney to Hobart race, after three "
            "more yachts pulled out overnight.",
        )
        == []
    )


def test_far_apart_or_small_lead_figures_are_other_facts() -> None:
    assert told("Police said 14 homes burned in the valley.", "In all 150 homes burned.") == []
    assert told("Two detainees hurt themselves.", "Five detainees climbed the fence.") == []


def test_a_figure_and_about_that_figure_agree() -> None:
    assert told("It has received 5,000 calls for help.", "We've had about 5,000 calls.") == []


# --- durations ----------------------------------------------------------------------------------


def test_a_duration_in_other_units_of_the_same_thing_disagrees() -> None:
    assert told(
        "Rioting followed a 43-month recession.",
        "He promised jobs to end four years of recession.",
    ) == [["43-month recession", "four years"]]


def test_a_duration_of_another_thing_does_not() -> None:
    assert (
        told(
            "The alliance demanded a 10-day adjournment of the talks.",
            "Leaders reached a deal after seven days of talks.",
        )
        == []
    )


def test_a_week_in_words_is_a_duration() -> None:
    assert told(
        "Leaders agreed after seven days of talks.",
        "It concludes more than a week of negotiations outside the city.",
    ) == [["seven days", "more than a week"]]


# --- facts in words -----------------------------------------------------------------------------


def test_one_person_welcoming_and_regretting_one_verdict() -> None:
    assert told(
        "Bill Peel, whose son died in the accident, is disappointed with the verdict.",
        "The families want an apology, but Bill Peel has welcomed today's verdicts.",
    ) == [
        [
            "Bill Peel, whose son died in the accident, is disappointed with the verdict",
            "Bill Peel has welcomed today's verdicts",
        ]
    ]


def test_an_accusation_and_its_denial() -> None:
    assert told(
        "India accuses Pakistan's military intelligence of masterminding the assault, but "
        "Pakistan denies the allegation."
    ) == [
        [
            "India accuses Pakistan's military intelligence of masterminding the assault",
            "Pakistan denies the allegation",
        ]
    ]


def test_a_name_spelled_two_ways_but_not_a_word_and_its_inflection() -> None:
    assert told(
        "Counsel assisting Lionel Robbards QC spoke first.",
        "A warning came from counsel assisting, Lionel Roberts QC.",
    ) == [["Lionel Robbards", "Lionel Roberts"]]
    assert (
        told("Royal Commissioner Terence Cole sat.", "Counsel at the Royal Commission spoke.") == []
    )


# --- the brief ----------------------------------------------------------------------------------


def test_the_sample_disagreement_stays_in_the_brief() -> None:
    brief = build_brief(
        [
            Article(
                id="a1",
                text="North Korea fired approximately 80 projectiles into the sea, Seoul said. "
                "North Korea fired more than 80 artillery shells into the sea, the army said.",
            )
        ],
        SummaryOptions(),
    )
    assert [[c.text for c in d.claims] for d in brief.disagreements] == [
        ["approximately 80 projectiles", "more than 80 artillery shells"]
    ]


def test_another_word_for_the_same_count_is_no_disagreement() -> None:
    brief = build_brief(
        [
            Article(
                id="a1",
                text="As of Dec. 8, California\u2019s DMV had issued permits to 20 companies, "
                "including Google, Tesla, GM, Ford, and Honda. \u201cTwenty manufacturers have "
                "already obtained permits to test hundreds of cars on California roads,\u201d "
                "the DMV noted.",
            )
        ],
        SummaryOptions(),
    )
    assert brief.disagreements == []


def test_one_article_giving_an_equal_figure_for_another_fact_is_no_disagreement() -> None:
    assert (
        told(
            "There is a $14 billion rationale for this prediction. If Apple could gain just 10% "
            "of the fees, it would take in more than $14 billion in additional revenue."
        )
        == []
    )
    # the same fact told twice in one article still disagrees with itself
    assert told(
        "North Korea fired approximately 80 projectiles into the sea, Seoul said. "
        "North Korea fired more than 80 artillery shells into the sea, the army said."
    ) == [["approximately 80 projectiles", "more than 80 artillery shells"]]


# --- a figure disputed in the same report --------------------------------------------------------


def test_a_figure_disputed_by_another_source_in_one_report_disagrees() -> None:
    assert told(
        "The Congressional Budget Office estimated the bill would add about $1 trillion to "
        "deficits, though the White House disputed that figure, putting it at closer to $800 "
        "billion."
    ) == [["about $1 trillion", "$800 billion"]]


def test_a_bare_figure_put_against_a_count_disagrees() -> None:
    assert told(
        "Police said about 20,000 people marched through the city on Saturday. Organisers put "
        "the figure at 100,000. The march was peaceful."
    ) == [["about 20,000 people", "100,000"]]


def test_a_disputed_ruling_disputes_no_figure() -> None:
    assert (
        told(
            "The $2.5 billion plant opened in 1985. In a disputed 1985 ruling, the commission said "
            "the utility could raise its rates by $49 million."
        )
        == []
    )


def test_the_disputed_figure_is_evidence_in_the_brief() -> None:
    text = (
        "Police said about 20,000 people marched on Saturday. Organisers put the figure at 100,000."
    )
    brief = build_brief([Article(id="a1", text=text)], SummaryOptions())
    [disagreement] = brief.disagreements
    assert [c.text for c in disagreement.claims] == ["about 20,000 people", "100,000"]
    assert brief.provenance.grounding.verified == brief.provenance.grounding.checked
