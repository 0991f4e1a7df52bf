"""Shared fixtures. Server fixtures live in tests/fixtures/ (one module per server) and are
registered here, so every test module can ask for them by name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.settings import Settings

pytest_plugins = [
    "tests.fixtures.redis",
    "tests.fixtures.llm_stub",
    "tests.fixtures.llama",
]

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "korea-artillery-2022-11.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def settings_for(**overrides: object) -> Settings:
    """Settings for a test: nothing from the environment leaks in (no model, no Redis)."""
    base: dict[str, object] = {"llm_base_url": None, "llm_api_key": None, "redis_url": None}
    base.update(overrides)
    return Settings(_env_file=None, **base)  # type: ignore[call-arg]


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Litestar]]:
    """The app with the embedded default: extractive engine, in-process cache."""
    async with AsyncTestClient(app=create_app(settings_for())) as test_client:
        yield test_client
