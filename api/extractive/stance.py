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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from api.extractive.actors import Entity, Mention
from api.extractive.gazetteer import (
    DAY_PATTERN,
    DAYS,
    LOWERCASE_TITLES,
    MONTHS,
    honorific_pattern,
)
from api.extractive.polarity import (
    WORD,
    Trigger,
    conceded,
    content_scores,
    negation_before,
    polarity_from_scores,
    topic_words,
    trigger_scores,
    used_as_noun,
    verb_polarity,
    without_undoing,
)
from api.extractive.sentences import Document, Sentence
from api.extractive.verbs import (
    SPEAKING_VERBS,
    STANCE_VERBS,
    WANTING_VERBS,
    pattern_matches,
    phrase_matches,
)
from api.schemas import ActorType, Polarity

_QUOTE = re.compile(r"“([^”]{3,}?)”|\"([^\"]{3,}?)\"")
# What joins two holders of one stance: "Fisher, Plosser", "Mr. Cray and Mr. Barnum".
_COORDINATION = re.compile(
    rf"^\s*(?:,\s*)?(?:(?:and|or|as well as)\s+)?(?:the\s+|{honorific_pattern('Prof')}\s+)?$"
)
# A name the actor rules did not read, listed between two they did: "Verizon, AT&T and Comcast".
_UNREAD_LISTED = re.compile(
    r"^\s*,\s*[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)?\s*,?\s+(?:and|or)\s+(?:the\s+)?$"
)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_SUBORDINATE_CLAUSE = re.compile(r",\s+(?:as|amid|while|after|following|because|since)\s")
_PRONOUNS = {"he": "he", "she": "she", "it": "other", "they": "other"}
_AUXILIARIES = frozenset(
    {"had", "has", "have", "would", "will", "also", "later", "then", "was", "is", "earlier", "been"}
)
# Words that may follow a subject before its verb ("Howard has said", "Qantas also says").
_SUBJECT_FOLLOWERS = _AUXILIARIES | frozenset(
    {"says", "said", "today", "yesterday", "now", "still", "however", "who", "which", "does"}
    | {"both"}
    | {"did", "do", "could", "can", "may", "might", "must", "should", "not", "never", "are"}
    | {"again", "already", "often", "once", "first", "all"}
)
_COMPLEMENT_WORDS = 25


def _follows_subject(word: str) -> bool:
    """A word that may stand between a subject and its verb: a contracted negation ("Tim Kaine
    doesn't support", "the union won't accept") or an adverb ("Meyer recently criticized",
    "the minister publicly denied")."""
    return (
        word in _SUBJECT_FOLLOWERS
        or word.endswith(("n't", "n’t"))
        or (word.endswith("ly") and word not in _LY_NOUNS)
    )


# Nouns and adjectives that end like an adverb: "a Labor rally", "a NATO ally".
_LY_NOUNS = frozenset(
    "rally ally family assembly supply monopoly anomaly belly bully jelly only early daily "
    "weekly monthly quarterly yearly holy ugly friendly elderly".split()
)


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
    support: float = 0.0
    oppose: float = 0.0


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every closed quotation of a sentence, marks included."""
    return [match.span() for match in _QUOTE.finditer(text)]


def find_triggers(text: str) -> list[Trigger]:
    """Stance verbs and phrases of a sentence, in order. A verb inside quotation marks is part
    of what the speaker said, not a report of its own ("'Pakistan wants peace,' he said")."""
    triggers: list[Trigger] = []
    lowered = text.lower()
    for phrase, polarity, match in phrase_matches(lowered):
        if not used_as_noun(text, match.start()):  # "fewer calls for help"
            triggers.append(Trigger(match.start(), match.end(), phrase, polarity))
    for polarity, match in pattern_matches(lowered):
        if not any(t.start <= match.start() < t.end for t in triggers):
            triggers.append(Trigger(match.start(), match.end(), match.group(), polarity))
    for match in WORD.finditer(text):
        word = match.group().lower()
        if not (match.group()[:1].islower() or word == "according"):
            continue  # "United States" is not a verb
        if word in STANCE_VERBS and not any(t.start <= match.start() < t.end for t in triggers):
            if word == "according" and not lowered.startswith(" to", match.end()):
                continue
            if used_as_noun(text, match.start()):
                continue
            if word in _COMMITTING and not lowered.startswith(" to ", match.end()):
                continue  # "committed acts of self harm" is a deed, "committed to peace" a stance
            if word == "blame" and _to_blame(lowered[: match.start()]):
                continue  # "are more to blame": at fault, not blaming anyone
            end = match.end() + (3 if word == "according" else 0)
            triggers.append(Trigger(match.start(), end, word, STANCE_VERBS[word]))
    carried = _carried_quote_end(text)
    # after a quotation carried over from the sentence before closes, the marks pair afresh:
    # '... such a competition?" said Thomas Ricks, author of "Making the Corps," about ...'
    after = carried + 1 if carried > 0 else 0
    quotes = [(start + after, end + after) for start, end in quoted_spans(text[after:])]
    if carried > 0:
        quotes.append((-1, carried))
    triggers = [t for t in triggers if not any(a < t.start < b for a, b in quotes)]
    return sorted(triggers, key=lambda t: t.start)


def _carried_quote_end(text: str) -> int:
    """Where a quotation opened in an earlier sentence closes in this one ('If they accept it
    we do not reject it," he said'), or 0: the words before that mark are the speaker's."""
    marks = [m for m in re.finditer(r"[\"“”]", text)]
    if not marks:
        return 0
    first = marks[0]
    if first.group() == "”":
        return first.start()
    straight = first.group() == '"' and len([m for m in marks if m.group() == '"']) % 2 == 1
    if straight and first.start() > 0 and text[first.start() - 1] in ",.?!":
        return first.start()
    return 0


# Words after which a verb form is a noun or an adjective: "the attacks", "its support",
# "the Government's proposed laws", "strong support".


_COMMITTING = frozenset(
    {"committed", "commits", "decided", "decides", "voted", "votes", "declined", "declines"}
)
# Words before "to blame" that make it a predicate ("is to blame", "are more to blame").
_BEING = frozenset("is are was were be been being more most less partly largely solely".split())


def _to_blame(before: str) -> bool:
    """ "X is to blame": the text before "blame" ends in "to" after a form of "be" or a
    degree word, so X is the one at fault, not the one blaming."""
    words = before.split()[-2:]
    return len(words) == 2 and words[1] == "to" and words[0] in _BEING


def complement_of(text: str, trigger: Trigger, end: int | None = None) -> str:
    """What follows the verb, to the end of its clause (or ``end``), without a leading
    "that"."""
    rest = text[trigger.end : end]
    subordinate = _SUBORDINATE_CLAUSE.search(rest)
    if subordinate:
        rest = rest[: subordinate.start()]  # "..., as fears grow of a war": the setting, not it
    words = rest.split()
    complement = " ".join(words[:_COMPLEMENT_WORDS]).strip(" ,.;:")
    return re.sub(r"^(?:that|to|of)\s+", "", complement)


def _coordinated_group(
    text: str, mentions: Sequence[tuple[Mention, Entity]], last: int
) -> list[tuple[Mention, Entity]]:
    """The mention at ``last`` and the ones joined to it by "and" or commas before it."""
    group = [mentions[last]]
    index = last
    while index > 0:
        previous, current = mentions[index - 1], mentions[index]
        left = current[0].start
        if index > 1 and _owned_by(text, previous[0], current):
            # "Saban, Meyer and Ohio State's Jim Tressel": the owner is his affiliation, not a
            # holder of its own; the list goes on before it
            left = previous[0].start
            index -= 1
            previous = mentions[index - 1]
        gap = _without_role(text[previous[0].end : left], current[0])
        if not (_COORDINATION.match(gap) or _UNREAD_LISTED.match(gap)):
            break
        if not gap.strip() and current[1].type is ActorType.PERSON:
            break  # "ambassador to Pakistan Abdul Salam Zaeef": the place qualifies the title
        if index == last and not gap.strip(" ,") and _ENVOY_TO.search(text, 0, previous[0].start):
            # "ambassador to the United Nations, Nikki R. Haley": she speaks to the body, not
            # for it ("the president of the Law Institute, Bill Doogue," speaks for his)
            break
        group.insert(0, previous)
        index -= 1
    return group


_ENVOY_TO = re.compile(r"\bto\s+(?:the\s+)?$")


# ", but" and a new subject before a later report ("..., but several Republican senators have
# said").
_CONTRAST_SUBJECT = re.compile(r",\s+but\s+(?!(?:also|then)\b)[^,;]*?\S\s+(?:\S+\s+){0,2}$")
# "but" or "and" right before a later verb of the same holder ("... but cautioned").
_COORDINATED_VERB = re.compile(r",?\s+(?:but|and)\s+(?:also\s+|then\s+)?$")


def _owned_by(text: str, owner: Mention, pair: tuple[Mention, Entity]) -> bool:
    """The person of ``pair`` is named right after ``owner``'s possessive ("Ohio State's Jim
    Tressel")."""
    return pair[1].type is ActorType.PERSON and bool(
        _OWNER_GAP.match(text[owner.end : pair[0].start])
    )


_LIST_AND = re.compile(r"^\s*,?\s*and\s+(?:the\s+)?$")
_PREPOSITION_END = re.compile(r"\b(?i:in|at|from|on|for|with|by|to|of|near|after|before)\s+$")


def _listed_subjects(
    text: str, before: Sequence[tuple[Mention, Entity]], in_clause: int
) -> list[tuple[Mention, Entity]]:
    """The subject before the verb with the names coordinated to it, its clause's own first:
    a list whose commas cross the clause ("Richard Fisher, Narayana Kocherlakota and Charles
    Plosser dissented") counts whole when it ends in "and", unless it starts after a
    preposition ("In Sydney, Smith and Jones said")."""
    last = len(before) - 1
    group = _coordinated_group(text, before[len(before) - in_clause :], in_clause - 1)
    whole = _coordinated_group(text, before, last)
    if len(whole) <= len(group):
        return group
    gaps = [text[a[0].end : b[0].start] for a, b in itertools.pairwise(whole)]
    first = whole[0][0]
    last_gap = _OWNER_BEFORE.sub("", _without_role(gaps[-1], whole[-1][0]))
    ends_in_and = _LIST_AND.match(last_gap) or _UNREAD_LISTED.match(last_gap)
    if ends_in_and and not _PREPOSITION_END.search(text[: first.start]):
        return whole
    return group


# An owner's name and possessive that end the words before a person: " and Ohio State's ".
_OWNER_BEFORE = re.compile(r"(?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*['’]s\s+$")


def _without_role(gap: str, mention: Mention) -> str:
    """The words between two names without the second one's title ("Fisher, Minneapolis Fed
    President Kocherlakota" leaves ", ")."""
    if mention.role and gap.rstrip().endswith(mention.role):
        return gap.rstrip()[: -len(mention.role)]
    return gap


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


def _is_modifier(text: str, mention: Mention, trigger: Trigger) -> bool:
    """ "British man accused", "Indian authorities have": the name modifies a noun after it, so
    the noun, not the name, is the subject."""
    rest = text[mention.end : trigger.start]
    if re.match(r"-[a-z]", rest):
        return True  # "The Toronto-based real estate concern said": the concern speaks
    if _KIN_OR_AGENT.match(rest):
        return True  # "Floyd's family said", "Smith's lawyer argued": they speak, not he
    if _WHEN_BETWEEN.fullmatch(rest):
        return False  # "Robert Gates on Sunday defended": when, not a noun the name modifies
    match = re.match(r"\s+([a-z][a-z'’-]*)", rest)
    single_opening = mention.start == 0 and " " not in mention.surface.strip()
    if match is not None and match.group(1) in _SPOKESPEOPLE and not single_opening:
        # "Northern Alliance commanders have abandoned": those who speak and act for the name
        # (one capitalized word opening a sentence may be an adjective: "Local leaders say")
        between = rest[match.end() :].split()
        return not all(_follows_subject(word) for word in between)
    if match is None or _follows_subject(match.group(1)) or match.group(1) in _PLACE_PREPOSITIONS:
        return False  # "The Board of Governors in Washington disagrees": where, not a noun
    if match.group(1) in _TO_VERBS and rest[match.end() :].startswith(" to "):
        return False  # "the Department plans to extend": a verb that takes "to", not a noun
    # "Hamas issued a statement vowing ...": a verb in the past tense, not a noun
    return not (match.group(1).endswith("ed") and len(rest.split()) > 1)


# Those a name's possessive introduces who speak for themselves or for the name.
_KIN_OR_AGENT = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+)?(?:family|relatives|parents|widow|wife|husband|mother|father|son|"
    r"daughter|brother|sister|lawyer|lawyers|attorney|attorneys|aides|supporters|critics|"
    r"opponents)\b"
)


