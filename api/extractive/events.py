"""Events: sentences that report something happening, one item per event across articles.

A sentence is an event when it names an actor and has an action verb. The same event told by
two articles (similar wording, a shared actor) is one item that lists both articles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from api.extractive.summary import RankedSentence, compress_sentence, cosine

SAME_EVENT_COSINE = 0.45
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
_WHEN = re.compile(
    r"\b(?:(?:just\s+)?(?:before|after)\s+(?:midnight|noon|dawn|dusk)\s+on\s+)?"
    r"(?:(?:on|last|this|next|early|late|since)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\b(?:on|in|since|by)\s+(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
    r"|\b(?:overnight|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+"
    r"(?:week|month|year)|earlier\s+this\s+(?:week|month|year))\b"
)
_WHERE = re.compile(
    r"\b(?:in|at|near|off|outside|along|into)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<place>(?:[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+)*)"
    r"|(?:[a-z-]+\s+){0,2}(?:border(?:\s+area)?|sea|coast|waters|capital|peninsula|region|"
    r"zone|strait))\b"
)
_NOT_PLACES = frozenset(
    (
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
        "May June July August September October November December"
    ).split()
)


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
    """An actor and an action verb (past tense or perfect)."""
    if not has_actor or text.endswith("?"):
        return False
    if _PERFECT.search(text):
        return True
    for word in re.findall(r"\b[a-z]+\b", text):
        if word in _IRREGULAR_PAST or (word.endswith("ed") and word not in _NOT_VERBS_ED):
            return True
    return False


def when_of(text: str) -> str | None:
    match = _WHEN.search(text)
    return match.group().strip() if match else None


def where_of(text: str) -> str | None:
    for match in _WHERE.finditer(text):
        place = match.group("place")
        if place.split()[0] not in _NOT_PLACES:
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
    for candidate in sorted(ranked, key=lambda r: -r.score):
        key = (candidate.sentence.article, candidate.sentence.index)
        actors = actor_sentences.get(key, frozenset())
        if not is_event_sentence(candidate.sentence.text, bool(actors) or key in number_sentences):
            continue
        for cluster in clusters:
            if all(m.sentence.article != candidate.sentence.article for m in cluster.members):
                lead = cluster.lead
                lead_actors = actor_sentences.get((lead.sentence.article, lead.sentence.index))
                similarity = cosine(candidate.vector, lead.vector)
                shared = actors & (lead_actors or frozenset())
                if similarity >= SAME_EVENT_COSINE and (shared or similarity >= 0.6):
                    cluster.members.append(candidate)
                    break
        else:
            clusters.append(EventCluster([candidate]))
    return clusters


def describe_event(cluster: EventCluster) -> str:
    """The event in the words of its best sentence's main clause."""
    return compress_sentence(cluster.lead.sentence.text)
