"""The one interface every engine implements, so routes never know which engine ran."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from api.schemas import Brief, SummaryRequest


@runtime_checkable
class SummaryEngine(Protocol):
    """Turns a request into a brief. ``provenance`` is filled with what the engine knows
    (engine, model, prompt, usage, grounding); the service adds cache status, latency and ids."""

    @property
    def name(self) -> Literal["extractive", "llm"]:
        """Which engine this is, as ``provenance.engine`` reports it."""
        ...

    async def summarize(self, request: SummaryRequest) -> Brief:
        """Write the brief for ``request``; raise an ``api.errors`` type on failure."""
        ...

    def cache_identity(self, request: SummaryRequest) -> dict[str, object]:
        """What besides the request changes this engine's output (model, prompt hash...)."""
        ...
