"""`near`: a term that is risky only in company, such as `layoffs` near `before the
announcement`, or `my boss` in a sentence that reads as an insult.

    options:
      within: 8              # at most this many words between the two terms
      same_sentence: true    # and both in one sentence (a pair may say otherwise)
      pairs:
        - first: [earnings, layoffs, {from: work.codenames}]
          second: [before the announcement, ahead of]
        - first: [my boss]
          function: sentiment    # or: the sentence scores below `below`
          below: -0.6
          unless: [passed away, funeral]   # not in a sentence that holds one of these
        - first: [{from: work.vendors}]
          second: [useless, a joke]
          next_sentence: [they, their, the support, total]   # openers that refer back

The finding points at the `first` term; `{other}` in the message is the companion term
(or the function and its score). Term lists may hold `{from: config.key}` items.
With `next_sentence`, a sentence right after the one that holds a `first` term, and
that opens with one of those terms (a pronoun or a noun that refers back, "They",
"Their support", "The app", or a verdict, "What a", "Total"), is read with it: a
`second` term within `within` words of that opening counts ("We switched from Acme.
The support is a joke." names Acme in one sentence and insults it in the next).
"""

from __future__ import annotations

import bisect
import itertools
from functools import lru_cache

import regex

from ..hookspecs import hookimpl
from . import terms
from .base import MATCHING_OPTIONS, Check, Match, Option, given_values, word_pattern

PAIR_KEYS = {"first", "second", "function", "below", "values", "same_sentence", "unless",
             "next_sentence"}
_SENTENCE_END = regex.compile(r"[.!?]+(?=\s|$)|\n")
_WORD = regex.compile(r"\w+")


