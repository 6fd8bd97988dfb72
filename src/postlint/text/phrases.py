"""Word lists as one shared phrase index over tokens: one walk over a text's tokens
finds the matches of every list at once.

Each list of words and phrases (`Phrases`) adds its terms, tokenized as texts are
(`tokens`), to `INDEX`: a trie whose keys are token norms, a key after the first being
prefixed with " " when the term has spaces before that token (`log in`) and bare when it
has none (`master/slave`, three tokens). A term whose list does not ignore case keeps
its tokens as written and is kept only where the text has them exactly so; a term with
`forms: inflected` is added in every combination of its words' forms (`text.forms`).

`INDEX.hits(text)` tokenizes a text once and walks it once for all lists; each list
then reads its own matches: per start token the longest term, matches never
overlapping, as a regex alternation with the longest terms first would find them.
Matching whole tokens is what makes matches whole words: `#ad`, `@idiot`, `$ACME`,
`github.com`, `U.S.` and `u-turn` are tokens of their own and hold no word `ad`,
`idiot`, `acme`, `github` or `u`.

Elision: in French and Italian an article or pronoun loses its vowel and joins the next
word (`l'immigration`, `d'avortement`, `qu'un`, `dell'azienda`), one token. A list made
for one of those languages (`lang` `fr` or `it`, as a rule's `languages:` list for it is)
also matches a term at the word after such a prefix (`rules/data/elisions.yaml`, with
`'` or `’`), and the match covers that word and not the prefix: `immigration` in
`l'immigration` is found at the `i`, as `GitHub` in `GitHub's` is found without the
`'s`. A term that itself starts with the prefix (`l'obligation`) still matches the whole
token, and wins where it is as long. Lists of other languages never look behind an apostrophe (`D'Angelo` holds no word
`angelo` for an English list).
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Iterable

from ..load import builtin, yamlfile
from . import forms as word_forms
from .tokens import WORD, Tokens, tokens_of

MAX_VARIANTS = 64  # combinations of forms a phrase adds at most (the first ones)

@lru_cache(maxsize=1)
def _elisions() -> dict[str, frozenset]:
    """Language -> the elided prefixes of `rules/data/elisions.yaml`."""
    data = yamlfile.load(builtin.folder() / "data" / "elisions.yaml", keep=True) or {}
    return {str(lang): frozenset(map(str, prefixes)) for lang, prefixes in data.items()}


def elisions_of(lang: str) -> frozenset:
    """The elided prefixes a list in language `lang` (a BCP 47 tag) looks behind; `*`:
    those of every language (a list of names that runs on posts in any language)."""
    if lang == "*":
        return frozenset().union(*_elisions().values())
    return _elisions().get(lang.split("-")[0].lower(), frozenset())


class Hit:
    """A match of a list in a text, with the methods of a `regex` match that checks use
    (`start`, `end`, `span`, `group`; `re.groupindex` is empty)."""

    __slots__ = ("string", "_start", "_end")

    class re:  # noqa: N801 - read as `match.re.groupindex`
        groupindex: dict = {}

    def __init__(self, string: str, start: int, end: int):
        self.string, self._start, self._end = string, start, end

    def start(self, group=0) -> int:
        return self._start

    def end(self, group=0) -> int:
        return self._end

    def span(self, group=0) -> tuple[int, int]:
        return self._start, self._end

    def group(self, group=0) -> str:
        return self.string[self._start:self._end]

    def __repr__(self) -> str:
        return f"<Hit {self._start}-{self._end} {self.group()!r}>"


def keys_of(tokens: Tokens) -> list[str]:
    """The trie keys of a term's tokens."""
    keys = []
    for i, token in enumerate(tokens):
        spaced = i and token.start > tokens[i - 1].end
        keys.append(" " + token.norm if spaced else token.norm)
    return keys


