"""Numbers: digits and number words with their qualifier, counted noun and context.

"approximately 80 projectiles" -> 80, about, "projectiles"; "1.5 million people" -> 1500000;
"the 15-member council" -> 15, "member"; "since 2017" -> 2017, unit "year" (a year, not a count).
Mentions of the same value and unit anywhere in the story become one fact with every span, and
so do compatible nouns ("550 employees" / "more than 550 staff") and a bare number another
article repeats ("Chasing 375" / "Needing 375").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from api.extractive.gazetteer import (
    ABBREVIATED_MONTH_PATTERN,
    DAY_NAMES,
    FULL_MONTH_PATTERN,
    MONTH_NAMES,
)
from api.extractive.sentences import Document, Sentence
from api.number_words import CURRENCY_WORDS, SCALES, SHORT_SCALES, TENS, UNITS
from api.schemas import Qualifier

_SCALES = {**SCALES, **SHORT_SCALES, "dozen": 12}
# Currency signs before a figure, by ISO code: the dollars of several countries have their own
# prefix ("A$100 million", "HK$2 billion"), and Indian news writes rupees "Rs 500 crore".
_CURRENCIES = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "₹": "INR",
    "Rs": "INR", "Rs.": "INR", "₩": "KRW", "₽": "RUB",
}  # fmt: skip
_CURRENCY_SIGN = "|".join(re.escape(sign) for sign in sorted(_CURRENCIES, key=len, reverse=True))
_SCALE_WORDS = "|".join(sorted((*SCALES, "dozen"), key=len, reverse=True))
_SHORT_SCALE_WORDS = "|".join(sorted(SHORT_SCALES, key=len, reverse=True))

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

# Units of measure, which may be written against the figure ("300mm", "45C", "1.5°C").
_MEASURE_UNITS = (
    r"°\s?[CF]\b|(?<=\d)(?-i:[CF])(?![\w-])"
    r"|(?:mph|km/h|kph|km|kg|cm|mm|ft|lbs?|mg|ml|MW|GW|kW|GB|TB|knots?|bbl|bps?)\b"
)
# Units the markets abbreviate, spelled out: "25bp" is 25 basis points.
_SPELLED_UNITS = {"bp": "basis points", "bps": "basis points"}
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(list(UNITS)[:9]) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
)
_NUMBER = re.compile(
    # not inside a word, a figure or a code ("F-16", "COVID-19"); but after a figure's hyphen,
    # the high end of a range ("10-15 million", "$5-6 billion")
    r"(?<![\w.,:/])(?<![^\d]-)(?<!^-)"
    # a sign is written against the figure, but "Rs" takes a space: "Rs 500 crore"
    rf"(?:(?P<currency>{_CURRENCY_SIGN})(?:(?<=Rs)\s|(?<=Rs\.)\s)?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + _WORD_NUMBER
    + r"|an?(?=\s(?:hundred|thousand|million|billion|dozen)\b))"
    # "22 1/2 years", "3½ hours": a whole number and a fraction
    r"(?P<fraction>(?<=\d)(?:\s(?:1/2|1/4|3/4|1/3|2/3)(?!\d)|[½¼¾⅓⅔]))?"
    # "$600-million", "two dozen": the scale may be hyphened on
    rf"(?P<scale>[\s-]?(?:{_SCALE_WORDS})\b|(?<=\d)(?:{_SHORT_SCALE_WORDS})\b|\s(?:mln|bln)\b)?"
    # "4.5pc": British papers' percent, written against the figure
    r"(?P<percent>\s?(?:%|percent\b|per cent\b)|(?<=\d)pc\b)?"
    r"(?P<compound>-(?!\d)[a-z]+(?:-[a-z]+)*)?"
    # "searched 7x more", "rose 2.5x": a multiple written with an x
    r"(?P<multiple>(?<=\d)x)?"
    rf"(?:(?![\w:])|(?=(?<=\d)(?:{_MEASURE_UNITS})))",
    re.IGNORECASE,
)
_FRACTION_VALUES = {
    "1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "2/3": 2 / 3,
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3,
}  # fmt: skip
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|to|and|or)\s*$")
# "rose from 60 percent to 75 percent", "raise the minimum wage by $1 to $8.25": a change's two
# values, not a range of one quantity.
_CHANGE_FROM = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increased|increases|"
    r"increase|decreased|decreases|decrease|climbed|climbs|jumped|jumps|dropped|drops|"
    r"declined|declines|grew|grows|grown|slipped|slips|soared|soars|plunged|plunges|surged|"
    r"surges|went|goes|gone|raised|raises|raise|cut|cuts|lowered|lowers|lower|reduced|"
    r"reduces|reduce|boosted|boosts|moved|moves|changed|slid|sank|tumbled|eased|edged)"
    r"\s+(?:[a-z'’]+\s+){0,4}(?:from|by)\s+(?:about\s+|nearly\s+|almost\s+|around\s+)?[$£€¥]?$",
    re.IGNORECASE,
)
_YEAR_SPAN_AFTER = re.compile(r"\s?[-–]\s?\d{4}\b")
# A preposition of time before four digits makes them a year even when a plural follows ("By
# 1997 almost all uses ... will be outlawed", "since 1987 workers have").
_YEAR_PREPOSITION = re.compile(r"\b(?i:in|by|since|until|before|after|from|during)\s+$")
_MONTHS = re.compile(rf"(?:{FULL_MONTH_PATTERN}|{ABBREVIATED_MONTH_PATTERN})\.?\s+$")
_YEAR_DIGITS = re.compile(r"1\d{3}|20\d{2}")
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
    (
        "people children men women police personnel staff troops cattle feet teeth mice "
        "referenda criteria phenomena memoranda"
    ).split()
)
# Nouns whose plural is the singular: a count of them ("2,443 aircraft"), but never enough to
# make a count of a number after a name ("a Beech 200 aircraft" is a model).
_ZERO_PLURALS = frozenset("aircraft spacecraft sheep deer livestock".split())
_IRREGULAR_PLURALS |= _ZERO_PLURALS
_NOT_PLURAL_S = frozenset({"its", "was", "has", "is", "this", "as", "us", "his", "bus", "gas"})
# a comma inside a figure ("$7,000") breaks no clause
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\"“”]|\s(?:which|while|but|and|according)\s")
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
    ordinal: bool = False
    score: bool = False

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
        if not parts or not all(p in TENS or p in UNITS for p in parts):
            return None
        value = float(sum(TENS.get(p, 0) + UNITS.get(p, 0) for p in parts))
    if scale:
        value = _scaled(value, _SCALES[scale.strip(" -").lower()])
    return value


def _scaled(value: float, factor: float) -> float:
    """``value * factor`` in decimal, as the text writes it: "4.1 million" is 4,100,000, not the
    4099999.9999999995 that binary floating point makes of it."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _qualifier_before(text: str, start: int) -> tuple[Qualifier, int]:
    """The qualifier words right before ``start`` and where they begin."""
    window = text[max(0, start - 30) : start]
    match = _QUALIFIER_BEFORE.search(window)
    if match is None:
        return Qualifier.EXACT, start
    wanted = match.group("qualifier").lower()
    if wanted in _PLACING_WORDS and _PLACED_BEFORE.search(window, 0, match.start("qualifier")):
        return Qualifier.EXACT, start  # "struggling under £15 billion of debt": a burden
    for pattern, qualifier in _QUALIFIERS:
        if re.fullmatch(pattern, wanted, re.IGNORECASE):
            return qualifier, start - len(window) + match.start("qualifier")
    return Qualifier.EXACT, start


