"""Platform rule types: length, entity counts, the preview fold, empty posts and threads.

Each check except `empty-post` runs once per platform the draft is for
(`platforms.targets`) and names the platform in `Match.platform`;
without a platform they find nothing. They measure the text as published
(`platforms.posted`: no HTML comments, LF line ends, stripped), map offsets back to
the draft, and count with `counting` and extract with `entities` only.
"""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from ..text import counting, entities
from ..text.platforms import Platform, UNIT_NAMES, posted, targets
from .base import ANY, Check, Match, Option, word_pattern
from .emoji_count import SENTENCE_EMOJI
from .thread import numbered_lines

ENTITY_KINDS = {"hashtag": "max_hashtags", "mention": "max_mentions", "url": "max_links"}
# The opening sentence: up to a sentence end followed by a space, a CJK full stop, an
# emoji before a capital (as posts end sentences: "accepted at ACL 🎉 Thanks to..."), or a
# line end.
_FIRST_SENTENCE = regex.compile(rf"[^\n]*?(?:[.!?…](?=\s|$)|[。！？]|{SENTENCE_EMOJI}|(?=\n)|$)")

# What the message parts of below-the-fold and thread-length are filled with.
FOLD_VALUES = ("title", "fold", "at", "unit")
LONG_THREAD_VALUES = ("title", "count", "max_posts", "number", "over")


def _about(platform: Platform) -> dict:
    """Message values naming the platform (`{platform}` itself comes from `Match.platform`)."""
    return {"title": platform.title}


def measure(text: str, platform: Platform, unit: str) -> tuple[int, int | None]:
    """(count, offset where `text` crosses the limit or None) for one limit of a platform."""
    opts = platform.counting
    limit = platform.length[unit]
    count = counting.length(text, unit, **opts)
    cross = counting.crossing(text, limit, unit, **opts) if count > limit else None
    return count, cross


def fold_offset(text: str, platform: Platform, at: int) -> int | None:
    """Offset of the first character hidden by a fold after `at` units, or None."""
    return counting.crossing(text, at, platform.fold_unit)


class PostLength(Check):
    """A post longer than a platform's limit, per counting unit; the match runs from the
    first character over the limit to the end of the post."""

    languages = ANY  # reads no words of a language

    type_name = "post-length"
    values = ("title", "count", "limit", "over", "unit", "todo")
    options = {
        "say_cut": Option("template", "cut {over} or split the post into a thread",
                          names=("over",), help="what {todo} says"),
        "say_numbered": Option("template", "put a line holding only --- before {second} and "
                               "each later part, so that each is a post of the thread",
                               names=("over", "second"),
                               help="what {todo} says when the post holds parts numbered "
                               "1/, 2/, ... (a thread written without its --- lines)"),
    }

    def check(self, post):
        platforms = targets(post.draft, self.context)
        out = posted(post) if platforms else None  # no platform, nothing to measure
        for platform in platforms:
            for unit, limit in platform.length.items():
                count, cross = measure(out.text, platform, unit)
                if cross is None:
                    continue
                yield Match(out.offset(cross) - post.start, out.end - post.start,
                            {**_about(platform), "count": count, "limit": limit,
                             "over": count - limit, "unit": UNIT_NAMES[unit],
                             "todo": self._todo(out.text, count - limit)},
                            platform=platform.name)

    def _todo(self, text: str, over: int) -> str:
        numbered = numbered_lines(text)
        if numbered:
            return fill(self.opts["say_numbered"],
                        {"over": over, "second": repr(numbered[1].group("mark"))})
        return fill(self.opts["say_cut"], {"over": over})


