"""Actors: people, organizations, countries and groups named in the story, merged across articles.

Capitalized runs of words are read in their sentence: a title before a name becomes the role
("US Defense Secretary Lloyd Austin"), cue words make organizations ("Security Council"), a
gazetteer knows countries by their capitals and demonyms, and short forms are merged into the
full name they abbreviate ("Austin" -> "Lloyd Austin", "Council" -> "UN Security Council").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from api.extractive.gazetteer import (
    COMMON_CAPITALIZED,
    COMPANY_SUFFIXES,
    COMPASS_WORDS,
    DAYS,
    DEMONYM_ENDINGS,
    GROUP_CUES,
    GROUP_NOUNS,
    HONORIFIC_WORDS,
    INSTITUTION_NOUNS,
    KNOWN_ACTORS,
    LED_BODY_NOUNS,
    LEGISLATURES,
    LOWERCASE_TITLES,
    MEDIA_CUES,
    MEMBER_NOUNS,
    MILITARY_SYNONYMS,
    MONTHS,
    OCCUPATIONS,
    ORG_CUES,
    ORG_ENDINGS,
    PARTIES,
    PLACE_CUES,
    PLACE_PREFIXES,
    REGIONS,
    TITLE_COMPLEMENTS,
    TITLE_HEADS,
    US_STATES,
    KnownActor,
    honorific_pattern,
)
from api.extractive.sentences import UPPER, Document, Sentence
from api.extractive.tokens import Token, tokenize
from api.extractive.verbs import SPEAKING_VERBS, STANCE_VERBS
from api.schemas import ActorType

# Lowercase words inside a name: "Bank of America", and the particles of names in other
# languages ("Ursula von der Leyen", "Banca Monte dei Paschi di Siena", "Joao dos Santos").
_CONNECTORS = frozenset(
    "of for de al bin ibn van von da la du der den ter di dei del della delle degli dos das".split()
)
_NAME_PARTICLES = _CONNECTORS - {"of", "for"}
_STOP_WORDS = frozenset(
    {
        "some", "many", "more", "most", "other", "several", "these", "those", "their", "about",
        "when", "where", "what", "with", "from", "that", "this", "while", "after", "then", "than",
        "also", "only", "both", "such", "into", "between", "against", "among", "whom",
        "have", "were", "will", "would", "could", "should", "said", "says", "told",
    }
)  # fmt: skip
_BROADCASTER_PREFIXES = frozenset({"Channel", "Radio"})
_MODALS = frozenset("would will could should can may might must to".split())
_POST_NOMINALS = frozenset({"QC", "SC", "KC", "MP", "Jr", "Snr", "Jnr"})
_ROLE_STOPS = frozenset(
    (
        "that and said says by with to when while after before according as on in at said told "
        "who which"
    ).split()
)
# Words after a group noun that make it the subject of a clause ("police say", "troops have").
_SUBJECT_VERBS = frozenset(
    {"say", "says", "said", "have", "has", "had", "are", "were", "was", "is", "will", "would"}
    | {"arrested", "fired", "killed", "opened", "believe", "believed", "found", "told"}
)
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_MODEL_NUMBER = re.compile(r"[A-Z]+-\d+\w*")
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A clause between commas after a name that is not the person's title.
_NOT_ROLE_OPENERS = frozenset(
    "who whom whose which and or but is was were are has had have will would could said "
    "says".split()
)
_RELATIVE_TAIL = re.compile(r"\s+(?:who|whom|which|that)\s")
_MAX_ALIAS_TOKENS = 6
_NUMBER_WORDS = frozenset(
    (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
        "eighty ninety hundred"
    ).split()
)


@dataclass(slots=True)
class Mention:
    """One place an actor is named: ``sentence.text[start:end] == surface``."""

    sentence: Sentence
    start: int
    end: int
    surface: str
    type: ActorType
    key: str
    role: str | None = None
    canonical: str | None = None
    in_role: bool = False  # "US" in "US Defense Secretary Lloyd Austin": not a subject itself

    @property
    def article_start(self) -> int:
        return self.sentence.start + self.start

    @property
    def article_end(self) -> int:
        return self.sentence.start + self.end


@dataclass(slots=True)
class Entity:
    """An actor of the story with every mention that names it."""

    name: str
    type: ActorType
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None

    @property
    def aliases(self) -> list[str]:
        seen: list[str] = []
        for mention in self.mentions:
            if mention.surface != self.name and mention.surface not in seen:
                seen.append(mention.surface)
        return seen

    @property
    def articles(self) -> list[str]:
        ordered: list[str] = []
        for mention in sorted(self.mentions, key=lambda m: m.sentence.article_order):
            if mention.sentence.article not in ordered:
                ordered.append(mention.sentence.article)
        return ordered

    @property
    def known(self) -> bool:
        """A country or organization from the gazetteer."""
        return any(m.key.startswith("known:") and not m.in_role for m in self.mentions)

    @property
    def importance(self) -> float:
        first = min(
            (m.sentence.index for m in self.mentions), default=0
        )  # earlier in an article matters more
        return len(self.mentions) + 2.0 * len(self.articles) + 1.0 / (1 + first)


# --- the gazetteer as token sequences ----------------------------------------------------------


def _alias_table(known: Iterable[KnownActor]) -> dict[tuple[str, ...], KnownActor]:
    table: dict[tuple[str, ...], KnownActor] = {}
    for actor in known:
        for alias in (actor.name, *actor.aliases):
            table[tuple(token.text for token in tokenize(alias))] = actor
    return table


_KNOWN_BY_TOKENS = _alias_table(KNOWN_ACTORS)
_KNOWN_FIRST_WORDS = frozenset(words[0] for words in _KNOWN_BY_TOKENS)


def match_known(tokens: Sequence[Token], at: int) -> tuple[KnownActor, int] | None:
    """The longest known actor whose name starts at ``tokens[at]``, and how many tokens it spans."""
    if at >= len(tokens) or tokens[at].text not in _KNOWN_FIRST_WORDS:
        return None  # most words start no known name: skip the lookups by length
    # a plural's possessive is already cut by ``tokenize``: "the United States' war" -> "States"
    for length in range(min(_MAX_ALIAS_TOKENS, len(tokens) - at), 0, -1):
        words = tuple(token.text for token in tokens[at : at + length])
        if words in _KNOWN_BY_TOKENS:
            return _KNOWN_BY_TOKENS[words], length
    return None


# --- runs of capitalized words ------------------------------------------------------------------


# Company suffixes that end a name: a capitalized word after "Corp." starts something else.
_ENDING_SUFFIXES = frozenset(suffix for suffix in COMPANY_SUFFIXES if suffix.endswith("."))


def capitalized_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first, last+1) token indexes of each run of capitalized words, with "of"-style connectors
    inside; a possessive or "-led" word ends its run."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        if not (tokens[index].is_word and tokens[index].is_capitalized):
            index += 1
            continue
        start = index
        end = index + 1
        while end < len(tokens) and not (
            tokens[end - 1].hyphen_cut
            or (tokens[end - 1].possessive and not _possessive_in_name(tokens, end))
        ):
            token = tokens[end]
            if tokens[end - 1].text in _ENDING_SUFFIXES and token.is_capitalized:
                break  # "... Maxwell Communication Corp. Close parallels": the name has ended
            if (token.is_word and token.is_capitalized) or (
                (
                    token.lower in _CONNECTORS | {"the"}
                    # "Intergovernmental Panel on Climate Change", "Council on Foreign Relations"
                    or (token.lower == "on" and tokens[end - 1].text in ORG_CUES)
                )
                and end + 1 < len(tokens)
                and (
                    (tokens[end + 1].is_capitalized and tokens[end + 1].is_word)
                    or tokens[end + 1].lower in _CONNECTORS  # "Fernando de la Rua"
                    or (
                        tokens[end + 1].lower == "the"
                        and token.lower in {"of", "for"}
                        and tokens[end - 1].text in ORG_CUES  # not "Chuck Hagel of the ..."
                    )
                )
                # "Office for the Coordination of Humanitarian Affairs"
                and (token.lower != "the" or tokens[end - 1].lower in {"of", "for"})
                # "the West Bank on Monday": when, not "Panel on Climate Change"
                and not (token.lower == "on" and _is_date_word(tokens[end + 1].text))
            ):
                end += 1
            elif (
                token.text in {"&", "/"}
                and end + 1 < len(tokens)
                and tokens[end + 1].is_word
                and tokens[end + 1].is_capitalized
            ):
                end += 1  # "Hollingsworth & Vose Co.", "Macmillan/McGraw-Hill": one firm
            elif (
                token.lower == "and"
                # a complete name before "and" stays one: "NEC Corp. and Fujitsu Ltd.",
                # "Connecticut Bank & Trust and Bank of New England"
                and tokens[end - 1].text not in ORG_CUES
                and not _known_run(tokens, start, end)  # "the U.S. and Soviet Union"
                and (
                    _names_an_organization(tokens, end + 1)
                    or _joins_portfolios(tokens, end)
                    or _joins_fields(tokens, start, end)
                )
            ):
                end += 1  # "Australian Securities and Investments Commission"
            else:
                break
        while end > start and tokens[end - 1].lower in _CONNECTORS | {"the"}:
            end -= 1
        runs.append((start, end))
        index = max(end, index + 1)
    return runs


def _is_date_word(word: str) -> bool:
    return word in DAYS or word in MONTHS


def _known_run(tokens: Sequence[Token], start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` are a known actor's whole name, after a "The"."""
    if tokens[start].lower == "the":
        start += 1
    found = match_known(tokens, start)
    return found is not None and found[1] == end - start


