"""Regex word lists (and words that may match inside others) as patterns searched only
in texts that can hold a match, compiled only as far as needed. Whole words and phrases
go through the shared phrase index instead (`phrases`); these lists are for what needs
a pattern's structure (obfuscations such as `f*ck`, lookarounds, number shapes).

A text is searched folded (`styled.fold`: styled letters plain, apostrophes `'`; the same
length), so `𝗷𝗮𝗻𝗲@𝗴𝗺𝗮𝗶𝗹.𝗰𝗼𝗺` is an e-mail address and `I’ll` matches `I'll`.

Most posts contain none of a rule's words, and the `regex` module compiles in Python
and searches a long alternation position by position. So each term of a whole-word list
records *heads*: the first letters (1 to HEAD, ASCII, lower case) of a word that every
match holds, its first word or one after a space or other separator, followed by " "
where that word surely ends sooner (`he's` holds the word `he`); read from the term's
syntax tree on first search and kept between runs (see `cache`). A term without such a
word may instead start with a *mark*, a symbol (`$`, `#`, an emoji) or a digit, or hold
a digit somewhere (also where its heads would be too many to tell texts apart). A text is
searched only for the terms with a head among the starts and short words of its words or
a mark in it (and those the analysis cannot read). Testing every term costs more than
a search of the compiled list, so it is only for small runs: a list is compiled whole
(and then only tested as a whole) once it has been asked about enough text
(COMPILE_AFTER), or before workers start; and by the standard library's `re`, whose
searches are faster, once a run has asked it about many texts (FAST_AFTER), for texts
that are not long (FAST_TEXT).

A search tries a pattern at every character of a text. When each term's matches start
a word with known letters (or start with a digit or a symbol), a text of TRY_FROM
characters or more is tried only at the words that start so (`first_heads`, `Places`),
if they are few. Otherwise, once a list has been asked about many texts (APART_AFTER),
a text is searched for each term whose needs it meets on its own (`Sieve` tells them at
once), the matches merged as the alternation would take them: a few terms alone cost
less than the whole list, whose engine tries every term at every character; in a long
text, each term only in the blocks that meet its own needs.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import re
import string
import sys
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Iterator

import regex

from ..load import cache, patterns
from .phrases import INDEX, Phrases
from .styled import normalize as fold

try:  # the standard library's parser reads the syntax the patterns share with `regex`
    from re import _constants as sre, _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre
    import sre_parse

HEAD = 4  # letters of a word's start compared (`text_heads` takes 1 to 4)
_ASCII_WORD = frozenset(string.ascii_letters + string.digits + "_")
# Characters that `regex` matches with an ASCII letter when ignoring case (checked over
# all of Unicode by the tests): they are read as that letter.
_FOLD = str.maketrans("ıİKſ", "iiks")
_WORD = regex.compile(r"\w")
_WORD_START = regex.compile(rf"(?<!\w)(\w{{1,{HEAD}}})(\w?)")  # (and whether the word goes on)
_DIGIT = regex.compile(r"\d")
DIGIT = "digit"  # a mark that stands for any digit
SUBSET_BUDGET = 1  # a list's subsets may cost this many compilations of the whole list
_PATTERN_COST = 5  # compiling any pattern costs about as much as this many more terms
FAST_AFTER = 1_000  # texts (as for COMPILE_AFTER) before a list is compiled by `re`, whose
# searches after a lead are about twice as fast but whose compilations are not kept
# between runs
FAST_TEXT = 4_096  # characters of the longest text `re` searches: it has no guard against
# trying a repeat again from each place (on a long run of word characters, some lists
# take time growing with the square of its length), which `regex` has
COMPILE_AFTER = 200  # texts (a text counts once more for each 256 characters) before a
# list is compiled whole: about as long as testing each text's heads takes to cost more
MANY_HEADS = 50  # a term with more heads (`[A-Z][a-z]`: 676) is told by a digit it holds
# Heads that nearly every post has (short words, whole): a term they tell is told by a
# digit it holds instead
MANY_FIRST = 300  # a list with more first heads is searched, not tried word by word
TRY_EVERY = 8  # characters of text for each place a list is tried at, at most
APART_AFTER = 200  # texts (as for COMPILE_AFTER) before a list's terms that a text may
# hold are searched one by one (`Words._apart`), each compiled on first need
TRY_FROM = 100  # characters: a shorter text is searched (finding its places costs more)
_COMMON = frozenset(w + " " for w in "a i is at in on to the my our we it s of for and be are "
                    "was an or so me us you he she his her by as up do if no not all get "
                    "got has had can now new one".split())
_STEPS = 10_000  # analysis steps a pattern may take before it is searched unfiltered
# `regex` reads `{e<=1}` after an item as fuzzy matching, the standard parser as text
# (a brace after an even number of backslashes: `\{` is a brace either way).
_PLAIN_BRACES = regex.compile(r"(?<!\\)(?:\\\\)*\{(?!\d*(?:,\d*)?\})")
# What ties a term to the others in one pattern: inline flags that are not scoped to a
# group (they may apply to every term), and references to groups by number or name
# (conditionals, backreferences, recursion), whose numbers change when terms are left out.
_ENTANGLED = regex.compile(
    r"(?<!\\)(?:\\\\)*(?:\\[1-9g]|\(\?(?![:=!]|<[=!]|P?<\w+>|[a-zA-Z]*-?[a-zA-Z]*:))")


def _matches_empty(term: str, flags: int) -> bool:
    try:
        return regex.fullmatch(term, "", flags, timeout=1.0) is not None
    except (regex.error, TimeoutError):
        return False


class Words:
    """Words, phrases or regexes as one alternation, longest first (then in code point
    order, the same in every process), with the `regex.Pattern` search methods the
    checks use.

    Whole words do not start after a letter, digit, `#`, `@` or `/` (so `#ad` is not `ad`,
    `@idiot` is a name) and do not continue into a letter or digit, a dotted name or a
    hyphenated word (`github.com`, `U.S.`, `u-turn` hold no whole word `github` or `u`).
    Spaces in a phrase match any run of whitespace.

    A text is searched only if some term may match in it. Until the whole list is
    compiled (for a large run, before workers start) or found kept from an earlier run
    (`patterns.kept`), a text is searched with a pattern of just the terms that may match
    in it: leaving out terms that cannot match changes no match, and a few short patterns
    compile faster than the whole list.
    """

    def __init__(self, terms: tuple, ignorecase: bool, whole_words: bool, is_regex: bool):
        self.terms, self.is_regex, self.whole_words = terms, is_regex, whole_words
        self.parts = [term if is_regex else r"\s+".join(regex.escape(w) for w in term.split())
                      for term in sorted(set(terms), key=lambda t: (-len(t), t))]
        self.flags = regex.IGNORECASE if ignorecase else 0
        self._subsets: dict[tuple, "regex.Pattern"] = {}
        self._spent = 0  # on compiling subsets, in terms
        self._asked = 0  # texts asked about (see COMPILE_AFTER)
        self._fast = None  # the list by `re`, once made (see FAST_AFTER)
        self._terms: dict = {}  # (term, short text) -> the term alone (see `_term`)

    def _source(self, parts: list[str]) -> str:
        body = "|".join(f"(?:{p})" for p in parts)
        return rf"(?<![\w#@/])(?<!\w[.-])(?:{body})(?!\w|[.-]\w)" if self.whole_words else body

    @cached_property
    def compiled(self) -> "regex.Pattern":
        """The whole list, by `regex`, whose compilations are kept between runs."""
        return regex.compile(self._source(self.parts), self.flags)

    @cached_property
    def _kept_whole(self) -> bool:
        """Whether the whole list is kept compiled (see `patterns`): then it is searched
        at once rather than a subset compiled."""
        return patterns.kept(self._source(self.parts), self.flags)

    def _whole(self, length: int) -> "re.Pattern | regex.Pattern":
        """The whole list for a text of `length` characters; by `re` (see `compile_fast`)
        once the list has been asked about FAST_AFTER texts, for at most FAST_TEXT."""
        if length <= FAST_TEXT and self._asked > FAST_AFTER:
            if self._fast is None:
                self._fast = compile_fast(self._source(self.parts), self.flags, self.lead)
            return self._fast
        return self.compiled

    @cached_property
    def lead(self) -> str:
        """A lookahead for the characters a match can start with, for `re` to test at
        each place before the rest of the pattern (`re` gets about twice as fast; `regex`
        does not); "" when they are not known."""
        chars: set[str] = set()
        for part in self.parts:
            tree = _tree(part)
            found = None if tree is None else _first_chars(tree)
            if found is None or found[1]:  # (unknown, or a match may be empty)
                return ""
            chars |= found[0]
        return f"(?=[{''.join(sorted(chars))}])" if chars else ""

    @cached_property
    def term_needs(self) -> "list[Needs | None] | None":
        """What a text must hold for each term to match in it (None for a term beyond the
        analysis); None for the list when its terms cannot be read, or searched, apart
        (inline flags or references between groups)."""
        if not self.whole_words or any(_ENTANGLED.search(p) for p in self.parts):
            return None
        return [known_needs(p) for p in self.parts]

    @cached_property
    def needs(self) -> "Needs | None":
        """What a text must hold for any term to match in it; None: search every text."""
        return None if self.term_needs is None else Needs.union(self.term_needs)

    def problem(self) -> str | None:
        """Why the list does not compile (naming the regex at fault), or does not match what
        it means to; None if it is sound."""
        try:
            self.compiled
        except regex.error as exc:
            for term in self.terms:
                try:
                    regex.compile(term)
                except regex.error as alone:
                    return f"invalid regular expression {term!r}: {alone}"
            return f"invalid regular expressions: {exc}"
        if self.is_regex:
            empty = next((term for term in self.terms if _matches_empty(term, self.flags)), None)
            if empty is not None:
                return (f"the regular expression '{empty}' matches an empty text, so it would "
                        "be reported with nothing to show; make it match at least one "
                        "character (+ rather than *, or no ? on its only part)")
        if self.is_regex and self.whole_words:
            cut = next((term for term in self.terms if ends_cut(term)), None)
            if cut is not None:
                return (f"the regular expression '{cut}' ends in one digit or word character, "
                        "so as a whole word it never matches where more follow ('at 4' but not "
                        "'at 10' or 'at 4pm'); end it with a repeat such as \\d+ or \\d{1,2}")
        return None

    def may_match(self, text: str) -> bool:
        return self.needs is None or self.needs.met_by(text)

    def pattern_for(self, text: str) -> "regex.Pattern | None":
        """The pattern to search `text` with; None when no term can match in it."""
        if self.needs is not None and not self.needs.met_by(text):  # (`may_match`)
            return None
        self._asked += 1 + len(text) // 256
        if "compiled" in vars(self) or self.term_needs is None or self._asked > COMPILE_AFTER \
                or self._kept_whole:
            return self._whole(len(text))
        chosen = tuple(i for i, needs in enumerate(self.term_needs)
                       if needs is None or needs.met_by(text))
        if len(chosen) == len(self.parts):
            return self._whole(len(text))
        subset = self._subsets.get(chosen)
        if subset is None:
            self._spent += len(chosen) + _PATTERN_COST
            if self._spent > SUBSET_BUDGET * (len(self.parts) + _PATTERN_COST):
                return self._whole(len(text))
            subset = self._subsets[chosen] = regex.compile(
                self._source([self.parts[i] for i in chosen]), self.flags)
        return subset

    @cached_property
    def first_heads(self) -> frozenset | None:
        """The heads (1 to HEAD letters, lower case) that the first word of every match
        starts with, when each term's matches start with an ASCII letter or digit and
        they are not many (`known_first`); None otherwise."""
        if not self.whole_words or self.term_needs is None:
            return None
        heads: set[str] = set()
        for part in self.parts:
            found = known_first(part)
            if found is None or len(heads | found) > MANY_FIRST:
                return None
            heads |= found
        return frozenset(heads)

    def starts_in(self, text: str) -> "list[int] | None":
        """The places in `text` where a match can start (in order; see `first_heads`
        and `Places`); None when they are not known."""
        if self.first_heads is None:
            return None
        return self._starts.places(text)

    @cached_property
    def _starts(self) -> "Starts":
        return Starts(self.first_heads)

    def _tried(self, text: str, kwargs) -> "list[int] | None":
        """Where to try the list in a text of TRY_FROM characters or more, when those
        places are few (`starts_in`); None: search it (a long one in blocks, `_regions`).
        Trying a pattern at a few places costs less than a search, which tries it at
        each character."""
        if kwargs or self.first_heads is None or len(text) < TRY_FROM:
            return None
        tried = self.starts_in(text)
        return tried if len(tried) * TRY_EVERY <= len(text) else None

    def finditer(self, text: str, **kwargs):
        text = fold(text)
        pattern = self.pattern_for(text)
        if pattern is None:
            return iter(())
        tried = self._tried(text, kwargs)
        if tried is not None:
            return _matches_at(pattern, text, tried)
        met = self._apart(text, kwargs)
        if met is not None:
            return self._matches_apart(text, met)
        regions = self._regions(text, pattern)
        return itertools.chain.from_iterable(
            (_limited(pattern) if kwargs else pattern).finditer(text, start, end, **kwargs)
            for start, end, pattern in regions)

    def search(self, text: str, **kwargs):
        text = fold(text)
        pattern = self.pattern_for(text)
        if pattern is None:
            return None
        tried = self._tried(text, kwargs)
        if tried is not None:
            return next(_matches_at(pattern, text, tried), None)
        met = self._apart(text, kwargs)
        if met is not None:
            return next(self._matches_apart(text, met), None)
        for start, end, pattern in self._regions(text, pattern):
            found = (_limited(pattern) if kwargs else pattern).search(text, start, end, **kwargs)
            if found is not None:
                return found
        return None

    def _apart(self, text: str, kwargs) -> "list[int] | None":
        """The terms to search `text` for one by one (`_matches_apart`): those whose
        needs it meets, when they are at most half the list or the text is long (each is
        then searched only where it may match), and the list has been asked about many
        texts (APART_AFTER; the terms' patterns are compiled once each); None: search the
        list as one pattern."""
        if kwargs or self._asked <= APART_AFTER or self._sieve is None:
            return None
        met = self._sieve.met(text)
        return met if len(met) * 2 <= len(self.parts) or len(text) > FAST_TEXT else None

    @cached_property
    def _sieve(self) -> "Sieve | None":
        """The terms' needs, when they are read apart."""
        if self.term_needs is None or len(self.parts) < 2:
            return None
        return Sieve(self.term_needs)

    def _term(self, index: int, length: int) -> "re.Pattern | regex.Pattern":
        """Term `index` alone, for a text of `length` (by `re` for a short one, as
        `_whole` does)."""
        fast = length <= FAST_TEXT
        found = self._terms.get((index, fast))
        if found is None:
            source = self._source([self.parts[index]])
            found = self._terms[index, fast] = compile_fast(source, self.flags) if fast \
                else regex.compile(source, self.flags)
        return found

    def _matches_apart(self, text: str, met: list[int]):
        """The matches the whole list's `finditer` gives, found term by term (`met`:
        the terms that may match, in the list's order): at each step the match that
        starts first, of the earliest term at that place, as an alternation takes it
        (from an empty match on, the whole list is searched).
        In a long text each term is searched only in the blocks that meet its needs
        (with the blocks beside them)."""
        long = len(text) > FAST_TEXT
        searches = {}
        for index in met:
            pattern = self._term(index, len(text))
            if long:
                regions = self._term_regions(text, index)
                searches[index] = _region_search(pattern, text, regions)
            else:
                searches[index] = functools.partial(pattern.search, text)
        heap = []
        for index, search in searches.items():
            found = search(0)
            if found is not None:
                heap.append((found.start(), index, found))
        heapq.heapify(heap)
        at = 0
        while heap:
            start, index, found = heapq.heappop(heap)
            if start >= at:
                if found.end() == start:  # (an empty match: the whole list takes it on,
                    yield from self._whole(len(text)).finditer(text, at)  # as its rules
                    return                                  # for the next one are subtle)
                yield found
                at = found.end()
            found = searches[index](at)
            if found is not None:
                heapq.heappush(heap, (found.start(), index, found))

    def _term_regions(self, text: str, index: int) -> list[tuple[int, int]]:
        """The stretches of a long text to search for term `index` (`Blocks.around`)."""
        needs = self.term_needs[index]
        return [(0, len(text))] if needs is None else Blocks.of(text).around(needs)

    def _regions(self, text: str, pattern) -> list[tuple[int, int, "re.Pattern | regex.Pattern"]]:
        """Where to search `text`, and with what: all of it with `pattern`, or for a text
        longer than FAST_TEXT in blocks (`Blocks`), each block whose words meet the list's
        needs together with the blocks on either side (a match may run on from one block
        into the next), with the pattern for a text of that length."""
        if len(text) <= FAST_TEXT or self.needs is None:
            return [(0, len(text), pattern)]
        return [(start, end, self._whole(end - start))
                for start, end in Blocks.of(text).around(self.needs)]


class Blocks:
    """A long text's blocks, each a paragraph with the blank lines after it, and those
    that meet a list's needs (found from `Places`). Kept for the last text asked
    about."""

    _GAP = regex.compile(r"\n[ \t]*\n\s*")
    _last: "Blocks | None" = None

    def __init__(self, text: str):
        self.text = text
        self.bounds = [0] + [m.end() for m in self._GAP.finditer(text) if m.end() < len(text)] \
            + [len(text)]  # block i is text[bounds[i]:bounds[i + 1]]

    @classmethod
    def of(cls, text: str) -> "Blocks":
        if cls._last is None or cls._last.text != text:
            cls._last = cls(text)
        return cls._last

    def around(self, needs: "Needs") -> list[tuple[int, int]]:
        """(start, end) of each run of the blocks that meet `needs` together with the
        blocks on either side (a match may run on from one block into the next)."""
        last = len(self.bounds) - 1
        runs: list[list[int]] = []  # [first block, block after the last] of each run
        for index in self.meeting(needs):
            lo, hi = max(index - 1, 0), min(index + 2, last)
            if runs and lo <= runs[-1][1]:
                runs[-1][1] = hi
            else:
                runs.append([lo, hi])
        return [(self.bounds[lo], self.bounds[hi]) for lo, hi in runs]

    def meeting(self, needs: "Needs") -> list[int]:
        """The blocks that meet `needs`, in order."""
        at = Places.of(self.text).at
        found = [at(head) for head in (*needs.heads, *needs.marks)]
        if needs.digits:
            found.append(at(_HAS_DIGIT))
        bounds = self.bounds
        return sorted({bisect.bisect_right(bounds, place) - 1
                       for place in itertools.chain.from_iterable(found)})


class Starts:
    """Where a match can start in a text, for patterns whose matches start at words
    with one of `first` heads or at one of its symbols (see `first_heads`)."""

    def __init__(self, first: frozenset):
        self.marks = tuple(head for head in first if head == DIGIT or not head[0].isalnum())
        self.longest = frozenset(head for head in first if len(head) == HEAD
                                 or head.endswith(" ")).difference(self.marks)
        self.shorter = first.difference(self.longest, self.marks)

    def places(self, text: str) -> list[int]:
        """The places in `text`, in order."""
        places = Places.of(text)
        found = [places.words[head] for head in self.longest.intersection(places.keys)]
        if self.shorter:
            shorter = places.shorter()
            found += [shorter[head] for head in self.shorter.intersection(places.shorter_keys)]
        found += [places.marks(mark) for mark in self.marks]
        return sorted(set(itertools.chain.from_iterable(found)))


def _matches_at(pattern, text: str, places: list[int]):
    """The matches `pattern.finditer(text)` gives, when none can start elsewhere than
    at `places` (in order)."""
    after = 0
    for place in places:
        if place >= after:
            found = pattern.match(text, place)
            if found is not None:
                yield found
                after = found.end()


def replace_at(pattern, replacement: str, text: str, places: list[int]) -> str:
    """`pattern.sub(replacement, text)`, when no match can start elsewhere than at
    `places` (in order): the pattern is tried only there."""
    pieces, last = [], 0
    for found in _matches_at(pattern, text, places):
        if found.end() == found.start():  # (an empty match: `sub` has rules of its own)
            return pattern.sub(replacement, text)
        pieces += (text[last:found.start()], found.expand(replacement))
        last = found.end()
    return "".join(pieces) + text[last:] if pieces else text


def _region_search(pattern, text: str, regions: list[tuple[int, int]]):
    """A function of `at`: the first match of `pattern` in `text` at or after `at`,
    within `regions` (in order)."""
    ends = [end for _, end in regions]

    def search(at: int):
        for start, end in regions[bisect.bisect_right(ends, at):]:
            found = pattern.search(text, max(start, at), end)
            if found is not None:
                return found
        return None
    return search


class Places:
    """Where the words of a text start, by their heads (1 to HEAD letters, lower case,
    and a shorter whole word with " ", as `text_heads` reads them: "he " in `he's`), and
    where its symbols and digits are. Each word is kept under its longest head; the
    shorter heads and the symbols are found once asked for."""

    _last: dict[str, "Places"] = {}  # of the texts being checked

    def __init__(self, text: str):
        self.text = text
        lower = (text if text.isascii() else text.translate(_FOLD)).lower()
        self.words: dict[str, list[int]] = {}  # longest head -> where its words start
        for m in _WORD_START.finditer(lower):
            head = m.group(1)
            self.words.setdefault(head if m.group(2) or len(head) == HEAD else head + " ",
                                  []).append(m.start())
        self._shorter: dict[str, list[int]] | None = None
        self._marks: dict[str, list[int]] = {}

    @classmethod
    def of(cls, text: str) -> "Places":
        found = cls._last.get(text)
        if found is None:
            if len(cls._last) >= 8:
                cls._last.clear()
            found = cls._last[text] = cls(text)
        return found

    @cached_property
    def keys(self) -> frozenset:
        """The heads the words are kept under (a set: intersected, the smaller is read)."""
        return frozenset(self.words)

    @cached_property
    def shorter_keys(self) -> frozenset:
        return frozenset(self.shorter())

    @cached_property
    def heads(self) -> frozenset:
        """Every head of the words (see `text_heads`)."""
        return frozenset(key[:size] for key in self.words
                         for size in range(1, len(key.rstrip(" ")) + 1)).union(self.words)

    def at(self, head: str) -> list[int]:
        """Where the words that start with `head` start (not in order); for a symbol,
        where it is; DIGIT: the words that start with a digit; _HAS_DIGIT: the digits."""
        found = self.words.get(head)
        if found is not None or len(head) == HEAD or head.endswith(" "):
            return found or []
        if head == DIGIT or head == _HAS_DIGIT or not head[0].isalnum():
            return self.marks(head)
        return self.shorter().get(head, [])

    def shorter(self) -> dict[str, list[int]]:
        """Where the words start, by each head shorter than the one they are kept under."""
        if self._shorter is None:
            self._shorter = {}
            for key, starts in self.words.items():
                for size in range(1, min(len(key.rstrip(" ")), HEAD - 1) + 1):
                    if key[:size] != key:
                        self._shorter.setdefault(key[:size], []).extend(starts)
        return self._shorter

    def marks(self, mark: str) -> list[int]:
        """Where `mark`, a symbol, is; DIGIT: the words that start with a digit;
        _HAS_DIGIT: the digits."""
        found = self._marks.get(mark)
        if found is None:
            if mark == DIGIT:
                found = [start for key, starts in self.words.items() if key[0].isdecimal()
                         for start in starts]
            else:
                found = [m.start() for m in (_DIGIT if mark == _HAS_DIGIT else re.compile(
                    re.escape(mark))).finditer(self.text)]
            self._marks[mark] = found
        return found


def compile_fast(source: str, flags: int, lead: str = "") -> "re.Pattern | regex.Pattern":
    """`source` compiled by the standard library's `re` when it is in its syntax (its
    searches take about a quarter less time), after `lead` (see `Words.lead`), else by
    `regex` (`\\p{L}`, lookbehinds of varying width, fuzzy braces, nested sets).
    `regex` reads the syntax the two share as `re` does (its version 0)."""
    if not _PLAIN_BRACES.search(source) and "[[" not in source:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # (a FutureWarning: syntax that will change)
                return re.compile(lead + source,
                                  re.IGNORECASE if flags & regex.IGNORECASE else 0)
        except (re.error, FutureWarning, DeprecationWarning, OverflowError, RecursionError):
            pass
    return regex.compile(source, flags)


@lru_cache(maxsize=256)
def _limited(pattern) -> "regex.Pattern":
    """A pattern that takes a search time limit (`timeout=`): `regex`'s."""
    if isinstance(pattern, re.Pattern):
        return regex.compile(pattern.pattern, regex.IGNORECASE if pattern.flags & re.IGNORECASE
                             else 0)
    return pattern


class Gate:
    """Whether any of a check's word lists may match a text: one test of the phrase
    index's matches and one of what its regex lists' terms need, so that a check whose
    lists cannot match a post is not run on it at all."""

    def __init__(self, lists: list):
        self.ids = frozenset(w.id for w in lists if isinstance(w, Phrases))
        regexes = [w for w in lists if isinstance(w, Words)]
        self.always = any(not isinstance(w, (Phrases, Words)) for w in lists)
        self.needs = Needs.union(w.needs for w in regexes) if regexes else None
        self.always = self.always or bool(regexes) and self.needs is None

    def open(self, text: str) -> bool:
        if self.always or self.ids and not self.ids.isdisjoint(INDEX.hits(text)):
            return True
        return self.needs is not None and self.needs.met_by(fold(text))


_recording: list[list] = []


@contextmanager
def recording() -> Iterator[list]:
    """Collect the word lists handed out meanwhile (to compile a user's rule at once)."""
    made: list = []
    _recording.append(made)
    try:
        yield made
    finally:
        _recording.pop()


def handed_out(words: "Words | None") -> "Words | None":
    if words is not None and _recording:
        _recording[-1].append(words)
    return words


_last: dict[str, frozenset] = {}  # the heads of the texts being checked


_HAS_DIGIT = "\x00"  # in a text's heads when the text holds a digit


def text_heads(text: str) -> frozenset:
    """The starts (1 to HEAD letters, lower case) of the words of `text`, its words
    shorter than that followed by " ", and _HAS_DIGIT if it holds a digit (the heads of
    its `Places`, which the lists that may match in it are then tried at)."""
    heads = _last.get(text)
    if heads is None:
        if len(_last) >= 8:  # a post's prose and raw text are checked in turn
            _last.clear()
        heads = Places.of(text).heads if len(text) >= TRY_FROM else _heads(text)
        heads = _last[text] = heads.union((_HAS_DIGIT,)) if _DIGIT.search(text) else heads
    return heads


def _heads(text: str) -> frozenset:
    """`Places.heads` of a short text, without its places."""
    found = _WORD_START.findall((text if text.isascii() else text.translate(_FOLD)).lower())
    starts = [start for start, _ in found]
    return frozenset(starts + [s[:1] for s in starts] + [s[:2] for s in starts]
                     + [s[:3] for s in starts]
                     + [start + " " for start, more in found if not more and len(start) < HEAD])


class _GiveUp(Exception):
    pass


@dataclass(frozen=True)
class Needs:
    """What a text must hold for a list to match in it: a word starting with one of
    `heads`, or one of the characters `marks`, or (`digits`) a digit."""

    heads: frozenset
    marks: str
    digits: bool

    def met_by(self, text: str) -> bool:
        number = self._number
        found = _MET.get(text)
        if found is None or number >= found[0]:
            found = _met(text)
        return number in found[1]

    @cached_property
    def _number(self) -> int:
        """This one's number among the needs asked about in the process (`_met`)."""
        number = _NUMBERS.get(self)
        if number is None:
            number = _NUMBERS[self] = len(_NUMBERS)
            for head in self.heads:
                _BY_HEAD.setdefault(head, []).append(number)
            for mark in self.marks:
                _BY_MARK.setdefault(mark, []).append(number)
            if self.digits:
                _BY_HEAD.setdefault(_HAS_DIGIT, []).append(number)
        return number

    @staticmethod
    def union(many: "Iterable[Needs | None]") -> "Needs | None":
        """What a text must hold for one of `many` to be met (None if one is None)."""
        many = list(many)
        if None in many:
            return None
        return Needs(_shortest(frozenset().union(*(n.heads for n in many))),
                     "".join(sorted({m for n in many for m in n.marks})),
                     any(n.digits for n in many))


# Every `Needs` asked about in the process, numbered, and the numbers under each head and
# mark they hold: one look at a text's heads tells which of them all it meets, where a
# test of each would cost one apiece (a post is asked about a hundred).
_NUMBERS: dict[Needs, int] = {}
_BY_HEAD: dict[str, list[int]] = {}  # (_HAS_DIGIT: the needs met by any digit)
_BY_MARK: dict[str, list[int]] = {}
_MET: dict[str, tuple[int, set[int]]] = {}  # text -> (needs numbered then, those it meets)


def _met(text: str) -> tuple[int, set[int]]:
    """(how many needs are numbered, the numbers of those `text` meets), kept for the
    last few texts as `text_heads` keeps their heads."""
    heads = _last.get(text)
    if heads is None:
        heads = text_heads(text)
    met: set[int] = set()
    by_head = _BY_HEAD
    for head in heads:
        numbers = by_head.get(head)
        if numbers is not None:
            met.update(numbers)
    for mark, numbers in _BY_MARK.items():
        if mark in text:
            met.update(numbers)
    if len(_MET) >= 8:
        _MET.clear()
    found = _MET[text] = (len(_NUMBERS), met)
    return found


class Sieve:
    """Which of many patterns may match a text, by what each needs (`Needs`; None: may
    match anywhere): one look at the text's heads for them all, where testing each
    pattern's needs would cost a test apiece."""

    def __init__(self, needs: "list[Needs | None]"):
        self.always = frozenset(i for i, n in enumerate(needs) if n is None)
        self.by_head: dict[str, list[int]] = {}
        for i, n in enumerate(needs):
            for head in n.heads if n is not None else ():
                self.by_head.setdefault(head, []).append(i)
        self.heads = frozenset(self.by_head)
        self.marks = [(frozenset(n.marks), i) for i, n in enumerate(needs) if n and n.marks]
        self.digits = frozenset(i for i, n in enumerate(needs) if n is not None and n.digits)

    def met(self, text: str, alone: bool = False) -> list[int]:
        """The patterns (by index, in order) whose needs `text` meets; `alone`: a piece of
        a longer text, read without `text_heads`' memo (which keeps the texts checked)."""
        heads = (_heads(text).union((_HAS_DIGIT,)) if _DIGIT.search(text) else _heads(text)) \
            if alone else text_heads(text)
        found = set(self.always)
        for head in self.heads.intersection(heads):
            found.update(self.by_head[head])
        if self.digits and _HAS_DIGIT in heads:
            found |= self.digits
        found.update(i for marks, i in self.marks if not marks.isdisjoint(text))
        return sorted(found)


def _shortest(heads: frozenset) -> frozenset:
    """`heads` without those that start with another (a word starting with `ab` starts
    with `a`)."""
    kept, last = [], None  # (in sorted order, a head's prefix is the last head kept)
    for head in sorted(heads):
        if head and last is not None and head.startswith(last):
            continue
        kept.append(head)
        last = head or last
    return frozenset(kept)


# The analysis of terms, kept between runs: it depends on a term, this code, Python's
# parser and `regex`.
_KNOWN = cache.Store("needs", f"{cache.code_stamp(__file__)} python {sys.version_info[:2]} "
                              f"regex {regex.__version__}")


def known_needs(term: str) -> Needs | None:
    """`pattern_needs(term)`, kept between runs."""
    found = _KNOWN.get(term)
    if found is None:
        return None
    if (isinstance(found, list) and len(found) == 3 and isinstance(found[0], list)
            and all(isinstance(head, str) for head in found[0])
            and isinstance(found[1], str) and isinstance(found[2], bool)):
        return Needs(frozenset(found[0]), found[1], found[2])
    needs = pattern_needs(term)  # not kept yet (or damaged)
    _KNOWN.put(term, None if needs is None else [sorted(needs.heads), needs.marks, needs.digits])
    return needs


def pattern_needs(body: str) -> Needs | None:
    """What every match of `body` holds (a match that starts with a letter or digit
    starts a word); None when the pattern is beyond this analysis."""
    tree = _tree(body)
    if tree is None:
        return None
    try:
        found = _needs(tree, [_STEPS])
    except (_GiveUp, RecursionError):
        found = None
    if found is None or len(found[0]) > MANY_HEADS or not _COMMON.isdisjoint(found[0]) \
            or _weak(found[0]):
        # (a street name of any capitalised word, then a house number: a digit; and a
        # digit tells more texts apart than a word such as "is " or "at " does, or any
        # word that starts with one of some letters)
        if _holds_digit(tree):
            return Needs(frozenset(), "", True)
        if found is None:
            return None
    heads, marks = found
    return Needs(_shortest(frozenset(heads)), "".join(sorted(marks - {DIGIT})), DIGIT in marks)


_FIRST = cache.Store("first", _KNOWN.stamp)
_WORD_CHARS = re.compile(r"[A-Za-z0-9](?:-[A-Za-z0-9])?")
_DIGITS = re.compile(r"[0-9](?:-[0-9])?")


def known_first(term: str) -> frozenset | None:
    """`first_heads(term)`, kept between runs."""
    found = _FIRST.get(term)
    if found is None:
        return None
    if isinstance(found, list) and all(isinstance(head, str) for head in found):
        return frozenset(found)
    heads = first_heads(term)  # not kept yet (or damaged)
    _FIRST.put(term, None if heads is None else sorted(heads))
    return heads


def first_heads(body: str) -> frozenset | None:
    """Where a whole-word match of `body` can start: the heads (1 to HEAD letters, lower
    case) of the word it starts with, DIGIT for a word that starts with a digit, and the
    symbols (`#`, `$`, ...) it may start with instead; None when they are not known or
    more than MANY_FIRST."""
    tree = _tree(body)
    try:
        found = None if tree is None else _first_keys(tree, [_STEPS])
    except (_GiveUp, RecursionError):
        return None
    return None if found is None or len(found) > MANY_FIRST else frozenset(found)


def _first_keys(nodes: list, steps: list) -> set[str] | None:
    """`first_heads` of `nodes`, each alternative at their start read on its own."""
    steps[0] -= 1
    if steps[0] < 0:
        raise _GiveUp
    while nodes and nodes[0][0] in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # (zero width)
        nodes = nodes[1:]
    if not nodes:
        return None
    op, av = nodes[0]
    if op is sre.SUBPATTERN:  # (the case partners of `(?i:)` are read as `Places` does)
        return _first_keys(list(av[-1]) + nodes[1:], steps)
    if op is sre.BRANCH:
        keys: set[str] = set()
        for branch in av[1]:
            found = _first_keys(list(branch) + nodes[1:], steps)
            if found is None:
                return None
            keys |= found
        return keys
    first = _first_chars(nodes)
    if first is None or first[1]:
        return None
    marks, letters = set(), False
    for item in first[0]:  # (`re` set items: `a`, `a-z`, `\d`, `\#`, `“`)
        char = item[1:] if len(item) == 2 and item[0] == "\\" else item
        if item == r"\d" or _DIGITS.fullmatch(item):
            marks.add(DIGIT)
        elif _WORD_CHARS.fullmatch(item):
            letters = True
        elif len(char) == 1 and not _WORD.match(char) and not char.isspace():
            marks.add(char)
        else:
            return None
    if not letters:
        return marks
    heads = _starts(nodes, HEAD, steps)
    if "" in heads:
        return None
    return heads | marks


def _tree(term: str) -> list | None:
    """The syntax tree of `term` by the standard parser, Unicode properties read as the
    wider sets they belong to (what every match of a wider pattern holds); None for
    syntax of `regex` alone (fuzzy braces, ...)."""
    body = _PROPERTY.sub(_superset, term)
    if _PLAIN_BRACES.search(body):
        return None
    try:
        return list(sre_parse.parse(body))
    except Exception:
        return None


# `regex`'s Unicode properties, which the standard parser does not read: outside a set,
# a letter property stands for any letter, any other for any character.
_PROPERTY = regex.compile(r"(?<!\\)((?:\\\\)*)\\([pP])\{(\^?)([^{}]*)\}|\[(?:\\.|[^\]\\])*\]")


def _superset(match) -> str:
    if match.group(2) is None:  # a set: as it is, or any character if it holds a
        # property (which the standard parser does not read)
        return r"[\s\S]" if _IN_SET.search(match.group(0)) else match.group(0)
    name = match.group(4).replace("_", "").replace(" ", "").lower()
    letters = match.group(2) == "p" and not match.group(3) and name in _LETTERS
    return match.group(1) + (r"[^\W\d_]" if letters else r"[\s\S]")


_IN_SET = regex.compile(r"(?<!\\)(?:\\\\)*\\[pP]\{")
_LETTERS = {"l", "letter", "lu", "ll", "lt", "lm", "lo", "uppercaseletter", "lowercaseletter",
            "alpha", "alphabetic", "l&", "lc"}


def _needs(nodes: list, steps: list) -> tuple[set, set] | None:
    """(heads, marks) such that every match of `nodes` holds a word starting with one of
    the heads or starts with one of the marks; None if neither is known."""
    if len(nodes) == 1 and nodes[0][0] is sre.SUBPATTERN:
        return _needs(list(nodes[0][1][-1]), steps)
    if nodes and nodes[-1][0] is sre.BRANCH and all(op is sre.LITERAL for op, _ in nodes[:-1]):
        # alternatives, after any first letters they share (which the parser takes out)
        choices = [_needs(nodes[:-1] + list(branch), steps) for branch in nodes[-1][1][1]]
        if None in choices:
            return None
        return set().union(*(c[0] for c in choices)), set().union(*(c[1] for c in choices))
    if nodes and nodes[0][0] is sre.IN and _few_chars(nodes[:1], True):
        # a few first characters (`[a@]ss`), each on its own: a word or a symbol
        choices = [_needs([(sre.LITERAL, char)] + nodes[1:], steps)
                   for char in _set_chars(nodes[0][1])]
        if None not in choices:
            return set().union(*(c[0] for c in choices)), set().union(*(c[1] for c in choices))
    heads = _word_heads(nodes, steps)
    if heads is not None and not _weak(heads):
        return heads, set()
    marks = _first_marks(nodes, steps)
    if marks:
        return set(), marks
    held = sorted(_held_symbols(nodes, 0), key=lambda char: (char in _COMMON_SYMBOLS, char))
    if held and (heads is None or held[0] not in _COMMON_SYMBOLS):
        return set(), {held[0]}  # (`@` in an e-mail address)
    return (heads, set()) if heads is not None else None


def _word_heads(nodes: list, steps: list, choices: bool = True) -> set[str] | None:
    """The heads of a word every match of `nodes` holds, the rarest-looking choice among
    its first word and each word after a separator (a space, `'`, a repeat that ends
    in one, ...), and (`choices`) among each alternative of a choice there read on its
    own; None if none."""
    best = None
    sites = (i for i in range(1, len(nodes)) if _sequence_ends_apart(nodes[:i], 0))
    for site in itertools.chain([0], sites):
        found = [_starts(nodes[site:], HEAD, steps)]
        if choices:  # (on steps of its own: a choice too long to read is left unread)
            try:
                found.append(_alternatives(nodes, site, [_STEPS // 4]))
            except _GiveUp:
                pass
        for heads in found:
            if heads and "" not in heads and (best is None or _rank(heads) > _rank(best)):
                best = heads
        if best is not None and _rank(best) == (0, HEAD, -1):  # one whole head: no
            break                                                  # site does better
    return best


def _alternatives(nodes: list, site: int, steps: list) -> set[str] | None:
    """The heads of `nodes` from `site` on when a choice of alternatives starts there
    (after any letters they share), the best of each alternative with what follows
    the choice, together; None if not."""
    at = site
    while at < len(nodes) and nodes[at][0] is sre.LITERAL:
        at += 1
    if at == len(nodes):
        return None
    op, av = nodes[at]
    shared = nodes[site:at]
    if op is sre.SUBPATTERN:
        inner = list(av[-1])
        if not inner or any(kind is not sre.LITERAL for kind, _ in inner[:-1]):
            return None
        shared, (op, av) = shared + inner[:-1], inner[-1]
    if op is not sre.BRANCH:
        return None
    found: set[str] = set()
    for branch in av[1]:
        heads = _word_heads(shared + list(branch) + nodes[at + 1:], steps, choices=False)
        if heads is None:
            return None
        found |= heads
    return found


def _weak(heads: set[str]) -> bool:
    """Whether `heads` hold a lone first letter (`a`: nearly every text has such a word)."""
    return any(len(head) == 1 for head in heads)


_COMMON_SYMBOLS = frozenset(".,-'’!?:;/()\"“”&*")


def _held_symbols(nodes: list, depth: int) -> set[str]:
    """Symbols without case that every match of `nodes` holds."""
    if depth > 50:
        return set()
    held: set[str] = set()
    for op, av in nodes:
        if op is sre.LITERAL and _caseless_symbol(chr(av)):
            held.add(chr(av))
        elif op is sre.IN and len(av) == 1 and av[0][0] is sre.LITERAL \
                and _caseless_symbol(chr(av[0][1])):
            held.add(chr(av[0][1]))
        elif op is sre.SUBPATTERN:
            held |= _held_symbols(list(av[-1]), depth + 1)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            held |= _held_symbols(list(av[2]), depth + 1)
        elif op is sre.BRANCH:
            held |= set.intersection(*(_held_symbols(list(b), depth + 1) for b in av[1]))
    return held


def _first_marks(nodes: list, steps: list) -> set[str] | None:
    """The characters a match of `nodes` can start with, when each is a symbol without
    case (`$`, `#`, an emoji) or a digit (DIGIT); None otherwise."""
    steps[0] -= 1
    if steps[0] < 0:
        raise _GiveUp
    if not nodes:
        return None
    (op, av), rest = nodes[0], nodes[1:]
    if op is sre.LITERAL:
        return {chr(av)} if _caseless_symbol(chr(av)) else None
    if op is sre.IN:
        marks = set()
        for kind, value in av:
            if kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                marks.add(DIGIT)
            elif kind is sre.LITERAL and _caseless_symbol(chr(value)):
                marks.add(chr(value))
            else:
                return None
        return marks
    if op is sre.SUBPATTERN:
        return _first_marks(list(av[-1]) + rest, steps)
    if op is sre.BRANCH:
        choices = [_first_marks(list(b) + rest, steps) for b in av[1]]
        return None if None in choices else set().union(*choices)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _, item = av
        first = _first_marks(list(item) + rest, steps)
        if low == 0 and first is not None:
            after = _first_marks(rest, steps)
            return None if after is None else first | after
        return first
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width
        return _first_marks(rest, steps)
    return None


def _first_chars(nodes: list, depth: int = 0) -> tuple[set[str], bool] | None:
    """The characters a match of `nodes` can start with, as items of a `re` character
    set, and whether it can be empty; None when they are not known (or too many: a
    word character, any character)."""
    if depth > 50:
        return None
    chars: set[str] = set()
    for op, av in nodes:
        if op is sre.LITERAL:
            return chars | {re.escape(chr(av))}, False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    chars.add(re.escape(chr(value)))
                elif kind is sre.RANGE:
                    chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is sre.CATEGORY and value in _FIRST_CATEGORIES:
                    chars.add(_FIRST_CATEGORIES[value])
                else:  # (a negated set, \w, ...)
                    return None
            return chars, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width
            continue
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:  # ((?i:) may add
            found = _first_chars(list(av[-1]), depth + 1)          # case partners)
        elif op is sre.BRANCH:
            choices = [_first_chars(list(branch), depth + 1) for branch in av[1]]
            found = None if None in choices else (
                set().union(*(c[0] for c in choices)), any(c[1] for c in choices))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            found = _first_chars(list(av[2]), depth + 1)
            found = found and (found[0], found[1] or av[0] == 0)
        else:
            return None
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


_FIRST_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def ends_cut(term: str) -> bool:
    """Whether a match of `term` may end in a lone digit or word character that the term
    does not let go on (`room\\s+\\d`), which the end of a whole word then refuses
    before another one (`room 12`)."""
    tree = _tree(term)
    try:
        return tree is not None and _ends_cut(tree)
    except RecursionError:
        return False


def _ends_cut(nodes: list) -> bool:
    for i in range(len(nodes) - 1, -1, -1):
        op, av = nodes[i]
        if op is sre.IN:  # (`\d\d` is a number of two digits, as meant)
            return _lone(av) and not (i and nodes[i - 1][0] is sre.IN and _lone(nodes[i - 1][1]))
        if op is sre.SUBPATTERN:
            return _ends_cut(list(av[-1]))
        if op is sre.BRANCH:
            return any(_ends_cut(list(branch)) for branch in av[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, item = av
            if high == 1 and _ends_cut(list(item)):
                return True
            if low == 0:  # (it may match nothing: the match ends before it)
                continue
        return False  # (a literal, a repeat that goes on, or what follows is the term's own)
    return False


def _lone(items) -> bool:
    """Whether a set is any digit or any word character."""
    return all(kind is sre.CATEGORY and value in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD)
               or _digit_range(kind, value) for kind, value in items)


def _digit_range(kind, value) -> bool:
    return kind is sre.RANGE and ord("0") <= value[0] <= value[1] <= ord("9")


def _holds_digit(nodes: list, depth: int = 0) -> bool:
    """Whether every match of `nodes` holds a digit (or sits where the text holds one: a
    lookaround that must match a digit)."""
    if depth > 50:
        return False
    for op, av in nodes:
        if op is sre.LITERAL and chr(av) in string.digits:
            return True
        if op is sre.IN and av and all(
                kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT
                or kind is sre.LITERAL and chr(value) in string.digits
                or _digit_range(kind, value) for kind, value in av):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 \
                and _holds_digit(list(av[2]), depth + 1):
            return True
        if op is sre.SUBPATTERN and _holds_digit(list(av[-1]), depth + 1):
            return True
        if op is sre.BRANCH and all(_holds_digit(list(b), depth + 1) for b in av[1]):
            return True
        if op is sre.ASSERT and _holds_digit(list(av[1]), depth + 1):
            return True
    return False


def _caseless_symbol(char: str) -> bool:
    return not _WORD.match(char) and char.lower() == char == char.upper()


def _rank(heads: set[str]) -> tuple:
    """Fewer short common words (such as "the "), then longer heads, then fewer, skip
    more texts."""
    return -len(_COMMON.intersection(heads)), min(len(h.rstrip(" ")) for h in heads), \
        -len(heads)


def _ends_apart(node, depth: int = 0) -> bool:
    """Whether every match of `node` ends in a character that is not a word character
    (a word starts at what follows)."""
    op, av = node
    if op is sre.LITERAL:
        return not _WORD.match(chr(av))
    if op is sre.IN:
        return all(kind is sre.CATEGORY and value in _NOT_WORD_CLASSES
                   or kind is sre.LITERAL and not _WORD.match(chr(value)) for kind, value in av)
    if depth > 50:
        return False
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return av[0] >= 1 and _sequence_ends_apart(list(av[2]), depth + 1)
    if op is sre.SUBPATTERN:
        return _sequence_ends_apart(list(av[-1]), depth + 1)
    if op is sre.BRANCH:
        return all(_sequence_ends_apart(list(branch), depth + 1) for branch in av[1])
    return False


def _sequence_ends_apart(nodes: list, depth: int) -> bool:
    for i in range(len(nodes) - 1, -1, -1):
        op, av = nodes[i]
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # (zero width)
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0:  # (may match nothing)
            return _sequence_ends_apart(list(av[2]), depth + 1) \
                and _sequence_ends_apart(nodes[:i], depth + 1)
        return _ends_apart(nodes[i], depth + 1)
    return False


_NOT_WORD_CLASSES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)
_SMALL_SET = 32  # a character set of at most this many characters is read as a choice


def _starts(nodes: list, room: int, steps: list, ends: bool = True) -> set[str]:
    """How a match of `nodes` can start: up to `room` ASCII word characters in lower case
    (characters that are not word characters may come first: a word starts after them),
    then " " where the word surely ends there (`ends`: `nodes` run to the end of the term,
    after which no word character follows); "" where nothing more is known."""
    steps[0] -= 1
    if steps[0] < 0:
        raise _GiveUp
    started = room < HEAD
    if room == 0:
        return {""}
    if not nodes:
        return {" " if started and ends else ""}
    (op, av), rest = nodes[0], nodes[1:]
    if op is sre.LITERAL:
        char = chr(av)
        if char in _ASCII_WORD:
            return {char.lower() + tail for tail in _starts(rest, room - 1, steps, ends)}
        if not started and not _WORD.match(char):  # `#` in `#ad`: the word is `ad`
            return _starts(rest, room, steps, ends)
        return {" " if started and char.isascii() else ""}  # (no case partner is a letter)
    if op is sre.IN:
        if started and all(kind is sre.CATEGORY and value in _NOT_WORD_CLASSES
                           for kind, value in av):
            return {" "}
        chars = _set_chars(av)
        if chars is None:
            return {""}
        return set().union(*(_starts([(sre.LITERAL, c)] + rest, room, steps, ends)
                             for c in chars))
    if op is sre.SUBPATTERN:
        return _starts(list(av[-1]) + rest, room, steps, ends)
    if op is sre.BRANCH:
        return set().union(*(_starts(list(b) + rest, room, steps, ends) for b in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, item = av
        if high == 1:
            once = _starts(list(item) + rest, room, steps, ends)
        elif _few_chars(item, started):  # (`f+u+ck`: `f`, then more or what follows)
            more = (op, (max(low - 1, 0), high if high is sre.MAXREPEAT else high - 1, item))
            once = _starts(list(item) + [more] + rest, room, steps, ends)
        else:
            once = _starts(list(item), room, steps, False)
        return once | _starts(rest, room, steps, ends) if low == 0 else once
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width
        return _starts(rest, room, steps, ends)
    return {""}


def _few_chars(item: list, started: bool) -> bool:
    """Whether `item` is one character or a set of a few, and word characters unless a
    word has `started` (a repeat of it is read one character at a time)."""
    if len(item) != 1:
        return False
    op, av = item[0]
    chars = [av] if op is sre.LITERAL else _set_chars(av) if op is sre.IN else None
    return chars is not None and len(chars) <= 4 \
        and (started or all(chr(char) in _ASCII_WORD for char in chars))


def _set_chars(items) -> list[int] | None:
    """The characters of a small set of literals and ranges, or None."""
    chars: list[int] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(av)
        elif op is sre.RANGE and av[1] - av[0] < _SMALL_SET:
            chars += range(av[0], av[1] + 1)
        else:
            return None
    return chars if len(chars) <= _SMALL_SET else None