class EntityCount(Check):
    """More hashtags, mentions or links (`kind`) in a post than a platform allows
    (its `max_hashtags`/`max_mentions`/`max_links`), or than the rule's `max` when that
    is lower. The match is the first entity over the limit; `{where}` says whose limit
    it is ("on X", or "for this audience" when the rule's `max` is the lower)."""

    languages = ANY  # reads no words of a language

    type_name = "entity-count"
    values = ("title", "count", "max", "where")
    options = {
        "kind": Option("str", required=True, choices=tuple(ENTITY_KINDS),
                       help="what to count: hashtag, mention or url"),
        "max": Option("int", None, low=0, help="most per post on every platform (default: the "
                                        "platform's own limit)"),
    }

    def check(self, post):
        platforms = targets(post.draft, self.context)
        out = posted(post) if platforms else None  # no platform, nothing to count
        kind, own = self.opts["kind"], self.opts["max"]
        found: dict[bool, list] = {}
        for platform in platforms:
            allowed = getattr(platform, ENTITY_KINDS[kind])
            limits = [n for n in (allowed, own) if n is not None]
            if not limits:
                continue
            most = min(limits)
            where = f"on {platform.title}" if most == allowed else "for this audience"
            fediverse = platform.fediverse
            if fediverse not in found:
                found[fediverse] = [e for e in entities.extract(out.text, fediverse=fediverse)
                                    if e.kind == kind]
            items = found[fediverse]
            if len(items) > most:
                extra = items[most]
                yield Match(out.offset(extra.start) - post.start,
                            out.offset(extra.end - 1) + 1 - post.start,
                            {**_about(platform), "count": len(items), "max": most,
                             "where": where},
                            platform=platform.name)


