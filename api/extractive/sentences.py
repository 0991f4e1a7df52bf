"""Sentences and word tokens with their character offsets into the article text as received."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from api.schemas import Article

# Words that end in a period without ending the sentence ("Mr. Kim", "Gen. Park", "Nov. 4").
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "gen", "lt", "col", "maj", "capt",
        "cmdr", "adm", "sgt",
        "sen", "rep", "gov", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs",
        "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "approx", "est", "fig", "mt", "ft", "rev", "hon", "dept", "univ", "u.s", "u.k",
        "u.n", "e.g", "i.e", "a.m", "p.m",
    }
)  # fmt: skip

# The capitals of the Latin alphabets ("Ö", "Ł", "Š"), for patterns where a name or a sentence
# begins: ``[A-Z]`` alone would miss "Özil scored." and "Mr. Łukasz".
UPPER = "".join(letter for letter in map(chr, range(0x250)) if letter.isupper())
# A sentence ends at a stop before a capital, or before an opening quote with no space at all
# ('... Tim Kaine."So that is ...', as scraped pages run paragraphs together).
_SENTENCE_END = re.compile(rf"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[{UPPER}0-9]|[\"“][{UPPER}])|\n+")
# Letters of any script: "rönnlund" is one word, not "r" and "nnlund".
_WORD = re.compile(r"[^\W_]+")
# The word before a stop, if it is letters only: "1960s.", "$5m." or "25bp." ends a sentence.
_WORD_BEFORE = re.compile(r"(?<![0-9A-Za-z])([A-Za-z.]+)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``article_text[start:end] == text``; ``index`` counts from 0 per article."""

    article: str
    article_order: int
    index: int
    start: int
    end: int
    text: str

    def offset(self, local: int) -> int:
        """An offset inside ``text`` as an offset into the article."""
        return self.start + local


@dataclass(frozen=True, slots=True)
class Document:
    """An article and its sentences."""

    article: Article
    order: int
    sentences: tuple[Sentence, ...]


def _ends_with_abbreviation(text: str) -> bool:
    match = _WORD_BEFORE.search(text)
    if match is None:
        return False
    word = match.group(1).lower().lstrip(".")
    # A single capital letter is an initial ("Kim J. Un") and a dotted acronym is not an ending.
    return word in ABBREVIATIONS or len(word) == 1 or ("." in word and len(word) <= 5)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; never splits after "Mr." or "U.S."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if match.group().startswith(".") and _ends_with_abbreviation(
            text[start : match.start() + 1]
        ):
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    trimmed: list[tuple[int, int]] = []
    for begin, finish in spans:
        chunk = text[begin:finish]
        bullet = _BULLET.match(chunk)
        lead = bullet.end() if bullet else len(chunk) - len(chunk.lstrip())
        stripped = chunk[lead:].rstrip()
        if stripped:
            trimmed.append((begin + lead, begin + lead + len(stripped)))
    return trimmed


# A list item's mark before a line's first word ("- Trump attacks ...", "• 3,000 jobs"); a
# figure's minus sign ("-1.0 percent") is not one, nor a dash that signs a quote or an embedded
# post ("— Alex Fitzpatrick (@AlexJamesFitz) December 13, 2016").
_BULLET = re.compile(r"\s*(?:[-•*·▪]\s+)+")


# Page furniture a scraped article keeps: links to other stories and calls to act, not news.
_FURNITURE = re.compile(
    r"(?:(?:read more|related|see also|more from|watch|click here|sign up|subscribe|follow us|"
    r"share this)\b\s*:?|contributing\s*:)",
    re.IGNORECASE,
)
# A credit line: "CNN's Jason Carroll and Ben Brumfield contributed to this report."
_CREDIT = re.compile(r"\bcontributed (?:to this report|reporting)\b", re.IGNORECASE)


# A dateline: the city in capitals, maybe its state or a date, maybe the agency, then a dash
# ("SEOUL, Aug. 20 (Yonhap) --", "WASHINGTON (CNN) —", "ST. LOUIS, MO –").
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’]{2,}(?:\s+[A-Z][A-Z.'’]+)*"
    r"(?:,\s+(?:[A-Z][A-Za-z.]*\.?(?:\s+[A-Z][A-Za-z.]*)?|[A-Z][a-z]{2,4}\.?\s+\d{1,2}))*"
    r"\s*(?:\([^()]{1,30}\))?\s*(?:--|—|–|-)\s+(?=[\"“‘A-Z0-9])"
)
# A dateline opens one of an article's first sentences, maybe after a headline and a subhead.
DATELINE_SENTENCES = 3


def _past_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's words begin after the dateline that opens it, if one does."""
    match = _DATELINE.match(text, start, end)
    return match.end() if match is not None and match.end() < end else start


def split_sentences(article: Article, order: int) -> Document:
    """The article cut into sentences with offsets into its text, without page furniture ("Read
    more: A Controversial Technology Is Creating ...") and credit lines, and the first ones
    without their dateline ("WASHINGTON (CNN) — ")."""
    spans = [
        (_past_dateline(article.text, start, end) if index < DATELINE_SENTENCES else start, end)
        for index, (start, end) in enumerate(sentence_spans(article.text))
    ]
    spans = [
        (start, end)
        for start, end in spans
        if not _FURNITURE.match(article.text, start, end)
        and not _CREDIT.search(article.text, start, end)
    ]
    sentences = tuple(
        Sentence(article.id, order, index, start, end, article.text[start:end])
        for index, (start, end) in enumerate(spans)
    )
    return Document(article, order, sentences)


def split_documents(articles: Sequence[Article]) -> list[Document]:
    return [split_sentences(article, order) for order, article in enumerate(articles)]


def words_of(text: str) -> list[str]:
    """Lowercased alphanumeric words, for similarity and ranking."""
    return _WORD.findall(text.lower())
