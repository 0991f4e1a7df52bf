"""Each injected model-server fault gets its documented answer: problem details (502/504), a
repaired answer, or the degraded extractive brief when ``llm_fallback_to_extractive`` is on."""

from __future__ import annotations

import time
from typing import Any

from litestar.testing import AsyncTestClient

from api.app import create_app
from api.schemas import Brief
from tests.fixtures.llm_stub import LLMStub, stub_settings


def body(seed_text: str) -> dict[str, Any]:
    return {"articles": [{"id": "a1", "text": seed_text}], "engine": "llm"}


async def post(stub: LLMStub, seed_text: str, **overrides: object) -> Any:
    async with AsyncTestClient(app=create_app(stub_settings(stub, **overrides))) as client:
        return await client.post("/v1/summaries", json=body(seed_text))


def problem_type(response: Any) -> str:
    assert response.headers["content-type"].startswith("application/problem+json")
    slug: str = response.json()["type"].rsplit("/", 1)[-1]
    return slug


async def test_429_is_retried_after_retry_after(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.fail(429, retry_after=0.3)
    started = time.perf_counter()
    response = await post(llm_stub, seed_text, llm_max_retries=2)
    assert response.status_code == 200
    assert len(llm_stub.requests) == 2
    assert time.perf_counter() - started >= 0.3  # the SDK waited as told


async def test_persistent_429_is_502_rate_limited(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.fail(429, times=2, retry_after=0.05)
    response = await post(llm_stub, seed_text, llm_max_retries=1)
    assert response.status_code == 502
    assert problem_type(response) == "model-rate-limited"
    assert len(llm_stub.requests) == 2


async def test_500_is_502(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.fail(500)
    response = await post(llm_stub, seed_text)
    assert response.status_code == 502
    assert problem_type(response) == "model-server-error"
    assert response.json()["status"] == 502


async def test_500_then_success_is_retried(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.fail(500)
    response = await post(llm_stub, seed_text, llm_max_retries=1)
    assert response.status_code == 200
    assert len(llm_stub.requests) == 2


async def test_slow_model_is_504(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.delay(3.0)
    response = await post(llm_stub, seed_text, llm_timeout_seconds=0.5)
    assert response.status_code == 504
    assert problem_type(response) == "upstream-timeout"


async def test_slow_model_falls_back_to_a_degraded_extractive_brief(
    llm_stub: LLMStub, seed_text: str
) -> None:
    llm_stub.delay(3.0)
    response = await post(
        llm_stub, seed_text, llm_timeout_seconds=0.5, llm_fallback_to_extractive=True
    )
    assert response.status_code == 200
    provenance = Brief.model_validate(response.json()).provenance
    assert provenance.engine == "extractive"
    assert provenance.degraded is True
    assert provenance.degraded_reason
    assert "in time" in provenance.degraded_reason


async def test_server_error_falls_back_when_configured(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.fail(500)
    response = await post(llm_stub, seed_text, llm_fallback_to_extractive=True)
    assert response.status_code == 200
    provenance = Brief.model_validate(response.json()).provenance
    assert (provenance.engine, provenance.degraded) == ("extractive", True)
    assert provenance.degraded_reason
    assert "500" in provenance.degraded_reason


async def test_malformed_json_gets_one_repair(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.malformed()
    response = await post(llm_stub, seed_text)
    assert response.status_code == 200
    assert len(llm_stub.requests) == 2
    repair = llm_stub.requests[1]["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert repair[2]["content"] == '{"headline": "cut'
    assert "not valid JSON for the schema" in repair[3]["content"]
    usage = Brief.model_validate(response.json()).provenance.usage
    assert usage.prompt_tokens > 0  # both calls are counted


async def test_schema_violation_gets_one_repair(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.malformed(content='{"headline": "x", "summary": "y"}')
    response = await post(llm_stub, seed_text)
    assert response.status_code == 200
    assert "who: Field required" in llm_stub.requests[1]["messages"][3]["content"]


async def test_malformed_twice_is_502(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.malformed(times=2)
    response = await post(llm_stub, seed_text)
    assert response.status_code == 502
    assert problem_type(response) == "model-output-invalid"
    assert len(llm_stub.requests) == 2


async def test_refusal_is_reported_as_such(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.refuse("I can't help with that.")
    response = await post(llm_stub, seed_text)
    assert response.status_code == 502
    assert problem_type(response) == "model-refusal"
    assert "I can't help with that." in response.json()["detail"]
    assert len(llm_stub.requests) == 1  # a refusal is not retried


async def test_length_cut_off_is_reported_as_such(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.truncate()
    response = await post(llm_stub, seed_text)
    assert response.status_code == 502
    assert problem_type(response) == "model-output-truncated"
    assert "BRIEF_LLM_MAX_OUTPUT_TOKENS" in response.json()["detail"]


async def test_unreachable_server_is_502(seed_text: str) -> None:
    stub = LLMStub().start()
    stub.stop()  # nothing listens on its port any more
    response = await post(stub, seed_text)
    assert response.status_code == 502
    assert problem_type(response) == "model-unreachable"


async def test_degraded_answers_are_not_cached(llm_stub: LLMStub, seed_text: str) -> None:
    llm_stub.fail(500)
    settings = stub_settings(llm_stub, llm_fallback_to_extractive=True)
    async with AsyncTestClient(app=create_app(settings)) as client:
        first = await client.post("/v1/summaries", json=body(seed_text))
        second = await client.post("/v1/summaries", json=body(seed_text))
    assert Brief.model_validate(first.json()).provenance.degraded
    assert Brief.model_validate(second.json()).provenance.engine == "llm"