# Verbs that take "to" and the verb the stance is in ("plans to extend its moratorium").
_TO_VERBS = frozenset(
    "plans intends seeks aims expects tries continues prepares needs moves".split()
)
_WHEN_BETWEEN = re.compile(
    rf"\s+(?:(?:on|late|early)\s+)?(?:{DAY_PATTERN}|"
    r"yesterday|today|tonight|earlier|later|last\s+(?:week|month|night)|this\s+(?:week|morning))"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:(?:has|have|had|also)\s+)*"
)


# Nouns for the people who speak or act for the name before them ("a Qantas spokesman said").
_SPOKESPEOPLE = frozenset(
    "commanders officials leaders spokesmen representatives spokesman spokeswoman spokesperson "
    "official representative".split()
)


# Words that may follow a name without making it the modifier of a noun.
_AFTER_NAME = frozenset(
    "of for over and or on in as at to after with about from but which who that this last "
    "yesterday today earlier when while because since".split()
)


def _names_a_noun(text: str, mention: Mention) -> bool:
    """ "backed by the Pakistani intelligence service": the name is an adjective of the noun
    after it, so the noun, not the country, is the agent."""
    match = re.match(r"\s+([a-z][a-z'’-]*)", text[mention.end :])
    return match is not None and match.group(1) not in _AFTER_NAME


def _appositive_gap(between: str) -> bool:
    """ ", who lost his son in the disaster, says": one comma-enclosed phrase before the verb."""
    return bool(re.fullmatch(r"\s*,[^,;:\"“”]{1,120},\s*", between))


def _appositive_opening(text: str, position: int, phrases: int = 1) -> int:
    """Where the comma-enclosed phrases (this many) that end right before ``position`` open,
    or -1."""
    match = re.search(
        rf"(?:,[^,;:\"“”]{{1,120}}){{{phrases}}},\s*(?:(?:has|have|had|also|later|is|are|was|were|been)\s+)*$",
        text[:position],
    )
    return match.start() if match else -1


def _opens_appositive(text: str, trigger: Trigger, holders_end: int) -> bool:
    """ "Trump, critical of Yellen during the campaign, had ...": a standing adjective right
    after the holder and a comma."""
    return (
        text[holders_end : trigger.start].strip() == ","
        and trigger.word.split()[0] in _STANDING_ADJECTIVES
    )


# Adjectives that say where one stands and may open an appositive after the name.
_STANDING_ADJECTIVES = frozenset(
    "critical skeptical sceptical suspicious wary dismissive supportive opposed hostile".split()
)
# "Wilbur Ross Jr. of Rothschild Inc., the adviser ..., said": the name's firm or town between
# the name and the commas.
_OF_PLACE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*")


_NOUN_PHRASE = re.compile(r"\s*(?:a|an|the|his|her|its|their)\s", re.IGNORECASE)


def _ahead_of_appositive(
    text: str, trigger: Trigger, before: Sequence[tuple[Mention, Entity]]
) -> list[tuple[Mention, Entity]]:
    """The names up to the one right before the comma-enclosed phrase (or two: "Michio Sasaki,
    an official at Keidanren, the Japan Federation of Economic Organizations, said") that
    ends at the trigger; none when no name comes right before it."""
    for phrases in (1, 2):
        opening = _appositive_opening(text, trigger.start, phrases)
        ahead = [p for p in before if p[0].end <= opening]
        if opening < 0 or not ahead or _after_past_verb(text, ahead[-1][0]):
            continue
        gap = text[ahead[-1][0].end : opening]
        if phrases > 1 and not _NOUN_PHRASE.match(text, opening + 1):
            continue  # ", in sneakers and a yellow cap, had become ...": not two appositives
        if not gap.strip() or _OF_PLACE.fullmatch(gap):
            return ahead
    return []


# "The Fed's Board of Governors in Washington disagrees": the place after the name sets it,
# it does not speak.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from"})
_SETTING_GAP = re.compile(r"\s+in\s+(?:the\s+)?")


def _without_place_after(
    text: str, names: list[tuple[Mention, Entity]]
) -> list[tuple[Mention, Entity]]:
    """The names of a clause without a last one that only says where the one before it is."""
    while len(names) > 1 and _SETTING_GAP.fullmatch(text[names[-2][0].end : names[-1][0].start]):
        names = names[:-1]
    return names


def _named_in_apposition(text: str, mention: Mention, between: str) -> bool:
    """ "The minister, Kevin Rudd, has urged": the name between commas is the subject."""
    words = between.strip(" ,").split()
    return (
        between.lstrip().startswith(",")
        and text[: mention.start].rstrip().endswith(",")
        and all(word.lower() in _AUXILIARIES for word in words)
    )