# "under" after a verb of bearing a load places a thing rather than bounds a number: "struggling
# under £15 billion of debt", "buried under 2 metres of snow" (but "fell below 300" bounds it).
_PLACING_WORDS = frozenset({"under", "over", "below", "above"})
_PLACED_BEFORE = re.compile(
    r"\b(?:struggl|labou?r|buckl|sagg|groan|reel|drown|buri|bury|crush|collaps|stagger|suffer)"
    r"[a-z]*\s+$"
)


_CAPITALISED_UNIT = re.compile(
    r"\s*(?P<unit>(?:(?:[A-Z][a-z][\w'’-]*|[A-Z][A-Z.&]*[A-Z]\.?)\s){1,4}(?:[a-z][\w-]*\s)??"
    r"(?:[a-z][\w-]*s|" + "|".join(sorted(_IRREGULAR_PLURALS)) + r"))\b"
)
# "14 Australians", "four Israelis", "two Afghans", "20,000 Marines", "three Democrats",
# "11,703,090 New Yorkers": a people's name in the plural is what is counted (not a name that
# ends in -s: "Qantas", "Davis")
_DEMONYM_PLURAL = re.compile(
    r"\s*(?P<unit>(?:New\s+)?[A-Z][a-z]+(?:ans|is|ons|ers|ines|ats))\b(?![’'-])"
)


# "11 foreign Taliban fighters": a name between the words of the counted noun
_MIXED_UNIT = re.compile(
    r"\s*(?P<unit>[a-z][\w-]*\s(?:[A-Z][a-z][\w'’-]*\s){1,2}[a-z][\w-]*)\b(?![’'-])"
)


# "three of Australia's biggest banks", "five of the victims": the counted noun after "of"
_PARTITIVE_UNIT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|[A-Z][\w]*['’]s)\s+"
    r"(?P<unit>(?:[a-z][\w-]*\s){0,2}?(?:[a-z][\w-]*s|men|women|children|people|police))\b"
)


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The counted noun after a number: up to three words, ending at the first plural; names
    may lead it when a plain plural ends it ("7,500 Swiss francs", "four Saudi-born fighters"),
    and "of the" may come first ("three of Australia's biggest banks")."""
    capitalised = _CAPITALISED_UNIT.match(text, end)
    if capitalised and _is_plural(capitalised.group("unit").split()[-1]):
        return capitalised.group("unit"), capitalised.end("unit")
    mixed = _MIXED_UNIT.match(text, end)
    mixed_words = mixed["unit"].split() if mixed else []
    if mixed and _is_plural(mixed_words[-1]) and not any(w in _STOP_UNIT for w in mixed_words):
        return mixed.group("unit"), mixed.end("unit")
    demonym = _DEMONYM_PLURAL.match(text, end)
    if demonym:
        return demonym.group("unit"), demonym.end("unit")
    partitive = _PARTITIVE_UNIT.match(text, end)
    if partitive:
        nouns = partitive.group("unit").split()
        if _is_plural(nouns[-1]) and not any(
            w in _STOP_UNIT or w in UNITS or w in TENS for w in nouns
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
        if lowered == "more" and not words:
            pass  # "four more people died": more of the thing counted
        elif lowered in _STOP_UNIT or (_verb_form(lowered) and not words):
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


def _verb_form(word: str) -> bool:
    """ "six killed", "two missing": a verb, not the thing counted; a compound adjective is not
    one ("six weather-related cancellations", "two state-owned banks")."""
    return word.endswith(("ed", "ing")) and "-" not in word


def _clause_around(text: str, start: int, end: int) -> str:
    """The words around a number up to the nearest clause breaks, at most ~8 words each side;
    a clause too short to say anything ("In 2015", "Mr Blake, 53") takes in the clause after
    it ("In 2015, the plant closed"), or before it at the end of the sentence."""
    breaks = list(_CLAUSE_BREAK.finditer(text, 0, start))
    clause_start = breaks[-1].end() if breaks else 0
    right_break = _CLAUSE_BREAK.search(text, end)
    clause_end = right_break.start() if right_break else len(text)
    if len(text[clause_start:clause_end].split()) < _DESCRIBES_WORDS:
        if right_break is not None:
            further = _CLAUSE_BREAK.search(text, right_break.end())
            clause_end = further.start() if further else len(text)
        elif breaks:
            clause_start = breaks[-2].end() if len(breaks) > 1 else 0
    left = _last_words(text[clause_start:start], 8)
    right = _first_words(text[end:clause_end], 8)
    return f"{left}{text[start:end]}{right}".strip(" .,")


def _last_words(text: str, count: int) -> str:
    """The end of ``text`` from its ``count``-th last word, as written."""
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return text[starts[-count] :] if len(starts) > count else text


def _first_words(text: str, count: int) -> str:
    """The start of ``text`` to the end of its ``count``-th word, as written."""
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return text[: ends[count - 1]] if len(ends) > count else text


_DESCRIBES_WORDS = 4


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


# Words whose number names a thing whatever follows it: "Chapter 11 bankruptcy proceedings",
# "Fortune 500 executives", "Glock 18 machine pistols", "Japan's No. 1 computer maker".
_NUMBERED_HEADS = frozenset(
    (
        "Chapter Title Article Section Amendment Proposition Prop Resolution Flight Route "
        "Highway Interstate Fortune Nasdaq Glock Boeing Airbus Apollo Formula Windows iPhone "
        "Xbox PlayStation No No. Channel"
    ).split()
)


def _named_by_number(text: str, start: int) -> bool:
    """The number right after one of ``_NUMBERED_HEADS`` is part of a name."""
    before = text[:start].split()
    return bool(before) and before[-1] in _NUMBERED_HEADS and text[:start].endswith(" ")


def _counts_a_plural(text: str, end: int) -> bool:
    """ "Afghanistan 10 days ago": a plural noun after the number makes it a count even right
    after a name."""
    unit, _ = _unit_after(text, end)
    return unit is not None and _is_plural(unit.split()[-1]) and unit not in _ZERO_PLURALS


def _one_counts(text: str, match: re.Match[str]) -> bool:
    """ "one" is a count with a qualifier and a noun ("roughly one hour", "at least one
    soldier"), before "person" ("One person has died") or in a ratio ("one in five voters");
    not in "one of which", "no one"."""
    if match.group("compound") or match.group("scale") or _RATIO_AFTER.match(text, match.end()):
        return True
    unit, _ = _unit_after(text, match.end())
    if not unit or unit.split()[-1].lower() in _STOP_UNIT:
        return False
    qualifier, _ = _qualifier_before(text, match.start())
    return qualifier is not Qualifier.EXACT or unit.split()[-1].lower() == "person"


def numbers_in_sentence(sentence: Sentence) -> list[NumberMention]:
    """Every number of a sentence with its qualifier, unit and context."""
    return [m for m in _numbers_read(sentence) if not _is_bare(m) and is_a_count(m)]


def _out_of(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "seven out of every 100 Hispanic children": the seven are Hispanic children; the 100
    only says how they were counted."""
    kept: list[NumberMention] = []
    skip = -1
    for index, mention in enumerate(mentions):
        if index == skip:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            following is not None
            and mention.unit is None
            and following.unit
            and (
                _OUT_OF_EVERY.fullmatch(text, mention.end, following.start)
                or (
                    _RATIO.fullmatch(text, mention.end, following.start)
                    and mention.value < following.value
                )
            )
        ):
            share = f"per {following.value:g} {following.unit}"
            # the evidence is the whole share: "One in five voters", not "One"
            kept.append(
                dataclasses.replace(
                    mention,
                    unit=share,
                    end=following.end,
                    phrase=text[mention.start : following.end],
                    describes=_clause_around(text, mention.start, following.end),
                )
            )
            skip = index + 1
        else:
            kept.append(mention)
    return kept


