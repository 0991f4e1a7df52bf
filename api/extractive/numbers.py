"""Numbers: digits and number words with their qualifier, counted noun and context.

"approximately 80 projectiles" -> 80, about, "projectiles"; "1.5 million people" -> 1500000;
"the 15-member council" -> 15, "member"; "since 2017" -> 2017, unit "year" (a year, not a count).
Mentions of the same value and unit anywhere in the story become one fact with every span.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from api.extractive.sentences import Document, Sentence
from api.schemas import Qualifier

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "m": 1e6, "k": 1e3,
}  # fmt: skip
_CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yuan": "CNY", "yen": "JPY", "won": "KRW", "rubles": "RUB", "roubles": "RUB",
    "rupees": "INR",
}  # fmt: skip

_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (r"approximately|approx\.|about|around|roughly|some|nearly|almost|an estimated|estimated"
     r"|close to|circa|an approximate", Qualifier.ABOUT),
    (r"at least|no fewer than|no less than|a minimum of|not less than", Qualifier.AT_LEAST),
    (r"more than|over|above|upwards of|in excess of|exceeding|greater than", Qualifier.MORE_THAN),
    (r"up to|as many as|as much as|at most|a maximum of|no more than", Qualifier.UP_TO),
    (r"less than|fewer than|under|below|just under|just below", Qualifier.LESS_THAN),
]  # fmt: skip
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<qualifier>"
    + "|".join(f"(?:{pattern})" for pattern, _ in _QUALIFIERS)
    + r")\s+$",
    re.IGNORECASE,
)

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS_WORDS) + r")(?:[- ](?:" + "|".join(list(_UNITS_WORDS)[:9]) + r"))?"
    r"|" + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + r")"
)
_NUMBER = re.compile(
    r"(?<![\w.,:/-])"
    r"(?P<currency>US\$|\$|€|£|¥)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + _WORD_NUMBER
    + r"|an?(?=\s(?:hundred|thousand|million|billion)\b))"
    r"(?P<scale>\s?(?:hundred|thousand|million|billion|trillion)\b|(?<=\d)(?:bn|m|k)\b)?"
    r"(?P<percent>\s?(?:%|percent\b|per cent\b))?"
    r"(?P<compound>-(?!\d)[a-z]+(?:-[a-z]+)*)?"
    r"(?![\w:])",
    re.IGNORECASE,
)
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|to|and|or)\s*$")
_YEAR_SPAN_AFTER = re.compile(r"\s?[-–]\s?\d{4}\b")
_MONTHS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$"
)
_TIME_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock|:\d)", re.IGNORECASE)
_UNIT_WORD = re.compile(r"\s*(?P<word>[A-Za-z][A-Za-z'’-]*)")
_STOP_UNIT = frozenset(
    (
        "a an the of in on at to for from by with and or but into onto over under than that "
        "which who whom whose this these those its their his her our your was were is are be "
        "been being have has had will would could should may might can did do does not no as "
        "per each it they he she we you i them him us alone only just also more less about "
        "after before since during while when where"
    ).split()
)
_IRREGULAR_PLURALS = frozenset(
    ("people children men women police personnel staff troops cattle feet teeth mice").split()
)
_NOT_PLURAL_S = frozenset({"its", "was", "has", "is", "this", "as", "us", "his", "bus", "gas"})
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s(?:which|while|but|and|according)\s")
_CONTENT_WORD = re.compile(r"[a-z][a-z'-]{2,}")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in one sentence: ``sentence.text[start:end] == phrase``."""

    sentence: Sentence
    start: int
    end: int
    phrase: str
    value: float
    qualifier: Qualifier
    unit: str | None
    is_year: bool
    describes: str
    context: frozenset[str]
    range_high: bool = False

    @property
    def unit_head(self) -> str:
        """The last word of the unit, singular: the thing counted ("shells" -> "shell")."""
        if self.is_year:
            return "year"
        if not self.unit:
            return ""
        return singular(self.unit.split()[-1].lower())


@dataclass(slots=True)
class NumberGroup:
    """Mentions of one quantity across the story."""

    mentions: list[NumberMention] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.mentions[0].value