def _possessive_in_name(tokens: Sequence[Token], end: int) -> bool:
    """A possessive inside an organization's name ("Elkhart County Sheriff's Department",
    "People's Alliance"), not a country's or a person's office ("Pakistan's Foreign Ministry")."""
    following = tokens[end]
    return (
        following.is_word
        and following.text in ORG_CUES
        and match_known(tokens, end - 1) is None
        and not (end >= 2 and match_known(tokens, end - 2) is not None)
    )


def _joins_portfolios(tokens: Sequence[Token], at: int) -> bool:
    """ "Foreign Affairs and Trade": an "and" between two portfolios is inside one name."""
    return (
        0 < at < len(tokens) - 1
        and tokens[at - 1].text in TITLE_COMPLEMENTS
        and tokens[at + 1].text in TITLE_COMPLEMENTS
        and tokens[at + 1].is_capitalized
    )


def _joins_fields(tokens: Sequence[Token], start: int, at: int) -> bool:
    """ "Ministry of International Trade and Industry", "Department of Health and Human
    Services": after a body's "of", an "and" before a capitalized word that names no actor of
    its own (nor a state: "the US Army Corps of Engineers and North Dakota") joins the body's
    two fields."""
    return (
        at + 1 < len(tokens)
        and tokens[at + 1].is_word
        and tokens[at + 1].is_capitalized
        and match_known(tokens, at + 1) is None
        and not _starts_a_state(tokens, at + 1)
        and any(
            tokens[i].text in ORG_CUES and tokens[i + 1].lower in {"of", "for"}
            for i in range(start, at - 1)
        )
    )


def _starts_a_state(tokens: Sequence[Token], start: int) -> bool:
    """A US state's name, of one or two words ("Ohio", "North Dakota"), starts at ``start``."""
    words = [token.text for token in tokens[start : start + 2]]
    return words[0] in US_STATES or " ".join(words) in US_STATES


def _names_an_organization(tokens: Sequence[Token], start: int) -> bool:
    """Capitalized words from ``start`` that end in an organization's cue word ("Commission"),
    but not a name complete in itself: a known actor ("the U.S. and Soviet Union") or a
    company by its legal name ("Newsweek and Time Warner Inc."), which spells "and" as "&"."""
    known = match_known(tokens, start)
    if known is not None:
        # "Royal Australian and New Zealand College of Psychiatrists": a country that opens a
        # longer name is part of it
        after = start + known[1]
        return after < len(tokens) and tokens[after].text in ORG_CUES
    if start + 1 < len(tokens) and tokens[start + 1].lower in {"of", "for"}:
        return False  # "... and Club for Growth", "... and Bank of America": a name of its own
    for token in tokens[start : start + 3]:
        if not (token.is_word and token.is_capitalized):
            return False
        if token.text in COMPANY_SUFFIXES:
            return False
        if token.text in ORG_CUES:
            return True
    return False


def _is_common_word(token: Token, sentence_initial: bool, vocabulary: frozenset[str]) -> bool:
    if _is_number_word(token):
        return True
    if token.text in COMMON_CAPITALIZED or token.text.rstrip(".") in COMMON_CAPITALIZED:
        return True
    return sentence_initial and token.lower in vocabulary


def _split_at_calendar_words(
    tokens: Sequence[Token], start: int, end: int
) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for index in range(start, end):
        if _is_date_word(tokens[index].text):
            if index > piece_start:
                pieces.append((piece_start, index))
            piece_start = index + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


# Words that open a sentence before "of" and the name of what they are part of.
_PARTITIVES = frozenset(
    "Shares Stocks Members Thousands Hundreds Dozens Millions Supporters Officials Residents "
    "Employees Workers Customers Fans Most Many Some Much Half Part Parts Rest".split()
)


# A generation after a name is part of it: "William H. Hudnut III", "Queen Elizabeth II"; and
# what a war, a work or a product is numbered after ("World War II", "Episode IV").
_GENERATIONS = frozenset(
    "II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII XXIII".split()
)
_GENERATION_WORDS = frozenset({generation.lower() for generation in _GENERATIONS} | {"jr", "sr"})
_BEFORE_NUMBERED_THINGS = frozenset(
    "War Episode Part Phase Act Title Chapter Volume Class Type Stage Level Division League "
    "Series Mark Council".split()
)


