"""``brief prompts list|show|diff|check|lock``: thin wrappers over ``api.prompts``."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.prompts import Prompt, PromptError, PromptRegistry, write_lock
from api.settings import Settings

app = typer.Typer(help="Versioned prompts: list, show, diff, check the lock.", no_args_is_help=True)
err = Console(stderr=True)

DirOption = Annotated[
    Path | None, typer.Option("--dir", help="Prompts directory (default BRIEF_PROMPTS_DIR).")
]


def _registry(directory: Path | None) -> PromptRegistry:
    try:
        return PromptRegistry.load(directory or Settings().prompts_dir)
    except PromptError as exc:
        err.print(f"[red]broken prompt:[/red] {exc}")
        raise typer.Exit(1) from exc


def _get(registry: PromptRegistry, ref: str) -> Prompt:
    try:
        return registry.get_ref(ref)
    except PromptError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


@app.command("list")
def list_prompts(
    directory: DirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every prompt version with its labels, hash and release state."""
    registry = _registry(directory)
    rows = [prompt.summary(registry.locked) for prompt in registry.all()]
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("prompt", "labels", "locked", "sha256")
    for column in table.columns:
        column.no_wrap = True
    # One line per version: the description is for reading, the rest is for scanning.
    table.add_column("description", overflow="fold")
    for row in rows:
        table.add_row(
            row["ref"],
            ", ".join(row["labels"]),
            "yes" if row["released"] else "no",
            row["sha256"][:12],
            row["description"],
        )
    Console().print(table)


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION, e.g. summarize@1")],
    directory: DirOption = None,
) -> None:
    """Print one prompt file as it is on disk."""
    prompt = _get(_registry(directory), ref)
    sys.stdout.write(prompt.source if prompt.source.endswith("\n") else prompt.source + "\n")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="NAME@VERSION")],
    new: Annotated[str, typer.Argument(help="NAME@VERSION")],
    directory: DirOption = None,
) -> None:
    """Unified diff between two prompt versions."""
    registry = _registry(directory)
    a, b = _get(registry, old), _get(registry, new)
    lines = difflib.unified_diff(
        a.source.splitlines(keepends=True),
        b.source.splitlines(keepends=True),
        fromfile=a.ref,
        tofile=b.ref,
    )
    sys.stdout.writelines(lines)


@app.command()
def check(directory: DirOption = None) -> None:
    """Validate every prompt and compare released files with prompts.lock (exit 1 on a problem)."""
    registry = _registry(directory)
    problems = registry.lock_mismatches()
    for problem in problems:
        err.print(f"[red]{problem}[/red]")
    unreleased = [prompt.ref for prompt in registry.unreleased()]
    if unreleased:
        err.print(f"unreleased (not in the lock): {', '.join(unreleased)}")
    if problems:
        raise typer.Exit(1)
    sys.stdout.write(f"{len(registry.all())} prompt(s) valid; the lock matches\n")


@app.command()
def lock(directory: DirOption = None) -> None:
    """Release every unreleased version: add its hash to prompts.lock (released ones stay)."""
    registry = _registry(directory)
    if registry.lock_mismatches():
        err.print("[red]a released file changed; restore it before locking new versions[/red]")
        raise typer.Exit(1)
    added = write_lock(registry)
    sys.stdout.write(f"released: {', '.join(added) or 'nothing new'}\n")
