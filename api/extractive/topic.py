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
from collections.abc import Sequence
from dataclasses import replace

from api.extractive.sentences import Document, Sentence
from api.extractive.summary import content_terms

# Below this cosine between a tail and the rest of the story, the tail is another story.
OFF_TOPIC_COSINE = 0.07
# A story is at least this many sentences before a new item can start, and the item at least
# this long: the items news mail appends are whole stories (five to nine sentences in the gold
# sets), while three closing sentences that share few words with the lead are most often its
# reactions ("Sen. Bernie Sanders criticized it as too small") or its last turn ("South Korea
# has different concerns").
MIN_STORY_SENTENCES = 3
MIN_TAIL_SENTENCES = 4
_STEM_LENGTH = 6  # "Palestinian"/"Palestinians", "attack"/"attacks" count as one term
_CONTINUATIONS = frozenset(
    (
        "i you we he she it they this that these those his her their its there "
        "but and so also however yet still then meanwhile"
    ).split()
)


_PRONOUNS = frozenset("he she they his her their him them".split())
_OPENING_WORDS = 4


def _terms(sentence: Sentence) -> Counter[str]:
    return Counter(t[:_STEM_LENGTH] for t in content_terms(sentence.text) if len(t) > 2)


def _opens_new_item(sentence: Sentence) -> bool:
    """A sentence that could lead a story: no opening quote, pronoun or connective."""
    text = sentence.text.lstrip()
    if not text or text[0] in "\"'“‘(":
        return False
    opening = [word.strip(",").lower() for word in text.split()[:_OPENING_WORDS]]
    # "In later years he was beset by cancer": a pronoun early on refers back to the story
    return opening[0] not in _CONTINUATIONS and _PRONOUNS.isdisjoint(opening[1:])


def unrelated_tail_start(
    document: Document, counts: Sequence[Counter[str]], story: Counter[str], anchored: bool = True
) -> int | None:
    """Where the unrelated item at the end of ``document`` starts, if it carries one.

    ``counts`` holds the terms of each of its sentences, ``story`` those of the whole story.
    Other articles of the story anchor what it is about (``anchored``); an article alone may
    lose a tail only shorter than what it keeps, so a playful lede ("Many couples fight about it
    at home") does not leave the rest of the article taken for another story.
    The split point walks from the end, one sentence at a time moving from the rest of the
    story to the tail; the cosine's dot product and norms are updated for that sentence's terms
    only, so an article costs time in proportion to its own length.
    """
    sentences = document.sentences
    rest = Counter(story)
    tail: Counter[str] = Counter()
    dot = 0
    tail_norm = 0
    rest_norm = sum(count * count for count in rest.values())
    best: tuple[float, int] | None = None
    for start in range(len(sentences) - 1, MIN_STORY_SENTENCES - 1, -1):
        for term, moved in counts[start].items():
            in_tail, in_rest = tail[term], rest[term]
            dot += moved * in_rest - moved * in_tail - moved * moved
            tail_norm += 2 * moved * in_tail + moved * moved
            rest_norm += moved * moved - 2 * moved * in_rest
            tail[term] = in_tail + moved
            rest[term] = in_rest - moved
        tail_length = len(sentences) - start
        if tail_length < MIN_TAIL_SENTENCES or not _opens_new_item(sentences[start]):
            continue
        if tail_length > start and not anchored:
            continue  # alone, an article's long body is its story, not an item after its lede
        norm = math.sqrt(tail_norm * rest_norm)
        similarity = dot / norm if norm else 0.0
        if best is None or similarity < best[0]:
            best = (similarity, start)
    if best is None or best[0] >= OFF_TOPIC_COSINE:
        return None
    return best[1]


def story_documents(documents: Sequence[Document]) -> list[Document]:
    """The documents with any unrelated trailing item removed (offsets are unchanged)."""
    counts = [[_terms(sentence) for sentence in document.sentences] for document in documents]
    story: Counter[str] = Counter()
    for sentence_counts in (c for document_counts in counts for c in document_counts):
        story.update(sentence_counts)
    kept: list[Document] = []
    for document, document_counts in zip(documents, counts, strict=True):
        start = unrelated_tail_start(document, document_counts, story, len(documents) > 1)
        if start is None:
            kept.append(document)
        else:
            kept.append(replace(document, sentences=document.sentences[:start]))
    return kept
