"""Stances: who said, warned, pledged, condemned or called for what.

A reporting or stance verb (or phrase such as "called for", "in favor of") is tied to the actors
that are its subject: the named actors right before it, coordinated by "and"; the list after a
colon ("were in favor: Albania, France and Norway"); the source of "according to"; or, for "it"
and "he", the actor of the surrounding clause. The verb gives the polarity; a neutral verb
("said", "claimed") takes it from the words of what was said.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from api.extractive.actors import Entity, Mention
from api.extractive.sentences import Document, Sentence
from api.extractive.verbs import (
    NEGATIVE_WORDS,
    POSITIVE_WORDS,
    STANCE_PHRASES,
    STANCE_VERBS,
)
from api.schemas import Polarity

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_QUOTE = re.compile(r"“([^”]{3,}?)”|\"([^\"]{3,}?)\"")
_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|as well as)\s+)?$")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_CONTRAST = frozenset({"but", "however", "although", "though", "yet"})
_PRONOUNS = {"he": "person", "she": "person", "it": "other", "they": "other"}
_AUXILIARIES = frozenset({"had", "has", "have", "would", "will", "also", "later", "then", "was"})
_COMPLEMENT_WORDS = 25


@dataclass(frozen=True, slots=True)
class Trigger:
    """A stance verb or phrase in a sentence (offsets local to the sentence)."""

    start: int
    end: int
    word: str
    polarity: Polarity


@dataclass(frozen=True, slots=True)
class StanceFinding:
    """One actor's stance as read from one sentence."""

    entity: Entity
    polarity: Polarity
    target: str
    position: str
    quote: str | None
    sentence: Sentence
    start: int
    end: int


def find_triggers(text: str) -> list[Trigger]:
    """Stance verbs and phrases of a sentence, in order."""
    triggers: list[Trigger] = []
    lowered = text.lower()
    for phrase, polarity in STANCE_PHRASES.items():
        for match in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            triggers.append(Trigger(match.start(), match.end(), phrase, polarity))
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if not (match.group()[:1].islower() or word == "according"):
            continue  # "United States" is not a verb
        if word in STANCE_VERBS and not any(t.start <= match.start() < t.end for t in triggers):
            if word == "according" and not lowered.startswith(" to", match.end()):
                continue
            end = match.end() + (3 if word == "according" else 0)
            triggers.append(Trigger(match.start(), end, word, STANCE_VERBS[word]))
    return sorted(triggers, key=lambda t: t.start)


def complement_of(text: str, trigger: Trigger) -> str:
    """What follows the verb, to the end of its clause, without a leading "that"."""
    rest = text[trigger.end :]
    words = rest.split()
    complement = " ".join(words[:_COMPLEMENT_WORDS]).strip(" ,.;:")
    return re.sub(r"^(?:that|to|of)\s+", "", complement)


def polarity_of(trigger: Trigger, complement: str) -> Polarity:
    """The verb's polarity, or for a neutral verb the one its complement's words carry."""
    if trigger.polarity is not Polarity.NEUTRAL:
        return trigger.polarity
    words = {w.lower().strip("’'") for w in _WORD.findall(complement)}
    negative = bool(words & NEGATIVE_WORDS)
    positive = bool(words & POSITIVE_WORDS)
    if negative and positive and words & _CONTRAST:
        return Polarity.MIXED
    if negative:
        return Polarity.OPPOSE
    if positive:
        return Polarity.SUPPORT
    return Polarity.NEUTRAL


def _coordinated_group(
    text: str, mentions: Sequence[tuple[Mention, Entity]], last: int
) -> list[tuple[Mention, Entity]]:
    """The mention at ``last`` and the ones joined to it by "and" or commas before it."""
    group = [mentions[last]]
    index = last
    while index > 0:
        previous, current = mentions[index - 1], mentions[index]
        gap = text[previous[0].end : current[0].start]
        if current[0].role and gap.rstrip().endswith(current[0].role):
            gap = gap.rstrip()[: -len(current[0].role)]
        if not _COORDINATION.match(gap):
            break
        group.insert(0, previous)
        index -= 1
    return group


def _colon_list(
    text: str, mentions: Sequence[tuple[Mention, Entity]], after: int
) -> list[tuple[Mention, Entity]]:
    """ "...in favor of this request: Albania, Great Britain, France, and Norway"."""
    colon = text.find(":", after)
    if colon < 0:
        return []
    listed = [pair for pair in mentions if pair[0].start > colon]
    if len(listed) < 2:
        return []
    gaps = [text[a[0].end : b[0].start] for a, b in itertools.pairwise(listed)]
    if not text[colon + 1 : listed[0][0].start].strip() and all(map(_LIST_GAP.match, gaps)):
        return listed
    return []


