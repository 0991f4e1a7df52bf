"""Which of the names a story mentions are its actors.

A country that is only a setting ("fled to Pakistan"), a name met once as an object or inside a
quote ("passed to Justin Langer"), a news outlet the story cites, a lone word that reads as a
place ("in Sydney"): these are named, but they are not who the story is about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from api.extractive.actors import HONORIFIC_BEFORE, Entity, Mention, first_and_last
from api.extractive.gazetteer import (
    COMPANY_SUFFIXES,
    COMPASS_WORDS,
    COUNTRY_ADJECTIVE_ENDINGS,
    DAYS,
    DEMONYMS,
    LOWERCASE_TITLES,
    MEDIA_CUES,
    MEDIA_NAMES,
    MONTHS,
    ORG_CUES,
    PARTIES,
    PLACE_NOUNS,
    TITLES,
    UNNAMED_GROUP_NOUNS,
    US_STATES,
    honorific_pattern,
)
from api.extractive.sentences import DATELINE_SENTENCES
from api.extractive.verbs import SPEAKING_VERBS
from api.schemas import ActorType

# A capitalized word of a list of places, but not a date: "In August, Apple stopped" sets
# nothing in Apple.
_CALENDAR = "|".join(sorted(DAYS | MONTHS))
_PLACE_WORD = rf"(?!(?:{_CALENDAR})\b)[A-Z][\w'’.-]*"
# A preposition before a country, maybe before a list of names it governs ("in Australia,
# Britain and the United States"): the country is a setting.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|from|to|into|across|at|on|via|through|near|toward|towards|throughout|around|for|"
    r"of|outside|over|against|inside|within|visit|visited|visiting|entered|left|leave|reach|"
    r"reached)\s+(?:the\s+)?(?:" + _PLACE_WORD + r"\s*(?:,\s*|\s+and\s+(?:the\s+)?|\s+)?)*$",
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|into|across|at|near|toward|towards|throughout|around|off|of|outside)\s+$",
    re.IGNORECASE,
)
# What follows a country that acts: a verb ("India has accused"), or its possessive before an
# office ("Pakistan's Foreign Ministry"); what precedes one that is acted with ("talks with").
_ACTING_AFTER = re.compile(
    r"^(?:\s*,?\s*(?:and\s+)?(?:the\s+)?[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*)*)*\s+([a-z]+)"
)
_PARTNER_BEFORE = re.compile(
    r"\b(?:with|by|between|and|urged|asked|asking|accused|accuses|told|warned|called\s+on)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AUXILIARIES = frozenset(
    "is was are were has had have will would could should may might must can did does".split()
)


def _acts(mention: Mention, name: str) -> bool:
    """A country's mention as a party: the subject of a verb, the owner of an office, or the
    partner of talks, not a place, a list item or an adjective."""
    if mention.in_role:
        return False
    text = mention.sentence.text
    before, after = text[: mention.start], text[mention.end :]
    if mention.surface != name and mention.surface.endswith(COUNTRY_ADJECTIVE_ENDINGS):
        return False
    if after.startswith(("'s ", "’s ")):
        following = after[3:].split(" ", 1)[0].strip(",.")
        return following in TITLES or following in ORG_CUES or following in LOWERCASE_TITLES
    if _LOCATIVE_BEFORE.search(before):
        return False
    if _PARTNER_BEFORE.search(before):
        return True
    verb = _ACTING_AFTER.match(after)
    if verb is None:
        return False
    word = verb.group(1)
    return word in _AUXILIARIES or word in SPEAKING_VERBS or word.endswith(("ed", "s"))


_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|next|"
    r"opening|\d+(?:st|nd|rd|th))\s+(?:[a-z]+\s+)?$"
)
_ADJECTIVE_ENDINGS = ("ish", "ese", "ic", "ist", "ian", "ean")
_LOCATIVE_RIGHT_BEFORE = re.compile(
    r"\b(?i:in|from|near|into|across|around|outside|throughout|to)\s+(?:the\s+)?"
    r"(?:" + _PLACE_WORD + r"(?:\s+[A-Z][\w'’.-]*)*(?:,\s*|\s+and\s+))*$",
)  # "in Sydney", "around Tamworth, Gunnedah and Quirindi"


def _acts_alone(entity: Entity) -> bool:
    """A lone capitalized word the story repeats ("Traveland", "Centrelink") is an actor when it
    acts at least once (the subject of a verb, an owner: "Westpac's David Lording") and never
    reads as a place ("in Sydney", "from Kandahar"), nor only as a sentence's first word."""
    if entity.name.endswith(_ADJECTIVE_ENDINGS):
        return False  # "Jewish", "Islamist": an adjective, not a name
    ranked = sum(bool(_ORDINAL_BEFORE.search(m.sentence.text[: m.start])) for m in entity.mentions)
    if 2 * ranked >= len(entity.mentions):
        return False  # "the first cricket Test", "their 100th Test": an event, not an actor
    if all(not m.sentence.text[: m.start].strip(" \"'“‘") for m in entity.mentions):
        return False
    settings = sum(
        bool(_LOCATIVE_RIGHT_BEFORE.search(m.sentence.text[: m.start])) for m in entity.mentions
    )
    # one "from Apple" among many "Apple is" does not make a place; "in Sydney" twice and
    # "Sydney's Lord Mayor" once does
    return _acting(entity) > settings


