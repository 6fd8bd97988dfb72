"""A text as tokens: words, numbers, hashtags, mentions, cashtags, URLs, emoji and
punctuation, each with its exact character offsets and a form normalised for matching.

`tokenize(text)` reads the text once, after `styled.fold` (styled letters plain,
apostrophes `'`; the same length, so offsets are those of the original). A token's
`norm` is its folded text in lower case (case-folded beyond ASCII). Kinds:

  word     letters and digits, with inner `'`, `-` or `.` (`don't`, `e-mail`, `U.S`,
           `github.com`: one token each, so none of them holds the word `u` or `github`);
           a clitic `'s`, `'ll`, `'re`, `'ve`, `'d` or `'m` is a `'` and a word of its own
           (`GitHub's` holds the word `GitHub`)
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

import re
from typing import NamedTuple

from .styled import normalize as fold

WORD, NUMBER, HASHTAG, MENTION, CASHTAG, URL, EMOJI, PUNCT = (
    "word", "number", "hashtag", "mention", "cashtag", "url", "emoji", "punct")

# (the standard library's `re`: this pattern needs nothing of `regex`, and runs twice
# as fast in it)
_PICTOGRAPH = "\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_MODIFIERS = "\ufe0f\U0001f3fb-\U0001f3ff"
_TOKEN = re.compile(
    r"((?<![\w@])(?:https?://|www\.)[^\s<>()\[\]]+)"
    r"|((?<![\w&])[#＃]\w+)"
    r"|((?<!\w)[@＠]\w+(?:\.\w+)*)"
    r"|((?<!\w)\$[A-Za-z][A-Za-z0-9]{0,9}(?:\.[A-Za-z]{1,2})?(?!\w))"
    r"|(\d+(?:[.,:]\d+)*(?![\w'-]))"
    r"|(\w+(?:[.-]\w+|'(?!(?:s|ll|re|ve|d|m)\b)\w+)*)"
    rf"|([\U0001f1e6-\U0001f1ff]{{2}}|[{_PICTOGRAPH}][{_MODIFIERS}]*"
    rf"(?:\u200d[{_PICTOGRAPH}][{_MODIFIERS}]*)*)"
    r"|(\S)")
_KINDS = (None, URL, HASHTAG, MENTION, CASHTAG, NUMBER, WORD, EMOJI, PUNCT)


class Token(NamedTuple):
    """One token: its kind, offsets [start, end), text as folded, and `norm`."""

    kind: str
    start: int
    end: int
    text: str
    norm: str


class Tokens:
    """The tokens of one text, in order: a sequence of `Token`, and the same as parallel
    lists (`kinds`, `starts`, `ends`, `norms`) for code that walks many texts; `folded`
    is the folded text the offsets point into."""

    __slots__ = ("folded", "kinds", "starts", "ends", "norms")

    def __init__(self, folded: str, kinds: list, starts: list, ends: list, norms: list):
        self.folded, self.kinds, self.starts, self.ends, self.norms = \
            folded, kinds, starts, ends, norms

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        start, end = self.starts[i], self.ends[i]
        return Token(self.kinds[i], start, end, self.folded[start:end], self.norms[i])

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def words(self) -> list[Token]:
        return [self[i] for i, kind in enumerate(self.kinds) if kind == WORD]


def tokenize(text: str) -> Tokens:
    """The tokens of `text` (see the module doc)."""
    folded = fold(text)
    found = list(_TOKEN.finditer(folded))
    starts = [m.start() for m in found]
    ends = [m.end() for m in found]
    kinds = [_KINDS[m.lastindex] for m in found]
    if folded.isascii():
        lower = folded.lower()
        norms = [lower[s:e] for s, e in zip(starts, ends)]
    else:
        norms = [folded[s:e].casefold() for s, e in zip(starts, ends)]
    return Tokens(folded, kinds, starts, ends, norms)


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
