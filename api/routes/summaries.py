"""``POST /v1/summaries``."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, MediaType, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import HeaderParameter, JSONBody

from api.cache import CacheMode
from api.errors import problem_responses
from api.schemas import Brief, SummaryRequest
from api.service import BriefService


class SummariesController(Controller):
    path = "/v1/summaries"
    tags = ("summaries",)

    @post(
        "/",
        summary="Summarize several articles about one story into one brief",
        status_code=200,
        responses=problem_responses(400, 401, 403, 413, 422, 429, 502, 504),
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[SummaryRequest],
        service: NamedDependency[BriefService],
        cache_control: Annotated[
            str | None,
            HeaderParameter(
                name="Cache-Control",
                required=False,
                description="`no-cache` recomputes and refreshes; `no-store` skips the cache.",
            ),
        ] = None,
    ) -> Response[Brief]:
        """Every item of the brief carries evidence spans into the articles as received."""
        served = await service.summarize(
            data,
            cache_mode=CacheMode.from_header(cache_control),
            request_id=request.scope["state"].get("request_id"),
        )
        # pydantic's Rust serializer writes the brief in one pass (a stored hit's body was written
        # when its entry was decoded); handing Litestar the model would walk it again in Python.
        return Response(
            served.json(),  # type: ignore[arg-type]
            media_type=MediaType.JSON,
            headers={"X-Cache": served.cache, "Age": str(served.age_seconds)},
        )
