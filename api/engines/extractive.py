"""The extractive engine: deterministic, no model, no network."""

from __future__ import annotations

from typing import Literal

import anyio.to_thread

from api.extractive import EXTRACTIVE_VERSION, build_brief
from api.schemas import Brief, SummaryRequest


class ExtractiveEngine:
    """Adapts the pure ``build_brief`` function to the engine protocol."""

    name: Literal["extractive"] = "extractive"

    async def summarize(self, request: SummaryRequest) -> Brief:
        # CPU-bound work goes to a worker thread so one large story never stalls the event loop.
        return await anyio.to_thread.run_sync(build_brief, request.articles, request.options)

    def cache_identity(self, request: SummaryRequest) -> dict[str, object]:
        return {"engine": self.name, "version": EXTRACTIVE_VERSION}
