"""The story's own sentences: an unrelated item appended to an article is set aside.

News mail, wire round-ups and live pages often carry a second, unrelated item after the story
("The Palestinian Authority has launched a crackdown..." at the end of a tennis report). Its
actors, numbers and quotes do not belong in the brief. Such a tail shares almost no content
words with the rest of the story (the article's own opening and the other articles) and starts
like a new lead: not with a quote, a pronoun or a connective that would tie it to what precedes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from api.extractive.sentences import Document, Sentence
from api.extractive.summary import content_terms

# Below this cosine between a tail and the rest of the story, the tail is another story.
OFF_TOPIC_COSINE = 0.07
# A story is at least this many sentences before a new item can start, and the item this long.
MIN_STORY_SENTENCES = 3
MIN_TAIL_SENTENCES = 3
_STEM_LENGTH = 6  # "Palestinian"/"Palestinians", "attack"/"attacks" count as one term
_CONTINUATIONS = frozenset(
    (
        "i you we he she it they this that these those his her their its there "
        "but and so also however yet still then meanwhile"
    ).split()
)


def _terms(sentences: Iterable[Sentence]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(t[:_STEM_LENGTH] for t in content_terms(sentence.text) if len(t) > 2)
    return counts


def _cosine(first: Counter[str], second: Counter[str]) -> float:
    dot = sum(count * second[term] for term, count in first.items() if term in second)
    norm = math.sqrt(sum(v * v for v in first.values()) * sum(v * v for v in second.values()))
    return dot / norm if norm else 0.0


def _opens_new_item(sentence: Sentence) -> bool:
    """A sentence that could lead a story: no opening quote, pronoun or connective."""
    text = sentence.text.lstrip()
    if not text or text[0] in "\"'“‘(":
        return False
    first = text.split(maxsplit=1)[0].strip(",").lower()
    return first not in _CONTINUATIONS


def unrelated_tail_start(document: Document, others: Sequence[Sentence]) -> int | None:
    """Where the unrelated item at the end of ``document`` starts, if it carries one."""
    sentences = document.sentences
    counts = [_terms([sentence]) for sentence in sentences]
    rest = _terms(others)
    for sentence_counts in counts:
        rest.update(sentence_counts)
    tail: Counter[str] = Counter()
    best: tuple[float, int] | None = None
    # Walk the split point from the end, moving one sentence at a time from the rest to the tail.
    for start in range(len(sentences) - 1, MIN_STORY_SENTENCES - 1, -1):
        tail.update(counts[start])
        rest.subtract(counts[start])
        if len(sentences) - start < MIN_TAIL_SENTENCES or not _opens_new_item(sentences[start]):
            continue
        similarity = _cosine(tail, +rest)
        if best is None or similarity < best[0]:
            best = (similarity, start)
    if best is None or best[0] >= OFF_TOPIC_COSINE:
        return None
    return best[1]


def story_documents(documents: Sequence[Document]) -> list[Document]:
    """The documents with any unrelated trailing item removed (offsets are unchanged)."""
    kept: list[Document] = []
    for document in documents:
        others = [s for other in documents if other is not document for s in other.sentences]
        start = unrelated_tail_start(document, others)
        kept.append(
            document if start is None else replace(document, sentences=document.sentences[:start])
        )
    return kept