def holders_of(
    sentence: Sentence,
    trigger: Trigger,
    mentions: Sequence[tuple[Mention, Entity]],
    previous_holders: Sequence[tuple[Mention, Entity]],
    last_speakers: Mapping[str, Entity] | None = None,
) -> list[tuple[Mention, Entity]]:
    """The actors whose stance the trigger reports: named subjects (coordinated, listed after a
    colon, behind an appositive), the source of "according to", or for a pronoun the actor of
    the clause before or the last speaker of that kind in the article."""
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
    if _participial(text, trigger):
        return list(previous_holders) or _opening_group(text, subjects, 0)
    if _passive(text, trigger):
        agent = re.match(r"\s+by\s+(?:the\s+)?", text[trigger.end :])
        if agent is None:
            return []
        start = trigger.end + agent.end()
        named = [p for p in subjects if _named_at(text, p[0], start)]
        # "by United Nations Middle East envoy Terje Roed-Larsen": the person the title is of
        agents = ([p for p in named if p[0].role and p[0].start > start] or named)[:1]
        return [p for p in agents if not _names_a_noun(text, p[0])]
    pronoun = _pronoun_before(text, trigger.start)
    # "Verizon and AT&T, on the other hand, were opposed": an aside is no clause of its own
    plain = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), text)
    clause_start = _clause_start(plain, trigger.start)
    before = _without_place_after(text, [p for p in subjects if p[0].end <= trigger.start])
    in_clause = [p for p in before if clause_start <= p[0].start]
    if in_clause and pronoun is None:
        nearest = in_clause[-1]
        between = plain[nearest[0].end : trigger.start]
        if _VERB_COORDINATION.match(between) and _object_of_verb(text, nearest[0]):
            # "Sharon and Arafat met Mr Zinni and urged him": the name before "and urged" is
            # the object of the first verb; both verbs share the subject of the clause.
            return _opening_group(text, in_clause, clause_start)
        if (
            len(between.split()) <= 6
            and not _is_modifier(plain, nearest[0], trigger)
            and not _PROGRESSIVE_BETWEEN.search(between)
        ):
            group = _listed_subjects(text, before, len(in_clause))
            return _head_of_phrase(text, subjects, group)
    if before and pronoun is None:
        nearest = before[-1]
        between = text[nearest[0].end : trigger.start]
        if _opens_appositive(text, trigger, nearest[0].end):
            return [nearest]  # "Trump, critical of Yellen during the campaign, had not ..."
        if (
            _appositive_gap(between) and not _after_past_verb(text, nearest[0])
        ) or _named_in_apposition(text, nearest[0], between):
            group = _coordinated_group(text, before, len(before) - 1)
            return _head_of_phrase(text, subjects, group)
        # "Lyn Breuer, whose electorate covers Woomera, says": the name before the commas.
        ahead = _ahead_of_appositive(text, trigger, before)
        if ahead:
            group = _coordinated_group(text, ahead, len(ahead) - 1)
            return _head_of_phrase(text, subjects, group)
    if pronoun is not None:
        if previous_holders:
            return list(previous_holders)
        known = last_speakers or {}
        speaker = known.get(_PRONOUNS[pronoun])
        if speaker is None and pronoun == "she":
            speaker = known.get("he")  # no woman is known by title: the last person who spoke
        if speaker is not None:
            return [(_pronoun_mention(sentence, text, trigger, speaker), speaker)]
        return []
    if not _inverted(text, trigger):
        return []
    after_verb = [p for p in subjects if _named_at(text, p[0], trigger.end)]
    if after_verb and _names_a_noun(text, after_verb[0][0]):
        return _titled_person(text, subjects, after_verb[0][0])
    if after_verb:
        owned = _owned_person(text, subjects, after_verb[0][0])
        if owned is not None:
            return [owned]  # "says Smith Barney's Mr. Porter": Porter speaks, not his firm
    return after_verb[:1]


_OWNER_GAP = re.compile(rf"^['’]s\s+(?:{honorific_pattern('Prof')}\s+)?$")
# Asides between a subject and its verb: ", on the other hand,", "among others,", ", too,".
_PARENTHETICAL = re.compile(
    r",?\s+(?:among\s+others|on\s+the\s+other\s+hand|for\s+(?:its|their|his|her)\s+part|"
    r"in\s+turn|too|meanwhile|however|in\s+contrast|by\s+contrast),(?=\s)"
)


def _owned_person(
    text: str, subjects: Sequence[tuple[Mention, Entity]], owner: Mention
) -> tuple[Mention, Entity] | None:
    """The person named right after an owner's possessive ("Smith Barney's Mr. Porter")."""
    for pair in subjects:
        if pair[0].start > owner.end and _OWNER_GAP.match(text[owner.end : pair[0].start]):
            return pair if pair[1].type is ActorType.PERSON else None
    return None


def _titled_person(
    text: str, subjects: Sequence[tuple[Mention, Entity]], head: Mention
) -> list[tuple[Mention, Entity]]:
    """ "chief Palestinian negotiator Saeb Erakat", "Palestinian hired gun Abu Nidal": a name
    that qualifies the title of the person named right after it stands for that person."""
    return [
        p
        for p in subjects
        if p[0].start > head.end
        and p[1].type is ActorType.PERSON
        and re.fullmatch(r"(?:\s+[a-z][a-z'’-]*){1,3}\s+", text[head.end : p[0].start])
    ][:1]


# "Israel was using suicide attacks": a verb in -ing between the name and the word, not followed
# by "to", takes that word as its object, so the word is a noun, not the name's verb.
_PROGRESSIVE_BETWEEN = re.compile(
    r"\b(?!(?:during|morning|evening|nothing|something|anything|everything)\b)"
    r"[a-z]{2,}ing\s+(?!to\b)[a-z]"
)
# "... and urged", "... yesterday and then said": a second verb sharing the clause's subject.
_VERB_COORDINATION = re.compile(r"^\s+(?:[a-z][a-z'’-]*\s+){0,2}and\s+(?:(?:also|then|later)\s+)?$")
_OPENING_WORDS = 4


_NOT_VERBS = frozenset(
    "of from at with for about against on over to into by and or but as than in".split()
)


def _object_of_verb(text: str, mention: Mention) -> bool:
    """ "met Mr Zinni", "inspected the Nauru camps": the name follows a verb (behind its title
    or an article), so it is that verb's object."""
    head = text[: mention.start].rstrip()
    if mention.role and head.endswith(mention.role):
        head = head[: -len(mention.role)].rstrip()
    words = head.split()
    while words and (words[-1] in {"the", "a", "an"} or words[-1][:1].isupper()):
        words.pop()  # "met Mr Zinni", "inspected the Nauru camps"
    if not words:
        return False
    last = words[-1]
    return last.isalpha() and last.islower() and last not in _NOT_VERBS


def _after_past_verb(text: str, mention: Mention) -> bool:
    """ "had not stopped hardline Islamic groups, who killed ..., ordered": a name right after a
    verb in -ed is that verb's object, so the comma-enclosed clause after it cannot make it the
    subject of the verb that follows."""
    return _object_of_verb(text, mention) and _last_word_before(text, mention).endswith("ed")


def _last_word_before(text: str, mention: Mention) -> str:
    head = text[: mention.start].rstrip()
    if mention.role and head.endswith(mention.role):
        head = head[: -len(mention.role)].rstrip()
    words = head.split()
    while words and (words[-1] in {"the", "a", "an"} or words[-1][:1].isupper()):
        words.pop()
    return words[-1] if words else ""


def _participial(text: str, trigger: Trigger) -> bool:
    """ "..., saying he must do more", "... - urging negotiation": a participle after a comma
    or a dash speaks for the subject of the clause it hangs on, never for a name just before it."""
    first = trigger.word.split()[0]
    if not first.endswith("ing"):
        return False
    head = text[: trigger.start].rstrip()
    # "was killed after refusing to train them": a participle after a preposition of time or
    # cause also belongs to the subject of the clause.
    return head.endswith((",", " -", "—", "–")) or head.lower().endswith(_PARTICIPLE_LINKS)


_PARTICIPLE_LINKS = tuple(f" {word}" for word in "after before for by while since".split())


def _opening_group(
    text: str, subjects: Sequence[tuple[Mention, Entity]], start: int
) -> list[tuple[Mention, Entity]]:
    """The actors a clause opens with, coordinated ("Sharon and Arafat met ..."), when they come
    within its first few words and not after a preposition; otherwise none."""
    ahead = [
        pair
        for pair in subjects
        if pair[0].start >= start and not _opens_role(text, pair[0], subjects)
    ]
    if not ahead:
        return []
    first = ahead[0][0]
    head = text[start : first.start]
    if len(head.split()) > _OPENING_WORDS or _PREPOSITION_BEFORE.search(head):
        return []
    titled = _titled_person(text, ahead, first) if _names_a_noun(text, first) else []
    if titled:
        return titled
    end = _leading_group_end(text, ahead) + 1
    if end < len(ahead) and _owned_by(text, ahead[end - 1][0], ahead[end]):
        return [*ahead[: end - 1], ahead[end]]  # "Saban, Meyer and Ohio State's Jim Tressel"
    return ahead[:end]


def _opens_role(text: str, mention: Mention, mentions: Sequence[tuple[Mention, Entity]]) -> bool:
    """ "Palestinian" in "Palestinian leader Yasser Arafat": the first word of a title."""
    return any(
        other.role and text[mention.start : other.start].strip() == other.role.strip()
        for other, _ in mentions
        if other.start > mention.start
    )


