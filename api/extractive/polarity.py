"""Polarity: which side a reported stance takes.

A stance verb gives its side ("condemned", "welcomed"), flipped when negated ("did not
support"); a neutral verb ("said") takes the side of the words of what was said ("not
acceptable", "a good start"), with phrases ("does not wash"), obligation ("must be separated")
and concession ("a good outcome, but ...") read in context. Who holds the stance is
``api.extractive.stance``'s business.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from api.extractive.sentences import Document
from api.extractive.verbs import (
    LOSS_WORDS,
    NEGATIVE_WORDS,
    NEGATORS,
    POSITIVE_WORDS,
    SORROW_WORDS,
    phrase_matches,
)
from api.schemas import Polarity

# A word may hold single hyphens ("cop-killer"), not a dash written as two ("Plosser--dissented").
WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]|-(?!-))*")

# Both sides at least this strong, the weaker at least this share of the stronger: mixed.
MIXED_MINIMUM = 2.0
MIXED_SHARE = 0.75
TOPIC_WEIGHT = 0.25
OPPOSED_GOOD_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Trigger:
    """A stance verb or phrase in a sentence (offsets local to the sentence)."""

    start: int
    end: int
    word: str
    polarity: Polarity


_DETERMINERS = frozenset(
    "the a an its his her their our my your this these those that any some no every each "
    "such another strong widespread fewer few many several".split()
)
# Words that take a noun, so a stance word after them is one ("sparked calls for an inquiry",
# "amid mounting attacks", "despite repeated warnings").
_NOUN_TAKERS = frozenset(
    "sparked prompted triggered renewed growing mounting amid despite ignored heeded fresh "
    "repeated new".split()
)


def used_as_noun(text: str, position: int) -> bool:
    """The word at ``position`` follows a determiner, a possessive or a number, so it names a
    thing ("the attacks", "Labor's support", "September 11 attacks"), not a verb."""
    before = text[:position].rstrip()
    if before.endswith(("'s", "’s", "s'", "s’")):
        return True
    previous = before.split()[-1:] if before else []
    if not previous or previous[0].endswith(","):
        return False  # "Ramirez, 44, said": a comma ends the phrase the number is in
    word = previous[0].lower().strip('"“”(')
    return word in _DETERMINERS or word in _NOUN_TAKERS or word.replace(",", "").isdigit()


_NOT_EXCESS = frozenset(
    {"", "many", "much", "and", "but", "has", "have", "had", "is", "was", "will"}
)


def _negator(word: str) -> bool:
    """A lowercased word that negates ("not", "never", "didn't")."""
    return word in NEGATORS or word.endswith("n't")


def _negated(words: Sequence[str], index: int) -> bool:
    """A negator among the three words before ``words[index]``."""
    return any(_negator(w) for w in words[max(0, index - 3) : index])


# Verbs of thinking and seeing: negated, they deny the whole clause they report ("I don't
# think it is fair", "doesn't suggest that what you're doing is in any way ineffective").
_DENYING_VERBS = frozenset(
    "think thinks thought believe believes believed suggest suggests suggested mean means "
    "meant expect expects expected see sees feel feels".split()
)


def _denied_from(words: Sequence[str]) -> int | float:
    """The index of the first negated verb of thinking, after which every word is denied;
    infinity when there is none."""
    return next(
        (i for i, word in enumerate(words) if word in _DENYING_VERBS and _negated(words, i)),
        math.inf,
    )


# An auxiliary before "not" belongs to the negation: "did not support", "will never accept".
_NEGATED_AUXILIARIES = frozenset(
    "do does did will would could can should may might must is are was were has have had".split()
)


def negation_before(text: str, trigger: Trigger) -> int | None:
    """Where the words that negate the trigger begin ("did not support", "doesn't need",
    "never backed"), so a position can say what was said, not its opposite; None when the
    trigger is not negated. The same three words as ``trigger_scores`` flips the side on."""
    words = list(WORD.finditer(text[: trigger.start]))[-3:]
    for index, match in enumerate(words):
        if _negator(match.group().lower().replace("’", "'")):
            if index and words[index - 1].group().lower() in _NEGATED_AUXILIARIES:
                return words[index - 1].start()
            return match.start()
    return None


# "too early to say" holds back a judgement; it is not a complaint of excess.
_HEDGE = re.compile(r"too (?:early|soon) to (?:say|tell|know|predict|judge|comment)")


def _excess(words: Sequence[str], index: int) -> bool:
    """ "too narrow", "too late": "too" before a word that says how, a complaint."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return following not in _NOT_EXCESS and not _HEDGE.match(" ".join(words[index : index + 4]))


