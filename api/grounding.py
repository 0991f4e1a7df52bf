"""Grounding: tie every item the model wrote to the exact words of the articles.

Pure functions, no I/O. The model returns quotes; each is located in the articles — exactly,
then after normalizing whitespace, quote marks, dashes and case (offsets mapped back to the
ORIGINAL text), then fuzzily — and becomes an ``Evidence`` span with
``article.text[start:end] == text``. Numbers must appear in their evidence and actors must be
named in some article. ``verified`` is set here, never by the model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from api.llm.schema import ActorItem, EventItem, NumberItem, Quote, StanceItem
from api.number_words import SCALES, SHORT_SCALES, TENS, UNITS
from api.schemas import (
    Actor,
    Article,
    Event,
    Evidence,
    GroundingCounts,
    NumberFact,
    Stance,
)

MatchMethod = Literal["exact", "normalized", "fuzzy"]

# Short quotes match too much by chance for fuzzy alignment to mean anything.
MIN_FUZZY_CHARS = 12

_CHAR_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
_OUTER_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class Span:
    """Where a quote was found: ``text[start:end]`` of one article."""

    start: int
    end: int
    method: MatchMethod
    score: float = 100.0


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold case, quote marks and dashes and collapse whitespace runs to one space.

    Returns the normalized string and, for each of its characters, the index of the character of
    ``text`` it came from, so a match in the normalized string maps back to original offsets.
    """
    chars: list[str] = []
    origin: list[int] = []
    pending_space = -1
    for index, char in enumerate(text):
        if char.isspace():
            if pending_space < 0:
                pending_space = index
            continue
        if pending_space >= 0:
            if chars:
                chars.append(" ")
                origin.append(pending_space)
            pending_space = -1
        for folded in _CHAR_FOLD.get(char, char).lower():
            chars.append(folded)
            origin.append(index)
    return "".join(chars), origin


def _strip_quote(quote: str) -> str:
    """Models often wrap a quote in quotation marks or add an ellipsis; neither is evidence."""
    stripped = quote.strip()
    while len(stripped) > 2 and stripped[0] in _OUTER_QUOTES and stripped[-1] in _OUTER_QUOTES:
        stripped = stripped[1:-1].strip()
    return stripped.strip(".…").strip() if stripped.endswith(("...", "…")) else stripped


def _expand_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Fuzzy alignment may cut a word; evidence should not start or end inside one."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def locate_quote(quote: str, text: str, fuzzy_threshold: float = 90.0) -> Span | None:
    """Find ``quote`` in ``text``: exactly, then normalized, then fuzzily (rapidfuzz
    ``partial_ratio`` alignment scoring at least ``fuzzy_threshold`` of 100)."""
    wanted = _strip_quote(quote)
    if not wanted:
        return None
    start = text.find(wanted)
    if start >= 0:
        return Span(start, start + len(wanted), "exact")
    norm_text, origin = normalize_with_offsets(text)
    norm_quote, _ = normalize_with_offsets(wanted)
    if not norm_quote or not norm_text:
        return None
    found = norm_text.find(norm_quote)
    if found >= 0:
        return Span(origin[found], origin[found + len(norm_quote) - 1] + 1, "normalized")
    if len(norm_quote) < MIN_FUZZY_CHARS or len(norm_quote) > len(norm_text):
        return None
    alignment = fuzz.partial_ratio_alignment(norm_quote, norm_text, score_cutoff=fuzzy_threshold)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    begin = origin[alignment.dest_start]
    finish = origin[alignment.dest_end - 1] + 1
    begin, finish = _expand_to_words(text, begin, finish)
    if finish <= begin:
        return None
    return Span(begin, finish, "fuzzy", round(alignment.score, 2))


def locate_evidence(
    quote: Quote, articles: Sequence[Article], fuzzy_threshold: float
) -> Evidence | None:
    """The evidence span for a model quote; the named article first, then the others (models
    sometimes attribute a correct quote to the wrong article id)."""
    ordered = sorted(articles, key=lambda article: article.id != quote.article)
    for article in ordered:
        span = locate_quote(quote.quote, article.text, fuzzy_threshold)
        if span is not None:
            return Evidence(
                article=article.id,
                start=span.start,
                end=span.end,
                text=article.text[span.start : span.end],
            )
    return None