def first_and_last(name: str) -> tuple[str, str]:
    """A person's first and last name words, a generation left off: "William H. Hudnut III"
    -> ("William", "Hudnut"), so that "Hudnut" alone is him."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,").lower() in _GENERATION_WORDS:
        words.pop()
    return words[0], words[-1]


def _name_words(tokens: Sequence[Token], titled: bool = False) -> bool:
    """Every token is a name word; a generation may end a personal name of two words or more,
    or of one after a title ("James M. Trotter III", "John Paul II", "King Mohammed VI"), but
    not a war's or a product's ("World War II", "Apple II")."""
    if (
        len(tokens) >= (2 if titled else 3)
        and tokens[-1].text in _GENERATIONS
        and tokens[-2].text not in _BEFORE_NUMBERED_THINGS
    ):
        tokens = tokens[:-1]
    # "P.J. Crowley", "J.K. Rowling": initials written together open a name, never end one
    return all(
        _looks_like_name_token(token) or (index < len(tokens) - 1 and _initials_of_a_name(token))
        for index, token in enumerate(tokens)
    )


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# Places written as initials: "L.A. Unified" is a school district, "D.C. Mayor" an office.
_PLACE_INITIALS = frozenset("U.S. U.K. U.N. E.U. L.A. N.Y. D.C. N.J. S.F. N.Z. P.R.".split())


def _initials_of_a_name(token: Token) -> bool:
    return _INITIALS.fullmatch(token.text) is not None and token.text not in _PLACE_INITIALS


def _looks_like_name_token(token: Token) -> bool:
    text = token.text.replace("-", "").replace("’", "").replace("'", "").replace(".", "")
    return (
        text.isalpha()
        and token.is_capitalized
        and not (text.isupper() and len(text) > 1)
        and not _ACRONYM_PLURAL.fullmatch(text)  # "SUVs", "ATMs": things, not a name's part
        and token.text not in ORG_CUES
        and token.text not in COMMON_CAPITALIZED
        and not _is_title(token.text)
        and not _is_plural_title(token.text)
        and not token.text.startswith(("I'", "I’"))  # "I've", "I'm"
    )


def _without_connectors(tokens: Sequence[Token]) -> Sequence[Token]:
    """The words of a name without the particles inside it ("Osama bin Laden", "de la Rua")."""
    if len(tokens) < 3 or tokens[0].text in _CONNECTORS or tokens[-1].text in _CONNECTORS:
        return tokens
    return [token for token in tokens if token.text not in _NAME_PARTICLES]


def _is_group_modifier(token: Token) -> bool:
    """A lowercase noun that says which group ("maintenance workers", "factory workers"), not a
    determiner, an adverb or a participle ("the", "heavily", "armed")."""
    text = token.text
    return (
        text.isalpha()
        and text.islower()
        and len(text) > 3
        and text not in _STOP_WORDS
        and text not in _TIME_ADVERBS
        and not text.endswith(("ed", "ly", "ing", "s"))
    )


# Words between a list of names and its verb: "were all opposed", "have also said".
_ADVERB_FOLLOWERS = frozenset("all also both".split())
_LIST_FOLLOWERS = _ADVERB_FOLLOWERS | frozenset("have has had were was are is".split())


# "A short time later police arrested": when, not which police.
_TIME_ADVERBS = frozenset("later earlier sooner afterwards afterward".split())


def _is_plural_name(text: str) -> bool:
    """ "Democrats", "Greens": a capitalized plural that names a party or a group."""
    return len(text) > 3 and text.isalpha() and text.endswith("s") and not text.endswith("ss")


def _is_title(text: str) -> bool:
    """ "Secretary", "Attorney-General", "Secretary-General"."""
    return text in TITLE_HEADS or any(part in TITLE_HEADS for part in text.split("-")[1:])


# Members of a party are titled by it ("Republican Chuck Hagel"); its plural names the party.
_PARTY_MEMBERS = frozenset({"Republican", "Democrat"})


def _is_plural_title(text: str) -> bool:
    """ "the Governor Generals version": an office in the plural, not a name."""
    singular = text.removesuffix("s")
    return singular != text and singular not in _PARTY_MEMBERS and _is_title(singular)


def _is_number_word(token: Token) -> bool:
    """ "Twenty-eight-year-old", "2001": a number is not part of a name."""
    first = token.lower.split("-")[0]
    return token.text[:1].isdigit() or first in _NUMBER_WORDS


def _name_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


# "the Department of Energy" is "the Energy Department", "Ministry of Defence" the "Defence
# Ministry": one key for both word orders.
_OFFICE_OF = re.compile(r"^(?P<lead>.*?)\b(?P<office>department|ministry|bureau) of (?P<field>.+)$")
_OFFICE_FIELD_WORDS = 4


def _office_key(key: str) -> str:
    match = _OFFICE_OF.match(key)
    if match is None:
        return key
    field = match["field"].removeprefix("the ")
    if " of " in f" {field} " or len(field.split()) > _OFFICE_FIELD_WORDS:
        return key
    return f"{match['lead']}{field} {match['office']}"


# A knighthood before a name is not part of it: "Sir Allan Kemakeza" is "Allan Kemakeza", whom
# "Sir Allan" names too.
_KNIGHTHOODS = frozenset({"Sir", "Dame"})


def _person_key(surface: str) -> str:
    first, _, rest = surface.partition(" ")
    return _name_key(rest if first in _KNIGHTHOODS and rest else surface)


@dataclass(slots=True)
class _SentenceReader:
    """Reads the actor mentions of one sentence."""

    sentence: Sentence
    vocabulary: frozenset[str]
    surnames: frozenset[str] = frozenset()
    tokens: list[Token] = field(init=False)
    mentions: list[Mention] = field(default_factory=list)
    singles: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.sentence.text)

    def surface(self, start: int, end: int) -> str:
        return self.sentence.text[self.tokens[start].start : self.tokens[end - 1].end]

    def mention(
        self, start: int, end: int, kind: ActorType, key: str, role: str | None = None
    ) -> Mention:
        return Mention(
            self.sentence,
            self.tokens[start].start,
            self.tokens[end - 1].end,
            self.surface(start, end),
            kind,
            key,
            role,
        )

    def _verb_after(self, end: int) -> str:
        """The word after ``end``, past adverbs ("Google vocally supported", "Sprint also
        said")."""
        index = end
        while index < len(self.tokens) and (
            self.tokens[index].lower in _ADVERB_FOLLOWERS
            or (self.tokens[index].lower.endswith("ly") and self.tokens[index].lower != "only")
        ):
            index += 1
        return self.tokens[index].lower if index < len(self.tokens) else ""

    def _listed_before_verb(self, end: int) -> bool:
        """The word before ``end`` is listed with other capitalized words as the subject of a
        verb of speaking or of stance: "Facebook, Google and KickStarter all also vocally
        supported", "Verizon, Sprint and Comcast were opposed"."""
        start = end - 1
        listed = start > 1 and self.tokens[start - 1].lower in {",", "and", "or"}
        index = end
        while index < len(self.tokens):
            token = self.tokens[index]
            previous = self.tokens[index - 1].lower
            if token.text == "," or token.lower in {"and", "or"}:
                index += 1
            elif token.is_word and token.is_capitalized and previous in {",", "and", "or"}:
                listed = True
                index += 1
            elif listed and (token.lower in _LIST_FOLLOWERS or token.lower.endswith("ly")):
                index += 1
            else:
                return listed and token.lower in SPEAKING_VERBS
        return False

    def first_word_index(self) -> int:
        """The sentence's first word, after a list item's number ("1) Classroom Resources")."""
        for index, token in enumerate(self.tokens):
            following = self.tokens[index + 1].text if index + 1 < len(self.tokens) else ""
            if token.is_word and not (token.text.isdigit() and following in {")", "."}):
                return index
        return 0

    def _partitive(self, index: int) -> bool:
        """The words at ``index`` are a part or a number of what follows: "Shares of",
        "Thousands of", "Members of"."""
        return self.tokens[index].text in _PARTITIVES and self.tokens[index + 1].lower == "of"

    def _occupation(self, index: int) -> bool:
        """The word at ``index`` is an occupation's noun, not a name."""
        return self.tokens[index].lower in OCCUPATIONS

    def _label(self, start: int, end: int, first_word: int) -> bool:
        """ "1) Classroom Resources: Through a grant ...": the words that open a sentence and end
        at a colon head a list item; they name a topic, unless they name a known actor
        ("Connecticut: ...", "Delaware: ...")."""
        return (
            start == first_word
            and end < len(self.tokens)
            and self.tokens[end].text == ":"
            and match_known(self.tokens, start) is None
            and self.surface(start, end) not in US_STATES
        )

    def read(self) -> None:
        if _is_headline(self.sentence.text):
            return  # "Oil from Spill Could Still Pose Major Threat": every word is capitalized
        self._read_institutions()
        self._read_groups()
        self._read_administrations()
        first_word = self.first_word_index()
        for run_start, run_end in capitalized_runs(self.tokens):
            for piece_start, end in _split_at_calendar_words(self.tokens, run_start, run_end):
                start = piece_start
                while start < end and match_known(self.tokens, start) is None:
                    if self.tokens[start].text in PLACE_PREFIXES and start + 1 < end:
                        break  # "New South Wales": the prefix belongs to the name
                    if not _is_common_word(
                        self.tokens[start], start == first_word, self.vocabulary
                    ):
                        break
                    start += 1
                if start == first_word and end - start > 2 and self._occupation(start):
                    start += 1  # "Farmer Chad Smith said": his work, capitalized, not his name
                if start == first_word and end - start > 2 and self._partitive(start):
                    start += 2  # "Shares of Nvidia Corp. jumped": a part of what is named
                if start < end and not self._label(piece_start, end, first_word):
                    self._read_run(start, end)

    def _read_groups(self) -> None:
        """ "police said", "the gunman fired", "Illawarra police have": a common noun for a group
        or a role that is the subject of a verb, or the agent of a passive ("passed on by the
        major banks"); the nouns that say which group ("refugee support groups") and a
        capitalized word before them are kept."""
        first_word = self.first_word_index()
        for index, token in enumerate(self.tokens[:-1]):
            if token.lower not in GROUP_NOUNS or (token.is_capitalized and index != first_word):
                continue
            start = self._group_start(index, first_word)
            if not (self._group_acts(index) or (start < index and self._agent_of_passive(start))):
                continue
            if token.lower in MEMBER_NOUNS and self._members_of_known(start, index):
                continue  # "Al Qaeda fighters": the organization itself
            mention = self.mention(start, index + 1, ActorType.GROUP, f"group:{token.lower}")
            self.mentions.append(mention)

    def _read_administrations(self) -> None:
        """ "the Obama administration", "the Giuliani campaign": the body a person leads is an
        actor of its own, named by the person and a lowercase noun."""
        for index, token in enumerate(self.tokens[:-1]):
            if (
                self.tokens[index + 1].lower in LED_BODY_NOUNS
                and not token.possessive
                and index != self.first_word_index()
                and _looks_like_name_token(token)
                and match_known(self.tokens, index) is None
            ):
                key = f"org:{_name_key(self.surface(index, index + 2))}"
                self.mentions.append(self.mention(index, index + 2, ActorType.ORGANIZATION, key))

    def _group_acts(self, index: int) -> bool:
        """The group noun at ``index`` is followed by its verb ("unions say", "groups are")."""
        following = [t.lower for t in self.tokens[index + 1 : index + 3]]
        if following[:2] == [",", "who"]:
            return True  # "3,000 Hamas supporters, who determined their leader would not"
        verb = following[0]
        # a plural group takes a reporting verb's plain form ("critics warn"); with an "-s"
        # the word is a noun ("police reports", "union demands")
        reports = verb in STANCE_VERBS and not verb.endswith("s")
        return verb in _SUBJECT_VERBS or reports or verb.endswith(("ed", "ing"))

    def _agent_of_passive(self, start: int) -> bool:
        """ "passed on by all the major banks": the group after "by" did what a participle says."""
        before = [t.lower for t in self.tokens[max(0, start - 3) : start]]
        while before and before[-1] in {"the", "all", "its", "their"}:
            before.pop()
        return bool(before) and before[-1] == "by"

    def _group_start(self, index: int, first_word: int) -> int:
        """Where a group's name starts: up to two nouns that say which group ("power industry
        unions"), and a capitalized name before them ("Qantas maintenance workers")."""
        start = index
        while start > 0 and index - start < 2:
            modifier = self.tokens[start - 1]
            before = self.tokens[start - 2].lower if start > 1 else ""
            if before in _MODALS or before.endswith("ly"):
                # "would help legal residents", "to forcibly remove protesters": "help" and
                # "remove" are verbs, not kinds of resident or protester
                break
            if before in {"a", "an"}:
                break  # "a concession critics say will weaken it": "a" is the concession's
            if _is_group_modifier(modifier):
                start -= 1
            elif (
                start - 1 == first_word
                and modifier.is_capitalized
                and modifier.lower in self.vocabulary
                and _is_group_modifier(Token(modifier.lower, 0, 0))
            ):
                start -= 1  # "Refugee support groups are": a common word opening the sentence
                break
            else:
                break
        previous = self.tokens[start - 1] if start > 0 else None
        if (
            previous is not None
            and previous.is_capitalized
            and previous.is_word
            and not _is_common_word(previous, start - 1 == first_word, self.vocabulary)
            and not previous.possessive
            and not (  # "Al Qaeda fighters"; but "But Western diplomats believe"
                start > 1
                and self.tokens[start - 2].is_capitalized
                and not _is_common_word(
                    self.tokens[start - 2], start - 2 == first_word, self.vocabulary
                )
            )
        ):
            start -= 1
            if start > 0 and self.tokens[start - 1].text in PLACE_PREFIXES:
                start -= 1  # "New Jersey residents", not "Jersey residents"
        return start

    def _members_of_known(self, start: int, index: int) -> bool:
        """ "Al Qaeda fighters", "Hezbollah militants": members named by their organization."""
        for begin in range(max(0, start - 4), index):
            found = match_known(self.tokens, begin)
            if found is not None and begin + found[1] == index:
                return found[0].type is not ActorType.COUNTRY
        return False

    def _read_institutions(self) -> None:
        """ "the South Korean military": a demonym (or country) before an institution noun."""
        lowered = [token.lower for token in self.tokens]
        for index in range(len(self.tokens)):
            found = match_known(self.tokens, index)
            if found is None or found[0].type is not ActorType.COUNTRY:
                continue
            after = index + found[1]
            for noun, institution in INSTITUTION_NOUNS.items():
                words = noun.split()
                if lowered[after : after + len(words)] == words and all(
                    not self.tokens[after + i].is_capitalized for i in range(len(words))
                ):
                    key = f"institution:{found[0].name}:{institution}"
                    self.mentions.append(
                        self.mention(index, after + len(words), ActorType.ORGANIZATION, key)
                    )
                    break

    def _inside_existing(self, start: int, end: int) -> bool:
        first, last = self.tokens[start].start, self.tokens[end - 1].end
        return any(m.start <= first and last <= m.end for m in self.mentions)

    def _names_a_role(self, end: int) -> bool:
        """ "Federal Opposition leader Simon Crean": the run qualifies a lowercase title that a
        name follows, so it is part of that person's role, not an actor of its own."""
        return (
            end + 1 < len(self.tokens)
            and self.tokens[end].lower in LOWERCASE_TITLES
            and self.tokens[end + 1].is_word
            and self.tokens[end + 1].is_capitalized
        )

    def _names_a_portfolio(self, start: int) -> bool:
        """ "Labor's spokesman on Home Affairs", "the Minister for Immigration": the run is the
        office's subject, not an actor."""
        if start < 2 or self.tokens[start - 1].lower not in {"on", "for"}:
            return False
        title = self.tokens[start - 2]
        return title.lower in LOWERCASE_TITLES or _is_title(title.text)

    def _read_run(self, start: int, end: int) -> None:
        if self._inside_existing(start, end) or self._names_a_portfolio(start):
            return
        of = self._person_then_of(start, end)
        if of is not None:
            # "Mayor Tom Brink of Springfield", "Gary Smaby of Smaby Group Inc.": the person,
            # and where he is from or the body he speaks for, which is named but is not the
            # subject of what follows
            self._read_run(start, of)
            texts = [token.text for token in self.tokens[of + 1 : end]]
            if any(text in ORG_CUES for text in texts):
                self._add_organization(of + 1, end, texts, in_role=True)
            return
        if self.surface(start, end) in REGIONS:
            return  # "the West Bank", "the Middle East": a setting
        if self._read_titled_person(start, end):
            return
        texts = [token.text for token in self.tokens[start:end]]
        known = match_known(self.tokens, start)
        if known is None and self._names_a_role(end):
            if len(texts) > 1 and texts[-1] in ORG_CUES:
                # "National Parks Service spokesperson Bill Line": the body he speaks for is
                # named too, though not as the subject of what follows
                self._add_organization(start, end, texts, in_role=True)
            return
        if len(texts) > 2 and texts[0] in ORG_CUES and texts[1] in {"of", "for"}:
            self._add_organization(start, end, texts)  # "Bureau of Air Safety Investigation"
            return
        if known is not None and known[1] == end - start:
            actor = known[0]
            self.mentions.append(self.mention(start, end, actor.type, f"known:{actor.name}"))
            return
        if len(texts) == 1 and texts[0] in ORG_CUES:
            self.singles.append(self.mention(start, end, ActorType.ORGANIZATION, "head"))
            return
        if "for" in texts[1:-1] and not _is_title(texts[0]):
            # "Students for Fair Admissions", "Friends for Education": no person's name has
            # "for" in it, so a name that does is a body's ("Minister for Trade" is an office)
            self._add_organization(start, end, texts)
            return
        if self._read_organization_then_person(start, end, texts):
            return
        if len(texts) > 1 and texts[0] in _BROADCASTER_PREFIXES:
            self._add_organization(start, end, texts)  # "Channel Seven": a source, not a person
            return
        if (
            any(text in ORG_CUES for text in texts[1:])
            or (len(texts) > 1 and texts[0] in GROUP_CUES)  # "Front Line Defenders"
            or (len(texts) > 1 and texts[-1] in ORG_ENDINGS)  # "Amnesty International"
        ):
            self._add_organization(start, end, texts)
            return
        if (
            known is not None
            and known[0].type is ActorType.COUNTRY
            and end - start == known[1] + 1
            and self.surface(start, start + known[1]) != known[0].name
            and _is_plural_name(texts[-1])
        ):
            self._add_organization(start, end, texts)  # "Australian Democrats"
            return
        if len(texts) == 2 and texts[0] in COMPASS_WORDS and texts[1].endswith(DEMONYM_ENDINGS):
            return  # "West African nations", "East Asian allies": an adjective of a region
        is_place = len(texts) > 1 and (texts[-1] in PLACE_CUES or texts[0] in PLACE_PREFIXES)
        if is_place and not self._speaks_after(end) and texts[-1] not in self.surnames:
            # "Blue Mountains", "New South Wales"; but "Robert Hill says" is a person, and so
            # is "Charles Lane" in a story that calls him "Mr. Lane"
            return
        self._read_names_and_known(start, end)

    def _person_then_of(self, start: int, end: int) -> int | None:
        """The index of the "of" in "James A. Talcott of Boston", "Mayor Tom Brink of
        Springfield" or "Alexandra Olgin of South Carolina Public Radio", where a person's name
        (two or three name words, or one after a title or before a "Jr.") comes first; not in
        "Bank of Japan", "Secretary of State" or "United States of America"."""
        of = next((i for i in range(start + 1, end - 1) if self.tokens[i].lower == "of"), None)
        if of is None or match_known(self.tokens, start) is not None:
            return None
        lead = start
        while lead < of and (
            _is_title(self.tokens[lead].text) or self.tokens[lead].text in HONORIFIC_WORDS
        ):
            lead += 1
        names = self.tokens[lead:of]
        junior = bool(names) and names[-1].text.rstrip(".") in _POST_NOMINALS
        if junior:
            names = names[:-1]
        if not 1 <= len(names) <= 3 or not _name_words(names):
            return None
        if any(t.text in PLACE_CUES | MEDIA_CUES or t.text in PLACE_PREFIXES for t in names):
            return None
        if lead > start or junior or len(names) > 1:
            return of
        return None

    def _read_organization_then_person(self, start: int, end: int, texts: list[str]) -> bool:
        """ "Logan International Airport Tom Kinton": an organization's name ends at its cue
        word and the person named after it holds a role there."""
        cues = [i for i, text in enumerate(texts[:-2]) if text in ORG_CUES | PLACE_CUES and i > 0]
        if not cues:
            return False
        name_start = start + cues[-1] + 1
        name_tokens = self.tokens[name_start:end]
        if not 2 <= len(name_tokens) <= 3 or not _name_words(name_tokens):
            return False
        if any(token.text in PLACE_CUES for token in name_tokens):
            # "Maastricht University Medical Center", "the NGO Front Line Defenders": one
            # name, not a body's and then a person's
            return False
        if any(match_known(self.tokens, i) is not None for i in range(name_start, end)):
            return False
        if texts[cues[-1]] in ORG_CUES:
            self._add_organization(start, name_start, texts[: cues[-1] + 1])
        self._add_person(name_start, end, self.surface(start, name_start))
        return True

    def _speaks_after(self, end: int) -> bool:
        """The words after ``end`` are a speaking verb, maybe after an appositive comma."""
        following = [t.lower for t in self.tokens[end : end + 2]]
        if following and following[0] == ",":
            following = following[1:]
        return bool(following) and following[0] in SPEAKING_VERBS

    def _add_organization(
        self, start: int, end: int, texts: list[str], in_role: bool = False
    ) -> None:
        kind = ActorType.GROUP if any(t in GROUP_CUES for t in texts) else ActorType.ORGANIZATION
        key = f"org:{_office_key(_name_key(self.surface(start, end)))}"
        known = match_known(self.tokens, start)
        if known is not None and known[0].type is ActorType.COUNTRY:
            rest = _name_key(self.surface(start + known[1], end)) if start + known[1] < end else ""
            if rest in MILITARY_SYNONYMS:
                key = f"institution:{known[0].name}:military"
        mention = self.mention(start, end, kind, key)
        mention.in_role = in_role
        self.mentions.append(mention)

    def _read_titled_person(self, start: int, end: int) -> bool:
        """A title and a name in one run: the title (and what precedes it) becomes the role."""
        heads = [i for i in range(start, end - 1) if _is_title(self.tokens[i].text)]
        if not heads:
            return self._read_lowercase_titled_person(start, end)
        head = heads[-1]
        name_start = head + 1
        if self.tokens[name_start].lower == "of":
            name_start += 1
            while name_start < end and self.tokens[name_start].text in TITLE_COMPLEMENTS:
                name_start += 1
            if end - name_start == 1 and self.tokens[name_start - 1].lower == "of":
                return True  # "Archbishop of Brisbane", "Director of Boston's": a see, a place
        if end - name_start > 2 and self.tokens[end - 1].text in _POST_NOMINALS:
            end -= 1  # "Royal Commissioner Terence Cole QC"
        name_tokens = _without_connectors(self.tokens[name_start:end])
        if not 1 <= len(name_tokens) <= 4 or not _name_words(name_tokens, titled=True):
            return False
        if match_known(self.tokens, name_start) is not None:
            return False
        role = (
            self.surface(start, name_start)
            if self.tokens[head].text not in HONORIFIC_WORDS
            else None
        )
        if role is not None and self.tokens[start].text in HONORIFIC_WORDS:
            role = None
        for index in range(start, head):
            known = match_known(self.tokens, index)
            if known is not None:
                actor = known[0]
                key = f"known:{actor.name}"
                in_role = self.mention(index, index + known[1], actor.type, key)
                in_role.in_role = True
                self.mentions.append(in_role)
                break
        self._add_person(name_start, end, role)
        return True

    def _read_lowercase_titled_person(self, start: int, end: int) -> bool:
        """ "the party secretary Park Jong-Chong": a lowercase title right before the name."""
        if start == 0 or self.tokens[start - 1].lower not in LOWERCASE_TITLES:
            return False
        names = self.tokens[start:end]
        if not 1 <= len(names) <= 4 or not _name_words(names):
            return False
        role_start = start - 1
        while role_start > 0 and start - role_start < 8:
            previous = self.tokens[role_start - 1]
            if not previous.is_word or previous.lower in _ROLE_STOPS:
                break
            role_start -= 1
        role = self.sentence.text[self.tokens[role_start].start : self.tokens[start - 1].end]
        self._add_person(start, end, _LEADING_DETERMINER.sub("", role))
        return True

    def _appositive_role(self, end: int) -> str | None:
        """ "Lloyd Austin, the US defense secretary, said": the phrase between commas."""
        if end >= len(self.tokens) or self.tokens[end].text != ",":
            return None
        for close in range(end + 1, min(end + 12, len(self.tokens))):
            if self.tokens[close].text in {",", ";", "."}:
                inner = self.tokens[end + 1 : close]
                if inner[0].lower in _NOT_ROLE_OPENERS:
                    return None  # ", whom Mr. Bush nominated ...,", ", and one Democrat,"
                following = self.tokens[close + 1] if close + 1 < len(self.tokens) else None
                if following is not None and _looks_like_name_token(following):
                    # ", resigned and its chairman, Frank Stronach,": the title is of the
                    # name after it
                    return None
                if any(t.lower in LOWERCASE_TITLES or t.text in TITLE_HEADS for t in inner):
                    text = self.sentence.text[inner[0].start : inner[-1].end]
                    # "a Republican strategist who has worked in swing states": the title only
                    text = _RELATIVE_TAIL.split(text, maxsplit=1)[0]
                    return _LEADING_DETERMINER.sub("", text)
                return None
        return None

    def _role_after_as(self, end: int) -> str | None:
        """ "with Hamid Karzai as Prime Minister": the office the person is named to."""
        index = end
        if index >= len(self.tokens) or self.tokens[index].lower != "as":
            return None
        index += 1
        if index < len(self.tokens) and self.tokens[index].lower in {"the", "its", "their"}:
            index += 1
        last = index
        while last < len(self.tokens) and last - index < 5:
            token = self.tokens[last]
            if not (token.is_word and (token.is_capitalized or token.lower in _CONNECTORS)):
                break
            last += 1
        words = self.tokens[index:last]
        if not words or not any(_is_title(t.text) for t in words) or words[-1].lower in _CONNECTORS:
            return None
        return self.sentence.text[words[0].start : words[-1].end]

    def _preceding_role(self, start: int) -> str | None:
        """ "The Foreign Minister, Dr Abdullah, said": a title just before the name, set off by
        a comma, is the person's role."""
        index = start - 1
        if index >= 0 and self.tokens[index].text in HONORIFIC_WORDS:
            index -= 1
        if index < 1 or self.tokens[index].text != ",":
            return None
        first = index
        while first > 0 and index - first < 8:
            previous = self.tokens[first - 1]
            if not (
                previous.is_word
                and (previous.is_capitalized or previous.lower in _CONNECTORS | {"and"})
            ):
                break
            first -= 1
        while first < index and (
            self.tokens[first].lower in _CONNECTORS | {"and", "the"}
            or self.tokens[first].text in COMMON_CAPITALIZED
        ):
            first += 1
        words = self.tokens[first:index]
        if not any(_is_title(t.text) and t.text not in HONORIFIC_WORDS for t in words):
            return None
        return self.sentence.text[words[0].start : words[-1].end]

    def _add_person(self, start: int, end: int, role: str | None) -> None:
        role = (
            role
            or self._appositive_role(end)
            or self._preceding_role(start)
            or self._role_after_as(end)
        )
        mention = self.mention(start, end, ActorType.PERSON, "", role)
        mention.key = f"person:{_person_key(mention.surface)}"
        (self.mentions if end - start > 1 or role else self.singles).append(mention)

    def _read_names_and_known(self, start: int, end: int) -> None:
        """Known actors inside the run become their own mentions; the rest is a person's name."""
        index = start
        pending = start
        while index < end:
            known = match_known(self.tokens, index)
            if known is None:
                index += 1
                continue
            actor = known[0]
            if (
                actor.type is ActorType.COUNTRY
                and index == pending + 1
                and self.tokens[pending].text in COMPASS_WORDS
            ):
                index += known[1]  # "South Australia": a region, neither a person nor the country
                pending = index
                continue
            if (
                actor.type is ActorType.COUNTRY
                and index == pending + 1 == start + 1
                and index + known[1] == end
                and self.surface(index, end) == actor.name
                and _looks_like_name_token(self.tokens[pending])
            ):
                # "Energy Australia says", "Cricket Australia": a word before a country's
                # name in one run names a body of that country
                self._add_organization(start, end, [t.text for t in self.tokens[start:end]])
                return
            self._read_name(pending, index)
            self.mentions.append(
                self.mention(index, index + known[1], actor.type, f"known:{actor.name}")
            )
            index += known[1]
            pending = index
        self._read_name(pending, end)

    def _read_name(self, start: int, end: int) -> None:
        if end - start > 2 and self.tokens[end - 1].text in _POST_NOMINALS:
            end -= 1  # "Wayne Martin QC"
        tokens = self.tokens[start:end]
        if tokens and self.surface(start, end) in REGIONS:
            return  # "UN Middle East envoy"
        name_tokens = _without_connectors(tokens)
        if not tokens or not _name_words(name_tokens) or len(name_tokens) > 4:
            if (
                len(tokens) == 1
                and tokens[0].text.isupper()
                and len(tokens[0].text) > 1
                and not _MODEL_NUMBER.fullmatch(tokens[0].text)  # "B-52", "F-16": a machine
            ):
                acronym = self.mention(start, end, ActorType.ORGANIZATION, "acronym")
                after = self.tokens[end].lower if end < len(self.tokens) else ""
                if after in SPEAKING_VERBS:
                    acronym.canonical = "speaker"  # "The FBI said": in the story, even once
                self.singles.append(acronym)
            return
        if len(tokens) == 1:
            after = self._verb_after(end)
            if self._read_lowercase_titled_person(start, end):
                return
            mention = self.mention(start, end, ActorType.PERSON, f"single:{tokens[0].lower}")
            listed = self._listed_before_verb(end)
            # a word after a colon opens a sentence of its own ("Scholarships: Financial
            # support will be provided")
            opening = start == self.first_word_index() or self.tokens[start - 1].text == ":"
            if listed or (after in SPEAKING_VERBS and not opening):
                mention.key = f"person:{_name_key(mention.surface)}"
                mention.role = None
                self.singles.append(mention)
                mention.canonical = "speaker"
            else:
                self.singles.append(mention)
            return
        self._add_person(start, end, None)


def story_vocabulary(documents: Sequence[Document]) -> frozenset[str]:
    """Every word the story writes in lowercase: its capitalized form is a common word."""
    words: set[str] = set()
    for document in documents:
        words.update(re.findall(r"\b[a-z][a-z'’-]*\b", document.article.text))
    return frozenset(words)


# A line with at least this many words, most of them capitalized and no closing stop, is a
# headline a scraped page kept, not a sentence; its capitals say nothing about names.
_HEADLINE_WORDS = 4
_HEADLINE_CAPITALIZED = 0.6


def _is_headline(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < _HEADLINE_WORDS or text.rstrip().endswith((".", "!", "?", '"', "”", ":")):
        return False
    capitalized = sum(w[:1].isupper() for w in words)
    return capitalized >= _HEADLINE_CAPITALIZED * len(words)


# Text that ends in an honorific: the name after it is a person's ("Ms. Haley").
HONORIFIC_BEFORE = re.compile(rf"\b{honorific_pattern()}\s*$")
# A word after an honorific is someone's surname ("Mr. Lane", "Dr Hill").
_TITLED_SURNAME = re.compile(rf"\b{honorific_pattern()}\s+([{UPPER}][\w'’-]+)")


def find_mentions(
    documents: Sequence[Document], vocabulary: frozenset[str]
) -> tuple[list[Mention], list[Mention]]:
    """All certain mentions, and the single capitalized words that may be short names."""
    mentions: list[Mention] = []
    singles: list[Mention] = []
    surnames = frozenset(
        match.group(1)
        for document in documents
        for match in _TITLED_SURNAME.finditer(document.article.text)
    )
    for document in documents:
        for sentence in document.sentences:
            reader = _SentenceReader(sentence, vocabulary, surnames)
            reader.read()
            mentions.extend(reader.mentions)
            singles.extend(reader.singles)
    return mentions, singles


# --- merging mentions into actors ---------------------------------------------------------------


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _CONNECTORS)


def _display_name(mentions: Sequence[Mention]) -> str:
    """The fullest form used: the longest surface, the most frequent among equals."""
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.surface] = counts.get(mention.surface, 0) + 1
    return max(counts, key=lambda s: (len(s.split()), counts[s], -len(s)))


