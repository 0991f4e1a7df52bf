"""Disagreements: the same quantity given differently, by two articles or by one with itself.

Within one quantity (same value, same thing counted) a different qualifier is a conflict
("approximately 80 projectiles" vs "more than 80 artillery shells"); another noun alone is not
("20 companies" vs "Twenty manufacturers"). Across quantities,
different values of the same thing are one when the sentences tell the same fact: counts of one
noun (or of one kind of people: "2,000 employees" / "3,000 workers") in alike sentences ("12
killed" vs "15 killed"), unless one counts the killed and the other the injured, or one is an
addition ("three more yachts", "another 10 people"); and durations of the same thing in other
units ("a 43-month recession" / "four years of recession"). Every figure given for one quantity
becomes one claim of one disagreement.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol

from api.extractive.numbers import NumberGroup, NumberMention, parse_number, singular, stem
from api.extractive.sentences import Document, Sentence
from api.schemas import Qualifier

SAME_FACT_SHARED_WORDS = 3
# below this value, two counts of one noun are too often two facts ("two detainees" hurt
# themselves, "50 detainees" broke in): they need the closely worded sentences
MIN_LOOSE_VALUE = 10
# counts of one thing this far apart are different facts ("14 homes" in one suburb, "150
# homes" in the state), durations even sooner
MAX_COUNT_RATIO = 3.0
MAX_DURATION_RATIO = 2.5
MAX_CLAIMS = 4

# what happened to the people counted: "killed 10" and "injured four" are two facts
_OUTCOMES = (
    re.compile(r"\b(?:kill|killed|killing|dead|die|died|dying|death|deaths|fatalit\w*)\b", re.I),
    re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I),
)
# "three more yachts", "23 other members": an addition to a count, not another count of it
_ADDED = ("more ", "other ", "another ", "further ", "additional ")
# "another 10 people", "a further 20 homes": the words before the number say it is added
_ADDED_BEFORE = re.compile(
    r"\b(?:another|a further|further|an additional|additional|other|extra|the other)\s+$", re.I
)
# units of time, in minutes: "a 43-month recession" is "four years of recession" told otherwise
_DURATIONS = {
    "minute": 1.0,
    "hour": 60.0,
    "day": 1_440.0,
    "week": 10_080.0,
    "fortnight": 20_160.0,
    "month": 43_830.0,
    "year": 525_960.0,
    "decade": 5_259_600.0,
}
# "more than a week of negotiations", "roughly an hour": a duration of one unit in words
_ONE_UNIT = re.compile(
    r"\b(?:(?P<qualifier>more than|over|about|around|almost|nearly|roughly|less than|under|"
    r"at least|up to)\s+)?(?:a|an)\s+(?P<unit>minute|hour|day|week|fortnight|month|year|decade)"
    r"\b(?!\s+(?:ago|earlier|later|before|after|or)\b)",
    re.IGNORECASE,
)
_QUALIFIER_OF = {
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "almost": Qualifier.ABOUT,
    "nearly": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "less than": Qualifier.LESS_THAN,
    "under": Qualifier.LESS_THAN,
    "at least": Qualifier.AT_LEAST,
    "up to": Qualifier.UP_TO,
}
# the words that measure a duration: "seven days of talks", "the tape lasting an hour"
_OF_NOUN = re.compile(r"\s+of\s+(?P<words>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
_BEFORE_WORDS = re.compile(r"(?P<words>(?:[A-Za-z-]+\s+){1,3})$")
# other words for one thing, so that reports can name it differently
_SYNONYMS = {
    word: group[0]
    for group in (
        ("home", "house", "property", "dwelling", "residence"),
        ("talk", "negotiation", "discussion"),
        ("tape", "videotape", "video", "recording"),
        ("volunteer", "volunteer"),
    )
    for word in group
}
_STOPWORDS = frozenset(
    (
        "a an the of in on at to for from by with and or but into onto over under than that "
        "which who whom whose this these those its their his her our your was were is are be "
        "been being have has had will would could should may might can did do does not no as "
        "per each it they he she we you i them him us also more less about after before since "
        "during while when where said says say told there here what all some any other than "
        "then now just only very most many much such so if out up down off one two three four "
        "five six seven eight nine ten mr mrs ms dr"
    ).split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_WORKFORCE = frozenset("staff employee worker job personnel workforce".split())
# units of measure: two distances or weights in two reports are seldom one fact
_MEASURES = frozenset(
    (
        "metre meter kilometre kilometer mile foot feet inch hectare acre kilogram kilo gram "
        "tonne ton pound litre liter degree knot centimetre millimetre"
    ).split()
)
_MONEY = frozenset(
    "percent usd eur gbp jpy cny krw rub inr cent franc rupee peso dollar euro yuan".split()
)
# "80 kilometres an hour", "$30,000 a year": a rate, not an amount
_RATE_AFTER = re.compile(r"\s+(?:an?|per|each)\s+(?:hour|day|week|month|year|head)\b", re.I)


class Told(Protocol):
    """Words of one sentence that state a fact: ``sentence.text[start:end] == phrase``."""

    @property
    def sentence(self) -> Sentence: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def phrase(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Statement:
    """A stated fact that is not a number: a reaction, an accusation, a denial, a name."""

    sentence: Sentence
    start: int
    end: int
    phrase: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Mentions that state one fact differently (two or more), and what the fact is."""

    about: str
    mentions: tuple[Told, ...]

    @property
    def first(self) -> Told:
        return self.mentions[0]

    @property
    def second(self) -> Told:
        return self.mentions[1]


