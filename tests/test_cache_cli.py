"""``brief cache stats`` and ``brief cache purge``, against the real Redis."""

from __future__ import annotations

import redis
from typer.testing import CliRunner

from api.cache import entry_key_for
from api.cli import app

runner = CliRunner()


def seed(url: str, namespace: str) -> dict[str, str]:
    """Two briefs of prompt summarize@1, one of summarize@2, one extraction of summarize@1,
    one extractive brief, and a lock; returns the keys by name."""
    keys = {
        "brief-v1-a": entry_key_for("brief", "summarize@1", {"n": 1}),
        "brief-v1-b": entry_key_for("brief", "summarize@1", {"n": 2}),
        "brief-v2": entry_key_for("brief", "summarize@2", {"n": 1}),
        "extract-v1": entry_key_for("extract", "summarize@1", {"n": 1}),
        "extractive": entry_key_for("brief", "-", {"n": 1}),
    }
    plain = redis.Redis.from_url(url)
    try:
        for key in keys.values():
            plain.set(f"{namespace}:{key}", b"x" * 10, ex=600)
        plain.set(f"{namespace}:lock:{keys['brief-v1-a']}", b"token", px=60_000)
    finally:
        plain.close()
    return keys


def remaining(url: str, namespace: str) -> set[str]:
    plain = redis.Redis.from_url(url)
    try:
        return {
            key.decode().removeprefix(f"{namespace}:")
            for key in plain.scan_iter(match=f"{namespace}:*")
        }
    finally:
        plain.close()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["cache", *args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_stats_counts_entries_by_kind_and_prompt(redis_url: str, redis_namespace: str) -> None:
    seed(redis_url, redis_namespace)
    code, output = invoke("stats", "--redis-url", redis_url, "--namespace", redis_namespace)
    assert code == 0, output
    table = [[cell.strip() for cell in line.split("│")[1:-1]] for line in output.splitlines()
             if line.count("│") >= 4]  # fmt: skip
    assert ["brief", "summarize@1", "2", "20"] in table
    assert ["brief", "summarize@2", "1", "10"] in table
    assert ["extract", "summarize@1", "1", "10"] in table
    assert ["brief", "-", "1", "10"] in table
    assert ["total", "", "5", "50"] in table
    assert "locks held: 1" in output


def test_purge_one_prompt_leaves_the_others(redis_url: str, redis_namespace: str) -> None:
    keys = seed(redis_url, redis_namespace)
    code, output = invoke(
        "purge", "--prompt", "summarize@1", "--yes",
        "--redis-url", redis_url, "--namespace", redis_namespace,
    )  # fmt: skip
    assert code == 0, output
    assert "deleted 3" in output
    assert remaining(redis_url, redis_namespace) == {
        keys["brief-v2"],
        keys["extractive"],
        f"lock:{keys['brief-v1-a']}",
    }


def test_purge_all_keeps_only_locks(redis_url: str, redis_namespace: str) -> None:
    keys = seed(redis_url, redis_namespace)
    code, output = invoke(
        "purge", "--yes", "--redis-url", redis_url, "--namespace", redis_namespace
    )
    assert code == 0, output
    assert "deleted 5" in output
    assert remaining(redis_url, redis_namespace) == {f"lock:{keys['brief-v1-a']}"}


def test_purge_rejects_a_malformed_prompt_pin(redis_url: str) -> None:
    code, output = invoke("purge", "--prompt", "summarize*", "--yes", "--redis-url", redis_url)
    assert code == 2
    assert "NAME@VERSION" in output


def test_without_redis_the_commands_say_why() -> None:
    result = runner.invoke(app, ["cache", "stats"], env={"BRIEF_REDIS_URL": ""})
    assert result.exit_code == 2
    assert "No Redis configured" in result.output