def _named_at(text: str, mention: Mention, position: int) -> bool:
    """The mention begins at ``position``, maybe behind its title ("said Mayor Tom Brink")."""
    if not position <= mention.start <= position + 200:
        return False
    gap = text[position : mention.start].strip()
    return not gap or gap == (mention.role or "").strip() or len(gap) <= 1


_PASSIVE_AUXILIARIES = frozenset("is are was were be been being get got gets".split())


def _passive(text: str, trigger: Trigger) -> bool:
    """ "was accused by Washington", "X, backed by Y,": a past participle whose subject is the
    one acted on, not the one who takes the stance."""
    if not trigger.word.endswith("ed") and trigger.word not in _IRREGULAR_PARTICIPLES:
        return False
    if re.match(r"\s+by\b", text[trigger.end :]):
        return True
    if trigger.word in _TRANSITIVE and re.match(r"\s+(?:of|for|over)\b", text[trigger.end :]):
        return True  # "the man accused of ordering": the object is missing, so it is the subject
    before = text[: trigger.start].split()
    while before and before[-1].lower().endswith("ly"):
        before.pop()  # "has been unjustly accused"
    return bool(before) and before[-1].lower() in _PASSIVE_AUXILIARIES


# "she had been told", "it was said": participles of reporting verbs that do not end in -ed.
_IRREGULAR_PARTICIPLES = frozenset({"told", "said", "written"})
# Verbs that cannot go without their object: followed at once by a preposition, they are
# passive participles ("accused of", "praised for", "criticised over").
_TRANSITIVE = frozenset(
    "accused criticised criticized condemned blamed praised hailed attacked slammed denounced "
    "thanked congratulated applauded".split()
)


def _inverted(text: str, trigger: Trigger) -> bool:
    """Quotative inversion, the only place where the speaker follows the verb: '"...," said
    Yunus Qanooni', "..., said a spokesman"; never "rejected Aden Ridgeway's bid"."""
    if trigger.polarity is not Polarity.NEUTRAL and trigger.word not in _INVERTING_VERBS:
        return False
    before = text[: trigger.start].rstrip()
    return not before or before.endswith((",", '"', "”", ":", "—", "-"))


# Stance verbs that may precede their speaker after a quotation ('"...," warned Mr X').
_INVERTING_VERBS = frozenset({"warned", "asked", "urged", "insisted", "added", "said"})


_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(of|from|at|with|for|about|against|on|over|to|into|by|in|near|outside)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Nouns that speak for the actor named after them: "a spokesman for the ministry", "the leaders
# of Brazil", "a statement from the Pentagon".
_VOICE_NOUNS = LOWERCASE_TITLES | frozenset(
    "statement statements report letter release communique announcement spokesmen officials "
    "presidents leaders ministers members representatives source sources".split()
)


def _head_of_phrase(
    text: str,
    subjects: Sequence[tuple[Mention, Entity]],
    group: list[tuple[Mention, Entity]],
) -> list[tuple[Mention, Entity]]:
    """A name after a preposition is not the subject but part of it: "Doug Cameron from the
    union says" is Cameron's word, "the absence of Bush was threatening" nobody's; "a
    spokesman for the ministry said" and "the leaders of Brazil say" speak for the name."""
    first = group[0][0]
    head = text[: first.start]
    if first.role and head.rstrip().endswith(first.role):
        head = head.rstrip()[: -len(first.role)]  # "the absence of US President Bush"
    match = _PREPOSITION_BEFORE.search(head)
    if match is None:
        return group
    head = head[: match.start()].rstrip()
    if match.group(1).lower() in {"of", "from", "at", "with"}:
        people = [
            pair
            for pair in subjects
            if pair[1].type is ActorType.PERSON
            and pair[0].end <= len(head)
            and not text[pair[0].end : len(head)].strip(" ,")
        ]
        if people:
            return [people[-1], *group]
    words = head.rstrip(",").split()
    if words and words[-1].lower() in _VOICE_NOUNS:
        return group
    return []


def _pronoun_mention(sentence: Sentence, text: str, trigger: Trigger, entity: Entity) -> Mention:
    """A stand-in mention for "he said": the pronoun's span, pointing at the earlier speaker."""
    words = list(re.finditer(r"\S+", text[: trigger.start]))
    pronoun = next(
        (w for w in reversed(words) if w.group().lower() in _PRONOUNS), words[-1] if words else None
    )
    start, end = (pronoun.start(), pronoun.end()) if pronoun else (trigger.start, trigger.end)
    first = entity.mentions[0]
    return Mention(sentence, start, end, text[start:end], first.type, first.key)


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
    if _TOLD_BEFORE.search(sentence[:after] + " "):
        # "told Mashable the plane was ...": whom it was told, not what it is about
        complement = _after_addressee(complement)
        after = _found_from(sentence, complement, after)
    unconditional = _past_condition(complement)
    opening = unconditional.split(" ", 1)[0].strip("\"“‘'")
    if unconditional != complement and not (_pronoun(opening) or opening.lower() == "then"):
        # "Until Congress acts, the government has no authority": the stance is on what follows
        # the condition, not on whoever the condition names (but "until Iran reassures the
        # world, it would be premature" is on Iran: "it" names nothing)
        after = _found_from(sentence, unconditional, after)
    for mention, entity in mentions:
        between = sentence[after : mention.start]
        # "voted against the target, while Belgium abstained": a name past a comma is another
        # clause's
        # "said the agreement protected Polish jobs": a noun phrase before the name is the
        # subject of what was said, and the name only part of its predicate
        opens_phrase = between.split()[:1] in (["the"], ["a"], ["an"]) and len(between.split()) > 1
        near = len(between.split()) <= 3 and "," not in between and not opens_phrase
        # "defended Donald Trump's pick", "joined a US-led move": the thing, not its owner
        owned = re.match(r"['’]s\b|-[a-z]", sentence[mention.end :]) is not None
        if after <= mention.start < clause_end and not mention.in_role and near:
            if owned:
                break
            if sentence.startswith(" to ", mention.end):
                break  # "called on Trump to accept the accord": what he is asked to do
            return entity.name
    return target_phrase(complement)


def _found_from(sentence: str, words: str, after: int) -> int:
    """Where ``words`` (what is left of a complement) start in the sentence, from ``after``;
    ``after`` itself when they cannot be found."""
    found = sentence.find(words[:20], after)
    return found if found >= 0 else after


def _after_addressee(told: str) -> str:
    """What was told, after whom and how ("CNN television that Mr Sharon was ..." -> "Mr
    Sharon was ...")."""
    words = told.split()
    start = 0
    while start < len(words) and words[start][:1].isupper():
        start += 1
    while start < len(words) and words[start].lower() in _AFTERWORDS - _ARTICLES:
        start += 1
    if start < len(words) and words[start].lower() == "that":
        start += 1
    return " ".join(words[start:]) or told


_TOLD_BEFORE = re.compile(r"\b(?:told|tells|tell|telling)\s+(?:the\s+)?$")


# Where the thing a stance is about ends inside what was said: a clause break or a word that
# opens another clause ("the plan, which ...", "the strike because ..."); not the comma of
# "5,000".
_TARGET_END = re.compile(
    r"[;:()]|,(?!\d)|\s(?:but|because|that|which|who|whom|whose|after|before|while|if|unless|"
    r"when|where|although|though|since|so|as)\s"
    # "the best law in the country and I stand by it": a new clause, with its own subject
    r"|\s(?:and|or)\s+(?=(?:I|we|he|she|they|you)\s)",
    re.IGNORECASE,
)
# The verb of a reported clause: its subject is what the report is about ("the explanation
# does not wash" is about the explanation).
_CLAUSE_VERBS = frozenset(
    "is are was were be been being has have had will would could should must may might can "
    "cannot did does do isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't "
    "couldn't shouldn't can't didn't doesn't don't 's".split()
)
_SUBJECT_PRONOUNS = frozenset("it he she they we i you there this that these those".split())
_OBLIGING = frozenset("must should".split())
TARGET_WORDS = 8


def target_phrase(complement: str) -> str:
    """What a stance is about, from the words after its verb: up to the first clause break;
    for a reported clause, its subject ("says Qantas is being greedy" -> "Qantas"), unless the
    subject is only a pronoun or the clause says what must be done: then what follows the verb
    ("it was his contacts" -> "his contacts", "the administration must release the tapes" ->
    "release the tapes"; but "the attacks must end" is about the attacks)."""
    said = _without_setting(_OPENER.sub("", complement.strip(" \"'“”‘’"), count=1))
    words = _TARGET_END.split(said, maxsplit=1)[0].split()
    verb = next((i for i, w in enumerate(words) if _clause_verb(w, i)), None)
    if verb:
        subject, rest = words[:verb], words[verb + 1 :]
        while rest and rest[0].lower() in _CLAUSE_VERBS:
            rest = rest[1:]
        while rest and rest[-1].lower() in _DANGLING:
            rest = rest[:-1]
        bare = all(_pronoun(word) or word.lower() in _DANGLING for word in subject)
        obliged = words[verb].lower() in _OBLIGING and len(rest) > 1
        words = rest if (bare or obliged) and rest else subject
    words = _past_feeling(words)
    kept = words[:TARGET_WORDS]
    while len(kept) > 1 and kept[-1].lower() in _TRAILING:
        kept = kept[:-1]  # "several instances in", "the real test and": cut mid-phrase
    phrase = re.sub(r"[\"“”]", "", " ".join(kept)).strip(" .,'")
    phrase = _WHEN_AT_END.sub("", phrase)
    return phrase or " ".join(complement.split()[:6])