def merge_mentions(mentions: Sequence[Mention], singles: Sequence[Mention]) -> list[Entity]:
    """Group mentions into actors: known ones by gazetteer name, people by shared name parts,
    organizations by shared head words; single words join the full name they abbreviate."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.key, []).append(mention)
    _merge_people_groups(groups)
    _merge_organization_groups(groups)
    _merge_company_short_names(groups)
    orphans: dict[str, list[Mention]] = {}
    for single in singles:
        target = _group_for_single(single, groups)
        if target is not None:
            groups[target].append(single)
        elif single.canonical == "speaker":
            key = f"org:{_name_key(single.surface)}" if single.key == "acronym" else single.key
            groups.setdefault(key, []).append(single)
        elif single.key == "head" and single.surface in LEGISLATURES:
            groups.setdefault(f"org:{_name_key(single.surface)}", []).append(single)
        elif single.key == "acronym" or (
            single.key.startswith("single:") and not _part_of_a_name(single.surface, groups)
        ):
            orphans.setdefault(f"org:{_name_key(single.surface)}", []).append(single)
    # A lone name no full name explains, an acronym ("HIH") or a word ("Traveland", "Ansett"),
    # is an organization when the story repeats it: people are introduced by their full name.
    for key, group in orphans.items():
        if key in groups:
            groups[key].extend(group)  # "Verizon, AT&T and Comcast" where "AT&T said" elsewhere
        elif len(group) > 1:
            # "Ms. Haley" where no full name is given: the honorific makes her a person
            titled = any(HONORIFIC_BEFORE.search(m.sentence.text, 0, m.start) for m in group)
            for mention in group:
                mention.type = ActorType.PERSON if titled else ActorType.ORGANIZATION
            groups.setdefault(key, []).extend(group)
    _merge_governments(groups)
    _merge_local_parties(groups)
    entities = _merge_same_names([_entity_of(key, group) for key, group in groups.items()])
    return sorted(entities, key=lambda e: (-e.importance, _first_at(e.mentions)))


def _merge_local_parties(groups: dict[str, list[Mention]]) -> None:
    """ "The Democrats" of a story about the Australian Democrats are that party, not the US
    one the gazetteer knows by the same word."""
    for party in PARTIES:
        key = f"known:{party}"
        plurals = {m.surface for m in groups.get(key, [])}
        local = [
            other
            for other, group in groups.items()
            if other.startswith("org:")
            and len(_display_name(group).split()) > 1
            and _display_name(group).split()[-1] in plurals
        ]
        if len(local) == 1:
            groups[local[0]].extend(groups.pop(key))


def _merge_governments(groups: dict[str, list[Mention]]) -> None:
    """ "The Israeli Government", "the Australian government": a country's government is the
    country as an actor, when the story names the country too."""
    for key in list(groups):
        if key.startswith("institution:") and key.endswith(":government"):
            country = key.split(":")[1]
        elif key.startswith("org:") and key.endswith(" government"):
            words = tuple(tokenize(_display_name(groups[key])))[:-1]
            known = _KNOWN_BY_TOKENS.get(tuple(t.text for t in words))
            if known is None or known.type is not ActorType.COUNTRY:
                continue
            country = known.name
        else:
            continue
        if f"known:{country}" in groups:
            groups[f"known:{country}"].extend(groups.pop(key))


def _merge_same_names(entities: list[Entity]) -> list[Entity]:
    """Two actors read under the same name ("Labor" the party, and "Labor's support" read as a
    name) are one: the one named more often takes the other's mentions."""
    by_name: dict[str, Entity] = {}
    for entity in sorted(entities, key=lambda e: -len(e.mentions)):
        key = _name_key(entity.name)
        if key in by_name:
            kept = by_name[key]
            spans = {(id(m.sentence), m.start, m.end) for m in kept.mentions}
            kept.mentions.extend(
                m for m in entity.mentions if (id(m.sentence), m.start, m.end) not in spans
            )
            kept.mentions.sort(key=lambda m: (m.sentence.article_order, m.article_start))
            kept.role = kept.role or entity.role
        else:
            by_name[key] = entity
    return list(by_name.values())


