"""The HTTP contract: the brief, health, OpenAPI, and problem details for every bad input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.schemas import MAX_ARTICLES, Brief
from tests.conftest import settings_for

Client = AsyncTestClient[Litestar]


def one_article(text: str = "North Korea fired 80 shells, officials said.") -> dict[str, Any]:
    return {"articles": [{"id": "a1", "text": text}]}


async def test_sample_article_brief_has_exact_evidence(client: Client, seed_text: str) -> None:
    response = await client.post("/v1/summaries", json=one_article(seed_text))
    assert response.status_code == 200
    brief = Brief.model_validate(response.json())
    assert brief.provenance.engine == "extractive"
    assert brief.headline
    assert brief.summary
    spans = [
        e
        for item in [*brief.who, *brief.what, *brief.stance, *brief.numbers]
        for e in item.evidence
    ]
    assert spans, "every list of the brief carries evidence"
    for span in spans:
        assert seed_text[span.start : span.end] == span.text
    names = {actor.name for actor in brief.who}
    assert {"Lloyd Austin", "Lee Jong Seop", "Park Jong-Chong"} <= names
    assert any("Security Council" in name for name in names)
    values = {number.value for number in brief.numbers}
    assert {80, 2018, 2017, 15} <= values


async def test_response_carries_request_id_and_cache_headers(client: Client) -> None:
    response = await client.post(
        "/v1/summaries", json=one_article(), headers={"X-Request-ID": "req-123"}
    )
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-123"
    assert response.json()["provenance"]["request_id"] == "req-123"
    assert response.headers["x-cache"] == "MISS"
    again = await client.post("/v1/summaries", json=one_article())
    assert again.headers["x-cache"] == "HIT"


async def test_health_and_readiness(client: Client) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["cache"] == {"backend": "memory", "ok": True}


async def test_openapi_documents_the_contract(client: Client) -> None:
    spec = (await client.get("/schema/openapi.json")).json()
    assert "/v1/summaries" in spec["paths"]
    assert "SummaryRequest" in json.dumps(spec["components"])
    page = await client.get("/schema")
    assert page.status_code == 200
    assert "<html" in page.text.lower()


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://brief.dev/problems/")
    assert body["title"]
    assert body["detail"]
    return body


def _fields(body: dict[str, Any]) -> set[str]:
    return {error["field"] for error in body["errors"]}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"articles": [{"id": "a1"}]}, "articles[0].text"),
        ({"articles": [{"id": "a1", "text": "   "}]}, "articles[0].text"),
        ({"articles": []}, "articles"),
        ({}, "articles"),
        (
            {"articles": [{"id": f"a{i}", "text": "x."} for i in range(MAX_ARTICLES + 1)]},
            "articles",
        ),
        ({"articles": [{"id": "a1", "text": 42}]}, "articles[0].text"),
        ({"articles": "not a list"}, "articles"),
        ({"articles": [{"id": "a1", "text": "x."}], "engine": "magic"}, "engine"),
        ({"articles": [{"id": "a1", "text": "x."}], "prompt": "summarize"}, "prompt"),
        (
            {"articles": [{"id": "a1", "text": "x."}], "options": {"max_items": 0}},
            "options.max_items",
        ),
        ({"articles": [{"id": "a1", "text": "x."}, {"id": "a1", "text": "y."}]}, "articles"),
        ({"articles": [{"id": "a1", "text": "x.", "colour": "red"}]}, "articles[0].colour"),
        ({"articles": [{"id": "", "text": "x."}]}, "articles[0].id"),
        (
            {"articles": [{"id": "a1", "text": "x.", "published_at": "yesterday"}]},
            "articles[0].published_at",
        ),
    ],
)
async def test_invalid_body_is_422_with_field_path(
    client: Client, payload: dict[str, Any], field: str
) -> None:
    body = _problem(await client.post("/v1/summaries", json=payload), 422)
    assert field in _fields(body)
    assert body["instance"] == "/v1/summaries"


async def test_top_level_array_is_422_at_the_root(client: Client) -> None:
    body = _problem(await client.post("/v1/summaries", json=[1, 2]), 422)
    assert _fields(body) == {""}
    assert body["errors"][0]["pointer"] == "#"


@pytest.mark.parametrize("content", [b"not json", b'{"articles": [', b"\xff\xfe", b""])
async def test_non_json_body_is_400(client: Client, content: bytes) -> None:
    response = await client.post(
        "/v1/summaries", content=content, headers={"Content-Type": "application/json"}
    )
    body = _problem(response, 400)
    assert body["type"].endswith("/malformed-body")


async def test_body_over_the_limit_is_413() -> None:
    app = create_app(settings_for(max_body_bytes=2_000))
    async with AsyncTestClient(app=app) as client:
        body = _problem(await client.post("/v1/summaries", json=one_article("x" * 5_000)), 413)
        assert body["type"].endswith("/body-too-large")
        # Under the limit the same route answers normally.
        assert (await client.post("/v1/summaries", json=one_article())).status_code == 200


async def test_llm_engine_without_a_model_is_422_on_engine(client: Client) -> None:
    payload = {**one_article(), "engine": "llm"}
    body = _problem(await client.post("/v1/summaries", json=payload), 422)
    assert _fields(body) == {"engine"}


async def test_unknown_route_and_method_are_problems(client: Client) -> None:
    _problem(await client.get("/v2/nothing"), 404)
    _problem(await client.get("/v1/summaries"), 405)


async def test_api_keys_401_without_403_wrong_200_right() -> None:
    app = create_app(settings_for(api_keys="k1,k2"))
    async with AsyncTestClient(app=app) as client:
        missing = _problem(await client.post("/v1/summaries", json=one_article()), 401)
        assert missing["type"].endswith("/unauthorized")
        _problem(
            await client.post(
                "/v1/summaries", json=one_article(), headers={"Authorization": "Bearer nope"}
            ),
            403,
        )
        ok = await client.post("/v1/summaries", json=one_article(), headers={"X-API-Key": "k2"})
        assert ok.status_code == 200
        assert (await client.get("/healthz")).status_code == 200


async def test_rate_limit_is_429_with_retry_after() -> None:
    app = create_app(settings_for(rate_limit_per_minute=2))
    async with AsyncTestClient(app=app) as client:
        statuses = [
            (await client.post("/v1/summaries", json=one_article())).status_code for _ in range(2)
        ]
        assert statuses == [200, 200]
        limited = await client.post("/v1/summaries", json=one_article())
        _problem(limited, 429)
        assert int(limited.headers["retry-after"]) > 0
