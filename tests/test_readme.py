"""The README documents every setting and the commands that exist."""

from __future__ import annotations

from pathlib import Path

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
