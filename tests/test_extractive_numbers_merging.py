"""One quantity across articles and what an editor keeps: people nouns merged, bare numbers
repeated across articles, counts with adjectives or a people's name, ordinals that count, minor
counts deep in an article left out, and conflicts only where the reports really differ."""

from __future__ import annotations

from api.extractive.disagreements import find_conflicts
from api.extractive.numbers import (
    NumberGroup,
    find_numbers,
    group_numbers,
    key_numbers,
    numbers_in_sentence,
    ordinals_in_sentence,
    scores_in_sentence,
)
from api.extractive.sentences import Sentence, split_documents
from api.schemas import Article


def sentence_of(text: str) -> Sentence:
    return Sentence("a1", 0, 0, 0, len(text), text)


def numbers_of(text: str) -> list[tuple[float, str | None, str]]:
    return [(m.value, m.unit, m.phrase) for m in numbers_in_sentence(sentence_of(text))]


def groups_of(*texts: str) -> list[NumberGroup]:
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts, start=1)]
    return group_numbers(find_numbers(split_documents(articles)))


def kept(*texts: str) -> list[tuple[float, list[str]]]:
    return [(g.value, [m.phrase for m in g.mentions]) for g in key_numbers(groups_of(*texts))]


def conflicts(*texts: str) -> list[tuple[str, str]]:
    return [(c.first.phrase, c.second.phrase) for c in find_conflicts(groups_of(*texts))]


# --- merging one quantity ---------------------------------------------------------------------


def test_workforce_nouns_are_one_quantity_led_by_the_lead_mention() -> None:
    groups = groups_of(
        "The travel firm collapsed on Monday. It left its 550 employees without pay.",
        "More than 550 staff are looking for work after the collapse.",
    )
    assert [[m.phrase for m in g.mentions] for g in groups] == [
        ["More than 550 staff", "550 employees"]
    ]


def test_a_people_noun_joins_a_people_name_or_kind() -> None:
    groups = groups_of(
        "Gunmen killed 10 people on a bus.", "Militants killed 10 Israelis in the raid."
    )
    assert [[m.phrase for m in g.mentions] for g in groups] == [["10 people", "10 Israelis"]]


def test_small_counts_of_different_people_stay_apart() -> None:
    groups = groups_of("Two women were hurt.", "Two men were arrested.")
    assert [[m.phrase for m in g.mentions] for g in groups] == [["Two women"], ["Two men"]]


def test_a_measure_is_never_a_count_of_something_else() -> None:
    groups = groups_of(
        "Smoke rose 20 metres over the detention centre at dawn.",
        "More than 20 buildings burned at the detention centre at dawn.",
    )
    assert [[m.phrase for m in g.mentions] for g in groups] == [
        ["20 metres"],
        ["More than 20 buildings"],
    ]


def test_a_bare_number_counts_only_when_another_article_repeats_it() -> None:
    assert kept(
        "Chasing 375 for victory, the visitors were 17 down.", "Needing 375 for victory, they fell."
    ) == [(375.0, ["375", "375"])]
    assert kept("Chasing 375 for victory, they fell.") == []


def test_a_bare_number_joins_the_counted_one_of_the_same_value() -> None:
    groups = groups_of("Police said 21 people died.", "The death toll rose to 21 by evening.")
    assert [[m.phrase for m in g.mentions] for g in groups] == [["21 people", "21"]]


# --- reading counts ---------------------------------------------------------------------------


def test_adjectives_and_peoples_names_can_be_counted() -> None:
    assert numbers_of("Troops shot eight Palestinian children and injured four Israelis.") == [
        (8.0, "Palestinian children", "eight Palestinian children"),
        (4.0, "Israelis", "four Israelis"),
    ]
    assert numbers_of("In 2001 Qantas flew.") == [(2001.0, "year", "2001")]


