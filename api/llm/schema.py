"""What the model is asked to return: pydantic models turned into the structured-output schema.

These differ from the brief on purpose: the model never writes offsets or ``verified`` flags. It
quotes the articles (``quote`` fields) and ``api.grounding`` turns quotes into evidence spans.
Every field is required and unknown fields are forbidden, so the generated JSON Schema is valid
for OpenAI's ``strict`` structured outputs as it is.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from api.schemas import ActorType, Polarity, Qualifier

# Per item: enough quotes to support it, few enough to keep answers short. Schema-only bounds
# (``json_schema_extra``): the decoder honours them; validation does not reject a longer list.
MAX_QUOTES = 3


class _Output(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_Output):
    """Words copied verbatim from one article."""

    article: str = Field(description="The id of the article the words are copied from.")
    quote: str = Field(description="A short verbatim passage of that article, copied exactly.")


class ActorItem(_Output):
    name: str
    type: ActorType
    role: str | None = Field(description="Their role in this story, in a few words.")
    aliases: list[str] = Field(
        json_schema_extra={"maxItems": 5}, description="Other names the articles use for them."
    )
    evidence: list[Quote] = Field(
        max_length=MAX_QUOTES, description="At least one quote that mentions them."
    )


class EventItem(_Output):
    description: str = Field(description="One thing that happened, in one sentence.")
    when: str | None
    where: str | None
    evidence: list[Quote] = Field(
        max_length=MAX_QUOTES, description="At least one quote that reports it."
    )


class StanceItem(_Output):
    actor: str
    target: str = Field(description="What the stance is about.")
    polarity: Polarity
    position: str = Field(description="The position in a few words.")
    evidence: list[Quote] = Field(
        max_length=MAX_QUOTES, description="At least one quote that shows the position."
    )


class NumberItem(_Output):
    value: float = Field(description="The number as digits, e.g. 80 or 1500000.")
    unit: str | None = Field(description="The unit or the counted noun, e.g. 'artillery shells'.")
    qualifier: Qualifier
    describes: str = Field(description="What the number measures or counts.")
    evidence: list[Quote] = Field(
        max_length=MAX_QUOTES, description="At least one quote in which the number appears."
    )


class ModelBrief(_Output):
    """The summarize prompt's output (schema ``brief-v1``)."""

    model_config = ConfigDict(title="brief")

    headline: str
    summary: str = Field(description="A short neutral paragraph.")
    who: list[ActorItem]
    what: list[EventItem]
    stance: list[StanceItem]
    numbers: list[NumberItem]


class ArticleNotes(_Output):
    """The extract (map) prompt's output for one article (schema ``notes-v1``)."""

    model_config = ConfigDict(title="article_notes")

    summary: str = Field(description="Two sentences: what this article reports.")
    who: list[ActorItem]
    what: list[EventItem]
    stance: list[StanceItem]
    numbers: list[NumberItem]


OUTPUT_SCHEMAS: dict[str, type[_Output]] = {"brief-v1": ModelBrief, "notes-v1": ArticleNotes}


def output_json_schema(
    model: type[BaseModel], max_items: int | None = None, max_string_chars: int | None = None
) -> dict[str, Any]:
    """The JSON Schema of ``model`` with ``$ref`` inlined, its top-level lists capped at
    ``max_items`` and, if given, its strings at ``max_string_chars`` (the summary at four times
    that). Constrained decoding then cannot run on until the token limit, which small models
    otherwise do ("Black Black Black ..."). OpenAI's strict mode rejects ``maxLength``, so the
    client only bounds strings in json_object mode.

    OpenAI accepts ``$defs``, but llama.cpp's grammar converter and several other servers handle
    a self-contained schema more reliably, and this schema has no recursion to need references.
    """
    schema = model.model_json_schema()
    defs: dict[str, Any] = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return inline(copy.deepcopy(defs[ref.removeprefix("#/$defs/")]))
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    result: dict[str, Any] = inline(schema)
    if max_items is not None:
        for prop in result.get("properties", {}).values():
            if prop.get("type") == "array":
                prop["maxItems"] = max_items
    if max_string_chars is not None:
        _bound_strings(result, max_string_chars)
        summary = result.get("properties", {}).get("summary")
        if summary is not None:
            summary["maxLength"] = max_string_chars * 4
    return result


def _bound_strings(node: Any, limit: int) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node:
            node["maxLength"] = limit
        for value in node.values():
            _bound_strings(value, limit)
    elif isinstance(node, list):
        for item in node:
            _bound_strings(item, limit)