def _thing_counted(mention: NumberMention) -> str:
    return mention.unit or "the count"


def _about(mentions: Sequence[NumberMention]) -> str:
    named = [m for m in mentions if m.unit and not m.unit.split()[-1].isupper()]
    first = named[0] if named else mentions[0]
    phrases = [m.phrase for m in mentions]
    told = ", ".join(phrases[:-1]) + f" or {phrases[-1]}"
    if _is_duration(first):
        return f"how long: {told}"
    return f"how many {_thing_counted(first)}: {told}"


def _bare(mention: NumberMention) -> bool:
    """A number read without a noun ("Chasing 375", "around 1,000"): it names nothing to
    disagree about."""
    return not mention.unit


# a figure and the same figure "about", "at least" or "up to" it can both be true
_AGREEING = {Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.UP_TO}


def _qualifiers_differ(first: Qualifier, second: Qualifier) -> bool:
    """ "550" and "more than 550" differ, and so do "up to 50" and "at least 50"; "5,000" and
    "about 5,000" (or "up to five months" and "five months") tell the same figure."""
    if first == second:
        return False
    return not (Qualifier.EXACT in (first, second) and {first, second} & _AGREEING)


def _within(group: NumberGroup) -> tuple[NumberMention, NumberMention] | None:
    """The first mention and the first one that qualifies the quantity differently
    ("approximately 80 projectiles" / "more than 80 artillery shells"); a bare number is no
    conflict, and neither is another word for the same thing ("20 companies" / "Twenty
    manufacturers"). One article that gives a figure twice disagrees with itself only where
    both sentences tell the same fact: "a $14 billion rationale" and "more than $14 billion in
    revenue" are two figures that happen to be equal."""
    first = group.mentions[0]
    if first.is_year or _bare(first) or first.range_high:
        return None
    for other in group.mentions[1:]:
        if _bare(other) or other.range_high:
            continue
        if other.sentence.article == first.sentence.article and not _closely_worded(first, other):
            continue
        if _qualifiers_differ(first.qualifier, other.qualifier):
            return first, other
    return None


def conflicts_within(group: NumberGroup) -> list[Conflict]:
    pair = _within(group)
    return [] if pair is None else [Conflict(_about(pair), pair)]


# --- what a mention counts or measures --------------------------------------------------------


def _head(mention: NumberMention) -> str:
    """The thing counted, singular, one word for its synonyms: the noun after a compound count
    ("the 181-run partnership" counts partnerships, "the 30-kilometre blaze" measures
    kilometres), and the noun after an acronym ("Four hundred SES volunteers"); empty when
    there is none."""
    head = mention.unit_head
    unit = mention.unit or ""
    phrase = mention.phrase
    if "-" in phrase and not phrase.endswith(unit) and head not in _MEASURES:
        head = singular(phrase.split()[-1].lower())
    elif unit and unit.split()[-1].isupper():
        after = re.match(r"\s+([a-z][a-z-]+s)\b", mention.sentence.text[mention.end :])
        head = singular(after.group(1)) if after else ""
    return _SYNONYMS.get(head, head)


