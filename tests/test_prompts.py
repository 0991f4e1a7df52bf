"""The prompt registry: validation at start-up, the release lock, labels, pins, routes, CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from litestar.stores.memory import MemoryStore
from litestar.testing import AsyncTestClient
from typer.testing import CliRunner

from api.app import build_engines, create_app
from api.cli import app as cli
from api.errors import InvalidRequest
from api.prompts import PromptError, PromptRegistry, content_sha256, write_lock
from api.schemas import Brief
from api.settings import Settings
from tests.fixtures.llm_stub import LLMStub, stub_settings

PROMPTS = Settings().prompts_dir


@pytest.fixture
def prompts_copy(tmp_path: Path) -> Path:
    """A writable copy of the real prompts directory."""
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS, target)
    return target


def release_v2(prompts: Path) -> None:
    """What a prompt engineer does: add summarize@2 and move the production label to it."""
    v1 = prompts / "summarize" / "v1.md"
    v1_text = v1.read_text(encoding="utf-8")
    v2_text = v1_text.replace("version: 1\n", "version: 2\n", 1).replace(
        "You are a careful news editor.", "You are a careful, terse news editor.", 1
    )
    (prompts / "summarize" / "v2.md").write_text(v2_text, encoding="utf-8")
    v1.write_text(v1_text.replace("labels: [production]", "labels: []", 1), encoding="utf-8")


# --- the lock ------------------------------------------------------------------------------


def test_released_prompt_files_are_unchanged() -> None:
    """Fails when a released prompt file is edited: add a new version instead."""
    registry = PromptRegistry.load(PROMPTS)
    assert registry.lock_mismatches() == []
    assert {"summarize@1", "extract@1"} <= set(registry.locked)


def test_editing_a_released_file_is_detected(prompts_copy: Path) -> None:
    path = prompts_copy / "summarize" / "v1.md"
    path.write_text(path.read_text().replace("neutral", "punchy", 1))
    problems = PromptRegistry.load(prompts_copy).lock_mismatches()
    assert len(problems) == 1
    assert problems[0].startswith("summarize@1: released file")


def test_deleting_a_released_file_is_detected(prompts_copy: Path) -> None:
    (prompts_copy / "extract" / "v1.md").unlink()
    (prompts_copy / "summarize" / "v1.md").write_text(
        (prompts_copy / "summarize" / "v1.md").read_text().replace("map_prompt: extract@1\n", "")
    )
    registry = PromptRegistry.load(prompts_copy)
    assert "extract@1: released but its file is gone" in registry.lock_mismatches()


def test_moving_a_label_does_not_change_the_content_hash(prompts_copy: Path) -> None:
    before = PromptRegistry.load(prompts_copy).get_ref("summarize@1").sha256
    release_v2(prompts_copy)
    registry = PromptRegistry.load(prompts_copy)
    assert registry.get_ref("summarize@1").sha256 == before
    assert registry.lock_mismatches() == []
    assert [p.ref for p in registry.unreleased() if p.name == "summarize"] == ["summarize@2"]


def test_content_hash_ignores_only_the_labels_entry() -> None:
    base = content_sha256("version: 1\nlabels: [production]\ndescription: x", "body")
    assert base == content_sha256("version: 1\nlabels:\n  - staging\ndescription: x", "body")
    assert base != content_sha256("version: 1\nlabels: []\ndescription: y", "body")
    assert base != content_sha256("version: 1\nlabels: []\ndescription: x", "body!")


def test_lock_adds_new_versions_and_keeps_released_ones(prompts_copy: Path) -> None:
    release_v2(prompts_copy)
    registry = PromptRegistry.load(prompts_copy)
    old = dict(registry.locked)
    added = write_lock(registry)
    assert "summarize@2" in added
    relocked = PromptRegistry.load(prompts_copy).locked
    assert {ref: relocked[ref] for ref in old} == old


# --- validation at start-up ----------------------------------------------------------------

GOOD = """---
version: 1
description: test
output_schema: brief-v1
labels: [production]
---
## system
Rules, at most {{ max_items }} items.
## user
{% for article in articles %}{{ article.text | data }}{% endfor %}{{ notes | length }}
"""


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        (GOOD.replace("version: 1", "version: 2"), "front matter says version 2"),
        (GOOD.replace("description: test\n", ""), "invalid front matter"),
        (GOOD.replace("labels: [production]", "labels: [production"), "invalid front matter"),
        (GOOD.replace("output_schema: brief-v1", "output_schema: poem-v1"), "unknown output"),
        (GOOD.replace("{{ max_items }}", "{{ max_itemz }}"), "does not render"),
        (GOOD.replace("{% endfor %}", ""), "template syntax error"),
        (GOOD.replace("## system\n", ""), "sections must be"),
        (GOOD.replace("---\nversion", "version"), "missing YAML front matter"),
        (GOOD.replace("description: test", "description: test\ntemperature: 3"), "invalid"),
    ],
)
def test_broken_prompt_fails_the_load(tmp_path: Path, text: str, complaint: str) -> None:
    (tmp_path / "summarize").mkdir()
    (tmp_path / "summarize" / "v1.md").write_text(text)
    with pytest.raises(PromptError, match=complaint):
        PromptRegistry.load(tmp_path)


def test_good_prompt_loads(tmp_path: Path) -> None:
    (tmp_path / "summarize").mkdir()
    (tmp_path / "summarize" / "v1.md").write_text(GOOD)
    assert PromptRegistry.load(tmp_path).labelled("summarize", "production").version == 1


def test_two_versions_with_one_label_fail_the_load(tmp_path: Path) -> None:
    (tmp_path / "summarize").mkdir()
    (tmp_path / "summarize" / "v1.md").write_text(GOOD)
    (tmp_path / "summarize" / "v2.md").write_text(GOOD.replace("version: 1", "version: 2"))
    with pytest.raises(PromptError, match="label 'production' is on v1 and v2"):
        PromptRegistry.load(tmp_path)


async def test_broken_prompt_stops_the_service_at_start_up(
    prompts_copy: Path, llm_stub: LLMStub
) -> None:
    path = prompts_copy / "extract" / "v1.md"
    path.write_text(path.read_text().replace("{{ article.id }}", "{{ article.idd }}"))
    settings = stub_settings(llm_stub, prompts_dir=prompts_copy)
    # What the app's lifespan runs first: engine construction loads every prompt.
    with pytest.raises(PromptError, match="does not render"):
        build_engines(settings, MemoryStore())
    with pytest.RaisesGroup(PromptError, flatten_subgroups=True, match=None):
        async with AsyncTestClient(app=create_app(settings)):
            pass


# --- labels and pins -----------------------------------------------------------------------


async def test_new_version_with_the_production_label_becomes_the_default(
    prompts_copy: Path, llm_stub: LLMStub, seed_text: str
) -> None:
    release_v2(prompts_copy)
    settings = stub_settings(llm_stub, prompts_dir=prompts_copy)
    articles = [{"id": "a1", "text": seed_text}]
    async with AsyncTestClient(app=create_app(settings)) as client:
        default = await client.post("/v1/summaries", json={"articles": articles})
        pinned = await client.post(
            "/v1/summaries", json={"articles": articles, "prompt": "summarize@1"}
        )
    default_ref = Brief.model_validate(default.json()).provenance.prompt
    pinned_ref = Brief.model_validate(pinned.json()).provenance.prompt
    assert default_ref is not None
    assert pinned_ref is not None
    assert (default_ref.name, default_ref.version) == ("summarize", 2)
    assert (pinned_ref.name, pinned_ref.version) == ("summarize", 1)
    assert default_ref.sha256 != pinned_ref.sha256
    systems = [body["messages"][0]["content"] for body in llm_stub.requests]
    assert "terse" in systems[0]
    assert "terse" not in systems[1]


async def test_staging_label_is_chosen_by_setting(
    prompts_copy: Path, llm_stub: LLMStub, seed_text: str
) -> None:
    release_v2(prompts_copy)
    v2 = prompts_copy / "summarize" / "v2.md"
    v2.write_text(v2.read_text().replace("labels: [production]", "labels: [staging]", 1))
    v1 = prompts_copy / "summarize" / "v1.md"
    v1.write_text(v1.read_text().replace("labels: []", "labels: [production]", 1))
    settings = stub_settings(llm_stub, prompts_dir=prompts_copy, prompt_label="staging")
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.post(
            "/v1/summaries", json={"articles": [{"id": "a", "text": seed_text}]}
        )
    prompt = Brief.model_validate(response.json()).provenance.prompt
    assert prompt is not None
    assert prompt.version == 2


@pytest.mark.parametrize("pin", ["summarize@9", "nothing@1", "extract@1"])
async def test_unusable_pin_is_422_at_the_prompt_field(
    llm_stub: LLMStub, seed_text: str, pin: str
) -> None:
    async with AsyncTestClient(app=create_app(stub_settings(llm_stub))) as client:
        response = await client.post(
            "/v1/summaries", json={"articles": [{"id": "a", "text": seed_text}], "prompt": pin}
        )
    assert response.status_code == 422
    problem = response.json()
    assert problem["errors"][0]["pointer"] == "#/prompt"
    assert pin in problem["detail"]
    assert llm_stub.requests == []


def test_resolve_raises_invalid_request() -> None:
    registry = PromptRegistry.load(PROMPTS)
    with pytest.raises(InvalidRequest):
        registry.resolve("summarize@99", name="summarize", label="production")
    assert registry.resolve(None, name="summarize", label="production").ref == "summarize@1"


# --- routes --------------------------------------------------------------------------------


async def test_list_prompts_route() -> None:
    from tests.conftest import settings_for

    async with AsyncTestClient(app=create_app(settings_for())) as client:
        response = await client.get("/v1/prompts")
    assert response.status_code == 200
    body = response.json()
    by_ref = {p["ref"]: p for p in body["prompts"]}
    registry = PromptRegistry.load(PROMPTS)
    assert by_ref["summarize@1"]["sha256"] == registry.get_ref("summarize@1").sha256
    assert by_ref["summarize@1"]["labels"] == ["production"]
    assert by_ref["summarize@1"]["released"] is True
    assert by_ref["summarize@1"]["map_prompt"] == "extract@1"
    assert body["defaults"]["summarize"] == {"production": 1}


async def test_show_prompt_route() -> None:
    from tests.conftest import settings_for

    async with AsyncTestClient(app=create_app(settings_for())) as client:
        found = await client.get("/v1/prompts/summarize/1")
        missing = await client.get("/v1/prompts/summarize/99")
    assert found.status_code == 200
    assert found.json()["source"] == (PROMPTS / "summarize" / "v1.md").read_text()
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


# --- CLI -----------------------------------------------------------------------------------


def test_cli_list_show_diff_check(prompts_copy: Path) -> None:
    release_v2(prompts_copy)
    runner = CliRunner()
    listed = runner.invoke(cli, ["prompts", "list", "--json", "--dir", str(prompts_copy)])
    assert listed.exit_code == 0, listed.output
    assert '"summarize@2"' in listed.stdout

    shown = runner.invoke(cli, ["prompts", "show", "summarize@2", "--dir", str(prompts_copy)])
    assert shown.exit_code == 0
    assert shown.stdout == (prompts_copy / "summarize" / "v2.md").read_text()

    diffed = runner.invoke(
        cli, ["prompts", "diff", "summarize@1", "summarize@2", "--dir", str(prompts_copy)]
    )
    assert diffed.exit_code == 0
    assert "-You are a careful news editor." in diffed.stdout
    assert "+You are a careful, terse news editor." in diffed.stdout

    checked = runner.invoke(cli, ["prompts", "check", "--dir", str(prompts_copy)])
    assert checked.exit_code == 0

    unknown = runner.invoke(cli, ["prompts", "show", "summarize@7", "--dir", str(prompts_copy)])
    assert unknown.exit_code == 2


def test_cli_check_fails_on_an_edited_release(prompts_copy: Path) -> None:
    path = prompts_copy / "extract" / "v1.md"
    path.write_text(path.read_text() + "\nOne more rule.\n")
    result = CliRunner().invoke(cli, ["prompts", "check", "--dir", str(prompts_copy)])
    assert result.exit_code == 1
    assert "extract@1: released file" in result.output
