"""The release gate: a run passes when every gated metric reaches its threshold for the suite,
no story errored, and (against a baseline) no metric dropped significantly."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from evals.compare import Comparison, interval_text
from evals.report import Run, metric_means

GATES_FILE = Path(__file__).resolve().parent / "gates.toml"


class GateConfigError(ValueError):
    """``gates.toml`` is malformed."""


def load_thresholds(suite: str, path: Path = GATES_FILE) -> dict[str, float]:
    """The thresholds of one suite (empty when the suite has none)."""
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    table = data.get(suite, {})
    if not isinstance(table, dict):
        raise GateConfigError(f"{path}: [{suite}] must be a table of metric = threshold")
    thresholds: dict[str, float] = {}
    for metric, value in table.items():
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise GateConfigError(f"{path}: [{suite}] {metric} must be a number, got {value!r}")
        thresholds[metric] = float(value)
    return thresholds


@dataclass
class GateResult:
    failures: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def check_gate(
    run: Run, thresholds: dict[str, float], comparison: Comparison | None = None
) -> GateResult:
    """Every reason the run must not ship; an empty list means it passes."""
    result = GateResult()
    for errored in run.errors:
        result.failures.append(f"story {errored.story_id} failed: {errored.error}")
    missing = run.config.stories - len(run.results)
    if missing > 0:
        result.failures.append(f"{missing} of {run.config.stories} stories have no result")
    means = metric_means(run.results)
    for metric, limit in thresholds.items():
        value = means.get(metric, math.nan)
        result.checked.append(metric)
        if math.isnan(value):
            # A gated metric nobody scored is a failure: silence must not pass as success.
            result.failures.append(f"{metric}: no story was scored on it (threshold {limit:g})")
        elif value < limit:
            result.failures.append(f"{metric} = {value:.3f} is below the threshold {limit:g}")
    if comparison is not None:
        for delta in comparison.metrics:
            if delta.significant_drop:
                result.failures.append(
                    f"{delta.metric} dropped {delta.delta:+.3f} vs the baseline "
                    f"(95% CI {interval_text(delta)})"
                )
    return result
