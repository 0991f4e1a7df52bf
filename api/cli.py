"""``brief``: the command line. Commands are thin wrappers over the library."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path
from typing import Annotated

import httpx
import typer
from pydantic import ValidationError
from rich.console import Console

from api.cli_cache import app as cache_app
from api.cli_prompts import app as prompts_app
from api.errors import BriefError
from api.render import print_brief
from api.schemas import Article, Brief, Engine, SummaryRequest
from api.settings import Settings
from evals.cli import app as eval_app

app = typer.Typer(
    name="brief",
    help="Brief: one structured, grounded brief from several news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (BRIEF_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (BRIEF_PORT).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI at /schema)."""
    import uvicorn

    settings = Settings()
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_level=settings.log_level,
    )


def article_id_for(path: Path, taken: set[str]) -> str:
    """A valid, unique article id from a file name (``seeds/a b.txt`` -> ``a-b``)."""
    stem = re.sub(r"[^A-Za-z0-9._:-]+", "-", path.stem).strip("-._:") or "article"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate[:128]


def articles_from_files(paths: list[Path]) -> list[Article]:
    """Each file is one article; a folder contributes its ``*.txt`` files in name order."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    taken: set[str] = set()
    return [
        Article(id=article_id_for(file, taken), text=file.read_text(encoding="utf-8"))
        for file in files
    ]


def report_problem(response: httpx.Response) -> None:
    """Print a problem-details answer as a person reads it: status, title, detail, fields."""
    try:
        problem = response.json()
    except ValueError:
        problem = {"title": response.reason_phrase, "detail": response.text}
    err.print(
        f"[red]error {response.status_code}[/red]: {problem.get('title', '')}: "
        f"{problem.get('detail', '')}",
        soft_wrap=True,
    )
    for item in problem.get("errors") or []:
        err.print(f"  {item.get('field') or '(body)'}: {item.get('message')}", soft_wrap=True)


async def summarize_in_process(request: SummaryRequest) -> Brief:
    """Run the service without HTTP: same engines, an in-process cache."""
    from api.app import build_service, build_store, close_service
    from api.settings import use_shipped_tiktoken_cache

    use_shipped_tiktoken_cache()
    settings = Settings()
    service = build_service(settings, build_store(settings))
    try:
        return (await service.summarize(request)).brief
    finally:
        await close_service(service)


def summarize_over_http(request: SummaryRequest, url: str, api_key: str | None) -> Brief:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    response = httpx.post(
        url.rstrip("/") + "/v1/summaries",
        json=request.model_dump(mode="json", exclude_none=True),
        headers=headers,
        timeout=300,
    )
    if response.status_code != 200:
        report_problem(response)
        raise typer.Exit(1)
    return Brief.model_validate(response.json())


@app.command()
def summarize(
    files: Annotated[list[Path], typer.Argument(exists=True, help="Article files or folders.")],
    url: Annotated[str | None, typer.Option(help="A running Brief service.")] = None,
    engine: Annotated[Engine, typer.Option(help="auto, extractive or llm.")] = Engine.AUTO,
    prompt: Annotated[str | None, typer.Option(help="Pin a prompt: NAME@VERSION.")] = None,
    api_key: Annotated[str | None, typer.Option(envvar="BRIEF_CLIENT_API_KEY")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the raw JSON brief.")] = False,
) -> None:
    """Summarize article files, in-process or through a running service (--url)."""
    try:
        request = SummaryRequest(articles=articles_from_files(files), engine=engine, prompt=prompt)
    except ValidationError as exc:
        err.print(f"[red]invalid input:[/red] {exc}")
        raise typer.Exit(2) from exc
    if url:
        brief = summarize_over_http(request, url, api_key)
    else:
        try:
            brief = asyncio.run(summarize_in_process(request))
        except BriefError as exc:
            # The same words the HTTP API would put in its problem details, without a traceback.
            err.print(f"[red]error {exc.status}[/red]: {exc.title}: {exc.detail}", soft_wrap=True)
            for field_error in exc.errors:
                err.print(
                    f"  {field_error.field or '(body)'}: {field_error.message}", soft_wrap=True
                )
            raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.write(brief.model_dump_json(indent=2) + "\n")
    else:
        print_brief(brief, Console())


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the brief (schema version 1)."""
    from api.schemas import brief_json_schema

    sys.stdout.write(json.dumps(brief_json_schema(), indent=2) + "\n")


app.add_typer(prompts_app, name="prompts")
app.add_typer(cache_app, name="cache")
app.add_typer(eval_app, name="eval")


def main() -> None:
    app()
