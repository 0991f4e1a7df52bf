"""``brief eval``: run suites, compare runs, gate releases. Thin wrappers over evals.*."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from openai import AsyncOpenAI
from pydantic import SecretStr
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from api.schemas import Engine
from api.settings import Settings
from evals.cassette import CassetteMode
from evals.compare import compare_runs, comparison_table, stories_table, write_compare_html
from evals.gate import check_gate, load_thresholds
from evals.judge import Judge, load_judge_prompt
from evals.report import Run, load_run, summary_table, write_reports
from evals.runner import (
    CASSETTES_DIR,
    CONFIG_FILE,
    RESULTS_FILE,
    HttpSolver,
    RunConfig,
    RunError,
    Solver,
    SolverSetup,
    StoryResult,
    build_in_process_solver,
    default_run_dir,
    git_commit,
    observed_provenance,
    prompt_info,
    read_config,
    run_suite,
    scorer_version,
    write_config,
)
from evals.suites import Suite, SuiteError, load_suite

app = typer.Typer(
    help="Eval harness: run suites, compare runs, gate a release on scores.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)

REPLAY_BASE_URL = "http://replay.invalid/v1"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def _cassette_source(path: Path) -> tuple[Path, RunConfig | None]:
    """``--cassettes`` may name a cassette folder or a run folder that holds one."""
    if (path / CONFIG_FILE).is_file():
        return path / CASSETTES_DIR, read_config(path)
    return path, None


def _settings_for(config: RunConfig, replay: bool) -> Settings:
    """The environment's settings with the run's flags on top."""
    # An in-process eval keeps its own in-memory store: a shared Redis would answer repeated
    # model calls from an earlier run, so they would be neither measured nor recorded.
    # And no silent fallback: a failed model call must show as this story's error (a replay
    # miss above all), not as an extractive brief scored under the llm's name.
    overrides: dict[str, Any] = {"redis_url": None, "llm_fallback_to_extractive": False}
    if config.model:
        overrides["llm_model"] = config.model
    if config.llm_base_url:
        overrides["llm_base_url"] = config.llm_base_url
    settings = Settings(**overrides)
    if replay and not settings.llm_configured:
        # Replay answers from the cassettes; the engine only needs to believe a server exists.
        settings = Settings(**overrides, llm_base_url=REPLAY_BASE_URL)
    if replay and settings.llm_api_key is None:
        settings = settings.model_copy(update={"llm_api_key": SecretStr("replay")})
    return settings


async def _execute(
    suite: Suite, config: RunConfig, run_dir: Path, api_key: str | None
) -> tuple[list[StoryResult], SolverSetup]:
    engine = Engine(config.engine)
    if config.url:
        setup = SolverSetup(HttpSolver(config.url, api_key))
    else:
        settings = _settings_for(config, config.cassette_mode == "replay")
        cassette_dir = Path(config.cassettes) if config.cassettes else None
        setup = await build_in_process_solver(settings, engine, cassette_dir, config.cassette_mode)
    judge = None
    if config.judge_model:
        settings = _settings_for(config, config.cassette_mode == "replay")
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "unused"
        # The SDK accepts httpx clients at runtime though its annotations name httpx2's; sharing
        # the cassette client records (and replays) the judge's calls with the engine's.
        client = AsyncOpenAI(
            base_url=settings.llm_base_url, api_key=key, http_client=cast(Any, setup.http_client)
        )
        judge = Judge(client, config.judge_model, load_judge_prompt())
    solver: Solver = setup.solver
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task(f"{suite.name} · {config.engine}", total=len(suite.stories))

            def on_start(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            def on_result(result: StoryResult) -> None:
                if not result.ok:
                    progress.console.print(f"[red]✗ {result.story_id}[/red]: {result.error}")
                progress.advance(task)

            results = await run_suite(
                suite,
                solver,
                run_dir,
                engine=engine,
                prompt=config.prompt.pin,
                concurrency=config.concurrency,
                judge=judge,
                on_start=on_start,
                on_result=on_result,
            )
    finally:
        await solver.aclose()
    return results, setup


@app.command("run")
def run_command(
    suite: Annotated[
        str | None, typer.Option(help="A suite name under evals/datasets/ or a path.")
    ] = None,
    engine: Annotated[Engine, typer.Option(help="extractive, llm or auto.")] = Engine.EXTRACTIVE,
    prompt: Annotated[str | None, typer.Option(help="Pin a prompt: NAME@VERSION.")] = None,
    model: Annotated[str | None, typer.Option(help="Model name (BRIEF_LLM_MODEL).")] = None,
    llm_base_url: Annotated[
        str | None, typer.Option(help="Model server URL (BRIEF_LLM_BASE_URL).")
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Run through a running Brief service instead.")
    ] = None,
    api_key: Annotated[str | None, typer.Option(envvar="BRIEF_CLIENT_API_KEY")] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Stories in flight at once.")] = 4,
    out: Annotated[Path | None, typer.Option(help="The run folder to create.")] = None,
    resume: Annotated[Path | None, typer.Option(help="Finish an interrupted run folder.")] = None,
    gate: Annotated[
        bool, typer.Option(help="Exit non-zero when a threshold or baseline check fails.")
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="A run to compare against (gate: no significant drop).")
    ] = None,
    replay: Annotated[
        bool, typer.Option(help="Answer model calls from cassettes only; a miss is an error.")
    ] = False,
    record: Annotated[
        bool, typer.Option(help="Record model exchanges (the default for in-process llm runs).")
    ] = False,
    cassettes: Annotated[
        Path | None, typer.Option(help="Cassette folder, or a run folder holding one.")
    ] = None,
    judge_model: Annotated[
        str | None, typer.Option(help="Also rate briefs with this model (prompts/judge/v1.md).")
    ] = None,
    gates_file: Annotated[Path | None, typer.Option(help="Thresholds file.")] = None,
) -> None:
    """Run a suite, write the run folder (config, results.jsonl, reports), print a summary."""
    if replay and record:
        raise _fail("--replay and --record exclude each other")
    if replay and url:
        raise _fail("--replay runs in-process; the model calls of --url happen in the service")
    try:
        if resume is not None:
            config = read_config(resume)
            suite_obj = load_suite(Path(config.suite_path))
            if suite_obj.content_hash != config.suite_hash:
                raise RunError(
                    f"the suite at {config.suite_path} changed since this run started; "
                    "start a new run instead of mixing two versions"
                )
            config.concurrency = concurrency
            run_dir = resume
        else:
            if suite is None:
                raise _fail("--suite is required (or --resume RUN_DIR)")
            suite_obj = load_suite(suite)
            run_dir = out or default_run_dir(suite_obj.name, engine.value)
            if (run_dir / RESULTS_FILE).exists():
                raise _fail(f"{run_dir} already holds a run: use --resume {run_dir}")
            config = _new_config(
                suite=suite_obj,
                engine=engine,
                prompt=prompt,
                model=model,
                llm_base_url=llm_base_url,
                url=url,
                concurrency=concurrency,
                judge_model=judge_model,
            )
            if engine is not Engine.EXTRACTIVE and url is None:
                source, recorded = _cassette_source(cassettes or run_dir / CASSETTES_DIR)
                mode: CassetteMode = "replay" if replay else "record"
                if replay and recorded is not None:
                    # Replaying a run means asking exactly what it asked: same model and prompt.
                    # (config.model already holds the settings' default: only --model overrides.)
                    config.model = model or recorded.model
                    config.llm_base_url = llm_base_url or recorded.llm_base_url
                    config.prompt = config.prompt if config.prompt.pin else recorded.prompt
                if replay and not source.is_dir():
                    raise _fail(f"--replay needs recorded cassettes; {source} does not exist")
                config.cassette_mode, config.cassettes = mode, str(source.resolve())
            run_dir.mkdir(parents=True, exist_ok=True)
            write_config(run_dir, config)
        results, setup = asyncio.run(_execute(suite_obj, config, run_dir, api_key))
    except (SuiteError, RunError) as exc:
        raise _fail(str(exc)) from exc

    config.observed = observed_provenance(results)
    write_config(run_dir, config)
    run = load_run(run_dir)
    thresholds = (
        load_thresholds(config.suite, gates_file) if gates_file else load_thresholds(config.suite)
    )
    md, page = write_reports(run, suite_obj, thresholds)
    console.print(summary_table(run, thresholds))
    if setup.cassette is not None:
        stats = setup.cassette.stats
        console.print(
            f"cassettes ({config.cassette_mode}): {stats.recorded} recorded, "
            f"{stats.replayed} replayed, {len(stats.misses)} misses · {config.cassettes}"
        )
    if setup.cassette is not None and setup.cassette.stats.misses:
        err.print(
            f"[red]{len(setup.cassette.stats.misses)} replay miss(es)[/red]: requests that were "
            "never recorded (the prompt, model or code changed since the recording)"
        )
    console.print(f"run folder: {run_dir}\nreports: {md} · {page}")
    failed = _gate(run, thresholds, baseline) if gate else False
    if failed or run.errors:
        raise typer.Exit(1)


def _new_config(
    *,
    suite: Suite,
    engine: Engine,
    prompt: str | None,
    model: str | None,
    llm_base_url: str | None,
    url: str | None,
    concurrency: int,
    judge_model: str | None,
) -> RunConfig:
    settings = Settings()
    commit, dirty = git_commit()
    uses_model = engine is not Engine.EXTRACTIVE
    return RunConfig(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        suite=suite.name,
        suite_path=str(suite.path),
        suite_hash=suite.content_hash,
        stories=len(suite.stories),
        engine=engine.value,
        model=model or (settings.llm_model if uses_model and url is None else None),
        prompt=prompt_info(prompt, settings.prompts_dir),
        url=url,
        llm_base_url=llm_base_url,
        concurrency=concurrency,
        judge_model=judge_model,
        commit=commit,
        commit_dirty=dirty,
        scorer_version=scorer_version(),
    )


def _gate(run: Run, thresholds: dict[str, float], baseline: Path | None) -> bool:
    """Print the gate's verdict; True when the run fails it."""
    comparison = None
    if baseline is not None:
        comparison = compare_runs(load_run(baseline), run)
        console.print(comparison_table(comparison))
    verdict = check_gate(run, thresholds, comparison)
    if not thresholds and baseline is None:
        err.print(f"[yellow]no thresholds for suite {run.config.suite!r} in gates.toml[/yellow]")
    if verdict.passed:
        console.print(f"[green]gate passed[/green] ({len(verdict.checked)} thresholds checked)")
        return False
    console.print("[red]gate failed:[/red]")
    for failure in verdict.failures:
        console.print(f"  - {failure}")
    return True