def _acting(entity: Entity) -> int:
    """How many of its mentions make the entity a party: a subject, an owner, a partner."""
    return sum(
        _acts(m, entity.name) or m.sentence.text[m.end :].startswith(("'s ", "’s "))
        for m in entity.mentions
    )


def named_only_in_passing(entity: Entity, vocabulary: frozenset[str] = frozenset()) -> bool:
    """A country the story never makes a party (only a setting, a list item or an adjective:
    "fled to Pakistan", "Australian laws"), a name found only after a locative preposition or
    before a place noun ("off Lady Barron", "the Tora Bora area"), or a capitalized phrase of
    words the story also writes in lowercase ("the Building Industry"): a setting, not an
    actor."""
    if all(m.key.startswith("single:") for m in entity.mentions):
        return not _acts_alone(entity)
    if entity.type is ActorType.PERSON and not entity.role:
        if any(
            m.sentence.text[m.end :].split(" ", 2)[1:2] in ([n] for n in PLACE_NOUNS)
            for m in entity.mentions
        ):
            return True
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", entity.name)]
        if words and all(w in vocabulary for w in words):
            return True
        if len(entity.name.split()) < 3:
            return all(_PLACE_BEFORE.search(m.sentence.text[: m.start]) for m in entity.mentions)
        return False
    if entity.type is not ActorType.COUNTRY:
        return False
    return not any(_acts(m, entity.name) for m in entity.mentions)


# A news outlet named this often is part of the story ("News of the World's campaign").
MEDIA_ACTOR_MENTIONS = 3


def is_news_source(entity: Entity) -> bool:
    """A news outlet the story cites ("Reuters", "the Press Trust of India", "Channel Nine")."""
    if len(entity.mentions) >= MEDIA_ACTOR_MENTIONS:
        return False
    parts = entity.name.replace("-", " ").split()  # "Pittsburgh Tribune-Review"
    if entity.type is ActorType.PERSON:  # read as a name: "Journal Poll", "Daily Observer"
        return any(part in MEDIA_CUES for part in parts[1:])
    return entity.name in MEDIA_NAMES or any(part in MEDIA_CUES for part in parts)


# A name right after these words is an object, a comparison or a setting ("passed to Justin
# Langer", "what Sir Edmund Hillary has been", "where Osama bin Laden is hiding").
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|of|from|by|for|like|than|at|in|on|through|under|into|where|what|late)"
    rf"\s+(?:the\s+)?(?:{honorific_pattern('Sir')}\s+)?$",
    re.IGNORECASE,
)


