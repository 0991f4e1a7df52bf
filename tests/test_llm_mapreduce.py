"""Long stories: map-reduce over per-article extractions, each cached on its own."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.schemas import Brief
from tests.fixtures.llm_stub import LLMStub, stub_settings

# Small enough that four paragraphs of the seed do not fit one call, large enough for one each.
OVER_BUDGET = {"llm_context_tokens": 800, "llm_max_output_tokens": 300}


@pytest.fixture
def paragraphs(seed_text: str) -> list[str]:
    return [p for p in seed_text.split("\n") if p.strip()]


def story(paragraphs: list[str], count: int) -> dict[str, Any]:
    articles = [{"id": f"p{i}", "text": text} for i, text in enumerate(paragraphs[:count])]
    return {"articles": articles, "engine": "llm"}


def extracted_ids(stub: LLMStub, since: int = 0) -> list[str]:
    """The article ids of the extraction requests logged after request ``since``."""
    ids = []
    for body, message in zip(stub.requests[since:], stub.user_messages()[since:], strict=True):
        if "notes" in str(body["response_format"]):
            ids += re.findall(r'<article id="([^"]+)"', message)
    return sorted(ids)


async def test_story_that_fits_goes_in_one_call(llm_stub: LLMStub, paragraphs: list[str]) -> None:
    async with AsyncTestClient(app=create_app(stub_settings(llm_stub))) as client:
        response = await client.post("/v1/summaries", json=story(paragraphs, 4))
    assert response.status_code == 200
    assert llm_stub.kinds() == ["brief"]


async def test_story_over_budget_is_mapped_then_merged(
    llm_stub: LLMStub, paragraphs: list[str]
) -> None:
    settings = stub_settings(llm_stub, **OVER_BUDGET)
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.post("/v1/summaries", json=story(paragraphs, 4))
    assert response.status_code == 200, response.text
    assert Counter(llm_stub.kinds()) == {"notes": 4, "brief": 1}
    assert llm_stub.kinds()[-1] == "brief"
    assert extracted_ids(llm_stub) == ["p0", "p1", "p2", "p3"]
    merge = llm_stub.user_messages()[-1]
    assert re.findall(r'<notes article="([^"]+)">', merge) == ["p0", "p1", "p2", "p3"]
    assert "<article " not in merge  # the merge sees notes, not the articles again

    brief = Brief.model_validate(response.json())
    texts = {f"p{i}": text for i, text in enumerate(paragraphs)}
    assert brief.provenance.prompt is not None
    assert brief.provenance.prompt.name == "summarize"
    assert brief.provenance.grounding.checked == brief.provenance.grounding.verified > 0
    for item in [*brief.who, *brief.what, *brief.stance, *brief.numbers]:
        for span in item.evidence:
            assert texts[span.article][span.start : span.end] == span.text
    # Usage adds up all five calls.
    assert brief.provenance.usage.prompt_tokens > 5


async def test_adding_an_article_re_extracts_only_that_article(
    llm_stub: LLMStub, paragraphs: list[str]
) -> None:
    settings = stub_settings(llm_stub, **OVER_BUDGET)
    async with AsyncTestClient(app=create_app(settings)) as client:
        first = await client.post("/v1/summaries", json=story(paragraphs, 3))
        seen = len(llm_stub.requests)
        second = await client.post("/v1/summaries", json=story(paragraphs, 4))
    assert first.status_code == second.status_code == 200
    assert extracted_ids(llm_stub, since=seen) == ["p3"]
    assert llm_stub.kinds()[seen:] == ["notes", "brief"]
    merge = llm_stub.user_messages()[-1]
    assert re.findall(r'<notes article="([^"]+)">', merge) == ["p0", "p1", "p2", "p3"]


async def test_extractions_respect_the_concurrency_bound(
    llm_stub: LLMStub, paragraphs: list[str]
) -> None:
    llm_stub.delay_all(0.1)
    settings = stub_settings(llm_stub, llm_max_concurrency=2, **OVER_BUDGET)
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.post("/v1/summaries", json=story(paragraphs, 6))
    assert response.status_code == 200
    assert llm_stub.kinds().count("notes") == 6
    assert llm_stub.max_in_flight == 2


async def test_article_longer_than_the_budget_is_extracted_in_pieces(
    llm_stub: LLMStub, seed_text: str
) -> None:
    settings = stub_settings(llm_stub, llm_context_tokens=700, llm_max_output_tokens=200)
    request = {"articles": [{"id": "long", "text": seed_text}], "engine": "llm"}
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.post("/v1/summaries", json=request)
    assert response.status_code == 200, response.text
    notes = llm_stub.kinds().count("notes")
    assert notes >= 2
    pieces = [m for m in llm_stub.user_messages() if '<article id="long">' in m]
    assert len(pieces) == notes
    brief = Brief.model_validate(response.json())
    for item in [*brief.what, *brief.numbers]:
        for span in item.evidence:
            assert seed_text[span.start : span.end] == span.text


async def test_failed_extraction_fails_the_request(
    llm_stub: LLMStub, paragraphs: list[str]
) -> None:
    llm_stub.refuse()
    settings = stub_settings(llm_stub, **OVER_BUDGET)
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.post("/v1/summaries", json=story(paragraphs, 4))
    assert response.status_code == 502
    assert response.json()["type"].endswith("/model-refusal")
