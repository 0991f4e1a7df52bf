"""The viewer step: a run folder rendered as a rich table, ``report.md`` and ``report.html``.

The HTML is self-contained (inline CSS, SVG charts drawn here) so it can be attached to a pull
request or opened from a CI artifact with no network.
"""

from __future__ import annotations

import html
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from rich.table import Table

from evals import scoring
from evals.runner import RESULTS_FILE, RunConfig, StoryResult, read_config, read_results
from evals.suites import Suite, SuiteError, SuiteStory, load_suite

# The metrics a reader looks at first, in this order; any others follow as the scorer names them.
PRIMARY_METRICS = (
    "who_f1",
    "numbers_f1",
    "stance_accuracy",
    "event_recall",
    "event_f1",
    "summary_rouge1",
    "summary_rouge2",
    "summary_rougeL",
    "evidence_exact",
)
WORST_STORIES = 3


@dataclass
class Run:
    """A run folder read back: what ran and every story's latest result."""

    path: Path
    config: RunConfig
    results: list[StoryResult]

    @property
    def ok_results(self) -> list[StoryResult]:
        return [r for r in self.results if r.ok]

    @property
    def errors(self) -> list[StoryResult]:
        return [r for r in self.results if not r.ok]


def load_run(run_dir: Path) -> Run:
    return Run(run_dir, read_config(run_dir), read_results(run_dir / RESULTS_FILE))


def ordered_metrics(names: Sequence[str]) -> list[str]:
    first = [m for m in PRIMARY_METRICS if m in names]
    return first + [m for m in names if m not in first]


def metric_means(results: Sequence[StoryResult]) -> dict[str, float]:
    """Mean of each metric over the stories that have it (``scoring.aggregate``), report order."""
    means = scoring.aggregate([r.score_values() for r in results if r.ok])
    return {name: means[name] for name in ordered_metrics(list(means))}