class Near(Check):
    """Terms of `first` with a term of `second` close by, or in a sentence that a
    function scores below a limit."""

    type_name = "near"
    values = ("other",)
    gated = True
    options = {
        "pairs": Option("list", required=True, help="mappings of first and second (or function)"),
        "within": Option("int", 8, low=0, help="most words between the two terms"),
        "same_sentence": Option("bool", True, help="both terms must be in one sentence"),
        "regex": Option("bool", False, help="terms are regular expressions"),
        "ignorecase": Option("bool", True, help="match regardless of case"),
        "forms": MATCHING_OPTIONS["forms"],
        "values": Option("mapping", {}, help="default message values"),
    }

    @classmethod
    def message_names(cls, options):
        """Also the keys of its `values` and of its pairs' `values`."""
        given = given_values(options, "pairs")
        return None if given is None else (*super().message_names(options), *given)

    @classmethod
    def problems(cls, options):
        for index, pair in enumerate(options.get("pairs") or ()):
            key = f"pairs[{index}]"
            if not isinstance(pair, dict) or not pair.get("first"):
                yield "pairs", f"{key}: expected a mapping with 'first'"
                continue
            if set(pair) - PAIR_KEYS:
                yield "pairs", f"{key}: unknown key(s) {', '.join(sorted(set(pair) - PAIR_KEYS))}"
            if ("second" in pair) == ("function" in pair):
                yield "pairs", f"{key}: give either 'second' or 'function' with 'below'"
            if "function" in pair and not isinstance(pair.get("below"), (int, float)):
                yield "pairs", f"{key}.below: expected a number"
            for part in ("first", "second", "unless", "next_sentence"):
                yield from terms.problems(pair.get(part), "pairs")

    def __init__(self, options, context):
        super().__init__(options, context)
        self.pairs = []
        for pair in options["pairs"]:
            compiled = {part: self._compile(pair.get(part))
                        for part in ("first", "second", "unless", "next_sentence")}
            function = None
            if pair.get("function"):
                function = context.functions.get(pair["function"])
                if function is None:
                    raise ValueError(f"unknown function {pair['function']!r}")
            values = {**(options["values"] or {}), **(pair.get("values") or {})}
            same = pair.get("same_sentence", options["same_sentence"])
            self.pairs.append((compiled["first"], compiled["second"], pair.get("function"),
                               function, pair.get("below"), values, same, compiled["unless"],
                               compiled["next_sentence"]))

    def _compile(self, items):
        if not items:
            return None
        found = terms.expand(items, self.context.config, self.opts["regex"])
        return word_pattern(found, ignorecase=self.opts["ignorecase"],
                            is_regex=self.opts["regex"], forms=self.opts.get("forms", "inflected"),
                            lang=self.context.lang)

    def check(self, post):
        text = post.prose
        ends: list[int] = []  # found only once a `first` term is (most posts have none)
        sentence = lambda offset: bisect.bisect_right(ends, offset)  # noqa: E731

        def around(offset: int) -> str:
            """The sentence that holds `offset`."""
            index = sentence(offset)
            return text[ends[index - 1] if index else 0:ends[index] if index < len(ends) else None]

        words: list[tuple[int, int]] | None = None  # (start, end) of each word, with `ends`
        within = self.opts["within"]
        done = set()
        for first, second, fname, function, below, values, same, unless, carry in self.pairs:
            firsts = list(self.context.finditer(first, text)) if first is not None else []
            if not firsts:
                continue
            if words is None:
                ends, words, starts = _layout(text)
            seconds = list(self.context.finditer(second, text)) if second else []
            s_starts = [s.start() for s in seconds]
            s_ends = list(itertools.accumulate((s.end() for s in seconds), max))
            openers = None  # where a sentence opens with a `next_sentence` term
            for f in firsts:
                if f.span() in done:
                    continue
                other = None
                if function is not None:
                    score = function(around(f.start()))
                    if score < below:
                        other = f"{fname} {score:.2f}"
                for s in seconds[_window(f, within, words, starts, s_starts, s_ends)]:
                    if other is not None:
                        break
                    if s.start() < f.end() and f.start() < s.end():
                        continue
                    if same and sentence(s.start()) != sentence(f.start()):
                        continue
                    gap = text[min(f.end(), s.end()):max(f.start(), s.start())]
                    if len(_WORD.findall(gap)) <= within:
                        other = " ".join(s.group(0).split())
                if other is None and carry is not None and seconds:
                    if openers is None:
                        openers = {}
                        for m in self.context.finditer(carry, text):
                            openers.setdefault(m.start(), m.end())
                    other, told = self._next_sentence(text, ends, sentence(f.start()), openers,
                                                      seconds, s_starts, within, firsts)
                    if other is not None and unless is not None \
                            and self.context.search(unless, told) is not None:
                        other = None
                if other is not None and unless is not None \
                        and self.context.search(unless, around(f.start())) is not None:
                    other = None
                if other is not None:
                    done.add(f.span())
                    yield Match(f.start(), f.end(), {**values, "other": other})


    @staticmethod
    def _next_sentence(text: str, ends: list, index: int, openers: dict, seconds: list,
                       s_starts: list, within: int, firsts: list) -> tuple[str | None, str]:
        """The `second` term (and the sentence) of the sentence after sentence `index`
        when that sentence opens with a `next_sentence` term (`openers`: start -> end)
        and holds the term within `within` words of that opening; not when that opening
        is a `first` term of its own ("Their support is a joke": found there)."""
        if index >= len(ends):
            return None, ""
        start = ends[index]
        stop = ends[index + 1] if index + 1 < len(ends) else len(text)
        told = text[start:stop]
        begin = start + len(told) - len(told.lstrip())
        opened = openers.get(begin)
        if opened is None or any(begin <= f.start() < opened for f in firsts):
            return None, told
        for s in seconds[bisect.bisect_left(s_starts, begin):]:
            if s.start() >= stop:
                break
            if s.start() <= opened or len(_WORD.findall(text, opened, s.start())) <= within:
                return " ".join(s.group(0).split()), told
        return None, told


@lru_cache(maxsize=8)
def _layout(text: str) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    """Where `text`'s sentences end, and the (start, end) and start of each of its words
    (kept for the last few texts: the rules of this type read the same post)."""
    words = [m.span() for m in _WORD.finditer(text)]
    return [m.end() for m in _SENTENCE_END.finditer(text)], words, [w[0] for w in words]


def _window(f, within: int, words: list, starts: list, s_starts: list, s_ends: list) -> slice:
    """The `second` matches (in order of their starts; `s_ends` the greatest end so far)
    that may lie within `within` words of the match `f`: one ending at or before the
    start of the word `within` + 2 words before `f`, or starting at or after the end of the
    word `within` + 1 words after it, has more than `within` whole words between. (So a
    long post with many matches costs no more per match than a short one.)"""
    before = bisect.bisect_left(starts, f.start()) - within - 2
    after = bisect.bisect_left(starts, f.end()) + within
    lo = bisect.bisect_right(s_ends, words[before][0]) if before >= 0 else 0
    hi = bisect.bisect_left(s_starts, words[after][1]) if after < len(words) else len(s_starts)
    return slice(lo, hi)


@hookimpl
def postlint_rule_types():
    return [Near]
