"""`thread-numbering`: the `1/`, `2/5`, `(3/7)`, `🧵 1/` markers of a thread's posts.

A marker is read at the start of a post (after an optional 🧵) or at its end; a keycap
that opens a post (`1️⃣`, `🔟`) is one too, and so is a number in brackets (`(1)`,
`[2]`). Only drafts
with two posts or more are judged (a one-post draft may be one post of a thread kept
elsewhere). Numbers must go up with the posts: post 3 of a thread whose first marked
post is `1/` must say 3; a total (`/5`) must be the number of posts counted from the
first numbered one (an unnumbered opening post before `1/` is allowed). A number past
the post after the last ("10/10" in a two-post draft, "24/7") is a score or an idiom,
and a fraction of something ("1/2 of", "3/4 cup") is no marker.
"""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from .base import ANY, Check, Match, Option

# (not a fraction: "1/2 of our team", "3/4 cup of flour", "1/2 price")
_MARK = r"[(\[]?(?P<n>\d{1,3})\s?/\s?(?P<total>\d{1,3})?[)\]]?" \
    r"(?!(?<=\d)\s+(?:of|cups?|tsp|tbsp|teaspoons?|tablespoons?|inch(?:es)?|miles?|lbs?|" \
    r"pounds?|oz|kg|hours?|hrs?|price|off)\b)"
# a keycap opening a post numbers it too ("1️⃣ What we learned", "🔟 Last one")
_KEYCAP = r"(?P<n>\d)\uFE0F?\u20E3|(?P<ten>\U0001F51F)"
# a number in brackets alone numbers a post too ("(1) Big news", "[2] Reserved instances")
_BRACKETED = r"\((?P<n>\d{1,2})\)|\[(?P<n>\d{1,2})\]"
_START = regex.compile(rf"\A\s*(?:🧵\s*)?(?P<mark>{_MARK}|{_KEYCAP}|{_BRACKETED})(?=\s|\Z)")
_END = regex.compile(rf"(?<=\s)(?:🧵\s*)?(?P<mark>{_MARK}|{_BRACKETED})\s*(?:🧵\s*)?\Z")


_LINE_START = regex.compile(rf"^[ \t]*(?:🧵\s*)?(?P<mark>{_MARK})(?=\s|\Z)", regex.M)


def marker(text: str):
    """The numbering marker of a post's prose (a match with groups n and total), or None."""
    return _START.search(text) or _END.search(text)


def number(m) -> int:
    """The post number a marker says (🔟: 10)."""
    return 10 if m.groupdict().get("ten") else int(m.group("n"))


def numbered_lines(text: str) -> list:
    """The markers that open lines of one post numbered 1, 2, 3 ... in turn (a thread
    written without its `---` lines), when there are two or more; else []."""
    found = []
    for m in _LINE_START.finditer(text):
        if int(m.group("n")) == len(found) + 1:
            found.append(m)
    return found if len(found) >= 2 else []


class ThreadNumbering(Check):
    """Markers that skip or repeat a number, or whose total is not the post count."""

    languages = ANY  # reads no words of one language

    type_name = "thread-numbering"
    values = ("problem", "said", "actual")
    scope = "draft"
    options = {
        "order_problem": Option("template", "says post {said}, but it is post {actual} of the thread",
                                names=("said", "actual"),
                                help="what {problem} says for a marker out of order"),
        "total_problem": Option("template", "says the thread has {said} posts, but it has {actual}",
                                names=("said", "actual"),
                                help="what {problem} says for a wrong thread total"),
    }

    def check_draft(self, draft):
        posts = draft.posts
        if len(posts) < 2:
            return
        # a number past the post after the last is no marker but a score, a date or an
        # idiom ("10/10 would recommend", "open 24/7", "9/11") said at a post's edge
        marks = [(post, m) for post in posts if (m := marker(post.prose)) is not None
                 and number(m) <= len(posts) + 1]
        if not marks:
            return
        first_post, first = marks[0]
        # unnumbered opening posts before the `1/` (a first marker past its post is a skip)
        offset = max(0, first_post.index - (number(first) - 1))
        count = len(posts) - offset
        told = False  # a wrong total is reported once, where it first appears
        for post, m in marks:
            said, actual = number(m), post.index - offset + 1
            start, end = post.start + m.start("mark"), post.start + m.end("mark")
            if said != actual:
                yield Match(start, end, {"problem": fill(self.opts["order_problem"], {
                    "said": said, "actual": actual}), "said": said, "actual": actual})
            elif m.groupdict().get("total") and int(m.group("total")) != count and not told:
                told = True
                total = int(m.group("total"))
                yield Match(start, end, {"problem": fill(self.opts["total_problem"], {
                    "said": total, "actual": count}), "said": total, "actual": count})


@hookimpl
def postlint_rule_types():
    return [ThreadNumbering]
