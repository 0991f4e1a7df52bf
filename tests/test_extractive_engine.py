"""The extractive engine on small crafted texts, and on the sample article."""

from __future__ import annotations

from pathlib import Path

from api.cache import cache_key_for
from api.engines.extractive import ExtractiveEngine
from api.extractive import EXTRACTIVE_VERSION
from api.extractive.numbers import numbers_in_sentence
from api.extractive.sentences import Sentence, sentence_spans
from api.schemas import Article, Brief, Polarity, Qualifier, SummaryRequest
from tests.extractive_texts import brief_of

SEED = Path(__file__).resolve().parent.parent / "seeds" / "korea-artillery-2022-11.txt"


def numbers_of(text: str) -> list[tuple[float, str, str | None, str]]:
    sentence = Sentence("a1", 0, 0, 0, len(text), text)
    return [(m.value, m.qualifier.value, m.unit, m.phrase) for m in numbers_in_sentence(sentence)]


def assert_evidence_exact(brief: Brief, texts: dict[str, str]) -> None:
    for item in (*brief.who, *brief.what, *brief.stance, *brief.numbers):
        assert item.evidence
        assert item.verified
        for span in item.evidence:
            assert texts[span.article][span.start : span.end] == span.text


def test_a_new_engine_version_gives_new_cache_keys() -> None:
    # Cached briefs of an older engine must not be served once its rules change.
    request = SummaryRequest(articles=[Article(id="a1", text="Police said two people died.")])
    identity = ExtractiveEngine().cache_identity(request)
    assert identity["version"] == EXTRACTIVE_VERSION
    older = {**identity, "version": "5"}
    assert cache_key_for(request, identity) != cache_key_for(request, older)


def test_sentences_do_not_split_after_abbreviations() -> None:
    text = "Mr. Kim met U.S. officials on Nov. 4. He left."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Mr. Kim met U.S. officials on Nov. 4.",
        "He left.",
    ]


def test_a_decade_or_a_sum_with_a_letter_ends_a_sentence() -> None:
    text = "Success came in the early 1960s. He wrote songs. Debt rose to $5m. The bank sold."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Success came in the early 1960s.",
        "He wrote songs.",
        "Debt rose to $5m.",
        "The bank sold.",
    ]


def test_title_becomes_role_and_short_name_is_an_alias() -> None:
    brief = brief_of(
        "US Defense Secretary Lloyd Austin arrived in Tokyo on Monday. "
        "Austin said the talks went well."
    )
    austin = next(actor for actor in brief.who if actor.name == "Lloyd Austin")
    assert austin.role == "US Defense Secretary"
    assert austin.aliases == ["Austin"]
    assert austin.type.value == "person"


def test_aliases_merge_across_articles() -> None:
    brief = brief_of(
        "The UN Security Council met on Friday to discuss the launches.",
        "Diplomats said the Security Council would vote. The Council adjourned.",
    )
    council = [actor for actor in brief.who if "Council" in actor.name]
    assert len(council) == 1
    assert council[0].name == "UN Security Council"
    assert council[0].aliases == ["Security Council", "Council"]
    assert council[0].articles == ["a1", "a2"]


def test_capitals_and_short_forms_are_country_aliases() -> None:
    # v4: a country named only as a setting ("officials in Washington") is not an actor, so the
    # capital acts here
    brief = brief_of("Seoul protested. Washington and the United States Navy agreed.")
    names = {actor.name: actor.aliases for actor in brief.who}
    assert names["South Korea"] == ["Seoul"]
    assert names["United States"] == ["Washington"]


def test_sentence_initial_common_words_are_not_names() -> None:
    brief = brief_of(
        "Other officials arrived later. Meanwhile the talks stalled in the capital. "
        "Officials said other talks would follow."
    )
    assert [actor.name for actor in brief.who] == []


def test_qualifiers_are_normalised() -> None:
    assert numbers_of("They fired approximately 80 projectiles and more than 80 shells.") == [
        (80.0, "about", "projectiles", "approximately 80 projectiles"),
        (80.0, "more than", "shells", "more than 80 shells"),
    ]
    assert numbers_of("At least 23 launches and up to 5 tests.") == [
        (23.0, "at least", "launches", "At least 23 launches"),
        (5.0, "up to", "tests", "up to 5 tests"),
    ]


def test_number_words_scales_and_thousands() -> None:
    assert numbers_of("Eighty tanks, 1.5 million people and 3,000 troops moved.") == [
        (80.0, "exact", "tanks", "Eighty tanks"),
        (1_500_000.0, "exact", "people", "1.5 million people"),
        (3000.0, "exact", "troops", "3,000 troops"),
    ]


def test_compound_counts_percent_and_money() -> None:
    assert numbers_of("The 15-member council cut 5% of a $2.5 billion fund.") == [
        (15.0, "exact", "member", "15-member council"),
        (5.0, "exact", "percent", "5%"),
        (2_500_000_000.0, "exact", "USD", "$2.5 billion"),
    ]


def test_years_are_years_not_counts() -> None:
    assert numbers_of("The first test since 2017 broke a 2018 deal; 2000 people fled.") == [
        (2017.0, "exact", "year", "since 2017"),
        (2018.0, "exact", "year", "2018"),
        (2000.0, "exact", "people", "2000 people"),
    ]


