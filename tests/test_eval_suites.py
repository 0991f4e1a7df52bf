"""Suites are files or folders: gold JSON stories and reference clusters, found by name or path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.suites import DATASETS_DIR, SuiteError, load_suite, resolve_suite


def write_gold(folder: Path, story_id: str, text: str = "Alpha fired 3 shells.") -> Path:
    path = folder / f"{story_id}.json"
    payload = {
        "id": story_id,
        "articles": [{"id": "a1", "text": text}],
        "gold": {"headline": "Alpha fires", "summary": "Alpha fired three shells."},
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def write_cluster(folder: Path, name: str, reference: str = "Beta won.") -> Path:
    cluster = folder / name
    cluster.mkdir(parents=True)
    (cluster / "01-wire.txt").write_text("Beta won the vote on Monday.", encoding="utf-8")
    (cluster / "02-paper.txt").write_text("The vote went to Beta.", encoding="utf-8")
    (cluster / "reference.txt").write_text(reference + "\n", encoding="utf-8")
    return cluster


def test_a_name_resolves_under_the_datasets_folder() -> None:
    assert resolve_suite("dev") == DATASETS_DIR / "dev"


def test_an_unknown_suite_names_the_known_ones() -> None:
    with pytest.raises(SuiteError, match=r"known: .*dev"):
        resolve_suite("no-such-suite")


def test_a_folder_mixes_gold_stories_and_reference_clusters(tmp_path: Path) -> None:
    write_gold(tmp_path, "story-b")
    write_cluster(tmp_path, "cluster-a")
    suite = load_suite(tmp_path)
    assert [(s.id, s.kind) for s in suite.stories] == [
        ("cluster-a", "reference"),
        ("story-b", "gold"),
    ]
    cluster = suite.stories[0]
    assert [a.id for a in cluster.articles] == ["01-wire", "02-paper"]
    assert cluster.reference == "Beta won."
    assert suite.stories[1].articles[0].text == "Alpha fired 3 shells."


def test_a_single_file_or_cluster_is_a_suite(tmp_path: Path) -> None:
    assert [s.id for s in load_suite(write_gold(tmp_path, "one")).stories] == ["one"]
    assert [s.id for s in load_suite(write_cluster(tmp_path, "c")).stories] == ["c"]


def test_the_content_hash_follows_the_gold_not_the_file_layout(tmp_path: Path) -> None:
    write_cluster(tmp_path, "c", reference="Beta won.")
    first = load_suite(tmp_path).content_hash
    assert load_suite(tmp_path).content_hash == first
    (tmp_path / "c" / "reference.txt").write_text("Beta lost.", encoding="utf-8")
    assert load_suite(tmp_path).content_hash != first


def test_duplicate_story_ids_are_refused(tmp_path: Path) -> None:
    write_gold(tmp_path, "same")
    other = write_gold(tmp_path, "other")
    other.write_text(other.read_text().replace('"other"', '"same"'), encoding="utf-8")
    with pytest.raises(SuiteError, match="appears twice"):
        load_suite(tmp_path)


def test_the_dev_suite_loads_with_articles_resolved() -> None:
    suite = load_suite("dev")
    korea = suite.story("korea-artillery-2022-11")
    assert korea is not None
    assert korea.gold is not None
    assert "artillery" in korea.articles[0].text