def _quoted(mention: Mention) -> bool:
    before = mention.sentence.text[: mention.start]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


def passing_mention(entity: Entity, speakers: set[str]) -> bool:
    """Named once, with no role and no position of its own, as an object or inside a quote."""
    if len(entity.mentions) != 1 or entity.role or entity.name in speakers or entity.known:
        return False
    if _full_organization_name(entity):
        return False
    mention = entity.mentions[0]
    return bool(_OBJECT_BEFORE.search(mention.sentence.text[: mention.start])) or _quoted(mention)


def _unnamed_group(entity: Entity) -> bool:
    """ "550 staff", "groups": a group noun the story never qualifies names nobody in particular
    (but "bank staff will walk off" names the staff the story is about)."""
    return entity.type is ActorType.GROUP and entity.name.lower() in UNNAMED_GROUP_NOUNS


def prune_actors(entities: Sequence[Entity], speakers: set[str]) -> list[Entity]:
    """Drop passing names: an actor named once, without a role or a full personal name, that
    takes no position is usually a place, a law or a source rather than someone in the story;
    a news outlet cited now and then is a source."""
    surnames = {
        first_and_last(entity.name)[1]: entity.name
        for entity in entities
        if entity.type is ActorType.PERSON and len(entity.name.split()) > 1
    }
    return [
        entity
        for entity in entities
        if not _pairing(entity, surnames)
        and not _misread_person(entity)
        and not _market_index(entity)
        and not _counted(entity)
        and len(entity.name.strip(".")) > 1  # "C" of "1.5°C", a stray initial
        and not _unnamed_group(entity)
        and not is_news_source(entity)
        and not passing_mention(entity, speakers)
        and (
            len(entity.mentions) > 1
            or (entity.known and entity.name not in PARTIES)
            or entity.role
            or entity.name in speakers
            or (entity.type is ActorType.PERSON and len(entity.name.split()) > 1)
            or _full_organization_name(entity)
        )
    ]


def _pairing(entity: Entity, surnames: Mapping[str, str]) -> bool:
    """ "Alito-Prelogar moments": two people of the story named together by their surnames are
    a pairing, not an actor of its own."""
    parts = entity.name.split("-")
    return (
        len(parts) == 2
        and all(part in surnames for part in parts)
        and surnames[parts[0]] != surnames[parts[1]]
    )


# Endings of abstract nouns, which no surname has: "Social Security", "Public Policy", "Public
# Affairs", "Political Implications" are programs, offices or headings, not people.
_ABSTRACT_ENDING = re.compile(r"(?:ity|ities|tion|tions|sion|sions|ment|ments|ics|icy|fairs)$")


# The last word of a market index's name: "the Dow Jones Industrial Average", "the Stoxx Europe
# 600 Index". An index moves; it does not act.
_INDEX_WORDS = frozenset({"Index", "Indices", "Average", "Composite"})
_NUMBERED_INDEX_AFTER = re.compile(r"\s+\d+\s+(?:Index|Indices|Composite)\b")


_COUNT_BEFORE = re.compile(r"\b\d[\d,.]*\s+$")


def _counted(entity: Entity) -> bool:
    """A name only ever after a count qualifies what is counted: "24 Grand Slam titles"."""
    return entity.type is ActorType.PERSON and all(
        _COUNT_BEFORE.search(m.sentence.text[: m.start]) for m in entity.mentions
    )


def _market_index(entity: Entity) -> bool:
    """A stock or bond index, named in full or before its number ("Stoxx Europe 600 Index")."""
    return entity.name.split()[-1] in _INDEX_WORDS or any(
        _NUMBERED_INDEX_AFTER.match(m.sentence.text, m.end) for m in entity.mentions
    )


