"""The task/solver and log steps of an eval: run a suite against an engine or a URL.

A run is a folder: ``config.json`` (what ran), ``results.jsonl`` (one line per story, appended
and fsynced as each story finishes, so a killed run loses nothing and resumes), the reports, and
for llm runs the ``cassettes/`` of every model exchange.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import os
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast

import httpx
from pydantic import BaseModel, Field

from api.app import build_service, build_store, close_service
from api.cache import CacheMode
from api.engines.base import SummaryEngine
from api.schemas import Brief, Engine, SummaryRequest
from api.settings import REPO_ROOT, Settings, use_shipped_tiktoken_cache
from evals import scoring
from evals.cassette import CassetteMode, CassetteTransport
from evals.suites import Suite, SuiteStory

if TYPE_CHECKING:
    from api.service import BriefService
    from evals.judge import Judge

HARNESS_VERSION = 1
RUNS_DIR = Path(__file__).resolve().parent / "runs"
RESULTS_FILE = "results.jsonl"
CONFIG_FILE = "config.json"
CASSETTES_DIR = "cassettes"


class RunError(RuntimeError):
    """A run that cannot start or continue (bad resume folder, changed suite, ...)."""


class SolverError(RuntimeError):
    """The service answered a story with an error."""


class PromptInfo(BaseModel):
    pin: str | None = None
    name: str | None = None
    version: int | None = None
    sha256: str | None = None


class RunConfig(BaseModel):
    """Everything that changes a run's scores, so a run describes itself."""

    harness_version: int = HARNESS_VERSION
    created_at: str
    suite: str
    suite_path: str
    suite_hash: str
    stories: int
    engine: str
    model: str | None = None
    prompt: PromptInfo = Field(default_factory=PromptInfo)
    url: str | None = None
    llm_base_url: str | None = None
    concurrency: int = 4
    cassette_mode: CassetteMode | None = None
    cassettes: str | None = None
    judge_model: str | None = None
    commit: str | None = None
    commit_dirty: bool | None = None
    scorer_version: str
    # Filled at the end from the briefs' provenance: what actually ran, not what was asked.
    observed: dict[str, list[str]] = Field(default_factory=dict)


class StoryResult(BaseModel):
    """One line of ``results.jsonl``. NaN scores are stored as null (JSON has no NaN)."""

    story_id: str
    kind: Literal["gold", "reference"]
    ok: bool
    error: str | None = None
    scores: dict[str, float | None] = Field(default_factory=dict)
    judge: dict[str, float | None] | None = None
    prediction: dict[str, Any] | None = None
    latency_ms: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cost_usd: float | None = None
    finished_at: str = ""

    def score_values(self) -> dict[str, float]:
        """Scores with null back to NaN, the convention of ``evals.scoring``."""
        return {k: math.nan if v is None else v for k, v in self.scores.items()}

    def brief(self) -> Brief | None:
        return Brief.model_validate(self.prediction) if self.prediction is not None else None


def scorer_version() -> str:
    """The scorer's own version when it declares one, else a hash of its source."""
    declared = getattr(scoring, "SCORER_VERSION", None)
    source = Path(scoring.__file__).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:12]
    return f"{declared}+{digest}" if declared else f"sha256:{digest}"


def git_commit(repo: Path = REPO_ROOT) -> tuple[str | None, bool | None]:
    """HEAD and whether the tree has local changes; (None, None) outside a git checkout."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None, None
    return head, bool(dirty)


def prompt_info(pin: str | None, prompts_dir: Path) -> PromptInfo:
    """Name, version and file hash of a pinned prompt (``summarize@1``); empty when unpinned."""
    if pin is None:
        return PromptInfo()
    name, _, version = pin.partition("@")
    path = prompts_dir / name / f"v{version}.md"
    sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return PromptInfo(pin=pin, name=name, version=int(version), sha256=sha)


# --- the log ------------------------------------------------------------------------------------


def _repair_tail(path: Path) -> None:
    """Cut a half-written last line (the process died mid-write) so appends start clean."""
    if not path.is_file():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


def read_results(path: Path) -> list[StoryResult]:
    """Every story's latest line: a resumed story's retry replaces its failed attempt."""
    latest: dict[str, StoryResult] = {}
    if not path.is_file():
        return []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            result = StoryResult.model_validate_json(line)
        except ValueError:
            continue  # a torn last line from a killed run: that story simply runs again
        latest[result.story_id] = result
    return list(latest.values())


class ResultsLog:
    """Append-only JSONL; each line is flushed and fsynced before the next story is reported."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _repair_tail(path)

    def append(self, result: StoryResult) -> None:
        line = result.model_dump_json() + "\n"
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())


