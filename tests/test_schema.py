"""The committed JSON Schema of the brief is generated from the models, never edited by hand."""

from __future__ import annotations

import json
from pathlib import Path

from api.schemas import brief_json_schema

COMMITTED = Path(__file__).resolve().parent.parent / "api" / "brief.schema.json"


def test_committed_json_schema_matches_the_models() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == brief_json_schema(), (
        "api/brief.schema.json is stale: regenerate it with `brief schema > api/brief.schema.json`"
    )


def test_schema_pins_version_one_and_evidence() -> None:
    schema = brief_json_schema()
    assert schema["properties"]["schema_version"]["const"] == 1
    evidence = schema["$defs"]["Evidence"]["required"]
    assert evidence == ["article", "start", "end", "text"]
