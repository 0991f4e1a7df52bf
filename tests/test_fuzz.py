"""Fuzz the OpenAPI schema: whatever a client sends, the service never answers 500, and every
answer matches what the schema documents (status codes, content types, bodies)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.app import create_app
from tests.conftest import settings_for
from tests.fixtures.live import serve_in_thread

MAX_EXAMPLES = int(os.environ.get("BRIEF_FUZZ_EXAMPLES", "150"))


@pytest.fixture(scope="module")
def live_api() -> Iterator[str]:
    # No body-size limit in the way: schemathesis counts 413 as "accepted" for bodies that
    # break maxLength, so the fuzzed server must reach validation and say 422 (413 has its own
    # test in test_api.py).
    with serve_in_thread(create_app(settings_for(max_body_bytes=200_000_000))) as base_url:
        yield base_url


def operations(base_url: str) -> list[schemathesis.APIOperation]:
    schema = schemathesis.openapi.from_url(f"{base_url}/schema/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_input_breaks_the_api(live_api: str, mode: str) -> None:
    # schemathesis' own pytest plugin does not load under this pytest, so drive Hypothesis here.
    generation = schemathesis.GenerationMode(mode)
    found = operations(live_api)
    assert {op.path for op in found} >= {"/v1/summaries", "/healthz", "/readyz"}
    for operation in found:
        if mode == "negative" and not operation.body and not operation.headers:
            continue  # nothing a client sends can be invalid for a GET without parameters

        @given(case=operation.as_strategy(generation_mode=generation))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case: schemathesis.Case) -> None:
            # Schema-valid is not always servable: whitespace-only text, or engine "llm" on a
            # server with no model, are 422 by design; every other check stays on.
            case.call_and_validate(base_url=live_api, excluded_checks=[positive_data_acceptance])

        call()
