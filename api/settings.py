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
        default=None, validation_alias=AliasChoices("BRIEF_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("BRIEF_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_model: str = "gpt-4o-mini"
    llm_api_version: str | None = Field(
        default=None, description="Set for Azure OpenAI; the base URL is then the Azure endpoint."
    )
    llm_output_mode: Literal["auto", "json_schema", "json_object"] = "auto"
    llm_timeout_seconds: float = 60.0
    llm_max_retries: int = 2
    llm_max_concurrency: int = 4
    llm_context_tokens: int = 16_000
    llm_max_output_tokens: int = 4_000
    llm_price_per_million_input: float | None = None
    llm_price_per_million_output: float | None = None
    llm_fallback_to_extractive: bool = False
    grounding_drop_unverified: bool = False
    grounding_fuzzy_threshold: float = 90.0

    prompts_dir: Path = REPO_ROOT / "prompts"
    prompt_label: str = Field(
        default="production",
        description="Which label picks the default prompt version (e.g. staging on a canary).",
    )

    redis_url: str | None = None
    cache_ttl_seconds: int = 86_400
    cache_namespace: str = "brief"
    cache_redis_timeout_seconds: float = 0.25
    cache_lock_seconds: float = 120.0
    cache_wait_seconds: float = Field(
        default=120.0,
        description="How long a miss waits for another process computing the same brief "
        "before computing it itself.",
    )
    cache_breaker_cooldown_seconds: float = Field(
        default=2.0,
        description="After a Redis failure, serve without the cache this long before probing.",
    )

    max_body_bytes: int = 2_000_000
    request_timeout_seconds: float = 120.0
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list)
    rate_limit_per_minute: int = 0

    host: str = "127.0.0.1"
    port: int = 8000
    log_level: Literal["debug", "info", "warning", "error"] = "info"

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


def use_shipped_tiktoken_cache() -> None:
    """Point tiktoken at the encodings shipped with the package unless the user chose a folder."""
    os.environ.setdefault(
        "TIKTOKEN_CACHE_DIR", str(Path(__file__).resolve().parent / "data" / "tiktoken")
    )
