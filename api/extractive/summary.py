"""Sentence ranking across the articles of a story, and the summary and headline built from it.

A sentence scores for centrality (TF-IDF cosine to the other sentences of the story, what other
articles say counting more than what the same article repeats), position (each article's lead
carries its news) and coverage of the story's main actors and numbers; quoted words weigh less
and short sentences say less. Near-duplicates, which wire copies repeat, are kept once, and a
summary is told article by article, as the story developed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from api.extractive.gazetteer import DAY_PATTERN, MONTH_PATTERN
from api.extractive.sentences import Document, Sentence, words_of

NEAR_DUPLICATE_COSINE = 0.6
# Weights of a sentence's score: centrality, position in its article, actors and numbers.
CENTRALITY_WEIGHT = 0.25
POSITION_WEIGHT = 0.6
SALIENCE_WEIGHT = 0.15
# What the same article repeats counts this much toward centrality (other articles: 1).
SAME_ARTICLE_WEIGHT = 0.5
# A sentence all in quotes keeps this much less of its score; at this share it is quotes only.
QUOTE_PENALTY = 0.5
QUOTE_ONLY_SHARE = 0.6
FULL_LENGTH_WORDS = 20
_OPENING_QUOTES = '"“‘'
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’(?!\w)")
_STOPWORDS = frozenset(
    (
        "a an the of in on at to for from by with and or but is are was were be been being has "
        "have had it its this that these those as he she they their his her which who whom "
        "said says will would could should may might can not no also than then there here into "
        "about over after before since while during more most other some such only just very "
        "up out so if"
    ).split()
)
# "But the absence of the US President ...": the conjunction ties the sentence to the one before
# it, which an event line or a headline does not have.
_LEADING_CONJUNCTION = re.compile(r"^(?:But|And|Yet),?\s+(?=\w)")
_LEADING_CLAUSE = re.compile(
    r"^(?:(?:While|As|After|Although|Though|When|Since|Because|Despite|According to|In the "
    rf"meantime|Meanwhile|However|On [A-Z][a-z]+day(?:,\s+{MONTH_PATTERN}\s+\d{{1,2}})?|"
    r"In [A-Z][a-z]+|Earlier|Later)\b"
    r"[^,\"“”]{0,140},\s*)",
)
_SPEECH_VERB = (
    r"(?:said|says|reported|reports|claimed|claims|announced|announces|stated|states|"
    r"confirmed|confirms|added|adds|told\s+(?:reporters|journalists|parliament|the\s+\w+))"
)
_SPEECH_WHEN = (
    rf"(?:\s+(?:(?:on\s+)?{DAY_PATTERN}|yesterday|today|last\s+night|in\s+a\s+statement"
    r"|this\s+(?:morning|afternoon|evening|week)))?"
)
# "The union's Geoff Derrick says (that) ...": a subject of up to ten words (no auxiliary, so
# "Cavallo is reported to have resigned" stays whole) and a speech verb before the clause.
_ATTRIBUTION = re.compile(
    r"^[A-Z][\w’'.-]*(?:,?\s+(?!(?:is|was|were|are|be|been|being|has|have|had|will|would|"
    r"to|not|[a-z]+ed)\b)[\w’'.()-]+){0,9}?,?\s+"
    + _SPEECH_VERB
    + _SPEECH_WHEN
    + r",?\s+(?:that\s+)?"
    r"(?=[A-Za-z0-9])"
)
# "..., the Pentagon said." at the end of a sentence.
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:[\w’'.-]+\s+){0,6}?" + _SPEECH_VERB + _SPEECH_WHEN + r"(?=[.!]?$)"
)
MIN_CLAUSE_WORDS = 5
# A relative clause between commas before the verb it interrupts ("The former mayor, who was a
# favorite for the job, turned against ..."): cut to the end it would take the verb with it.
_ENCLOSED_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,;:\"“”]*,\s+(?=[a-z])")
# A clause that opens with a pronoun names no one without the words before it: "Boeing said it
# is discussing plans" stays whole, and a headline is not "He mentioned two groups".
_PRONOUN_OPENING = re.compile(r"^(?:he|she|it|they|we|i|his|her|its|their|our)\b", re.IGNORECASE)
HEADLINE_CANDIDATES = 3
_DANGLING_END = re.compile(r"\b(?:and|or|but)$", re.IGNORECASE)
_TRAILING_CLAUSE = re.compile(r",\s+(?:which|while|but|as|who|according)\b.*$")
HEADLINE_MAX_WORDS = 16
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
_WHEN_TODAY = r"(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
# The time with the commas around it ("The minister, yesterday, said"), or with the one before
# it ("south-east, last night."), so no comma is left standing alone.
_RELATIVE_TIME = re.compile(rf",\s+{_WHEN_TODAY},(?=\s)|,?\s+{_WHEN_TODAY}(?=[\s,.;:!]|$)")


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


def quoted_share(text: str) -> float:
    """The share of a sentence's characters inside quotation marks. A sentence that opens a
    quote it never closes (a quoted paragraph) counts as all quote."""
    stripped = text.strip()
    if not stripped:
        return 0.0
    inside = sum(len(m.group()) for m in _QUOTED.finditer(stripped))
    if stripped[0] in _OPENING_QUOTES and _QUOTED.match(stripped) is None:
        inside = len(stripped)
    return min(1.0, inside / len(stripped))


def _vector_sum(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for vector in vectors:
        for term, value in vector.items():
            total[term] = total.get(term, 0.0) + value
    return total


def _centrality(
    sentences: Sequence[Sentence], vectors: Sequence[Mapping[str, float]]
) -> list[float]:
    """Each sentence's summed cosine to the others, those of its own article at
    ``SAME_ARTICLE_WEIGHT``. Cosines of unit vectors are dot products, so the sum is a dot
    product with the sum of the vectors: linear in the story's length, not quadratic."""
    story = _vector_sum(vectors)
    by_article = {
        article: _vector_sum(
            v for s, v in zip(sentences, vectors, strict=True) if s.article == article
        )
        for article in {s.article for s in sentences}
    }
    scores = []
    for sentence, vector in zip(sentences, vectors, strict=True):
        own = by_article[sentence.article]
        itself = cosine(vector, vector)
        other_articles = cosine(vector, story) - cosine(vector, own)
        scores.append(other_articles + SAME_ARTICLE_WEIGHT * (cosine(vector, own) - itself))
    return scores


