"""Sentence ranking across the articles of a story, and the summary and headline built from it.

A sentence scores for centrality (TF-IDF cosine to the other sentences of the story, so what
several articles say rises), position (leads carry the news) and coverage of the story's main
actors and numbers. Near-duplicates, which wire copies repeat, are kept once.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from api.extractive.sentences import Document, Sentence, words_of

NEAR_DUPLICATE_COSINE = 0.6
_STOPWORDS = frozenset(
    (
        "a an the of in on at to for from by with and or but is are was were be been being has "
        "have had it its this that these those as he she they their his her which who whom "
        "said says will would could should may might can not no also than then there here into "
        "about over after before since while during more most other some such only just very "
        "up out so if"
    ).split()
)
_LEADING_CLAUSE = re.compile(
    r"^(?:(?:While|As|After|Although|Though|When|Since|Because|Despite|According to|In the "
    r"meantime|Meanwhile|However|On [A-Z][a-z]+day|In [A-Z][a-z]+|Earlier|Later)\b[^,]{0,140},\s*)",
)
_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,6}?)\s+(?:said|reported|claimed|announced|stated|"
    r"confirmed|told reporters)(?:\s+on\s+[A-Z][a-z]+day|\s+in a statement)?\s+(?:that\s+)?",
)
_TRAILING_CLAUSE = re.compile(r",\s+(?:which|while|but|as|who|according)\b.*$")
HEADLINE_MAX_WORDS = 16


@dataclass(frozen=True, slots=True)
class RankedSentence:
    sentence: Sentence
    score: float
    vector: Mapping[str, float]


def content_terms(text: str) -> list[str]:
    return [w for w in words_of(text) if w not in _STOPWORDS and len(w) > 1]


def tfidf_vectors(sentences: Sequence[Sentence]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, the IDF taken over the story's sentences."""
    documents = [Counter(content_terms(s.text)) for s in sentences]
    frequency: Counter[str] = Counter()
    for counts in documents:
        frequency.update(counts.keys())
    total = len(documents)
    vectors: list[dict[str, float]] = []
    for counts in documents:
        vector = {
            t: c * (math.log((1 + total) / (1 + frequency[t])) + 1) for t, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def cosine(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(term, 0.0) for term, value in first.items())


def rank_sentences(
    documents: Sequence[Document], salience: Mapping[tuple[str, int], float]
) -> list[RankedSentence]:
    """Every sentence of the story with its score, best first.

    ``salience`` maps (article, sentence index) to how much of the story's main actors and
    numbers the sentence covers, already scaled to [0, 1].
    """
    sentences = [s for d in documents for s in d.sentences]
    if not sentences:
        return []
    vectors = tfidf_vectors(sentences)
    centrality = [
        sum(cosine(vectors[i], vectors[j]) for j in range(len(sentences)) if j != i)
        for i in range(len(sentences))
    ]
    top = max(centrality) or 1.0
    ranked: list[RankedSentence] = []
    for index, sentence in enumerate(sentences):
        length = len(sentence.text.split())
        length_fit = 1.0 if 8 <= length <= 45 else 0.5
        position = 1.0 / (1.0 + sentence.index) ** 0.5
        score = length_fit * (
            0.4 * centrality[index] / top
            + 0.35 * position
            + 0.25 * salience.get((sentence.article, sentence.index), 0.0)
        )
        ranked.append(RankedSentence(sentence, score, vectors[index]))
    return sorted(ranked, key=lambda r: (-r.score, r.sentence.article_order, r.sentence.index))


def select_summary(ranked: Sequence[RankedSentence], count: int) -> list[RankedSentence]:
    """The best ``count`` sentences that are not near-duplicates of each other, in story order."""
    chosen: list[RankedSentence] = []
    for candidate in ranked:
        if len(chosen) >= count:
            break
        if candidate.sentence.text.endswith("?") or len(candidate.sentence.text.split()) < 5:
            continue
        if any(cosine(candidate.vector, c.vector) >= NEAR_DUPLICATE_COSINE for c in chosen):
            continue
        chosen.append(candidate)
    return sorted(chosen, key=lambda r: (r.sentence.index, r.sentence.article_order))


def compress_sentence(text: str) -> str:
    """The main clause of a sentence: no leading "While ...," clause, no "X said that"."""
    compressed = _LEADING_CLAUSE.sub("", text.strip())
    compressed = _ATTRIBUTION.sub("", compressed)
    compressed = _TRAILING_CLAUSE.sub("", compressed).strip()
    if not compressed:
        return text.strip()
    return compressed[:1].upper() + compressed[1:]


def headline_from(text: str) -> str:
    """A headline from a sentence: its main clause, at most ``HEADLINE_MAX_WORDS`` words."""
    words = compress_sentence(text).rstrip(".").split()
    if len(words) > HEADLINE_MAX_WORDS:
        words = words[:HEADLINE_MAX_WORDS]
        while words and words[-1].lower() in _STOPWORDS:
            words.pop()
    return " ".join(words).rstrip(",;:")
