"""``create_app(settings)``: the Litestar app, built from settings; lifespan owns the connections."""

from __future__ import annotations

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
from api.cache import BriefCache
from api.engines.base import SummaryEngine
from api.engines.extractive import ExtractiveEngine
from api.errors import EXCEPTION_HANDLERS
from api.routes.health import healthz, readyz
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
    """Redis when configured, else an in-process store: the embedded default needs no Redis."""
    if settings.redis_url:
        return RedisStore.with_client(settings.redis_url, namespace=settings.cache_namespace)
    return MemoryStore()


def build_service(settings: Settings, store: Store) -> BriefService:
    """The summarize use case with its engines and cache; the app and the CLI share it."""
    cache_store = store.with_namespace("briefs") if isinstance(store, RedisStore) else store
    return BriefService(
        build_engines(settings, store),
        BriefCache(cache_store, settings.cache_ttl_seconds),
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
        if scope["type"] != "http":
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

    def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
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
        if given not in keys:
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
                exclude=["/healthz", "/readyz", "/schema"],
            ).middleware
        )

    return Litestar(
        route_handlers=[SummariesController, healthz, readyz],
        dependencies={"service": Provide(_service, sync_to_thread=False)},
        guards=[api_key_guard(set(settings.api_keys))],
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
