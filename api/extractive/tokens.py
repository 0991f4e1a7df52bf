"""Word tokens of a sentence with offsets, as the actor and stance rules read them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extractive.sentences import ABBREVIATIONS

# Letters of any script ("Rönnlund", "Erdoğan"): ``[^\W_]`` is \w without the underscore.
_TOKEN = re.compile(r"[^\W_]+(?:[.'’&-][^\W_]+)*(?:(?<=s)[’'](?![^\W_]))?\.?|\S")
# A possessive ending: "Sydney's", "Trump’s".
POSSESSIVE = re.compile(r"[’']s$")
# "US-led", "Russian-backed": the capitalized part before the hyphen is the name.
_HYPHEN_SUFFIXES = frozenset(
    (
        "led backed based born made owned run style era linked allied controlled funded "
        "brokered sponsored bound language speaking occupied held annexed installed aligned "
        "friendly"
    ).split()
)


# An Arabic article joined to a name ("al-Zawahiri", "el-Sisi"): a capitalized name word.
_JOINED_ARTICLE = re.compile(r"(?:al|el|ad|ash|as|az|an|ar|at)-[A-Z]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word (or one punctuation mark): ``sentence_text[start:end] == text``."""

    text: str
    start: int
    end: int
    possessive: bool = False
    hyphen_cut: bool = False

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper() or _JOINED_ARTICLE.match(self.text) is not None

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def lower(self) -> str:
        return self.text.lower()


def _trim_period(text: str) -> str:
    if not text.endswith(".") or len(text) == 1:
        return text
    core = text[:-1]
    if "." in core or len(core) == 1 or core.lower() in ABBREVIATIONS:
        return text
    return core


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets; a trailing possessive ("Korea’s") and a "-led" suffix are cut off."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = _trim_period(match.group())
        start = match.start()
        possessive = False
        hyphen_cut = False
        if POSSESSIVE.search(word) and len(word) > 2:
            word = word[:-2]
            possessive = True
        elif word.endswith(("s'", "s’")) and len(word) > 2:
            word = word[:-1]  # a plural's possessive: "American Airlines' Kent Powell"
            possessive = True
        head, _, tail = word.partition("-")
        if tail and tail.lower() in _HYPHEN_SUFFIXES:
            word = head
            hyphen_cut = True
        tokens.append(Token(word, start, start + len(word), possessive, hyphen_cut))
        if len(word) < len(match.group()) and match.group()[len(word) :] == ".":
            tokens.append(Token(".", start + len(word), match.end()))
    return tokens
