"""``brief cache``: inspect and purge the Redis cache. Thin wrappers over ``api.cache``."""

from __future__ import annotations

import asyncio
import re
from typing import Annotated

import httpx
import typer
from redis.exceptions import RedisError
from rich.console import Console
from rich.table import Table

from api.cache import CacheStats, cache_stats, purge, redis_client_for
from api.settings import Settings

app = typer.Typer(
    help="Inspect and purge the brief cache (Redis; set BRIEF_REDIS_URL).",
    no_args_is_help=True,
)
err = Console(stderr=True)

PROMPT_PIN = r"^[A-Za-z0-9_.-]+@[0-9]+$"


def _redis_url(url: str | None) -> str:
    resolved = url or Settings().redis_url
    if not resolved:
        err.print(
            "No Redis configured (BRIEF_REDIS_URL or --redis-url): the service uses its "
            "in-process cache, which lives and dies with the server process."
        )
        raise typer.Exit(2)
    return resolved


async def _stats(url: str, namespace: str, wait_seconds: float) -> CacheStats:
    redis = redis_client_for(url, wait_seconds)
    try:
        return await cache_stats(redis, namespace)
    finally:
        await redis.aclose()


async def _purge(url: str, namespace: str, prompt: str | None, wait_seconds: float) -> int:
    redis = redis_client_for(url, wait_seconds)
    try:
        return await purge(redis, namespace, prompt)
    finally:
        await redis.aclose()


def _service_counters(service_url: str, api_key: str | None) -> list[str]:
    """The ``brief_cache_*`` lines of a running service's ``/metrics``."""
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    response = httpx.get(service_url.rstrip("/") + "/metrics", headers=headers, timeout=10)
    response.raise_for_status()
    return [
        line
        for line in response.text.splitlines()
        if line.startswith("brief_cache_") and not line.startswith("brief_cache_backend")
    ]


RedisUrl = Annotated[
    str | None, typer.Option("--redis-url", help="Defaults to BRIEF_REDIS_URL.", show_default=False)
]
Namespace = Annotated[
    str | None, typer.Option(help="Key namespace (BRIEF_CACHE_NAMESPACE).", show_default=False)
]


@app.command("stats")
def stats_command(
    redis_url: RedisUrl = None,
    namespace: Namespace = None,
    url: Annotated[
        str | None, typer.Option(help="Also show a running service's hit/miss counters.")
    ] = None,
    api_key: Annotated[str | None, typer.Option(envvar="BRIEF_CLIENT_API_KEY")] = None,
) -> None:
    """Entries and bytes by kind and prompt (SCAN, never KEYS), and the locks held now."""
    settings = Settings()
    resolved = _redis_url(redis_url)
    ns = namespace or settings.cache_namespace
    try:
        stats = asyncio.run(_stats(resolved, ns, max(settings.cache_redis_timeout_seconds, 5.0)))
    except RedisError as exc:
        err.print(f"[red]Redis at {resolved} did not answer:[/red] {exc}")
        raise typer.Exit(1) from exc
    table = Table(title=f"cache {ns!r} at {resolved}")
    for column in ("kind", "prompt", "entries", "bytes"):
        table.add_column(column, justify="right" if column in {"entries", "bytes"} else "left")
    for kind, prompt in sorted(stats.entries):
        table.add_row(
            kind,
            prompt,
            str(stats.entries[kind, prompt]),
            str(stats.bytes[kind, prompt]),
        )
    table.add_row("total", "", str(stats.total_entries), str(sum(stats.bytes.values())))
    console = Console()
    console.print(table)
    console.print(f"locks held: {stats.locks}; other keys in the namespace: {stats.other}")
    if url:
        try:
            lines = _service_counters(url, api_key)
        except httpx.HTTPError as exc:
            err.print(f"[red]could not read {url}/metrics:[/red] {exc}")
            raise typer.Exit(1) from exc
        console.print(f"service counters at {url} (this worker since it started):")
        for line in lines:
            console.print("  " + line, markup=False, highlight=False)


@app.command("purge")
def purge_command(
    prompt: Annotated[
        str | None,
        typer.Option(help="Only entries made with this prompt, NAME@VERSION.", show_default=False),
    ] = None,
    redis_url: RedisUrl = None,
    namespace: Namespace = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete cached briefs and extractions: all of them, or one prompt version's."""
    if prompt is not None and not re.match(PROMPT_PIN, prompt):
        err.print(f"[red]--prompt must look like NAME@VERSION, e.g. summarize@1; got {prompt!r}")
        raise typer.Exit(2)
    settings = Settings()
    resolved = _redis_url(redis_url)
    ns = namespace or settings.cache_namespace
    what = f"entries of prompt {prompt}" if prompt else "all entries"
    if not yes and not typer.confirm(f"Delete {what} in namespace {ns!r} at {resolved}?"):
        raise typer.Exit(1)
    try:
        deleted = asyncio.run(
            _purge(resolved, ns, prompt, max(settings.cache_redis_timeout_seconds, 5.0))
        )
    except RedisError as exc:
        err.print(f"[red]Redis at {resolved} did not answer:[/red] {exc}")
        raise typer.Exit(1) from exc
    Console().print(f"deleted {deleted} {what.removeprefix('all ')}")
