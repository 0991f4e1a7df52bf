"""The llm engine against a real OpenAI-compatible server: llama.cpp with SmolLM2-135M.

The tiny model writes poor briefs; this proves the wire protocol (json_schema rejected, then
json_object with a schema), schema-valid output, provenance, and that grounding, not the model,
decides what is verified.
"""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.grounding import locate_quote, number_is_stated
from api.prompts import registry_for
from api.schemas import Brief
from api.settings import Settings
from tests.conftest import settings_for
from tests.fixtures.llama import LlamaServer

pytestmark = [pytest.mark.llama, pytest.mark.slow]


def llama_settings(server: LlamaServer) -> Settings:
    return settings_for(
        llm_base_url=server.base_url,
        llm_model=server.model,
        llm_context_tokens=8192,  # the server's n_ctx
        llm_max_output_tokens=3000,
        llm_timeout_seconds=240,
        request_timeout_seconds=300,
        llm_max_retries=0,
    )


@pytest.mark.timeout(900)
async def test_llama_cpp_writes_a_schema_valid_grounded_brief(
    llama_server: LlamaServer, seed_text: str
) -> None:
    app = create_app(llama_settings(llama_server))
    async with AsyncTestClient(app=app, timeout=300) as client:
        response = await client.post(
            "/v1/summaries",
            # One item per list keeps the tiny model's answer short (about 20 s on 2 cores).
            json={
                "articles": [{"id": "a1", "text": seed_text}],
                "engine": "llm",
                "options": {"max_items": 1},
            },
        )
    assert response.status_code == 200, response.text
    brief = Brief.model_validate(response.json())
    provenance = brief.provenance
    assert provenance.engine == "llm"
    assert provenance.model == llama_server.model
    assert provenance.prompt is not None
    assert (provenance.prompt.name, provenance.prompt.version) == ("summarize", 1)
    assert (
        provenance.prompt.sha256
        == registry_for(Settings().prompts_dir).get_ref("summarize@1").sha256
    )
    assert provenance.usage.prompt_tokens > 500
    assert provenance.usage.completion_tokens > 0
    assert provenance.cost_usd is None  # no price is known for a local model
    assert not provenance.degraded
    assert brief.headline

    # Whatever the tiny model invents is marked, never trusted: every verified item has a
    # located span, every verified number appears in it; the rest is verified=false.
    items = [*brief.who, *brief.what, *brief.stance, *brief.numbers]
    assert provenance.grounding.checked == len(items)
    assert provenance.grounding.verified == sum(item.verified for item in items)
    for item in items:
        for span in item.evidence:
            assert seed_text[span.start : span.end] == span.text
    for event in brief.what:
        assert event.verified == bool(event.evidence)
    for number in brief.numbers:
        if number.verified:
            assert any(number_is_stated(float(number.value), s.text) for s in number.evidence)
        else:
            assert not any(number_is_stated(float(number.value), s.text) for s in number.evidence)
    assert locate_quote(brief.headline, "unrelated text") is None
