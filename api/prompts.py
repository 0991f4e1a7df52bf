"""The prompt registry: versioned prompt files in ``prompts/<name>/v<N>.md``.

Each file is YAML front matter (version, description, model defaults, output schema, labels)
and a Jinja2 template with a ``## system`` and a ``## user`` section. Every file is loaded and
validated at start-up, so a broken prompt stops the service before it answers anything. Labels
(``production``, ``staging``) choose the default version; a request may pin ``NAME@VERSION``.
``prompts/prompts.lock`` holds the sha256 of every released file: released files never change.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.errors import InvalidRequest

LOCK_FILE = "prompts.lock"
_FILE_NAME = re.compile(r"^v([0-9]+)\.md$")
_PROMPT_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_SECTION = re.compile(r"^## (system|user)[ \t]*$", re.MULTILINE)
_PIN = re.compile(r"^([a-z][a-z0-9_-]*)@([0-9]+)$")


class PromptError(Exception):
    """A prompt file is broken or a prompt reference cannot be resolved."""


class ModelDefaults(BaseModel):
    """Sampling defaults the prompt was written for; ``BRIEF_LLM_MAX_OUTPUT_TOKENS`` caps
    ``max_tokens``."""

    model_config = ConfigDict(extra="forbid")

    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    max_tokens: int | None = Field(default=None, ge=16)
    seed: int | None = None


class FrontMatter(BaseModel):
    """The YAML header of a prompt file."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, description="If given, the folder's name.")
    version: int = Field(ge=1)
    description: str = Field(min_length=1)
    output_schema: str = Field(description="What the model answers: brief-v1, notes-v1...")
    labels: list[str] = Field(default_factory=list)
    model_defaults: ModelDefaults = Field(default_factory=ModelDefaults)
    map_prompt: str | None = Field(
        default=None,
        description="NAME@VERSION of the per-article extraction prompt used for long stories.",
    )


def _data_block(text: object) -> str:
    """Article text goes between ``<article>`` tags; a closing tag inside it must not end the
    block early, or an article could smuggle instructions out of its data section."""
    return re.sub(r"(?i)<(/?)(article|notes)\b", r"<\1\2_", str(text))


def _environment() -> jinja2.Environment:
    # StrictUndefined: a misspelt variable is an error at load time, not an empty string.
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["data"] = _data_block
    return env


_ENV = _environment()


@dataclass(frozen=True)
class Prompt:
    """One version of one prompt, parsed and compiled."""

    name: str
    version: int
    front: FrontMatter
    source: str
    sha256: str
    path: Path
    system: jinja2.Template | None = field(repr=False, compare=False)
    user: jinja2.Template = field(repr=False, compare=False)

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def labels(self) -> list[str]:
        return self.front.labels

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """The chat messages for these variables (``jinja2.UndefinedError`` if one is missing)."""
        messages = [{"role": "user", "content": self.user.render(**variables).strip()}]
        if self.system is not None:
            messages.insert(
                0, {"role": "system", "content": self.system.render(**variables).strip()}
            )
        return messages

    def summary(self, locked: Mapping[str, str]) -> dict[str, Any]:
        """What ``GET /v1/prompts`` and ``brief prompts list`` show."""
        return {
            "name": self.name,
            "version": self.version,
            "ref": self.ref,
            "description": self.front.description,
            "labels": self.labels,
            "output_schema": self.front.output_schema,
            "model_defaults": self.front.model_defaults.model_dump(exclude_none=True),
            "map_prompt": self.front.map_prompt,
            "sha256": self.sha256,
            "released": self.ref in locked,
        }


# Sample variables each output schema's template must render with at load time: a template that
# uses a variable the engine does not pass fails the start-up, not the first request.
_SAMPLE_ARTICLE = {"id": "a1", "title": "Title", "source": "Wire", "text": "Text."}
_SAMPLES: dict[str, list[dict[str, Any]]] = {
    "brief-v1": [
        {"articles": [_SAMPLE_ARTICLE], "notes": [], "max_items": 5, "max_summary_sentences": 3},
        {
            "articles": [],
            "notes": [{"article": "a1", "json": "{}"}],
            "max_items": 5,
            "max_summary_sentences": 3,
        },
    ],
    "notes-v1": [{"article": _SAMPLE_ARTICLE, "max_items": 5}],
    # The eval harness's model judge (evals/judge.py) renders with the story and the brief.
    "judge-v1": [{"articles": [_SAMPLE_ARTICLE], "brief": {"headline": "H", "summary": "S"}}],
}