def singular(word: str) -> str:
    """A crude singular, enough to compare counted nouns ("shells"/"shell", "launches"/"launch")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and word not in _NOT_PLURAL_S:
        return word[:-1]
    return word


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    return lowered in _IRREGULAR_PLURALS or (
        lowered.endswith("s") and not lowered.endswith("ss") and lowered not in _NOT_PLURAL_S
    )


def parse_number(number: str, scale: str | None) -> float | None:
    """ "3,000" -> 3000, "1.5" + "million" -> 1500000, "twenty-three" -> 23, "eighty" -> 80."""
    cleaned = number.replace(",", "").lower()
    if cleaned in ("a", "an"):
        cleaned = "1"
    try:
        value = float(cleaned)
    except ValueError:
        parts = re.split(r"[- ]", cleaned)
        if not parts or not all(p in _TENS_WORDS or p in _UNITS_WORDS for p in parts):
            return None
        value = float(sum(_TENS_WORDS.get(p, 0) + _UNITS_WORDS.get(p, 0) for p in parts))
    if scale:
        value *= _SCALES[scale.strip().lower()]
    return value


def _qualifier_before(text: str, start: int) -> tuple[Qualifier, int]:
    """The qualifier words right before ``start`` and where they begin."""
    window = text[max(0, start - 30) : start]
    match = _QUALIFIER_BEFORE.search(window)
    if match is None:
        return Qualifier.EXACT, start
    wanted = match.group("qualifier").lower()
    for pattern, qualifier in _QUALIFIERS:
        if re.fullmatch(pattern, wanted, re.IGNORECASE):
            return qualifier, start - len(window) + match.start("qualifier")
    return Qualifier.EXACT, start


_CAPITALISED_UNIT = re.compile(
    r"\s*(?P<unit>(?:[A-Z][a-z][\w'’-]*\s){1,4}(?:[a-z][\w-]*\s)??[a-z][\w-]*s)\b"
)


# "three of Australia's biggest banks", "five of the victims": the counted noun after "of"
_PARTITIVE_UNIT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|[A-Z][\w]*['’]s)\s+"
    r"(?P<unit>(?:[a-z][\w-]*\s){0,2}?[a-z][\w-]*s)\b"
)


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The counted noun after a number: up to three words, ending at the first plural; names
    may lead it when a plain plural ends it ("7,500 Swiss francs", "four Saudi-born fighters"),
    and "of the" may come first ("three of Australia's biggest banks")."""
    capitalised = _CAPITALISED_UNIT.match(text, end)
    if capitalised and _is_plural(capitalised.group("unit").split()[-1]):
        return capitalised.group("unit"), capitalised.end("unit")
    partitive = _PARTITIVE_UNIT.match(text, end)
    if partitive:
        nouns = partitive.group("unit").split()
        if _is_plural(nouns[-1]) and not any(
            w in _STOP_UNIT or w in _UNITS_WORDS or w in _TENS_WORDS for w in nouns
        ):
            return partitive.group("unit"), partitive.end("unit")
    words: list[tuple[str, int]] = []
    position = end
    while len(words) < 3:
        match = _UNIT_WORD.match(text, position)
        if match is None:
            break
        word = match.group("word")
        lowered = word.lower()
        if lowered in _STOP_UNIT or (lowered.endswith(("ed", "ing")) and not words):
            break
        if word[:1].isupper() and not word.isupper():
            break
        words.append((word, match.end()))
        position = match.end()
        if _is_plural(word):
            break
    if not words:
        return None, end
    plural_at = next((i for i, (w, _) in enumerate(words) if _is_plural(w)), 0)
    chosen = words[: plural_at + 1]
    return " ".join(w for w, _ in chosen), chosen[-1][1]


def _clause_around(text: str, start: int, end: int) -> str:
    """The words around a number up to the nearest clause breaks, at most ~8 words each side."""
    left = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    clause_start = breaks[-1].end() if breaks else 0
    right_break = _CLAUSE_BREAK.search(text, end)
    clause_end = right_break.start() if right_break else len(text)
    before = text[clause_start:start].split()[-8:]
    after = text[end:clause_end].split()[:8]
    return " ".join([*before, text[start:end], *after]).strip(" .")


