"""The model call: openai SDK setup, structured outputs, one repair, errors mapped to our types.

The SDK owns timeouts and retries (exponential backoff that honours ``Retry-After``), configured
once on the client. This module owns what the SDK does not: choosing the output format the
server supports, validating the answer with pydantic, one repair round, and mapping failures to
``api.errors`` so the service can answer 502/504 or fall back to the extractive engine.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast

import httpx
import openai
from openai import AsyncAzureOpenAI, AsyncOpenAI
from pydantic import BaseModel, ValidationError

from api.errors import UpstreamError, UpstreamTimeout
from api.llm.budget import sum_usage
from api.llm.schema import output_json_schema
from api.schemas import Usage
from api.settings import Settings

log = logging.getLogger("brief.llm")

OutputMode = Literal["json_schema", "json_object"]
T = TypeVar("T", bound=BaseModel)

# Servers without json_schema support say so in different words; these are the ones seen
# (llama.cpp: "Input should be 'text' or 'json_object'" at loc response_format.type).
_FORMAT_COMPLAINTS = ("response_format", "json_schema")
MAX_ERROR_CHARS = 2_000
# In json_object mode (local servers) strings are bounded so constrained decoding always ends; a
# quote is one clause or sentence, well under this.
JSON_OBJECT_MAX_STRING_CHARS = 400


def build_sdk_client(
    settings: Settings, http_client: httpx.AsyncClient | None = None
) -> AsyncOpenAI:
    """The SDK client from settings: Azure OpenAI when ``llm_api_version`` is set.

    ``http_client`` is the seam for the eval harness, which records and replays model exchanges
    through an httpx transport; the SDK accepts an ``httpx.AsyncClient`` as its transport.
    """
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    # Local servers (llama.cpp, Ollama, vLLM) need no key, but the SDK insists on one.
    key = key or "not-needed"
    transport = cast(Any, http_client)  # the SDK's annotation names httpx2; it accepts httpx too
    if settings.llm_api_version:
        return AsyncAzureOpenAI(
            azure_endpoint=settings.llm_base_url or "",
            api_key=key,
            api_version=settings.llm_api_version,
            timeout=settings.llm_timeout_seconds,
            max_retries=settings.llm_max_retries,
            http_client=transport,
        )
    return AsyncOpenAI(
        base_url=settings.llm_base_url,
        api_key=key,
        timeout=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
        http_client=transport,
    )


@dataclass(frozen=True)
class Completion(Generic[T]):
    """A validated answer with what it cost."""

    output: T
    usage: Usage
    mode: OutputMode
    repaired: bool
    latency_ms: float


@dataclass(frozen=True)
class Sampling:
    """Per-call sampling parameters (the prompt's model defaults, capped by settings)."""

    temperature: float = 0.0
    top_p: float | None = None
    max_tokens: int = 4_000
    seed: int | None = None
    max_items: int | None = None  # caps each top-level list of the output schema


def _usage_of(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
    completion = int(getattr(usage, "completion_tokens", 0) or 0)
    total = int(getattr(usage, "total_tokens", 0) or 0) or prompt + completion
    return Usage(prompt_tokens=prompt, completion_tokens=completion, total_tokens=total)


def _complains_about_format(error: openai.APIStatusError) -> bool:
    if error.status_code not in (400, 422, 500):
        return False
    text = f"{error.message} {error.body}".lower()
    return any(word in text for word in _FORMAT_COMPLAINTS)


def _validation_summary(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        lines = [
            f"- {'.'.join(str(part) for part in item['loc']) or '(root)'}: {item['msg']}"
            for item in error.errors()[:20]
        ]
        return "\n".join(lines)
    return f"- {error}"


class StructuredChat:
    """Chat completions whose answers are validated pydantic models."""

    def __init__(
        self,
        sdk: AsyncOpenAI,
        model: str,
        output_mode: Literal["auto", "json_schema", "json_object"] = "auto",
    ) -> None:
        self.sdk = sdk
        self.model = model
        self.configured_mode = output_mode
        # In auto mode the first format complaint switches this to json_object for the life of
        # the process, so only one call per process pays for the discovery.
        self.mode: OutputMode = "json_object" if output_mode == "json_object" else "json_schema"

    async def aclose(self) -> None:
        await self.sdk.close()

    def _response_format(
        self, output: type[BaseModel], mode: OutputMode, max_items: int | None
    ) -> dict[str, Any]:
        if mode == "json_schema":
            name = str(output.model_config.get("title") or output.__name__)
            return {
                "type": "json_schema",
                "json_schema": {
                    "name": name,
                    "schema": output_json_schema(output, max_items),
                    "strict": True,
                },
            }
        schema = output_json_schema(output, max_items, JSON_OBJECT_MAX_STRING_CHARS)
        # Not OpenAI's shape, but llama.cpp, vLLM and others constrain decoding with it, and
        # OpenAI ignores the extra key; pydantic validation checks the answer either way.
        return {"type": "json_object", "schema": schema}

    def messages_for(
        self,
        messages: list[dict[str, str]],
        output: type[BaseModel],
        mode: OutputMode | None = None,
        max_items: int | None = None,
    ) -> list[dict[str, str]]:
        """The messages as sent in ``mode`` (default: the current one), for token budgets."""
        if (mode or self.mode) == "json_schema":
            return messages
        # Without enforced schemas the model must read the schema; it goes with the rules.
        schema = json.dumps(
            output_json_schema(output, max_items, JSON_OBJECT_MAX_STRING_CHARS),
            separators=(",", ":"),
        )
        first, *rest = messages
        return [
            {
                **first,
                "content": f"{first['content']}\n\nThe JSON Schema of your answer:\n{schema}",
            },
            *rest,
        ]

    async def _create(
        self, messages: list[dict[str, str]], output: type[BaseModel], sampling: Sampling
    ) -> tuple[Any, OutputMode]:
        """One SDK call, switching to json_object once if the server rejects json_schema."""
        while True:
            mode = self.mode
            try:
                response = await self.sdk.chat.completions.create(
                    model=self.model,
                    messages=cast(
                        Any, self.messages_for(messages, output, mode, sampling.max_items)
                    ),
                    response_format=cast(
                        Any, self._response_format(output, mode, sampling.max_items)
                    ),
                    temperature=sampling.temperature,
                    top_p=sampling.top_p if sampling.top_p is not None else openai.omit,
                    seed=sampling.seed if sampling.seed is not None else openai.omit,
                    max_tokens=sampling.max_tokens,
                )
            except openai.APITimeoutError as exc:
                raise UpstreamTimeout(f"the model server did not answer in time ({exc})") from exc
            except openai.APIStatusError as exc:
                if (
                    self.configured_mode == "auto"
                    and mode == "json_schema"
                    and _complains_about_format(exc)
                ):
                    log.warning(
                        "model server rejects response_format json_schema; "
                        "using json_object with a schema from now on (%s)",
                        self.model,
                    )
                    self.mode = "json_object"
                    continue
                raise _status_error(exc) from exc
            except openai.APIConnectionError as exc:
                raise UpstreamError(
                    f"cannot reach the model server: {exc}", kind="model-unreachable"
                ) from exc
            except openai.APIError as exc:
                raise UpstreamError(f"model server error: {exc}", kind="model-error") from exc
            return response, mode

    async def complete(
        self, messages: list[dict[str, str]], output: type[T], sampling: Sampling
    ) -> Completion[T]:
        """Ask for ``output``; a first answer that fails validation gets ONE repair attempt."""
        started = time.perf_counter()
        usage = Usage()
        conversation = list(messages)
        for attempt in (1, 2):
            response, mode = await self._create(conversation, output, sampling)
            usage = sum_usage([usage, _usage_of(response)])
            content = _checked_content(response)
            log.info(
                "model call: model=%s mode=%s attempt=%d prompt_tokens=%d completion_tokens=%d "
                "ms=%.0f",
                self.model,
                mode,
                attempt,
                usage.prompt_tokens,
                usage.completion_tokens,
                (time.perf_counter() - started) * 1000,
            )
            log.debug("model exchange: messages=%s response=%s", conversation, content)
            try:
                parsed = output.model_validate_json(content)
            except ValidationError as exc:
                if attempt == 2:
                    raise UpstreamError(
                        "the model's answer did not match the output schema after one repair:\n"
                        + _validation_summary(exc)[:MAX_ERROR_CHARS],
                        kind="model-output-invalid",
                    ) from exc
                conversation = [
                    *messages,
                    {"role": "assistant", "content": content[:20_000]},
                    {
                        "role": "user",
                        "content": "Your answer is not valid JSON for the schema:\n"
                        + _validation_summary(exc)[:MAX_ERROR_CHARS]
                        + "\nReturn the corrected JSON object only.",
                    },
                ]
                continue
            return Completion(
                output=parsed,
                usage=usage,
                mode=mode,
                repaired=attempt == 2,
                latency_ms=round((time.perf_counter() - started) * 1000, 3),
            )
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _checked_content(response: Any) -> str:
    """The answer's text, or the documented error for refusals and cut-off answers."""
    choices = getattr(response, "choices", None) or []
    if not choices:
        raise UpstreamError("the model server answered without a choice", kind="model-error")
    choice = choices[0]
    refusal = getattr(choice.message, "refusal", None)
    if refusal or choice.finish_reason == "content_filter":
        raise UpstreamError(
            f"the model refused to write the brief: {refusal or 'content filter'}",
            kind="model-refusal",
        )
    if choice.finish_reason == "length":
        raise UpstreamError(
            "the model's answer was cut off at the output token limit "
            "(raise BRIEF_LLM_MAX_OUTPUT_TOKENS or shorten the input)",
            kind="model-output-truncated",
        )
    content: str = choice.message.content or ""
    return content


def _status_error(exc: openai.APIStatusError) -> UpstreamError:
    message = str(exc.message)[:500]
    if exc.status_code == 429:
        return UpstreamError(
            f"the model server is rate limiting us (429 after retries): {message}",
            kind="model-rate-limited",
        )
    if exc.status_code in (401, 403):
        return UpstreamError(
            f"the model server refused our credentials ({exc.status_code})", kind="model-auth"
        )
    return UpstreamError(
        f"the model server answered {exc.status_code}: {message}", kind="model-server-error"
    )