class BelowTheFold(Check):
    """Disclosures and calls to action placed after a platform's preview cut, and an
    opening sentence that runs past it. Each is reported once per platform, for the
    first (smallest) fold it falls behind; of several disclosures (or calls to action)
    behind a fold, the first."""

    languages = ANY  # reads no words of a language

    type_name = "below-the-fold"
    values = ("problem", *FOLD_VALUES)
    options = {
        "disclosures": Option("list", [], help="disclosure words and tags (#ad, paid partnership)"),
        "calls_to_action": Option("list", [], help="calls to action (link in bio, sign up)"),
        "hook": Option("bool", True, help="flag an opening sentence cut by the fold"),
        "disclosure_problem": Option("template", "is a disclosure", names=FOLD_VALUES,
                                     help="what {problem} says for a disclosure behind the fold"),
        "call_to_action_problem": Option("template", "is a call to action", names=FOLD_VALUES,
                                         help="what {problem} says for a call to action"),
        "hook_problem": Option("template", "is the end of the opening sentence",
                               names=FOLD_VALUES,
                               help="what {problem} says for an opening sentence cut by the fold"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.kinds = [(kind, pattern) for kind, pattern in (
            ("disclosure", word_pattern(options["disclosures"])),
            ("call_to_action", word_pattern(options["calls_to_action"]))) if pattern]

    def check(self, post):
        platforms = targets(post.draft, self.context)
        out = posted(post) if platforms else None  # no platform, nothing to measure
        for platform in platforms:
            folds = [(name, at, fold_offset(out.text, platform, at))
                     for name, at in platform.folds.items()]
            folds = [f for f in folds if f[2] is not None]
            if not folds:
                continue
            spans = []
            if self.opts["hook"]:
                first = _FIRST_SENTENCE.match(out.text)
                spans.append(("hook", first.end(), first.end()))
            for kind, pattern in self.kinds:
                spans += [(kind, m.start(), m.end()) for m in self.context.finditer(pattern, out.text)]
            told = set()  # (the first of a kind is told: "#ad ... sponsored by" is one move)
            for kind, start, end in sorted(spans, key=lambda span: span[1]):
                fold = next(((n, at, off) for n, at, off in folds if end > off), None)
                if fold is None or kind in told:
                    continue
                told.add(kind)
                name, at, off = fold
                if kind == "hook":  # (from the start of the word the fold cuts)
                    start = off
                    while start > 0 and not out.text[start - 1].isspace():
                        start -= 1
                values = {**_about(platform), "fold": name, "at": at,
                          "unit": UNIT_NAMES[platform.fold_unit]}
                values["problem"] = fill(self.opts[f"{kind}_problem"], values)
                yield Match(out.offset(start) - post.start, out.offset(end - 1) + 1 - post.start,
                            values, platform=platform.name)


def _only_marker(text: str) -> bool:
    """Whether `text` is a thread's numbering marker and nothing else ("2/", "🧵 3/5",
    "(4)"): a post left to be written."""
    from .thread import marker

    found = marker(text)
    return found is not None and not text.replace(found.group(0), "", 1).strip(" \t\n🧵")


class EmptyPost(Check):
    """A post with nothing to publish: only white space and comments, no text and no
    image. Runs whatever the platforms (it needs none)."""

    languages = ANY  # reads no words of a language

    type_name = "empty-post"
    values = ("problem", "number", "posts")
    options = {
        "single_problem": Option("template", "the draft has no text to post",
                                 names=("number", "posts"),
                                 help="what {problem} says for a draft with nothing to post"),
        "thread_problem": Option("template", "post {number} of {posts} in this thread is empty",
                                 names=("number", "posts"),
                                 help="what {problem} says for an empty post of a thread"),
        "markers": Option("bool", False, help="a post of a thread that holds only its "
                          "numbering marker ('2/', '🧵 3/5') is empty too"),
        "marker_problem": Option("template", "post {number} of {posts} in this thread holds "
                                 "only its number", names=("number", "posts"),
                                 help="what {problem} says for a post that is only a marker"),
    }

    def check(self, post):
        out = posted(post)
        posts = len(post.draft.posts)
        values = {"number": post.index + 1, "posts": posts}
        if out.images:  # (an image alone is a post)
            return
        if out.text:
            if posts > 1 and self.opts["markers"] and _only_marker(out.text):
                values["problem"] = fill(self.opts["marker_problem"], values)
                yield Match(0, len(post.text.rstrip()), values)
            return
        template = self.opts["single_problem" if posts == 1 else "thread_problem"]
        values["problem"] = fill(template, values)
        yield Match(0, len(post.text.rstrip()), values)


class ThreadLength(Check):
    """A thread with more posts than a platform's `max_posts` (else the rule's
    `max_posts`), or a draft of several posts for a platform without threads
    (`threads: false`, such as LinkedIn: each post stands alone there). The match is the
    first post over the limit. Posts that are too long are `post-length`'s business,
    reported post by post."""

    languages = ANY  # reads no words of a language

    type_name = "thread-length"
    values = ("problem", *LONG_THREAD_VALUES)
    scope = "draft"
    options = {
        "max_posts": Option("int", None, low=0, help="most posts in one thread"),
        "thread_problem": Option("template", "thread has {count} posts, {max_posts} at most on "
                                 "{title}", names=LONG_THREAD_VALUES,
                                 help="message part for a long thread"),
        "no_threads_problem": Option("template", "{title} has no threads, but this draft holds "
                                     "{count} posts", names=LONG_THREAD_VALUES,
                                     help="message part for a platform without threads"),
    }

    def check_draft(self, draft):
        count = len(draft.posts)
        for platform in targets(draft, self.context):
            most = platform.max_posts if platform.max_posts is not None else self.opts["max_posts"]
            if not platform.threads:
                most = 1
            if most is None or count <= most:
                continue
            first = draft.posts[most]
            out = posted(first)
            start = out.offset(0) if out.text else first.start
            values = {**_about(platform), "count": count, "max_posts": most,
                      "number": most + 1, "over": count - most}
            template = self.opts["thread_problem" if platform.threads else "no_threads_problem"]
            values["problem"] = fill(template, values)
            yield Match(start, max(out.end, start), values, platform=platform.name)


@hookimpl
def postlint_rule_types():
    return [PostLength, EntityCount, BelowTheFold, EmptyPost, ThreadLength]
