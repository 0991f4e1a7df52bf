"""The llm engine: a versioned prompt, a structured model answer, grounding, one brief.

A story that fits the context budget goes in one call; a longer one is summarized map-reduce
(``api.llm.mapreduce``). Whatever the model writes, ``verified`` comes from ``api.grounding``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Literal

import anyio.to_thread
import httpx
from litestar.stores.base import Store

from api.errors import InvalidRequest
from api.extractive import build_brief
from api.grounding import ground_items
from api.llm.budget import Budget, price_of, sum_usage
from api.llm.client import Sampling, StructuredChat, build_sdk_client
from api.llm.mapreduce import Extractor, notes_for_merge
from api.llm.schema import ModelBrief
from api.prompts import Prompt, PromptRegistry, registry_for
from api.schemas import (
    Article,
    Brief,
    Disagreement,
    PromptRef,
    Provenance,
    SummaryOptions,
    SummaryRequest,
    Usage,
)
from api.settings import Settings

log = logging.getLogger("brief.llm")

SUMMARY_PROMPT = "summarize"


def _article_view(article: Article) -> dict[str, str | None]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "text": article.text,
    }


def extractive_disagreements(
    articles: Sequence[Article], options: SummaryOptions
) -> list[Disagreement]:
    """Conflicting facts come from the deterministic analysis, which finds them reliably; the
    model is not asked for them."""
    return build_brief(list(articles), options).disagreements


class LLMEngine:
    """Writes briefs with an OpenAI-compatible chat model."""

    name: Literal["llm"] = "llm"

    def __init__(
        self,
        settings: Settings,
        chat: StructuredChat,
        registry: PromptRegistry,
        store: Store | None = None,
        owns_transport: bool = True,
    ) -> None:
        self.settings = settings
        self.chat = chat
        self.registry = registry
        self.store = store
        self._owns_transport = owns_transport
        self._semaphore: asyncio.Semaphore | None = None
        # Fail fast: the labelled default must exist before the first request.
        registry.labelled(SUMMARY_PROMPT, settings.prompt_label)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        store: Store | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> LLMEngine:
        """Build the engine; every prompt file is loaded and validated here (start-up)."""
        sdk = build_sdk_client(settings, http_client)
        chat = StructuredChat(sdk, settings.llm_model, settings.llm_output_mode)
        return cls(
            settings,
            chat,
            registry_for(settings.prompts_dir),
            store=store,
            owns_transport=http_client is None,
        )

    async def aclose(self) -> None:
        # A transport handed in (the eval harness's recorder) belongs to whoever made it.
        if self._owns_transport:
            await self.chat.aclose()

    @property
    def semaphore(self) -> asyncio.Semaphore:
        # Created lazily, inside the event loop that will use it.
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(max(1, self.settings.llm_max_concurrency))
        return self._semaphore

    def prompt_for(self, request: SummaryRequest) -> Prompt:
        """The pinned prompt, else the labelled default (unknown pin: 422 at ``#/prompt``)."""
        return self.registry.resolve(
            request.prompt, name=SUMMARY_PROMPT, label=self.settings.prompt_label
        )

    def cache_identity(self, request: SummaryRequest) -> dict[str, object]:
        prompt = self.prompt_for(request)
        identity: dict[str, object] = {
            "engine": self.name,
            "model": self.settings.llm_model,
            "prompt": prompt.ref,
            "prompt_sha256": prompt.sha256,
            "output_mode": self.settings.llm_output_mode,
            # The budget decides one call or map-reduce, and the cap can cut an answer short.
            "context_tokens": self.settings.llm_context_tokens,
            "max_output_tokens": self.settings.llm_max_output_tokens,
        }
        if prompt.front.map_prompt:
            identity["map_prompt_sha256"] = self.registry.get_ref(prompt.front.map_prompt).sha256
        return identity

    def _sampling(self, prompt: Prompt, max_items: int) -> Sampling:
        defaults = prompt.front.model_defaults
        cap = self.settings.llm_max_output_tokens
        return Sampling(
            temperature=defaults.temperature,
            top_p=defaults.top_p,
            max_tokens=min(defaults.max_tokens or cap, cap),
            seed=defaults.seed,
            max_items=max_items,
        )

    def _fits(self, messages: list[dict[str, str]], budget: Budget, sampling: Sampling) -> bool:
        """Whether a brief call fits the context, counted as it will be sent (the schema too,
        in json_object mode)."""
        sent = self.chat.messages_for(messages, ModelBrief, max_items=sampling.max_items)
        return budget.fits(sent, self.chat.model)

    async def summarize(self, request: SummaryRequest) -> Brief:
        prompt = self.prompt_for(request)
        sampling = self._sampling(prompt, request.options.max_items)
        budget = Budget(self.settings.llm_context_tokens, sampling.max_tokens)
        options = request.options
        messages = prompt.render(
            articles=[_article_view(a) for a in request.articles],
            notes=[],
            max_items=options.max_items,
            max_summary_sentences=options.max_summary_sentences,
        )
        usages: list[Usage] = []
        if self._fits(messages, budget, sampling):
            async with self.semaphore:
                completion = await self.chat.complete(messages, ModelBrief, sampling)
            usages.append(completion.usage)
            output = completion.output
        else:
            output = await self._map_reduce(request, prompt, sampling, budget, usages)
        return await self._brief(request, prompt, output, sum_usage(usages))

    async def _map_reduce(
        self,
        request: SummaryRequest,
        prompt: Prompt,
        sampling: Sampling,
        budget: Budget,
        usages: list[Usage],
    ) -> ModelBrief:
        if not prompt.front.map_prompt:
            raise InvalidRequest(
                f"the story does not fit the model's context ({budget.prompt_tokens} prompt "
                f"tokens) and prompt {prompt.ref} has no map step for long stories",
                pointer="#/articles",
            )
        map_prompt = self.registry.get_ref(prompt.front.map_prompt)
        extractor = Extractor(
            self.chat, self.store, self.semaphore, self.settings.cache_ttl_seconds
        )
        extractions = await extractor.extract_all(
            request.articles,
            map_prompt,
            self._sampling(map_prompt, request.options.max_items),
            budget,
            request.options.max_items,
        )
        usages.extend(extraction.usage for extraction in extractions)
        log.info(
            "map-reduce: %d extraction(s), %d from the cache",
            len(extractions),
            sum(e.cached for e in extractions),
        )
        # The merge must fit too: with many articles, keep fewer items per article until it does.
        keep: int | None = None
        while True:
            messages = prompt.render(
                articles=[],
                notes=notes_for_merge(extractions, keep),
                max_items=request.options.max_items,
                max_summary_sentences=request.options.max_summary_sentences,
            )
            if keep == 1 or self._fits(messages, budget, sampling):
                break
            longest = max(
                max(len(e.notes.who), len(e.notes.what), len(e.notes.stance), len(e.notes.numbers))
                for e in extractions
            )
            keep = max(1, (keep or longest) // 2)
        async with self.semaphore:
            completion = await self.chat.complete(messages, ModelBrief, sampling)
        usages.append(completion.usage)
        return completion.output

    async def _brief(
        self, request: SummaryRequest, prompt: Prompt, output: ModelBrief, usage: Usage
    ) -> Brief:
        drop = request.options.drop_unverified
        if drop is None:
            drop = self.settings.grounding_drop_unverified
        grounded = ground_items(
            who=output.who,
            what=output.what,
            stance=output.stance,
            numbers=output.numbers,
            articles=request.articles,
            fuzzy_threshold=self.settings.grounding_fuzzy_threshold,
            drop_unverified=drop,
            max_items=request.options.max_items,
        )
        disagreements = await self._disagreements(request)
        return Brief(
            headline=output.headline,
            summary=output.summary,
            who=grounded.who,
            what=grounded.what,
            stance=grounded.stance,
            numbers=grounded.numbers,
            disagreements=disagreements[: request.options.max_items],
            provenance=Provenance(
                engine="llm",
                model=self.settings.llm_model,
                prompt=PromptRef(name=prompt.name, version=prompt.version, sha256=prompt.sha256),
                usage=usage,
                cost_usd=price_of(
                    usage,
                    self.settings.llm_model,
                    self.settings.llm_price_per_million_input,
                    self.settings.llm_price_per_million_output,
                ),
                grounding=grounded.counts,
            ),
        )

    async def _disagreements(self, request: SummaryRequest) -> list[Disagreement]:
        try:
            return await anyio.to_thread.run_sync(
                extractive_disagreements, request.articles, request.options
            )
        except Exception:  # the brief is still useful without them; the bug goes to the log
            log.exception("extractive disagreement analysis failed; brief without disagreements")
            return []