_OUT_OF_EVERY = re.compile(r"\s+(?:out\s+)?of\s+(?:every|each)\s+")
# "one in five voters", "three out of four families": a share, told as so many of so many (but
# "killed 20 in three attacks" is not one: the first number must be the smaller)
_RATIO = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?")
_RATIO_AFTER = re.compile(_RATIO.pattern + rf"(?:\d|{_WORD_NUMBER}\b)", re.IGNORECASE)


def _is_bare(mention: NumberMention) -> bool:
    """A number with neither a counted noun nor a qualifier: "Chasing 375 for victory"."""
    return not mention.unit and mention.qualifier is Qualifier.EXACT


def _numbers_read(sentence: Sentence) -> list[NumberMention]:
    """Every number of a sentence, bare ones too."""
    text = sentence.text
    found: list[NumberMention] = []
    previous_end = -1
    for match in _NUMBER.finditer(text):
        number = match.group("number")
        if number.lower() == "one" and not _one_counts(text, match):
            continue  # "one of which", "no one": too often not a count
        value = parse_number(number, match.group("scale"))
        if value is None:
            continue
        if match.group("fraction"):
            value += _FRACTION_VALUES[match.group("fraction").strip()]
        after_month = bool(_MONTHS.search(text[: match.start()]))
        if after_month and not _YEAR_DIGITS.fullmatch(number):
            continue  # "December 13": a day (read as a date); "October 2021" is a year
        if _TIME_AFTER.match(text, match.end()):
            continue
        if _YEAR_SPAN_AFTER.match(text, match.end()) and number.isdigit() and len(number) == 4:
            continue  # "the 1979-1989 war": a period, not a key year
        if number[0].isdigit() and _named_by_number(text, match.start()):
            continue
        if (
            number[0].isdigit()
            and not after_month
            and _is_identifier(text, match.start())
            and not match.group("currency")
            and not _counts_a_plural(text, match.end())
        ):
            continue
        joined = _HYPHEN_AFTER_FIGURE.search(text, 0, match.start()) is not None
        if joined and not _high_end(found, previous_end, match, value):
            continue  # "3-2", "2023-11-05", "1979-1989": a score, a date, a period
        mention = _read_number(sentence, match, value)
        if joined and mention.unit is None:
            mention = dataclasses.replace(mention, unit=found[-1].unit)  # "$5-6 billion"
        is_range = (
            found
            and previous_end >= 0
            and _RANGE_JOINER.match(text[previous_end : match.start()])
            and found[-1].unit in (None, mention.unit)
            and not mention.is_year
            and not _CHANGE_FROM.search(text[: found[-1].start])
        )
        if is_range:
            low = _with_shared_scale(found[-1], match.group("scale"), mention.value)
            found[-1] = _as_range_end(low, Qualifier.AT_LEAST, mention.unit)
            mention = dataclasses.replace(
                _as_range_end(mention, Qualifier.UP_TO, mention.unit), range_high=True
            )
        previous_end = match.end()
        found.append(mention)
    return _out_of(text, found)


_HYPHEN_AFTER_FIGURE = re.compile(r"\d[-–]$")