def write_config(run_dir: Path, config: RunConfig) -> None:
    (run_dir / CONFIG_FILE).write_text(config.model_dump_json(indent=2) + "\n", encoding="utf-8")


def read_config(run_dir: Path) -> RunConfig:
    path = run_dir / CONFIG_FILE
    if not path.is_file():
        raise RunError(f"{run_dir} is not a run folder (no {CONFIG_FILE})")
    return RunConfig.model_validate_json(path.read_text(encoding="utf-8"))


def default_run_dir(suite: str, engine: str, runs_dir: Path = RUNS_DIR) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return runs_dir / f"{stamp}-{suite}-{engine}"


# --- solvers ------------------------------------------------------------------------------------


class Solver(Protocol):
    """Writes the brief for one request: in-process or through a running service."""

    async def solve(self, request: SummaryRequest) -> Brief: ...

    async def aclose(self) -> None: ...


class InProcessSolver:
    """The service's own ``BriefService`` without HTTP; the cache is bypassed so every story is
    computed by the engine as it is now, not served from an earlier run."""

    def __init__(self, service: BriefService, extra: Sequence[httpx.AsyncClient] = ()) -> None:
        self.service = service
        self.extra = list(extra)

    async def solve(self, request: SummaryRequest) -> Brief:
        served = await self.service.summarize(request, cache_mode=CacheMode.BYPASS)
        return served.brief

    async def aclose(self) -> None:
        await close_service(self.service)
        for client in self.extra:
            await client.aclose()


