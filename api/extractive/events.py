"""Events: sentences that report something happening, one item per event across articles.

A sentence is an event when it is a statement of some length, not a quote nor a question, that
names an actor (or a number) or has an action verb. The same event told by two articles (similar
wording, a shared actor) is one item that lists both articles. An event is described by the
main clause of its most concise report, in the past tense of an event log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from api.extractive.gazetteer import (
    DAY_PATTERN,
    DAYS,
    DEMONYMS,
    FULL_MONTH_PATTERN,
    MEDIA_CUES,
    MONTH_NAMES,
    MONTH_PATTERN,
)
from api.extractive.summary import RankedSentence, cosine, is_quote, plain_clause
from api.extractive.tokens import POSSESSIVE

SAME_EVENT_COSINE = 0.45
MIN_EVENT_WORDS = 6
_IRREGULAR_PAST = frozenset(
    (
        "met held made took gave struck hit shot fought sent began won lost led left fell rose "
        "told spoke came went saw sought brought built broke drew flew fled froze grew kept "
        "knew laid lay meant paid put ran rang said set shook sold stood stole swore threw "
        "thought understood wore wrote withdrew overtook undertook forbade"
    ).split()
)
_NOT_VERBS_ED = frozenset(
    (
        "united red bed need speed seed feed indeed hundred armed based alleged limited "
        "detailed related"
    ).split()
)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b")
# A present perfect whose participle is also the simple past ("has resigned", "have left").
_SIMPLE_PAST_PARTICIPLES = (
    "left held made sent won lost led fled met paid told said found kept brought bought "
    "caught built spent struck hit shot set put cut"
)
_ACTIVE_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?=(?:[a-z]+ed|" + "|".join(_SIMPLE_PAST_PARTICIPLES.split()) + r")\b)"
)
_PASSIVE_PERFECT = re.compile(r"\b(has|have)\s+been\s+(?=[a-z]+(?:ed|en|wn|t)\b)")
_SAYS = re.compile(r"\b([Ss])ays\b")
_WHEN = re.compile(
    r"\b(?:(?:just\s+)?(?:before|after)\s+(?:midnight|noon|dawn|dusk)\s+on\s+)?"
    rf"(?:(?:on|last|this|next|early|late|since)\s+)?{DAY_PATTERN}"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|\b(?:on|in|since|by)\s+{FULL_MONTH_PATTERN}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{{4}})?"
    # a day of a month wherever it stands: "on the evening of June 17, 2015", "Dec. 14"
    rf"|\b(?:(?:on|by|until|since)\s+)?{MONTH_PATTERN}\s+\d{{1,2}}\b(?:,\s+\d{{4}})?"
    rf"|\b(?:on\s+)?\d{{1,2}}\s+{MONTH_PATTERN}(?:\s+\d{{4}})?(?!\w)"  # "on 5 December"
    # a year after a preposition: "in 2015", "since 2012"
    r"|\b(?:in|since|by|until|during)\s+(?:19|20)\d{2}\b"
    r"|\b(?:overnight|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+"
    r"(?:week|month|year)|earlier\s+this\s+(?:week|month|year))\b"
)
_WHERE = re.compile(
    r"\b(?:in|at|near|off|outside|along|into)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<place>(?:[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+)*)"
    r"|(?:[a-z-]+\s+){0,2}(?:border(?:\s+area)?|sea|coast|waters|capital|peninsula|region|"
    r"zone|strait)(?:\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)?)\b"
)
_NOT_PLACES = DAYS | frozenset(MONTH_NAMES)


@dataclass(slots=True)
class EventCluster:
    """Sentences of one or more articles that report the same event."""

    members: list[RankedSentence] = field(default_factory=list)

    @property
    def lead(self) -> RankedSentence:
        return max(self.members, key=lambda m: m.score)

    @property
    def score(self) -> float:
        articles = {m.sentence.article for m in self.members}
        return self.lead.score * (1.0 + 0.25 * (len(articles) - 1))

    @property
    def articles(self) -> list[str]:
        ordered: list[str] = []
        for member in sorted(self.members, key=lambda m: m.sentence.article_order):
            if member.sentence.article not in ordered:
                ordered.append(member.sentence.article)
        return ordered


def is_event_sentence(text: str, has_actor: bool) -> bool:
    """A statement of at least ``MIN_EVENT_WORDS`` words, not a question nor a quote, that
    names an actor (or a number) or has an action verb (past tense or perfect)."""
    text = text.strip()
    if text.endswith("?") or len(text.split()) < MIN_EVENT_WORDS:
        return False
    if is_quote(text):
        return False
    if has_actor or _PERFECT.search(text):
        return True
    for word in re.findall(r"\b[a-z]+\b", text):
        if word in _IRREGULAR_PAST or (word.endswith("ed") and word not in _NOT_VERBS_ED):
            return True
    return False


def when_of(text: str) -> str | None:
    match = _WHEN.search(text)
    return match.group().strip() if match else None


def where_of(text: str, not_places: frozenset[str] = frozenset()) -> str | None:
    """Where the sentence says it happened: the first place after "in", "at", "near" ...; a
    possessive gives its owner ("in Sydney's west" -> "Sydney"); a country's adjective ("in
    Palestinian areas") and a name in ``not_places`` (the story's people and groups: "in
    Trump's view", "at Smith's urging") are none."""
    for match in _WHERE.finditer(text):
        place = POSSESSIVE.sub("", match.group("place"))
        if (
            place.split()[0] not in _NOT_PLACES
            and place not in not_places
            and place not in DEMONYMS
            and not MEDIA_CUES & set(place.split())  # "published in the Journal of ..."
        ):
            return place
    return None