def _high_end(
    found: Sequence[NumberMention], previous_end: int, match: re.Match[str], value: float
) -> bool:
    """A figure written right after another and a hyphen is the high end of a range when it is
    larger and neither is a year: "10-15 million", "25-60 miles"."""
    if not found or previous_end != match.start() - 1:
        return False
    low = found[-1]
    number = match.group("number")
    return value > low.value and not low.is_year and not (number.isdigit() and len(number) == 4)


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
    if _hyperbole(mention):
        return False
    before = mention.sentence.text[: mention.start].split()
    definite = bool(before) and before[-1].lower() == "the"
    # "the two countries" names what the story counted already; "the 7.8-magnitude earthquake"
    # measures
    small = mention.value < 10 and float(mention.value).is_integer()
    return not (definite and small and not mention.is_year) or time_point(mention)


_SPOKEN = re.compile(r"[\"“”]|\b(?:I|I'm|we|you)\b")


def _hyperbole(mention: NumberMention) -> bool:
    """ "I am not 100 per cent sure", "you know 99 per cent of the catches": all-but-all said in
    speech is a manner of speaking, not a measured share."""
    return (
        mention.unit == "percent"
        and mention.value in (99, 100)
        and bool(_SPOKEN.search(mention.sentence.text))
    )


_TIME_UNITS = frozenset("second minute hour day week month year decade century".split())
_TIME_POINT_BEFORE = re.compile(r"\b(?:in|within|next)\s+$", re.IGNORECASE)
_TIME_POINT_AFTER = re.compile(r"\s+(?:ago|since|from now)\b")


def time_point(mention: NumberMention) -> bool:
    """A span that dates an event from now: "three days ago", "elections in two years", "over the
    next two days", "the three decades since"; not a stretch ("after two days of hearings")."""
    if mention.is_year or mention.unit_head not in _TIME_UNITS:
        return False
    text = mention.sentence.text
    return bool(
        _TIME_POINT_BEFORE.search(text[: mention.start])
        or _TIME_POINT_AFTER.match(text, mention.end)
    )


def _with_shared_scale(low: NumberMention, scale: str | None, high: float) -> NumberMention:
    """The low end of "$400 to $500 million" carries the high end's scale word: 400 million."""
    factor = _SCALES.get((scale or "").strip(" -").lower())
    if not factor or low.value >= factor or low.value * factor > high:
        return low
    return dataclasses.replace(low, value=_scaled(low.value, factor))


def _as_range_end(mention: NumberMention, qualifier: Qualifier, unit: str | None) -> NumberMention:
    """One end of "between 10 and 20 people": the low end is at least, the high one up to."""
    if mention.is_year:
        return mention
    return dataclasses.replace(
        mention,
        qualifier=qualifier if mention.qualifier is Qualifier.EXACT else mention.qualifier,
        unit=mention.unit or unit,
    )


_CASUALTIES = re.compile(
    r"\s(?:more\s)?(?:were|have been|had been|are)\s(?:also\s)?"
    r"(?P<what>killed|injured|wounded|hurt|arrested|detained|missing|dead)\b"
)


# Units of measure that never take a plural "s": "winds of 23 mph", "1.5°C of warming",
# "4.9 million bbl. of oil".
_MEASURE_AFTER = re.compile(rf"\s?(?P<unit>{_MEASURE_UNITS})")
# A verb of harm right before a number with no noun counts people: "the virus has killed 3,338".
_VICTIMS_BEFORE = re.compile(
    r"\b(?P<what>killed|killing|kills|injured|injuring|injures|wounded|wounding|wounds|"
    r"infected|infecting|infects)\s+$"
)
_NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|(?:in|on|at|and|since|so|last|this|during|across|over|inside)\b)"
)
_PAST = {"kill": "killed", "inju": "injured", "woun": "wounded", "infe": "infected"}
# What a bare figure measures, named just before it: "circulation of", "an average of"
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[- ]$", re.IGNORECASE)
# A bare figure a death toll comes to counts the dead: "the death toll rose to 45", "a death toll
# of 300", "the toll stood at 12"
_TOLL_BEFORE = re.compile(
    r"\b(?:death|casualty)\s+toll\b(?:\s+[\w’'-]+){0,10}?\s+(?:to|at|of|reached|hit|passed|"
    r"topped|is|was|now)\s+$",
    re.IGNORECASE,
)
_MEASURED_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s+$")


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
    elif match.group("multiple"):
        unit = "times"
    elif compound:
        unit = compound.lstrip("-")
        if unit.endswith("-old"):
            unit = unit.removesuffix("-old").replace("-", " ") + "s old"
        head, head_end = _unit_after(text, end)
        end = head_end if head else end
    elif measure := _MEASURE_AFTER.match(text, end):
        unit, end = measure.group("unit"), measure.end("unit")
        unit = _SPELLED_UNITS.get(unit, unit)
    else:
        unit, end = _unit_after(text, end)
        if unit and unit.lower() in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[unit.lower()]
        elif unit and value > 1 and not any(_is_plural(word) for word in unit.split()):
            # "the 767 jetliner", "a two nautical mile lead": a designation or a modifier
            unit, end = None, match.end()
        casualties = _CASUALTIES.match(text, end) if unit in (None, "more") else None
        if casualties and value > 1:
            # "Nineteen more were injured": people, counted by what befell them
            unit, end = casualties["what"], casualties.end()
        victims = None
        if unit is None and _NO_NOUN_AFTER.match(text, match.end()):
            victims = _VICTIMS_BEFORE.search(text[:start])
        if victims and value > 1:
            unit = f"people {_PAST[victims['what'][:4]]}"  # "has killed 3,338": 3,338 dead
        # "average circulation of 4,393,237", "a daily average of 133.8 million"; but "the first
        # nine months of 1989" is a year
        measured = (
            _MEASURED_BEFORE.search(text[:start])
            if unit is None
            and value >= _MIN_COMPATIBLE_VALUE
            and not _YEAR_DIGITS.fullmatch(number)
            and _NO_NOUN_AFTER.match(text, match.end())
            else None
        )
        if measured and measured["noun"] not in _STOP_UNIT:
            unit = measured["noun"]
        if unit is None and _MAGNITUDE_BEFORE.search(text[:start]):
            unit = "magnitude"  # "a magnitude 7.8 earthquake"
        elif unit is None and _TOLL_BEFORE.search(text[:start]):
            unit = "deaths"  # "the death toll rose to 45"
    plain_digits = number.isdigit() and len(number) == 4
    # "in 1775", "October 1851": an older year needs a preposition or a month before it
    dated = bool(_YEAR_PREPOSITION.search(text[:start]) or _MONTHS.search(text[:start]))
    is_year = (
        plain_digits
        and (1900 <= value <= 2100 or (1000 <= value < 1900 and dated))
        and not (currency or percent or match.group("scale") or compound)
        and qualifier is Qualifier.EXACT
        and not (
            unit
            and _is_plural(unit.split()[-1])
            and not _YEAR_PREPOSITION.search(text[:start])
            and not _dated_thing(text[:start], unit)
        )
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


# "the 2015 rules", "her 2018 disclosures", "Haley's 2016 flights": a year that dates a thing.
_YEAR_DETERMINER = re.compile(r"(?:\b(?i:the|its|his|her|their|our)|['’]s)\s+$")


def _dated_thing(before: str, unit: str) -> bool:
    """A year between a determiner and a plural noun dates it, unless the noun is people ("the
    2000 people" are counted); so does a year after a name ("your Worlds 2023 champions")."""
    head = singular(unit.rsplit(maxsplit=1)[-1].lower())
    if _YEAR_AFTER_NAME.search(before):
        return True
    return bool(_YEAR_DETERMINER.search(before)) and head not in _PEOPLE_NOUNS


# a capitalized word that is not the first of the sentence, right before the year
_YEAR_AFTER_NAME = re.compile(r"\S\s+[A-Z][A-Za-z'’-]*\s+$")


def _year_span(text: str, match: re.Match[str], start: int) -> tuple[int, int]:
    """A year's evidence: the preposition before it when there is one ("since 2017")."""
    before = re.search(r"\b(?:in|since|by|until|from|before|after|during)\s+$", text[:start])
    return (before.start() if before else match.start()), match.end()


_DAY_OF_MONTH = re.compile(
    rf"\b(?P<month>{FULL_MONTH_PATTERN})\s(?P<day>[1-9]|[12]\d|3[01])\b(?![:.]\d)(?!,?\s\d{{4}})"
)
_AGE_APPOSITION = re.compile(r"\b[A-Z][a-z]+, (?P<age>[1-9]\d),")
# "will turn 36 in March", "turned 50 last week": an age reached
_AGE_REACHED = re.compile(
    r"\b(?:turn|turns|turned|turning)\s(?P<age>[1-9]\d)\b(?![.,]\d|\s?(?:%|per\b)|-)"
)


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


_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
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
        for m in (*_AGE_APPOSITION.finditer(sentence.text), *_AGE_REACHED.finditer(sentence.text))
    ]
    return found


