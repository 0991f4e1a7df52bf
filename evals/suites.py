"""Suites: the dataset step of an eval. A suite is a file or a folder; adding one needs no code.

- a gold story: one ``*.json`` file in the format of ``shared/gold/README.md``;
- a reference cluster: a folder with article ``*.txt`` files and a human ``reference.txt``
  (scored with ROUGE only);
- a suite folder: any mix of gold ``*.json`` files and cluster subfolders.

``--suite dev`` names ``evals/datasets/dev``; anything else is taken as a path.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from api.schemas import Article
from evals.gold import GoldStory, gold_articles, load_gold_story

REPO_ROOT = Path(__file__).resolve().parent.parent
DATASETS_DIR = Path(__file__).resolve().parent / "datasets"
REFERENCE_FILE = "reference.txt"


class SuiteError(ValueError):
    """A suite that cannot be found or read."""


@dataclass(frozen=True)
class SuiteStory:
    """One story to summarize, with what it is judged against: a gold brief or a reference."""

    id: str
    kind: Literal["gold", "reference"]
    articles: list[Article]
    gold: GoldStory | None = None
    reference: str | None = None

    def content_hash(self) -> str:
        """Hash of everything that changes this story's scores: articles and gold/reference."""
        payload = {
            "id": self.id,
            "articles": [a.model_dump(mode="json") for a in self.articles],
            "gold": self.gold.gold.model_dump(mode="json") if self.gold else None,
            "reference": self.reference,
        }
        return hashlib.sha256(_canonical(payload)).hexdigest()


@dataclass(frozen=True)
class Suite:
    """A named, ordered set of stories; ``content_hash`` tells two versions of a suite apart."""

    name: str
    path: Path
    stories: list[SuiteStory]

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for story in sorted(self.stories, key=lambda s: s.id):
            digest.update(story.content_hash().encode())
        return digest.hexdigest()

    def story(self, story_id: str) -> SuiteStory | None:
        return next((s for s in self.stories if s.id == story_id), None)


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def resolve_suite(name_or_path: str | Path, datasets_dir: Path = DATASETS_DIR) -> Path:
    """A suite name under ``evals/datasets/`` or a path to a file or folder."""
    named = datasets_dir / str(name_or_path)
    if isinstance(name_or_path, str) and "/" not in name_or_path and named.exists():
        return named
    path = Path(name_or_path)
    if path.exists():
        return path.resolve()
    known = sorted(p.name for p in datasets_dir.iterdir()) if datasets_dir.is_dir() else []
    raise SuiteError(
        f"no suite {str(name_or_path)!r}: not a folder under {datasets_dir} "
        f"(known: {', '.join(known) or 'none'}) nor an existing path"
    )


def load_gold_file(path: Path) -> SuiteStory:
    try:
        story = load_gold_story(path, REPO_ROOT)
    except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
        raise SuiteError(f"{path}: {exc}") from exc
    return SuiteStory(id=story.id, kind="gold", articles=gold_articles(story), gold=story)


def load_cluster(folder: Path) -> SuiteStory:
    """A corpus cluster: every ``*.txt`` but the reference is an article, in name order."""
    files = [p for p in sorted(folder.glob("*.txt")) if p.name != REFERENCE_FILE]
    if not files:
        raise SuiteError(f"{folder}: a cluster needs article .txt files next to {REFERENCE_FILE}")
    # The same ids as `brief summarize FOLDER` gives. Imported here because api.cli imports
    # evals.cli (which imports this module) to register `brief eval`.
    from api.cli import articles_from_files

    articles = articles_from_files(files)
    reference = (folder / REFERENCE_FILE).read_text(encoding="utf-8").strip()
    return SuiteStory(id=folder.name, kind="reference", articles=articles, reference=reference)


def load_suite(name_or_path: str | Path, datasets_dir: Path = DATASETS_DIR) -> Suite:
    """Resolve and read a suite; story ids must be unique because results are keyed by them."""
    path = resolve_suite(name_or_path, datasets_dir)
    stories: list[SuiteStory] = []
    if path.is_file():
        stories.append(load_gold_file(path))
    elif (path / REFERENCE_FILE).is_file():
        stories.append(load_cluster(path))
    else:
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix == ".json":
                stories.append(load_gold_file(child))
            elif child.is_dir() and (child / REFERENCE_FILE).is_file():
                stories.append(load_cluster(child))
    if not stories:
        raise SuiteError(f"{path}: no gold *.json files and no clusters with {REFERENCE_FILE}")
    seen: set[str] = set()
    for story in stories:
        if story.id in seen:
            raise SuiteError(f"{path}: story id {story.id!r} appears twice")
        seen.add(story.id)
    name = path.stem if path.is_file() else path.name
    return Suite(name=name, path=path, stories=stories)
