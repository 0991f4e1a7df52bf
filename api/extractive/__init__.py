"""The extractive engine: pure functions from article text to a brief. No model, no network.

``build_brief`` splits the articles into sentences, finds actors, numbers and stances, ranks
sentences across articles for the summary and the events, and ties every item to exact spans
of the text as received (``verified`` only when the slice matches).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from api.extractive.actors import Entity, Mention, find_actors, story_vocabulary
from api.extractive.disagreements import Conflict, find_conflicts
from api.extractive.events import cluster_events, describe_event, when_of, where_of
from api.extractive.gazetteer import (
    LOWERCASE_TITLES,
    MEDIA_CUES,
    MEDIA_NAMES,
    ORG_CUES,
    PLACE_NOUNS,
    TITLES,
)
from api.extractive.numbers import (
    NumberGroup,
    find_numbers,
    group_numbers,
    key_numbers,
    majority_qualifier,
)
from api.extractive.sentences import Sentence, split_documents
from api.extractive.stance import StanceFinding, find_stances, stances_by_actor
from api.extractive.summary import headline_from, rank_sentences, select_summary
from api.extractive.topic import story_documents
from api.extractive.verbs import SPEAKING_VERBS
from api.schemas import (
    Actor,
    ActorType,
    Article,
    Brief,
    Claim,
    Disagreement,
    Event,
    Evidence,
    GroundingCounts,
    NumberFact,
    Polarity,
    Provenance,
    Stance,
    SummaryOptions,
)

EXTRACTIVE_VERSION = "5"
MAX_EVENTS = 12
MAX_SPANS_PER_ARTICLE = 3

__all__ = ["EXTRACTIVE_VERSION", "build_brief", "span_is_exact"]


def evidence_for(sentence: Sentence, start: int, end: int) -> Evidence:
    """The span ``sentence.text[start:end]`` as offsets into its article."""
    return Evidence(
        article=sentence.article,
        start=sentence.start + start,
        end=sentence.start + end,
        text=sentence.text[start:end],
    )


def span_is_exact(span: Evidence, texts: Mapping[str, str]) -> bool:
    """``texts[span.article][span.start:span.end] == span.text``, and the span is not empty."""
    text = texts.get(span.article)
    return text is not None and span.end > span.start and text[span.start : span.end] == span.text


def _capped(spans: Sequence[Evidence]) -> list[Evidence]:
    """At most a few spans per article, every supporting article kept."""
    kept: list[Evidence] = []
    per_article: dict[str, int] = {}
    for span in spans:
        if per_article.get(span.article, 0) < MAX_SPANS_PER_ARTICLE:
            kept.append(span)
            per_article[span.article] = per_article.get(span.article, 0) + 1
    return kept


def actor_of(entity: Entity) -> Actor:
    spans = [evidence_for(m.sentence, m.start, m.end) for m in entity.mentions]
    return Actor(
        name=entity.name,
        type=entity.type,
        role=entity.role,
        aliases=entity.aliases,
        articles=entity.articles,
        evidence=_capped(spans),
    )


_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ss", "ch", "ic")
# A preposition before a country, maybe before a list of names it governs ("in Australia,
# Britain and the United States"): the country is a setting.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|from|to|into|across|at|on|via|through|near|toward|towards|throughout|around|for|"
    r"of|outside|over|against|inside|within|visit|visited|visiting|entered|left|leave|reach|"
    r"reached)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*(?:,\s*|\s+and\s+(?:the\s+)?|\s+)?)*$",
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
    if mention.surface != name and mention.surface.endswith(_DEMONYM_ENDINGS):
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


_ADJECTIVE_ENDINGS = ("ish", "ese", "ic", "ist", "ian", "ean")
_LOCATIVE_RIGHT_BEFORE = re.compile(
    r"\b(?:in|from|near|into|across|around|outside|throughout|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _acts_alone(entity: Entity) -> bool:
    """A lone capitalized word the story repeats ("Traveland", "Centrelink") is an actor when it
    acts at least once (the subject of a verb, an owner: "Westpac's David Lording") and never
    reads as a place ("in Sydney", "from Kandahar"), nor only as a sentence's first word."""
    if entity.name.endswith(_ADJECTIVE_ENDINGS):
        return False  # "Jewish", "Islamist": an adjective, not a name
    if any(_LOCATIVE_RIGHT_BEFORE.search(m.sentence.text[: m.start]) for m in entity.mentions):
        return False
    if all(not m.sentence.text[: m.start].strip(" \"'“‘") for m in entity.mentions):
        return False
    return any(
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
    if entity.type is ActorType.PERSON or len(entity.mentions) >= MEDIA_ACTOR_MENTIONS:
        return False
    words = entity.name.split()
    return entity.name in MEDIA_NAMES or any(word in MEDIA_CUES for word in words)


# A name right after these words is an object, a comparison or a setting ("passed to Justin
# Langer", "what Sir Edmund Hillary has been", "where Osama bin Laden is hiding").
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|of|from|by|for|like|than|at|in|on|through|under|into|where|what|late)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _quoted(mention: Mention) -> bool:
    before = mention.sentence.text[: mention.start]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