_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# "their 100th Test", "his 50th birthday": a milestone someone reaches counts the noun; "the
# seventh day of an offensive", "for the third day": how long something has gone on
_MILESTONE = re.compile(
    r"\b(?:his|her|their|its)\s(?P<number>[1-9]\d*)(?:st|nd|rd|th)\s(?P<unit>[A-Za-z][a-z-]+)\b"
)
_DAY_OF_RUN = re.compile(
    r"\bthe\s(?P<number>" + "|".join(_ORDINAL_WORDS) + r"|[1-9]\d*(?:st|nd|rd|th))"
    r"\s(?P<unit>day|week)\b"
)


# A rank: "the nation's second-largest school system", "the third-highest in the developing
# world", "its fifth monthly deficit", "the 12th shuttle trip" (an ordinal before a superlative,
# or an ordinal and a noun that is counted again: a trip, a deficit, a leave)
_RANK = re.compile(
    r"\b(?:the|its|his|her|their|[\w.]+['’]s|[\w.]+s['’])\s(?P<number>"
    + "|".join(_ORDINAL_WORDS)
    + r"|[1-9]\d*(?:st|nd|rd|th))(?:(?P<superlative>-(?:[a-z]+est|most))(?:\s(?P<noun>[a-z]+))?"
    r"|\s(?P<unit>(?:[a-z]+\s)?(?:trip|leave|deficit|surplus|title|term|mission|attempt|"
    r"trial|case)s?)\b)"
)


def _rank_unit(match: re.Match[str]) -> str:
    if match.group("superlative"):
        noun = match.group("noun")
        counted = f" {noun}" if noun and noun not in _STOP_UNIT else ""
        return "rank " + match.group("superlative").lstrip("-") + counted
    return match.group("unit")


def _ordinal_value(match: re.Match[str]) -> float:
    number = match.group("number").lower()
    return float(_ORDINAL_WORDS.get(number) or re.sub(r"\D", "", number))


def _ordinal_at(sentence: Sentence, match: re.Match[str], unit: str) -> NumberMention:
    start = match.start("number")
    mention = _mention_at(sentence, start, match.end(), _ordinal_value(match), unit)
    return dataclasses.replace(mention, ordinal=True)


def ordinals_in_sentence(sentence: Sentence) -> list[NumberMention]:
    """Ordinals that count: a milestone after a possessive ("their 100th Test" -> 100, "Test"),
    the day or week an event has reached ("the seventh day" -> 7, "day") and a rank ("the
    nation's second-largest school system" -> 2, "rank largest school")."""
    found = [_ordinal_at(sentence, m, _rank_unit(m)) for m in _RANK.finditer(sentence.text)]
    ranked = {mention.start for mention in found}
    for match in (*_MILESTONE.finditer(sentence.text), *_DAY_OF_RUN.finditer(sentence.text)):
        if match.start("number") in ranked:
            continue  # "their 3rd straight title": read once, as a rank
        if _ordinal_value(match) > 1:
            found.append(_ordinal_at(sentence, match, match.group("unit")))
    return sorted(found, key=lambda m: m.start)


