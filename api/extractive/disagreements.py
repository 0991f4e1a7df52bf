"""Disagreements: the same quantity given differently, by two articles or by one with itself.

Within one quantity (same value, same thing counted) a different qualifier or noun is a
conflict ("approximately 80 projectiles" vs "more than 80 artillery shells"); across quantities,
different values counting the same noun in closely worded sentences are one ("12 killed" vs
"15 killed").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from api.extractive.numbers import NumberGroup, NumberMention, stem

SAME_FACT_SHARED_WORDS = 3


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two mentions that state one fact differently, and what the fact is."""

    about: str
    first: NumberMention
    second: NumberMention


def _thing_counted(mention: NumberMention) -> str:
    return mention.unit or "the count"


def conflicts_within(group: NumberGroup) -> list[Conflict]:
    """The first mention against the first one that qualifies or names the quantity differently."""
    first = group.mentions[0]
    if first.is_year:
        return []
    for other in group.mentions[1:]:
        if other.qualifier != first.qualifier or other.unit_head != first.unit_head:
            about = f"how many {_thing_counted(first)}: {first.phrase} or {other.phrase}"
            return [Conflict(about, first, other)]
    return []


def _same_fact(first: NumberMention, second: NumberMention) -> bool:
    if first.is_year or second.is_year or not first.unit_head or first.value == second.value:
        return False
    if first.unit_head != second.unit_head or first.sentence == second.sentence:
        return False
    if first.unit_head in {"percent", "usd", "eur", "gbp"}:
        return False
    shared = (first.context & second.context) - {stem(first.unit_head)}
    return len(shared) >= SAME_FACT_SHARED_WORDS + 1


def conflicts_across(groups: Sequence[NumberGroup]) -> list[Conflict]:
    """Different values for the same counted noun in closely worded sentences."""
    conflicts: list[Conflict] = []
    for index, group in enumerate(groups):
        for other in groups[index + 1 :]:
            pair = next(
                ((a, b) for a in group.mentions for b in other.mentions if _same_fact(a, b)),
                None,
            )
            if pair is not None:
                first, second = pair
                about = f"how many {_thing_counted(first)}: {first.phrase} or {second.phrase}"
                conflicts.append(Conflict(about, first, second))
    return conflicts


def find_conflicts(groups: Sequence[NumberGroup]) -> list[Conflict]:
    return [c for g in groups for c in conflicts_within(g)] + conflicts_across(groups)