def _kind(mention: NumberMention) -> str:
    """The head, with every word for a workforce as one ("staff", "employees", "jobs")."""
    head = _head(mention)
    return "workforce" if head in _WORKFORCE else head


def _is_duration(mention: NumberMention) -> bool:
    return not mention.is_year and mention.unit_head in _DURATIONS


def _minutes(mention: NumberMention) -> float:
    return mention.value * _DURATIONS[mention.unit_head]


def _norm(word: str) -> str:
    word = singular(word.lower().removesuffix("'s").removesuffix("’s"))
    return _SYNONYMS.get(word, word)


def _content(words: str) -> set[str]:
    return {
        _norm(w) for w in _WORD.findall(words) if w.lower() not in _STOPWORDS and len(w) > 2
    } - set(_DURATIONS)


def _measured(mention: NumberMention) -> set[str]:
    """What a duration is the length of: the noun of a compound ("40-minute tape"), the words
    after "of" ("nine days of exhausting negotiations") or else the words before ("in recession
    for four years", "the videotape lasting roughly one hour")."""
    text = mention.sentence.text
    phrase = mention.phrase
    if "-" in phrase:
        return _content(phrase.split("-", 1)[1])
    after = _OF_NOUN.match(text, mention.end)
    if after:
        return _content(after.group("words"))
    before = _BEFORE_WORDS.search(text[: mention.start])
    return _content(before.group("words")) if before else set()


def _same_thing_measured(first: set[str], second: set[str]) -> bool:
    """One word in common, or one inside the other ("tape" and "videotape")."""
    return any(
        a == b or (len(a) >= 4 and len(b) >= 4 and (a in b or b in a))
        for a in first
        for b in second
    )


def _one_unit_durations(documents: Sequence[Document]) -> list[NumberMention]:
    """ "more than a week of negotiations", "about an hour": durations numbers.py leaves
    unread, kept only when a qualifier or "of" says they measure something."""
    found = []
    for document in documents:
        for sentence in document.sentences:
            for match in _ONE_UNIT.finditer(sentence.text):
                wanted = match.group("qualifier")
                if not wanted and not _OF_NOUN.match(sentence.text, match.end()):
                    continue
                qualifier = _QUALIFIER_OF.get((wanted or "").lower(), Qualifier.EXACT)
                found.append(
                    NumberMention(
                        sentence,
                        match.start(),
                        match.end(),
                        match.group(),
                        1.0,
                        qualifier,
                        match.group("unit").lower(),
                        False,
                        sentence.text,
                        frozenset(),
                    )
                )
    return found


# --- different values of one fact --------------------------------------------------------------


def _added(mention: NumberMention) -> bool:
    if (mention.unit or "").lower().startswith(_ADDED):
        return True
    return bool(_ADDED_BEFORE.search(mention.sentence.text[: mention.start]))


def _outcome(mention: NumberMention) -> int | None:
    """What the clause of a count says happened to those counted: killed (0) or hurt (1)."""
    found = [i for i, pattern in enumerate(_OUTCOMES) if pattern.search(mention.describes)]
    return found[0] if len(found) == 1 else None


def _different_outcomes(first: NumberMention, second: NumberMention) -> bool:
    outcomes = (_outcome(first), _outcome(second))
    return None not in outcomes and outcomes[0] != outcomes[1]


def _countable(mention: NumberMention) -> bool:
    """A count or a measure of something: not a year, a date, an age, an ordinal, money, a
    share or a rate, nor the high end of a range."""
    return not (
        mention.is_year
        or mention.ordinal
        or mention.range_high
        or not mention.unit
        or not _head(mention)
        or mention.unit_head in _MONEY
        or _head(mention) in _MONEY
        or mention.unit_head == "old"
        or (mention.unit or "").startswith("day of ")
        or _RATE_AFTER.match(mention.sentence.text, mention.end) is not None
    )


def _closely_worded(first: NumberMention, second: NumberMention) -> bool:
    """The two sentences share several words besides the thing counted."""
    shared = (first.context & second.context) - {stem(first.unit_head)}
    return len(shared) >= SAME_FACT_SHARED_WORDS + 1