# Words that make a good thing too little of it ("continuing slow progress in Malaysia").
_DIMINISHERS = frozenset(
    "slow little scant limited lack lacking insufficient less fewer reduced weaker diminished "
    "poorer".split()
)


def _diminished(words: Sequence[str], index: int) -> bool:
    """ "slow progress", "little support"; not "a little progress", which is some."""
    before = words[index - 1] if index else ""
    return before in _DIMINISHERS and not (
        before == "little" and words[index - 2 : index - 1] == ["a"]
    )


def _remedy_before(words: Sequence[str], index: int) -> int | None:
    """Where a word of doing away with something stands just before a bad thing ("would end
    the crisis", "cut unemployment and reduce poverty", "help residents suffering from"), if one
    does."""
    if words[index] in _REMEDIES:
        return None
    start = max(0, index - _REMEDY_REACH)
    remedies = [i for i in range(start, index) if words[i] in _REMEDIES]
    return remedies[-1] if remedies else None


_REMEDY_REACH = 3
_REMEDIES = frozenset(
    (
        "end ends ended ending cut cuts cutting reduce reduces reduced reducing reduction halve "
        "halves halved lower lowers lowering ease eases eased easing curb curbs curbed curbing "
        "tackle tackles tackled tackling prevent prevents prevented preventing stop stops "
        "stopped stopping combat combats eliminate eliminates eliminated eliminating solve "
        "solves solved solving resolve resolves resolved resolving relieve relieves relieved "
        "alleviate alleviates avert averts averted defuse defuses defused fix fixes fixed "
        "help helps helped helping fight fights fighting fought battle battles battling "
        # treating an illness ("a treatment for severe depression")
        "treat treats treated treating treatment treatments therapy therapies cure cures cured "
        "vaccine vaccines"
    ).split()
)


# "had enough" is being fed up; "not enough" a shortfall; "enough" alone takes no side.
_HAVING = frozenset({"had", "'d"})


def _quantity(words: Sequence[str], index: int) -> bool:
    """ "a great deal cheaper", "a good many": an evaluative word that only measures."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return following in {"deal", "many"} and index > 0 and words[index - 1] == "a"


def content_scores(content: str, topic: frozenset[str] = frozenset()) -> tuple[float, float]:
    """(support, oppose) carried by the words of what was said; a negated word counts for the
    other side ("not acceptable", "would not support"). A ``topic`` word names what the story is
    about ("attacks" in a story about attacks): it tells what was said about, not which side the
    speaker takes, so it weighs a quarter. When none of our own words and phrases take a side,
    a general sentiment lexicon's strong words do, at ``LEXICON_WEIGHT``. A question that
    leans either way doubts what it names."""
    support, oppose = _statement_scores(content, topic)
    if (support or oppose) and _QUESTION.search(content):
        return 0.0, DENIAL_WEIGHT
    return support, oppose


def _statement_scores(content: str, topic: frozenset[str]) -> tuple[float, float]:
    content = _OUT_OF_CONTROL.sub("out-of-control", content)
    words = [w.lower().replace("’", "'").strip("'") for w in WORD.findall(content)]
    support, oppose = _word_scores(words, POSITIVE_WORDS, NEGATIVE_WORDS, topic)
    phrase_support, phrase_oppose = _phrase_scores(content.lower().replace("’", "'"))
    support, oppose = support + phrase_support, oppose + phrase_oppose
    if support or oppose:
        return support, oppose
    positive, negative = sentiment_lexicon()
    support, oppose = _word_scores(words, positive, negative, topic)
    if not (support or oppose) and _DENIAL.search(content):
        return 0.0, DENIAL_WEIGHT
    return LEXICON_WEIGHT * support, LEXICON_WEIGHT * oppose


# "the program is now out of control": the hyphenated word of ``NEGATIVE_WORDS``
_OUT_OF_CONTROL = re.compile(r"\bout\s+of\s+control\b", re.IGNORECASE)
# A question a speaker asks doubts what it names ("What help did it give?", "What sector is
# stepping forward to pick up the slack?"): its words name the thing in doubt, not a side.
_QUESTION = re.compile(r"\?[\s\"“”'’,]*$")
# "there's no question that", "no doubt": an affirmation, not a denial
_DENIAL = re.compile(r"\b(?:not|never|no)\b(?!\s+(?:question|doubt)\b)|n't\b", re.IGNORECASE)
DENIAL_WEIGHT = 0.25


# VADER's words rated at least this far from neutral on its -4..4 scale ("disgrace" -2.4,
# "praise" 2.6) stand in for ours; they weigh a quarter of a word of our own, so they decide a
# side only when nothing else does. Chosen on the tuned sets, then checked on a blind one.
LEXICON_VALENCE = 1.5
LEXICON_WEIGHT = 0.25


@cache
def sentiment_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(positive, negative) single words of the VADER lexicon (Hutto and Gilbert, 2014: each
    word rated by ten people), as shipped in the ``vaderSentiment`` package; our own lists win
    where they disagree."""
    lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    positive, negative = set(), set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        word, valence = line.split("\t")[:2]
        if not word.isalpha():
            continue  # emoticons and abbreviations like ":-)" and "lol"
        if float(valence) >= LEXICON_VALENCE:
            positive.add(word)
        elif float(valence) <= -LEXICON_VALENCE:
            negative.add(word)
    return frozenset(positive - NEGATIVE_WORDS), frozenset(negative - POSITIVE_WORDS)


