"""``GET /v1/prompts`` and ``GET /v1/prompts/{name}/{version}``: the versioned prompt files."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from api.errors import problem_responses
from api.prompts import PromptRegistry, registry_for
from api.settings import Settings


def _registry(state: State) -> PromptRegistry:
    settings: Settings = state.settings
    return registry_for(settings.prompts_dir)


_DEPENDENCIES = {"prompts": Provide(_registry, sync_to_thread=False)}


class PromptsController(Controller):
    path = "/v1/prompts"
    tags = ("prompts",)

    @get(
        "/",
        summary="List every prompt version, its labels and content hash",
        dependencies=_DEPENDENCIES,
        responses=problem_responses(401, 403),
    )
    async def list_prompts(self, prompts: NamedDependency[PromptRegistry]) -> dict[str, Any]:
        return {
            "prompts": [prompt.summary(prompts.locked) for prompt in prompts.all()],
            "defaults": {
                name: {
                    label: prompt.version
                    for prompt in prompts.versions(name)
                    for label in prompt.labels
                }
                for name in prompts.names()
            },
        }

    @get(
        "/{name:str}/{version:int}",
        summary="One prompt version with its template",
        dependencies=_DEPENDENCIES,
        responses=problem_responses(401, 403, 404),
    )
    async def get_prompt(
        self,
        prompts: NamedDependency[PromptRegistry],
        name: FromPath[str],
        version: FromPath[int],
    ) -> dict[str, Any]:
        prompt = prompts.get(name, version)
        if prompt is None:
            raise NotFoundException(f"no prompt {name}@{version}")
        return {**prompt.summary(prompts.locked), "source": prompt.source}
