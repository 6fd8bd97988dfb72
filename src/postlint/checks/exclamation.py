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
        "share_problem": Option("template", "{exclaimed} of {sentences} sentences end in '!'",
                                names=("exclaimed", "sentences"),
                                help="what {problem} says for the share"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.run = linear(regex.compile(f"[{regex.escape(options['marks'])}]+"))
        self.allow = {str(a) for a in options["allow"]}

    def check(self, post):
        text = post.prose
        found = False
        for m in self.context.finditer(self.run, text):
            marks = m.group(0)
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
