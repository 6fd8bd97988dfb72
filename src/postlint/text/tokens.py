"""A text as tokens: words, numbers, hashtags, mentions, cashtags, URLs, emoji and
punctuation, each with its exact character offsets and a form normalised for matching.

`tokenize(text)` reads the text once, after `styled.fold` (styled letters plain,
apostrophes `'`; the same length, so offsets are those of the original). A token's
`norm` is its folded text in lower case (case-folded beyond ASCII). Kinds:

  word     letters and digits, with inner `'`, `-` or `.` (`don't`, `e-mail`, `U.S`,
           `github.com`: one token each, so none of them holds the word `u` or `github`)
  number   digits, with inner `.`, `,` or `:` (`1,000`, `3.5`, `10:30`; `2day` is a word)
  hashtag  `#word` not after a letter, digit or `&` (`#ad`; `a#b` is a word and a `#`)
  mention  `@name` not after a letter or digit (`jane@example.com` holds no mention)
  cashtag  `$` and 1-10 letters or digits starting with a letter (`$ACME`, `$BRK.B`;
           `$5` is punctuation and a number): a ticker, never a brand name to fix
  url      from `http://`, `https://` or `www.` to the next space (the prose view has
           blanked URLs already; the raw text has them)
  emoji    a pictograph with its modifiers and joiners, or a flag
  punct    any other character but spaces, one token each

Consecutive tokens are separated by nothing or by spaces only (every other character is
a token), which is how a phrase such as `log in` or `master/slave` is told apart.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from .styled import fold

WORD, NUMBER, HASHTAG, MENTION, CASHTAG, URL, EMOJI, PUNCT = (
    "word", "number", "hashtag", "mention", "cashtag", "url", "emoji", "punct")

_TOKEN = regex.compile(
    r"(?P<url>(?<![\w@])(?:https?://|www\.)[^\s<>()\[\]]+)"
    r"|(?P<hashtag>(?<![\w&])[#＃]\w+)"
    r"|(?P<mention>(?<!\w)[@＠]\w+(?:\.\w+)*)"
    r"|(?P<cashtag>(?<!\w)\$[A-Za-z][A-Za-z0-9]{0,9}(?:\.[A-Za-z]{1,2})?(?!\w))"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?![\w'-]))"
    r"|(?P<word>\w+(?:['.-]\w+)*)"
    r"|(?P<emoji>\p{Regional_Indicator}{2}"
    r"|\p{Extended_Pictographic}[\N{VARIATION SELECTOR-16}\p{Emoji_Modifier}]*"
    r"(?:\N{ZERO WIDTH JOINER}\p{Extended_Pictographic}[\N{VARIATION SELECTOR-16}"
    r"\p{Emoji_Modifier}]*)*)"
    r"|(?P<punct>\S)")


class Token(NamedTuple):
    """One token: its kind, offsets [start, end), text as folded, and `norm`."""

    kind: str
    start: int
    end: int
    text: str
    norm: str


class Tokens(tuple):
    """The tokens of one text, in order (a tuple of `Token`), with the folded text."""

    folded: str

    def words(self) -> list[Token]:
        return [t for t in self if t.kind == WORD]


def tokenize(text: str) -> Tokens:
    """The tokens of `text` (see the module doc)."""
    folded = fold(text)
    lower = folded.lower() if folded.isascii() else None
    found = []
    for m in _TOKEN.finditer(folded):
        start, end = m.span()
        kind = m.lastgroup
        word = m.group()
        found.append(Token(kind, start, end, word,
                           lower[start:end] if lower is not None else word.casefold()))
    tokens = Tokens(found)
    tokens.folded = folded
    return tokens


_last: dict[str, Tokens] = {}


def tokens_of(text: str) -> Tokens:
    """`tokenize(text)`, kept for the last few texts (every check of a post reads the
    same prose, and some its raw text)."""
    found = _last.get(text)
    if found is None:
        if len(_last) >= 8:
            _last.clear()
        found = _last[text] = tokenize(text)
    return found