def _past_feeling(words: list[str]) -> list[str]:
    """ "satisfied and relieved with the outcome" -> "the outcome", "very concerned about the
    cost" -> "the cost", "she feels devastated by his death" -> "his death": a feeling is about
    what its preposition governs."""
    if len(words) > 2 and _pronoun(words[0]) and words[1].lower() in _LINKING_VERBS:
        about = _past_feeling(words[2:])
        return about if about != words[2:] else words
    for index, word in enumerate(words[1:_FEELING_WORDS], start=1):
        if word.lower() in _FEELING_PREPOSITIONS:
            feeling = [w.lower() for w in words[:index]]
            named = any(w in FEELINGS for w in feeling) and all(
                w in FEELINGS or w in _DEGREE or w.endswith("ly") for w in feeling
            )
            return words[index + 1 :] if named and len(words) > index + 1 else words
    return words


_FEELING_WORDS = 5
_LINKING_VERBS = frozenset(
    "feels felt feel is was are were am remain remains remained seems seemed".split()
)
_FEELING_PREPOSITIONS = frozenset("with about by at of over".split())
_DEGREE = frozenset("very so too quite deeply extremely and but not".split())
# Words of feeling that take what they are about after a preposition ("pleased with").
FEELINGS = frozenset(
    (
        "satisfied relieved pleased happy unhappy disappointed concerned worried devastated "
        "angry upset furious delighted thrilled frustrated troubled alarmed shocked saddened "
        "confident optimistic pessimistic critical supportive wary skeptical sceptical proud "
        "ashamed comfortable uncomfortable content encouraged heartened dismayed outraged "
        "appalled surprised impressed excited nervous anxious disgusted sorry glad grateful "
        "thankful hopeful fearful afraid scared sick tired"
    ).split()
)


# When the report came, at the end of its words: "welcomed the deal on Monday" is about the deal.
_WHEN_AT_END = re.compile(
    rf"\s+(?:(?:on|late|early)\s+)?(?:{DAY_PATTERN}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year))$"
)


# Words that cannot end a phrase: it was cut before what they lead to.
_TRAILING = frozenset(
    "in on at to of for with by from into between about and or the a an its his her their "
    "our my your this that like than as not".split()
)


# What opens a quote without saying what it is about: a linking word ("But", "Then", "First,")
# and a hedge ("I think that ...").
_OPENER = re.compile(
    r"^(?:(?:but|then|now|so|still|however|first|second|third|also|indeed|well|yes)\b,?\s+)*"
    r"(?:(?:i|we)\s+(?:think|believe|guess|suppose)\s+(?:that\s+)?)?",
    re.IGNORECASE,
)


def _clause_verb(word: str, index: int) -> bool:
    """An auxiliary or a modal; capitalized inside a phrase it is a name or a month ("in May it
    could", "Will Smith is"); a quotation mark may open it ('allegations "are without')."""
    word = word.lstrip("\"“‘'")
    return word.lower() in _CLAUSE_VERBS and (word.islower() or (index == 0 and word != "May"))


def _pronoun(word: str) -> bool:
    """A subject pronoun, contracted or not ("it", "I'd", "we'll")."""
    return re.split(r"['’]", word.lower())[0] in _SUBJECT_PRONOUNS


def _without_setting(complement: str) -> str:
    """What was said without a condition that opens it, nor when or where it was said before
    it."""
    for strip in (_past_condition, _past_day, _past_place, _past_framing, _past_preposition):
        stripped = strip(complement)
        if stripped != complement:
            return stripped
    return complement


def _past_framing(complement: str) -> str:
    """ "With voluntary compliance, manufacturers can meet the targets" -> "manufacturers can
    meet the targets": a phrase that frames the clause before its comma is not its subject."""
    words = complement.split()
    if not words or words[0].lower() not in _FRAMING:
        return complement
    framing = next((i for i, w in enumerate(words[:_SETTING_WORDS]) if w.endswith(",")), None)
    rest = words[framing + 1 :] if framing is not None else []
    listed = any(w.lower() in {"and", "or"} or w.endswith(",") for w in rest[:3])
    # "for his candidacy, nomination and presidency": the comma lists, it does not frame
    return " ".join(rest) if len(rest) > 2 and not listed else complement


def _past_preposition(complement: str) -> str:
    """ "about a man who was arrested", "for the suicide attacks", "against targets in Gaza": the
    preposition a verb takes ("concern about", "responsibility for") before what it is about."""
    words = complement.split()
    if len(words) < 2 or words[0].lower() not in _GOVERNED:
        return complement
    rest = words[2:] if words[1].lower() in _DANGLING else words[1:]  # "turned down for now a"
    return " ".join(rest) if rest else complement


def _past_condition(complement: str) -> str:
    """ "Until Congress acts, the government hasn't ..." -> "the government hasn't ...", and
    "even though Mr. Rahami was in custody, New Yorkers should ..." -> "New Yorkers ..."."""
    opening = re.sub(r"^(?:that\s+)?even\s+(?=(?:though|if|when|as)\b)", "", complement, flags=re.I)
    if opening.split(" ", 1)[0].lower() not in _SUBORDINATORS:
        return complement
    parts = complement.split(", ")[1:]
    while parts and parts[0].split(" ", 1)[0].lower() in _RELATIVES:
        parts = parts[1:]  # "If we see growth of 0.9 per cent, which is the consensus, that"
    return ", ".join(parts) if parts and len(parts[0].split()) > 2 else complement


def _past_day(complement: str) -> str:
    """ "Saturday that the dispute ..." -> "the dispute ..."."""
    words = complement.split()
    if not words or words[0].lower() not in _WHEN_SAID:
        return complement
    rest = words[2:] if words[1:2] and words[1].lower() == "that" else words[1:]
    return " ".join(rest) if len(rest) > 1 else complement


def _past_place(complement: str) -> str:
    """ "in May it could seek ..." -> "it could seek ...", "in parliament that Hungary would
    suffer ..." -> "Hungary would suffer ...", "in a statement the plan ..." -> "the plan ..."."""
    words = complement.split()
    if not words or words[0].lower() not in _SAID_IN:
        return complement
    setting = [w.lower() for w in words[:_SETTING_WORDS]]
    if "that" in setting:
        return " ".join(words[setting.index("that") + 1 :])
    skip = 0
    while skip < len(words) and (
        words[skip].lower() in _AFTERWORDS
        or words[skip].lower().strip(".,") in _MONTH_WORDS
        or words[skip].strip(",").isdigit()  # "on Jan. 5"
    ):
        skip += 1
    while skip and words[skip - 1].lower() in _ARTICLES:  # "in a statement the plan ..."
        skip -= 1
    return " ".join(words[skip:]) if 1 < skip < len(words) else complement


_SAID_IN = frozenset("in at during on".split())
_FRAMING = _SAID_IN | frozenset(
    "for with under after before by from among despite across throughout amid".split()
)
_GOVERNED = frozenset("about against for with on over from of".split())
_WHEN_SAID = frozenset("today yesterday tonight tomorrow later earlier".split()) | {
    day.lower() for day in DAYS
}
_RELATIVES = frozenset("which who whom whose where".split())
_SUBORDINATORS = frozenset("until unless if when whenever while although though once".split())
_ARTICLES = frozenset("a an the this".split())
_MONTH_WORDS = frozenset(month.lower() for month in MONTHS)


# Words that join or set a clause rather than name anything: "... end and", "Now we have".
_DANGLING = frozenset("and or but now then so also still".split())


_SUBJECT_WORDS = 8


# A passive report and its agent before another one joined to it: "was welcomed by Greenpeace
# but" (the auxiliary stays, for the subject before it to be found).
_EARLIER_PASSIVE = re.compile(r"(?<=\s)[a-z]+(?:ed|en)\s+by\s+[^,;]+?\s+(?:but|and)\s+$")


def _passive_subject(text: str, trigger: Trigger) -> str:
    """What a passive stance is about: its subject ("The plan was criticised by Mayor Tom
    Brink" is about the plan), the words of its clause before the auxiliary."""
    clause = text[_clause_start(text, trigger.start) : trigger.start]
    # "The plan was welcomed by Greenpeace but criticised by ...": the subject of the first
    clause = _EARLIER_PASSIVE.sub("", clause)
    head = clause.split()
    while head and (
        head[-1].lower() in _PASSIVE_AUXILIARIES
        or head[-1].lower() in _AUXILIARIES
        or head[-1].lower().endswith("ly")  # "has been strongly opposed"
    ):
        head.pop()
    return " ".join(head[-_SUBJECT_WORDS:]).strip(" ,")