def _clause_start(text: str, position: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def holders_of(
    sentence: Sentence,
    trigger: Trigger,
    mentions: Sequence[tuple[Mention, Entity]],
    previous_holders: Sequence[tuple[Mention, Entity]],
) -> list[tuple[Mention, Entity]]:
    """The actors whose stance the trigger reports."""
    text = sentence.text
    subjects = [pair for pair in mentions if not pair[0].in_role]
    listed = _colon_list(text, subjects, trigger.end)
    if listed:
        return listed
    if trigger.word == "according":
        end = text.find(",", trigger.end)
        end = len(text) if end < 0 else end
        sources = [p for p in subjects if trigger.end <= p[0].start < end]
        if sources:
            return _coordinated_group(text, sources, 0)[:1] + sources[1:]
        after = [p for p in subjects if p[0].start > end]
        return _coordinated_group(text, after, _leading_group_end(text, after)) if after else []
    clause_start = _clause_start(text, trigger.start)
    before = [p for p in subjects if clause_start <= p[0].start and p[0].end <= trigger.start]
    if before:
        nearest = before[-1]
        between = text[nearest[0].end : trigger.start]
        if len(between.split()) <= 6:
            return _coordinated_group(text, before, len(before) - 1)
    pronoun = _pronoun_before(text, trigger.start)
    if pronoun is not None:
        if previous_holders:
            return list(previous_holders)
        return []
    after_verb = [p for p in subjects if trigger.end <= p[0].start <= trigger.end + 2]
    return after_verb[:1]


def _leading_group_end(text: str, mentions: Sequence[tuple[Mention, Entity]]) -> int:
    index = 0
    while index + 1 < len(mentions):
        gap = text[mentions[index][0].end : mentions[index + 1][0].start]
        role = mentions[index + 1][0].role
        if role and gap.rstrip().endswith(role):
            gap = gap.rstrip()[: -len(role)]
        if not _COORDINATION.match(gap):
            break
        index += 1
    return index


def _pronoun_before(text: str, position: int) -> str | None:
    words = text[:position].split()
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    if words and words[-1].lower() in _PRONOUNS:
        return words[-1].lower()
    return None


def quote_in(text: str) -> str | None:
    """The first quoted passage of a sentence, verbatim, without its quotation marks."""
    match = _QUOTE.search(text)
    if match is None:
        return None
    return match.group(1) or match.group(2)


def _target_of(
    sentence: str, complement: str, mentions: Sequence[tuple[Mention, Entity]], after: int
) -> str:
    """What the stance is about: the first actor named after the verb and its holders, else the
    first words of the complement."""
    clause_end = len(sentence)
    for match in re.finditer(r"[:;]", sentence):
        if match.start() >= after:
            clause_end = match.start()
            break
    for mention, entity in mentions:
        near = len(sentence[after : mention.start].split()) <= 3
        if after <= mention.start < clause_end and not mention.in_role and near:
            return entity.name
    words = re.split(r"[:;]", complement)[0].split()
    return " ".join(words[:6])


def stances_in_sentence(
    sentence: Sentence, mentions: Sequence[tuple[Mention, Entity]]
) -> list[StanceFinding]:
    """Every (actor, polarity) that the sentence's stance verbs report."""
    findings: list[StanceFinding] = []
    previous: list[tuple[Mention, Entity]] = []
    quote = quote_in(sentence.text)
    triggers = find_triggers(sentence.text)
    for trigger in triggers:
        holders = holders_of(sentence, trigger, mentions, previous)
        if not holders:
            continue
        if trigger.word == "according" and holders[0][0].start > trigger.end:
            comma = sentence.text.find(",", trigger.end)
            if any(other.start > comma for other in triggers) and comma > 0:
                continue  # the main clause has its own verb: "according to sources, X requested"
        previous = holders
        complement = complement_of(sentence.text, trigger)
        position = f"{trigger.word} {complement}"
        if trigger.word == "according":
            complement = sentence.text[sentence.text.find(",", trigger.end) + 1 :].strip(" .")
            position = complement
        polarity = polarity_of(trigger, complement)
        holders_end = max(pair[0].end for pair in holders)
        target = _target_of(sentence.text, complement, mentions, max(trigger.end, holders_end))
        start = min(trigger.start, holders[0][0].start)
        end = len(sentence.text.rstrip(" ."))
        for _, entity in holders:
            findings.append(
                StanceFinding(
                    entity,
                    polarity,
                    target,
                    position.strip(),
                    quote,
                    sentence,
                    start,
                    end,
                )
            )
    return findings


def mentions_by_sentence(
    entities: Sequence[Entity],
) -> dict[tuple[str, int], list[tuple[Mention, Entity]]]:
    """Each sentence's actor mentions in reading order."""
    table: dict[tuple[str, int], list[tuple[Mention, Entity]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            key = (mention.sentence.article, mention.sentence.index)
            table.setdefault(key, []).append((mention, entity))
    for pairs in table.values():
        pairs.sort(key=lambda pair: pair[0].start)
    return table


def find_stances(documents: Sequence[Document], entities: Sequence[Entity]) -> list[StanceFinding]:
    """All stance findings of the story, in reading order."""
    table = mentions_by_sentence(entities)
    findings: list[StanceFinding] = []
    for document in documents:
        for sentence in document.sentences:
            mentions = table.get((sentence.article, sentence.index), [])
            if mentions:
                findings.extend(stances_in_sentence(sentence, mentions))
    return findings
