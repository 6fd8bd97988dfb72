"""`emoji`: too many emoji in one post, or too long a run of them."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from .base import ANY, Check, Match, Option, linear

# One emoji as a reader sees it: a flag, a keycap, or a pictograph shown as emoji with
# its modifiers and zero-width-joined parts. Text-style symbols (©, ®, ™) do not count.
_PART = r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\uFE0F|\p{Emoji_Modifier})*"
EMOJI = linear(regex.compile(
    rf"\p{{Regional_Indicator}}{{2}}|[#*0-9]\uFE0F?\u20E3|{_PART}(?:\u200D(?:{_PART}|\p{{Extended_Pictographic}}))*"
))
_SPACE = regex.compile(r"[ \t]*")
# An emoji that ends a sentence, as posts end them: before a space and a capital ("accepted
# at ACL 🎉 Thanks to..."); the regex of its end, for the patterns that find sentences. (Tried
# only where a run of emoji starts: tried inside one, it would read on to the run's end
# at each of its emoji, and a long run would take time growing with its square.)
SENTENCE_EMOJI = (r"(?<![\uFE0F\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}])"
                  r"\p{Extended_Pictographic}[\uFE0F\u200D\p{Extended_Pictographic}"
                  r"\p{Emoji_Modifier}]*(?=[ \t]+\p{Lu})")


def keycap_number(emoji: str) -> int | None:
    """The number a keycap emoji shows (1️⃣: 1, 🔟: 10), else None."""
    if emoji == "\U0001F51F":
        return 10
    if emoji[:1].isdigit() and emoji.endswith("\u20E3"):
        return int(emoji[0])
    return None


def numbering(text: str, found: list) -> set:
    """The starts of the keycap emoji among `found` (EMOJI matches in `text`) that number
    lines in turn (1️⃣ at one line's start, 2️⃣ at a later one's ...): a numbered list,
    whose keycaps are its numbers, not decoration; two lines or more, else empty."""
    listed: list[int] = []
    first = 0
    for m in found:
        n = keycap_number(m.group(0))
        if n is None:
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        if text[line:m.start()].strip(" \t-*>•"):
            continue  # (not at the start of its line)
        if not listed and n in (0, 1):
            first = n
            listed.append(m.start())
        elif listed and n == first + len(listed):
            listed.append(m.start())
    return set(listed) if len(listed) >= 2 else set()


class Emoji(Check):
    """A run of more than `max_run` emoji (spaces between them allowed) is flagged;
    otherwise a post with more than `max` emoji is flagged at the first one past it."""

    languages = ANY  # reads no words of a language

    type_name = "emoji"
    values = ("problem", "run", "max_run", "count", "max")
    options = {
        "max": Option("int", None, low=0, help="most emoji in one post"),
        "max_run": Option("int", None, low=0, help="most emoji in a row"),
        "skip_numbering": Option("bool", False, help="keycaps that number lines in turn "
                                 "(1️⃣, 2️⃣, 3️⃣ a numbered list) are numbers, not emoji"),
        "run_problem": Option("template", "a run of {run} emoji (limit {max_run})",
                              names=("run", "max_run"),
                              help="what {problem} says for a run of emoji longer than max_run"),
        "count_problem": Option("template", "{count} emoji in one post (limit {max})",
                                names=("count", "max"),
                                help="what {problem} says for more emoji in a post than max"),
    }

    def check(self, post):
        text = post.prose
        found = list(self.context.finditer(EMOJI, text))
        if self.opts["skip_numbering"] and ("\u20E3" in text or "\U0001F51F" in text):
            numbers = numbering(text, found)
            found = [m for m in found if m.start() not in numbers]
        runs, current = [], []
        for m in found:
            if current and _SPACE.fullmatch(text, current[-1].end(), m.start()):
                current.append(m)
            else:
                current = [m]
                runs.append(current)
        most_run, most = self.opts["max_run"], self.opts["max"]
        flagged = False
        for run in runs:
            if most_run is not None and len(run) > most_run:
                flagged = True
                values = {"run": len(run), "max_run": most_run}
                yield Match(run[0].start(), run[-1].end(),
                            {**values, "problem": fill(self.opts["run_problem"], values)})
        if not flagged and most is not None and len(found) > most:
            values = {"count": len(found), "max": most}
            extra = found[most]
            yield Match(extra.start(), extra.end(),
                        {**values, "problem": fill(self.opts["count_problem"], values)})


@hookimpl
def postlint_rule_types():
    return [Emoji]
