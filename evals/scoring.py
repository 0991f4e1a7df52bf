"""Scorers: small pure functions that compare a predicted brief with a gold story.

Every metric is a float in [0, 1], or NaN when the gold story has nothing to score it on (so a
story without gold stances is skipped by ``aggregate`` instead of counting as perfect).
Matching rules follow ``shared/gold/README.md``; the thresholds are the constants below.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

from rapidfuzz import fuzz
from rouge_score import rouge_scorer

from api.number_words import CURRENCY_WORDS, SCALES, TENS, UNITS
from api.schemas import Actor, Brief, Disagreement, Evidence, NumberFact, Stance
from evals.gold import GoldActor, GoldDisagreement, GoldNumber, GoldStance, GoldStory

NAN = float("nan")

# A predicted name matches a gold name when, after normalising, they are equal or their
# rapidfuzz ratio (0-100) reaches this: "Lee Jong-sup" ~ "Lee Jong Sup", not "Lee" ~ "Lea Park".
NAME_FUZZY_THRESHOLD = 90.0
# A gold event counts as recalled when its best ROUGE-L F1 against a predicted event reaches this.
EVENT_MATCH_THRESHOLD = 0.4
# A gold disagreement claim is cited when its rapidfuzz partial_ratio with a predicted claim
# reaches this.
CLAIM_MATCH_THRESHOLD = 85.0

_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
_STOPWORDS = frozenset(
    (
        "a an the of in on at to for from by with and or its it their his her this that as is "
        "are was were be been into about near over than more less least up"
    ).split()
)
_NUMBER_WORDS: dict[str, float] = {
    word: float(value)
    for word, value in {"zero": 0, **UNITS, **TENS, "hundred": 100, "thousand": 1_000}.items()
} | {"dozen": 12.0}


# --- normalisation ------------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Lowercase, accents and punctuation removed, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", ascii_only.lower())).strip()


def normalise_name(name: str) -> str:
    """A name for matching: normalised, without a leading article ("the Council" ~ "Council")."""
    return _LEADING_ARTICLE.sub("", normalise_text(name))


def content_words(text: str) -> set[str]:
    """Lowercased words without stopwords, crudely singularised ("shells" ~ "shell")."""
    words = set()
    for word in normalise_text(text).split():
        if word in _STOPWORDS:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return words


def parse_number_value(value: float | int | str) -> float | None:
    """A gold or predicted value as a float: 80, "80", "3,000", "eighty", "1.5 million"."""
    if isinstance(value, int | float):
        return float(value)
    digits = value.replace(",", "").strip()
    try:
        return float(digits)
    except ValueError:
        pass
    words = re.sub(r"[^\w.]+", " ", digits.lower()).split()
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        number = _number_token(word)
        if number is not None:
            current += number
            seen = True
        elif word in SCALES:
            current = (current or 1.0) * SCALES[word]
            if SCALES[word] >= 1e3:
                total += current
                current = 0.0
            seen = True
        elif word != "and":
            return None
    return total + current if seen else None


def _number_token(word: str) -> float | None:
    if word in _NUMBER_WORDS and word not in SCALES:
        return _NUMBER_WORDS[word]
    try:
        return float(word)
    except ValueError:
        return None


# --- matching ------------------------------------------------------------------------------------


def names_match(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """True when any predicted name equals any gold name, normalised, or is a close fuzzy match."""
    gold_names = [name for name in (normalise_name(g) for g in gold) if name]
    for predicted_name in (normalise_name(p) for p in predicted):
        if not predicted_name:
            continue
        for gold_name in gold_names:
            if predicted_name == gold_name:
                return True
            if fuzz.ratio(predicted_name, gold_name) >= NAME_FUZZY_THRESHOLD:
                return True
    return False


def maximum_matching(
    predicted_count: int, gold_count: int, matches: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths) as (predicted, gold) index pairs."""
    edges = [[g for g in range(gold_count) if matches(p, g)] for p in range(predicted_count)]
    gold_owner: dict[int, int] = {}

    def augment(p: int, visited: set[int]) -> bool:
        for g in edges[p]:
            if g in visited:
                continue
            visited.add(g)
            if g not in gold_owner or augment(gold_owner[g], visited):
                gold_owner[g] = p
                return True
        return False

    for p in range(predicted_count):
        augment(p, set())
    return sorted((p, g) for g, p in gold_owner.items())


