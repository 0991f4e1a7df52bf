"""Shared pieces of the cache tests (no tests here): a slow counting engine, apps around it, and
real uvicorn processes.

The slow engine makes concurrency observable: a computation takes long enough for every
concurrent request to arrive while it runs, and each computation is counted — in the engine for
in-process tests, and in Redis (``INCR``) for tests whose servers are separate processes.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import httpx
import redis
import redis.asyncio
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import build_cache, build_store, create_app
from api.extractive import build_brief
from api.schemas import Brief, SummaryRequest
from api.service import BriefService
from api.settings import Settings
from tests.fixtures.redis import free_port

REPO = Path(__file__).resolve().parent.parent
Client = AsyncTestClient[Litestar]


def story(
    text: str = "Kim said the army fired 80 shells on Monday. Seoul condemned it.",
    *,
    article_id: str = "a1",
) -> dict[str, Any]:
    return {"articles": [{"id": article_id, "text": text}]}


class SlowEngine:
    """An engine whose computations take ``delay`` seconds and are counted; optionally fails."""

    def __init__(
        self,
        delay: float = 0.3,
        *,
        name: Literal["extractive", "llm"] = "extractive",
        counter_url: str | None = None,
        counter_key: str | None = None,
        fail_times: int = 0,
    ) -> None:
        self.name = name
        self.delay = delay
        self.calls = 0
        self.fail_times = fail_times
        self.counter_url = counter_url
        self.counter_key = counter_key

    async def summarize(self, request: SummaryRequest) -> Brief:
        self.calls += 1
        if self.counter_url and self.counter_key:
            client = redis.asyncio.Redis.from_url(self.counter_url)
            try:
                await client.incr(self.counter_key)
            finally:
                await client.aclose()
        await asyncio.sleep(self.delay)
        if self.calls <= self.fail_times:
            from api.errors import UpstreamError

            raise UpstreamError("the slow engine was told to fail")
        return build_brief(request.articles, request.options)

    def cache_identity(self, request: SummaryRequest) -> dict[str, object]:
        return {"engine": "slow-test-engine", "version": 1}


def service_with(engine: SlowEngine, settings: Settings, store: Any = None) -> BriefService:
    """A service like the app's, with ``engine`` as its only engine."""
    store = store if store is not None else build_store(settings)
    return BriefService(
        {"extractive": engine},
        build_cache(settings, store),
        deadline_seconds=settings.request_timeout_seconds,
    )


def install(client: Client, engine: SlowEngine) -> BriefService:
    """Swap the running app's service for one around ``engine`` (same settings, same store)."""
    app = client.app
    settings: Settings = app.state.settings
    service = service_with(engine, settings)
    app.state.service = service
    return service


def slow_app() -> Litestar:
    """``uvicorn tests.test_cache_helpers:slow_app --factory``: the real app from the
    environment, its engine made slow and counted in Redis (``BRIEF_TEST_COUNTER_KEY``)."""
    settings = Settings()
    app = create_app(settings)
    engine = SlowEngine(
        float(os.environ.get("BRIEF_TEST_SLOW_SECONDS", "0.5")),
        counter_url=settings.redis_url,
        counter_key=os.environ["BRIEF_TEST_COUNTER_KEY"],
    )

    async def use_slow_engine(app: Litestar) -> None:
        app.state.service = service_with(engine, settings)

    app.on_startup.append(use_slow_engine)
    return app


@contextmanager
def uvicorn_process(env: dict[str, str], target: str = "api.app:create_app") -> Iterator[str]:
    """A real ``python -m uvicorn TARGET --factory`` on a free loopback port; yields its URL."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEF_", "OPENAI_"))}
    full_env.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", target, "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=REPO,
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"uvicorn exited with {process.returncode}: {stderr[-3000:]}")
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn on port {port} did not start")
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def comparable(body: dict[str, Any]) -> dict[str, Any]:
    """A brief without what differs per response (request id, cache status, latency)."""
    provenance = dict(body["provenance"])
    for name in ("request_id", "cache", "latency_ms"):
        provenance.pop(name, None)
    return {**body, "provenance": provenance}
