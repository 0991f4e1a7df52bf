"""The HTML report renders in a real browser: headless Chromium lays out its SVG charts and
tables (skipped where Chromium is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from evals.compare import compare_runs, write_compare_html
from evals.report import load_run, metric_means, write_reports
from evals.suites import load_suite
from tests.test_eval_gate import run_into

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (Debian: apt-get install -y chromium)",
)

# Appended to a copy of the page (the report itself has no script): it reads back what the
# browser laid out, so the assertions are about rendering, not about the HTML source.
PROBE = """<script>
const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
const out = {
  charts: [...document.querySelectorAll("svg.chart")].map((svg) => ({
    cls: svg.getAttribute("class"), size: box(svg),
    bars: [...svg.querySelectorAll("rect.bar")].map((r) => [r.dataset.metric, box(r)[0]]),
    dots: svg.querySelectorAll("circle.delta").length,
    thresholds: svg.querySelectorAll("line.threshold").length,
  })),
  metricRows: document.querySelectorAll("#metrics tbody tr").length,
  storyRows: document.querySelectorAll("#stories tbody tr").length,
  worst: document.querySelectorAll(".worst").length,
};
const pre = document.createElement("pre"); pre.id = "probe";
pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
</script>"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def probe(page: Path, tmp_path: Path) -> dict[str, object]:
    probed = tmp_path / f"probe-{page.name}"
    probed.write_text(page.read_text().replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = chromium(
        "--virtual-time-budget=5000",
        "--window-size=1280,2000",
        "--dump-dom",
        probed.as_uri(),
        profile=tmp_path / "profile",
    )
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert match, done.stderr[-2000:]
    result: dict[str, object] = json.loads(match.group(1).replace("&quot;", '"'))
    return result


@pytest.fixture(scope="module")
async def dev_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    suite = load_suite("dev")
    run_dir = tmp_path_factory.mktemp("html") / "run"
    run = await run_into(run_dir, suite, degraded=False)
    write_reports(run, suite, {"who_f1": 0.75, "numbers_f1": 0.85})
    return run_dir


def test_the_report_charts_and_tables_render(dev_run: Path, tmp_path: Path) -> None:
    run = load_run(dev_run)
    means = metric_means(run.results)
    seen = probe(dev_run / "report.html", tmp_path)
    metrics_chart, stories_chart = seen["charts"]  # type: ignore[misc]
    assert metrics_chart["size"][0] > 300
    assert metrics_chart["size"][1] > 100
    assert [name for name, _ in metrics_chart["bars"]] == list(means)
    # A bar's rendered width follows its value: the best metric's bar is the widest.
    widths = dict(metrics_chart["bars"])
    best = max((m for m in means if means[m] == means[m]), key=lambda m: means[m])
    assert widths[best] == max(widths.values())
    assert widths[best] > 0
    assert metrics_chart["thresholds"] == 2
    assert len(stories_chart["bars"]) == len(run.results)
    assert seen["metricRows"] == len(means)
    assert seen["storyRows"] == len(run.results)
    assert seen["worst"] == 3


def test_the_report_screenshot_is_a_full_page(dev_run: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(
        f"--screenshot={shot}",
        "--window-size=1280,2400",
        (dev_run / "report.html").as_uri(),
        profile=tmp_path / "profile",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2400)
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes


def test_the_compare_page_renders_its_delta_chart(dev_run: Path, tmp_path: Path) -> None:
    run = load_run(dev_run)
    page = write_compare_html(compare_runs(run, run), tmp_path / "compare.html")
    seen = probe(page, tmp_path)
    (chart,) = seen["charts"]  # type: ignore[misc]
    assert chart["dots"] > 0
    assert chart["size"][0] > 300
    assert seen["storyRows"] == len(run.results)
