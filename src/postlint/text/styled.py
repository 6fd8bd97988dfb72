"""Styled letters and their plain forms, one character for one, so offsets never move.

Posts dress text up with look-alike letters: mathematical bold, italic, script, fraktur,
double-struck, sans-serif and monospace letters and digits (U+1D400-U+1D7FF),
fullwidth forms (U+FF01-U+FF5E), circled, parenthesised, squared and negative circled
letters (U+2460-U+24FF, U+1F100-U+1F1FF) and small-capital letters (`ᴀ ʙ ᴄ`). `fold`
replaces each with its plain letter so word lists and patterns find `𝗿𝗲𝘃𝗼𝗹𝘂𝘁𝗶𝗼𝗻𝗮𝗿𝘆`,
and typographic apostrophes with `'`, so `I’ll` is `I'll`; a folded text has the same
length as the original, so positions found in it point at the original characters.

`PLAIN` is the table (code point -> one character), filled in as characters are first
seen; `styled(char)` tells whether a character is a styled letter or digit (apostrophes
are not), for rules that flag styled text.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'"}

# Blocks whose characters are read; each character's plain form comes from its NFKC
# decomposition ("(a)" counts as "a") or, for small capitals and negative circled
# letters, which have none, from its name.
_BLOCKS = ((0x1D400, 0x1D7FF), (0xFF01, 0xFF5E), (0x2460, 0x24FF), (0x1F100, 0x1F1FF),
           (0x0250, 0x02AF), (0x1D00, 0x1D7F), (0xA720, 0xA7FF))
_NAMED = re.compile(r"(?:SMALL CAPITAL|(?:CAPITAL|SMALL) LETTER) ([A-Z])$")


def _plain_of(char: str) -> str | None:
    """The one plain character `char` stands for, or None."""
    nfkc = unicodedata.normalize("NFKC", char)
    if len(nfkc) == 3 and nfkc[0] == "(" and nfkc[2] == ")":
        nfkc = nfkc[1]
    if len(nfkc) == 1 and nfkc != char and nfkc.isascii() and nfkc.isprintable():
        return nfkc
    name = unicodedata.name(char, "")
    found = _NAMED.search(name)
    if found and ("SMALL CAPITAL" in name or "CIRCLED" in name or "SQUARED" in name):
        return found.group(1).lower() if "SMALL" in name else found.group(1)
    return None


class _Table(dict):
    """Code point -> the character it folds to (itself when it is not styled), worked
    out on first sight: reading the blocks whole would cost a start-up 50-80 ms."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        plain = APOSTROPHES.get(char) or (
            any(low <= code <= high for low, high in _BLOCKS) and _plain_of(char)) or char
        self[code] = plain
        return plain


PLAIN = _Table()


def fold(text: str) -> str:
    """`text` with styled letters plain and apostrophes `'`; the same length."""
    if text.isascii():
        return text
    return text.translate(PLAIN)


def styled(char: str) -> bool:
    """Whether `char` is a styled letter or digit (not an apostrophe variant)."""
    return PLAIN[ord(char)] != char and char not in APOSTROPHES
