"""The shortcuts that spare per-post work read what the long way reads."""

from __future__ import annotations

import sys

from postlint.text.dates import has_digit


def test_has_digit_is_any_isdigit_over_all_of_unicode():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert has_digit("ab" + char) == char.isdigit(), hex(code)
        assert has_digit("é" + char) == char.isdigit(), hex(code)


def test_plain_keeps_what_a_loop_over_every_character_keeps():
    from postlint.checks import functions

    every = "".join(chr(code) for code in range(sys.maxunicode + 1))
    kept = "".join(ch for ch in every if ch.isascii() or ch.isalpha() or ch.isspace()
                   or ch in "’‘“”–—…")
    assert functions._NOT_ASCII.sub(functions._kept, every) == kept


STREETS = [r"(?-i:[A-ZÄÖÜ][a-zäöüß]+(?:straße|str\.|weg)\s?\d{1,4}[a-z]?)(?!\w)",
           r"(?-i:[A-Z][a-z]+(?:straat|weg|laan))\s\d{1,4}(?:-?[A-Za-z])?(?!\w)",
           r"(?:\+|(?<![\d.,])00)\d{1,3}(?:[ .\-/]?\(?\d{1,5}\)?){2,6}",
           r"(?=[0-9])x?\w+", r"\w(?:a[0-9]|b\d)+"]


def test_a_term_beyond_the_heads_analysis_that_holds_a_digit_needs_one():
    from postlint.text import words

    for term in STREETS:
        assert words.pattern_needs(term) == words.Needs(frozenset(), "", True), term
    for term in [r"(?!\d)x\w+", r"[^0-9]\w+", r"(?:\d|a)\w+", r"(?:\d)?\w+x"]:
        needs = words.pattern_needs(term)
        assert needs is None or not needs.digits, term


def test_a_list_that_needs_a_digit_finds_what_the_whole_list_finds():
    from postlint.text import words

    texts = ["Moved to Lindenstraße 12 today", "Keizersgracht 123 and Dorpsweg 4-B",
             "Ring +44 20 7946 0958", "no digits in Lindenstraße here", "x1 a1b2 b٣",
             "Lindenstraße ١٢ (Arabic-Indic digits)", "", "a" * 50 + "7"]
    for text in texts:
        listed = words.Words(tuple(STREETS), True, True, True)
        whole = words.Words(tuple(STREETS), True, True, True).compiled
        assert [m.span() for m in listed.finditer(text)] == \
            [m.span() for m in whole.finditer(text)], text