def _word_scores(
    words: Sequence[str],
    positive_words: frozenset[str],
    negative_words: frozenset[str],
    topic: frozenset[str],
) -> tuple[float, float]:
    support = oppose = 0.0
    denied = _denied_from(words)
    for index, word in enumerate(words):
        positive = word in positive_words and not _quantity(words, index)
        negative = word in negative_words or (word == "too" and _excess(words, index))
        if word == "enough" and index > 0 and words[index - 1] in _HAVING:
            negative = True  # "staff have had enough": fed up
        elif word == "enough" and _negated(words, index):
            oppose += 1.0  # "has not done enough", "not enough money": a shortfall
            continue
        if not (positive or negative):
            continue
        if word in _REMEDIES and words[index + 1 : index + 2] in (["against"], ["on"]):
            continue  # "the fight against climate change": the fight sides with its cause
        remedy = _remedy_before(words, index) if negative else None
        if word in SORROW_WORDS and not LOSS_WORDS.isdisjoint(words):
            positive, negative = True, False  # grief at a death sides with the one who died
        elif remedy is not None:
            # "would end the crisis" sides with ending it; "would not end the crisis" does not
            positive = not _negated(words, remedy) and index <= denied
            negative = not positive
        elif _negated(words, index) or index > denied:
            positive, negative = negative, positive
        elif positive and _diminished(words, index):
            positive, negative = False, True  # "slow progress", "little support": too little
        weight = TOPIC_WEIGHT if word in topic else 1.0
        support += weight * positive
        oppose += weight * negative
    return support, oppose


def _phrase_scores(lowered: str) -> tuple[float, float]:
    """Stance phrases inside what was said ("says the explanation does not wash"), flipped
    when negated, and obligation ("must be separated", "has to impose", "should not step
    down"): the speaker argues for what must happen, against what must not."""
    support = oppose = 0.0
    for phrase, polarity, match in phrase_matches(lowered):
        if used_as_noun(lowered, match.start()):
            continue
        before = WORD.findall(lowered[: match.start()])
        positive = polarity is Polarity.SUPPORT
        if _negated([*before, phrase], len(before)):
            positive = not positive
        support += positive
        oppose += not positive
    for match in _OBLIGATION.finditer(lowered):
        before = lowered[: match.start()].split()[-2:]
        if match.group(1).startswith(("has", "have")) and not _FORECAST.isdisjoint(before):
            continue
        if match.group(2):
            oppose += 1.0
        else:
            support += 1.0
    return support, oppose


_OBLIGATION = re.compile(r"\b(must|should|(?:has|have|needs?)\s+to)\b(\s+not\b|n't)?")
# "will probably have to send": a forecast of what is needed, not a call for it.
_FORECAST = frozenset({"will", "would", "'ll", "may", "might", "could"})