_LABELS_ENTRY = re.compile(r"^labels:.*(?:\n(?:[ \t]+.*|-.*))*\n?", re.MULTILINE)


def content_sha256(header: str, body: str) -> str:
    """The hash that identifies a prompt version: the file without its ``labels`` entry.

    Labels say where a version is deployed, not what it says: moving ``production`` from v1 to
    v2 edits both files' labels but neither's content, so the lock, the cache keys and the
    provenance hashes stay valid, and rolling back is moving the label back.
    """
    material = "---\n" + _LABELS_ENTRY.sub("", header) + "\n---\n" + body
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def parse_prompt_file(path: Path, name: str) -> Prompt:
    """Parse and validate one prompt file; ``PromptError`` says what is wrong and where."""
    match = _FILE_NAME.match(path.name)
    if not match:
        raise PromptError(f"{path}: prompt files are named v<N>.md")
    raw = path.read_bytes()
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PromptError(f"{path}: not UTF-8 ({exc})") from exc
    if not source.startswith("---\n"):
        raise PromptError(f"{path}: missing YAML front matter (a first line '---')")
    header, sep, body = source[4:].partition("\n---\n")
    if not sep:
        raise PromptError(f"{path}: the front matter is not closed by a line '---'")
    try:
        loaded = yaml.safe_load(header)
        front = FrontMatter.model_validate(loaded)
    except (yaml.YAMLError, ValidationError) as exc:
        raise PromptError(f"{path}: invalid front matter: {exc}") from exc
    if front.version != int(match.group(1)):
        raise PromptError(f"{path}: front matter says version {front.version}")
    if front.output_schema not in _SAMPLES:
        raise PromptError(
            f"{path}: unknown output_schema {front.output_schema!r} "
            f"(known: {', '.join(sorted(_SAMPLES))})"
        )
    if front.name is not None and front.name != name:
        raise PromptError(f"{path}: front matter names it {front.name!r}, its folder {name!r}")
    parts = _SECTION.split(body)
    # split() with one group gives [before, name, text, name, text]: a '## system' then a
    # '## user' section; a body without sections is one user message.
    if len(parts) == 1:
        system_source, user_source = None, body
    elif len(parts) == 5 and parts[1] == "system" and parts[3] == "user" and not parts[0].strip():
        system_source, user_source = parts[2], parts[4]
    else:
        raise PromptError(f"{path}: sections must be '## system' then '## user' (or none)")
    try:
        system = _ENV.from_string(system_source) if system_source is not None else None
        user = _ENV.from_string(user_source)
    except jinja2.TemplateSyntaxError as exc:
        raise PromptError(f"{path}:{exc.lineno}: template syntax error: {exc.message}") from exc
    prompt = Prompt(
        name=name,
        version=front.version,
        front=front,
        source=source,
        sha256=content_sha256(header, body),
        path=path,
        system=system,
        user=user,
    )
    for sample in _SAMPLES[front.output_schema]:
        try:
            prompt.render(**sample)
        except jinja2.TemplateError as exc:
            raise PromptError(f"{path}: template does not render: {exc}") from exc
    return prompt


def read_lock(directory: Path) -> dict[str, str]:
    """``NAME@VERSION -> sha256`` of the released prompt files."""
    lock = directory / LOCK_FILE
    if not lock.exists():
        return {}
    entries: dict[str, str] = {}
    for number, raw in enumerate(lock.read_text(encoding="utf-8").splitlines(), 1):
        parts = raw.split("#", 1)[0].split()
        if not parts:
            continue
        if (
            len(parts) != 2
            or not _PIN.match(parts[0])
            or not re.fullmatch(r"[0-9a-f]{64}", parts[1])
        ):
            raise PromptError(f"{lock}:{number}: expected 'NAME@VERSION SHA256'")
        entries[parts[0]] = parts[1]
    return entries


