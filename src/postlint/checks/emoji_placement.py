"""`emoji-placement`: emoji where a screen reader makes them noise: as bullets at line
starts, in place of a word inside a sentence, and between every word ("this 👏 is 👏 it")."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from .base import ANY, Check, Match, Option, linear
from .emoji_count import EMOJI, numbering

_WORD = regex.compile(r"[\w'’]+")
_GAP = linear(regex.compile(r"[ \t]+[\w'’]+[ \t]+"))  # one word between two emoji


class EmojiPlacement(Check):
    """Lines that start with an emoji (`min_bullets` or more in a row), an emoji after
    one of `before_words` with a word after it, and chains of `min_between` emoji that
    each stand between two single words."""

    languages = ANY  # reads no words of one language

    type_name = "emoji-placement"
    values = ("problem", "count")
    options = {
        "min_bullets": Option("int", 2, low=0,
                              help="fewest lines in a row that start with an emoji"),
        "skip_numbering": Option("bool", False, help="keycaps that number lines in turn "
                                 "(1️⃣, 2️⃣, 3️⃣: a numbered list) are its numbers, not bullets"),
        "min_between": Option("int", 3, low=0, help="fewest emoji in a chain between single words"),
        "before_words": Option("list", [], help="words after which an emoji stands for a word"
                               " (I, we, to...)"),
        "bullet_problem": Option("template", "{count} lines start with an emoji used as a bullet",
                                 names=("count",),
                                 help="what {problem} says for emoji used as bullets"),
        "word_problem": Option("template", "an emoji stands in for a word", names=(),
                               help="what {problem} says for an emoji in place of a word"),
        "between_problem": Option("template", "an emoji between every word", names=("count",),
                                  help="what {problem} says for an emoji between every word"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.before = {str(w).casefold() for w in options["before_words"]}

    def check(self, post):
        text = post.prose
        if text.isascii():
            return
        found = list(EMOJI.finditer(text))
        if not found:
            return
        yield from self._bullets(text, found)
        chained = set()
        yield from self._chains(text, found, chained)
        yield from self._in_place_of_words(text, found, chained)

    def _bullets(self, text, found):
        starts = {m.start(): m for m in found}
        if self.opts["skip_numbering"] and ("\u20E3" in text or "\U0001F51F" in text):
            for start in numbering(text, found):
                del starts[start]
        run = []
        lines = text.split("\n")
        offset = 0
        for line in lines + [""]:
            indent = len(line) - len(line.lstrip(" \t"))
            m = starts.get(offset + indent)
            if m is not None and line[m.end() - offset:].strip():
                run.append(m)
            else:
                if len(run) >= self.opts["min_bullets"]:
                    yield self._match(run[0], "bullet_problem", count=len(run))
                run = []
            offset += len(line) + 1

    def _chains(self, text, found, chained):
        chain = [found[0]]
        for m in found[1:] + [None]:
            if m is not None and _GAP.fullmatch(text, chain[-1].end(), m.start()):
                chain.append(m)
                continue
            if chain and _word_before(text, chain[0].start()) is None:
                chain = chain[1:]  # (one that opens the line opens it: "👏 Congrats 👏 to 👏")
            if len(chain) >= self.opts["min_between"]:
                chained.update(id(c) for c in chain)
                values = {"count": len(chain)}
                yield Match(chain[0].start(), chain[-1].end(),
                            {**values, "problem": fill(self.opts["between_problem"], values)})
            chain = [m] if m is not None else []

    def _in_place_of_words(self, text, found, chained):
        if not self.before:
            return
        for m in found:
            if id(m) in chained:
                continue
            before = _word_before(text, m.start())
            if before is None or before.casefold() not in self.before \
                    or _ends_a_name(text, m.start(), before):
                continue
            after = _WORD.match(text, _skip_spaces(text, m.end()))
            if after is not None and after.start() > m.end():
                yield self._match(m, "word_problem")

    def _match(self, m, problem: str, **values) -> Match:
        return Match(m.start(), m.end(),
                     {**values, "problem": fill(self.opts[problem], values)})


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _ends_a_name(text: str, at: int, word: str) -> bool:
    """Whether `word`, right before `at`, is capitalised inside a sentence and so ends a
    name ("closed our Series A 🎉", "tickets for The Who 🎸"), not the word it is as
    lower case; "I" is always capitalised."""
    if not word[:1].isupper() or word[:1] == "I" and not word[1:2].isalpha():
        return False
    start = text.rindex(word, 0, at)
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in ",;:")


def _word_before(text: str, at: int) -> str | None:
    """The word that ends right before `at` (spaces between allowed), else None."""
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end == at:
        return None
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1
    return text[start:end] if start < end else None


@hookimpl
def postlint_rule_types():
    return [EmojiPlacement]
