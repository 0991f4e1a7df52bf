"""Long stories: one extraction per article (the map), each cached on its own, then one merge.

Caching each extraction under (article id + content, prompt hash, model) means that adding an
article to a story re-extracts only that article: the others come from the store.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from litestar.stores.base import Store
from pydantic import ValidationError

from api.cache import entry_key_for
from api.llm.budget import Budget, count_message_tokens, split_to_fit
from api.llm.client import Sampling, StructuredChat
from api.llm.schema import ArticleNotes
from api.prompts import Prompt
from api.schemas import Article, Usage

log = logging.getLogger("brief.llm")

T = TypeVar("T")


@dataclass(frozen=True)
class Extraction:
    """The notes on one article (or one piece of a very long article)."""

    article: str
    notes: ArticleNotes
    usage: Usage
    cached: bool


def extraction_key(article: Article, piece: str, prompt: Prompt, model: str, max_items: int) -> str:
    """The store key of one extraction: what it was made from, nothing else. It has the layout
    of every cache entry, so ``brief cache stats`` and ``purge --prompt`` cover extractions."""
    material = {
        "id": article.id,
        "text": piece,
        "prompt": prompt.sha256,
        "model": model,
        "max_items": max_items,
    }
    return entry_key_for("extract", prompt.ref, material)


async def gather_or_cancel(awaitables: Sequence[Awaitable[T]]) -> list[T]:
    """Run concurrently; on the first failure cancel the rest and raise that failure as is.

    (``asyncio.gather`` would leave the others running; an anyio task group would wrap the
    error in an ``ExceptionGroup`` that the service's ``except UpstreamError`` cannot see.)
    """
    tasks = [asyncio.ensure_future(awaitable) for awaitable in awaitables]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


class Extractor:
    """The map step: notes per article, through the store, with bounded concurrency."""

    def __init__(
        self,
        chat: StructuredChat,
        store: Store | None,
        semaphore: asyncio.Semaphore,
        ttl_seconds: int,
    ) -> None:
        self.chat = chat
        self.store = store
        self.semaphore = semaphore
        self.ttl_seconds = ttl_seconds

    async def _cached(self, key: str) -> ArticleNotes | None:
        if self.store is None:
            return None
        try:
            raw = await self.store.get(key)
        except Exception:  # a cache outage must not fail the request: extract again instead
            log.warning("extraction cache read failed", exc_info=True)
            return None
        if raw is None:
            return None
        try:
            return ArticleNotes.model_validate_json(raw)
        except ValidationError:
            log.warning("discarding an unreadable cached extraction %s", key)
            return None

    async def _remember(self, key: str, notes: ArticleNotes) -> None:
        if self.store is None:
            return
        try:
            await self.store.set(key, notes.model_dump_json(), expires_in=self.ttl_seconds)
        except Exception:  # as above: the cache is an optimisation, never a dependency
            log.warning("extraction cache write failed", exc_info=True)

    async def extract_piece(
        self,
        article: Article,
        piece: str,
        prompt: Prompt,
        sampling: Sampling,
        max_items: int,
    ) -> Extraction:
        key = extraction_key(article, piece, prompt, self.chat.model, max_items)
        cached = await self._cached(key)
        if cached is not None:
            return Extraction(article.id, cached, Usage(), cached=True)
        view = {"id": article.id, "title": article.title, "source": article.source, "text": piece}
        messages = prompt.render(article=view, max_items=max_items)
        async with self.semaphore:
            completion = await self.chat.complete(messages, ArticleNotes, sampling)
        await self._remember(key, completion.output)
        return Extraction(article.id, completion.output, completion.usage, cached=False)

    async def extract_all(
        self,
        articles: Sequence[Article],
        prompt: Prompt,
        sampling: Sampling,
        budget: Budget,
        max_items: int,
    ) -> list[Extraction]:
        """Notes for every article; an article too long for one call is cut into pieces."""
        # What the template and schema add around the article text, measured on an empty one.
        empty = {"id": "x", "title": None, "source": None, "text": ""}
        frame = self.chat.messages_for(
            prompt.render(article=empty, max_items=max_items), ArticleNotes, max_items=max_items
        )
        room = max(budget.prompt_tokens - count_message_tokens(frame, self.chat.model), 256)
        jobs = []
        for article in articles:
            for _, piece in split_to_fit(article.text, room, self.chat.model):
                jobs.append(self.extract_piece(article, piece, prompt, sampling, max_items))
        return await gather_or_cancel(jobs)


def notes_for_merge(
    extractions: Sequence[Extraction], keep: int | None = None
) -> list[dict[str, str]]:
    """The merge prompt's ``notes`` variable; ``keep`` caps each list when the merge is too long."""
    blocks = []
    for extraction in extractions:
        notes = extraction.notes
        if keep is not None:
            notes = ArticleNotes(
                summary=notes.summary,
                who=notes.who[:keep],
                what=notes.what[:keep],
                stance=notes.stance[:keep],
                numbers=notes.numbers[:keep],
            )
        blocks.append(
            {
                "article": extraction.article,
                "json": notes.model_dump_json(exclude_none=False),
            }
        )
    return blocks
