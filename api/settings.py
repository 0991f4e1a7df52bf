"""Every knob of the service in one place, read from the environment (prefix ``BRIEF_``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Service settings. The README's settings table documents each field."""

    model_config = SettingsConfigDict(
        env_prefix="BRIEF_", env_file=None, extra="ignore", populate_by_name=True
    )

    # The model server. OPENAI_* are honoured when the BRIEF_* ones are unset.
    llm_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("BRIEF_LLM_BASE_URL", "OPENAI_BASE_URL"),
        description="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (vLLM, Ollama, "
        "llama.cpp). Unset with no key: no llm engine.",
    )
    llm_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("BRIEF_LLM_API_KEY", "OPENAI_API_KEY"),
        description="Key for the model server.",
    )
    llm_model: str = Field(default="gpt-4o-mini", description="Model name sent to the server.")
    llm_api_version: str | None = Field(
        default=None, description="Set for Azure OpenAI; the base URL is then the Azure endpoint."
    )
    llm_output_mode: Literal["auto", "json_schema", "json_object"] = Field(
        default="auto",
        description="Structured outputs: strict json_schema, or json_object plus validation for "
        "servers without it; auto tries json_schema and falls back once.",
    )
    llm_timeout_seconds: float = Field(default=60.0, description="Timeout of one model call.")
    llm_max_retries: int = Field(
        default=2, description="SDK retries with backoff (honouring Retry-After)."
    )
    llm_max_concurrency: int = Field(default=4, description="Parallel calls in map-reduce.")
    llm_context_tokens: int = Field(
        default=16_000,
        description="Input budget (tiktoken); a larger story goes map-reduce.",
    )
    llm_max_output_tokens: int = Field(default=4_000, description="max_tokens of one call.")
    llm_price_per_million_input: float | None = Field(
        default=None, description="USD per million input tokens (overrides the built-in table)."
    )
    llm_price_per_million_output: float | None = Field(
        default=None, description="USD per million output tokens (overrides the built-in table)."
    )
    llm_fallback_to_extractive: bool = Field(
        default=False,
        description="When the model fails, answer 200 with the extractive brief marked degraded "
        "instead of 502/504.",
    )
    grounding_drop_unverified: bool = Field(
        default=False,
        description="Drop items that fail grounding instead of marking them verified=false.",
    )
    grounding_fuzzy_threshold: float = Field(
        default=90.0, description="rapidfuzz score (0-100) for a quote to count as found."
    )

    prompts_dir: Path = Field(
        default=REPO_ROOT / "prompts", description="Folder of the versioned prompt files."
    )
    prompt_label: str = Field(
        default="production",
        description="Which label picks the default prompt version (e.g. staging on a canary).",
    )

    redis_url: str | None = Field(
        default=None,
        description="e.g. redis://127.0.0.1:6379/0. Unset: an in-process cache.",
    )
    cache_ttl_seconds: int = Field(default=86_400, description="How long a brief stays cached.")
    cache_namespace: str = Field(default="brief", description="Prefix of every Redis key.")
    cache_redis_timeout_seconds: float = Field(
        default=0.25, description="Socket timeout of Redis calls; past it the cache is bypassed."
    )
    cache_lock_seconds: float = Field(
        default=120.0,
        description="Single-flight lock lifetime (renewed while computing; a crashed holder's "
        "lock expires).",
    )
    cache_wait_seconds: float = Field(
        default=120.0,
        description="How long a miss waits for another process computing the same brief "
        "before computing it itself.",
    )
    cache_breaker_cooldown_seconds: float = Field(
        default=2.0,
        description="After a Redis failure, serve without the cache this long before probing.",
    )

    max_body_bytes: int = Field(default=2_000_000, description="Larger bodies get 413.")
    request_timeout_seconds: float = Field(
        default=120.0, description="Deadline of one request (504 past it)."
    )
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated keys; when set, /v1 needs one (Bearer or X-API-Key).",
    )
    rate_limit_per_minute: int = Field(
        default=0, description="Requests per minute per client address; 0 means no limit."
    )

    host: str = Field(default="127.0.0.1", description="`brief serve` interface.")
    port: int = Field(default=8000, description="`brief serve` port.")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="uvicorn's log level."
    )

    @field_validator("llm_base_url", "llm_api_key", "redis_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """``BRIEF_REDIS_URL=`` (as compose passes an unset variable) means unset."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        """Accept a comma-separated list, the natural form for one environment variable."""
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @property
    def llm_configured(self) -> bool:
        """An llm engine exists when a key or a base URL is set."""
        return bool(self.llm_base_url or self.llm_api_key)


def settings_table() -> str:
    """The README's settings table, generated from the fields so the two cannot drift."""
    rows = ["| variable | default | what it does |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        if name == "prompts_dir":
            default = "`prompts/` of the checkout"
        elif field.default_factory is not None or field.default is None:
            default = "unset"
        else:
            default = f"`{field.default}`"
        rows.append(f"| `BRIEF_{name.upper()}` | {default} | {field.description or ''} |")
    return "\n".join(rows)


def use_shipped_tiktoken_cache() -> None:
    """Point tiktoken at the encodings shipped with the package unless the user chose a folder."""
    os.environ.setdefault(
        "TIKTOKEN_CACHE_DIR", str(Path(__file__).resolve().parent / "data" / "tiktoken")
    )
