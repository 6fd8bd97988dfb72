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