# --- numbers ---------------------------------------------------------------------------------

_UNITS = {"zero": 0, **UNITS, "a": 1, "an": 1}
_SPECIAL = {"dozen": 12, "dozens": 12, "half": 0.5, "score": 20}
_SHORT_SCALES = {**SHORT_SCALES, "mn": 1_000_000, "b": 1e9}
_NUMERAL = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
    rf"(?:\s*-?\s*({'|'.join(sorted((*SCALES, *_SHORT_SCALES), key=len, reverse=True))})\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def _word_numbers(text: str) -> Iterable[float]:
    """Values of number-word phrases: "eighty", "twenty-three", "two hundred", "a dozen"."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    total = current = 0.0
    started = False
    after_article = False  # "a million" is a number; "million" alone ("1.5 million") is a scale
    previous_end = -1
    for word, begin, end in words:
        gap = text[previous_end:begin] if previous_end >= 0 else ""
        joined = started and gap.strip(" -").lower() in ("", "and")
        if not joined and started:
            yield total + current
            total = current = 0.0
            started = False
        if word in _SPECIAL and not started:
            yield _SPECIAL[word]
        if word in _UNITS and word not in ("a", "an"):
            current += _UNITS[word]
            started = True
        elif word in TENS:
            current += TENS[word]
            started = True
        elif word in SCALES and (started or after_article):
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1_000:
                total += current
                current = 0.0
            started = True
        elif word in ("a", "an"):
            pass
        elif started and word != "and":
            yield total + current
            total = current = 0.0
            started = False
        after_article = word in ("a", "an")
        previous_end = end
    if started:
        yield total + current


def numbers_in(text: str) -> set[float]:
    """Every value ``text`` states, in digits or words ("3,000", "1.5 million", "eighty").

    A numeral with a scale word yields both readings (1.5 and 1500000), because a model may
    report either ``value: 1.5, unit: "million"`` or ``value: 1500000``.
    """
    values: set[float] = set()
    for match in _NUMERAL.finditer(text):
        whole, fraction, scale = match.groups()
        value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
        values.add(value)
        if scale:
            factor = SCALES.get(scale.lower()) or _SHORT_SCALES.get(scale.lower())
            if factor:
                values.add(value * factor)
    values.update(_word_numbers(text))
    return values


def number_is_stated(value: float, text: str) -> bool:
    """Whether ``text`` states ``value`` (up to float rounding)."""
    return any(
        math.isclose(value, stated, rel_tol=1e-9, abs_tol=1e-9) for stated in numbers_in(text)
    )


# --- actors ----------------------------------------------------------------------------------


def mentions_of(names: Iterable[str], articles: Sequence[Article]) -> list[Evidence]:
    """The first mention of any of ``names`` in each article (whole words, normalized)."""
    found: list[Evidence] = []
    patterns = [
        re.compile(r"(?<!\w)" + re.escape(normalize_with_offsets(name)[0]) + r"(?!\w)")
        for name in names
        if normalize_with_offsets(name)[0]
    ]
    for article in articles:
        norm, origin = normalize_with_offsets(article.text)
        hits = [m for pattern in patterns if (m := pattern.search(norm))]
        if hits:
            first = min(hits, key=lambda m: m.start())
            start, end = origin[first.start()], origin[first.end() - 1] + 1
            found.append(
                Evidence(article=article.id, start=start, end=end, text=article.text[start:end])
            )
    return found


# --- whole briefs ----------------------------------------------------------------------------


@dataclass
class GroundedItems:
    """The brief's item lists after grounding, and what was checked."""

    who: list[Actor] = field(default_factory=list)
    what: list[Event] = field(default_factory=list)
    stance: list[Stance] = field(default_factory=list)
    numbers: list[NumberFact] = field(default_factory=list)
    counts: GroundingCounts = field(default_factory=GroundingCounts)


