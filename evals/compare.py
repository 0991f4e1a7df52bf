"""Compare two runs: per-metric deltas with paired bootstrap intervals, per-story wins/losses.

Stories are paired by id, so the interval measures how B differs from A on the same stories,
not how the suites differ. The resampling seed is fixed: the same two runs always give the
same interval.
"""

from __future__ import annotations

import html
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from rich.table import Table

from evals.report import CSS, Run, fmt, ordered_metrics, story_mean

BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20221104
CONFIDENCE = 0.95
# A story counts as a win or a loss only when its mean score moves by more than this.
TIE_EPSILON = 1e-9


@dataclass(frozen=True)
class MetricDelta:
    """B minus A on one metric over the stories both runs scored on it."""

    metric: str
    n: int
    mean_a: float
    mean_b: float
    delta: float
    ci_low: float | None
    ci_high: float | None

    @property
    def significant_drop(self) -> bool:
        """The whole interval is below zero."""
        return self.ci_high is not None and self.ci_high < 0

    @property
    def significant_gain(self) -> bool:
        return self.ci_low is not None and self.ci_low > 0


@dataclass(frozen=True)
class StoryDelta:
    story_id: str
    mean_a: float
    mean_b: float
    metric_deltas: dict[str, float]

    @property
    def delta(self) -> float:
        return self.mean_b - self.mean_a

    @property
    def outcome(self) -> str:
        if math.isnan(self.delta) or abs(self.delta) <= TIE_EPSILON:
            return "tie"
        return "win" if self.delta > 0 else "loss"


@dataclass
class Comparison:
    a: Run
    b: Run
    metrics: list[MetricDelta]
    stories: list[StoryDelta]
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)

    def tally(self) -> dict[str, int]:
        counts = {"win": 0, "loss": 0, "tie": 0}
        for story in self.stories:
            counts[story.outcome] += 1
        return counts


def paired_bootstrap_ci(
    deltas: Sequence[float],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float] | None:
    """Percentile interval of the mean paired delta; None with fewer than two pairs, where
    resampling one story says nothing about variation."""
    if len(deltas) < 2:
        return None
    rng = random.Random(seed)
    n = len(deltas)
    means = sorted(sum(rng.choices(deltas, k=n)) / n for _ in range(resamples))
    tail = (1 - confidence) / 2
    low = means[math.floor(tail * (resamples - 1))]
    high = means[math.ceil((1 - tail) * (resamples - 1))]
    return low, high


def compare_runs(a: Run, b: Run) -> Comparison:
    """Pair the runs' successful stories by id and compare every metric both have."""
    a_by_id = {r.story_id: r for r in a.ok_results}
    b_by_id = {r.story_id: r for r in b.ok_results}
    common = [sid for sid in a_by_id if sid in b_by_id]
    names: list[str] = []
    for sid in common:
        for name in (*a_by_id[sid].scores, *b_by_id[sid].scores):
            if name not in names:
                names.append(name)
    metrics: list[MetricDelta] = []
    for name in ordered_metrics(names):
        pairs = [
            (
                a_by_id[sid].score_values().get(name, math.nan),
                b_by_id[sid].score_values().get(name, math.nan),
            )
            for sid in common
        ]
        pairs = [(x, y) for x, y in pairs if not (math.isnan(x) or math.isnan(y))]
        if not pairs:
            continue
        deltas = [y - x for x, y in pairs]
        interval = paired_bootstrap_ci(deltas)
        metrics.append(
            MetricDelta(
                metric=name,
                n=len(pairs),
                mean_a=sum(x for x, _ in pairs) / len(pairs),
                mean_b=sum(y for _, y in pairs) / len(pairs),
                delta=sum(deltas) / len(deltas),
                ci_low=interval[0] if interval else None,
                ci_high=interval[1] if interval else None,
            )
        )
    stories = []
    for sid in common:
        va, vb = a_by_id[sid].score_values(), b_by_id[sid].score_values()
        per_metric = {
            k: vb[k] - va[k] for k in va if k in vb and not (math.isnan(va[k]) or math.isnan(vb[k]))
        }
        stories.append(
            StoryDelta(sid, story_mean(a_by_id[sid]), story_mean(b_by_id[sid]), per_metric)
        )
    return Comparison(
        a=a,
        b=b,
        metrics=metrics,
        stories=stories,
        only_in_a=sorted(set(a_by_id) - set(b_by_id)),
        only_in_b=sorted(set(b_by_id) - set(a_by_id)),
    )


def _signed(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:+.3f}"


def interval_text(delta: MetricDelta) -> str:
    if delta.ci_low is None or delta.ci_high is None:
        return "n<2"
    return f"[{delta.ci_low:+.3f}, {delta.ci_high:+.3f}]"


def run_label(run: Run) -> str:
    return run.path.name


