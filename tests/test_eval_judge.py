"""The optional model judge: a versioned prompt, 1-5 ratings, reported apart from the metrics."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import httpx
from openai import AsyncOpenAI

from api.schemas import Brief, Provenance
from evals.judge import Judge, load_judge_prompt, parse_ratings
from evals.report import load_run, metric_means, render_markdown
from evals.runner import ResultsLog, RunConfig, StoryResult, write_config
from evals.suites import load_suite


def test_ratings_outside_one_to_five_are_nan() -> None:
    assert parse_ratings('Sure: {"faithfulness": 4, "coverage": 2, "reason": "ok"}') == {
        "faithfulness": 4.0,
        "coverage": 2.0,
    }
    ratings = parse_ratings('{"faithfulness": 9, "coverage": "high"}')
    assert math.isnan(ratings["faithfulness"])
    assert math.isnan(ratings["coverage"])
    assert all(math.isnan(v) for v in parse_ratings("no json here").values())


def test_the_judge_prompt_is_a_versioned_registry_file() -> None:
    prompt = load_judge_prompt()
    assert prompt.ref == "judge@1"
    assert prompt.front.output_schema == "judge-v1"
    assert len(prompt.sha256) == 64


async def test_the_judge_sends_the_articles_and_the_brief() -> None:
    seen: list[dict[str, Any]] = []

    def model(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        message = {"role": "assistant", "content": '{"faithfulness": 5, "coverage": 3}'}
        return httpx.Response(
            200,
            json={
                "id": "c1",
                "object": "chat.completion",
                "created": 0,
                "model": "judge-model",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            },
        )

    http = httpx.AsyncClient(transport=httpx.MockTransport(model))
    client = AsyncOpenAI(base_url="http://judge.test/v1", api_key="k", http_client=http)  # type: ignore[arg-type]
    story = load_suite("dev").stories[0]
    brief = Brief(headline="H1", summary="S1", provenance=Provenance(engine="extractive"))
    ratings = await Judge(client, "judge-model", load_judge_prompt()).rate(story, brief)
    await http.aclose()
    assert ratings == {"faithfulness": 5.0, "coverage": 3.0}
    (body,) = seen
    assert body["model"] == "judge-model"
    assert body["temperature"] == 0.0
    user = body["messages"][-1]["content"]
    assert "Headline: H1" in user
    assert story.articles[0].text[:60] in user


def test_judge_ratings_are_reported_apart_from_the_metrics(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        RunConfig(
            created_at="x",
            suite="s",
            suite_path="/nowhere",
            suite_hash="0" * 64,
            stories=1,
            engine="llm",
            scorer_version="v",
        ),
    )
    ResultsLog(tmp_path / "results.jsonl").append(
        StoryResult(
            story_id="a",
            kind="gold",
            ok=True,
            scores={"who_f1": 0.5},
            judge={"faithfulness": 4.0, "coverage": 2.0},
        )
    )
    run = load_run(tmp_path)
    assert list(metric_means(run.results)) == ["who_f1"]
    report = render_markdown(run)
    assert "## Judge (model-rated, 1-5; not part of the gate)" in report
    assert "| faithfulness | 4.00 |" in report
