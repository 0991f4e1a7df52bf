"""The ``brief`` command line, run as a real process: in-process engine and through a server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.schemas import Brief
from tests.fixtures.live import free_port

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "korea-artillery-2022-11.txt"
BRIEF = str(Path(sys.executable).with_name("brief"))


def clean_env() -> dict[str, str]:
    """No model and no Redis: the embedded default."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEF_", "OPENAI_"))}
    env["COLUMNS"] = "200"
    return env


def run_brief(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BRIEF, *args], capture_output=True, text=True, env=clean_env(), timeout=120, check=False
    )


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``brief serve`` as a real process on a free port."""
    port = free_port()
    process = subprocess.Popen(
        [BRIEF, "serve", "--port", str(port)],
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("brief serve did not start")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def assert_sample_brief(brief: Brief) -> None:
    text = SEED.read_text(encoding="utf-8")
    names = {actor.name for actor in brief.who}
    assert {"Lloyd Austin", "Lee Jong Seop", "Park Jong-Chong"} <= names
    assert any("Security Council" in name for name in names)
    by_value = {number.value: number for number in brief.numbers}
    for value in (80, 2018, 2017, 15):
        assert by_value[value].evidence
        for span in by_value[value].evidence:
            assert text[span.start : span.end] == span.text
    assert brief.provenance.engine == "extractive"


def test_summarize_in_process_prints_json_brief() -> None:
    result = run_brief("summarize", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    assert_sample_brief(Brief.model_validate_json(result.stdout))


def test_summarize_in_process_prints_readable_brief() -> None:
    result = run_brief("summarize", str(SEED))
    assert result.returncode == 0, result.stderr
    assert "Lloyd Austin" in result.stdout
    assert "engine: extractive" in result.stdout
    titles = ("Who", "What happened", "Stance", "Numbers", "Disagreements")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert [title for title in titles if title in lines] == list(titles)


def test_summarize_through_a_running_server(server: str) -> None:
    result = run_brief("summarize", str(SEED), "--url", server, "--json")
    assert result.returncode == 0, result.stderr
    brief = Brief.model_validate_json(result.stdout)
    assert_sample_brief(brief)
    assert brief.provenance.cache in {"MISS", "HIT"}


def test_server_errors_reach_the_cli_as_problems(server: str) -> None:
    result = run_brief("summarize", str(SEED), "--url", server, "--engine", "llm")
    assert result.returncode == 1
    assert result.stderr.startswith("error 422: Request cannot be served:")
    assert "  engine: engine 'llm' is not configured" in result.stderr


def test_missing_file_is_a_usage_error() -> None:
    result = run_brief("summarize", "no/such/file.txt")
    assert result.returncode == 2


def test_in_process_errors_are_reported_without_a_traceback() -> None:
    result = run_brief("summarize", str(SEED), "--engine", "llm")
    assert result.returncode == 1
    assert result.stderr.startswith("error 422: Request cannot be served:")
    assert "Traceback" not in result.stderr