def metric_counts(results: Sequence[StoryResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        for name, value in result.score_values().items():
            counts[name] = counts.get(name, 0) + (0 if math.isnan(value) else 1)
    return counts


def judge_means(results: Sequence[StoryResult]) -> dict[str, float]:
    """The judge's ratings, kept apart from the deterministic metrics."""
    rated = [
        {k: math.nan if v is None else v for k, v in r.judge.items()}
        for r in results
        if r.ok and r.judge
    ]
    return scoring.aggregate(rated) if rated else {}


def story_mean(result: StoryResult) -> float:
    """One number per story for ranking: the mean of its defined metrics (NaN when none)."""
    values = [v for v in result.score_values().values() if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def operations(results: Sequence[StoryResult]) -> dict[str, float]:
    """Latency, tokens and cost: what a run costs, next to how well it did."""
    latencies = sorted(r.latency_ms for r in results if r.ok)
    costs = [r.cost_usd for r in results if r.cost_usd is not None]

    def pct(q: float) -> float:
        if not latencies:
            return math.nan
        return latencies[min(len(latencies) - 1, round(q * (len(latencies) - 1)))]

    return {
        "stories": len(results),
        "errors": sum(not r.ok for r in results),
        "latency_p50_ms": pct(0.5),
        "latency_p95_ms": pct(0.95),
        "latency_mean_ms": statistics.fmean(latencies) if latencies else math.nan,
        "prompt_tokens": sum(r.prompt_tokens for r in results),
        "completion_tokens": sum(r.completion_tokens for r in results),
        "cost_usd": sum(costs) if costs else math.nan,
    }


def fmt(value: float, digits: int = 3) -> str:
    return "—" if math.isnan(value) else f"{value:.{digits}f}"


def worst_stories(results: Sequence[StoryResult], n: int = WORST_STORIES) -> list[StoryResult]:
    """Errors first, then the lowest mean scores: where a reader should look."""
    ranked = sorted(
        results,
        key=lambda r: (r.ok, -math.inf if math.isnan(story_mean(r)) else story_mean(r)),
    )
    return ranked[:n]


def suite_for(run: Run) -> Suite | None:
    """The run's suite, when it still exists unchanged (gold shown next to predictions)."""
    try:
        suite = load_suite(Path(run.config.suite_path))
    except (SuiteError, OSError):
        return None
    return suite if suite.content_hash == run.config.suite_hash else None


# --- terminal -----------------------------------------------------------------------------------


def summary_table(run: Run, thresholds: Mapping[str, float] | None = None) -> Table:
    """Mean per metric over the run's stories, with the gate threshold where one is set."""
    thresholds = thresholds or {}
    config = run.config
    title = f"{config.suite} · {config.engine}" + (f" · {config.model}" if config.model else "")
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column("mean", justify="right")
    table.add_column("stories", justify="right")
    table.add_column("gate", justify="right")
    counts = metric_counts(run.ok_results)
    for name, value in metric_means(run.results).items():
        limit = thresholds.get(name)
        style = "red" if limit is not None and (math.isnan(value) or value < limit) else ""
        table.add_row(
            name,
            fmt(value),
            str(counts.get(name, 0)),
            "" if limit is None else f">= {limit:g}",
            style=style,
        )
    for name, value in judge_means(run.results).items():
        table.add_row(f"judge:{name}", fmt(value, 2), "", "", style="cyan")
    ops = operations(run.results)
    table.caption = (
        f"{ops['stories']:.0f} stories, {ops['errors']:.0f} errors · "
        f"latency p50 {fmt(ops['latency_p50_ms'], 0)} ms, p95 {fmt(ops['latency_p95_ms'], 0)} ms"
        f" · {ops['prompt_tokens'] + ops['completion_tokens']:.0f} tokens"
    )
    return table


# --- markdown -----------------------------------------------------------------------------------


def _prediction_lines(brief: Mapping[str, Any] | None) -> list[str]:
    if not brief:
        return ["(no prediction)"]
    lines = [f"**{brief.get('headline', '')}**", "", str(brief.get("summary", "")), ""]
    who = ", ".join(a["name"] for a in brief.get("who", []))
    numbers = "; ".join(
        f"{n['qualifier']} {n['value']:g} {n.get('unit') or ''}".strip()
        for n in brief.get("numbers", [])
    )
    lines += [f"- who: {who or '—'}", f"- numbers: {numbers or '—'}"]
    return lines


def _gold_lines(story: SuiteStory | None) -> list[str]:
    if story is None:
        return ["(gold not available: the suite changed or moved)"]
    if story.gold is None:
        return [story.reference or ""]
    gold = story.gold.gold
    who = ", ".join(a.name for a in gold.who)
    numbers = "; ".join(f"{n.approx} {n.value} {n.unit or ''}".strip() for n in gold.numbers)
    return [
        f"**{gold.headline}**",
        "",
        gold.summary,
        "",
        f"- who: {who or '—'}",
        f"- numbers: {numbers or '—'}",
    ]


def render_markdown(
    run: Run, suite: Suite | None = None, thresholds: Mapping[str, float] | None = None
) -> str:
    thresholds = thresholds or {}
    config = run.config
    means = metric_means(run.results)
    counts = metric_counts(run.ok_results)
    ops = operations(run.results)
    prompt = config.prompt.pin or ", ".join(config.observed.get("prompt", [])) or "—"
    out = [
        f"# Eval run: {config.suite} · {config.engine}",
        "",
        f"- suite: `{config.suite}` ({config.stories} stories, hash `{config.suite_hash[:12]}`)",
        f"- engine: `{config.engine}`, model: `{config.model or '—'}`, prompt: `{prompt}`",
        f"- commit: `{(config.commit or 'unknown')[:12]}`"
        + (" (local changes)" if config.commit_dirty else "")
        + f", scorer `{config.scorer_version}`, created {config.created_at}",
        f"- {ops['stories']:.0f} stories, {ops['errors']:.0f} errors; latency p50 "
        f"{fmt(ops['latency_p50_ms'], 0)} ms, p95 {fmt(ops['latency_p95_ms'], 0)} ms; tokens "
        f"{ops['prompt_tokens']:.0f} in / {ops['completion_tokens']:.0f} out; cost "
        f"{fmt(ops['cost_usd'], 4)} USD",
        "",
        "## Metrics",
        "",
        "| metric | mean | stories | gate |",
        "|---|---:|---:|---:|",
    ]
    for name, value in means.items():
        limit = thresholds.get(name)
        gate = (
            ""
            if limit is None
            else f">= {limit:g}" + (" ❌" if math.isnan(value) or value < limit else " ✅")
        )
        out.append(f"| {name} | {fmt(value)} | {counts.get(name, 0)} | {gate} |")
    judged = judge_means(run.results)
    if judged:
        out += ["", "## Judge (model-rated, 1-5; not part of the gate)", ""]
        out += ["| rating | mean |", "|---|---:|"]
        out += [f"| {name} | {fmt(value, 2)} |" for name, value in judged.items()]
    names = list(means)
    out += ["", "## Stories", "", "| story | " + " | ".join(names) + " | latency ms | error |"]
    out.append("|---|" + "---:|" * len(names) + "---:|---|")
    for result in run.results:
        values = result.score_values()
        cells = [fmt(values.get(name, math.nan)) for name in names]
        error = (result.error or "").replace("|", "/")[:120]
        row = " | ".join([result.story_id, *cells, f"{result.latency_ms:.0f}", error])
        out.append(f"| {row} |")
    out += ["", f"## Worst {min(WORST_STORIES, len(run.results))} stories", ""]
    for result in worst_stories(run.results):
        story = suite.story(result.story_id) if suite else None
        out += [f"### {result.story_id} (mean {fmt(story_mean(result))})", ""]
        if result.error:
            out += [f"Error: `{result.error}`", ""]
        out += ["Prediction:", "", *_prediction_lines(result.prediction), ""]
        out += ["Gold:" if not story or story.gold else "Reference:", "", *_gold_lines(story), ""]
    return "\n".join(out) + "\n"


# --- html + svg ---------------------------------------------------------------------------------


def _color(value: float) -> str:
    """Red (0) through amber to green (1), for bars and table cells."""
    if math.isnan(value):
        return "#d0d4da"
    hue = round(120 * max(0.0, min(1.0, value)))
    return f"hsl({hue}, 62%, 46%)"


def bar_chart_svg(
    values: Mapping[str, float],
    thresholds: Mapping[str, float] | None = None,
    *,
    css_class: str = "chart",
    width: int = 720,
) -> str:
    """Horizontal bars on a 0-1 scale, one per metric; a dark tick marks a gate threshold."""
    thresholds = thresholds or {}
    # Labels are measured roughly (7 px per character at 12 px) so long story ids never clip.
    label_width = max(120, 7 * max((len(name) for name in values), default=0) + 16)
    row, top = 24, 8
    plot = width - label_width - 60
    height = top * 2 + row * len(values) + 18
    parts = [
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img">'
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_width + tick * plot
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 18}" stroke="#e3e6ea"/>'
            f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle" '
            f'fill="#667">{tick:g}</text>'
        )
    for i, (name, value) in enumerate(values.items()):
        y = top + i * row
        shown = 0.0 if math.isnan(value) else max(0.0, min(1.0, value))
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" font-size="12" text-anchor="end" '
            f'fill="#223">{html.escape(name)}</text>'
            f'<rect class="bar" data-metric="{html.escape(name)}" x="{label_width}" y="{y + 4}" '
            f'width="{shown * plot:.1f}" height="{row - 8}" rx="2" fill="{_color(value)}">'
            f"<title>{html.escape(name)}: {fmt(value)}</title></rect>"
            f'<text x="{label_width + shown * plot + 6:.1f}" y="{y + 16}" font-size="11" '
            f'fill="#223">{fmt(value)}</text>'
        )
        limit = thresholds.get(name)
        if limit is not None:
            x = label_width + max(0.0, min(1.0, limit)) * plot
            parts.append(
                f'<line class="threshold" x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" '
                f'y2="{y + row - 1}" stroke="#111" stroke-width="2">'
                f"<title>gate: {name} >= {limit:g}</title></line>"
            )
    parts.append("</svg>")
    return "".join(parts)


CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;
 margin:0;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 10px}