@app.command("gate")
def gate_command(
    run_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    baseline: Annotated[Path | None, typer.Option(help="A run to compare against.")] = None,
    gates_file: Annotated[Path | None, typer.Option(help="Thresholds file.")] = None,
) -> None:
    """Check an existing run against the suite's thresholds (and a baseline)."""
    run = load_run(run_dir)
    thresholds = (
        load_thresholds(run.config.suite, gates_file)
        if gates_file
        else load_thresholds(run.config.suite)
    )
    if _gate(run, thresholds, baseline):
        raise typer.Exit(1)


@app.command("compare")
def compare_command(
    run_a: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Baseline (A).")],
    run_b: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Candidate (B).")],
    html: Annotated[
        Path | None, typer.Option(help="Where to write the HTML (default RUN_B/compare.html).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the deltas as JSON.")] = False,
) -> None:
    """Per-metric deltas B−A with paired bootstrap intervals, and per-story wins/losses."""
    try:
        comparison = compare_runs(load_run(run_a), load_run(run_b))
    except RunError as exc:
        raise _fail(str(exc)) from exc
    path = write_compare_html(comparison, html or run_b / "compare.html")
    if as_json:
        payload = [
            {
                "metric": m.metric,
                "n": m.n,
                "a": m.mean_a,
                "b": m.mean_b,
                "delta": m.delta,
                "ci_low": m.ci_low,
                "ci_high": m.ci_high,
            }
            for m in comparison.metrics
        ]
        console.print_json(json.dumps(payload))
        return
    console.print(comparison_table(comparison))
    console.print(stories_table(comparison))
    console.print(f"compare: {path}")


@app.command("report")
def report_command(
    run_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
) -> None:
    """Re-render a run folder's reports and print its summary."""
    try:
        run = load_run(run_dir)
    except RunError as exc:
        raise _fail(str(exc)) from exc
    thresholds = load_thresholds(run.config.suite)
    md, page = write_reports(run, thresholds=thresholds)
    console.print(summary_table(run, thresholds))
    console.print(f"reports: {md} · {page}")