# Nouns for a people's one member, which news uses for a person already named ("the Spaniard
# said", "the Briton"), never as a name.
_NATIONALITY_NOUNS = frozenset(
    "Spaniard Briton Brit Dane Swede Finn Pole Turk Scot Serb Croat Slovak Czech Kiwi Aussie "
    "Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman Welshman Dutchman "
    "Scotsman Icelander Filipino Argentine".split()
)


def _misread_person(entity: Entity) -> bool:
    """A "person" whose name reads as something else: a demonym ("Palestinian"), a title ("...
    Minister") or, as two words without a role, an abstract noun's program or office ("Social
    Security", "Public Policy") or a compass word and a demonym, a region's adjective
    ("Southeast Asian politicians")."""
    if entity.type is not ActorType.PERSON:
        return False
    name = entity.name.removesuffix("s")
    if entity.name in DEMONYMS or name in DEMONYMS or name in _NATIONALITY_NOUNS:
        return True  # "chief Palestinian negotiator", "The South Africans", "the Spaniard said"
    words = entity.name.split()
    if words[-1] in TITLES:
        return True
    if entity.role or len(words) != 2:
        return False
    first, last = words
    abstract = last not in _POLITICAL_BODIES and bool(_ABSTRACT_ENDING.search(last))
    return abstract or (first in _REGION_PREFIXES and last.endswith(_ADJECTIVE_ENDINGS))


_REGION_PREFIXES = COMPASS_WORDS | {"Southeast", "Southwest", "Northeast", "Northwest", "Latin"}


# Abstract nouns that name a body of people: "the Federal Opposition", "the ruling Coalition".
_POLITICAL_BODIES = frozenset({"Opposition", "Coalition", "Administration"})


def _full_organization_name(entity: Entity) -> bool:
    """ "The Australian Transport Safety Bureau is investigating the crash", "researchers from
    the National Cancer Institute": an organization named in full is in the story even once."""
    words = entity.name.split()
    return entity.type is ActorType.ORGANIZATION and (
        (len(words) > 2 and any(word in ORG_CUES for word in words))
        or (len(words) > 1 and words[-1] in COMPANY_SUFFIXES)  # "Loews Corp.", "Exxon Corp."
    )


def story_actors(
    entities: Sequence[Entity], speakers: set[str], vocabulary: frozenset[str] = frozenset()
) -> list[Entity]:
    """The actors a brief lists: without countries that are only settings or adjectives, nor
    names that are places ("Swiss court", "fled to Pakistan", "the Tora Bora area")."""
    return [
        e
        for e in entities
        if not (named_only_in_passing(e, vocabulary) and e.name not in speakers)
        and not _lone_place(e)
        and not _dateline(e)
        and not _title_of_work(e)
    ]


_OPENING_QUOTE = ('"', "“")
_CLOSING_QUOTE = re.compile(r"^[,.!?]?[\"”]")


def _title_of_work(entity: Entity) -> bool:
    """A name of several words the story only ever puts in quotation marks by itself ("a movie
    called "Sidewalk Stories,"", "the book "A Wild Sheep Chase"") is the title of a work."""
    return len(entity.name.split()) > 1 and all(
        m.sentence.text[: m.start].endswith(_OPENING_QUOTE)
        and _CLOSING_QUOTE.match(m.sentence.text[m.end :])
        for m in entity.mentions
    )


def _dateline(entity: Entity) -> bool:
    """ "MONTGOMERY, Ala. --", "SEOUL, Aug. 20": the capitals-only place a report is filed
    from, at the head of an article, is a place wherever the story names it."""
    return any(
        m.sentence.index < DATELINE_SENTENCES
        and not m.sentence.text[: m.start].strip()
        and m.surface.isupper()
        and len(m.surface) > 3
        and m.sentence.text[m.end : m.end + 1] == ","
        for m in entity.mentions
    )


