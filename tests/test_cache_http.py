"""The cache as a client sees it: X-Cache and Age, Cache-Control, equivalence, TTL, metrics.

Every test runs on both backends: the in-process MemoryStore and the machine's real Redis (a
namespace of its own, deleted afterwards).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any, cast

import pytest
import redis
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.engines.base import SummaryEngine
from api.engines.extractive import ExtractiveEngine
from api.schemas import Brief
from api.settings import Settings
from tests.conftest import settings_for
from tests.test_cache_helpers import Client, SlowEngine, comparable, install, story


@pytest.fixture(params=["memory", "redis"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def settings_on(backend: str, request: pytest.FixtureRequest, **overrides: Any) -> Settings:
    if backend == "redis":
        overrides.setdefault("redis_url", request.getfixturevalue("redis_url"))
        overrides.setdefault("cache_namespace", request.getfixturevalue("redis_namespace"))
    return settings_for(**overrides)


@pytest.fixture
async def cached(backend: str, request: pytest.FixtureRequest) -> AsyncIterator[Client]:
    async with AsyncTestClient(app=create_app(settings_on(backend, request))) as client:
        yield client


async def post(client: Client, body: Any, **headers: str) -> Any:
    content = body if isinstance(body, str) else json.dumps(body)
    return await client.post(
        "/v1/summaries",
        content=content,
        headers={"content-type": "application/json", **headers},
    )


async def test_miss_then_hit_with_the_same_brief(cached: Client) -> None:
    first = await post(cached, story())
    second = await post(cached, story())
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.headers["x-cache"] == "MISS"
    assert second.headers["x-cache"] == "HIT"
    assert first.headers["age"] == second.headers["age"] == "0"
    assert second.json()["provenance"]["cache"] == "HIT"
    assert first.json()["provenance"]["request_id"] != second.json()["provenance"]["request_id"]
    assert comparable(first.json()) == comparable(second.json())


async def test_age_counts_seconds_since_the_entry_was_written(cached: Client) -> None:
    await post(cached, story())
    await asyncio.sleep(1.1)
    hit = await post(cached, story())
    assert hit.headers["x-cache"] == "HIT"
    assert int(hit.headers["age"]) >= 1


async def test_equivalent_requests_hit_whitespace_and_key_order(cached: Client) -> None:
    text = "Kim said the army fired 80 shells on Monday. Seoul condemned it."
    await post(cached, story(text))
    reordered = json.dumps({"options": {}, "articles": [{"text": text, "id": "a1"}]})
    assert (await post(cached, reordered)).headers["x-cache"] == "HIT"
    spaced = "\n  Kim   said the army fired\n80 shells on Monday.  Seoul condemned it. "
    hit = await post(cached, story(spaced))
    assert hit.headers["x-cache"] == "HIT"
    # The entry was written for another layout: its evidence now indexes this request's text.
    brief = Brief.model_validate(hit.json())
    spans = [
        e
        for item in [*brief.who, *brief.what, *brief.stance, *brief.numbers]
        for e in item.evidence
    ]
    for span in spans:
        assert spaced[span.start : span.end] == span.text


async def test_different_input_misses(cached: Client) -> None:
    await post(cached, story())
    other = await post(cached, story("Seoul said 81 shells landed."))
    assert other.headers["x-cache"] == "MISS"
    options = await post(cached, {**story(), "options": {"max_items": 3}})
    assert options.headers["x-cache"] == "MISS"


async def test_no_cache_recomputes_and_refreshes(cached: Client) -> None:
    engine = SlowEngine(delay=0)
    install(cached, engine)
    await post(cached, story())
    assert engine.calls == 1
    refreshed = await post(cached, story(), **{"cache-control": "no-cache"})
    assert refreshed.headers["x-cache"] == "MISS"
    assert engine.calls == 2
    after = await post(cached, story())
    assert after.headers["x-cache"] == "HIT"
    assert after.json()["provenance"]["created_at"] == refreshed.json()["provenance"]["created_at"]
    assert engine.calls == 2


async def test_no_store_neither_reads_nor_writes(cached: Client) -> None:
    engine = SlowEngine(delay=0)
    install(cached, engine)
    bypass = await post(cached, story(), **{"cache-control": "no-store"})
    assert bypass.headers["x-cache"] == "BYPASS"
    assert (await post(cached, story())).headers["x-cache"] == "MISS", "no-store wrote nothing"
    again = await post(cached, story(), **{"cache-control": "no-store"})
    assert again.headers["x-cache"] == "BYPASS", "no-store did not read the entry"
    assert engine.calls == 3


async def test_entries_expire_after_the_ttl(backend: str, request: pytest.FixtureRequest) -> None:
    settings = settings_on(backend, request, cache_ttl_seconds=1)
    async with AsyncTestClient(app=create_app(settings)) as client:
        assert (await post(client, story())).headers["x-cache"] == "MISS"
        assert (await post(client, story())).headers["x-cache"] == "HIT"
        await asyncio.sleep(2.1)
        assert (await post(client, story())).headers["x-cache"] == "MISS"


async def test_degraded_briefs_are_not_cached(cached: Client) -> None:
    """A fallback answer written during a model outage must not outlive the outage."""
    model = SlowEngine(delay=0, name="llm", fail_times=1)
    service = install(cached, model)
    service.engines = {"extractive": cast(SummaryEngine, ExtractiveEngine()), "llm": model}
    service.fallback_to_extractive = True
    degraded = await post(cached, story())
    assert degraded.status_code == 200
    assert degraded.json()["provenance"]["degraded"] is True
    recovered = await post(cached, story())
    assert recovered.headers["x-cache"] == "MISS"
    assert recovered.json()["provenance"]["degraded"] is False
    assert (await post(cached, story())).headers["x-cache"] == "HIT"
    assert model.calls == 2


async def test_metrics_count_hits_misses_and_bypasses(cached: Client) -> None:
    await post(cached, story())
    await post(cached, story())
    await post(cached, story(), **{"cache-control": "no-store"})
    response = await cached.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    lines = set(response.text.splitlines())
    assert 'brief_cache_requests_total{reason="lead",result="miss"} 1.0' in lines
    assert 'brief_cache_requests_total{reason="stored",result="hit"} 1.0' in lines
    assert 'brief_cache_requests_total{reason="client",result="bypass"} 1.0' in lines
    assert 'brief_cache_breaker_state{state="closed"} 1.0' in lines


async def test_redis_entries_live_under_the_namespace_with_the_ttl(
    redis_url: str, redis_namespace: str
) -> None:
    settings = settings_for(
        redis_url=redis_url, cache_namespace=redis_namespace, cache_ttl_seconds=600
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        await post(client, story())
    plain = redis.Redis.from_url(redis_url)
    try:
        keys = list(plain.scan_iter(match=f"{redis_namespace}:*"))
        assert len(keys) == 1
        key = keys[0].decode()
        assert key.startswith(f"{redis_namespace}:v1:brief:-:")
        assert 590 <= plain.ttl(key) <= 600
    finally:
        plain.close()


async def test_a_hit_body_is_exactly_the_served_brief_with_its_request_id(cached: Client) -> None:
    """A stored hit's body is written once per decoded entry with a slot for the request id;
    it must be the bytes serializing the brief would give, whatever the id holds."""
    await post(cached, story())
    for request_id in ("plain-id", 'a "quoted" \\ id', "x" * 128):
        hit = await post(cached, story(), **{"x-request-id": request_id})
        assert hit.headers["x-cache"] == "HIT"
        assert hit.headers["x-request-id"] == request_id
        brief = Brief.model_validate_json(hit.content)
        assert brief.provenance.request_id == request_id
        assert brief.provenance.cache == "HIT"
        assert hit.content == brief.model_dump_json().encode()
    generated = await post(cached, story())
    assert generated.json()["provenance"]["request_id"] == generated.headers["x-request-id"]