def _evidence_for(
    quotes: Sequence[Quote], articles: Sequence[Article], threshold: float
) -> list[Evidence]:
    spans: list[Evidence] = []
    for quote in quotes:
        evidence = locate_evidence(quote, articles, threshold)
        if evidence is not None and all(
            (e.article, e.start, e.end) != (evidence.article, evidence.start, evidence.end)
            for e in spans
        ):
            spans.append(evidence)
    return spans


def _article_ids(spans: Iterable[Evidence], articles: Sequence[Article]) -> list[str]:
    ids = {span.article for span in spans}
    return [article.id for article in articles if article.id in ids]


def ground_actor(item: ActorItem, articles: Sequence[Article], threshold: float) -> Actor:
    """Verified when the name (or an alias) is mentioned in some article."""
    evidence = _evidence_for(item.evidence, articles, threshold)
    mentions = mentions_of([item.name, *item.aliases], articles)
    if not evidence and mentions:
        evidence = [mentions[0]]  # the mention itself is the best evidence there is
    return Actor(
        name=item.name,
        type=item.type,
        role=item.role,
        aliases=item.aliases,
        articles=_article_ids([*mentions, *evidence], articles),
        evidence=evidence,
        verified=bool(mentions),
    )


def ground_event(item: EventItem, articles: Sequence[Article], threshold: float) -> Event:
    """Verified when at least one quote is located."""
    evidence = _evidence_for(item.evidence, articles, threshold)
    return Event(
        description=item.description,
        when=item.when,
        where=item.where,
        articles=_article_ids(evidence, articles),
        evidence=evidence,
        verified=bool(evidence),
    )


def ground_stance(item: StanceItem, articles: Sequence[Article], threshold: float) -> Stance:
    """Verified when a quote is located and the actor is named in some article."""
    evidence = _evidence_for(item.evidence, articles, threshold)
    actor_named = bool(mentions_of([item.actor], articles))
    return Stance(
        actor=item.actor,
        target=item.target,
        polarity=item.polarity,
        position=item.position,
        quote=evidence[0].text if evidence else None,
        evidence=evidence,
        verified=bool(evidence) and actor_named,
    )


def ground_number(item: NumberItem, articles: Sequence[Article], threshold: float) -> NumberFact:
    """Verified when the value appears in one of its located quotes."""
    evidence = _evidence_for(item.evidence, articles, threshold)
    stating = [span for span in evidence if number_is_stated(item.value, span.text)]
    value: int | float = int(item.value) if float(item.value).is_integer() else item.value
    return NumberFact(
        value=value,
        unit=item.unit,
        qualifier=item.qualifier,
        describes=item.describes,
        articles=_article_ids(stating or evidence, articles),
        evidence=stating or evidence,
        verified=bool(stating),
    )


def ground_items(
    *,
    who: Sequence[ActorItem],
    what: Sequence[EventItem],
    stance: Sequence[StanceItem],
    numbers: Sequence[NumberItem],
    articles: Sequence[Article],
    fuzzy_threshold: float,
    drop_unverified: bool,
    max_items: int | None = None,
) -> GroundedItems:
    """Ground every item; unverified ones stay (``verified=False``) or are dropped."""
    result = GroundedItems()
    counts = result.counts

    def keep(items: list[Actor] | list[Event] | list[Stance] | list[NumberFact]) -> list[int]:
        kept: list[int] = []
        for index, item in enumerate(items):
            counts.checked += 1
            if item.verified:
                counts.verified += 1
            if item.verified or not drop_unverified:
                kept.append(index)
            else:
                counts.dropped += 1
        return kept[:max_items] if max_items else kept

    actors = [ground_actor(item, articles, fuzzy_threshold) for item in who]
    events = [ground_event(item, articles, fuzzy_threshold) for item in what]
    stances = [ground_stance(item, articles, fuzzy_threshold) for item in stance]
    facts = [ground_number(item, articles, fuzzy_threshold) for item in numbers]
    result.who = [actors[i] for i in keep(actors)]
    result.what = [events[i] for i in keep(events)]
    result.stance = [stances[i] for i in keep(stances)]
    result.numbers = [facts[i] for i in keep(facts)]
    return result