def _lone_place(entity: Entity) -> bool:
    """A lone word the story also sets things in ("a scandal in Brisbane"): a place even when
    something is said in its name ("Brisbane's Lord Mayor says"), unless it acts more often
    than it is a setting ("Newsweek said", "Newsweek's ad rates", once "a page in Newsweek");
    and any name the story calls a place ("the holy city of Benares")."""
    if any(_PLACE_OF.search(m.sentence.text[: m.start]) for m in entity.mentions):
        return True
    if not all(m.key.startswith("single:") for m in entity.mentions):
        return False
    settings = sum(bool(_SET_IN.search(m.sentence.text[: m.start])) for m in entity.mentions)
    return settings > 0 and settings >= _acting(entity)


_SET_IN = re.compile(r"\b(?:in|near|outside|around|throughout|across)\s+$", re.IGNORECASE)
_PLACE_OF = re.compile(
    r"\b(?:city|town|village|province|capital|island|suburb|port|district)\s+of"
    r"\s+$",
    re.IGNORECASE,
)


# What names a company or a body rather than a person around its name: "Goldman Sachs, which",
# "Random House's spokesman", "shares of Heritage Media", "an analyst at Piper Jaffray".
_ORGANIZATION_AFTER = re.compile(
    r"^(?:,\s*which\b|['’]s\s+(?:[a-z-]+\s+)?(?:spokesman|spokeswoman|spokesperson|chairman|"
    r"board|shares|stock|unit|subsidiary|parent|headquarters|employees|executives|"
    r"chief executive|president|directors)\b|\s+(?:shares|stock)\b|\s+(?:Inc|Corp|Co|Ltd)\b"
    # "Qantas maintenance workers", "Apple customers", "Qantas and its workers": what only a
    # company has
    r"|\s+(?:[a-z-]+\s+)?(?:employees|workers|customers|subscribers|shareholders|stores|jets|"
    r"planes|flights|factory|factories|plant|plants)\b|\s+and\s+its\b"
    # "Thames Water, the country's largest supplier": an appositive that names a business
    r"|,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}(?:company|firm|group|bank|agency|supplier|"
    r"insurer|lender|carrier|retailer|maker|manufacturer|operator|airline|charity|utility|"
    r"publisher|broadcaster|conglomerate|startup|developer)\b)"
)
_ORGANIZATION_BEFORE = re.compile(
    r"\b(?:shares\s+of|(?:analyst|analysts|economist|economists|strategist|strategists|"
    r"trader|traders|executive|executives)\s+(?:at|with))\s+(?:the\s+)?$"
    # "video game maker Activision Blizzard", "environmental group Greenpeace": what kind of
    # body the name is, written before it
    r"|\b(?:maker|company|firm|giant|retailer|carrier|operator|insurer|lender|startup|start-up|"
    r"chain|manufacturer|airline|automaker|carmaker|supplier|conglomerate|subsidiary|bank|group|"
    r"brand|network|broadcaster|charity|organization|organisation|agency|watchdog)\s+$",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(r"^(?:,\s*who\b|,\s*\d{1,3},)")


def settle_type(entity: Entity) -> ActorType:
    """A name read as a person's by default ("Goldman Sachs", "Random House") is an
    organization's when the story treats it as one and never as a person: "which" after it,
    its spokesman, its shares, analysts at it. A role, a title or "who" keep a person."""
    if entity.name in US_STATES and entity.type in (ActorType.PERSON, ActorType.ORGANIZATION):
        return ActorType.OTHER  # "South Carolina", "Connecticut": typed as editors type a state
    if entity.type is not ActorType.PERSON or entity.role:
        return entity.type
    organization = False
    for mention in entity.mentions:
        text = mention.sentence.text
        before, after = text[: mention.start], text[mention.end :]
        if mention.role or _PERSON_AFTER.match(after) or HONORIFIC_BEFORE.search(before):
            return ActorType.PERSON
        organization = organization or bool(
            _ORGANIZATION_AFTER.match(after) or _ORGANIZATION_BEFORE.search(before)
        )
    return ActorType.ORGANIZATION if organization else ActorType.PERSON