def _quoted_before(text: str, position: int) -> str:
    """The quoted words before a reporting verb: those that open the sentence ('"...," he
    said'), or a quotation closed just before the speaker ('... "I always felt ...," Mr Peel
    said')."""
    head = text[:position]
    match = re.match(r"\s*[\"“](.+)[\"”]", head)
    if match:
        return match.group(1)
    spans = [span for span in quoted_spans(head) if len(head[span[1] :].split()) <= 5]
    if spans:
        return head[spans[-1][0] + 1 : spans[-1][1] - 1]
    carried = _carried_quote_end(head)
    if carried > 0 and len(head[carried:].split()) <= 5:
        return head[:carried]
    return ""


# Words that may follow a reporting verb at the end of a sentence without saying anything:
# "..., Joe Hockey said today", "..., the ministry said in a statement on Monday".
_AFTERWORDS = frozenset(
    (
        "today yesterday tonight on in at a an the this last late early earlier later morning "
        "afternoon evening night week weekend statement interview briefing reporters "
        "telephone television radio press conference news agency e-mail email letter "
        "affiliate station network newspaper magazine "
        "monday tuesday wednesday thursday friday saturday sunday"
    ).split()
)


def _bare(complement: str) -> bool:
    """Nothing but when, where or how it was said follows the verb ("said today", "said on
    Monday", "told CNN in a telephone interview", "said at the SEC media days")."""
    # names are whom it was told or where: "told affiliate KFSM", "on NBC's Meet the Press"
    words = [w.lower() for w in WORD.findall(complement) if not w[:1].isupper()]
    if all(word in _AFTERWORDS for word in words):
        return True
    return (
        bool(words)
        and words[0] in _SETTING_PREPOSITIONS
        and len(words) <= _SETTING_WORDS
        and _CLAUSE_WORDS.isdisjoint(words)
    )


# "said at the SEC media days", "said during a visit to the base": a short phrase of where or
# when, with no verb of its own (a clause would bring one: "said on Monday Iraq must disarm");
# after an inverted speaker, where the speaker is from ("said James Talcott of Boston's ...").
_SETTING_PREPOSITIONS = frozenset("at during in on after before while of from".split())
_SETTING_WORDS = 8
_CLAUSE_WORDS = frozenset(
    "that is are was were will would could should must may might can has have had be been "
    "not no".split()
)


_TRAILING_HONORIFIC = re.compile(rf"\s*\b{honorific_pattern('Prof', 'Sir', 'Dame')}$")
_TRAILING_ARTICLE = re.compile(r"\s*\b(?i:the)$")


def _reported_before(text: str, speaker: Mention, start: int) -> str:
    """The unquoted statement before its speaker: "The Government did not regret its actions,
    Small Business Minister Joe Hockey said today" reports the words before the comma."""
    head = text[:start].rstrip()
    if speaker.start <= start and speaker.role and head.endswith(speaker.role.strip()):
        head = head[: -len(speaker.role.strip())].rstrip()
    head = _TRAILING_HONORIFIC.sub("", head)  # "..., Mr. Porter suggests"
    head = _TRAILING_ARTICLE.sub("", head)  # "..., the Treasury said"
    if not head.endswith(","):
        return ""
    return head.rstrip(",").strip()


def stances_in_sentence(
    sentence: Sentence,
    mentions: Sequence[tuple[Mention, Entity]],
    previous_text: str = "",
    last_speakers: Mapping[str, Entity] | None = None,
    topic: frozenset[str] = frozenset(),
) -> list[StanceFinding]:
    """Every (actor, polarity) that the sentence's stance verbs report. A bare attribution
    ("Mr Peel said.") reports the sentence before it."""
    findings: list[StanceFinding] = []
    previous: list[tuple[Mention, Entity]] = []
    quote = quote_in(sentence.text)
    triggers = find_triggers(sentence.text)
    reported: list[tuple[Trigger, set[str], list[StanceFinding]]] = []
    for trigger in triggers:
        holders = holders_of(sentence, trigger, mentions, previous, last_speakers)
        if holders:
            holders = holders + _as_does(sentence.text, trigger, mentions, holders)
        holders = [pair for pair in holders if not _document(pair[1])]
        if not holders or _hypothetical(sentence.text, holders[0][0]):
            continue
        if trigger.word == "according" and holders[0][0].start > trigger.end:
            comma = sentence.text.find(",", trigger.end)
            if any(other.start > comma for other in triggers) and comma > 0:
                continue  # the main clause has its own verb: "according to sources, X requested"
        previous = holders
        holders_end = max(pair[0].end for pair in holders)
        end = _next_report(sentence.text, trigger, triggers, mentions, holders)
        if _opens_appositive(sentence.text, trigger, holders_end):
            comma = sentence.text.find(",", trigger.end)  # the appositive ends at its comma
            end = comma if comma > 0 and (end is None or comma < end) else end
        complement = complement_of(sentence.text, trigger, end)
        # the position keeps the "to" the complement drops: "wants to testify", not "wants testify"
        joined = "to " if re.match(r"\s+to\s", sentence.text[trigger.end :]) else ""
        position = f"{trigger.word} {joined}{complement}"
        negated_from = negation_before(sentence.text, trigger)
        negated = negated_from is not None and negated_from >= holders_end
        if negated and trigger.polarity is not Polarity.NEUTRAL:
            # "did not support the plan", not "support the plan": the words as said
            position = f"{sentence.text[negated_from : trigger.start]}{position}"
        if trigger.word == "according":
            said_from = sentence.text.find(",", trigger.end) + 1
            if said_from and holders[0][0].start >= said_from:  # "according to a statement,
                said_from = holders_end  # Austin and Lee met ..."
            complement = sentence.text[said_from:].strip(" .")
            position = complement
        start = min(trigger.start, holders[0][0].start)
        before = _quoted_before(sentence.text, trigger.start)
        reported_before = ""
        # after an inverted speaker, the rest up to a comma: "said Jose Ramirez, who was ..."
        said_after = sentence.text[max(trigger.end, holders_end) :].split(",")[0].strip(" .")
        if _bare(said_after if holders_end > trigger.end else complement):
            reported_before = before or _reported_before(sentence.text, holders[0][0], start)
        if reported_before:
            position = reported_before
            complement = ""
        if not (complement or before or reported_before) and trigger.word in WANTING_VERBS:
            continue  # "the answer he wants": nothing said of what is wanted
        content = f"{before or reported_before} {complement}"
        if not complement and not content.strip():
            content = previous_text
        in_context = replace(trigger, polarity=verb_polarity(trigger, complement))
        support, oppose = trigger_scores(sentence.text, in_context, content, topic)
        polarity = polarity_from_scores(support, oppose)
        if conceded(sentence.text, in_context, content, topic):
            polarity = Polarity.MIXED
        if reported_before:
            target = _target_of(sentence.text, reported_before, mentions, 0)
        elif _passive(sentence.text, trigger) and holders_end > trigger.end:
            target = _passive_subject(sentence.text, trigger) or complement
        else:
            after = max(trigger.end, holders_end)
            # "ordered the closure of the mine" opposes the mine, not its closure
            flipped = in_context.polarity is not trigger.polarity
            about = without_undoing(complement) if flipped else complement
            if trigger.word.startswith("call") and trigger.polarity is Polarity.NEUTRAL:
                about = re.split(r"\s[\"“]", about, maxsplit=1)[0]  # 'called the ruling "a ..."'
            if about != complement:
                after = _found_from(sentence.text, about, after)
            target = _target_of(sentence.text, about, mentions, after)
        if not target and content is previous_text:
            target = target_phrase(previous_text)  # "Mr Peel said.": of the sentence before
        end = len(sentence.text.rstrip(" ."))
        own: list[StanceFinding] = []
        reported.append((in_context, {entity.name for _, entity in holders}, own))
        for _, entity in holders:
            # no one takes a stance on himself: "Nasty innuendoes," said John Siegal
            about = target if target != entity.name else target_phrase(complement or content)
            own.append(
                StanceFinding(
                    entity,
                    polarity,
                    about,
                    position.strip(),
                    quote,
                    sentence,
                    start,
                    end,
                    support,
                    oppose,
                )
            )
    for index, (trigger, names, own) in enumerate(reported):
        if not _reports_own_stance(sentence.text, trigger, names, reported[index + 1 :]):
            findings.extend(own)
    return findings


def _as_does(
    text: str,
    trigger: Trigger,
    mentions: Sequence[tuple[Mention, Entity]],
    holders: Sequence[tuple[Mention, Entity]],
) -> list[tuple[Mention, Entity]]:
    """ "Mason and Sullivan oppose federal funding for abortion, as does President Bush": the
    actor named after "as does" holds the same stance."""
    match = _AS_DOES.search(text, trigger.end)
    if match is None or _CLAUSE_END.search(text, trigger.end, match.start()):
        return []
    taken = {id(pair[1]) for pair in holders}
    return [
        pair
        for pair in mentions
        if _named_at(text, pair[0], match.end()) and id(pair[1]) not in taken
    ][:1]