def passing_mention(entity: Entity, speakers: set[str]) -> bool:
    """Named once, with no role and no position of its own, as an object or inside a quote."""
    if len(entity.mentions) != 1 or entity.role or entity.name in speakers or entity.known:
        return False
    mention = entity.mentions[0]
    return bool(_OBJECT_BEFORE.search(mention.sentence.text[: mention.start])) or _quoted(mention)


def prune_actors(entities: Sequence[Entity], speakers: set[str]) -> list[Entity]:
    """Drop passing names: an actor named once, without a role or a full personal name, that
    takes no position is usually a place, a law or a source rather than someone in the story;
    a news outlet cited now and then is a source."""
    return [
        entity
        for entity in entities
        if not (entity.type is ActorType.PERSON and entity.name.split()[-1] in TITLES)
        and not is_news_source(entity)
        and not passing_mention(entity, speakers)
        and (
            len(entity.mentions) > 1
            or entity.known
            or entity.role
            or entity.name in speakers
            or (entity.type is ActorType.PERSON and len(entity.name.split()) > 1)
            or (  # an organization's full name: "The Australian Transport Safety Bureau is
                # investigating the crash", "The Australian Services Union's Luke Foley says"
                entity.type is ActorType.ORGANIZATION
                and len(entity.name.split()) > 2
                and any(word in ORG_CUES for word in entity.name.split())
            )
        )
    ]


def story_actors(
    entities: Sequence[Entity], speakers: set[str], vocabulary: frozenset[str] = frozenset()
) -> list[Entity]:
    """The actors a brief lists: without countries that are only settings or adjectives, nor
    names that are places ("Swiss court", "fled to Pakistan", "the Tora Bora area")."""
    return [
        e for e in entities if not (named_only_in_passing(e, vocabulary) and e.name not in speakers)
    ]


def number_of(group: NumberGroup) -> NumberFact:
    first = group.mentions[0]
    articles: list[str] = []
    for mention in group.mentions:
        if mention.sentence.article not in articles:
            articles.append(mention.sentence.article)
    value: int | float = int(first.value) if first.value.is_integer() else first.value
    return NumberFact(
        value=value,
        unit=first.unit,
        qualifier=majority_qualifier(group),
        describes=first.describes,
        articles=articles,
        evidence=_capped([evidence_for(m.sentence, m.start, m.end) for m in group.mentions]),
    )


def stances_of(findings: Sequence[StanceFinding]) -> list[Stance]:
    """One stance per actor: the polarity its findings add up to, every finding's span kept."""
    stances = []
    for stance in stances_by_actor(findings):
        if stance.polarity is Polarity.NEUTRAL:
            continue  # reported words that take no side are not a stance
        spans: list[Evidence] = []
        for finding in stance.findings:
            span = evidence_for(finding.sentence, finding.start, finding.end)
            if span not in spans:
                spans.append(span)
        stances.append(
            Stance(
                actor=stance.entity.name,
                target=stance.target,
                polarity=stance.polarity,
                position=stance.position,
                quote=stance.quote,
                evidence=_capped(spans),
            )
        )
    return stances


def disagreement_of(conflict: Conflict) -> Disagreement:
    claims = []
    for mention in (conflict.first, conflict.second):
        span = evidence_for(mention.sentence, mention.start, mention.end)
        claims.append(Claim(article=mention.sentence.article, text=span.text, evidence=[span]))
    return Disagreement(about=conflict.about, claims=claims)


