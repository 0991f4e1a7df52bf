"""Disagreements: the same quantity given differently, by two articles or by one with itself.

Within one quantity (same value, same thing counted) a different qualifier or noun is a
conflict ("approximately 80 projectiles" vs "more than 80 artillery shells"); across quantities,
different values counting the same noun in closely worded sentences are one ("12 killed" vs
"15 killed"), unless one counts the killed and the other the injured, or one is an addition
("three more yachts").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from api.extractive.numbers import NumberGroup, NumberMention, compatible_units, stem

SAME_FACT_SHARED_WORDS = 3
# what happened to the people counted: "killed 10" and "injured four" are two facts
_OUTCOMES = (
    re.compile(r"\b(?:kill|killed|killing|dead|die|died|dying|death|deaths|fatalit\w*)\b", re.I),
    re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I),
)
# "three more yachts", "23 other members": an addition to a count, not another count of it
_ADDED = ("more ", "other ", "another ", "further ", "additional ")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two mentions that state one fact differently, and what the fact is."""

    about: str
    first: NumberMention
    second: NumberMention


def _thing_counted(mention: NumberMention) -> str:
    return mention.unit or "the count"


def _bare(mention: NumberMention) -> bool:
    """A number read without a noun ("Chasing 375", "around 1,000"): it names nothing to
    disagree about."""
    return not mention.unit


def _names_differently(first: NumberMention, other: NumberMention) -> bool:
    """Another noun for the quantity, not merely another word for the same people ("staff" and
    "employees", "people" and "Israelis") nor a mention without a noun."""
    if first.unit_head == other.unit_head or not first.unit or not other.unit:
        return False
    return not compatible_units(first, other)


def conflicts_within(group: NumberGroup) -> list[Conflict]:
    """The first mention against the first one that qualifies or names the quantity differently
    ("approximately 80 projectiles" / "more than 80 artillery shells"); a bare number or another
    word for the same people is no conflict."""
    first = group.mentions[0]
    if first.is_year or _bare(first):
        return []
    for other in group.mentions[1:]:
        if _bare(other):
            continue
        if other.qualifier != first.qualifier or _names_differently(first, other):
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
    if any((m.unit or "").lower().startswith(_ADDED) for m in (first, second)):
        return False
    if _different_outcomes(first, second):
        return False
    shared = (first.context & second.context) - {stem(first.unit_head)}
    return len(shared) >= SAME_FACT_SHARED_WORDS + 1


def _outcome(mention: NumberMention) -> int | None:
    """What the clause of a count says happened to those counted: killed (0) or hurt (1)."""
    found = [i for i, pattern in enumerate(_OUTCOMES) if pattern.search(mention.describes)]
    return found[0] if len(found) == 1 else None


def _different_outcomes(first: NumberMention, second: NumberMention) -> bool:
    outcomes = (_outcome(first), _outcome(second))
    return None not in outcomes and outcomes[0] != outcomes[1]


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