_AS_DOES = re.compile(r",\s+as\s+(?:does|did|do|has|have|had)\s+(?:the\s+)?")
_CLAUSE_END = re.compile(r"[;:.?!]\s")


# Names of texts, not of anyone who could take a side: "the Mitchell Plan calls for".
_DOCUMENT_NOUNS = frozenset(
    "plan memorandum treaty accord report declaration resolution charter protocol convention "
    "bill act strategy policy manifesto communique".split()
)


def _document(entity: Entity) -> bool:
    words = entity.name.split()
    return len(words) > 1 and words[-1].lower() in _DOCUMENT_NOUNS


def _hypothetical(text: str, mention: Mention) -> bool:
    """ "a ceasefire if Israel agreed to stop": a condition, not a stance anyone took."""
    head = text[: mention.start].rstrip()
    if mention.role and head.endswith(mention.role):
        head = head[: -len(mention.role)]
    before = head.split()[-1:]
    return bool(before) and before[0].lower() in {"if", "unless", "whether"}


def _next_report(
    text: str,
    trigger: Trigger,
    triggers: Sequence[Trigger],
    mentions: Sequence[tuple[Mention, Entity]],
    holders: Sequence[tuple[Mention, Entity]],
) -> int | None:
    """Where another actor's report begins later in the sentence ("Palestinian Authorities say
    they have detained 160 suspects but so far, the Israeli Government says ..."): the end of
    this report's words, at the clause break before that actor."""
    own = {entity.name for _, entity in holders}
    for other in triggers:
        if other.start <= trigger.end or _participial(text, other):
            continue
        contrast = _CONTRAST_SUBJECT.search(text, trigger.end, other.start)
        if contrast and other.word in SPEAKING_VERBS:
            # "said the chamber would take up the bill, but several senators have said they
            # will not support it": the second report has its own subject
            return contrast.start()
        coordinated = _COORDINATED_VERB.search(text, trigger.end, other.start)
        if coordinated and other.polarity is not Polarity.NEUTRAL:
            # "welcomed the decision but cautioned that the fight was far from over": the
            # holder's second report is a stance of its own
            return coordinated.start()
        if _passive(text, trigger) and _passive(text, other):
            # "welcomed by environmental groups but criticised by consumer advocates": the
            # second participle is another agent's report
            joins = list(re.finditer(r",|\bbut\b|\band\b", text[trigger.end : other.start]))
            if joins:
                return trigger.end + joins[-1].start()
        for mention, entity in mentions:
            if not trigger.end < mention.start < other.start or entity.name in own:
                continue
            between = text[mention.end : other.start].split()
            if mention.in_role or not all(_follows_subject(w) for w in between):
                continue  # "Indian authorities have confirmed": not the name's own report
            breaks = [m.start() for m in re.finditer(r",|;|\bbut\b", text[: mention.start])]
            breaks = [b for b in breaks if b > trigger.end]
            if not breaks:
                return None  # "said Mr. Stronach wants ...": a report within this one's words
            return max(breaks)
    return None


def _reports_own_stance(
    text: str,
    trigger: Trigger,
    names: set[str],
    later: Sequence[tuple[Trigger, set[str], list[StanceFinding]]],
) -> bool:
    """ "Musharraf said he welcomed the intervention": a neutral reporting verb whose clause
    holds a stance verb of the same speaker; that verb, not "said", is the stance."""
    if trigger.polarity is not Polarity.NEUTRAL or trigger.word == "according":
        return False
    for other, other_names, _ in later:
        if len(text[trigger.end : other.start].split()) > 4:
            break
        if other.polarity is not Polarity.NEUTRAL and other_names == names:
            return True
    return False


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


# A pronoun names the last speaker of its kind only this many sentences on: further back, "they
# challenged" is someone the story has turned to since, not the Senate of a page before.
PRONOUN_REACH = 5


def find_stances(documents: Sequence[Document], entities: Sequence[Entity]) -> list[StanceFinding]:
    """All stance findings of the story, in reading order; "he said" goes to the article's last
    person who spoke, "it said" to its last organization or country, if either spoke or acted
    within ``PRONOUN_REACH`` sentences."""
    table = mentions_by_sentence(entities)
    topic = topic_words(documents)
    female = women_of(entities)
    findings: list[StanceFinding] = []
    for document in documents:
        last_speakers: dict[str, Entity] = {}
        said_at: dict[str, int] = {}
        previous_text = ""
        for sentence in document.sentences:
            for kind in [k for k, at in said_at.items() if sentence.index - at > PRONOUN_REACH]:
                del last_speakers[kind], said_at[kind]
            mentions = table.get((sentence.article, sentence.index), [])
            found = stances_in_sentence(sentence, mentions, previous_text, last_speakers, topic)
            for finding in found:
                said_at[_remember(last_speakers, finding.entity, female)] = sentence.index
            if not found:
                subject = _person_subject(sentence.text, mentions)
                if subject is not None:
                    said_at[_remember(last_speakers, subject, female)] = sentence.index
            findings.extend(found)
            previous_text = sentence.text
        findings.extend(_posts(document, table, topic))
        findings.extend(_labelled(document, table))
        findings.extend(_described(document, table))
    return findings


# "frequent Trump critic Mitt Romney", "Kremlin critic Alexei Navalny", "longtime Trump ally
# Roger Stone": a label before a name says where its bearer stands on the name before it.
_LABEL = re.compile(
    r"\b(?P<about>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+"
    r"(?P<label>critic|opponent|foe|detractor|supporter|ally|backer|loyalist)\s+$"
)
_LABEL_POLARITY = {
    **dict.fromkeys(("critic", "opponent", "foe", "detractor"), Polarity.OPPOSE),
    **dict.fromkeys(("supporter", "ally", "backer", "loyalist"), Polarity.SUPPORT),
}


def _firm(polarity: Polarity) -> tuple[float, float]:
    """(support, oppose) of a stance a word states outright, as strong as a stance verb's."""
    return (2.0, 0.0) if polarity is Polarity.SUPPORT else (0.0, 2.0)


def _labelled(
    document: Document, table: Mapping[tuple[str, int], Sequence[tuple[Mention, Entity]]]
) -> list[StanceFinding]:
    """Stances a label before a name gives ("frequent Trump critic Mitt Romney")."""
    found: list[StanceFinding] = []
    for sentence in document.sentences:
        for mention, entity in table.get((sentence.article, sentence.index), []):
            if entity.type is not ActorType.PERSON:
                continue
            label = _LABEL.search(sentence.text[: mention.start])
            if label is None or label.group("about") == mention.surface:
                continue
            polarity = _LABEL_POLARITY[label.group("label")]
            support, oppose = _firm(polarity)
            start = label.start("about")
            found.append(
                StanceFinding(
                    entity,
                    polarity,
                    label.group("about"),
                    sentence.text[start : mention.end],
                    None,
                    sentence,
                    start,
                    mention.end,
                    support,
                    oppose,
                )
            )
    return found


# What a name is called right after it: "Eisenach and Jamison, both fierce opponents of
# network neutrality", "Smith is a longtime critic of the plan", "Trump's own opposition to
# network neutrality".
_DESCRIBED = re.compile(
    r"^(?:,\s+(?P<all>(?:both|all|each)\s+)?|\s+(?:is|was|are|were|has\s+been|have\s+been|"
    r"had\s+been|remains|remained)\s+)(?:(?:a|an|the|one\s+of\s+the)\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?P<noun>opponents?|critics?|supporters?|proponents?|advocates?|backers?|foes?|"
    r"champions?|detractors?)\s+(?:of|for)\s+(?P<target>[^,;:.]+)"
    r"|^['’]s\s+(?:(?:own|longstanding|long-standing|strong|fierce|vocal|staunch)\s+)*"
    r"(?P<act>opposition|support|criticism|backing|endorsement|rejection|condemnation)\s+"
    r"(?:to|for|of)\s+(?P<object>[^,;:.]+)"
)
# The acts that oppose; the nouns for people take their side from ``_LABEL_POLARITY``, and the
# rest support ("proponents", "champion", "support for").
_OPPOSING_ACTS = frozenset("opposition criticism rejection condemnation".split())


def _described(
    document: Document, table: Mapping[tuple[str, int], Sequence[tuple[Mention, Entity]]]
) -> list[StanceFinding]:
    """Stances a noun after a name gives: "a critic of", "both fierce opponents of", "'s
    opposition to"; named together by "both", every name of the list holds it."""
    found: list[StanceFinding] = []
    for sentence in document.sentences:
        mentions = [
            p for p in table.get((sentence.article, sentence.index), []) if not p[0].in_role
        ]
        for index, (mention, entity) in enumerate(mentions):
            match = _DESCRIBED.match(sentence.text[mention.end :])
            if match is None:
                continue
            noun = match.group("noun") or match.group("act")
            target = target_phrase(match.group("target") or match.group("object"))
            acting = Polarity.OPPOSE if noun in _OPPOSING_ACTS else Polarity.SUPPORT
            polarity = _LABEL_POLARITY.get(noun.removesuffix("s"), acting)
            support, oppose = _firm(polarity)
            holders = (
                _coordinated_group(sentence.text, mentions, index)
                if match.group("all")
                else [(mention, entity)]
            )
            end = mention.end + match.end()
            for holder, holder_entity in holders:
                found.append(
                    StanceFinding(
                        holder_entity,
                        polarity,
                        target,
                        sentence.text[holder.start : end],
                        None,
                        sentence,
                        holder.start,
                        end,
                        support,
                        oppose,
                    )
                )
    return found