def _salience(
    entities: Sequence[Entity], groups: Sequence[NumberGroup]
) -> dict[tuple[str, int], float]:
    """How much of the top actors and numbers each sentence covers, scaled to [0, 1]."""
    raw: dict[tuple[str, int], float] = {}
    top = entities[:8]
    for rank, entity in enumerate(top):
        weight = 1.0 / (1 + rank)
        for key in {(m.sentence.article, m.sentence.index) for m in entity.mentions}:
            raw[key] = raw.get(key, 0.0) + weight
    for group in groups:
        if group.mentions[0].is_year:
            continue
        for mention in group.mentions:
            key = (mention.sentence.article, mention.sentence.index)
            raw[key] = raw.get(key, 0.0) + 0.5
    best = max(raw.values(), default=1.0) or 1.0
    return {key: value / best for key, value in raw.items()}


def _verify(brief: Brief, texts: Mapping[str, str]) -> GroundingCounts:
    """Set ``verified`` on every grounded item whose spans are all exact; count them."""
    checked = verified = 0
    for item in (*brief.who, *brief.what, *brief.stance, *brief.numbers):
        checked += 1
        item.verified = bool(item.evidence) and all(
            span_is_exact(span, texts) for span in item.evidence
        )
        verified += item.verified
    return GroundingCounts(checked=checked, verified=verified, dropped=0)


def build_brief(articles: Sequence[Article], options: SummaryOptions) -> Brief:
    """The whole brief of a story, from its articles alone."""
    documents = story_documents(split_documents(articles))
    entities = find_actors(documents)
    all_groups = group_numbers(find_numbers(documents))
    groups = key_numbers(all_groups)
    groups.sort(key=lambda g: (-len({m.sentence.article for m in g.mentions}), -len(g.mentions)))
    findings = find_stances(documents, entities)
    speakers = {finding.entity.name for finding in findings}
    vocabulary = story_vocabulary(documents)
    entities = story_actors(prune_actors(entities, speakers), speakers, vocabulary)
    # every number read, kept or not, says a sentence carries facts
    ranked = rank_sentences(documents, _salience(entities, all_groups))

    summary_sentences = select_summary(ranked, options.max_summary_sentences)
    summary = " ".join(r.sentence.text for r in summary_sentences)
    headline = headline_from(ranked[0].sentence.text) if ranked else ""

    actor_sentences: dict[tuple[str, int], set[int]] = {}
    for index, entity in enumerate(entities):
        for mention in entity.mentions:
            key = (mention.sentence.article, mention.sentence.index)
            actor_sentences.setdefault(key, set()).add(index)
    number_sentences = frozenset(
        (m.sentence.article, m.sentence.index) for g in all_groups for m in g.mentions
    )
    clusters = cluster_events(
        ranked, {k: frozenset(v) for k, v in actor_sentences.items()}, number_sentences
    )
    clusters = sorted(clusters, key=lambda c: -c.score)[: min(options.max_items, MAX_EVENTS)]
    clusters.sort(key=lambda c: (c.lead.sentence.index, c.lead.sentence.article_order))
    events = [
        Event(
            description=describe_event(cluster),
            when=next((w for m in cluster.members if (w := when_of(m.sentence.text))), None),
            where=next((w for m in cluster.members if (w := where_of(m.sentence.text))), None),
            articles=cluster.articles,
            evidence=[
                evidence_for(m.sentence, 0, len(m.sentence.text))
                for m in sorted(cluster.members, key=lambda m: m.sentence.article_order)
            ],
        )
        for cluster in clusters
    ]

    limit = options.max_items
    brief = Brief(
        headline=headline,
        summary=summary,
        who=[actor_of(entity) for entity in entities[:limit]],
        what=events,
        stance=stances_of(findings)[:limit],
        numbers=[number_of(group) for group in groups[:limit]],
        disagreements=[disagreement_of(c) for c in find_conflicts(groups)][:limit],
        provenance=Provenance(engine="extractive"),
    )
    texts = {article.id: article.text for article in articles}
    brief.provenance.grounding = _verify(brief, texts)
    return brief