def topic_words(documents: Sequence[Document]) -> frozenset[str]:
    """Polarity words that most articles of the story use: its subject, not anyone's side."""
    counts: dict[str, int] = {}
    for document in documents:
        words = {w.lower() for w in WORD.findall(document.article.text)}
        for word in words & (POSITIVE_WORDS | NEGATIVE_WORDS):
            counts[word] = counts.get(word, 0) + 1
    needed = max(2, (len(documents) + 1) // 2)
    return frozenset(word for word, count in counts.items() if count >= needed)


def trigger_scores(
    text: str, trigger: Trigger, content: str, topic: frozenset[str] = frozenset()
) -> tuple[float, float]:
    """(support, oppose) of one reported stance: a stance verb weighs two, flipped when negated
    ("did not support"); the words of the content add one each (half, for good words after a
    verb of opposing)."""
    support, oppose = content_scores(content, topic)
    if trigger.polarity is Polarity.NEUTRAL:
        return support, oppose
    before = [w.lower().replace("’", "'") for w in WORD.findall(text[: trigger.start])]
    verb_supports = trigger.polarity is Polarity.SUPPORT
    if _negated([*before, trigger.word], len(before)):
        verb_supports = not verb_supports
    if verb_supports:
        return support + 2.0, oppose
    # The good words after a verb of opposing mostly name what is opposed ("abandoned all
    # attempts to secure a peaceful surrender"), so they weigh half.
    return support * OPPOSED_GOOD_WEIGHT, oppose + 2.0


_CONCESSION = re.compile(r",?\s+but\s+", re.IGNORECASE)


def conceded(
    text: str, trigger: Trigger, content: str, topic: frozenset[str] = frozenset()
) -> bool:
    """ "it would be a good outcome, but the economy will be slowing": a report whose "but"
    joins a part that leans one way to a part that leans the other is a mixed position."""
    match = _CONCESSION.search(content)
    if match is None:
        return False
    first = trigger_scores(text, trigger, content[: match.start()], topic)
    second = content_scores(content[match.end() :], topic)
    leans = [(a > b) - (a < b) for a, b in (first, second)]
    return leans[0] * leans[1] < 0


def polarity_from_scores(support: float, oppose: float) -> Polarity:
    """Support or oppose by the larger side (oppose on a weak tie); mixed when both sides are
    close and substantial."""
    if support == oppose == 0:
        return Polarity.NEUTRAL
    if min(support, oppose) >= MIXED_MINIMUM and min(support, oppose) >= MIXED_SHARE * max(
        support, oppose
    ):
        return Polarity.MIXED
    # A weak tie leans to oppose: a reported objection outweighs a passing positive word.
    return Polarity.SUPPORT if support > oppose else Polarity.OPPOSE


def polarity_of(trigger: Trigger, complement: str) -> Polarity:
    """The verb's polarity, or for a neutral verb the one its complement's words carry."""
    if trigger.polarity is not Polarity.NEUTRAL:
        return trigger.polarity
    return polarity_from_scores(*content_scores(complement))


_ASKING = frozenset({"asked", "asks", "ask", "asking"})
# A request's object may come first: "urged the Government not to delay", "asked them to".
_REQUEST_OBJECT = r"^(?:[\w'’.-]+\s+){0,6}?"


def verb_polarity(trigger: Trigger, complement: str) -> Polarity:
    """The polarity a verb gives in context: "asked" is a request only with "to" or "for"
    ("asked reporters" is a question); a request not to do something opposes it ("called on
    Labor not to delay")."""
    polarity = trigger.polarity
    lowered = complement.lower()
    if trigger.word in _ASKING and not re.match(_REQUEST_OBJECT + r"(?:to|for)\b", lowered):
        return Polarity.NEUTRAL
    if polarity is Polarity.SUPPORT and re.match(_REQUEST_OBJECT + r"not\s+to\b", lowered):
        return Polarity.OPPOSE
    if trigger.word.split()[0] in _REQUESTING and re.match(
        _REQUEST_OBJECT + f"(?:{_ENDING}|to\\s+{_UNDOING})", lowered
    ):
        # "called for an end to the attacks", "urged them to stop", "urged members to vote no"
        return Polarity.OPPOSE
    if polarity is Polarity.SUPPORT and re.match(_UNDOING, lowered):
        return Polarity.OPPOSE  # "offered to withdraw its bids", "ordered the closure of"
    return polarity


def without_undoing(complement: str) -> str:
    """What is undone, without the words that undo it: "the closure of the mine" -> "the mine",
    "to withdraw its bids" -> "its bids", "an end to the attacks" -> "the attacks"."""
    match = re.match(f"{_UNDOING}|{_ENDING}", complement, re.IGNORECASE)
    return (
        complement[match.end() :].strip() if match and match.end() < len(complement) else complement
    )


# Verbs that ask for something: asking for an end to a thing, or for someone to stop it, is
# opposing it.
_REQUESTING = _ASKING | frozenset(
    "called calls calling urged urges urging urge demanded demands demanding demand pressed "
    "presses pressing appealed appeals requested requests requesting".split()
)
_ENDING = (
    r"(?:(?:an?|the)\s+(?:[a-z]+\s+)?(?:end|halt|stop|cessation)\s+(?:to|of)\b"
    r"|to\s+(?:stop|end|halt|cease)\b)"
)
# Doing away with a thing: one who agrees, offers, promises or orders to withdraw, scrap or close
# it, or orders its closure, is against it.
_UNDOING = (
    r"(?:(?:to\s+)?(?:withdraw|drop|abandon|scrap|cancel|end|stop|halt|cease|close|shut|suspend|"
    r"repeal|revoke|rescind|dismantle|ban|block|oppose|reject|resist|fight|veto|overturn|defeat|"
    r"boycott|vote\s+(?:against|no)\b)\b"
    r"|(?:the|an?)\s+(?:[a-z]+\s+)?(?:closure|closing|withdrawal|cancellation|repeal|suspension|"
    r"revocation|dismantling|abolition|end)\s+(?:of|to)\b)"
)