class HttpSolver:
    """``POST /v1/summaries`` on a running service; ``no-store`` keeps its cache out of it."""

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 300.0) -> None:
        headers = {"Cache-Control": "no-store"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        self.client = httpx.AsyncClient(base_url=url.rstrip("/"), headers=headers, timeout=timeout)

    async def solve(self, request: SummaryRequest) -> Brief:
        response = await self.client.post(
            "/v1/summaries", json=request.model_dump(mode="json", exclude_none=True)
        )
        if response.status_code != 200:
            raise SolverError(f"HTTP {response.status_code}: {response.text[:500]}")
        return Brief.model_validate(response.json())

    async def aclose(self) -> None:
        await self.client.aclose()


@dataclass
class SolverSetup:
    """The solver, and the cassette-backed client that a judge shares so it is recorded too."""

    solver: Solver
    cassette: CassetteTransport | None = None
    http_client: httpx.AsyncClient | None = None


async def build_in_process_solver(
    settings: Settings,
    engine: Engine,
    cassette_dir: Path | None = None,
    cassette_mode: CassetteMode | None = None,
) -> SolverSetup:
    """``build_service`` with the run's settings; an llm engine talks through a cassette."""
    use_shipped_tiktoken_cache()
    store = build_store(settings)
    service = build_service(settings, store)
    if engine is Engine.LLM and "llm" not in service.engines:
        raise RunError(
            "the llm engine is not configured: set BRIEF_LLM_BASE_URL (or --llm-base-url)"
        )
    cassette: CassetteTransport | None = None
    clients: list[httpx.AsyncClient] = []
    if cassette_mode is not None and cassette_dir is not None and "llm" in service.engines:
        from api.engines.llm import LLMEngine

        cassette = CassetteTransport(cassette_dir, cassette_mode)
        client = httpx.AsyncClient(
            transport=cassette, timeout=httpx.Timeout(settings.llm_timeout_seconds)
        )
        clients.append(client)
        # build_service made an llm engine with its own client; swap in one that records or
        # replays, and close the one it replaces.
        replaced = service.engines["llm"]
        close = getattr(replaced, "aclose", None)
        if close is not None:
            await close()
        engine_store = service.cache.engine_store() if service.cache is not None else store
        engine_with_cassette = LLMEngine.from_settings(
            settings, store=engine_store, http_client=client
        )
        # cast: the protocol's ``name`` is a plain attribute, so mypy treats it as invariant.
        service.engines["llm"] = cast(SummaryEngine, engine_with_cassette)
    return SolverSetup(InProcessSolver(service, clients), cassette, clients[0] if clients else None)


# --- running ------------------------------------------------------------------------------------


def score_prediction(story: SuiteStory, brief: Brief) -> dict[str, float]:
    """Gold stories get every field metric; reference clusters get summary ROUGE only."""
    if story.gold is not None:
        return scoring.score_story(brief, story.gold)
    return scoring.summary_scores(brief.summary, story.reference or "")


def _stored(scores: dict[str, float]) -> dict[str, float | None]:
    return {k: None if math.isnan(v) else round(v, 6) for k, v in scores.items()}


async def run_story(
    story: SuiteStory,
    solver: Solver,
    *,
    engine: Engine,
    prompt: str | None,
    judge: Judge | None = None,
) -> StoryResult:
    """Solve and score one story; any failure becomes an error line, never a crashed run."""
    request = SummaryRequest(articles=story.articles, engine=engine, prompt=prompt)
    started = time.perf_counter()
    base: dict[str, Any] = {"story_id": story.id, "kind": story.kind}
    try:
        brief = await solver.solve(request)
    except Exception as exc:  # the harness's job is to record what failed and carry on
        return StoryResult(
            **base,
            ok=False,
            error=f"{type(exc).__name__}: {exc}",
            latency_ms=round((time.perf_counter() - started) * 1000, 3),
            finished_at=datetime.now(UTC).isoformat(),
        )
    latency_ms = round((time.perf_counter() - started) * 1000, 3)
    usage = brief.provenance.usage
    result = StoryResult(
        **base,
        ok=True,
        prediction=brief.model_dump(mode="json"),
        latency_ms=latency_ms,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
        cost_usd=brief.provenance.cost_usd,
    )
    try:
        result.scores = _stored(score_prediction(story, brief))
        if judge is not None:
            result.judge = _stored(await judge.rate(story, brief))
    except Exception as exc:  # a scorer or judge bug must show up on this story's line
        result.ok = False
        result.error = f"scoring failed: {type(exc).__name__}: {exc}"
    result.finished_at = datetime.now(UTC).isoformat()
    return result


async def run_suite(
    suite: Suite,
    solver: Solver,
    run_dir: Path,
    *,
    engine: Engine,
    prompt: str | None = None,
    concurrency: int = 4,
    judge: Judge | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_result: Callable[[StoryResult], None] | None = None,
) -> list[StoryResult]:
    """Run every story not yet done in ``run_dir`` (at most ``concurrency`` at once), appending
    each result as it finishes. Returns the run's results in suite order."""
    log_path = run_dir / RESULTS_FILE
    log = ResultsLog(log_path)
    done = {r.story_id for r in read_results(log_path) if r.ok}
    todo = [story for story in suite.stories if story.id not in done]
    if on_start is not None:
        on_start(len(done), len(suite.stories))
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(story: SuiteStory) -> None:
        async with gate:
            result = await run_story(story, solver, engine=engine, prompt=prompt, judge=judge)
        log.append(result)
        if on_result is not None:
            on_result(result)

    await asyncio.gather(*(one(story) for story in todo))
    order = {story.id: i for i, story in enumerate(suite.stories)}
    results = [r for r in read_results(log_path) if r.story_id in order]
    return sorted(results, key=lambda r: order[r.story_id])


def observed_provenance(results: Sequence[StoryResult]) -> dict[str, list[str]]:
    """Engines, models and prompts the briefs say produced them (degraded answers show here)."""
    seen: dict[str, set[str]] = {"engine": set(), "model": set(), "prompt": set()}
    for result in results:
        provenance = (result.prediction or {}).get("provenance") or {}
        if provenance.get("engine"):
            seen["engine"].add(str(provenance["engine"]))
        if provenance.get("model"):
            seen["model"].add(str(provenance["model"]))
        prompt = provenance.get("prompt")
        if prompt:
            seen["prompt"].add(f"{prompt['name']}@{prompt['version']} {prompt['sha256'][:12]}")
        if provenance.get("degraded"):
            seen.setdefault("degraded", set()).add(result.story_id)
    return {k: sorted(v) for k, v in seen.items() if v}
