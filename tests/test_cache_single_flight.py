"""One computation per key: concurrent identical misses wait for the first, in one process and
across processes sharing Redis; bounded waits; a crashed holder's lock expires."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import redis.asyncio
from litestar.testing import AsyncTestClient

from api.app import build_store, create_app
from api.cache import CacheMode
from api.errors import UpstreamError
from api.schemas import SummaryRequest
from api.service import BriefService, Served
from api.settings import Settings
from tests.conftest import settings_for
from tests.test_cache_helpers import Client, SlowEngine, comparable, install, service_with, story

CONCURRENT = 50


@pytest.fixture(params=["memory", "redis"])
def backend_settings(request: pytest.FixtureRequest) -> Settings:
    if request.param == "memory":
        return settings_for()
    return settings_for(
        redis_url=request.getfixturevalue("redis_url"),
        cache_namespace=request.getfixturevalue("redis_namespace"),
    )


async def burst(client: Client, body: dict[str, Any], n: int = CONCURRENT) -> list[Any]:
    return list(await asyncio.gather(*(client.post("/v1/summaries", json=body) for _ in range(n))))


async def test_concurrent_identical_requests_make_one_computation(
    backend_settings: Settings,
) -> None:
    async with AsyncTestClient(app=create_app(backend_settings)) as client:
        engine = SlowEngine(delay=0.3)
        install(client, engine)
        responses = await burst(client, story())
    assert engine.calls == 1
    assert [r.status_code for r in responses] == [200] * CONCURRENT
    statuses = sorted(r.headers["x-cache"] for r in responses)
    assert statuses == ["HIT"] * (CONCURRENT - 1) + ["MISS"]
    bodies = [comparable(r.json()) for r in responses]
    assert all(body == bodies[0] for body in bodies)
    assert len({r.json()["provenance"]["request_id"] for r in responses}) == CONCURRENT


async def test_different_stories_compute_concurrently(backend_settings: Settings) -> None:
    async with AsyncTestClient(app=create_app(backend_settings)) as client:
        engine = SlowEngine(delay=0.2)
        install(client, engine)
        bodies = [story(f"Story number {i} says {i} shells fell.") for i in range(5)]
        responses = await asyncio.gather(
            *(client.post("/v1/summaries", json=body) for body in bodies for _ in range(4))
        )
    assert engine.calls == 5
    assert sorted(r.headers["x-cache"] for r in responses).count("MISS") == 5


async def test_a_leaving_client_does_not_cancel_the_shared_computation(
    backend_settings: Settings,
) -> None:
    engine = SlowEngine(delay=0.3)
    service = service_with(engine, backend_settings)
    request = SummaryRequest.model_validate(story())
    leader = asyncio.ensure_future(service.summarize(request))
    await asyncio.sleep(0.05)
    follower = asyncio.ensure_future(service.summarize(request))
    await asyncio.sleep(0.05)
    leader.cancel()
    served = await follower
    assert served.cache == "HIT"
    assert engine.calls == 1
    assert leader.cancelled()


async def test_a_failed_computation_fails_its_waiters_then_the_next_request_computes(
    backend_settings: Settings,
) -> None:
    engine = SlowEngine(delay=0.2, fail_times=1)
    service = service_with(engine, backend_settings)
    request = SummaryRequest.model_validate(story())
    results = await asyncio.gather(
        *(service.summarize(request) for _ in range(5)), return_exceptions=True
    )
    assert all(isinstance(result, UpstreamError) for result in results)
    assert engine.calls == 1
    served = await service.summarize(request)
    assert served.cache == "MISS"
    assert engine.calls == 2


# --- across processes: services with their own Redis clients, as two processes would have ---


def redis_settings(url: str, namespace: str, **overrides: Any) -> Settings:
    # These tests are about who computes and who waits, not about a slow Redis: a socket timeout
    # well above the 0.25 s default keeps a busy CI machine's stall from bypassing the cache
    # (test_cache_outage covers the timeouts).
    overrides.setdefault("cache_redis_timeout_seconds", 2.0)
    return settings_for(redis_url=url, cache_namespace=namespace, **overrides)


async def test_services_sharing_redis_make_one_computation(
    redis_url: str, redis_namespace: str
) -> None:
    settings = redis_settings(redis_url, redis_namespace)
    engines = [SlowEngine(delay=0.4) for _ in range(3)]
    services = [service_with(engine, settings) for engine in engines]
    request = SummaryRequest.model_validate(story())
    served: list[Served] = await asyncio.gather(
        *(service.summarize(request) for service in services for _ in range(10))
    )
    assert sum(engine.calls for engine in engines) == 1
    assert sorted(s.cache for s in served) == ["HIT"] * 29 + ["MISS"]
    waits = sum(service.cache.metrics.lock_waits for service in services if service.cache)
    assert waits == 2, "each other process polled Redis once per key, not once per request"


async def test_a_crashed_holders_lock_expires_and_a_waiter_takes_over(
    redis_url: str, redis_namespace: str
) -> None:
    settings = redis_settings(redis_url, redis_namespace, cache_lock_seconds=0.5)
    engine = SlowEngine(delay=0)
    service = service_with(engine, settings)
    request = SummaryRequest.model_validate(story())
    assert service.cache is not None
    key = service.cache.key_for(request, engine.cache_identity(request))
    crashed = redis.asyncio.Redis.from_url(redis_url)
    try:
        # A holder that took the lock and died: nobody will release it.
        await crashed.set(f"{redis_namespace}:lock:{key}", "dead-holder", px=500)
        served = await service.summarize(request)
    finally:
        await crashed.aclose()
    assert served.cache == "MISS"
    assert engine.calls == 1
    assert service.cache.metrics.lock_waits == 1
    assert service.cache.metrics.lock_wait_timeouts == 0


async def test_the_wait_for_another_process_is_bounded(
    redis_url: str, redis_namespace: str
) -> None:
    settings = redis_settings(redis_url, redis_namespace, cache_wait_seconds=0.3)
    engine = SlowEngine(delay=0)
    service = service_with(engine, settings)
    request = SummaryRequest.model_validate(story())
    assert service.cache is not None
    key = service.cache.key_for(request, engine.cache_identity(request))
    stuck = redis.asyncio.Redis.from_url(redis_url)
    try:
        await stuck.set(f"{redis_namespace}:lock:{key}", "stuck-holder", px=30_000)
        served = await service.summarize(request)
        assert await stuck.get(f"{redis_namespace}:lock:{key}") == b"stuck-holder"
    finally:
        await stuck.aclose()
    assert served.cache == "MISS"
    assert engine.calls == 1
    assert service.cache.metrics.lock_wait_timeouts == 1


async def test_a_holder_renews_its_lock_while_computing(
    redis_url: str, redis_namespace: str
) -> None:
    """A computation longer than the lock's lifetime still runs once: the holder renews it."""
    settings = redis_settings(redis_url, redis_namespace, cache_lock_seconds=0.3)
    first, second = SlowEngine(delay=1.0), SlowEngine(delay=1.0)
    request = SummaryRequest.model_validate(story())
    a, b = service_with(first, settings), service_with(second, settings)
    leader = asyncio.ensure_future(a.summarize(request))
    await asyncio.sleep(0.1)
    served = await b.summarize(request)
    await leader
    assert (first.calls, second.calls) == (1, 0)
    assert served.cache == "HIT"