def rank_sentences(
    documents: Sequence[Document], salience: Mapping[tuple[str, int], float]
) -> list[RankedSentence]:
    """Every sentence of the story with its score, best first.

    ``salience`` maps (article, sentence index) to how much of the story's main actors and
    numbers the sentence covers, already scaled to [0, 1]. Centrality counts what other
    articles say at full weight and what the same article repeats at ``SAME_ARTICLE_WEIGHT``;
    position favours each article's opening; quoted words and short sentences weigh less.
    """
    sentences = [s for d in documents for s in d.sentences]
    if not sentences:
        return []
    vectors = tfidf_vectors(sentences)
    centrality = _centrality(sentences, vectors)
    top = max(centrality) or 1.0
    ranked: list[RankedSentence] = []
    for index, sentence in enumerate(sentences):
        length = len(sentence.text.split())
        length_fit = 1.0 if 8 <= length <= 45 else 0.5
        content = (1.0 - QUOTE_PENALTY * quoted_share(sentence.text)) * (
            CENTRALITY_WEIGHT * centrality[index] / top
            + POSITION_WEIGHT / (1.0 + sentence.index) ** 0.5
            + SALIENCE_WEIGHT * salience.get((sentence.article, sentence.index), 0.0)
        )
        # Informative sentences are long enough to say who did what: up to
        # ``FULL_LENGTH_WORDS`` words, a sentence counts in proportion to its length.
        score = content * length_fit * min(1.0, length / FULL_LENGTH_WORDS)
        ranked.append(RankedSentence(sentence, score, vectors[index]))
    return sorted(ranked, key=lambda r: (-r.score, r.sentence.article_order, r.sentence.index))


def is_quote(text: str) -> bool:
    """A sentence of quoted words: it opens with a quotation mark or is mostly quoted."""
    stripped = text.strip()
    return stripped[:1] in _OPENING_QUOTES or quoted_share(stripped) >= QUOTE_ONLY_SHARE


