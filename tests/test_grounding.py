"""Grounding: quotes become exact evidence spans; numbers and actors are checked, not trusted."""

from __future__ import annotations

from typing import Any

import pytest

from api.grounding import (
    ground_items,
    locate_evidence,
    locate_quote,
    mentions_of,
    normalize_with_offsets,
    number_is_stated,
    numbers_in,
)
from api.llm.schema import ActorItem, EventItem, NumberItem, Quote, StanceItem
from api.schemas import ActorType, Article, Polarity, Qualifier

TEXT = (
    "South Korea said North Korea fired approximately 80 projectiles overnight.\n"
    "The military  said it was a “clear violation” of the 2018 agreement,\n"
    "and that more than eighty artillery shells landed near the border."
)


def test_exact_quote_is_located_at_its_offsets() -> None:
    span = locate_quote("North Korea fired approximately 80 projectiles", TEXT)
    assert span is not None
    assert span.method == "exact"
    assert TEXT[span.start : span.end] == "North Korea fired approximately 80 projectiles"


def test_whitespace_and_quote_marks_are_normalised_but_offsets_are_original() -> None:
    span = locate_quote('The military said it was a "clear violation"', TEXT)
    assert span is not None
    assert span.method == "normalized"
    assert TEXT[span.start : span.end] == "The military  said it was a “clear violation”"


def test_case_and_wrapping_quotes_are_ignored() -> None:
    span = locate_quote('"south korea said north korea fired"', TEXT)
    assert span is not None
    assert TEXT[span.start : span.end] == "South Korea said North Korea fired"


def test_near_quote_is_located_fuzzily_on_word_boundaries() -> None:
    span = locate_quote("more than eighty artillery shells landed close to the border", TEXT, 85)
    assert span is not None
    assert span.method == "fuzzy"
    assert span.score >= 85
    located = TEXT[span.start : span.end]
    assert located.startswith("more than eighty artillery shells landed near the border")
    # never a cut word at either end
    assert not TEXT[span.start - 1].isalnum()
    assert span.end == len(TEXT) or not TEXT[span.end].isalnum()


def test_invented_quote_is_not_located() -> None:
    assert locate_quote("The minister said the moon is made of green cheese", TEXT) is None


def test_short_quotes_are_not_matched_fuzzily() -> None:
    assert locate_quote("Korea fird", TEXT) is None


def test_normalize_maps_every_char_to_its_origin() -> None:
    norm, origin = normalize_with_offsets("A  “B”\n\tc—d")
    assert norm == 'a "b" c-d'
    assert [("A  “B”\n\tc—d")[i] for i in origin] == ["A", " ", "“", "B", "”", "\n", "c", "—", "d"]


def test_quote_attributed_to_the_wrong_article_is_found_in_the_right_one() -> None:
    articles = [Article(id="a", text="Nothing here at all."), Article(id="b", text=TEXT)]
    evidence = locate_evidence(Quote(article="a", quote="fired approximately 80"), articles, 90)
    assert evidence is not None
    assert evidence.article == "b"
    assert TEXT[evidence.start : evidence.end] == evidence.text == "fired approximately 80"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("approximately 80 projectiles", 80),
        ("more than eighty shells", 80),
        ("twenty-three launches", 23),
        ("1.5 million people", 1_500_000),
        ("1.5 million people", 1.5),
        ("3,000 troops", 3000),
        ("two hundred and five men", 205),
        ("a million people", 1_000_000),
        ("$2.5bn deal", 2_500_000_000),
        ("a dozen ships", 12),
        ("12% rise", 12),
        ("$3.2tn in value", 3_200_000_000_000),
        ("5 mln barrels", 5_000_000),
        ("Rs 500 crore", 5_000_000_000),
        ("2 lakh jobs", 200_000),
    ],
)
def test_number_words_and_formats_are_normalised(text: str, value: float) -> None:
    assert number_is_stated(value, text)


def test_scale_word_alone_is_not_a_number() -> None:
    assert numbers_in("1.5 million people") == {1.5, 1_500_000}
    assert numbers_in("hundreds of people") == set()


def test_number_not_in_text_is_not_stated() -> None:
    assert not number_is_stated(81, "approximately 80 projectiles in 2018")
    assert not number_is_stated(18, "in 2018")


def test_actor_mentions_are_whole_words_in_any_article() -> None:
    articles = [Article(id="a", text="Seoul said so."), Article(id="b", text="North Korea’s army")]
    found = mentions_of(["north korea"], articles)
    assert [(e.article, e.text) for e in found] == [("b", "North Korea")]
    assert mentions_of(["Korea North"], articles) == []
    assert mentions_of(["Seo"], articles) == []


def _items(quote: str, value: float, actor: str) -> dict[str, Any]:
    evidence = [Quote(article="a", quote=quote)]
    return {
        "who": [
            ActorItem(name=actor, type=ActorType.COUNTRY, role=None, aliases=[], evidence=evidence)
        ],
        "what": [EventItem(description="fired", when=None, where=None, evidence=evidence)],
        "stance": [
            StanceItem(
                actor=actor,
                target="the firing",
                polarity=Polarity.OPPOSE,
                position="condemns it",
                evidence=evidence,
            )
        ],
        "numbers": [
            NumberItem(
                value=value,
                unit="projectiles",
                qualifier=Qualifier.ABOUT,
                describes="projectiles fired",
                evidence=evidence,
            )
        ],
    }


def test_grounded_brief_items_are_verified_with_exact_spans() -> None:
    articles = [Article(id="a", text=TEXT)]
    result = ground_items(
        **_items("North Korea fired approximately 80 projectiles", 80, "South Korea"),
        articles=articles,
        fuzzy_threshold=90,
        drop_unverified=False,
    )
    items = [*result.who, *result.what, *result.stance, *result.numbers]
    assert all(item.verified for item in items)
    for item in items:
        for span in item.evidence:
            assert TEXT[span.start : span.end] == span.text
    assert result.numbers[0].value == 80
    assert isinstance(result.numbers[0].value, int)
    assert result.stance[0].quote == "North Korea fired approximately 80 projectiles"
    assert (result.counts.checked, result.counts.verified, result.counts.dropped) == (4, 4, 0)


def test_hallucinations_are_unverified_or_dropped() -> None:
    articles = [Article(id="a", text=TEXT)]
    kwargs = _items("The moon is made of cheese, said the minister", 99, "Atlantis")
    kept = ground_items(**kwargs, articles=articles, fuzzy_threshold=90, drop_unverified=False)
    assert [i.verified for i in [*kept.who, *kept.what, *kept.stance, *kept.numbers]] == [False] * 4
    assert kept.what[0].evidence == []
    dropped = ground_items(**kwargs, articles=articles, fuzzy_threshold=90, drop_unverified=True)
    assert (dropped.who, dropped.what, dropped.stance, dropped.numbers) == ([], [], [], [])
    assert (dropped.counts.checked, dropped.counts.verified, dropped.counts.dropped) == (4, 0, 4)


def test_number_must_appear_in_its_evidence() -> None:
    articles = [Article(id="a", text=TEXT)]
    result = ground_items(
        **_items("North Korea fired approximately 80 projectiles", 81, "South Korea"),
        articles=articles,
        fuzzy_threshold=90,
        drop_unverified=False,
    )
    assert result.what[0].verified
    assert not result.numbers[0].verified
    assert result.numbers[0].evidence[0].text == "North Korea fired approximately 80 projectiles"