def test_ranges_dates_and_times_are_read_as_such() -> None:
    assert numbers_of("Between 10 and 20 people died on Nov. 4 at 3 p.m. in Flight 370.") == [
        (10.0, "at least", "people", "10"),
        (20.0, "up to", "people", "20 people"),
    ]


def test_same_value_and_unit_is_one_number_with_all_spans() -> None:
    first = "Police said 12 people were hurt in the blast."
    second = "Doctors treated 12 people after the blast."
    brief = brief_of(first, second)
    twelve = [n for n in brief.numbers if n.value == 12]
    assert len(twelve) == 1
    assert twelve[0].articles == ["a1", "a2"]
    assert [(s.article, s.text) for s in twelve[0].evidence] == [
        ("a1", "12 people"),
        ("a2", "12 people"),
    ]


def test_cross_article_disagreement_on_a_count() -> None:
    brief = brief_of(
        "The storm killed 12 people in the coastal town of Port Lane, officials said.",
        "The storm killed 15 people in the coastal town of Port Lane, police said.",
    )
    assert len(brief.disagreements) == 1
    claims = brief.disagreements[0].claims
    assert [(c.article, c.text) for c in claims] == [("a1", "12 people"), ("a2", "15 people")]


def test_one_article_disagreeing_with_itself_on_a_qualifier() -> None:
    brief = brief_of(
        "North Korea fired approximately 80 projectiles into the sea, South Korea said. "
        "North Korea fired more than 80 artillery shells into the sea, the military said."
    )
    assert [[c.text for c in d.claims] for d in brief.disagreements] == [
        ["approximately 80 projectiles", "more than 80 artillery shells"]
    ]
    eighty = [n for n in brief.numbers if n.value == 80]
    assert len(eighty) == 1
    assert eighty[0].qualifier is Qualifier.ABOUT


def test_quote_gives_stance_with_verbatim_quote() -> None:
    text = "Prime Minister John Howard condemned the attack, calling it “a cowardly act of terror”."
    brief = brief_of(text)
    assert len(brief.stance) == 1
    stance = brief.stance[0]
    assert (stance.actor, stance.polarity, stance.quote) == (
        "John Howard",
        Polarity.OPPOSE,
        "a cowardly act of terror",
    )
    assert stance.quote is not None
    assert stance.quote in text


def test_listed_supporters_after_a_colon_each_get_a_stance() -> None:
    brief = brief_of("Other members were in favor of this request: Albania, France, and Norway.")
    assert [(s.actor, s.polarity.value) for s in brief.stance] == [
        ("Albania", "support"),
        ("France", "support"),
        ("Norway", "support"),
    ]


def test_same_event_from_two_articles_is_one_item() -> None:
    brief = brief_of(
        "Rebels attacked the army base near Kandahar on Tuesday, killing four soldiers.",
        "Rebels attacked an army base near Kandahar on Tuesday and killed four soldiers.",
    )
    assert len(brief.what) == 1
    assert brief.what[0].articles == ["a1", "a2"]
    assert brief.what[0].when == "on Tuesday"
    assert brief.what[0].where == "Kandahar"


def test_options_cap_summary_and_lists() -> None:
    text = SEED.read_text(encoding="utf-8")
    brief = brief_of(text, max_summary_sentences=2, max_items=3)
    assert len(brief.who) == 3
    assert len(brief.numbers) == 3
    assert brief.summary.count(". ") + 1 == 2


def test_sample_article_brief() -> None:
    text = SEED.read_text(encoding="utf-8")
    brief = brief_of(text)
    names = {actor.name for actor in brief.who}
    assert {"Lloyd Austin", "Lee Jong Seop", "Park Jong-Chong", "UN Security Council"} <= names
    austin = next(actor for actor in brief.who if actor.name == "Lloyd Austin")
    assert austin.role == "US Defense Secretary"
    park = next(actor for actor in brief.who if actor.name == "Park Jong-Chong")
    assert park.role == "North Korea’s ruling Workers’ Party secretary"
    values = {(n.value, n.unit): n for n in brief.numbers}
    assert [s.text for s in values[(80, "projectiles")].evidence] == [
        "approximately 80 projectiles",
        "more than 80 artillery shells",
    ]
    assert values[(80, "projectiles")].qualifier is Qualifier.ABOUT
    assert [s.text for s in values[(2018, "year")].evidence] == ["2018"]
    assert [s.text for s in values[(2017, "year")].evidence] == ["since 2017"]
    assert [s.text for s in values[(15, "member")].evidence] == ["15-member council"]
    assert values[(23, "ICBM launches")].qualifier is Qualifier.AT_LEAST
    assert brief.headline == (
        "North Korea fired approximately 80 projectiles at its maritime border area overnight"
    )
    stances = {(s.actor, s.polarity.value) for s in brief.stance}
    assert ("Park Jong-Chong", "oppose") in stances
    assert ("United States", "support") in stances
    assert brief.provenance.engine == "extractive"
    grounding = brief.provenance.grounding
    assert grounding.checked == grounding.verified > 0
    assert_evidence_exact(brief, {"a1": text})


def test_build_is_deterministic() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert brief_of(text).model_dump() == brief_of(text).model_dump()
