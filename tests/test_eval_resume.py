"""A run killed with SIGKILL halfway resumes and ends with the scores of an uninterrupted run."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from evals.runner import ResultsLog, StoryResult, read_results
from evals.suites import load_suite
from tests.conftest import settings_for
from tests.fixtures.live import serve_in_thread

REPO = Path(__file__).resolve().parent.parent
STORY_DELAY_SECONDS = 0.25


def slowed(app: Any, delay: float) -> Any:
    """The real app, with every summary request held back so a run can be killed mid-way."""

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/v1/summaries"):
            await asyncio.sleep(delay)
        await app(scope, receive, send)

    return asgi


@pytest.fixture
def slow_service() -> Iterator[str]:
    with serve_in_thread(slowed(create_app(settings_for()), STORY_DELAY_SECONDS)) as url:
        yield url


def cli_command(*args: str) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEF_", "OPENAI_"))}
    env.update({"COLUMNS": "160", "NO_COLOR": "1"})
    return [sys.executable, "-c", "from api.cli import main; main()", *args], env


def line_count(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def scores_by_story(run_dir: Path) -> dict[str, dict[str, float | None]]:
    return {r.story_id: r.scores for r in read_results(run_dir / "results.jsonl")}


def test_a_killed_run_resumes_to_the_same_scores(tmp_path: Path, slow_service: str) -> None:
    total = len(load_suite("dev").stories)
    killed_dir = tmp_path / "killed"
    command, env = cli_command(
        "eval",
        "run",
        "--suite",
        "dev",
        "--url",
        slow_service,
        "--concurrency",
        "1",
        "--out",
        str(killed_dir),
    )
    child = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    results = killed_dir / "results.jsonl"
    deadline = time.monotonic() + 120
    while line_count(results) < 3:
        assert child.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no results appeared"
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    survived = line_count(results)
    assert 3 <= survived < total, "kill the run halfway, not after it finished"
    assert not (killed_dir / "report.md").exists()

    command, env = cli_command("eval", "run", "--resume", str(killed_dir))
    resumed = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    lines = [json.loads(line) for line in results.read_text().splitlines()]
    # Nothing that finished before the kill ran again: one line per story.
    assert len(lines) == total == len({line["story_id"] for line in lines})

    whole_dir = tmp_path / "whole"
    command, env = cli_command(
        "eval",
        "run",
        "--suite",
        "dev",
        "--url",
        slow_service,
        "--concurrency",
        "4",
        "--out",
        str(whole_dir),
    )
    whole = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert whole.returncode == 0, whole.stdout + whole.stderr
    assert scores_by_story(killed_dir) == scores_by_story(whole_dir)
    assert (killed_dir / "report.html").exists()


def test_a_torn_last_line_is_cut_and_its_story_runs_again(tmp_path: Path) -> None:
    path = tmp_path / "results.jsonl"
    good = StoryResult(story_id="a", kind="gold", ok=True, scores={"who_f1": 0.5})
    path.write_text(good.model_dump_json() + "\n" + '{"story_id": "b", "ki', encoding="utf-8")
    log = ResultsLog(path)
    assert [r.story_id for r in read_results(path)] == ["a"]
    log.append(StoryResult(story_id="b", kind="gold", ok=True))
    assert [r.story_id for r in read_results(path)] == ["a", "b"]
    assert path.read_text().count("\n") == 2