def _part_of_a_name(word: str, groups: dict[str, list[Mention]]) -> bool:
    """A word that is the first or last name of a person of the story ("Blake" when Peter and
    Joyce Blake are both named): a short name, however ambiguous, not an organization."""
    return any(
        key.startswith("person:") and word in first_and_last(m.surface)
        for key, group in groups.items()
        for m in group
    )


def _first_at(mentions: Sequence[Mention]) -> tuple[int, int]:
    """Where the first of the mentions is, in reading order: (article, character)."""
    return min((m.sentence.article_order, m.article_start) for m in mentions)


def _never_named_in_full(group: Sequence[Mention]) -> bool:
    """News names a person in full, or by title and surname, at least once: a lone word named
    more than once, never in full, and that no "he" or "she" follows, is a body ("Both the union
    and Qantas say", "But Qantas maintains it"); a surname whose full name was missed is not
    ("Amin said he")."""
    return len(group) > 1 and all(
        len(m.surface.split()) == 1
        and not m.role
        and not _PERSONAL_PRONOUNS.search(m.sentence.text[m.end :])
        for m in group
    )


_PERSONAL_PRONOUNS = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.IGNORECASE)


def _entity_of(key: str, group: list[Mention]) -> Entity:
    group.sort(key=lambda m: (m.sentence.article_order, m.article_start))
    if key.startswith("known:"):
        name = key.removeprefix("known:")
        # the gazetteer's type, not that of a government merged in first ("Israeli government")
        kind = next((m.type for m in group if m.key == key), group[0].type)
    elif key.startswith("institution:"):
        kind = ActorType.ORGANIZATION
        name = _display_name(group)
    else:
        name = _display_name(group)
        # the fullest form says what the actor is: "Boeing Co." after a bare "Boeing" first
        kind = next((m.type for m in group if m.surface == name), group[0].type)
        if kind is ActorType.PERSON and _never_named_in_full(group):
            kind = ActorType.ORGANIZATION
    role = next((m.role for m in group if m.role), None)
    return Entity(name=name, type=kind, mentions=group, role=role)


