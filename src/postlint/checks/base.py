"""What a rule type is: declared options, a compile step, and a check over text.

A rule type is a subclass of `Check` offered by a plugin's `postlint_rule_types` hook.
Its options are declared as data (`Option`), validated by the engine with file, line and
key, and handed to `__init__` once per run, where regexes are compiled and word lists
built (`word_pattern`; they compile on first search).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, ClassVar, Iterable

import regex

from ..text.draft import Draft, Post
from ..text.words import Words, handed_out


@dataclass(frozen=True)
class Option:
    """One option of a rule type: its kind, default, and whether it is required."""

    kind: str  # str, int, number, bool, list, mapping, regex, level, any
    default: Any = None
    required: bool = False
    help: str = ""
    choices: tuple = ()


# How word-list rule types (existence, occurrence, conditional, lexicon) match their tokens.
MATCHING_OPTIONS = {
    "regex": Option("bool", False, help="tokens are regular expressions"),
    "ignorecase": Option("bool", True),
    "whole_words": Option("bool", True, help="match whole words only"),
    "raw": Option("bool", False, help="read the raw text, code and URLs included"),
}


@dataclass
class Match:
    """A problem found by a check: a span of the post (or draft) and values for the message.

    `start`/`end` are offsets relative to the post for post checks and to the draft text
    for draft and run checks. `values` fill the rule's message placeholders, and only
    that. What the engine reads is typed: `replacement`, when set, is what `--fix` writes
    in the span; `platform` names the platform the problem is about (reported with the
    finding, and the message's `{platform}`); `min_level`/`max_level` raise or cap the
    profile's level for this match (slurs are errors whatever the profile).
    """

    start: int
    end: int
    values: dict = field(default_factory=dict)
    replacement: str | None = None
    platform: str | None = None
    min_level: str | None = None
    max_level: str | None = None


SCOPES = {"post": "check", "draft": "check_draft", "run": "check_run"}  # scope -> method


class Check:
    """Base of all rule types.

    Set `type_name` (what a rule's `type:` names), `options` (declared `Option`s) and
    `scope`: "post" (default: `check(post)` runs once per post of a thread), "draft"
    (`check_draft(draft)` once per file) or "run" (`check_run(drafts)` once over every
    draft of the run, yielding `(draft, match)` pairs); the scope's method must be
    implemented (checked when the plugin is loaded). A draft check with
    `after_suppression = True` runs after suppression comments were applied and sees
    `draft.suppressions` (how `unused-suppression` works).
    """

    type_name: ClassVar[str] = ""
    scope: ClassVar[str] = "post"
    options: ClassVar[dict[str, Option]] = {}
    after_suppression: ClassVar[bool] = False

    @classmethod
    def problems(cls, options: dict) -> Iterable[tuple[str, str]]:
        """(option, message) pairs for values the declared kinds cannot catch."""
        return ()

    def __init__(self, options: dict, context: "Context"):
        self.opts = options
        self.context = context

    def check(self, post: Post) -> Iterable[Match]:
        return ()

    def check_draft(self, draft: Draft) -> Iterable[Match]:
        return ()

    def check_run(self, drafts: list[Draft]) -> Iterable[tuple[Draft, Match]]:
        return ()

    def relevant(self, draft: Draft) -> bool:
        """For a run check: whether `check_run` must see `draft`. Large runs ask this
        where each draft is first read, and read again only the drafts some check wants."""
        return True


def contract_problems(cls) -> list[str]:
    """What keeps `cls` from being a rule type (an empty list when nothing does)."""
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        return ["is not a subclass of postlint.checks.Check"]
    problems = []
    if not cls.type_name:
        problems.append("sets no type_name")
    method = SCOPES.get(cls.scope)
    if method is None:
        problems.append(f"has scope {cls.scope!r}, not one of {', '.join(SCOPES)}")
    elif getattr(cls, method) is getattr(Check, method):
        problems.append(f"has scope {cls.scope!r} but does not implement {method}()")
    if cls.after_suppression and cls.scope != "draft":
        problems.append("sets after_suppression, which only a draft check may")
    for name, spec in cls.options.items():
        if not isinstance(spec, Option):
            problems.append(f"declares option {name!r} as {type(spec).__name__}, "
                            "not an Option")
    return problems


SEARCH_TIMEOUT = 2.0  # seconds a pattern search may take, plus one per million characters

# Patterns postlint builds itself from escaped words or fixed classes: they take time
# linear in the text, so they are searched without a time limit (which costs about 2 µs a
# search, as much as the search itself on a short post). Patterns from rule or config
# regexes are never added.
_LINEAR: set = set()


def linear(pattern: "regex.Pattern") -> "regex.Pattern":
    """Mark a pattern that cannot backtrack catastrophically; return it."""
    _LINEAR.add(pattern)
    return pattern


@dataclass
class Context:
    """What a check may read besides its options: the run's config, platforms and helpers.

    Checks search through `finditer`/`search` so that a pattern that backtracks
    catastrophically stops with `TimeoutError` (reported as that rule's error). A
    `trusted` context (for the built-in rules as shipped, see `Rule.trusted`) searches
    without the time limit, which costs about 2 µs a search.
    """

    config: dict = field(default_factory=dict)
    functions: dict[str, Callable] = field(default_factory=dict)
    platforms: dict = field(default_factory=dict)  # name -> platforms.Platform
    default_platforms: list[str] = field(default_factory=list)  # for drafts naming none
    timeout: float = field(default_factory=lambda: SEARCH_TIMEOUT)
    trusted: bool = False

    def finditer(self, pattern: "regex.Pattern", text: str):
        if self.trusted or pattern in _LINEAR:
            return pattern.finditer(text)
        return pattern.finditer(text, timeout=self.timeout + len(text) / 1e6)

    def search(self, pattern: "regex.Pattern", text: str):
        if self.trusted or pattern in _LINEAR:
            return pattern.search(text)
        return pattern.search(text, timeout=self.timeout + len(text) / 1e6)


def word_pattern(terms: Iterable[str], *, ignorecase: bool = True, whole_words: bool = True,
                 is_regex: bool = False) -> "Words | None":
    """A list of words, phrases or regexes as one `Words` pattern (None for no terms);
    escaped words make a `linear` pattern."""
    return handed_out(_word_pattern(tuple(terms), ignorecase, whole_words, is_regex))


@lru_cache(maxsize=512)  # rules compile alike in every linter of a process
def _word_pattern(terms: tuple, ignorecase: bool, whole_words: bool, is_regex: bool):
    if not terms:
        return None
    pattern = Words(terms, ignorecase, whole_words, is_regex)
    return pattern if is_regex else linear(pattern)