def summary_candidate(text: str) -> bool:
    """A sentence a summary can use: a statement of some length, not a question or a quote."""
    return not text.rstrip().endswith("?") and len(text.split()) >= 5 and not is_quote(text)


def select_summary(ranked: Sequence[RankedSentence], count: int) -> list[RankedSentence]:
    """The best ``count`` sentences that are not near-duplicates of each other nor quotes only,
    in story order: article by article, each in its own order, a sentence that repeats an
    earlier article's standing where that article told it."""
    chosen: list[RankedSentence] = []
    candidates = [r for r in ranked if summary_candidate(r.sentence.text)]
    # a story told only in quotes (or short lines) still gets a summary
    for candidate in candidates or ranked:
        if len(chosen) >= count:
            break
        if any(cosine(candidate.vector, c.vector) >= NEAR_DUPLICATE_COSINE for c in chosen):
            continue
        chosen.append(candidate)

    def first_told(chosen: RankedSentence) -> tuple[int, int]:
        # where the story first tells it: a sentence whose earlier copy was set aside stands
        # at that copy's place
        return min(
            (r.sentence.article_order, r.sentence.index)
            for r in ranked
            if r is chosen or cosine(r.vector, chosen.vector) >= NEAR_DUPLICATE_COSINE
        )

    return sorted(chosen, key=first_told)


def compress_sentence(text: str, drop_speaker: bool = True) -> str:
    """The main clause of a sentence: no leading "But" nor "While ...," clause, no "X said
    that" (unless ``drop_speaker`` is false), no ", who ...," inside it, no trailing ", the
    Pentagon said" nor ", which ..." clause. A part is only cut when at least
    ``MIN_CLAUSE_WORDS`` words remain."""
    compressed = _ENCLOSED_RELATIVE.sub(" ", text.strip())
    patterns = (
        _LEADING_CONJUNCTION,
        _LEADING_CLAUSE,
        _ATTRIBUTION,
        _TRAILING_ATTRIBUTION,
        _TRAILING_CLAUSE,
    )
    for pattern in patterns:
        if pattern is _ATTRIBUTION and not drop_speaker:
            continue
        shorter = pattern.sub("", compressed).strip()
        if pattern is _ATTRIBUTION and _PRONOUN_OPENING.match(shorter):
            continue  # "Boeing said it is discussing plans": "it" needs "Boeing"
        if pattern is _TRAILING_CLAUSE and _DANGLING_END.search(shorter):
            continue  # "in recent months and, as before, expects ...": the clause goes on
        if len(shorter.split()) >= MIN_CLAUSE_WORDS:
            compressed = shorter
    if compressed[-1:].isalnum() and text.rstrip()[-1:] in ".!":
        compressed += text.rstrip()[-1]
    return compressed[:1].upper() + compressed[1:]


def plain_clause(text: str, drop_speaker: bool = True) -> str:
    """``compress_sentence`` without short parentheses ("(CFMEU)", "(ACDT)") and relative time
    words ("yesterday", "last night") that only make sense on the day of the report."""
    clause = compress_sentence(text, drop_speaker)
    for pattern in (_PARENTHESIS, _RELATIVE_TIME):
        shorter = pattern.sub("", clause)
        if len(shorter.split()) >= MIN_CLAUSE_WORDS:
            clause = shorter
    return clause


def headline_of(ranked: Sequence[RankedSentence]) -> str:
    """The headline of the best-ranked sentence whose main clause names its subject; one of the
    next few stands in for a sentence that opens with a pronoun ("He mentioned two groups")."""
    headlines = [headline_from(r.sentence.text) for r in ranked[:HEADLINE_CANDIDATES]]
    named = (headline for headline in headlines if not _PRONOUN_OPENING.match(headline))
    return next(named, headlines[0] if headlines else "")


def headline_from(text: str) -> str:
    """A headline from a sentence: its main clause, at most ``HEADLINE_MAX_WORDS`` words."""
    words = plain_clause(text).rstrip(".!").split()
    if len(words) > HEADLINE_MAX_WORDS:
        words = words[:HEADLINE_MAX_WORDS]
        while words and words[-1].lower() in _STOPWORDS:
            words.pop()
    return " ".join(words).rstrip(",;:")