def _merge_people_groups(groups: dict[str, list[Mention]]) -> None:
    """ "Lee Jong-sup" and "Lee Jong Seop": same first word and a close spelling."""
    people = sorted((k for k in groups if k.startswith("person:")), key=len, reverse=True)
    for index, key in enumerate(people):
        if key not in groups:
            continue
        words = key.removeprefix("person:").split()
        for other in people[index + 1 :]:
            if other not in groups:
                continue
            other_words = other.removeprefix("person:").split()
            same_start = other_words[0] == words[0] or (
                len(words) > 1 and other_words[-1] == words[-1]  # "Terence"/"Terrence Cole"
            )
            if same_start and fuzz.ratio(key, other) >= 85 and _same_rest(words, other_words):
                groups[key].extend(groups.pop(other))
            elif (
                1 < len(other_words) < len(words)
                and words[-1] == other_words[-1]
                and fuzz.ratio(" ".join(words[-len(other_words) :]), " ".join(other_words)) >= 90
            ):
                # "Muslim Hamid Karzai": a word before a full name the story uses on its own
                groups[other].extend(groups.pop(key))
                break
    _merge_leading_names(groups, people)
    for key in [k for k in people if k in groups and len(k.split()) == 1]:
        word = key.removeprefix("person:")
        fuller = [
            other
            for other in groups
            if other.startswith("person:")
            and len(other.split()) > 1
            and word in first_and_last(other.removeprefix("person:"))
            and _may_go_by(groups[other], word)
        ]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
        elif fuller:
            _share_out(groups, key, fuller)