def test_a_plural_after_a_name_makes_a_count_not_an_identifier() -> None:
    assert numbers_of("The tape was found in Afghanistan 10 days ago.") == [
        (10.0, "days", "10 days")
    ]
    assert numbers_of("The crew of Flight 370 was lost.") == []


def test_one_counts_with_a_qualifier_or_a_person() -> None:
    assert numbers_of("The tape lasts roughly one hour.") == [(1.0, "hour", "roughly one hour")]
    assert numbers_of("One person has died.") == [(1.0, "person", "One person")]
    assert numbers_of("Several missiles, one of which failed.") == []


def test_more_before_the_noun_still_counts_it() -> None:
    assert numbers_of("Four more people died this morning.") == [
        (4.0, "more people", "Four more people")
    ]


def test_ordinals_count_milestones_and_days_of_a_run() -> None:
    found = ordinals_in_sentence(
        sentence_of("The twins play their 100th Test, on the seventh day, for the 20th time.")
    )
    assert [(m.value, m.unit, m.phrase) for m in found] == [
        (100.0, "Test", "100th Test"),
        (7.0, "day", "seventh day"),
    ]
    assert kept("Workers walked off the job for the third day.") == [(3.0, ["third day"])]


# --- what an editor keeps ---------------------------------------------------------------------


def test_a_small_count_said_once_deep_in_an_article_is_left_out() -> None:
    filler = " ".join(
        f"Play resumed after the {word} break."
        for word in "tea lunch rain drinks light bad wet long".split()
    )
    text = f"Australia won by 246 runs. {filler} He was out three balls later. It cost $5."
    assert [value for value, _ in kept(text)] == [246.0, 5.0]


# --- disagreements ----------------------------------------------------------------------------


def test_another_word_for_the_same_people_is_no_conflict() -> None:
    assert conflicts("The firm let 400 employees go.", "The firm let 400 staff go.") == []
    assert conflicts("The firm let 400 employees go.", "More than 400 staff will go.") == [
        ("400 employees", "More than 400 staff")
    ]


def test_a_qualifier_or_a_different_thing_counted_is_a_conflict() -> None:
    assert conflicts(
        "North Korea fired approximately 80 projectiles into the sea, South Korea said. "
        "North Korea fired more than 80 artillery shells into the sea, the military said."
    ) == [("approximately 80 projectiles", "more than 80 artillery shells")]


def test_killed_and_injured_or_added_counts_are_not_one_fact() -> None:
    assert (
        conflicts(
            "A suicide attack in the Gaza Strip injured four Israelis near the border crossing.",
            "A raid in the Gaza Strip killed 10 Israelis near the border crossing.",
        )
        == []
    )
    assert (
        conflicts(
            "Seven yachts retired from the Sydney to Hobart race overnight.",
            "Three more yachts retired from the Sydney to Hobart race overnight.",
        )
        == []
    )
    assert conflicts(
        "The storm killed 12 people in the coastal town of Port Lane, officials said.",
        "The storm killed 15 people in the coastal town of Port Lane, police said.",
    ) == [("12 people", "15 people")]


def test_the_low_end_of_a_range_shares_the_high_end_scale_word() -> None:
    values = [value for value, _, _ in numbers_of("The plan costs $400 to $500 million.")]
    assert values == [400e6, 500e6]
    # a low end already bigger than the scaled high end keeps its own value
    values = [value for value, _, _ in numbers_of("Prices went from $900 to $1 billion.")]
    assert values == [900.0, 1e9]


def test_cricket_scores_are_runs() -> None:
    text = (
        "Australia resumed at 2 for 69 and declared at 7 for 381, Gilchrist not out 83, "
        "before South Africa was dismissed late on the final day for 128."
    )
    assert [(m.value, m.unit) for m in scores_in_sentence(sentence_of(text))] == [
        (69.0, "runs"),
        (381.0, "runs"),
        (83.0, "runs"),
        (128.0, "runs"),
    ]
    assert scores_in_sentence(sentence_of("Turnout rose 5 for 100 per cent of seats.")) == []