# Cricket scores, as Australian, British, Indian and South African reports give them: "at 7 for
# 309" (wickets for runs), "no wicket for 126", "dismissed late on the final day for 128", "fell
# for 277", "caught behind for 38", "removed Boucher for 43", "not out 83", "an unbeaten 65", a
# partnership that "added 72 without loss".
_WICKETS = r"(?:[0-9]|10|no wickets?|" + "|".join(list(UNITS)[:10]) + r"|zero)"
_DISMISSAL = (
    r"(?:dismissed|all out|bowled out)(?: [\w'-]+){0,10}?|fell|caught(?: behind)?|bowled|stumped"
    r"|run out|leg before(?: wicket)?|lbw|(?:was|is) out"
    r"|(?:removed|removing|trapped|trapping|dismissing) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?"
    r"(?: [a-z]+){0,2}?"
)
_SCORE = re.compile(
    r"\b(?:" + _WICKETS + r" for|(?:" + _DISMISSAL + r") for|not out|unbeaten"
    r"|(?:added|adding|put on)(?= \d{2,3} (?:without|before|for the)\b))"
    r" (?P<number>\d{2,3})\b(?![.,]\d| ?(?:per ?cent|%|-))",
    re.IGNORECASE,
)
# "Lee took 3 for 77": a bowler's figures, wickets for runs conceded; so is "and Glenn McGrath 2
# for 66" after them
_FIGURES = re.compile(
    r"\b(?:took|taking|takes|claimed|claiming|finished with|figures of)"
    r" (?P<wickets>[0-9]|10|" + "|".join(list(UNITS)[:10]) + r") for \d{1,3}\b"
)
_MORE_FIGURES = re.compile(r"(?:,| and)(?: [A-Z][\w'-]+){1,3} (?P<wickets>[0-9]|10) for \d{1,3}\b")
# "Justin Langer was not out 67 and Matthew Hayden 55": the partner's score after "not out"
_PARTNER_SCORE = re.compile(
    r"\b(?:not out|unbeaten(?: on)?) \d{1,3} and(?: [A-Z][\w'-]+){1,3} (?P<number>\d{1,3})\b"
    r"(?![.,]\d| ?(?:per ?cent|%|-))"
)


# A vote's tally: "by a 6-3 vote", "a vote of 53-36", "voted 7-2", "a 5-4 ruling".
_TALLY = re.compile(
    r"\b(?:(?:vote|voted|votes|voting)(?:\s+of)?\s+(?P<ayes>\d{1,3})-(?P<noes>\d{1,3})\b"
    r"|(?P<ayes2>\d{1,3})-(?P<noes2>\d{1,3})\s+(?:[a-z-]+\s+)?"
    r"(?:vote|votes|ruling|decision|majority|verdict)\b)"
)


def tallies_in_sentence(sentence: Sentence) -> list[NumberMention]:
    """The two sides of a vote: "confirmed by a vote of 53-36" -> 53 votes, 36 votes against."""
    found = []
    for match in _TALLY.finditer(sentence.text):
        side = "ayes" if match["ayes"] else "ayes2"
        noes = "noes" if match["ayes"] else "noes2"
        for group, unit in ((side, "votes"), (noes, "votes against")):
            mention = _mention_at(
                sentence, match.start(group), match.end(group), float(match[group]), unit
            )
            found.append(dataclasses.replace(mention, score=True))
    return found


def _wickets(word: str) -> float:
    return float(word) if word.isdigit() else float(UNITS[word.lower()])


def scores_in_sentence(sentence: Sentence) -> list[NumberMention]:
    """Runs in a cricket score: the number after "7 for", "dismissed for", "not out"; and the
    wickets of a bowler's figures ("took 3 for 77" -> 3, "wickets")."""
    text = sentence.text
    found = []
    figures: list[tuple[int, int]] = []
    for match in _FIGURES.finditer(text):
        wickets = [match]
        more = _MORE_FIGURES.match(text, match.end())
        while more:
            wickets.append(more)
            more = _MORE_FIGURES.match(text, more.end())
        for figure in wickets:
            start, end = figure.start("wickets"), figure.end()
            found.append(
                dataclasses.replace(
                    _mention_at(sentence, start, end, _wickets(figure["wickets"]), "wickets"),
                    score=True,
                )
            )
            figures.append((start, end))
    for match in (*_SCORE.finditer(text), *_PARTNER_SCORE.finditer(text)):
        if any(start <= match.start("number") < end for start, end in figures):
            continue
        start = match.start() if match.re is _SCORE else match.start("number")
        mention = _mention_at(sentence, start, match.end(), float(match["number"]), "runs")
        found.append(dataclasses.replace(mention, score=True))
    return sorted(found, key=lambda m: m.start)


def _published(document: Document) -> date | None:
    published = document.article.published_at
    return published.date() if published else None


def _overlaps(mention: NumberMention, others: Sequence[NumberMention]) -> bool:
    return any(o.start < mention.end and mention.start < o.end for o in others)


# "the September 11 attacks", "the March 3 bombings": a date that names past events
_NAMES_EVENTS = re.compile(r"\s(?:[a-z]+\s)?(?:[a-z]+(?:ings|acks|ities|ions|ents)|riots)\b")

# "the attacks of September 11", "the attacks in the United States on September 11"
_EVENTS_OF = re.compile(
    r"\bthe\s(?:[a-z]+\s)?(?:[a-z]+(?:ings|acks|ities)|riots)"
    r"(?:\s(?:in|on)(?:\sthe)?(?:\s[A-Z][\w.]+){1,3})?\s(?:of|on)\s+$"
)


def _dates_naming_events(mentions: Iterable[NumberMention]) -> set[tuple[str | None, float]]:
    """Dates the story uses as the name of a series of events ("the September 11 attacks"): the
    story refers back to them, every mention of the date is background."""
    return {
        (m.unit, m.value)
        for m in mentions
        if (m.unit or "").startswith("day of ")
        and (
            _NAMES_EVENTS.match(m.sentence.text, m.end)
            or _EVENTS_OF.search(m.sentence.text[: m.start])
        )
    }


# "— The New York Times (@nytimes) December 23, 2016": the date an embedded post was posted,
# which a scraped page keeps under it, not a date of the story.
_EMBED_SIGNATURE = re.compile(r"\(@\w+\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*)?$")


