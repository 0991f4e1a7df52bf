"""The extractive engine: pure functions from article text to a brief. No model, no network.

``build_brief`` splits the articles into sentences, finds actors, numbers and stances, ranks
sentences across articles for the summary and the events, and ties every item to exact spans
of the text as received (``verified`` only when the slice matches).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from api.extractive.actors import Entity, find_actors, story_vocabulary
from api.extractive.cast import is_news_source, prune_actors, settle_type, story_actors
from api.extractive.disagreements import Conflict, find_conflicts
from api.extractive.events import cluster_events, describe_event, when_of, where_of
from api.extractive.numbers import (
    NumberGroup,
    find_numbers,
    group_numbers,
    key_numbers,
    majority_qualifier,
)
from api.extractive.sentences import Sentence, split_documents
from api.extractive.stance import StanceFinding, find_stances, stances_by_actor
from api.extractive.summary import headline_of, rank_sentences, select_summary
from api.extractive.topic import story_documents
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

EXTRACTIVE_VERSION = "139"
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


def actor_of(entity: Entity, kind: ActorType) -> Actor:
    """The brief's item for an actor, typed as ``settle_type`` settled it."""
    spans = [evidence_for(m.sentence, m.start, m.end) for m in entity.mentions]
    return Actor(
        name=entity.name,
        type=kind,
        role=entity.role,
        aliases=entity.aliases,
        articles=entity.articles,
        evidence=_capped(spans),
    )


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
    """Each actor's stances (``stances_by_actor``), every finding's span kept; a stance whose
    words take no side is left out."""
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
    """One claim per way the fact is told, with the exact words that tell it."""
    claims = []
    for mention in conflict.mentions:
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


def _number_rank(group: NumberGroup) -> tuple[int, int, bool]:
    """Numbers told by more articles, then more often, come first; a year (when something
    happened) after the quantities, so that a long chronicle's dates do not crowd them out of a
    capped list."""
    first = group.mentions[0]
    return (-len({m.sentence.article for m in group.mentions}), -len(group.mentions), first.is_year)


def build_brief(articles: Sequence[Article], options: SummaryOptions) -> Brief:
    """The whole brief of a story, from its articles alone."""
    documents = story_documents(split_documents(articles))
    vocabulary = story_vocabulary(documents)
    entities = find_actors(documents, vocabulary)
    all_groups = group_numbers(find_numbers(documents))
    groups = key_numbers(all_groups, len(documents))
    groups.sort(key=_number_rank)
    findings = find_stances(documents, entities)
    speakers = {finding.entity.name for finding in findings}
    entities = story_actors(prune_actors(entities, speakers), speakers, vocabulary)
    # a place, a work or an unnamed group the cast sets aside takes no stance ("Brisbane says")
    cast = {entity.name for entity in entities}
    findings = [f for f in findings if f.entity.name in cast or is_news_source(f.entity)]
    # every number read, kept or not, says a sentence carries facts
    ranked = rank_sentences(documents, _salience(entities, all_groups))

    summary_sentences = select_summary(ranked, options.max_summary_sentences)
    summary = " ".join(r.sentence.text for r in summary_sentences)
    headline = headline_of(ranked)

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
    kinds = [settle_type(entity) for entity in entities]
    not_places = frozenset(
        name
        for entity, kind in zip(entities, kinds, strict=True)
        if kind in (ActorType.PERSON, ActorType.GROUP)
        for name in (entity.name, *entity.aliases)
    )
    events = [
        Event(
            description=describe_event(cluster),
            when=next((w for m in cluster.members if (w := when_of(m.sentence.text))), None),
            where=next(
                (w for m in cluster.members if (w := where_of(m.sentence.text, not_places))), None
            ),
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
        who=[
            actor_of(entity, kind)
            for entity, kind in zip(entities[:limit], kinds[:limit], strict=True)
        ],
        what=events,
        stance=stances_of(findings)[:limit],
        numbers=[number_of(group) for group in groups[:limit]],
        disagreements=[disagreement_of(c) for c in find_conflicts(all_groups, documents)][:limit],
        provenance=Provenance(engine="extractive"),
    )
    texts = {article.id: article.text for article in articles}
    brief.provenance.grounding = _verify(brief, texts)
    return brief
