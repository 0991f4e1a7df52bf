"""The release gate: thresholds per suite in evals/gates.toml, errors, and baseline drops."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.schemas import Brief, Engine, SummaryRequest
from evals.compare import compare_runs
from evals.gate import GateConfigError, check_gate, load_thresholds
from evals.report import Run, load_run
from evals.runner import (
    RunConfig,
    Solver,
    build_in_process_solver,
    run_suite,
    scorer_version,
    write_config,
)
from evals.suites import Suite, load_suite
from tests.conftest import settings_for
from tests.test_eval_run import brief_cli


class DegradedSolver:
    """The extractive engine with its answer made worse on purpose: the gate must notice."""

    def __init__(self, inner: Solver) -> None:
        self.inner = inner

    async def solve(self, request: SummaryRequest) -> Brief:
        brief = await self.inner.solve(request)
        return brief.model_copy(
            update={"who": brief.who[:1], "numbers": [], "stance": [], "what": [], "summary": ""}
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


async def run_into(run_dir: Path, suite: Suite, *, degraded: bool) -> Run:
    run_dir.mkdir(parents=True)  # noqa: ASYNC240 - test set-up, nothing else runs
    write_config(
        run_dir,
        RunConfig(
            created_at="2024-01-01T00:00:00+00:00",
            suite=suite.name,
            suite_path=str(suite.path),
            suite_hash=suite.content_hash,
            stories=len(suite.stories),
            engine="extractive",
            scorer_version=scorer_version(),
        ),
    )
    setup = await build_in_process_solver(settings_for(), Engine.EXTRACTIVE)
    solver: Solver = DegradedSolver(setup.solver) if degraded else setup.solver
    try:
        await run_suite(suite, solver, run_dir, engine=Engine.EXTRACTIVE)
    finally:
        await solver.aclose()
    return load_run(run_dir)


@pytest.fixture(scope="module")
def dev() -> Suite:
    return load_suite("dev")


def test_the_extractive_engine_passes_the_dev_gate(tmp_path: Path) -> None:
    """The project's release check: the embedded default clears evals/gates.toml on dev."""
    done = brief_cli(
        "eval",
        "run",
        "--suite",
        "dev",
        "--engine",
        "extractive",
        "--gate",
        "--out",
        str(tmp_path / "run"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gate passed" in done.stdout


async def test_a_deliberately_degraded_run_fails_the_gate(tmp_path: Path, dev: Suite) -> None:
    run = await run_into(tmp_path / "degraded", dev, degraded=True)
    thresholds = load_thresholds("dev")
    verdict = check_gate(run, thresholds)
    assert not verdict.passed
    for metric in ("numbers_f1", "stance_accuracy", "event_recall", "event_f1"):
        expected = f"{metric} = 0.000 is below the threshold {thresholds[metric]:g}"
        assert expected in verdict.failures

    done = brief_cli("eval", "gate", str(tmp_path / "degraded"))
    assert done.returncode == 1
    assert "gate failed" in done.stdout
    assert "numbers_f1" in done.stdout


async def test_a_significant_drop_against_the_baseline_fails(tmp_path: Path, dev: Suite) -> None:
    good = await run_into(tmp_path / "good", dev, degraded=False)
    bad = await run_into(tmp_path / "bad", dev, degraded=True)
    # No thresholds at all: the comparison with the baseline alone must stop the release.
    verdict = check_gate(bad, {}, compare_runs(good, bad))
    assert any("summary_rouge1 dropped" in f and "95% CI" in f for f in verdict.failures)
    assert check_gate(good, {}, compare_runs(good, good)).passed

    gates = tmp_path / "gates.toml"
    gates.write_text("[dev]\n", encoding="utf-8")
    done = brief_cli(
        "eval",
        "gate",
        str(tmp_path / "bad"),
        "--baseline",
        str(tmp_path / "good"),
        "--gates-file",
        str(gates),
    )
    assert done.returncode == 1
    assert "dropped" in done.stdout


def test_an_errored_story_or_an_unscored_metric_fails_the_gate(tmp_path: Path) -> None:
    from evals.runner import ResultsLog, StoryResult

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    write_config(
        run_dir,
        RunConfig(
            created_at="x",
            suite="s",
            suite_path="/nowhere",
            suite_hash="0" * 64,
            stories=2,
            engine="llm",
            scorer_version="v",
        ),
    )
    log = ResultsLog(run_dir / "results.jsonl")
    log.append(StoryResult(story_id="a", kind="gold", ok=True, scores={"who_f1": 0.9}))
    log.append(StoryResult(story_id="b", kind="gold", ok=False, error="UpstreamTimeout: slow"))
    verdict = check_gate(load_run(run_dir), {"who_f1": 0.5, "evidence_exact": 1.0})
    assert verdict.failures == [
        "story b failed: UpstreamTimeout: slow",
        "evidence_exact: no story was scored on it (threshold 1)",
    ]


def test_thresholds_are_read_per_suite(tmp_path: Path) -> None:
    gates = tmp_path / "gates.toml"
    gates.write_text('[dev]\nwho_f1 = 0.75\n[other]\nwho_f1 = "high"\n', encoding="utf-8")
    assert load_thresholds("dev", gates) == {"who_f1": 0.75}
    assert load_thresholds("missing", gates) == {}
    with pytest.raises(GateConfigError, match="must be a number"):
        load_thresholds("other", gates)
    shipped = load_thresholds("dev")
    assert {"who_f1", "numbers_f1", "stance_accuracy", "event_recall", "evidence_exact"} <= set(
        shipped
    )