def _share_out(groups: dict[str, list[Mention]], key: str, people: Sequence[str]) -> None:
    """Each mention of a name several people share goes to the one named last before it;
    the mentions that follow none of them stay where they are."""
    kept = []
    for mention in groups[key]:
        owner = _named_last(mention, {person: groups[person] for person in people})
        if owner is None:
            kept.append(mention)
        else:
            groups[owner].append(mention)
    if kept:
        groups[key] = kept
    else:
        del groups[key]


def _merge_leading_names(groups: dict[str, list[Mention]], people: Sequence[str]) -> None:
    """ "Mary Beth" is "Mary Beth Marchand" without her surname: a name of two words that
    begins exactly one name of three, named in full first as a story introduces a person,
    joins it (a name of three that begins a longer one is a name in full: "Andrew Lloyd
    Webber", "Andrew Lloyd Webber Initiative"; "at Standing Rock" before "the Standing Rock
    Sioux" is a place)."""
    for key in [k for k in people if k in groups and len(k.split()) == 2]:
        fuller = [
            other
            for other in people
            if other in groups and other.startswith(f"{key} ") and len(other.split()) == 3
        ]
        if len(fuller) == 1 and _first_at(groups[fuller[0]]) < _first_at(groups[key]):
            groups[fuller[0]].extend(groups.pop(key))


