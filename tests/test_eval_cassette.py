"""Cassettes record model exchanges keyed by the request, and replay them with no network."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from evals.cassette import CassetteMiss, CassetteTransport, request_key


def answering(calls: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        body = json.loads(request.content)
        return httpx.Response(200, json={"echo": body["messages"][0]["content"]})

    return httpx.MockTransport(handler)


def test_the_key_ignores_json_key_order_and_spacing() -> None:
    a = request_key("POST", "/v1/chat/completions", b'{"model": "m", "n": 1}')
    b = request_key("post", "/v1/chat/completions", b'{"n":1,"model":"m"}')
    assert a == b
    assert a != request_key("POST", "/v1/chat/completions", b'{"n":2,"model":"m"}')
    assert a != request_key("POST", "/v1/completions", b'{"n":1,"model":"m"}')


async def test_a_recorded_exchange_replays_without_the_server(tmp_path: Path) -> None:
    calls: list[httpx.Request] = []
    body = {"model": "m", "messages": [{"role": "user", "content": "hello"}]}
    recorder = CassetteTransport(tmp_path, "record", inner=answering(calls))
    async with httpx.AsyncClient(transport=recorder, base_url="http://127.0.0.1:1") as client:
        recorded = await client.post("/v1/chat/completions", json=body)
    assert recorded.json() == {"echo": "hello"}
    assert len(calls) == 1
    assert recorder.stats.recorded == 1
    stored = json.loads(next(tmp_path.glob("*.json")).read_text())  # noqa: ASYNC240 - a test
    assert stored["request"]["body"] == body
    assert "authorization" not in json.dumps(stored).lower()

    replayer = CassetteTransport(tmp_path, "replay")
    # A different host and port: the key is method, path and body only.
    async with httpx.AsyncClient(transport=replayer, base_url="http://10.255.0.1:9") as client:
        replayed = await client.post("/v1/chat/completions", json=body)
    assert replayed.status_code == 200
    assert replayed.json() == {"echo": "hello"}
    assert len(calls) == 1
    assert replayer.stats.replayed == 1


async def test_a_replay_miss_is_an_error(tmp_path: Path) -> None:
    replayer = CassetteTransport(tmp_path, "replay")
    async with httpx.AsyncClient(transport=replayer, base_url="http://127.0.0.1:1") as client:
        with pytest.raises(CassetteMiss, match="no recorded exchange"):
            await client.post("/v1/chat/completions", json={"model": "unknown"})
    assert len(replayer.stats.misses) == 1