.meta{color:#556;margin:0 0 12px} .meta code{background:#eceef2;padding:1px 4px;border-radius:3px}
.card{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:14px 16px;
 margin-bottom:14px;overflow-x:auto}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{padding:5px 8px;border-bottom:1px solid #eceef1;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
td.score{color:#fff;font-variant-numeric:tabular-nums}
td.err{color:#b3261e;text-align:left;white-space:normal}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.pair h4{margin:0 0 6px;font-size:13px;color:#556;text-transform:uppercase;letter-spacing:.04em}
.pair ul{padding-left:18px;margin:6px 0}
.kpis{display:flex;gap:12px;flex-wrap:wrap}
.kpi{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:8px 14px}
.kpi b{display:block;font-size:18px}
.fail{color:#b3261e} .pass{color:#1e7b34}
"""

HTML_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Eval {{ c.suite }} · {{ c.engine }}</title>
<style>{{ css }}</style></head>
<body><main>
<h1>Eval run: {{ c.suite }} · {{ c.engine }}{% if c.model %} · {{ c.model }}{% endif %}</h1>
<p class="meta">suite <code>{{ c.suite }}</code> ({{ c.stories }} stories,
 hash <code>{{ c.suite_hash[:12] }}</code>) · prompt <code>{{ prompt }}</code> ·
 commit <code>{{ (c.commit or 'unknown')[:12] }}</code>
 {%- if c.commit_dirty %} (local changes){% endif %}
 · scorer <code>{{ c.scorer_version }}</code> · {{ c.created_at }}</p>
<div class="kpis">
 <div class="kpi">stories<b>{{ ops.stories|int }}</b></div>
 <div class="kpi">errors<b class="{{ 'fail' if ops.errors else 'pass' }}">
  {{- ops.errors|int }}</b></div>
 <div class="kpi">latency p50<b>{{ f(ops.latency_p50_ms, 0) }} ms</b></div>
 <div class="kpi">latency p95<b>{{ f(ops.latency_p95_ms, 0) }} ms</b></div>
 <div class="kpi">tokens<b>{{ (ops.prompt_tokens + ops.completion_tokens)|int }}</b></div>
 <div class="kpi">cost<b>{{ f(ops.cost_usd, 4) }} USD</b></div>
</div>
<h2>Metrics</h2>
<div class="card">{{ metric_chart }}</div>
<div class="card"><table id="metrics">
<thead><tr><th>metric</th><th>mean</th><th>stories</th><th>gate</th></tr></thead><tbody>
{% for name, value in means.items() %}{% set limit = thresholds.get(name) %}
<tr><td>{{ name }}</td><td class="score" style="background:{{ color(value) }}">{{ f(value) }}</td>
<td>{{ counts.get(name, 0) }}</td>
<td>{% if limit is not none %}{% set bad = value != value or value < limit %}
<span class="{{ 'fail' if bad else 'pass' }}">&ge; {{ limit }}</span>{% endif %}</td></tr>
{% endfor %}</tbody></table></div>
{% if judged %}<h2>Judge (model-rated 1-5, not gated)</h2>
<div class="card"><table id="judge"><thead><tr><th>rating</th><th>mean</th></tr></thead><tbody>
{% for name, value in judged.items() %}
<tr><td>{{ name }}</td><td>{{ f(value, 2) }}</td></tr>{% endfor %}
</tbody></table></div>{% endif %}
<h2>Stories (mean of defined metrics)</h2>
<div class="card">{{ story_chart }}</div>
<div class="card"><table id="stories"><thead><tr><th>story</th>
{% for name in means %}<th>{{ name }}</th>{% endfor %}<th>latency ms</th><th>error</th></tr>
</thead><tbody>
{% for r in results %}{% set v = r.score_values() %}<tr><td>{{ r.story_id }}</td>
{% for name in means %}{% set x = v.get(name, nan) %}
<td class="score" style="background:{{ color(x) }}">{{ f(x) }}</td>{% endfor %}
<td>{{ '%.0f'|format(r.latency_ms) }}</td><td class="err">{{ r.error or '' }}</td></tr>
{% endfor %}</tbody></table></div>
<h2>Worst stories</h2>
{% for w in worst %}<div class="card worst"><h3>{{ w.result.story_id }} · mean {{ f(w.mean) }}</h3>
{% if w.result.error %}<p class="fail">{{ w.result.error }}</p>{% endif %}
<div class="pair"><div><h4>Prediction</h4>{{ w.prediction }}</div>
<div><h4>{{ w.gold_title }}</h4>{{ w.gold }}</div></div></div>
{% endfor %}
</main></body></html>
"""


def _prediction_html(brief: Mapping[str, Any] | None) -> Markup:
    if not brief:
        return Markup("<p>(no prediction)</p>")
    items = [
        f"<p><b>{html.escape(str(brief.get('headline', '')))}</b></p>",
        f"<p>{html.escape(str(brief.get('summary', '')))}</p>",
        "<ul>",
        "<li>who: "
        + html.escape(", ".join(a["name"] for a in brief.get("who", [])) or "—")
        + "</li>",
        "<li>numbers: "
        + html.escape(
            "; ".join(
                f"{n['qualifier']} {n['value']:g} {n.get('unit') or ''}".strip()
                for n in brief.get("numbers", [])
            )
            or "—"
        )
        + "</li>",
        "<li>stance: "
        + html.escape(
            "; ".join(
                f"{s['actor']} {s['polarity']} {s['target']}" for s in brief.get("stance", [])
            )
            or "—"
        )
        + "</li>",
        "</ul>",
    ]
    return Markup("".join(items))


def _gold_html(story: SuiteStory | None) -> Markup:
    if story is None:
        return Markup("<p>(gold not available: the suite changed or moved)</p>")
    if story.gold is None:
        return Markup(f"<p>{html.escape(story.reference or '')}</p>")
    gold = story.gold.gold
    items = [
        f"<p><b>{html.escape(gold.headline)}</b></p><p>{html.escape(gold.summary)}</p><ul>",
        "<li>who: " + html.escape(", ".join(a.name for a in gold.who) or "—") + "</li>",
        "<li>numbers: "
        + html.escape(
            "; ".join(f"{n.approx} {n.value} {n.unit or ''}".strip() for n in gold.numbers) or "—"
        )
        + "</li>",
        "<li>stance: "
        + html.escape("; ".join(f"{s.actor} {s.polarity} {s.target}" for s in gold.stance) or "—")
        + "</li></ul>",
    ]
    return Markup("".join(items))


def render_html(
    run: Run, suite: Suite | None = None, thresholds: Mapping[str, float] | None = None
) -> str:
    thresholds = dict(thresholds or {})
    means = metric_means(run.results)
    config = run.config
    worst = []
    for result in worst_stories(run.results):
        story = suite.story(result.story_id) if suite else None
        worst.append(
            {
                "result": result,
                "mean": story_mean(result),
                "prediction": _prediction_html(result.prediction),
                "gold": _gold_html(story),
                "gold_title": "Reference" if story is not None and story.gold is None else "Gold",
            }
        )
    story_values = {r.story_id: story_mean(r) for r in run.results}
    env = Environment(autoescape=True)
    return env.from_string(HTML_TEMPLATE).render(
        c=config,
        css=Markup(CSS),
        prompt=config.prompt.pin or ", ".join(config.observed.get("prompt", [])) or "—",
        ops=operations(run.results),
        means=means,
        counts=metric_counts(run.ok_results),
        thresholds=thresholds,
        judged=judge_means(run.results),
        results=run.results,
        worst=worst,
        metric_chart=Markup(bar_chart_svg(means, thresholds, css_class="chart metrics-chart")),
        story_chart=Markup(bar_chart_svg(story_values, css_class="chart stories-chart")),
        f=fmt,
        color=_color,
        nan=math.nan,
    )


def write_reports(
    run: Run, suite: Suite | None = None, thresholds: Mapping[str, float] | None = None
) -> tuple[Path, Path]:
    """Write ``report.md`` and ``report.html`` into the run folder."""
    suite = suite if suite is not None else suite_for(run)
    md = run.path / "report.md"
    page = run.path / "report.html"
    md.write_text(render_markdown(run, suite, thresholds), encoding="utf-8")
    page.write_text(render_html(run, suite, thresholds), encoding="utf-8")
    return md, page