class _Story:
    """What the rules need to know of the whole story: how rare each word is among its
    sentences, which count of each thing leads each article, and which sentences list several
    counts of one thing (a breakdown, or a running total beside an addition)."""

    def __init__(self, mentions: Sequence[NumberMention], sentences: Sequence[Sentence]) -> None:
        self.count: dict[str, int] = {}
        for sentence in sentences:
            for word in _content(sentence.text):
                self.count[word] = self.count.get(word, 0) + 1
        self.total = max(len(sentences), 1)
        self.words: dict[Sentence, set[str]] = {}
        self.leads: set[int] = set()
        seen: set[tuple[str, str]] = set()
        heads: dict[Sentence, list[str]] = {}
        ordered = sorted(
            (m for m in mentions if _countable(m) or _added(m)),
            key=lambda m: (m.sentence.article_order, m.sentence.index, m.start),
        )
        for mention in ordered:
            heads.setdefault(mention.sentence, []).append(_head(mention))
            key = (mention.sentence.article, _kind(mention))
            if key not in seen:
                seen.add(key)
                self.leads.add(id(mention))
        self.listing = {
            (sentence, head)
            for sentence, found in heads.items()
            for head in found
            if found.count(head) > 1
        }

    def weight(self, word: str) -> float:
        return math.log((1 + self.total) / (1 + self.count.get(word, 0)))

    def content(self, sentence: Sentence) -> set[str]:
        if sentence not in self.words:
            self.words[sentence] = _content(sentence.text)
        return self.words[sentence]

    def overlap(self, first: NumberMention, second: NumberMention) -> float:
        skip = {_head(first), _head(second), _norm(first.unit_head), _norm(second.unit_head)}
        shared = (self.content(first.sentence) & self.content(second.sentence)) - skip
        return sum(self.weight(word) for word in shared)

    def listed(self, mention: NumberMention) -> bool:
        return (mention.sentence, _head(mention)) in self.listing


def _ratio(first: float, second: float) -> float:
    low, high = sorted((first, second))
    return math.inf if low <= 0 else high / low


def _durations_conflict(first: NumberMention, second: NumberMention) -> bool:
    """Two lengths of one thing ("seven days of talks" / "more than a week of negotiations")."""
    minutes = (_minutes(first), _minutes(second))
    if minutes[0] == minutes[1] and not _qualifiers_differ(first.qualifier, second.qualifier):
        return False
    return _ratio(*minutes) <= MAX_DURATION_RATIO and _same_thing_measured(
        _measured(first), _measured(second)
    )


def _counts_conflict(first: NumberMention, second: NumberMention, story: _Story) -> bool:
    """Two counts of one thing: in closely worded sentences, or as the first count of that
    thing in each report (the figure it leads with), when neither is small nor far apart."""
    if first.value == second.value or _different_outcomes(first, second):
        return False
    if _head(first) == _head(second) and _closely_worded(first, second):
        return True
    if _kind(first) != _kind(second) or _head(first) in _MEASURES:
        return False
    if min(first.value, second.value) < MIN_LOOSE_VALUE:
        return False
    if _ratio(first.value, second.value) > MAX_COUNT_RATIO:
        return False
    return id(first) in story.leads and id(second) in story.leads


def _may_conflict(mention: NumberMention, story: _Story) -> bool:
    """A figure that can contradict another: a count or measure, not an addition ("three
    more") nor one of several counts of one thing in its sentence."""
    return _countable(mention) and not _added(mention) and not story.listed(mention)


def _pair_score(first: NumberMention, second: NumberMention, story: _Story) -> float | None:
    """How surely two mentions of different quantities give one fact differently (None: they
    do not). Both mentions already passed ``_may_conflict``."""
    if first.sentence.article == second.sentence.article:
        return None  # one report giving two figures tells two facts, or a total and a part
    durations = (_is_duration(first), _is_duration(second))
    if any(durations):
        if not all(durations) or not _durations_conflict(first, second):
            return None
    elif not _counts_conflict(first, second, story):
        return None
    return 1.0 + story.overlap(first, second)


