"""The summarize use case: choose the engine, consult the cache, enforce the deadline, fall back.

Routes and the CLI both call ``BriefService.summarize``; neither knows which engine ran.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import anyio

from api.cache import BriefCache, CacheMode, HitJson
from api.engines.base import SummaryEngine
from api.errors import InvalidRequest, UpstreamError, UpstreamTimeout
from api.schemas import Brief, CacheStatus, Engine, SummaryRequest


@dataclass(frozen=True)
class Served:
    """A brief as served, with what the HTTP layer puts in headers."""

    brief: Brief
    cache: CacheStatus
    age_seconds: int = 0
    hit_json: HitJson | None = None

    def json(self) -> bytes:
        """The brief as JSON: a stored hit's body comes serialized from the cache."""
        if self.hit_json is not None and self.cache == "HIT":
            request_id = self.brief.provenance.request_id
            if request_id is not None:
                return self.hit_json.render(request_id)
        return self.brief.model_dump_json().encode()


class BriefService:
    """Writes briefs with the right engine, through the cache, within one deadline."""

    def __init__(
        self,
        engines: dict[str, SummaryEngine],
        cache: BriefCache | None,
        *,
        deadline_seconds: float,
        fallback_to_extractive: bool = False,
    ) -> None:
        self.engines = engines
        self.cache = cache
        self.deadline_seconds = deadline_seconds
        self.fallback_to_extractive = fallback_to_extractive

    def resolve_engine(self, requested: Engine) -> SummaryEngine:
        """``auto`` is llm when one is configured, else extractive."""
        if requested is Engine.AUTO:
            return self.engines.get("llm") or self.engines["extractive"]
        engine = self.engines.get(requested.value)
        if engine is None:
            raise InvalidRequest(
                f"engine {requested.value!r} is not configured on this server "
                "(set BRIEF_LLM_BASE_URL or BRIEF_LLM_API_KEY)",
                pointer="#/engine",
            )
        return engine

    async def summarize(
        self,
        request: SummaryRequest,
        *,
        cache_mode: CacheMode = CacheMode.DEFAULT,
        request_id: str | None = None,
    ) -> Served:
        started = time.perf_counter()
        engine = self.resolve_engine(request.engine)
        served = await self._through_cache(engine, request, cache_mode)
        provenance = served.brief.provenance
        provenance.cache = served.cache
        provenance.request_id = request_id or uuid.uuid4().hex
        if served.cache != "HIT":
            provenance.latency_ms = round((time.perf_counter() - started) * 1000, 3)
        return served

    async def _through_cache(
        self, engine: SummaryEngine, request: SummaryRequest, mode: CacheMode
    ) -> Served:
        async def compute() -> Brief:
            started = time.perf_counter()
            brief = await self._compute(engine, request)
            # Stored with the entry, so a hit still tells how long the brief took to write.
            brief.provenance.latency_ms = round((time.perf_counter() - started) * 1000, 3)
            return brief

        if self.cache is None:
            return Served(await compute(), "BYPASS")
        key = self.cache.key_for(request, engine.cache_identity(request))
        outcome = await self.cache.serve(key, request, compute, mode)
        return Served(outcome.brief, outcome.status, outcome.age_seconds, outcome.hit_json)

    async def _compute(self, engine: SummaryEngine, request: SummaryRequest) -> Brief:
        try:
            with anyio.fail_after(self.deadline_seconds):
                brief = await engine.summarize(request)
        except TimeoutError as exc:
            failure: UpstreamError | UpstreamTimeout = UpstreamTimeout(
                f"no brief within the {self.deadline_seconds:g} s request deadline"
            )
            if not self._may_fall_back(engine):
                raise failure from exc
            return await self._degraded(request, failure)
        except (UpstreamError, UpstreamTimeout) as failure:
            if not self._may_fall_back(engine):
                raise
            return await self._degraded(request, failure)
        brief.provenance.created_at = datetime.now(UTC)
        return brief

    def _may_fall_back(self, engine: SummaryEngine) -> bool:
        return self.fallback_to_extractive and engine.name != "extractive"

    async def _degraded(self, request: SummaryRequest, failure: Exception) -> Brief:
        """The model failed: answer with the extractive brief, marked as such."""
        brief = await self.engines["extractive"].summarize(request)
        brief.provenance.degraded = True
        brief.provenance.degraded_reason = str(failure)
        brief.provenance.created_at = datetime.now(UTC)
        return brief