# A full name the story gives only as a relative's ("his daughter Ivanka Trump") does not claim
# the bare surname, which names the one whose relative she is ("Mr. Trump").
_KIN_BEFORE = re.compile(
    r"\b(?:daughter|son|wife|husband|brother|sister|father|mother|niece|nephew|cousin|uncle|"
    r"aunt|grandson|granddaughter|widow|widower|son-in-law|daughter-in-law)s?,?\s+$",
    re.IGNORECASE,
)


def _may_go_by(group: Sequence[Mention], word: str) -> bool:
    """Whether a person's mentions may take a lone ``word`` of their name: the first name
    always, the surname unless the story names them only as someone's relative."""
    first_name = any(m.surface.split()[0] == word for m in group)
    return first_name or not all(_KIN_BEFORE.search(m.sentence.text[: m.start]) for m in group)


def _same_rest(words: Sequence[str], other_words: Sequence[str]) -> bool:
    """Two names that share their first word are one person's when the rest is spelt alike
    ("Lee Jong-sup", "Lee Jong Seop"; "Mary Beth Marchand", "Mary Marchand"), or the surname
    is and no two full middle names differ ("Lionel Robbards", "Lionel Roberts"); not two
    people of one first name ("Douglas Wilder", "Douglas Bailey") nor brothers ("Ahmad Shah
    Masood", "Ahmad Wali Masood")."""
    if words[0] != other_words[0] or len(words) < 2 or len(other_words) < 2:
        return True

    def rest(parts: Sequence[str]) -> str:
        return "".join(parts[1:]).replace("-", "")

    if fuzz.ratio(rest(words), rest(other_words)) >= _SAME_REST_RATIO:
        middles = {word.rstrip(".") for word in (*words[1:-1], *other_words[1:-1])}
        return len(middles) < 2 or any(len(word) == 1 for word in middles)
    return fuzz.ratio(words[-1], other_words[-1]) >= _SAME_SURNAME_RATIO and (
        words[1:-1] == other_words[1:-1] or not (words[1:-1] and other_words[1:-1])
    )


_SAME_REST_RATIO = 75
_SAME_SURNAME_RATIO = 60


def _merge_organization_groups(groups: dict[str, list[Mention]]) -> None:
    """ "Security Council" joins "UN Security Council": a name ending another, longer one."""
    orgs = sorted((k for k in groups if k.startswith("org:")), key=len, reverse=True)
    for key in reversed(orgs):
        words = key.removeprefix("org:").split()
        longer = [
            other
            for other in orgs
            if other != key
            and other in groups
            and other.removeprefix("org:").split()[-len(words) :] == words
            and len(other) > len(key)
        ]
        if longer and key in groups:
            best = max(longer, key=lambda k: len(groups[k]))
            groups[best].extend(groups.pop(key))
    _merge_companies_of_places(groups)


_SUFFIX_KEYS = frozenset(_name_key(suffix) for suffix in COMPANY_SUFFIXES)


def _merge_companies_of_places(groups: dict[str, list[Mention]]) -> None:
    """ "Hollingsworth & Vose Co." is "Hollingsworth & Vose Co. of Massachusetts" named without
    its place: a company's name and the same name going on with "of"."""
    for key in [k for k in groups if k.startswith("org:")]:
        if key not in groups or key.split()[-1] not in _SUFFIX_KEYS:
            continue
        for other in [k for k in groups if k.startswith(f"{key} of ")]:
            groups[key].extend(groups.pop(other))


def _company_stem(group: list[Mention]) -> str | None:
    """A company's name without its legal suffix ("Cray Research" of "Cray Research Inc."), a
    body's without the word that ends it ("Amnesty" of "Amnesty International")."""
    words = _display_name(group).split()
    if len(words) > 1 and words[-1] in COMPANY_SUFFIXES | ORG_ENDINGS:
        return " ".join(words[:-1]).rstrip(",")
    return None


def _merge_company_short_names(groups: dict[str, list[Mention]]) -> None:
    """ "Commonwealth Edison" is "Commonwealth Edison Co." named without its suffix: two
    capitalized words read as a person's name join the company."""
    for key in [k for k in groups if k.startswith("org:")]:
        stem = _company_stem(groups[key])
        short = f"person:{_name_key(stem)}" if stem else None
        if short is not None and short in groups:
            for mention in groups[short]:
                mention.type = ActorType.ORGANIZATION
            groups[key].extend(groups.pop(short))


def _group_for_single(single: Mention, groups: dict[str, list[Mention]]) -> str | None:
    """Which actor a lone capitalized word names: a person's first or last name, an
    organization's initials, or the head word of exactly one organization."""
    word = single.surface
    if single.key == "head" or _is_plural_name(word):
        heads = [
            key
            for key, group in groups.items()
            if key.startswith(("org:", "institution:"))
            and _display_name(group).split()[-1] == word
            and len(_display_name(group).split()) > 1
        ]
        if heads:
            return max(heads, key=lambda k: len(groups[k]))
        if single.key == "head":
            return None
    if single.key == "acronym":
        for key, group in groups.items():
            if _initials(_display_name(group)) == word and len(word) > 1:
                return key
        # "SES" for "New South Wales State Emergency Service": the initials of its last words
        ending = [
            key
            for key, group in groups.items()
            if key.startswith("org:")
            and len(word) > 2
            and _initials(_display_name(group)).endswith(word)
        ]
        if len(ending) == 1:
            return ending[0]
    if word in COMPASS_WORDS and single.sentence.text[: single.start].endswith(("the ", "The ")):
        halves = [key for key in groups if key.startswith(f"known:{word} ")]
        return halves[0] if len(halves) == 1 else None  # "the North" of North Korea's story
    companies = [
        key
        for key, group in groups.items()
        if key.startswith("org:") and (stem := _company_stem(group)) and stem.split()[0] == word
    ]
    if len(companies) == 1:
        return companies[0]  # "Lorillard" of "Lorillard Inc.", "GAF" of "GAF Corp."
    if single.key == "acronym":
        return None
    same = f"person:{_name_key(word)}"
    if same in groups and _display_name(groups[same]) == word:
        return same  # "Google also said", after "Google vocally supported": the same one
    candidates = [
        key
        for key, group in groups.items()
        if key.startswith("person:")
        and any(word in first_and_last(m.surface) for m in group)
        and any(len(m.surface.split()) > 1 for m in group)
        and _may_go_by(group, word)
    ]
    if len(candidates) == 1:
        return candidates[0]
    return _named_last(single, {key: groups[key] for key in candidates})


def _named_last(single: Mention, people: Mapping[str, list[Mention]]) -> str | None:
    """Of several people a surname may be ("Roosevelt": Franklin, or James Roosevelt Jr.), the
    one the article last named in full before it; None when it named none of them before."""
    article = single.sentence.article
    before = [
        (mention.article_start, key)
        for key, group in people.items()
        for mention in group
        if mention.sentence.article == article
        and mention.article_start < single.article_start
        and len(mention.surface.split()) > 1
    ]
    return max(before)[1] if before else None


def find_actors(
    documents: Sequence[Document], vocabulary: frozenset[str] | None = None
) -> list[Entity]:
    """Every actor of the story, most important first; ``vocabulary`` is the story's
    ``story_vocabulary``, computed here when the caller has not already."""
    if vocabulary is None:
        vocabulary = story_vocabulary(documents)
    mentions, singles = find_mentions(documents, vocabulary)
    return merge_mentions(mentions, singles)
