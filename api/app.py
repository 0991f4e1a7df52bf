"""``create_app(settings)``: the Litestar app built from settings; lifespan owns connections."""

from __future__ import annotations

import hmac
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.di import Provide
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from api import __version__
from api.cache import BriefCache, redis_client_for, redis_client_of
from api.engines.base import SummaryEngine
from api.engines.extractive import ExtractiveEngine
from api.errors import EXCEPTION_HANDLERS
from api.routes.health import healthz, readyz
from api.routes.metrics import metrics
from api.routes.prompts import PromptsController
from api.routes.summaries import SummariesController
from api.service import BriefService
from api.settings import Settings, use_shipped_tiktoken_cache

log = logging.getLogger("brief")

OPEN_PATHS = {"/healthz", "/readyz"}


def build_engines(settings: Settings, store: Store) -> dict[str, SummaryEngine]:
    """The extractive engine always; the llm engine when a model server is configured."""
    engines: dict[str, SummaryEngine] = {"extractive": ExtractiveEngine()}
    if settings.llm_configured:
        from api.engines.llm import LLMEngine  # the openai client is only built when needed

        engines["llm"] = LLMEngine.from_settings(settings, store=store)
    return engines


def build_store(settings: Settings) -> Store:
    """Redis when configured, else an in-process store: the embedded default needs no Redis.

    The Redis client fails fast (short socket timeouts, no retry loop): the cache's breaker then
    serves without it rather than adding redis-py's default retries to every request."""
    if settings.redis_url:
        client = redis_client_for(settings.redis_url, settings.cache_redis_timeout_seconds)
        return RedisStore(client, namespace=settings.cache_namespace, handle_client_shutdown=True)
    return MemoryStore()


def build_cache(settings: Settings, store: Store) -> BriefCache:
    """The brief cache over ``store``: shared single flight and outage breaker with Redis."""
    return BriefCache(
        store,
        settings.cache_ttl_seconds,
        redis=redis_client_of(store) if isinstance(store, RedisStore) else None,
        lock_seconds=settings.cache_lock_seconds,
        wait_seconds=settings.cache_wait_seconds,
        breaker_cooldown_seconds=settings.cache_breaker_cooldown_seconds,
        # Server defaults that change a brief are part of its key, like the request's options.
        server_identity={
            "grounding_drop_unverified": settings.grounding_drop_unverified,
            "grounding_fuzzy_threshold": settings.grounding_fuzzy_threshold,
        },
    )


def build_service(settings: Settings, store: Store) -> BriefService:
    """The summarize use case with its engines and cache; the app and the CLI share it."""
    cache = build_cache(settings, store)
    return BriefService(
        # The engines cache their own work (per-article extractions) behind the same breaker.
        build_engines(settings, cache.engine_store()),
        cache,
        deadline_seconds=settings.request_timeout_seconds,
        fallback_to_extractive=settings.llm_fallback_to_extractive,
    )


async def close_service(service: BriefService) -> None:
    """Close what the engines hold open (the model client's connection pool)."""
    for engine in service.engines.values():
        close = getattr(engine, "aclose", None)
        if close is not None:
            await close()


def request_id_middleware(app: ASGIApp) -> ASGIApp:
    """Give each request an id (the client's ``X-Request-ID`` if sane) and echo it back."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if 0 < len(given) <= 128 and given.isprintable() else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await app(scope, receive, send_with_id)

    return middleware


def api_key_guard(keys: set[str]) -> Any:
    """401 without a key, 403 with a wrong one. Health probes stay open."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if not keys or connection.url.path in OPEN_PATHS:
            return
        given = connection.headers.get("x-api-key")
        auth = connection.headers.get("authorization", "")
        if not given and auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given:
            raise NotAuthorizedException(
                "An API key is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        # Constant-time comparison, so response timing does not leak a key's prefix.
        if not any(hmac.compare_digest(given, key) for key in keys):
            raise PermissionDeniedException("This API key is not accepted.")

    return guard


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the app from settings (the environment when none are given)."""
    settings = settings or Settings()
    use_shipped_tiktoken_cache()
    store = build_store(settings)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        app.state.service = service = build_service(settings, store)
        app.state.cache_backend = "redis" if isinstance(store, RedisStore) else "memory"
        app.state.cache_probe = lambda: _probe(store)
        try:
            yield
        finally:
            await close_service(service)
            if isinstance(store, RedisStore):
                await store._redis.aclose()

    middleware: list[Any] = [request_id_middleware]
    if settings.rate_limit_per_minute > 0:
        middleware.append(
            RateLimitConfig(
                rate_limit=("minute", settings.rate_limit_per_minute),
                exclude=["/healthz", "/readyz", "/metrics", "/schema"],
            ).middleware
        )

    return Litestar(
        route_handlers=[SummariesController, PromptsController, healthz, readyz, metrics],
        dependencies={"service": Provide(_service, sync_to_thread=False)},
        # Without keys there is nothing to check: no guard at all, as Litestar copies the route
        # handler for every guard call of every request.
        guards=[api_key_guard(set(settings.api_keys))] if settings.api_keys else [],
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=middleware,
        lifespan=[lifespan],
        stores={"rate_limit": MemoryStore()},
        request_max_body_size=settings.max_body_bytes,
        cors_config=CORSConfig(allow_origins=[]),
        openapi_config=OpenAPIConfig(
            title="Brief",
            version=__version__,
            description="One structured, grounded brief from several news articles.",
            path="/schema",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
        ),
        state=State({"settings": settings}),
        debug=False,
    )


def _service(state: State) -> BriefService:
    service: BriefService = state.service
    return service


async def _probe(store: Store) -> bool:
    try:
        await store.exists("readyz-probe")
    except Exception:  # any failure means "not ready"; the reason goes to the log
        log.warning("cache probe failed", exc_info=True)
        return False
    return True
