"""English number and currency words: one table for the extractive engine, grounding and the
scorer.

Each reader adds what it alone accepts ("a million" and "mn" in grounding, "dozen" in the
scorer); these are the words every reader agrees on.
"""

from __future__ import annotations

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # South Asian news counts in lakhs and crores: "Rs 500 crore" is five billion rupees.
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}  # fmt: skip
# Abbreviated scales after digits: "$5bn", "20m", "10k", "$3.2tn", and the wires' "mln", "bln".
SHORT_SCALES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
}  # fmt: skip
# Currency names as the engine reports them, by ISO code: "10 dollars" is 10 USD.
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yuan": "CNY", "yen": "JPY", "won": "KRW", "rubles": "RUB", "roubles": "RUB",
    "rupees": "INR",
}  # fmt: skip