# "— David Wordsmith (@WordSmithGuy) December 23, 2016": the line a scraped page keeps under an
# embedded post, naming who posted the paragraph above it.
_POST_SIGNATURE = re.compile(r"^[—–-]+\s*(?P<name>[^(]+?)\s*\(@\w+\)")


def _posts(
    document: Document,
    table: Mapping[tuple[str, int], Sequence[tuple[Mention, Entity]]],
    topic: frozenset[str],
) -> list[StanceFinding]:
    """The stances of embedded posts: the paragraph above each signature line is what the
    named author posted ("And how did he get to Milan? Open borders." — David Wordsmith)."""
    found: list[StanceFinding] = []
    text = document.article.text or ""
    for index, sentence in enumerate(document.sentences):
        signature = _POST_SIGNATURE.match(sentence.text)
        if signature is None:
            continue
        authors = [
            entity
            for mention, entity in table.get((sentence.article, sentence.index), [])
            if mention.end <= signature.end("name")
        ]
        post: list[Sentence] = []
        for earlier in reversed(document.sentences[:index]):
            later = post[0] if post else sentence
            if post and "\n" in text[earlier.end : later.start]:
                break  # the paragraph above the signature, no further
            post.insert(0, earlier)
        if not authors or not post:
            continue
        content = " ".join(s.text for s in post)
        support, oppose = content_scores(content, topic)
        last = post[-1]
        found.append(
            StanceFinding(
                authors[0],
                polarity_from_scores(support, oppose),
                target_phrase(content),
                content,
                None,
                last,
                0,
                len(last.text),
                support,
                oppose,
            )
        )
    return found


_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "mrs.", "ms."})


def women_of(entities: Sequence[Entity]) -> frozenset[str]:
    """People the story calls Mrs, Ms, Miss, Dame or Lady: a later "she said" is theirs."""
    women: set[str] = set()
    for entity in entities:
        if entity.type is not ActorType.PERSON:
            continue
        for mention in entity.mentions:
            before = mention.sentence.text[: mention.start].split()[-1:]
            title = (mention.role or "").lower().split()[-1:]
            if {w.lower() for w in [*before, *title]} & _FEMALE_TITLES:
                women.add(entity.name)
                break
    return frozenset(women)


def _remember(last_speakers: dict[str, Entity], entity: Entity, women: frozenset[str]) -> str:
    """The entity is now the last speaker of its kind, which is returned: "she" for a woman,
    "he" for any other person, "other" ("it", "they") for the rest."""
    kind = "other"
    if entity.type is ActorType.PERSON:
        kind = "she" if entity.name in women else "he"
    last_speakers[kind] = entity
    return kind


def _person_subject(text: str, mentions: Sequence[tuple[Mention, Entity]]) -> Entity | None:
    """The person a sentence opens with ("Chief executive Mark Burgess ..."): whom a "he said"
    right after it most likely quotes."""
    subjects = [pair for pair in mentions if not pair[0].in_role]
    if not subjects:
        return None
    mention, entity = subjects[0]
    if entity.type is not ActorType.PERSON or _PREPOSITION_BEFORE.search(text[: mention.start]):
        return None
    if len(text[: mention.start].split()) > 4:
        return None
    return entity


@dataclass(frozen=True, slots=True)
class ActorStance:
    """One actor's overall stance: the polarity its findings add up to, with all their spans."""

    entity: Entity
    polarity: Polarity
    target: str
    position: str
    quote: str | None
    findings: tuple[StanceFinding, ...]


def stances_by_actor(findings: Sequence[StanceFinding]) -> list[ActorStance]:
    """An actor's lead stance: support and oppose summed over everything it is reported to say;
    the strongest finding gives the target and the position. Sides that only add up to a tie
    across separate reports are not a hedge: the strongest report decides. An actor that also
    takes firm stances on other things, in words that share little with the first, gets them
    as further stances (up to ``FURTHER_LIMIT``), and one on the other side about something
    else gets its strongest such report (``_other_side``), listed after all the first ones."""
    grouped: dict[str, list[StanceFinding]] = {}
    for finding in findings:
        grouped.setdefault(finding.entity.name, []).append(finding)
    stances: list[ActorStance] = []
    further: list[ActorStance] = []
    for group in grouped.values():
        lead = max(group, key=lambda f: (f.support + f.oppose, -group.index(f)))
        others = _further_findings(group, lead)
        others += _other_side(group, lead, others)
        # a report that stands as a stance of its own does not sway the lead one's side
        apart = {id(f) for f in others}
        own = [f for f in group if id(f) not in apart]
        polarity = polarity_from_scores(sum(f.support for f in own), sum(f.oppose for f in own))
        if polarity is Polarity.MIXED and lead.polarity in (Polarity.SUPPORT, Polarity.OPPOSE):
            polarity = lead.polarity
        elif lead.polarity is Polarity.MIXED:
            polarity = Polarity.MIXED  # its strongest report concedes a point: "..., but ..."
        quote = lead.quote or next((f.quote for f in group if f.quote), None)
        stances.append(
            ActorStance(lead.entity, polarity, lead.target, lead.position, quote, tuple(own))
        )
        further.extend(
            ActorStance(f.entity, f.polarity, f.target, f.position, f.quote, (f,)) for f in others
        )
    return stances + further


# A report at least this strong (a stance verb, or two words of one side) on a target whose
# words overlap each of the actor's earlier stances by at most this share is a further stance of
# its actor; both reports must spell out at least this many words. An actor that speaks on many
# things gets at most FURTHER_LIMIT stances besides its lead one.
FURTHER_MINIMUM = 2.0
FURTHER_OVERLAP = 0.3
FURTHER_WORDS = 3
FURTHER_LIMIT = 5


# A report on the other side from an actor's lead stance, at least this strong (one word of a
# side), is a stance of its own: one who welcomed the plan and criticized its cost holds both.
OTHER_SIDE_MINIMUM = 1.0


def _other_side(
    group: Sequence[StanceFinding], lead: StanceFinding, further: Sequence[StanceFinding]
) -> list[StanceFinding]:
    """The actor's strongest report on the side that neither its lead report nor its further
    ones take, about something else (a change of mind on the lead's own target is not a second
    stance: the lead decides), if any."""
    taken = {lead.polarity, *(f.polarity for f in further)}
    lead_target = _stems(lead.target)
    candidates = [
        f
        for f in group
        if f.polarity in (Polarity.SUPPORT, Polarity.OPPOSE)
        and f.polarity not in taken
        and max(f.support, f.oppose) >= OTHER_SIDE_MINIMUM
        and not _stems(f.target) & lead_target
    ]
    if not candidates:
        return []
    return [max(candidates, key=lambda f: (max(f.support, f.oppose), -group.index(f)))]


def _stems(text: str) -> set[str]:
    return {word.lower()[:5] for word in WORD.findall(text) if len(word) > 3}


def _further_findings(group: Sequence[StanceFinding], lead: StanceFinding) -> list[StanceFinding]:
    """The actor's strongest reports in other sentences on other targets, strongest first,
    each one standing on its own as a stance ("ruled out talks" besides "accused Pakistan of
    sponsoring the attack")."""
    candidates = sorted(
        (
            f
            for f in group
            if f.sentence is not lead.sentence
            and f.target != lead.target
            and f.polarity in (Polarity.SUPPORT, Polarity.OPPOSE)
            and max(f.support, f.oppose) >= FURTHER_MINIMUM
            and len(f.position.split()) > 1  # a bare "he said" repeats, it does not add a target
        ),
        key=lambda f: (-max(f.support, f.oppose), group.index(f)),
    )
    chosen = [lead]
    for candidate in candidates:
        if len(chosen) > FURTHER_LIMIT:
            break
        if all(c.sentence is not candidate.sentence for c in chosen) and _new_target(
            candidate, chosen
        ):
            chosen.append(candidate)
    return chosen[1:]


def _new_target(candidate: StanceFinding, earlier: Sequence[StanceFinding]) -> bool:
    """The candidate's words share little with each earlier report's, and both spell out
    enough words to tell ("welcomed the plan", "praised the council" are too short)."""
    words = _stems(candidate.position)
    for finding in earlier:
        before = _stems(finding.position)
        shortest = min(len(before), len(words))
        if shortest < FURTHER_WORDS or len(before & words) > FURTHER_OVERLAP * max(1, shortest):
            return False
    return True
