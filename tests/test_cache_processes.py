"""Real uvicorn processes sharing one Redis: one cache and one single flight between them."""

from __future__ import annotations

import asyncio

import httpx
import redis

from tests.test_cache_helpers import comparable, story, uvicorn_process

N = 50


def process_env(redis_url: str, namespace: str, **extra: str) -> dict[str, str]:
    return {"BRIEF_REDIS_URL": redis_url, "BRIEF_CACHE_NAMESPACE": namespace, **extra}


async def test_two_processes_share_the_cache(redis_url: str, redis_namespace: str) -> None:
    env = process_env(redis_url, redis_namespace)
    with uvicorn_process(env) as first, uvicorn_process(env) as second:
        async with httpx.AsyncClient(timeout=30) as client:
            miss = await client.post(first + "/v1/summaries", json=story())
            hit = await client.post(second + "/v1/summaries", json=story())
    assert (miss.status_code, hit.status_code) == (200, 200)
    assert miss.headers["x-cache"] == "MISS"
    assert hit.headers["x-cache"] == "HIT"
    assert comparable(miss.json()) == comparable(hit.json())


async def test_two_processes_share_one_computation(redis_url: str, redis_namespace: str) -> None:
    counter = f"{redis_namespace}:test:computations"
    env = process_env(
        redis_url,
        redis_namespace,
        BRIEF_TEST_COUNTER_KEY=counter,
        BRIEF_TEST_SLOW_SECONDS="0.5",
    )
    target = "tests.test_cache_helpers:slow_app"
    with uvicorn_process(env, target) as first, uvicorn_process(env, target) as second:
        limits = httpx.Limits(max_connections=N)
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            responses = await asyncio.gather(
                *(client.post(url + "/v1/summaries", json=story())
                  for _ in range(N // 2) for url in (first, second))
            )  # fmt: skip
            metrics = [(await client.get(url + "/metrics")).text for url in (first, second)]
    plain = redis.Redis.from_url(redis_url)
    try:
        computations = int(plain.get(counter) or 0)
    finally:
        plain.close()
    assert computations == 1
    assert [r.status_code for r in responses] == [200] * N
    assert sorted(r.headers["x-cache"] for r in responses) == ["HIT"] * (N - 1) + ["MISS"]
    bodies = [comparable(r.json()) for r in responses]
    assert all(body == bodies[0] for body in bodies)
    # The process that lost the race polled Redis with one waiter, not one per request.
    assert sum("brief_cache_lock_waits_total 1.0" in text for text in metrics) == 1