def _best_pair(
    first: Sequence[NumberMention], second: Sequence[NumberMention], story: _Story
) -> tuple[float, NumberMention, NumberMention] | None:
    best = None
    for a in first:
        for b in second:
            score = _pair_score(a, b, story)
            if score is not None and (best is None or score > best[0]):
                best = (score, a, b)
    return best


def conflicts_across(
    groups: Sequence[NumberGroup], sentences: Sequence[Sentence] = ()
) -> list[Conflict]:
    """Different values of one fact: quantities that contradict each other join, and every
    quantity so joined is one disagreement with a claim for each figure (the mention that
    contradicts best, and its own other wording when the quantity disagrees with itself)."""
    mentions = [m for g in groups for m in g.mentions]
    story = _Story(mentions, sentences or list({m.sentence: None for m in mentions}))
    # Filtering each group's figures once keeps the pairing cheap on long stories.
    eligible = [[m for m in g.mentions if _may_conflict(m, story)] for g in groups]
    edges: list[tuple[float, int, int, NumberMention, NumberMention]] = []
    for i, first in enumerate(eligible):
        if not first:
            continue
        for j in range(i + 1, len(groups)):
            if not eligible[j]:
                continue
            found = _best_pair(first, eligible[j], story)
            if found is not None:
                edges.append((found[0], i, j, found[1], found[2]))
    parent = list(range(len(groups)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    chosen: dict[int, NumberMention] = {}
    for _, i, j, a, b in sorted(edges, key=lambda e: -e[0]):
        parent[root(j)] = root(i)
        chosen.setdefault(i, a)
        chosen.setdefault(j, b)
    members: dict[int, list[int]] = {}
    for i in sorted(chosen):
        members.setdefault(root(i), []).append(i)
    conflicts = []
    for indices in members.values():
        told: list[NumberMention] = []
        for i in indices:
            told.append(chosen[i])
            within = _within(groups[i])
            if within is not None:
                told.extend(m for m in within if m is not chosen[i])
        told = _distinct(told)[:MAX_CLAIMS]
        if len(told) >= 2:
            conflicts.append(Conflict(_about(told), tuple(told)))
    return conflicts


def _distinct(mentions: Sequence[NumberMention]) -> list[NumberMention]:
    """One mention per figure as worded, in order of the articles."""
    kept: list[NumberMention] = []
    for mention in sorted(
        mentions, key=lambda m: (m.sentence.article_order, m.sentence.index, m.start)
    ):
        if all(
            (m.value, m.qualifier, m.phrase) != (mention.value, mention.qualifier, mention.phrase)
            for m in kept
        ):
            kept.append(mention)
    return kept


# --- facts told differently in words ----------------------------------------------------------

# how someone took a decision or a verdict: "has welcomed the verdict" / "is disappointed with it"
_REACTION = re.compile(
    r"\b(?:(?P<good>welcom(?:ed|es|e|ing)|(?:is|was|are|were|feels?|felt)\s+(?:very\s+)?"
    r"(?:pleased|happy|delighted|satisfied|relieved))|(?P<bad>(?:is|was|are|were|feels?|felt)\s+"
    r"(?:very\s+|deeply\s+|bitterly\s+)?(?:disappointed|unhappy|upset|angry|dismayed|outraged)"
    r"|condemn(?:ed|s)?|criticis(?:ed|es)|criticiz(?:ed|es)))\b"
    r"(?:\s+(?:with|by|at|about|over))?(?P<object>(?:\s+[\w'’-]+){1,3}?\s+"
    r"(?P<noun>[a-z]+))\b",
)
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# the people a reaction is said of sit at most this far before it, in one sentence
_REACTION_REACH = 160
_DENIAL = re.compile(
    r"\b(?P<who>[A-Z][\w-]+)(?:['’]s)?\s+(?:has\s+|have\s+|had\s+)?(?:strongly\s+|flatly\s+)?"
    r"(?:denies|denied|deny|rejects|rejected)\s+(?:the\s+|any\s+|all\s+|these\s+|such\s+)?"
    r"(?:allegations?|accusations?|charges?|claims?|involvement|responsibility)\b"
)
_ACCUSATION = re.compile(
    r"\b(?:accus(?:es|ed|e|ing)|blam(?:es|ed|e|ing))\s+(?P<whom>[A-Z][\w-]+?)(?:['’]s)?\b"
)
_CLAUSE = re.compile(r"[,;:]\s|\s(?:but|while|whereas|although|though)\s")
_NAME_PAIR = re.compile(r"\b(?P<first>[A-Z][a-z]{2,})\s(?P<last>[A-Z][a-z]{3,})\b")
# two spellings of one surname after one first name: "Lionel Robbards" / "Lionel Roberts"
MIN_SPELLING_SIMILARITY = 0.65
MAX_SPELLING_LENGTH_GAP = 2


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``, between the nearest clause breaks."""
    before = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    after = _CLAUSE.search(text, end)
    finish = after.start() if after else len(text.rstrip(" ."))
    return (before[-1] if before else 0), max(finish, end)


def _statement(sentence: Sentence, start: int, end: int) -> Statement:
    return Statement(sentence, start, end, sentence.text[start:end])


def _reactions(sentences: Sequence[Sentence]) -> list[Conflict]:
    """One person said both to welcome and to regret one thing ("Bill Peel ... is disappointed
    with the verdict" / "Bill Peel ... has welcomed today's verdicts"), in two reports."""
    found: dict[tuple[str, str], dict[bool, Statement]] = {}
    for sentence in sentences:
        for match in _REACTION.finditer(sentence.text):
            window = sentence.text[max(0, match.start() - _REACTION_REACH) : match.start()]
            people = list(_PERSON.finditer(window))
            if not people:
                continue
            person = people[-1]
            start = match.start() - len(window) + person.start()
            key = (person.group().split()[-1], singular(match.group("noun").lower()))
            if key[1] in _STOPWORDS:
                continue
            said = _statement(sentence, start, match.end())
            sides = found.setdefault(key, {})
            good = match.group("good") is not None
            sides.setdefault(good, said)
    conflicts = []
    for (name, noun), sides in found.items():
        if len(sides) == 2 and sides[True].sentence.article != sides[False].sentence.article:
            pair = sorted(sides.values(), key=lambda s: (s.sentence.article_order, s.start))
            conflicts.append(Conflict(f"how {name} took the {noun}", tuple(pair)))
    return conflicts


def _accused_and_denying(sentences: Sequence[Sentence]) -> list[Conflict]:
    """One side accuses another, which denies it ("India accuses Pakistan's military
    intelligence of masterminding the assault" / "Pakistan denies the allegation")."""
    denials: dict[str, Statement] = {}
    for sentence in sentences:
        for match in _DENIAL.finditer(sentence.text):
            denials.setdefault(match.group("who"), _statement(sentence, match.start(), match.end()))
    conflicts = []
    for sentence in sentences:
        for match in _ACCUSATION.finditer(sentence.text):
            whom = match.group("whom")
            denial = denials.pop(whom, None)
            if denial is None:
                continue
            start, end = _clause_of(sentence.text, match.start(), match.end())
            accusation = _statement(sentence, start, end)
            conflicts.append(Conflict(f"whether {whom} is to blame", (accusation, denial)))
    return conflicts


def _respelled(one: str, other: str) -> bool:
    """Close spellings of one word, not a word and its inflection ("Australian"/"Australians",
    "Commission"/"Commissioner")."""
    if one[0] != other[0] or one.startswith(other) or other.startswith(one):
        return False
    if abs(len(one) - len(other)) > MAX_SPELLING_LENGTH_GAP:
        return False
    return SequenceMatcher(None, one.lower(), other.lower()).ratio() >= MIN_SPELLING_SIMILARITY


def _spellings(sentences: Sequence[Sentence]) -> list[Conflict]:
    """One person's name spelled two ways: the same first name before two close surnames that
    never meet another first name ("Lionel Robbards" / "Lionel Roberts")."""
    seen: dict[str, dict[str, Statement]] = {}
    firsts: dict[str, set[str]] = {}
    for sentence in sentences:
        for match in _NAME_PAIR.finditer(sentence.text):
            first, last = match.group("first"), match.group("last")
            firsts.setdefault(last, set()).add(first)
            seen.setdefault(first, {}).setdefault(
                last, _statement(sentence, match.start(), match.end())
            )
    conflicts = []
    for first, spellings in seen.items():
        names = [n for n in spellings if firsts[n] == {first}]
        for i, one in enumerate(names):
            for other in names[i + 1 :]:
                a, b = spellings[one], spellings[other]
                if a.sentence.article != b.sentence.article and _respelled(one, other):
                    about = f"how the name is spelled: {a.phrase} or {b.phrase}"
                    conflicts.append(Conflict(about, (a, b)))
    return conflicts


# A second figure given as disputing the first: "the CBO estimated $1 trillion, though the White
# House disputed that figure, putting it at closer to $800 billion", "organisers put the figure
# at 100,000".
# The words must point back at the first figure ("disputed that figure", "put it at"): "a
# disputed 1985 ruling" disputes no figure.
_FIGURE = r"(?:it|that|this|the)(?:\s+(?:figure|number|toll|total|count|cost|estimate|crowd))?"
_DISPUTE = re.compile(
    rf"\b(?:(?:disput|contest|challeng)\w*\s+{_FIGURE}|put(?:s|ting)?\s+{_FIGURE}\s+at)\b",
    re.IGNORECASE,
)


def _disputed_figures(
    groups: Sequence[NumberGroup], sentences: Sequence[Sentence]
) -> list[Conflict]:
    """A figure, then in its sentence or the next words of dispute that point back at it and a
    second figure of its kind: one read as a number, or the bare figure "put at" ("organisers
    put the figure at 100,000", "the agency put it at 6.4")."""
    mentions = sorted(
        (m for g in groups for m in g.mentions if not (m.is_year or m.range_high)),
        key=lambda m: (m.sentence.article_order, m.sentence.index, m.start),
    )
    by_place = {(s.article, s.index): s for s in sentences}
    found: list[Conflict] = []
    for index, first in enumerate(mentions):
        if not first.unit:
            continue
        following = by_place.get((first.sentence.article, first.sentence.index + 1))
        places = [(first.sentence, first.end)] + ([(following, 0)] if following else [])
        for sentence, offset in places:
            dispute = _DISPUTE.search(sentence.text, offset)
            if dispute is None:
                continue
            later = next(
                (
                    m
                    for m in mentions[index + 1 :]
                    if m.sentence is sentence
                    and m.start >= dispute.end()
                    and m.value != first.value
                ),
                None,
            )
            if later is not None and later.unit_head == first.unit_head:
                found.append(Conflict(_about([first, later]), (first, later)))
            else:
                bare = _PUT_AT_FIGURE.match(sentence.text, dispute.end())
                if (
                    bare
                    and dispute.group().lower().startswith("put")
                    and parse_number(bare.group("number"), bare.group("scale")) != first.value
                ):
                    told = Statement(
                        sentence, bare.start("figure"), bare.end(), bare.group("figure")
                    )
                    about = f"how many {_thing_counted(first)}: {first.phrase} or {told.phrase}"
                    found.append(Conflict(about, (first, told)))
            break
    return found


_PUT_AT_FIGURE = re.compile(
    r"\s+(?:(?:about|around|some|nearly|almost|more than|over)\s+)?"
    r"(?P<figure>(?P<number>\d[\d,]*(?:\.\d+)?)(?P<scale>\s+(?:million|billion))?)"
)


def find_conflicts(
    groups: Sequence[NumberGroup], documents: Sequence[Document] = ()
) -> list[Conflict]:
    """Every disagreement on a quantity: across quantities (each with its own qualifier
    variants), then the remaining quantities that disagree with themselves."""
    extra = [NumberGroup([m]) for m in _one_unit_durations(documents)]
    candidates = [*groups, *extra]
    sentences = [s for d in documents for s in d.sentences]
    across = conflicts_across(candidates, sentences)
    used = {id(m) for c in across for m in c.mentions}
    within = [
        c for g in groups for c in conflicts_within(g) if not any(id(m) in used for m in c.mentions)
    ]
    told = used | {id(m) for c in within for m in c.mentions}
    disputed = [
        c
        for c in _disputed_figures(groups, sentences)
        if not any(id(m) in told for m in c.mentions)
    ]
    worded = [
        *disputed,
        *_reactions(sentences),
        *_accused_and_denying(sentences),
        *_spellings(sentences),
    ]
    return within + across + worded
