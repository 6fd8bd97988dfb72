"""Styled letters: look-alikes of plain letters made of other Unicode characters.

Posts borrow them to fake bold, italic or "fancy" text: the Mathematical Alphanumeric
Symbols (𝗯𝗼𝗹𝗱, 𝘪𝘵𝘢𝘭𝘪𝘤, 𝓈𝒸𝓇𝒾𝓅𝓉, 𝕕𝕠𝕦𝕓𝕝𝕖) and the letterlike symbols that fill their gaps
(ℝ, ℎ), fullwidth forms (ＡＢＣ), circled, squared and parenthesised letters (Ⓐ, 🄰, ⒜)
and small-capital look-alikes (ꜱᴍᴀʟʟ ᴄᴀᴘꜱ). `fold(text)` maps each of them to its plain
letter or digit, one code point for one, so offsets into the folded text are offsets
into the original; `kind(char)` names the style. The table is built from the Unicode
character names on first use.

`normalize(text)` is what word lists match (`tokens`, `words`): `fold`, and besides
fullwidth punctuation (`＃`, `＠`) plain and typographic apostrophes (`’`, `‘`, `ʼ`) as
`'`, so `I’ll` matches `I'll`; also one code point for one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# (first, last, kind) code-point ranges whose letters and digits are styled.
RANGES = (
    (0x1D400, 0x1D7FF, "mathematical"),
    (0xFF10, 0xFF19, "fullwidth"),
    (0xFF21, 0xFF3A, "fullwidth"),
    (0xFF41, 0xFF5A, "fullwidth"),
    (0x249C, 0x24B5, "parenthesised"),
    (0x24B6, 0x24E9, "circled"),
    (0x1F110, 0x1F129, "parenthesised"),
    (0x1F130, 0x1F149, "squared"),
    (0x1F150, 0x1F169, "circled"),
    (0x1F170, 0x1F189, "squared"),
)
# Letterlike symbols that stand in for the holes of the mathematical alphabets.
LETTERLIKE = "ℂℊℋℌℍℎℐℑℒℕℙℚℛℜℝℤℨℬℭℯℰℱℳℴ"
# Small capitals outside the ranges above, found by name ("LATIN LETTER SMALL CAPITAL A").
SMALL_CAPS = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ"


def _plain(char: str) -> str | None:
    """The plain letter or digit a styled character stands for, or None."""
    folded = unicodedata.normalize("NFKC", char).strip("()")
    if len(folded) == 1 and folded.isalnum() and folded != char:
        return folded
    name = unicodedata.name(char, "")
    letter = name.rsplit(" ", 1)[-1]
    if len(letter) == 1 and "LATIN" in name:
        return letter.lower() if "SMALL" in name and "CAPITAL" not in name else letter
    return None


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str]]:
    """Styled character -> (plain character, kind)."""
    out = {}
    for first, last, kind in RANGES:
        for code in range(first, last + 1):
            plain = _plain(chr(code))
            if plain:
                out[chr(code)] = (plain, kind)
    for char in LETTERLIKE:
        out[char] = (unicodedata.normalize("NFKC", char), "mathematical")
    for char in SMALL_CAPS:
        name = unicodedata.name(char)
        out[char] = (name.rsplit(" ", 1)[-1].lower(), "small capitals")
    return out


def kind(char: str) -> str | None:
    """The style of a styled character ("mathematical", "fullwidth", ...), else None."""
    if char.isascii():
        return None
    found = table().get(char)
    return found[1] if found else None


def fold(text: str) -> str:
    """`text` with every styled letter and digit replaced by its plain one (same length)."""
    if text.isascii():
        return text
    return _translated(text, False)


APOSTROPHES = "\u2019\u2018\u02bc\uff07"


@lru_cache(maxsize=1)
def _letters() -> dict[int, str]:
    return {ord(char): plain for char, (plain, _) in table().items()}


@lru_cache(maxsize=1)
def _for_matching() -> dict[int, str]:
    found = dict(_letters())
    for code in range(0xFF01, 0xFF5F):  # fullwidth punctuation too (＃tag, ＠name)
        found.setdefault(code, chr(code - 0xFEE0))
    found.update((ord(char), "'") for char in APOSTROPHES)
    return found


def normalize(text: str) -> str:
    """`fold(text)`, with fullwidth punctuation plain and apostrophes `'` (same length):
    the text word lists match."""
    if text.isascii():
        return text
    return _translated(text, True)


@lru_cache(maxsize=16)
def _translated(text: str, matching: bool) -> str:
    """(The texts of the last few posts, kept: every rule of a post folds the same ones.)"""
    return text.translate(_for_matching() if matching else _letters())


def styled(char: str) -> bool:
    """Whether `char` is a styled letter or digit."""
    return kind(char) is not None
