"""Gold stories: the articles of one story and the brief a careful editor wrote from them.

The format is the one of ``shared/gold/README.md``; article texts are resolved at load time
(``path`` relative to the repository root, or inline ``text``) so scorers never touch the disk.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from api.schemas import Article

GoldActorType = Literal["person", "organization", "country", "group", "other"]
GoldPolarity = Literal["support", "oppose", "neutral", "mixed"]
GoldApprox = Literal["exact", "about", "at least", "more than", "up to", "less than"]
# Whether the text states a stance (the actor's words, a formal decision, the writer's outright
# "opposes") or the editor inferred it from deeds and circumstances: see
# evals/datasets/CONVENTIONS.md.
GoldBasis = Literal["explicit", "inferred"]


class _GoldModel(BaseModel):
    """Unknown fields are errors: a typo in a gold file must fail loudly, not score silently."""

    model_config = ConfigDict(extra="forbid")


class GoldArticle(_GoldModel):
    """One article of a gold story; ``text`` is filled from ``path`` by ``load_gold_story``."""

    id: str
    path: str | None = None
    text: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None

    @model_validator(mode="after")
    def _has_path_or_text(self) -> GoldArticle:
        if self.path is None and self.text is None:
            raise ValueError(f"article {self.id!r} needs a 'path' or a 'text'")
        return self


class GoldActor(_GoldModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    type: GoldActorType = "other"
    role: str | None = None


class GoldStance(_GoldModel):
    actor: str
    target: str
    polarity: GoldPolarity
    position: str = ""
    basis: GoldBasis | None = None


class GoldNumber(_GoldModel):
    value: float | str
    unit: str | None = None
    approx: GoldApprox = "exact"
    describes: str = ""
    evidence: list[str] = Field(default_factory=list)


class GoldDisagreement(_GoldModel):
    about: str
    claims: list[str] = Field(min_length=2)


class GoldBrief(_GoldModel):
    headline: str = ""
    summary: str = ""
    who: list[GoldActor] = Field(default_factory=list)
    what: list[str] = Field(default_factory=list)
    stance: list[GoldStance] = Field(default_factory=list)
    numbers: list[GoldNumber] = Field(default_factory=list)
    disagreements: list[GoldDisagreement] = Field(default_factory=list)


class GoldStory(_GoldModel):
    id: str
    articles: list[GoldArticle] = Field(min_length=1)
    gold: GoldBrief


def load_gold_story(path: Path, repo_root: Path) -> GoldStory:
    """Read one gold JSON file and resolve every article's text (``path`` is repo-relative)."""
    story = GoldStory.model_validate_json(path.read_text(encoding="utf-8"))
    for article in story.articles:
        if article.text is None and article.path is not None:
            article.text = (repo_root / article.path).read_text(encoding="utf-8")
    return story


def gold_articles(story: GoldStory) -> list[Article]:
    """The story's articles as the API receives them."""
    return [
        Article(
            id=article.id,
            text=article.text or "",
            title=article.title,
            source=article.source,
            url=article.url,
            published_at=datetime.combine(article.published, time()) if article.published else None,
        )
        for article in story.articles
    ]


def load_suite(directory: Path, repo_root: Path | None = None) -> list[GoldStory]:
    """Every ``*.json`` gold story of a directory, sorted by file name.

    ``repo_root`` defaults to the repository this package lives in.
    """
    root = repo_root if repo_root is not None else Path(__file__).resolve().parent.parent
    return [load_gold_story(path, root) for path in sorted(directory.glob("*.json"))]
