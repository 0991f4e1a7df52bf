"""The extractive analysis: pure functions from article text to a brief (placeholder, see issue 3)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from api.schemas import Article, Brief, Evidence, Provenance, SummaryOptions

EXTRACTIVE_VERSION = "0"

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def build_brief(articles: Sequence[Article], options: SummaryOptions) -> Brief:
    """A first brief: the lead sentences. Replaced by the real engine."""
    spans: list[Evidence] = []
    for article in articles:
        for match in _SENTENCE.finditer(article.text):
            text = match.group().strip()
            if text:
                start = article.text.index(text, match.start())
                spans.append(Evidence(article=article.id, start=start, end=start + len(text), text=text))
                break
    summary = " ".join(span.text for span in spans[: options.max_summary_sentences])
    return Brief(
        headline=spans[0].text if spans else "",
        summary=summary,
        provenance=Provenance(engine="extractive"),
    )
