"""`brief eval compare`: paired per-metric deltas with bootstrap intervals, wins and losses."""

from __future__ import annotations

from pathlib import Path

from evals.compare import compare_runs, paired_bootstrap_ci
from evals.report import load_run
from evals.runner import ResultsLog, RunConfig, StoryResult, write_config
from tests.test_eval_run import brief_cli


def crafted_run(run_dir: Path, scores: dict[str, dict[str, float | None]]) -> Path:
    run_dir.mkdir(parents=True)
    write_config(
        run_dir,
        RunConfig(
            created_at="2024-01-01T00:00:00+00:00",
            suite="crafted",
            suite_path="/nowhere",
            suite_hash="0" * 64,
            stories=len(scores),
            engine="extractive",
            scorer_version="v",
        ),
    )
    log = ResultsLog(run_dir / "results.jsonl")
    for story_id, story_scores in scores.items():
        log.append(StoryResult(story_id=story_id, kind="gold", ok=True, scores=story_scores))
    return run_dir


def test_identical_deltas_give_a_degenerate_interval() -> None:
    assert paired_bootstrap_ci([0.25, 0.25, 0.25]) == (0.25, 0.25)


def test_one_pair_gives_no_interval() -> None:
    assert paired_bootstrap_ci([0.5]) is None


def test_the_interval_is_seeded_and_brackets_the_mean() -> None:
    deltas = [0.1, -0.05, 0.2, 0.0, 0.15, 0.05]
    first = paired_bootstrap_ci(deltas)
    assert first == paired_bootstrap_ci(deltas)
    assert first is not None
    low, high = first
    assert -0.05 <= low < sum(deltas) / len(deltas) < high <= 0.2


def test_runs_are_paired_by_story_and_skip_undefined_metrics(tmp_path: Path) -> None:
    a = crafted_run(
        tmp_path / "a",
        {
            "s1": {"who_f1": 0.5, "stance_accuracy": None},
            "s2": {"who_f1": 0.5, "stance_accuracy": 1.0},
            "s3": {"who_f1": 0.5, "stance_accuracy": 0.5},
            "only-a": {"who_f1": 0.0},
        },
    )
    b = crafted_run(
        tmp_path / "b",
        {
            "s3": {"who_f1": 0.75, "stance_accuracy": 0.5},
            "s2": {"who_f1": 0.25, "stance_accuracy": 0.0},
            "s1": {"who_f1": 1.0, "stance_accuracy": 1.0},
        },
    )
    comparison = compare_runs(load_run(a), load_run(b))
    who, stance = comparison.metrics
    assert (who.metric, who.n, who.mean_a, who.mean_b) == ("who_f1", 3, 0.5, 0.6666666666666666)
    assert round(who.delta, 6) == 0.166667
    # s1 has no stance gold in A: only the two stories scored in both are paired.
    assert (stance.metric, stance.n, stance.delta) == ("stance_accuracy", 2, -0.5)
    assert comparison.only_in_a == ["only-a"]
    outcomes = {s.story_id: s.outcome for s in comparison.stories}
    assert outcomes == {"s1": "win", "s2": "loss", "s3": "win"}
    assert comparison.tally() == {"win": 2, "loss": 1, "tie": 0}


def test_compare_prints_deltas_with_intervals_and_writes_html(tmp_path: Path) -> None:
    a = crafted_run(tmp_path / "a", {f"s{i}": {"who_f1": 0.5} for i in range(5)})
    b = crafted_run(tmp_path / "b", {f"s{i}": {"who_f1": 0.5 - 0.1 * (i % 2)} for i in range(5)})
    done = brief_cli("eval", "compare", str(a), str(b))
    assert done.returncode == 0, done.stderr
    assert "who_f1" in done.stdout
    assert "95% CI" in done.stdout
    assert "-0.040" in done.stdout
    assert "[-0.080, +0.000]" in done.stdout
    assert "0 better, 2 worse, 3 unchanged" in done.stdout
    page = (b / "compare.html").read_text()
    assert "<svg" in page
    assert 'data-metric="who_f1"' in page
    assert "[-0.080, +0.000]" in page
