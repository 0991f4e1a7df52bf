"""Liveness and readiness."""

from __future__ import annotations

from litestar import Response, get
from litestar.datastructures import State

from api.schemas import SCHEMA_VERSION


@get("/healthz", tags=["health"], summary="The process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get("/readyz", tags=["health"], summary="The dependencies answer")
async def readyz(state: State) -> Response[dict[str, object]]:
    """Ready when the cache answers (Redis if configured). A down model server is reported but,
    since the extractive engine can still serve, does not make the service unready."""
    checks: dict[str, object] = {}
    ready = True
    cache_ok = await state.cache_probe()
    checks["cache"] = {"backend": state.cache_backend, "ok": cache_ok}
    ready = ready and cache_ok
    checks["engines"] = sorted(state.service.engines)
    body: dict[str, object] = {
        "status": "ready" if ready else "unready",
        "schema_version": SCHEMA_VERSION,
        "checks": checks,
    }
    return Response(body, status_code=200 if ready else 503)