def stem(word: str) -> str:
    """A crude stem so that "fired" and "firing" meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _context_words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _CONTENT_WORD.findall(text.lower()) if w not in _STOP_UNIT)


def _is_identifier(text: str, start: int) -> bool:
    """ "Resolution 2397", "Flight 370": a number right after a capitalized word names a thing."""
    before = text[:start].rstrip()
    if len(before) == len(text[:start]):
        return False
    last = before.split()[-1] if before.split() else ""
    return bool(last) and last[:1].isupper() and last.isalpha() and len(before.split()) > 1


def numbers_in_sentence(sentence: Sentence) -> list[NumberMention]:
    """Every number of a sentence with its qualifier, unit and context."""
    text = sentence.text
    found: list[NumberMention] = []
    previous_end = -1
    for match in _NUMBER.finditer(text):
        number = match.group("number")
        if number.lower() == "one" and not match.group("compound") and not match.group("scale"):
            continue  # "one of which", "no one": too often not a count
        value = parse_number(number, match.group("scale"))
        if value is None or _MONTHS.search(text[: match.start()]):
            continue
        if _TIME_AFTER.match(text, match.end()):
            continue
        if _YEAR_SPAN_AFTER.match(text, match.end()) and number.isdigit() and len(number) == 4:
            continue  # "the 1979-1989 war": a period, not a key year
        if (
            number[0].isdigit()
            and _is_identifier(text, match.start())
            and not match.group("currency")
        ):
            continue
        mention = _read_number(sentence, match, value)
        is_range = (
            found
            and previous_end >= 0
            and _RANGE_JOINER.match(text[previous_end : match.start()])
            and found[-1].unit in (None, mention.unit)
            and not mention.is_year
        )
        if is_range:
            found[-1] = _as_range_end(found[-1], Qualifier.AT_LEAST, mention.unit)
            mention = dataclasses.replace(
                _as_range_end(mention, Qualifier.UP_TO, mention.unit), range_high=True
            )
        previous_end = match.end()
        found.append(mention)
    return [m for m in found if (m.unit or m.qualifier is not Qualifier.EXACT) and is_a_count(m)]


_FRACTIONS = re.compile(
    r"\w-(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?)\b", re.IGNORECASE
)
_NOT_COUNTED = frozenset({"other", "others", "another"})


def is_a_count(mention: NumberMention) -> bool:
    """Not a fraction ("two-thirds"), not "seven others", and not a small number the story
    already introduced ("the two countries", "the three men")."""
    if _FRACTIONS.search(mention.phrase):
        return False
    if mention.unit and mention.unit.lower() in _NOT_COUNTED:
        return False
    before = mention.sentence.text[: mention.start].split()
    definite = bool(before) and before[-1].lower() == "the"
    return not (definite and mention.value < 10 and not mention.is_year)


def _as_range_end(mention: NumberMention, qualifier: Qualifier, unit: str | None) -> NumberMention:
    """One end of "between 10 and 20 people": the low end is at least, the high one up to."""
    if mention.is_year:
        return mention
    return dataclasses.replace(
        mention,
        qualifier=qualifier if mention.qualifier is Qualifier.EXACT else mention.qualifier,
        unit=mention.unit or unit,
    )


def _read_number(sentence: Sentence, match: re.Match[str], value: float) -> NumberMention:
    text = sentence.text
    number = match.group("number")
    compound = match.group("compound")
    currency = match.group("currency")
    percent = match.group("percent")
    qualifier, start = _qualifier_before(text, match.start())
    end = match.end()
    unit: str | None
    if currency:
        unit = _CURRENCIES[currency]
    elif percent:
        unit = "percent"
    elif compound:
        unit = compound.lstrip("-")
        if unit.endswith("-old"):
            unit = unit.removesuffix("-old").replace("-", " ") + "s old"
        head, head_end = _unit_after(text, end)
        end = head_end if head else end
    else:
        unit, end = _unit_after(text, end)
        if unit and unit.lower() in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[unit.lower()]
        elif unit and value > 1 and not any(_is_plural(word) for word in unit.split()):
            # "the 767 jetliner", "a two nautical mile lead": a designation or a modifier
            unit, end = None, match.end()
    plain_digits = number.isdigit() and len(number) == 4
    is_year = (
        plain_digits
        and 1900 <= value <= 2100
        and not (currency or percent or match.group("scale") or compound)
        and qualifier is Qualifier.EXACT
        and not (unit and _is_plural(unit.split()[-1]))
    )
    if is_year:
        unit = "year"
        start, end = _year_span(text, match, start)
    phrase = text[start:end]
    # without a counted noun, the sentence is what says what the number counts
    describes = _clause_around(text, start, end) if unit else text.strip()
    return NumberMention(
        sentence,
        start,
        end,
        phrase,
        value,
        qualifier,
        unit,
        is_year,
        describes,
        _context_words(text),
    )


def _year_span(text: str, match: re.Match[str], start: int) -> tuple[int, int]:
    """A year's evidence: the preposition before it when there is one ("since 2017")."""
    before = re.search(r"\b(?:in|since|by|until|from|before|after|during)\s+$", text[:start])
    return (before.start() if before else match.start()), match.end()


_DAY_OF_MONTH = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s(?P<day>[1-9]|[12]\d|3[01])\b(?![:.]\d)(?!,?\s\d{4})"
)
_AGE_APPOSITION = re.compile(r"\b[A-Z][a-z]+, (?P<age>[1-9]\d),")


def _mention_at(sentence: Sentence, start: int, end: int, value: float, unit: str) -> NumberMention:
    text = sentence.text
    return NumberMention(
        sentence,
        start,
        end,
        text[start:end],
        value,
        Qualifier.EXACT,
        unit,
        False,
        _clause_around(text, start, end),
        _context_words(text),
    )


_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_BACKGROUND_MONTHS = range(2, 7)


def is_background_date(month: str, published: date | None) -> bool:
    """A day of a month two to six months before the article was published is background ("the
    September 11 attacks" in a December story); later ones may be coming dates, so they stay."""
    if published is None:
        return False
    return (published.month - _MONTH_NUMBERS[month]) % 12 in _BACKGROUND_MONTHS


