"""An llm run against the loopback stub records cassettes; --replay with the stub stopped gives
the same scores, and a missing cassette is an error, never a network call."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from evals.runner import read_results
from tests.fixtures.llm_stub import LLMStub
from tests.test_eval_run import REPO, brief_cli

STORIES = ("korea-artillery-2022-11", "sydney-hobart-2001-12", "tora-bora-2001-12")
LLM_ENV = {"BRIEF_LLM_API_KEY": "test-key", "BRIEF_LLM_MAX_RETRIES": "0"}


def small_suite(tmp_path: Path) -> Path:
    suite = tmp_path / "mini"
    suite.mkdir()
    for story in STORIES:
        shutil.copy(REPO / "evals" / "datasets" / "dev" / f"{story}.json", suite)
    return suite


def scores(run_dir: Path) -> dict[str, dict[str, float | None]]:
    return {r.story_id: r.scores for r in read_results(run_dir / "results.jsonl")}


def test_replay_without_the_stub_gives_identical_scores(tmp_path: Path, llm_stub: LLMStub) -> None:
    suite = small_suite(tmp_path)
    recorded = tmp_path / "recorded"
    done = brief_cli(
        "eval",
        "run",
        "--suite",
        str(suite),
        "--engine",
        "llm",
        "--model",
        # Not the settings' default: the replay below must take the model from the recording.
        "stub-model-7b",
        "--llm-base-url",
        llm_stub.base_url,
        "--out",
        str(recorded),
        env=LLM_ENV,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    cassettes = sorted((recorded / "cassettes").glob("*.json"))
    assert len(llm_stub.requests) > 0
    assert len(cassettes) == len({json.dumps(r, sort_keys=True) for r in llm_stub.requests})
    config = json.loads((recorded / "config.json").read_text())
    assert config["cassette_mode"] == "record"
    assert config["model"] == "stub-model-7b"
    assert config["observed"]["engine"] == ["llm"]
    results = read_results(recorded / "results.jsonl")
    assert all(r.ok for r in results)
    assert all(r.total_tokens > 0 for r in results)

    llm_stub.stop()
    replayed = tmp_path / "replayed"
    # No model server in the environment at all: everything comes from the cassettes.
    done = brief_cli(
        "eval",
        "run",
        "--suite",
        str(suite),
        "--engine",
        "llm",
        "--replay",
        "--cassettes",
        str(recorded),
        "--out",
        str(replayed),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 recorded" in done.stdout
    assert "0 misses" in done.stdout
    assert scores(replayed) == scores(recorded)
    assert all(r.ok for r in read_results(replayed / "results.jsonl"))

    cassettes[0].unlink()
    missing = tmp_path / "missing"
    done = brief_cli(
        "eval",
        "run",
        "--suite",
        str(suite),
        "--engine",
        "llm",
        "--replay",
        "--cassettes",
        str(recorded),
        "--out",
        str(missing),
        env={"BRIEF_LLM_MAX_RETRIES": "0"},
    )
    assert done.returncode == 1
    failed = [r for r in read_results(missing / "results.jsonl") if not r.ok]
    assert len(failed) == 1
    # The engine reports it as an unreachable model server; the harness names the cause.
    assert "cannot reach the model server" in (failed[0].error or "")
    assert "1 misses" in done.stdout
    assert "replay miss" in done.stderr