class PromptRegistry:
    """Every prompt version under one directory, validated, with label lookups."""

    def __init__(self, directory: Path, prompts: list[Prompt], locked: dict[str, str]) -> None:
        self.directory = directory
        self.locked = locked
        self._by_ref = {prompt.ref: prompt for prompt in prompts}

    @classmethod
    def load(cls, directory: Path) -> PromptRegistry:
        """Load and validate every prompt; the first broken one raises ``PromptError``."""
        if not directory.is_dir():
            raise PromptError(f"prompts directory {directory} does not exist")
        prompts: list[Prompt] = []
        for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
            if not _PROMPT_NAME.match(folder.name):
                raise PromptError(f"{folder}: prompt names are lowercase [a-z0-9_-]")
            prompts.extend(parse_prompt_file(path, folder.name) for path in folder.glob("v*.md"))
        registry = cls(directory, prompts, read_lock(directory))
        registry._check_labels_and_links()
        return registry

    def _check_labels_and_links(self) -> None:
        for name in self.names():
            seen: dict[str, int] = {}
            for prompt in self.versions(name):
                for label in prompt.labels:
                    if label in seen:
                        raise PromptError(
                            f"{name}: label {label!r} is on v{seen[label]} and v{prompt.version}"
                        )
                    seen[label] = prompt.version
        for prompt in self._by_ref.values():
            if prompt.front.map_prompt:
                mapped = self._by_ref.get(prompt.front.map_prompt)
                if mapped is None:
                    raise PromptError(
                        f"{prompt.path}: map_prompt {prompt.front.map_prompt!r} is unknown"
                    )
                if mapped.front.output_schema != "notes-v1":
                    raise PromptError(f"{prompt.path}: map_prompt must output notes-v1")

    def names(self) -> list[str]:
        return sorted({prompt.name for prompt in self._by_ref.values()})

    def versions(self, name: str) -> list[Prompt]:
        return sorted((p for p in self._by_ref.values() if p.name == name), key=lambda p: p.version)

    def all(self) -> list[Prompt]:
        return sorted(self._by_ref.values(), key=lambda p: (p.name, p.version))

    def get(self, name: str, version: int) -> Prompt | None:
        return self._by_ref.get(f"{name}@{version}")

    def get_ref(self, ref: str) -> Prompt:
        """``NAME@VERSION`` -> the prompt; ``PromptError`` when absent."""
        prompt = self._by_ref.get(ref)
        if prompt is None:
            raise PromptError(f"no prompt {ref!r} (known: {', '.join(sorted(self._by_ref))})")
        return prompt

    def labelled(self, name: str, label: str) -> Prompt:
        """The version of ``name`` carrying ``label``: this is how the default is chosen."""
        for prompt in self.versions(name):
            if label in prompt.labels:
                return prompt
        raise PromptError(f"no version of prompt {name!r} is labelled {label!r}")

    def resolve(self, pin: str | None, *, name: str, label: str) -> Prompt:
        """The prompt a request runs: its pin, else the labelled version of ``name``.

        An unknown pin, or a pin of a prompt that does not write a brief, is the client's
        mistake: ``InvalidRequest`` (422) pointing at ``#/prompt``.
        """
        if pin is None:
            return self.labelled(name, label)
        prompt = self._by_ref.get(pin)
        if prompt is None:
            known = [p.ref for p in self.all() if p.front.output_schema == "brief-v1"]
            raise InvalidRequest(
                f"unknown prompt {pin!r}; known: {', '.join(known)}", pointer="#/prompt"
            )
        if prompt.front.output_schema != "brief-v1":
            raise InvalidRequest(
                f"prompt {pin!r} does not write a brief (it outputs {prompt.front.output_schema})",
                pointer="#/prompt",
            )
        return prompt

    def lock_mismatches(self) -> list[str]:
        """Released versions whose file changed or disappeared (empty when all is well)."""
        problems = []
        for ref, digest in sorted(self.locked.items()):
            prompt = self._by_ref.get(ref)
            if prompt is None:
                problems.append(f"{ref}: released but its file is gone")
            elif prompt.sha256 != digest:
                problems.append(
                    f"{ref}: released file {prompt.path} was edited "
                    f"(lock {digest[:12]}, file {prompt.sha256[:12]}); add a new version instead"
                )
        return problems

    def unreleased(self) -> list[Prompt]:
        return [prompt for prompt in self.all() if prompt.ref not in self.locked]


def write_lock(registry: PromptRegistry) -> list[str]:
    """Add every unreleased version to the lock; released entries are never rewritten."""
    added = [prompt for prompt in registry.unreleased()]
    entries = dict(registry.locked)
    entries.update({prompt.ref: prompt.sha256 for prompt in added})
    lines = [
        "# Released prompt versions: NAME@VERSION SHA256. A released file never changes;",
        "# the hash leaves out the front matter's labels, which may move between versions.",
    ]
    lines += [f"{ref} {digest}" for ref, digest in sorted(entries.items())]
    (registry.directory / LOCK_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [prompt.ref for prompt in added]


@lru_cache(maxsize=8)
def registry_for(directory: Path) -> PromptRegistry:
    """The registry of ``directory``, loaded once per process (start-up validation)."""
    return PromptRegistry.load(directory)