def cluster_events(
    ranked: Sequence[RankedSentence],
    actor_sentences: Mapping[tuple[str, int], frozenset[int]],
    number_sentences: frozenset[tuple[str, int]] = frozenset(),
) -> list[EventCluster]:
    """Event sentences grouped across articles: similar wording and a shared actor (or very
    similar wording alone)."""
    clusters: list[EventCluster] = []
    # Candidates come best first, so a cluster's lead is its first member. Long stories stay
    # fast: a cluster's articles are kept in a set, and only clusters whose lead shares a term
    # with the candidate are compared (others have cosine 0), still in the order they formed.
    articles: list[set[str]] = []
    by_term: dict[str, list[int]] = {}
    for candidate in sorted(ranked, key=lambda r: -r.score):
        key = (candidate.sentence.article, candidate.sentence.index)
        actors = actor_sentences.get(key, frozenset())
        if not is_event_sentence(candidate.sentence.text, bool(actors) or key in number_sentences):
            continue
        sharing = sorted({i for term in candidate.vector for i in by_term.get(term, ())})
        for index in sharing:
            cluster, seen = clusters[index], articles[index]
            if candidate.sentence.article in seen:
                continue
            lead = cluster.members[0]
            similarity = cosine(candidate.vector, lead.vector)
            if similarity < SAME_EVENT_COSINE:
                continue
            lead_actors = actor_sentences.get((lead.sentence.article, lead.sentence.index))
            if actors & (lead_actors or frozenset()) or similarity >= 0.6:
                cluster.members.append(candidate)
                seen.add(candidate.sentence.article)
                break
        else:
            for term in candidate.vector:
                by_term.setdefault(term, []).append(len(clusters))
            clusters.append(EventCluster([candidate]))
            articles.append({candidate.sentence.article})
    return clusters


def event_clause(text: str) -> str:
    """A sentence's main clause as an event-log line: the speaker kept, parentheses and "today"
    dropped, "has been charged" as "was charged", "has resigned" as "resigned", "says" as
    "said"."""
    clause = plain_clause(text, drop_speaker=False)
    clause = _PASSIVE_PERFECT.sub(lambda m: "was " if m.group(1) == "has" else "were ", clause)
    clause = _ACTIVE_PERFECT.sub(_simple_past, clause)
    return _SAYS.sub(r"\1aid", clause)


# A "have" after these is not a present perfect to simplify: "would have confused", "is said to
# have fled", "may not have known".
_BEFORE_BARE_HAVE = frozenset("would could should might must may will shall to not never".split())


def _simple_past(match: re.Match[str]) -> str:
    """ "has resigned" -> "resigned", but "would have confused" keeps its "have"."""
    before = match.string[: match.start()].split()[-1:]
    if before and (before[0].lower() in _BEFORE_BARE_HAVE or before[0].lower().endswith("n't")):
        return match.group()
    return ""


def describe_event(cluster: EventCluster) -> str:
    """The event in the words of its most concise report's main clause."""
    members = sorted(cluster.members, key=lambda m: (-m.score, m.sentence.article_order))
    return min((event_clause(m.sentence.text) for m in members), key=lambda t: len(t.split()))
