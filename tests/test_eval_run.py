"""`brief eval run` writes a self-describing run folder and prints a summary table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from evals.suites import load_suite

REPO = Path(__file__).resolve().parent.parent


def brief_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real `brief` entry point in a child process, with nothing leaking from the env."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEF_", "OPENAI_"))}
    clean.update({"COLUMNS": "160", "NO_COLOR": "1"})
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", "from api.cli import main; main()", *args],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_extractive_run_on_dev_writes_folder_reports_and_summary(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    done = brief_cli(
        "eval", "run", "--suite", "dev", "--engine", "extractive", "--out", str(run_dir)
    )
    assert done.returncode == 0, done.stdout + done.stderr

    stories = load_suite("dev").stories
    lines = [json.loads(line) for line in (run_dir / "results.jsonl").read_text().splitlines()]
    assert sorted(line["story_id"] for line in lines) == sorted(s.id for s in stories)
    first = lines[0]
    assert first["ok"] is True
    assert first["error"] is None
    assert {"who_f1", "numbers_f1", "stance_accuracy", "event_recall"} <= set(first["scores"])
    assert first["prediction"]["provenance"]["engine"] == "extractive"
    assert first["latency_ms"] >= 0

    config = json.loads((run_dir / "config.json").read_text())
    assert config["engine"] == "extractive"
    assert config["suite"] == "dev"
    assert config["stories"] == len(stories)
    assert len(config["suite_hash"]) == 64
    assert config["scorer_version"]
    assert config["observed"]["engine"] == ["extractive"]

    report = (run_dir / "report.md").read_text()
    assert "## Metrics" in report
    assert "| who_f1 |" in report
    assert "## Worst" in report
    page = (run_dir / "report.html").read_text()
    assert page.count("<svg") >= 2
    assert "http://" not in page.replace('xmlns="http://', "")

    assert "metric" in done.stdout
    assert "who_f1" in done.stdout
    assert "mean" in done.stdout
    assert f"run folder: {run_dir}" in done.stdout.replace("\n", "")


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    suite = REPO / "evals" / "datasets" / "dev" / "korea-artillery-2022-11.json"
    assert brief_cli("eval", "run", "--suite", str(suite), "--out", str(run_dir)).returncode == 0
    again = brief_cli("eval", "run", "--suite", str(suite), "--out", str(run_dir))
    assert again.returncode == 2
    assert "--resume" in again.stderr
