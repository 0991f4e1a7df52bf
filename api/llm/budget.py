"""Token budgets: tiktoken counts for the configured model, and the price of a call.

The encodings ship in ``api/data/tiktoken`` (tiktoken would otherwise download them), so
``use_shipped_tiktoken_cache()`` runs before tiktoken is first used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import tiktoken

from api.schemas import Usage
from api.settings import use_shipped_tiktoken_cache

FALLBACK_ENCODING = "o200k_base"
# Chat formatting adds a few tokens per message (role, separators); OpenAI's cookbook counts 3,
# plus 3 that prime the reply. Servers differ slightly, so the budget keeps a margin anyway.
TOKENS_PER_MESSAGE = 3
TOKENS_PER_REPLY = 3

# USD per million tokens (input, output) for models whose prices are public; the settings
# ``llm_price_per_million_*`` override this, and an unknown model has no estimated cost.
PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
}


@lru_cache(maxsize=16)
def encoding_for(model: str) -> tiktoken.Encoding:
    """The model's encoding; ``o200k_base`` for models tiktoken does not know (local models:
    their own tokenizers differ, but o200k is a reasonable estimate for budgeting)."""
    use_shipped_tiktoken_cache()
    try:
        return tiktoken.encoding_for_model(model)
    except KeyError:
        return tiktoken.get_encoding(FALLBACK_ENCODING)


def count_tokens(text: str, model: str) -> int:
    return len(encoding_for(model).encode(text, disallowed_special=()))


def count_message_tokens(messages: Sequence[dict[str, str]], model: str) -> int:
    """Tokens of a chat prompt as the model will see it (content plus per-message framing)."""
    total = TOKENS_PER_REPLY
    for message in messages:
        total += TOKENS_PER_MESSAGE + count_tokens(message["content"], model)
    return total


@dataclass(frozen=True)
class Budget:
    """How many prompt tokens one call may use: the context minus the reserved output."""

    context_tokens: int
    output_tokens: int

    @property
    def prompt_tokens(self) -> int:
        return max(self.context_tokens - self.output_tokens, 0)

    def fits(self, messages: Sequence[dict[str, str]], model: str) -> bool:
        return count_message_tokens(messages, model) <= self.prompt_tokens


def split_to_fit(text: str, max_tokens: int, model: str) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_tokens``, at line breaks where possible.

    Returns ``(offset, piece)`` pairs so a piece can be traced back to the original text. Used
    only for a single article too long for one extraction call.
    """
    if count_tokens(text, model) <= max_tokens:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    encoding = encoding_for(model)
    while start < len(text):
        tokens = encoding.encode(text[start:], disallowed_special=())
        if len(tokens) <= max_tokens:
            pieces.append((start, text[start:]))
            break
        window = encoding.decode(tokens[:max_tokens])
        cut = window.rfind("\n")
        if cut < len(window) // 2:
            cut = window.rfind(". ") + 1 if window.rfind(". ") > len(window) // 2 else len(window)
        cut = max(cut, 1)
        pieces.append((start, text[start : start + cut]))
        start += cut
    return pieces


def price_of(
    usage: Usage,
    model: str,
    input_per_million: float | None = None,
    output_per_million: float | None = None,
) -> float | None:
    """Estimated USD cost of ``usage``; ``None`` when the price of the model is not known."""
    known = PRICES_PER_MILLION.get(model)
    if known is None:
        # Dated snapshots ("gpt-4o-mini-2024-07-18") cost what their family costs.
        family = max(
            (name for name in PRICES_PER_MILLION if model.startswith(name + "-")),
            key=len,
            default=None,
        )
        known = PRICES_PER_MILLION.get(family) if family else None
    price_in = input_per_million if input_per_million is not None else known and known[0]
    price_out = output_per_million if output_per_million is not None else known and known[1]
    if price_in is None or price_out is None:
        return None
    cost = usage.prompt_tokens * price_in / 1e6 + usage.completion_tokens * price_out / 1e6
    return round(cost, 8)


def sum_usage(usages: Iterable[Usage]) -> Usage:
    """The token counts of several calls added up (map-reduce, repairs)."""
    total = Usage()
    for usage in usages:
        total = Usage(
            prompt_tokens=total.prompt_tokens + usage.prompt_tokens,
            completion_tokens=total.completion_tokens + usage.completion_tokens,
            total_tokens=total.total_tokens + usage.total_tokens,
        )
    return total
