"""`exclamation`: runs of `!`/`?` marks, and posts where most sentences are exclaimed."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from .base import ANY, Check, Match, Option, linear

# A sentence starts after an end mark or a line break (a match can start nowhere else,
# and trying every position made a long unterminated line quadratic); no backtracking.
_SENTENCE = linear(regex.compile(
    r"(?<![^.!?…‼⁉\n])[^.!?…‼⁉\n\p{L}\p{N}]*+[\p{L}\p{N}][^.!?…‼⁉\n]*+(?:[.!?…‼⁉]+|$)"))

# a closing quote mark -> the marks that open it
_CLOSE = {'"': '"', "\u201d": "\u201c\"", "\u00bb": "\u00ab", "'": "'", "\u2019": "\u2018"}


class Exclamation(Check):
    """Each run of two or more marks from `marks` holding an exclamation mark (except
    the runs in `allow`), and, in a post without such runs, a share of exclaimed
    sentences above `max_share` once at least `min_exclaimed` sentences end in `!`."""

    languages = ANY  # reads no words of a language

    type_name = "exclamation"
    values = ("problem", "exclaimed", "sentences")
    options = {
        "marks": Option("str", "!?‼⁉¡", help="characters that form a run"),
        "exclaiming": Option("str", "!‼⁉¡", help="marks that make a run an exclamation"),
        "allow": Option("list", [], help="runs that are fine, such as '?!'"),
        "max_share": Option("number", None, low=0, high=1,
                            help="largest share of exclaimed sentences"),
        "min_exclaimed": Option("int", 3, low=0,
                                help="exclaimed sentences before the share counts"),
        "run_problem": Option("template", "a run of marks", names=(),
                              help="what {problem} says for a run"),
        "quoted": Option("bool", False, help="a run that ends a quotation is quoted as "
                         "written (a sign's \"Keep out!!!\"), not the author's"),
        "share_problem": Option("template", "{exclaimed} of {sentences} sentences end in '!'",
                                names=("exclaimed", "sentences"),
                                help="what {problem} says for the share"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.run = linear(regex.compile(f"[{regex.escape(options['marks'])}]+"))
        self.allow = {str(a) for a in options["allow"]}

    @staticmethod
    def _ends_quotation(text: str, start: int, end: int) -> bool:
        """Whether the marks at `start:end` end a quotation on their line: a closing quote
        mark right after them that no letter follows, and its opening mark earlier on
        the line, after no letter ('"Keep out!!!"', '“Best cake ever!!”')."""
        if end >= len(text) or text[end] not in _CLOSE or \
                end + 1 < len(text) and text[end + 1].isalpha():
            return False
        line_start = text.rfind("\n", 0, start) + 1
        for i in range(start - 1, line_start - 1, -1):
            if text[i] in _CLOSE[text[end]]:
                return i == line_start or not text[i - 1].isalpha()
        return False

    def check(self, post):
        text = post.prose
        found = False
        for m in self.context.finditer(self.run, text):
            marks = m.group(0)
            if self.opts["quoted"] and self._ends_quotation(text, m.start(), m.end()):
                continue
            if (len(marks) >= 2 or marks in "‼⁉") and marks not in self.allow \
                    and any(ch in self.opts["exclaiming"] for ch in marks):
                found = True
                yield Match(m.start(), m.end(), {"problem": fill(self.opts["run_problem"], {})})
        if found or self.opts["max_share"] is None:
            return
        sentences = list(self.context.finditer(_SENTENCE, text))
        exclaimed = [s for s in sentences if s.group(0).rstrip()[-1:] in self.opts["exclaiming"]]
        if len(exclaimed) >= self.opts["min_exclaimed"] and \
                len(exclaimed) / len(sentences) > self.opts["max_share"]:
            counts = {"exclaimed": len(exclaimed), "sentences": len(sentences)}
            first = exclaimed[0]
            start = first.start() + len(first.group(0)) - len(first.group(0).lstrip())
            yield Match(start, first.end(),
                        {**counts, "problem": fill(self.opts["share_problem"], counts)})


@hookimpl
def postlint_rule_types():
    return [Exclamation]
