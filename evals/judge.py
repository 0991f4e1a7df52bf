"""An optional model judge: G-Eval style 1-5 ratings of faithfulness and coverage.

Reported apart from the deterministic metrics and never gated: a model's opinion drifts with
the model. The prompt is a versioned file, ``prompts/judge/v1.md`` (output schema ``judge-v1``),
parsed and validated by the same registry code as the summarize prompt.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from openai import AsyncOpenAI

from api.prompts import Prompt, parse_prompt_file
from api.schemas import Brief
from evals.suites import SuiteStory

JUDGE_CRITERIA = ("faithfulness", "coverage")
JUDGE_PROMPT = Path(__file__).resolve().parent.parent / "prompts" / "judge" / "v1.md"
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def load_judge_prompt(path: Path = JUDGE_PROMPT) -> Prompt:
    return parse_prompt_file(path, path.parent.name)


def parse_ratings(text: str) -> dict[str, float]:
    """Ratings from the judge's answer; a missing or out-of-range rating is NaN, not a guess."""
    match = _JSON_OBJECT.search(text)
    data: object = {}
    if match is not None:
        try:
            data = json.loads(match.group())
        except ValueError:
            data = {}
    ratings: dict[str, float] = {}
    for criterion in JUDGE_CRITERIA:
        value = data.get(criterion) if isinstance(data, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 5:
            ratings[criterion] = float(value)
        else:
            ratings[criterion] = math.nan
    return ratings


class Judge:
    """Rates one brief with one chat completion."""

    def __init__(self, client: AsyncOpenAI, model: str, prompt: Prompt) -> None:
        self.client = client
        self.model = model
        self.prompt = prompt

    async def rate(self, story: SuiteStory, brief: Brief) -> dict[str, float]:
        defaults = self.prompt.front.model_defaults
        messages = self.prompt.render(
            articles=[a.model_dump() for a in story.articles],
            brief={"headline": brief.headline, "summary": brief.summary},
        )
        completion = await self.client.chat.completions.create(
            model=self.model,
            messages=messages,  # type: ignore[arg-type]
            temperature=defaults.temperature,
            max_tokens=defaults.max_tokens or 200,
        )
        return parse_ratings(completion.choices[0].message.content or "")