def precision_recall_f1(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """P/R/F1 of a one-to-one matching: NaN without gold; precision 0 without predictions."""
    if gold == 0:
        return NAN, NAN, NAN
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold
    return precision, recall, f1_of(precision, recall)


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of a precision and a recall; 0 when both are."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def actor_names(actor: Actor | GoldActor) -> list[str]:
    return [actor.name, *actor.aliases]


# --- per-field metrics --------------------------------------------------------------------------


def who_scores(predicted: Sequence[Actor], gold: Sequence[GoldActor]) -> dict[str, float]:
    """Precision, recall and F1 of actors, matched one-to-one by name or alias; and of the
    matched ones, the share typed as the gold types them (a country is not a person)."""
    pairs = maximum_matching(
        len(predicted),
        len(gold),
        lambda p, g: names_match(actor_names(predicted[p]), actor_names(gold[g])),
    )
    precision, recall, f1 = precision_recall_f1(len(pairs), len(predicted), len(gold))
    typed = sum(predicted[p].type.value == gold[g].type for p, g in pairs)
    return {
        "who_precision": precision,
        "who_recall": recall,
        "who_f1": f1,
        "who_type_accuracy": typed / len(pairs) if pairs else NAN,
    }


def scaled_values(value: float, unit: str | None) -> set[float]:
    """A value as written and with the scale words of its unit applied: (150, "billion dollars")
    is also 150e9, so both conventions for "$150 billion" compare equal."""
    values = {value}
    for word in normalise_text(unit or "").split():
        if word in SCALES:
            value *= SCALES[word]
            values.add(value)
    return values


def values_equal(predicted: NumberFact, gold: GoldNumber) -> bool:
    """Equal values once the scale words of either unit are applied ("150" + "billion" == 150e9)."""
    gold_value = parse_number_value(gold.value)
    if gold_value is None:
        return False
    return any(
        math.isclose(p, g, rel_tol=1e-9)
        for p in scaled_values(float(predicted.value), predicted.unit)
        for g in scaled_values(gold_value, gold.unit)
    )


# One spelling for a unit written several ways: the engine names currencies by ISO code ("USD")
# where gold writers spell them out ("dollars", "US dollars"), and "per cent" is "percent".
_UNIT_SPELLINGS = {word: code.lower() for word, code in CURRENCY_WORDS.items()} | {
    "us dollars": "usd",
    "pound": "gbp",
    "per cent": "percent",
}
_UNIT_SPELLING = re.compile(rf"\b(?:{'|'.join(sorted(_UNIT_SPELLINGS, key=len, reverse=True))})\b")


def unit_words(unit: str | None) -> set[str]:
    """A unit's content words, with currencies and "per cent" spelled one way."""
    text = _UNIT_SPELLING.sub(lambda m: _UNIT_SPELLINGS[m.group()], normalise_text(unit or ""))
    return content_words(text)


def number_matches(predicted: NumberFact, gold: GoldNumber) -> bool:
    """Equal values (scale words normalised), and the unit or the description shares a content
    word."""
    if not values_equal(predicted, gold):
        return False
    predicted_words = unit_words(predicted.unit) | content_words(predicted.describes)
    gold_words = unit_words(gold.unit) | content_words(gold.describes)
    return bool(predicted_words & gold_words)


def numbers_scores(predicted: Sequence[NumberFact], gold: Sequence[GoldNumber]) -> dict[str, float]:
    """Precision, recall, F1 of numbers, and the qualifier accuracy over matched pairs."""
    pairs = maximum_matching(
        len(predicted), len(gold), lambda p, g: number_matches(predicted[p], gold[g])
    )
    precision, recall, f1 = precision_recall_f1(len(pairs), len(predicted), len(gold))
    qualifier_accuracy = (
        sum(predicted[p].qualifier.value == gold[g].approx for p, g in pairs) / len(pairs)
        if pairs
        else NAN
    )
    return {
        "numbers_precision": precision,
        "numbers_recall": recall,
        "numbers_f1": f1,
        "numbers_qualifier_accuracy": qualifier_accuracy,
    }


def stance_scores(
    predicted: Sequence[Stance],
    gold: Sequence[GoldStance],
    predicted_who: Sequence[Actor] = (),
    gold_who: Sequence[GoldActor] = (),
) -> dict[str, float]:
    """Share of gold stances matched (actor and polarity), share of predicted ones that match,
    and how closely the matched ones' targets word the gold targets; and the share matched of
    the gold stances the text states and of those the editor inferred (``basis``, NaN where no
    gold stance has that basis), so a score tells reading from inference apart.

    Actor names are expanded with the aliases their ``who`` entries list on either side.
    """
    predicted_aliases = _alias_table(actor_names(actor) for actor in predicted_who)
    gold_aliases = _alias_table(actor_names(actor) for actor in gold_who)

    def matches(p: int, g: int) -> bool:
        if predicted[p].polarity.value != gold[g].polarity:
            return False
        return names_match(
            predicted_aliases.get(normalise_name(predicted[p].actor), [predicted[p].actor]),
            gold_aliases.get(normalise_name(gold[g].actor), [gold[g].actor]),
        )

    def accuracy_on(basis: str) -> float:
        """The share of the gold stances of one basis matched, each kind matched on its own."""
        kind = [g for g, stance in enumerate(gold) if stance.basis == basis]
        if not kind:
            return NAN
        matched = maximum_matching(len(predicted), len(kind), lambda p, k: matches(p, kind[k]))
        return len(matched) / len(kind)

    if not gold:
        return dict.fromkeys(STANCE_METRICS, NAN)
    pairs = maximum_matching(len(predicted), len(gold), matches)
    overlaps = [word_f1(predicted[p].target, gold[g].target) for p, g in pairs]
    return {
        "stance_accuracy": len(pairs) / len(gold),
        "stance_precision": len(pairs) / len(predicted) if predicted else 0.0,
        "stance_target_overlap": sum(overlaps) / len(overlaps) if overlaps else NAN,
        "stance_explicit_accuracy": accuracy_on("explicit"),
        "stance_inferred_accuracy": accuracy_on("inferred"),
    }


STANCE_METRICS = (
    "stance_accuracy",
    "stance_precision",
    "stance_target_overlap",
    "stance_explicit_accuracy",
    "stance_inferred_accuracy",
)


def word_f1(predicted: str, gold: str) -> float:
    """F1 of the content words of two phrases: how closely a stance's target names the gold's
    ("the plan" against "the government's plan")."""
    mine, theirs = content_words(predicted), content_words(gold)
    shared = len(mine & theirs)
    return precision_recall_f1(shared, len(mine), len(theirs))[2] if shared else 0.0


def _alias_table(groups: Iterable[list[str]]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for names in groups:
        for name in names:
            table.setdefault(normalise_name(name), names)
    return table


@cache
def _rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)


def rouge_f1(prediction: str, reference: str) -> dict[str, float]:
    """ROUGE-1/2/L F1 (and L-sum over newline-separated lines) of a prediction vs a reference."""
    scores = _rouge().score(reference, prediction)
    return {name: float(score.fmeasure) for name, score in scores.items()}


def summary_scores(predicted: str, gold: str) -> dict[str, float]:
    """Summary ROUGE-1/2/L F1; NaN without a gold summary."""
    if not gold.strip():
        return {"summary_rouge1": NAN, "summary_rouge2": NAN, "summary_rougeL": NAN}
    scores = rouge_f1(predicted, gold)
    return {
        "summary_rouge1": scores["rouge1"],
        "summary_rouge2": scores["rouge2"],
        "summary_rougeL": scores["rougeL"],
    }


def headline_scores(predicted: str, gold: str) -> dict[str, float]:
    """Headline ROUGE-L F1; NaN without a gold headline."""
    if not gold.strip():
        return {"headline_rougeL": NAN}
    return {"headline_rougeL": rouge_f1(predicted, gold)["rougeL"]}


def what_scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """ROUGE-Lsum of all events (one per line); event recall, the share of gold events whose
    best ROUGE-L F1 against a single predicted event reaches ``EVENT_MATCH_THRESHOLD``; event
    precision, the share of predicted events that reach it against a single gold event; and
    their F1. Recall alone rewards listing more events; precision is its other side."""
    if not gold:
        return {"what_rougeL": NAN, "event_recall": NAN, "event_precision": NAN, "event_f1": NAN}
    joined = rouge_f1("\n".join(predicted), "\n".join(gold))["rougeLsum"] if predicted else 0.0
    similar = [
        [rouge_f1(event, line)["rougeL"] >= EVENT_MATCH_THRESHOLD for line in gold]
        for event in predicted
    ]
    recall = sum(any(row[g] for row in similar) for g in range(len(gold))) / len(gold)
    precision = sum(any(row) for row in similar) / len(predicted) if predicted else 0.0
    return {
        "what_rougeL": joined,
        "event_recall": recall,
        "event_precision": precision,
        "event_f1": f1_of(precision, recall),
    }


def claim_cited(gold_claim: str, predicted: Disagreement) -> bool:
    """True when one of the predicted claims (or its evidence) words the gold claim closely."""
    wanted = normalise_text(gold_claim)
    for claim in predicted.claims:
        for text in (claim.text, *(span.text for span in claim.evidence)):
            if fuzz.partial_ratio(wanted, normalise_text(text)) >= CLAIM_MATCH_THRESHOLD:
                return True
    return False


def disagreement_scores(
    predicted: Sequence[Disagreement], gold: Sequence[GoldDisagreement]
) -> dict[str, float]:
    """Share of gold disagreements for which one predicted disagreement cites every gold claim."""
    if not gold:
        return {"disagreement_recall": NAN}
    recalled = sum(
        any(all(claim_cited(claim, item) for claim in disagreement.claims) for item in predicted)
        for disagreement in gold
    )
    return {"disagreement_recall": recalled / len(gold)}


def brief_evidence(brief: Brief) -> list[Evidence]:
    """Every evidence span of the brief: who, what, stance, numbers and disagreement claims."""
    spans: list[Evidence] = []
    for item in (*brief.who, *brief.what, *brief.stance, *brief.numbers):
        spans.extend(item.evidence)
    for disagreement in brief.disagreements:
        for claim in disagreement.claims:
            spans.extend(claim.evidence)
    return spans


def span_is_exact(span: Evidence, texts: Mapping[str, str]) -> bool:
    """``texts[span.article][span.start:span.end] == span.text`` (and the article exists)."""
    text = texts.get(span.article)
    return text is not None and span.end > span.start and text[span.start : span.end] == span.text


def grounding_scores(brief: Brief, texts: Mapping[str, str]) -> dict[str, float]:
    """Share of evidence spans that are exact slices of their article, and of stance quotes that
    occur verbatim in some article; NaN when the brief has none."""
    spans = brief_evidence(brief)
    quotes = [stance.quote for stance in brief.stance if stance.quote]
    return {
        "evidence_exact": (
            sum(span_is_exact(span, texts) for span in spans) / len(spans) if spans else NAN
        ),
        "quotes_verbatim": (
            sum(any(quote in text for text in texts.values()) for quote in quotes) / len(quotes)
            if quotes
            else NAN
        ),
    }


# --- entry points -------------------------------------------------------------------------------


def score_story(prediction: Brief, story: GoldStory) -> dict[str, float]:
    """Every metric of one predicted brief against its gold story, under stable names."""
    gold = story.gold
    texts = {article.id: article.text or "" for article in story.articles}
    return {
        **who_scores(prediction.who, gold.who),
        **numbers_scores(prediction.numbers, gold.numbers),
        **stance_scores(prediction.stance, gold.stance, prediction.who, gold.who),
        **what_scores([event.description for event in prediction.what], gold.what),
        **summary_scores(prediction.summary, gold.summary),
        **headline_scores(prediction.headline, gold.headline),
        **disagreement_scores(prediction.disagreements, gold.disagreements),
        **grounding_scores(prediction, texts),
    }


def aggregate(scores: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Mean of each metric over stories, skipping NaN; NaN when no story has the metric."""
    names: list[str] = []
    for story_scores in scores:
        names.extend(name for name in story_scores if name not in names)
    result: dict[str, float] = {}
    for name in names:
        values = [s[name] for s in scores if name in s and not math.isnan(s[name])]
        result[name] = sum(values) / len(values) if values else NAN
    return result