async def test_when_the_holder_fails_a_waiting_process_computes(
    redis_url: str, redis_namespace: str
) -> None:
    settings = redis_settings(redis_url, redis_namespace)
    failing, healthy = SlowEngine(delay=0.3, fail_times=1), SlowEngine(delay=0)
    request = SummaryRequest.model_validate(story())
    a, b = service_with(failing, settings), service_with(healthy, settings)
    leader = asyncio.ensure_future(a.summarize(request))
    await asyncio.sleep(0.1)
    served = await b.summarize(request)
    with pytest.raises(UpstreamError):
        await leader
    assert served.cache == "MISS"
    assert (failing.calls, healthy.calls) == (1, 1)


async def test_refresh_does_not_wait_for_the_lock(redis_url: str, redis_namespace: str) -> None:
    settings = redis_settings(redis_url, redis_namespace)
    engine = SlowEngine(delay=0)
    service = service_with(engine, settings)
    request = SummaryRequest.model_validate(story())
    assert service.cache is not None
    key = service.cache.key_for(request, engine.cache_identity(request))
    other = redis.asyncio.Redis.from_url(redis_url)
    try:
        await other.set(f"{redis_namespace}:lock:{key}", "busy", px=30_000)
        served = await service.summarize(request, cache_mode=CacheMode.REFRESH)
    finally:
        await other.aclose()
    assert served.cache == "MISS"
    assert service.cache.metrics.lock_waits == 0


# --- the llm engine on the loopback stub ---------------------------------------------------------


def _chat_calls(log: Any) -> int:
    """Model calls in the stub's request log, whatever shape its entries take."""
    count = 0
    for entry in log:
        path = entry.get("path") if isinstance(entry, dict) else getattr(entry, "path", None)
        count += 1 if path is None or "chat/completions" in str(path) else 0
    return count


async def test_fifty_concurrent_llm_requests_make_one_model_call(
    request: pytest.FixtureRequest, redis_url: str, redis_namespace: str
) -> None:
    pytest.importorskip("api.engines.llm", reason="the llm engine is not in this tree yet")
    try:
        stub = request.getfixturevalue("llm_stub")
    except pytest.FixtureLookupError:
        pytest.skip("the llm_stub fixture (tests/fixtures/llm_stub.py) is not written yet")
    settings = settings_for(
        llm_base_url=stub.base_url,
        llm_api_key="test-key",
        redis_url=redis_url,
        cache_namespace=redis_namespace,
    )
    body = story()
    body["engine"] = "llm"
    async with AsyncTestClient(app=create_app(settings)) as client:
        before = _chat_calls(stub.requests)
        responses = await asyncio.gather(
            *(client.post("/v1/summaries", json=body) for _ in range(CONCURRENT))
        )
        assert [r.status_code for r in responses] == [200] * CONCURRENT, responses[0].text
        assert _chat_calls(stub.requests) - before == 1
        briefs = [comparable(r.json()) for r in responses]
        assert all(
            json.dumps(b, sort_keys=True) == json.dumps(briefs[0], sort_keys=True) for b in briefs
        )
        assert {b["provenance"]["engine"] for b in briefs} == {"llm"}
        again = await client.post("/v1/summaries", json=body)
        assert again.headers["x-cache"] == "HIT"
        assert _chat_calls(stub.requests) - before == 1


def test_build_store_gives_redis_fast_failing_timeouts(redis_url: str) -> None:
    store = build_store(settings_for(redis_url=redis_url, cache_redis_timeout_seconds=0.2))
    kwargs = store._redis.connection_pool.connection_kwargs  # type: ignore[attr-defined]
    assert kwargs["socket_timeout"] == 0.2
    assert kwargs["socket_connect_timeout"] == 0.2


def test_service_keeps_its_public_api() -> None:
    assert callable(BriefService.summarize)
