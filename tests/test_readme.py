"""The README documents every setting and the commands that exist, and its example answer is
the one the engine gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

from api.extractive import build_brief
from api.schemas import SummaryRequest
from api.settings import Settings, settings_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    missing = [
        f"BRIEF_{name.upper()}"
        for name in Settings.model_fields
        if f"| `BRIEF_{name.upper()}`" not in README
    ]
    assert not missing, f"document these settings in the README's table: {missing}"


def test_readme_table_is_the_generated_one() -> None:
    assert settings_table() in README, (
        "regenerate the table: python -c 'from api.settings import settings_table as t; print(t())'"
    )


def test_readme_names_the_two_commands() -> None:
    assert "bash scripts/run.sh" in README
    assert "bash scripts/test.sh" in README


def test_the_example_answer_is_the_engines_answer_today() -> None:
    """The README shows "the real answer" to its example request: it must not drift from what
    the extractive engine gives (each list cut to its first item and a count of the rest)."""
    request = re.search(r"-d @- <<'JSON'\n(.*?)\nJSON\n", README, re.S)
    shown = re.search(r"x-request-id: readme-1\n\n(\{.*?\n\})\n```", README, re.S)
    assert request is not None
    assert shown is not None
    payload = SummaryRequest.model_validate_json(request.group(1))
    brief = build_brief(payload.articles, payload.options).model_dump(mode="json")
    answer = json.loads(shown.group(1))
    assert answer["headline"] == brief["headline"]
    assert answer["summary"] == brief["summary"]
    for field in ("who", "what", "stance", "numbers", "disagreements"):
        items = brief[field]
        expected = [items[0], f"... {len(items) - 1} more"] if len(items) > 1 else items
        assert answer[field] == expected, field
    assert answer["provenance"]["grounding"] == brief["provenance"]["grounding"]