def comparison_table(comparison: Comparison) -> Table:
    """Per-metric A, B, delta and its 95% paired bootstrap interval for the terminal."""
    table = Table(
        title=f"{run_label(comparison.a)} (A) → {run_label(comparison.b)} (B)",
        title_justify="left",
    )
    for column, justify in (
        ("metric", "left"),
        ("n", "right"),
        ("A", "right"),
        ("B", "right"),
        ("Δ B−A", "right"),
        ("95% CI", "right"),
        ("", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for m in comparison.metrics:
        verdict = "worse" if m.significant_drop else "better" if m.significant_gain else ""
        style = "red" if m.significant_drop else "green" if m.significant_gain else ""
        table.add_row(
            m.metric,
            str(m.n),
            fmt(m.mean_a),
            fmt(m.mean_b),
            _signed(m.delta),
            interval_text(m),
            verdict,
            style=style,
        )
    tally = comparison.tally()
    table.caption = (
        f"{len(comparison.stories)} paired stories: {tally['win']} better, "
        f"{tally['loss']} worse, {tally['tie']} unchanged (mean of defined metrics)"
    )
    return table


def stories_table(comparison: Comparison) -> Table:
    table = Table(title="Per story (B − A)", title_justify="left")
    for column in ("story", "A", "B", "Δ", "outcome"):
        table.add_column(column, justify="left" if column in {"story", "outcome"} else "right")
    for s in sorted(comparison.stories, key=lambda s: (math.isnan(s.delta), s.delta)):
        table.add_row(s.story_id, fmt(s.mean_a), fmt(s.mean_b), _signed(s.delta), s.outcome)
    return table


def delta_chart_svg(metrics: Sequence[MetricDelta], width: int = 640) -> str:
    """Each metric's delta as a dot with its interval as a whisker, around a zero line."""
    label_width, row, top = 190, 24, 8
    plot = width - label_width - 70
    height = top * 2 + row * len(metrics) + 18
    extent = max(
        [0.05] + [abs(v) for m in metrics for v in (m.delta, m.ci_low or 0.0, m.ci_high or 0.0)]
    )

    def x(value: float) -> float:
        return label_width + (value + extent) / (2 * extent) * plot

    parts = [
        f'<svg class="chart delta-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img">',
        f'<line x1="{x(0):.1f}" y1="{top}" x2="{x(0):.1f}" y2="{height - 18}" stroke="#889"/>',
        f'<text x="{x(-extent):.1f}" y="{height - 4}" font-size="10" fill="#667">'
        f"{-extent:+.2f}</text>",
        f'<text x="{x(extent):.1f}" y="{height - 4}" font-size="10" text-anchor="end" '
        f'fill="#667">{extent:+.2f}</text>',
    ]
    for i, m in enumerate(metrics):
        y = top + i * row + row / 2
        color = "#b3261e" if m.significant_drop else "#1e7b34" if m.significant_gain else "#445"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 4:.1f}" font-size="12" text-anchor="end" '
            f'fill="#223">{html.escape(m.metric)}</text>'
        )
        if m.ci_low is not None and m.ci_high is not None:
            parts.append(
                f'<line x1="{x(m.ci_low):.1f}" y1="{y:.1f}" x2="{x(m.ci_high):.1f}" '
                f'y2="{y:.1f}" stroke="{color}" stroke-width="2"/>'
            )
        parts.append(
            f'<circle class="delta" data-metric="{html.escape(m.metric)}" cx="{x(m.delta):.1f}" '
            f'cy="{y:.1f}" r="5" fill="{color}"><title>{html.escape(m.metric)}: '
            f"{_signed(m.delta)} {interval_text(m)}</title></circle>"
            f'<text x="{width - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="{color}">{_signed(m.delta)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


COMPARE_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Compare {{ a }} → {{ b }}</title>
<style>{{ css }}</style></head><body><main>
<h1>{{ a }} (A) → {{ b }} (B)</h1>
<p class="meta">{{ n }} paired stories · {{ tally.win }} better, {{ tally.loss }} worse,
 {{ tally.tie }} unchanged · 95% paired bootstrap intervals ({{ resamples }} resamples,
 seed {{ seed }}){% if only_a %} · only in A: {{ only_a|join(', ') }}{% endif %}
 {% if only_b %} · only in B: {{ only_b|join(', ') }}{% endif %}</p>
<div class="card">{{ chart }}</div>
<div class="card"><table id="deltas"><thead><tr><th>metric</th><th>n</th><th>A</th><th>B</th>
<th>Δ B−A</th><th>95% CI</th><th></th></tr></thead><tbody>
{% for m in metrics %}<tr><td>{{ m.metric }}</td><td>{{ m.n }}</td><td>{{ f(m.mean_a) }}</td>
<td>{{ f(m.mean_b) }}</td><td>{{ signed(m.delta) }}</td><td>{{ ci(m) }}</td>
<td class="{{ 'fail' if m.significant_drop else 'pass' if m.significant_gain else '' }}">
{{ 'worse' if m.significant_drop else 'better' if m.significant_gain else '' }}</td></tr>
{% endfor %}</tbody></table></div>
<h2>Per story</h2>
<div class="card"><table id="stories"><thead><tr><th>story</th><th>A</th><th>B</th><th>Δ</th>
<th>outcome</th></tr></thead><tbody>
{% for s in stories %}<tr><td>{{ s.story_id }}</td><td>{{ f(s.mean_a) }}</td>
<td>{{ f(s.mean_b) }}</td><td>{{ signed(s.delta) }}</td>
<td class="{{ outcome_class[s.outcome] }}">{{ s.outcome }}</td></tr>
{% endfor %}</tbody></table></div>
</main></body></html>
"""


def render_compare_html(comparison: Comparison) -> str:
    env = Environment(autoescape=True)
    return env.from_string(COMPARE_TEMPLATE).render(
        a=run_label(comparison.a),
        b=run_label(comparison.b),
        n=len(comparison.stories),
        tally=comparison.tally(),
        resamples=BOOTSTRAP_RESAMPLES,
        seed=BOOTSTRAP_SEED,
        only_a=comparison.only_in_a,
        only_b=comparison.only_in_b,
        css=Markup(CSS),
        chart=Markup(delta_chart_svg(comparison.metrics)),
        metrics=comparison.metrics,
        stories=sorted(comparison.stories, key=lambda s: (math.isnan(s.delta), s.delta)),
        f=fmt,
        signed=_signed,
        ci=interval_text,
        outcome_class={"win": "pass", "loss": "fail", "tie": ""},
    )


def write_compare_html(comparison: Comparison, path: Path) -> Path:
    path.write_text(render_compare_html(comparison), encoding="utf-8")
    return path