class PhraseIndex:
    """The trie of every list's terms, and the matches of each list in recent texts."""

    def __init__(self):
        self.root: dict = {}  # key -> [children, entries]; an entry: (list id, exact)
        self.version = 0
        self._lists = 0
        self._recent: dict[str, tuple[int, dict]] = {}
        self.elisions: dict[int, frozenset] = {}  # list id -> the prefixes it looks behind
        self._prefixes: frozenset = frozenset()  # every list's

    def elide(self, list_id: int, prefixes: frozenset) -> None:
        """Let list `list_id` match a word after one of `prefixes` (the module doc)."""
        if prefixes:
            self.elisions[list_id] = prefixes
            self._prefixes |= prefixes
            self.version += 1

    def new_list(self) -> int:
        self._lists += 1
        return self._lists

    def add(self, keys: list[str], entry: tuple) -> None:
        node = None
        children = self.root
        for key in keys:
            node = children.get(key)
            if node is None:
                node = children[key] = [{}, []]
            children = node[0]
        if entry not in node[1]:
            node[1].append(entry)
            self.version += 1

    def hits(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """List id -> the (start, end) offsets of its matches in `text`."""
        found = self._recent.get(text)
        if found is not None and found[0] == self.version:
            return found[1]
        if len(self._recent) >= 8:
            self._recent.clear()
        result = self.scan(tokens_of(text))
        self._recent[text] = (self.version, result)
        return result

    def scan(self, tokens: Tokens) -> dict[int, list[tuple[int, int]]]:
        root, out, after = self.root, {}, {}  # after: list id -> the token its last hit ends before
        norms, starts, ends, folded = tokens.norms, tokens.starts, tokens.ends, tokens.folded
        count = len(norms)
        elided = self._elided(tokens) if self._prefixes and "'" in folded else None
        for i, norm in enumerate(norms):
            node = root.get(norm)
            if node is None and (elided is None or i not in elided):
                continue
            longest: dict[int, int] = {}
            j = i
            while node is not None:
                children, entries = node
                for list_id, exact in entries:
                    if exact is None or exact == tuple(
                            folded[starts[k]:ends[k]] for k in range(i, j + 1)):
                        longest[list_id] = j
                j += 1
                if j == count or not children:
                    break
                node = children.get(norms[j] if starts[j] == ends[j - 1] else " " + norms[j])
            moved = self._after_prefix(tokens, i, elided[i], longest) \
                if elided is not None and i in elided else None
            for list_id, last in longest.items():
                if after.get(list_id, 0) <= i:
                    start = moved.get(list_id, starts[i]) if moved else starts[i]
                    out.setdefault(list_id, []).append((start, ends[last]))
                    after[list_id] = last + 1
        return out

    def _elided(self, tokens: Tokens) -> dict[int, str] | None:
        """Token index -> the elided prefix its word starts with (any list's); None for
        none."""
        found: dict[int, str] = {}
        prefixes, kinds = self._prefixes, tokens.kinds
        for i, norm in enumerate(tokens.norms):
            if "'" in norm and kinds[i] == WORD:
                head, _, rest = norm.partition("'")
                if rest and head + "'" in prefixes:
                    found[i] = head + "'"
        return found or None

    def _after_prefix(self, tokens: Tokens, i: int, prefix: str,
                      longest: dict[int, int]) -> dict[int, int]:
        """Walk the trie from the word after `prefix` in token `i`, for the lists that
        look behind that prefix; a list's match there replaces its match of the whole
        token only when longer. Updates `longest`; returns list id -> the match's start
        for the lists whose match starts after the prefix."""
        norms, starts, ends, folded = tokens.norms, tokens.starts, tokens.ends, tokens.folded
        first = starts[i] + len(prefix)
        moved: dict[int, int] = {}
        node = self.root.get(norms[i][len(prefix):])
        j, count = i, len(norms)
        while node is not None:
            children, entries = node
            for list_id, exact in entries:
                if prefix not in self.elisions.get(list_id, ()):
                    continue
                if longest.get(list_id, -1) >= j and list_id not in moved:
                    continue  # the whole token matched as far
                if exact is None or exact == (folded[first:ends[i]],) + tuple(
                        folded[starts[k]:ends[k]] for k in range(i + 1, j + 1)):
                    longest[list_id] = j
                    moved[list_id] = first
            j += 1
            if j == count or not children:
                break
            node = children.get(norms[j] if starts[j] == ends[j - 1] else " " + norms[j])
        return moved


INDEX = PhraseIndex()


class Phrases:
    """Words and phrases matched as whole tokens through `INDEX`, with the search
    methods of a `regex.Pattern` that checks use (`finditer`, `search`)."""

    is_regex = False

    def __init__(self, terms: tuple, ignorecase: bool = True, inflected: bool = False,
                 lang: str = "en", index: PhraseIndex = INDEX, elide: str | None = None,
                 graded: bool = False):
        self.terms, self.ignorecase, self.index = terms, ignorecase, index
        self.id = index.new_list()
        index.elide(self.id, elisions_of(elide or lang))
        self.keys: list[list[str]] = []
        for term in terms:
            tokens = tokens_of(term)
            if not tokens:
                continue
            exact = None if ignorecase else tuple(t.text for t in tokens)
            for keys in self._variants(tokens, inflected and ignorecase, lang, graded):
                self.keys.append(keys)
                index.add(keys, (self.id, exact))

    @staticmethod
    def _variants(tokens: Tokens, inflected: bool, lang: str,
                  graded: bool = False) -> Iterable[list[str]]:
        keys = keys_of(tokens)
        if not inflected:
            return [keys]
        choices = []
        for key, token in zip(keys, tokens):
            space = " " if key.startswith(" ") else ""
            found = word_forms.forms(token.norm, lang, graded) if token.kind == WORD \
                else (token.norm,)
            choices.append([space + f for f in found])
        return [list(v) for v in itertools.islice(itertools.product(*choices), MAX_VARIANTS)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        return self.index.hits(text).get(self.id, [])

    def finditer(self, text: str, **_ignored):
        return (Hit(text, start, end) for start, end in self.spans(text))

    def search(self, text: str, **_ignored):
        spans = self.spans(text)
        return Hit(text, *spans[0]) if spans else None

    def problem(self) -> str | None:
        return None  # words and phrases always compile
