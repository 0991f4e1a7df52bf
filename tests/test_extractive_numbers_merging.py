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
from api.extractive.sentences import split_documents
from api.schemas import Article
from tests.extractive_texts import sentence_of


def numbers_of(text: str) -> list[tuple[float, str | None, str]]:
    return [(m.value, m.unit, m.phrase) for m in numbers_in_sentence(sentence_of(text))]


def groups_of(*texts: str) -> list[NumberGroup]:
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts, start=1)]
    return group_numbers(find_numbers(split_documents(articles)))


def kept(*texts: str) -> list[tuple[float, list[str]]]:
    groups = key_numbers(groups_of(*texts), len(texts))
    return [(g.value, [m.phrase for m in g.mentions]) for g in groups]


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
    other = "Australia beat South Africa by 246 runs in Adelaide."
    assert [value for value, _ in kept(text, other)] == [246.0, 5.0]
    # a single article is the whole story: its small counts are the story's
    assert [value for value, _ in kept(text)] == [246.0, 3.0, 5.0]


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


# --- round 4: scores, people, time points, ages, named dates, idioms --------------------------


def scores_of(text: str) -> list[tuple[float, str | None, str]]:
    return [(m.value, m.unit, m.phrase) for m in scores_in_sentence(sentence_of(text))]


def test_a_batsman_out_for_a_score_and_a_team_without_loss_are_runs() -> None:
    assert [value for value, _, _ in scores_of("The tourists fell for 277.")] == [277.0]
    assert [value for value, _, _ in scores_of("Kallis was caught behind for 38.")] == [38.0]
    assert [value for value, _, _ in scores_of("Lee trapped McKenzie leg before for 67.")] == [67.0]
    assert scores_of("Waugh removed Boucher for 43.") == [(43.0, "runs", "removed Boucher for 43")]
    assert [value for value, _, _ in scores_of("Australia is no wicket for 126.")] == [126.0]
    assert [value for value, _, _ in scores_of("The pair added 72 without loss.")] == [72.0]


def test_a_bowlers_figures_are_wickets_not_runs() -> None:
    assert scores_of("Lee took 3 for 77 and Glenn McGrath 2 for 66.") == [
        (3.0, "wickets", "3 for 77"),
        (2.0, "wickets", "2 for 66"),
    ]


def test_the_partner_after_not_out_has_a_score_too() -> None:
    assert [value for value, _, _ in scores_of("Langer was not out 67 and Matthew Hayden 55.")] == [
        67.0,
        55.0,
    ]


def test_equal_scores_of_one_report_are_two_innings() -> None:
    groups = groups_of(
        "At stumps Justin Langer was not out 67. Earlier Lee trapped McKenzie leg before for 67."
    )
    assert [[m.phrase for m in g.mentions] for g in groups] == [
        ["not out 67"],
        ["trapped McKenzie leg before for 67"],
    ]


DEEP = " ".join(
    f"Talks resumed after the {word} break."
    for word in "tea lunch rain drinks light bad wet long".split()
)


def test_a_small_count_of_people_deep_in_an_article_is_kept() -> None:
    text = f"Gunmen opened fire on a bus. {DEEP} The gunmen fled after wounding three settlers."
    assert [value for value, _ in kept(text)] == [3.0]


def test_people_listed_together_deep_in_an_article_are_left_out() -> None:
    other = "Bombs fell on a village near the border."
    text = f"Bombs fell on a village. {DEEP} The dead were five children, four women and five men."
    assert kept(text, other) == []
    text = f"Bombs fell on a village. {DEEP} He was one of two Palestinians who shot at the bus."
    assert kept(text, other) == []


def test_a_span_that_dates_an_event_is_kept() -> None:
    assert numbers_of("He has led it in the three decades since he split.") == [
        (3.0, "decades", "three decades")
    ]
    text = f"The accord was signed. {DEEP} It calls for elections in two years."
    assert [value for value, _ in kept(text)] == [2.0]
    assert [value for value, _ in kept("Hicks was captured three days ago.")] == [3.0]
    assert kept("The talks stalled after two days of hearings.", "The talks stalled.") == []


def test_an_age_is_kept_whoever_it_is_of() -> None:
    text = (
        "The footballer is back. He retired last year. Today, the 35-year-old changed his mind. "
        "He will turn 36 in March."
    )
    assert [value for value, _ in kept(text)] == [35.0, 36.0]
    text = "The guides were cleared. A father spoke. He lost his 26-year-old son in the gorge."
    assert [value for value, _ in kept(text)] == [26.0]


def test_a_date_that_names_past_events_is_background_everywhere() -> None:
    assert kept(
        "Tension rose after the December 13 attack on parliament.",
        "The hunt began after the September 11 attacks. He is sought over September 11.",
    ) == [(13.0, ["December 13"])]
    assert kept("Security rose after the attacks in the United States on September 11.") == []


def test_all_but_all_in_speech_is_a_manner_of_speaking() -> None:
    assert numbers_of('"I am not 100 per cent sure we will take it," he said.') == []
    assert numbers_of("Turnout reached 99 per cent in the capital.") == [
        (99.0, "percent", "99 per cent")
    ]


def test_people_counted_by_what_befell_them() -> None:
    assert numbers_of("Nineteen more were injured, he said.") == [
        (19.0, "injured", "Nineteen more were injured")
    ]


def test_counted_nouns_around_a_name_or_after_a_possessive() -> None:
    assert numbers_of("They killed 11 foreign Taliban fighters.") == [
        (11.0, "foreign Taliban fighters", "11 foreign Taliban fighters")
    ]
    assert numbers_of("A doctor treated six of Agha's men.") == [(6.0, "men", "six of Agha's men")]
    assert numbers_of("He is proposing three referenda.") == [(3.0, "referenda", "three referenda")]
