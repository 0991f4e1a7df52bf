"""The contract: the request and the brief (schema version 1), defined once as pydantic models.

The JSON Schema in ``api/brief.schema.json``, the OpenAPI document and the model's output format
are all generated from these classes.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

SCHEMA_VERSION: Literal[1] = 1
MAX_ARTICLES = 50

ArticleId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"),
]
PromptPin = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*@[0-9]+$", max_length=80)]


class _Strict(BaseModel):
    """Unknown fields are errors: a typo in a client must not pass silently."""

    model_config = ConfigDict(extra="forbid")


class Article(_Strict):
    """One article of the story, as the newsroom tool sends it."""

    id: ArticleId = Field(description="Unique within the request; evidence spans refer to it.")
    text: Annotated[str, StringConstraints(min_length=1, max_length=200_000)] = Field(
        description="The article body. Evidence offsets index into this exact string."
    )
    title: Annotated[str, StringConstraints(max_length=1_000)] | None = None
    source: Annotated[str, StringConstraints(max_length=300)] | None = None
    url: Annotated[str, StringConstraints(max_length=2_000)] | None = None
    published_at: datetime | None = None

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must contain more than whitespace")
        return value


class Engine(StrEnum):
    """Which engine writes the brief. ``auto`` means llm when one is configured, else extractive."""

    AUTO = "auto"
    EXTRACTIVE = "extractive"
    LLM = "llm"


class SummaryOptions(_Strict):
    """Knobs a client may turn per request; each one is part of the cache key."""

    max_summary_sentences: int = Field(default=4, ge=1, le=12)
    max_items: int = Field(default=25, ge=1, le=100, description="Cap per list (who, what, ...).")
    drop_unverified: bool | None = Field(
        default=None, description="Drop items that fail grounding; unset means the server default."
    )


class SummaryRequest(_Strict):
    """``POST /v1/summaries``: 1 to 50 articles about one story."""

    articles: list[Article] = Field(min_length=1, max_length=MAX_ARTICLES)
    engine: Engine = Engine.AUTO
    prompt: PromptPin | None = Field(
        default=None, description="Pin a prompt version as NAME@VERSION, e.g. summarize@1."
    )
    options: SummaryOptions = Field(default_factory=SummaryOptions)

    @field_validator("articles")
    @classmethod
    def _ids_unique(cls, articles: list[Article]) -> list[Article]:
        seen: set[str] = set()
        for article in articles:
            if article.id in seen:
                raise ValueError(f"article id {article.id!r} is used twice")
            seen.add(article.id)
        return articles


# --- the brief -------------------------------------------------------------------------------


class Evidence(BaseModel):
    """A span of an article: ``articles[article].text[start:end] == text``."""

    article: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Grounded(BaseModel):
    """An item tied to the words that support it; ``verified`` is set by a deterministic check."""

    evidence: list[Evidence] = Field(default_factory=list)
    verified: bool = False


class ActorType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    GROUP = "group"
    OTHER = "other"


class Actor(Grounded):
    """Someone involved in the story."""

    name: str
    type: ActorType = ActorType.OTHER
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)


class Event(Grounded):
    """One thing that happened."""

    description: str
    when: str | None = None
    where: str | None = None
    articles: list[str] = Field(default_factory=list)


class Polarity(StrEnum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"
    MIXED = "mixed"


class Stance(Grounded):
    """Where an actor stands on something."""

    actor: str
    target: str
    polarity: Polarity = Polarity.NEUTRAL
    position: str
    quote: str | None = None


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    UP_TO = "up to"
    LESS_THAN = "less than"


class NumberFact(Grounded):
    """A number the story states, with what it counts and how precisely."""

    value: int | float
    unit: str | None = Field(default=None, description="The unit or counted noun.")
    qualifier: Qualifier = Qualifier.EXACT
    describes: str
    articles: list[str] = Field(default_factory=list)


class Claim(BaseModel):
    """One side of a disagreement, as one article words it."""

    article: str
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class Disagreement(BaseModel):
    """Sources (or one source with itself) giving conflicting facts."""

    about: str
    claims: list[Claim] = Field(min_length=2)


class PromptRef(BaseModel):
    name: str
    version: int
    sha256: str


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class GroundingCounts(BaseModel):
    checked: int = 0
    verified: int = 0
    dropped: int = 0


CacheStatus = Literal["HIT", "MISS", "BYPASS"]


class Provenance(BaseModel):
    """How this brief was made."""

    engine: Literal["extractive", "llm"]
    model: str | None = None
    prompt: PromptRef | None = None
    cache: CacheStatus = "BYPASS"
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = None
    latency_ms: float = 0.0
    grounding: GroundingCounts = Field(default_factory=GroundingCounts)
    degraded: bool = False
    degraded_reason: str | None = None
    request_id: str | None = None
    created_at: datetime | None = None


class Brief(BaseModel):
    """The response body of ``POST /v1/summaries``, schema version 1."""

    schema_version: Literal[1] = SCHEMA_VERSION
    headline: str
    summary: str
    who: list[Actor] = Field(default_factory=list)
    what: list[Event] = Field(default_factory=list)
    stance: list[Stance] = Field(default_factory=list)
    numbers: list[NumberFact] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    provenance: Provenance


def brief_json_schema() -> dict[str, object]:
    """The JSON Schema of the brief, as committed in ``api/brief.schema.json``."""
    return Brief.model_json_schema(mode="serialization")
