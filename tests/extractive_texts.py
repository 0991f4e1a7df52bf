"""Small helpers the extractive tests share: a brief of crafted texts, and what to look at."""

from __future__ import annotations

from api.extractive import build_brief
from api.extractive.sentences import Sentence
from api.schemas import ActorType, Article, Brief, SummaryOptions


def brief_of(*texts: str, **options: int) -> Brief:
    """The brief of one article per text, ids a1, a2, ..."""
    articles = [Article(id=f"a{i + 1}", text=text) for i, text in enumerate(texts)]
    return build_brief(articles, SummaryOptions(**options))


def sentence_of(text: str) -> Sentence:
    """``text`` as the first sentence of article a1."""
    return Sentence("a1", 0, 0, 0, len(text), text)


def kinds(brief: Brief) -> dict[str, ActorType]:
    """Each actor's type, by name."""
    return {actor.name: actor.type for actor in brief.who}


def names(brief: Brief) -> list[str]:
    return [actor.name for actor in brief.who]


def stances(brief: Brief) -> list[tuple[str, str]]:
    """(actor, polarity) in the brief's order."""
    return [(stance.actor, stance.polarity.value) for stance in brief.stance]


def sorted_stances(brief: Brief) -> list[tuple[str, str]]:
    """(actor, polarity) sorted, for tests that do not care about the brief's order."""
    return sorted(stances(brief))