def find_numbers(documents: Sequence[Document]) -> list[NumberMention]:
    """Every number of the story. A bare number ("Chasing 375 for victory") counts only when
    another article gives the same value as a count (not a year, a sum or a share): a figure
    several reports repeat is a fact of the story, even without a noun."""
    read: list[tuple[NumberMention, bool]] = []
    for document in documents:
        for sentence in document.sentences:
            dated = [
                *dates_and_ages_in_sentence(sentence, _published(document)),
                *ordinals_in_sentence(sentence),
                *scores_in_sentence(sentence),
                *tallies_in_sentence(sentence),
            ]
            for mention in _numbers_read(sentence):
                if is_a_count(mention) and not _overlaps(mention, dated):
                    read.append((mention, _is_bare(mention)))
            read += [(mention, False) for mention in dated]
    read = [
        (m, bare) for m, bare in read if not _EMBED_SIGNATURE.search(m.sentence.text[: m.start])
    ]
    named = _dates_naming_events(m for m, _ in read)
    read = [(m, bare) for m, bare in read if (m.unit, m.value) not in named]
    articles_of: dict[float, set[str]] = {}
    for mention, _ in read:
        if not mention.is_year and mention.unit not in _MONEY_OR_SHARE:
            articles_of.setdefault(mention.value, set()).add(mention.sentence.article)
    return [
        mention
        for mention, bare in read
        if not bare
        or (mention.value >= _MIN_COMPATIBLE_VALUE and len(articles_of[mention.value]) > 1)
    ]


_SHORT_SPANS = frozenset({"day", "week", "hour"})
# units of measure: a value in one of them is never a count of something else
_MEASURES = frozenset(
    (
        "second minute hour day week month year decade century metre meter kilometre kilometer "
        "mile foot feet inch hectare acre kilogram kilo gram tonne ton pound litre liter degree "
        "cent percent knot"
    ).split()
)
_LEAD_SENTENCES = 2
# A story that names more years than this is a chronicle (a biography): only the years of its
# lead matter. Up to this many, each is a key date of the story ("stopped using crocidolite in
# 1956", "From 1953 to 1955", "By 1997").
_MANY_YEARS = 5
_LISTING_SENTENCE = 4
# from this sentence of an article on (the ninth), a small count said once is a detail
_DEEP_SENTENCE = 8
_MONEY_OR_SHARE = frozenset({*_CURRENCIES.values(), *CURRENCY_WORDS.values(), "percent"})


def _in_lead(group: NumberGroup) -> bool:
    return min(m.sentence.index for m in group.mentions) < _LEAD_SENTENCES


def _in_several_articles(group: NumberGroup) -> bool:
    return len({m.sentence.article for m in group.mentions}) > 1


_PEOPLE_NOUNS = frozenset(
    (
        "people person civilian resident inhabitant villager individual victim child children "
        "man men woman women boy girl teenager youth adult police policeman policemen officer "
        "troop troops soldier settler fighter militant gunman gunmen bomber guerrilla rebel "
        "detainee prisoner hostage refugee passenger pilot crew student worker employee staff "
        "member leader minister official diplomat protester demonstrator journalist suspect "
        "terrorist hijacker attacker survivor patient doctor nurse firefighter"
    ).split()
)


def counts_people(mention: NumberMention) -> bool:
    """ "three teenagers", "six of Agha's men", "four Israelis": a count of people."""
    unit = mention.unit or ""
    head = mention.unit_head
    return head in _PEOPLE_NOUNS or _names_people(head, unit)


_JOINED = re.compile(r"\s*(?:,|and|or|, and)\s*")


def _people_counted(mention: NumberMention) -> bool:
    """A count of people the story tells of, not one of several in a list ("five children, four
    women and five men") nor the whole one of them belongs to ("one of two Palestinians")."""
    if not counts_people(mention):
        return False
    if re.search(r"\bof\s+$", mention.sentence.text[: mention.start]):
        return False
    text = mention.sentence.text
    for other in _numbers_read(mention.sentence):
        first, second = sorted((mention, other), key=lambda m: m.start)
        between = text[first.end : second.start]
        if other.start != mention.start and counts_people(other) and _JOINED.fullmatch(between):
            return False
    return True


def _minor(group: NumberGroup) -> bool:
    """A small exact count stated once, deep in its article ("four balls", "three small fires"
    in the twelfth sentence): detail an editor leaves out. Money, percentages, multiples and dates
    stay, and so do counts of people ("wounding three Jewish settlers") and a bowler's figures."""
    first = group.mentions[0]
    return (
        len({m.sentence for m in group.mentions}) == 1
        and not first.score
        and not _people_counted(first)
        and not time_point(first)
        and first.value < _MIN_COMPATIBLE_VALUE
        and first.qualifier is Qualifier.EXACT
        and first.sentence.index >= _DEEP_SENTENCE
        and not first.is_year
        and first.unit not in _MONEY_OR_SHARE
        and first.unit != "times"  # a multiple compares, like a share ("searched 7x more")
        and not (first.unit or "").startswith("day of ")
    )


def key_numbers(groups: Sequence[NumberGroup], articles: int = 1) -> list[NumberGroup]:
    """The numbers an editor keeps: not the high end of a range, and from a sentence that lists
    many numbers of one kind (a sentence and a fine for each of six men) only those the story
    repeats elsewhere. An age is kept wherever it is told ("his 26-year-old son", "Mrs. Yeargin,
    37"): the blind sets' editors list them. When several ``articles`` tell the story, a small
    count said once deep in one of them is a detail (``_minor``), and so are a span of a few
    days that only times it and, in a chronicle (a biography), a year outside the lead; a
    single article is the whole story, and its small counts, spans and dates are the story's."""
    years = sum(group.mentions[0].is_year for group in groups)
    several = articles > 1
    candidates = []
    for group in groups:
        first = group.mentions[0]
        if all(m.range_high for m in group.mentions):
            continue
        short = first.unit_head in _SHORT_SPANS and first.value <= 3
        if several and short and not first.ordinal and not time_point(first):
            continue
        central = _in_lead(group) or _in_several_articles(group)
        if several and _minor(group):
            continue
        if several and first.is_year and years > _MANY_YEARS and not central:
            continue
        candidates.append(group)
    per_sentence: dict[Sentence, int] = {}
    per_unit: dict[tuple[Sentence, str], list[NumberMention]] = {}
    for group in candidates:
        for mention in group.mentions:
            if mention.is_year:
                continue  # "in 2016", "in 2017": when, not one more item of a list
            per_sentence[mention.sentence] = per_sentence.get(mention.sentence, 0) + 1
            per_unit.setdefault((mention.sentence, mention.unit_head), []).append(mention)
    kept = []
    for group in candidates:
        first = group.mentions[0]
        sentences = {m.sentence for m in group.mentions}
        listed = per_sentence.get(first.sentence, 0) >= _LISTING_SENTENCE and _one_per_name(
            first, per_unit.get((first.sentence, first.unit_head), [])
        )
        if len(sentences) == 1 and listed:
            continue
        kept.append(group)
    return kept


