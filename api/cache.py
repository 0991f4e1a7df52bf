"""The brief cache: key derivation and a Litestar store (Redis, or in-process with no Redis).

Issue 6 grows this into single flight, an outage breaker and operations commands.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from enum import Enum

from litestar.stores.base import Store

from api.schemas import SCHEMA_VERSION, Brief, SummaryRequest

KEY_VERSION = 1


class CacheMode(Enum):
    """What the client's ``Cache-Control`` asks for."""

    DEFAULT = "default"  # read, and write on a miss
    REFRESH = "no-cache"  # recompute, then write
    BYPASS = "no-store"  # neither read nor write

    @classmethod
    def from_header(cls, value: str | None) -> CacheMode:
        directives = {part.strip().lower() for part in (value or "").split(",")}
        if "no-store" in directives:
            return cls.BYPASS
        if "no-cache" in directives:
            return cls.REFRESH
        return cls.DEFAULT


def _normalize_text(text: str) -> str:
    """Whitespace differences do not change a brief's meaning, so they must not miss the cache."""
    return " ".join(text.split())


def cache_key_for(request: SummaryRequest, engine_identity: dict[str, object]) -> str:
    """A hash of everything that changes the output, under a versioned namespace."""
    material = {
        "schema": SCHEMA_VERSION,
        "articles": [
            {
                "id": article.id,
                "text": _normalize_text(article.text),
                "title": _normalize_text(article.title or ""),
                "source": article.source,
                "published_at": article.published_at.isoformat() if article.published_at else None,
            }
            for article in request.articles
        ],
        "prompt": request.prompt,
        "options": request.options.model_dump(mode="json"),
        "engine": engine_identity,
    }
    blob = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"v{KEY_VERSION}:brief:{hashlib.sha256(blob.encode()).hexdigest()}"


@dataclass(frozen=True)
class CachedBrief:
    brief: Brief
    stored_at: float

    @property
    def age_seconds(self) -> int:
        return max(0, int(time.time() - self.stored_at))


class BriefCache:
    """Get and set briefs in a Litestar store."""

    def __init__(self, store: Store, ttl_seconds: int) -> None:
        self.store = store
        self.ttl_seconds = ttl_seconds

    async def get(self, key: str) -> CachedBrief | None:
        raw = await self.store.get(key)
        if raw is None:
            return None
        envelope = json.loads(raw)
        return CachedBrief(Brief.model_validate(envelope["brief"]), float(envelope["stored_at"]))

    async def set(self, key: str, brief: Brief) -> None:
        envelope = {"stored_at": time.time(), "brief": brief.model_dump(mode="json")}
        await self.store.set(key, json.dumps(envelope), expires_in=self.ttl_seconds)