def dates_and_ages_in_sentence(
    sentence: Sentence, published: date | None = None
) -> list[NumberMention]:
    """Days of a month without a year ("the December 13 attack" -> 13, "day of December"; a
    dated year is read as its year; not background dates long before ``published``) and ages in
    apposition ("Mr Blake, 53," -> 53, "years old")."""
    found = [
        _mention_at(sentence, m.start(), m.end(), float(m.group("day")), f"day of {m['month']}")
        for m in _DAY_OF_MONTH.finditer(sentence.text)
        if not is_background_date(m["month"], published)
    ]
    found += [
        _mention_at(sentence, m.start(), m.end("age"), float(m.group("age")), "years old")
        for m in _AGE_APPOSITION.finditer(sentence.text)
    ]
    return found


def _published(document: Document) -> date | None:
    published = document.article.published_at
    return published.date() if published else None


def find_numbers(documents: Sequence[Document]) -> list[NumberMention]:
    return [
        mention
        for document in documents
        for sentence in document.sentences
        for mention in (
            *numbers_in_sentence(sentence),
            *dates_and_ages_in_sentence(sentence, _published(document)),
        )
    ]


_SHORT_SPANS = frozenset({"day", "week", "hour"})
_LEAD_SENTENCES = 2
_MANY_YEARS = 3
_LISTING_SENTENCE = 4


def _in_lead(group: NumberGroup) -> bool:
    return min(m.sentence.index for m in group.mentions) < _LEAD_SENTENCES


def _in_several_articles(group: NumberGroup) -> bool:
    return len({m.sentence.article for m in group.mentions}) > 1


def key_numbers(groups: Sequence[NumberGroup]) -> list[NumberGroup]:
    """The numbers an editor keeps: not the high end of a range, not a span of a few days that
    only times the story, ages only of the people the story leads with, years only from the lead
    or several articles when the story lists many (a biography), and from a sentence that lists
    many numbers of one kind (a sentence and a fine for each of six men) only those the story
    repeats elsewhere."""
    years = sum(group.mentions[0].is_year for group in groups)
    candidates = []
    for group in groups:
        first = group.mentions[0]
        if all(m.range_high for m in group.mentions):
            continue
        if first.unit_head in _SHORT_SPANS and first.value <= 3:
            continue
        central = _in_lead(group) or _in_several_articles(group)
        if first.unit == "years old" and not central:
            continue
        if first.is_year and years > _MANY_YEARS and not central:
            continue
        candidates.append(group)
    per_sentence: dict[Sentence, int] = {}
    per_unit: dict[tuple[Sentence, str], int] = {}
    for group in candidates:
        for mention in group.mentions:
            per_sentence[mention.sentence] = per_sentence.get(mention.sentence, 0) + 1
            key = (mention.sentence, mention.unit_head)
            per_unit[key] = per_unit.get(key, 0) + 1
    kept = []
    for group in candidates:
        first = group.mentions[0]
        sentences = {m.sentence for m in group.mentions}
        listed = (
            per_sentence[first.sentence] >= _LISTING_SENTENCE
            and per_unit[(first.sentence, first.unit_head)] > 1
        )
        if len(sentences) == 1 and listed:
            continue
        kept.append(group)
    return kept


def same_quantity(first: NumberMention, second: NumberMention) -> bool:
    """Same value and unit; or the same value counting things in closely worded contexts
    ("approximately 80 projectiles" / "more than 80 artillery shells" fired into the sea)."""
    if first.value != second.value or first.is_year != second.is_year:
        return False
    if first.unit_head == second.unit_head:
        return True
    if first.sentence == second.sentence:
        return False
    if first.is_year or "percent" in (first.unit, second.unit) or first.value < 10:
        return False
    if {first.unit, second.unit} & set(_CURRENCIES.values()):
        return False
    shared = (first.context & second.context) - {stem(first.unit_head), stem(second.unit_head)}
    return len(shared) >= 3


def group_numbers(mentions: Sequence[NumberMention]) -> list[NumberGroup]:
    """Mentions of the same quantity grouped, in order of first appearance."""
    groups: list[NumberGroup] = []
    for mention in mentions:
        for group in groups:
            if any(same_quantity(mention, other) for other in group.mentions):
                group.mentions.append(mention)
                break
        else:
            groups.append(NumberGroup([mention]))
    return groups


def majority_qualifier(group: NumberGroup) -> Qualifier:
    """The qualifier most mentions use; the first mention's on a tie."""
    counts: dict[Qualifier, int] = {}
    for mention in group.mentions:
        counts[mention.qualifier] = counts.get(mention.qualifier, 0) + 1
    best = max(counts.values())
    return next(m.qualifier for m in group.mentions if counts[m.qualifier] == best)