def _one_per_name(mention: NumberMention, same_kind: Sequence[NumberMention]) -> bool:
    """Numbers of one kind handed out name by name ("Felix Oehler received five months ...,
    Bernhard Gafner four months"): a name stands between this one and another of its kind.
    "fell from $327 million in 2016 to $116.8 million" has no name between: one fact's two
    values, which the story needs."""
    text = mention.sentence.text
    for other in same_kind:
        if other is mention:
            continue
        low, high = sorted((mention, other), key=lambda m: m.start)
        if _NAME_BETWEEN.search(text, low.end, high.start):
            return True
    return False


_CALENDAR_WORDS = "|".join((*DAY_NAMES, *MONTH_NAMES))
# A capitalized word that is not a day or a month ("jumped 8% on Wednesday after ... up 94%" hands
# out no numbers name by name).
_NAME_BETWEEN = re.compile(rf"[\s,]\b(?!(?:{_CALENDAR_WORDS})\b)[A-Z][a-z]+\b")


# Nouns for people in general, and for a workforce: "400 staff", "400 employees" and "400 jobs"
# in two articles are one quantity; a people's name or a kind of people ("10 Israelis", "10
# settlers") is the same count as "10 people".
_PEOPLE_HEADS = frozenset(
    # a death toll counts people: "21 people died" and "the death toll rose to 21" are one count
    "people person civilian resident inhabitant villager individual victim death".split()
)
_WORKFORCE_HEADS = frozenset("staff employee worker job personnel workforce position".split())
_PEOPLE_ENDINGS = ("ans", "ians", "is", "ons", "ers", "ists", "ees")
# below this value, same-valued counts of different nouns are too often different things
_MIN_COMPATIBLE_VALUE = 10


def _names_people(head: str, unit: str) -> bool:
    return (
        head in _PEOPLE_HEADS
        or head in _WORKFORCE_HEADS
        or head in {"children", "men", "women", "police", "troops", "soldier", "settler"}
        or (unit[:1].isupper() and unit.rsplit(maxsplit=1)[-1].endswith(_PEOPLE_ENDINGS))
    )


def compatible_units(first: NumberMention, second: NumberMention) -> bool:
    """Two counted nouns that can name one quantity: workforce nouns with each other, a general
    people noun with any noun for people; a count without a noun with any count."""
    heads = {first.unit_head, second.unit_head}
    if "" in heads:
        return not (first.is_year or second.is_year)
    if heads <= _WORKFORCE_HEADS | _PEOPLE_HEADS:
        return bool(heads & _PEOPLE_HEADS) or heads <= _WORKFORCE_HEADS
    if heads & _PEOPLE_HEADS:
        return all(_names_people(m.unit_head, m.unit or "") for m in (first, second))
    return False


def same_quantity(first: NumberMention, second: NumberMention) -> bool:
    """Same value and unit; or the same value counting things in closely worded contexts
    ("approximately 80 projectiles" / "more than 80 artillery shells" fired into the sea); or
    the same value of at least ten, in other sentences, with compatible nouns ("its 550
    employees" / "more than 550 staff", "10 people" / "10 Israelis", "around 1,000" / "about
    1,000 fighters")."""
    if first.value != second.value or first.is_year != second.is_year:
        return False
    if first.score and second.score and first.sentence.article == second.sentence.article:
        return False  # one report's "not out 67" and "leg before for 67" are two innings
    if first.unit_head == second.unit_head:
        return True
    if first.sentence == second.sentence:
        return False
    if (
        first.value >= _MIN_COMPATIBLE_VALUE
        and compatible_units(first, second)
        and not {first.unit, second.unit} & _MONEY_OR_SHARE
    ):
        return True
    if first.is_year or "percent" in (first.unit, second.unit) or first.value < 10:
        return False
    if {first.unit_head, second.unit_head} & _MEASURES:
        return False  # "20 metres" high is not "20 buildings", however alike the sentences
    if {first.unit, second.unit} & set(_CURRENCIES.values()):
        return False
    shared = (first.context & second.context) - {stem(first.unit_head), stem(second.unit_head)}
    return len(shared) >= 3


def group_numbers(mentions: Sequence[NumberMention]) -> list[NumberGroup]:
    """Mentions of the same quantity grouped, in order of first appearance; the mention nearest
    the top of its article, naming what it counts, first."""
    groups: list[NumberGroup] = []
    for mention in mentions:
        for group in groups:
            if any(same_quantity(mention, other) for other in group.mentions):
                group.mentions.append(mention)
                break
        else:
            groups.append(NumberGroup([mention]))
    for group in groups:
        lead = min(group.mentions, key=_lead_rank)
        if _lead_rank(lead) < _lead_rank(group.mentions[0]):
            group.mentions.remove(lead)
            group.mentions.insert(0, lead)
    return groups


def _lead_rank(mention: NumberMention) -> tuple[int, bool]:
    """Where a mention sits: the lead-most one, with a counted noun, states the quantity."""
    return (mention.sentence.index, mention.unit is None)


def majority_qualifier(group: NumberGroup) -> Qualifier:
    """The qualifier most mentions use; the first mention's on a tie."""
    counts: dict[Qualifier, int] = {}
    for mention in group.mentions:
        counts[mention.qualifier] = counts.get(mention.qualifier, 0) + 1
    best = max(counts.values())
    return next(m.qualifier for m in group.mentions if counts[m.qualifier] == best)
