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

from ..load.rules import LEVELS
from ..text.draft import Draft, Post
from ..text.phrases import Phrases
from ..text.words import Words, handed_out


ANY = ("*",)  # every language


@dataclass(frozen=True)
class Option:
    """One option of a rule type: its kind, default, and whether it is required."""

    kind: str  # str, int, number, bool, list, mapping, regex, level, any
    default: Any = None
    required: bool = False
    help: str = ""
    choices: tuple = ()
    low: float | None = None   # the least and the most an int or number may be: a count
    high: float | None = None  # below 0 or a score off its scale is a mistake, not a setting
    names: tuple | None = None  # a template's placeholders (None: not checked)


# How word-list rule types (existence, occurrence, conditional, lexicon) match their tokens.
MATCHING_OPTIONS = {
    "regex": Option("bool", False, help="tokens are regular expressions"),
    "ignorecase": Option("bool", True, help="match regardless of case"),
    "whole_words": Option("bool", True, help="match whole words only"),
    "raw": Option("bool", False, help="read the raw text, code and URLs included"),
    "forms": Option("str", "inflected", choices=("inflected", "exact", "graded"),
                    help="words also match their inflections (liar: liars); exact: as "
                    "written; graded: inflections and an adjective's degrees (cheaper)"),
    "literal": Option("bool", False, help="read what a reader sees verbatim: tag-like text"
                      " (<NAME>), URLs and link targets too, but not code or comments"),
}


class Mentions:
    """Where a word-list match is the word talked about, not used (a rule's `mentions:`
    mapping): in quotes ('synergy'), or right after or before one of the `before`/`after`
    regexes ("the word synergy", "synergy is now banned"), or where one of the `at`
    regexes matches from the match's start (lookbehinds see the text before it): the
    word as the first part of a name its owner spells so ("LOL Surprise dolls")."""

    KEYS = ("quoted", "before", "after", "at")
    QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb",
              "\u201d": "\u201d", "\u2019": "\u2019"}

    def __init__(self, spec, context):
        spec = spec or {}
        self.context = context
        self.quoted = bool(spec.get("quoted"))
        before, after = list(spec.get("before") or ()), list(spec.get("after") or ())
        self.before = regex.compile(r"(?:%s)\s*$" % "|".join(f"(?:{b})" for b in before),
                                    regex.I | regex.V0) if before else None
        self.after = regex.compile(r"^(?:%s)" % "|".join(f"(?:{a})" for a in after),
                                   regex.I | regex.V0) if after else None
        at = list(spec.get("at") or ())
        self.at = regex.compile("|".join(f"(?:{a})" for a in at),
                                regex.I | regex.V0) if at else None

    def __bool__(self) -> bool:
        return self.quoted or self.before is not None or self.after is not None \
            or self.at is not None

    def __call__(self, text: str, start: int, end: int) -> bool:
        """Whether the match at `start:end` of `text` is talked about."""
        if self.quoted and start and end < len(text) \
                and self.QUOTES.get(text[start - 1]) == text[end]:
            return True
        if self.before is not None and \
                self.context.search(self.before, text[max(0, start - 80):start]):
            return True
        if self.at is not None and self.at.match(
                text, start, min(len(text), end + 80),
                timeout=None if self.context.trusted else self.context.timeout) is not None:
            return True
        return self.after is not None and \
            self.context.search(self.after, text[end:end + 80]) is not None

    @classmethod
    def problems(cls, spec, keys=KEYS):
        """(message) for each unknown key and each regex of `spec` that does not compile."""
        spec = spec or {}
        if not isinstance(spec, dict):
            yield "expected a mapping (quoted, before, after, at)"
            return
        unknown = set(spec) - set(keys)
        if unknown:
            yield f"unknown key(s) {', '.join(sorted(unknown))} (known: " \
                  f"{', '.join(sorted(keys))})"
        for side in ("before", "after", "at"):
            for item in spec.get(side) or ():
                try:
                    regex.compile(str(item))
                except regex.error as exc:
                    yield f"{side}: invalid regular expression {item!r}: {exc}"


LEVEL_BOUNDS = ("min_level", "max_level")


def level_bounds(spec: dict) -> dict:
    """An entry's `min_level`/`max_level` (None where not given), the Match keywords that
    clamp the level of its matches (lexicon groups, link entries)."""
    return {bound: spec.get(bound) for bound in LEVEL_BOUNDS}


def level_bound_problems(spec: dict, key: str):
    """(message) for each of an entry's level bounds that is no level."""
    for bound in LEVEL_BOUNDS:
        if bound in spec and spec[bound] not in LEVELS:
            yield f"{key}.{bound}: expected one of {', '.join(LEVELS)}"


# a word joined to others by hyphens ("ninja-level", "Acmeflow-powered"), not inside a
# link, an address, a handle or a tag ("acme-flow.io", "@acme-flow", "#acme-flow")
_COMPOUND = regex.compile(r"(?<![\p{L}\p{N}@#/.:_'’-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+"
                          r"(?![\p{L}\p{N}_/@-]|\.[\p{L}\p{N}])")


def compound_parts(text: str):
    """(start, end) of each part of each hyphenated compound of `text`."""
    if "-" not in text:
        return
    for m in _COMPOUND.finditer(text):
        start = m.start()
        for part in m.group(0).split("-"):
            yield start, start + len(part)
            start += len(part) + 1


def part_matches(context, pattern, text: str):
    """Matches of `pattern` that are a whole part of a hyphenated compound of `text`
    (the `parts` option: "ninja" in "ninja-level"), with offsets in `text`."""
    for start, end in compound_parts(text):
        for m in context.finditer(pattern, text[start:end]):
            if m.start() == 0 and m.end() == end - start:
                yield start, end, m.group(0)


def view(post, opts: dict) -> str:
    """The text of a post (or draft) a word-list rule reads, by its `raw`/`literal`
    options: the raw text, the literal view, or the prose view."""
    return getattr(post, view_name(opts))


def view_name(opts: dict) -> str:
    """The attribute of a post that `view(post, opts)` reads: text, literal or prose."""
    if opts.get("raw"):
        return "text"
    return "literal" if opts.get("literal") else "prose"


@dataclass
class Match:
    """A problem found by a check: a span of the post (or draft) and values for the message.

    `start`/`end` are offsets relative to the post for post checks and to the draft text
    for draft and run checks. `values` fill the rule's message placeholders, and only
    that. What the engine reads is typed: `replacement`, when set, is what `--fix` writes
    in the span; `platform` names the platform the problem is about (reported with the
    finding, and the message's `{platform}`); `min_level`/`max_level` raise or cap the
    profile's level for this match (slurs are errors whatever the profile); `at` names
    another value of a record the span is in (a calendar row's `date` cell).
    """

    start: int
    end: int
    values: dict = field(default_factory=dict)
    replacement: str | None = None
    platform: str | None = None
    min_level: str | None = None
    max_level: str | None = None
    at: str | None = None  # a record's span (`Record.spans`) the offsets are into, if not its text


SCOPES = {"post": "check", "draft": "check_draft", "run": "check_run"}  # scope -> method

# What the engine adds to every finding's message values (`lint.engine`): the quoted
# text, and the platform a match names (`Match.platform`).
ENGINE_VALUES = ("match", "platform")


def given_values(options: dict, items: str) -> tuple | None:
    """The keys of a rule's `values` option and of the `values` of each of its `items`
    (lexicon and link entries, near pairs), or None when one is read from the config
    (`{from: ...}`), unknown when the rule is loaded."""
    listed = options.get(items) or []
    mappings = [options.get("values")] + [item.get("values") for item in listed
                                          if isinstance(item, dict)]
    if _from_config(listed) or any(_from_config(m) for m in mappings):
        return None
    return tuple(key for m in mappings if isinstance(m, dict) for key in m)


def _from_config(value) -> bool:
    return isinstance(value, dict) and set(value) == {"from"}


class Check:
    """Base of all rule types.

    Set `type_name` (what a rule's `type:` names), `options` (declared `Option`s) and
    `scope`: "post" (default: `check(post)` runs once per post of a thread), "draft"
    (`check_draft(draft)` once per file) or "run" (`check_run(drafts)` once over every
    draft of the run, yielding `(draft, match)` pairs); the scope's method must be
    implemented (checked when the plugin is loaded). A draft check with
    `after_suppression = True` runs after suppression comments were applied and sees
    `draft.suppressions` (how `unused-suppression` works); with `judges_suppressions =
    True` too, it runs after the other such checks, once their findings have used the
    suppressions (`unused-suppression` judges whether each was used).
    """

    type_name: ClassVar[str] = ""
    scope: ClassVar[str] = "post"
    # The languages (primary subtags) a rule of this type knows when it names none;
    # ANY for types that read no words (lengths, counts, emoji).
    languages: ClassVar[tuple] = ("en",)
    # True: `check` yields nothing unless a word list made in `__init__` (`word_pattern`)
    # matches the text it reads (`view(post, opts)`: by its `raw` and `literal` options),
    # so postlint skips the posts where none can.
    gated: ClassVar[bool] = False
    options: ClassVar[dict[str, Option]] = {}
    after_suppression: ClassVar[bool] = False
    judges_suppressions: ClassVar[bool] = False
    records_only: ClassVar[bool] = False  # reads only what readers give (calendar rows)
    # The keys of the `values` its matches carry, which a rule's message may name beside
    # its options and ENGINE_VALUES; None (declared nothing): messages are not checked.
    values: ClassVar[tuple | None] = None

    @classmethod
    def problems(cls, options: dict) -> Iterable[tuple[str, str]]:
        """(option, message) pairs for values the declared kinds cannot catch."""
        return ()

    @classmethod
    def message_names(cls, options: dict) -> tuple | None:
        """The placeholders a message of a rule with `options` may name, or None when
        the type declares no `values` (then its messages are not checked)."""
        if cls.values is None:
            return None
        return tuple(dict.fromkeys((*ENGINE_VALUES, *cls.values, *cls.options)))

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
    lang: str = "en"  # the language of the posts this check runs on (see Rule.languages)
    any_language: bool = False  # the rule runs on posts in any language (`languages: any`)
    today: Any = None  # a datetime.date from --today; None: the real today (`now_date`)

    def now_date(self):
        """The run's "today": `--today`, else the system's date."""
        import datetime

        return self.today or datetime.date.today()
    strategy: Any = None  # load.strategy.Strategy: the run's boundary strategy and networks

    def finditer(self, pattern: "regex.Pattern", text: str):
        if self.trusted or pattern in _LINEAR:
            return pattern.finditer(text)
        return pattern.finditer(text, timeout=self.timeout + len(text) / 1e6)

    def search(self, pattern: "regex.Pattern", text: str):
        if self.trusted or pattern in _LINEAR:
            return pattern.search(text)
        return pattern.search(text, timeout=self.timeout + len(text) / 1e6)


def word_pattern(terms: Iterable[str], *, ignorecase: bool = True, whole_words: bool = True,
                 is_regex: bool = False, forms: str = "exact",
                 lang: str = "en", elide: str | None = None) -> "Phrases | Words | None":
    """A list of words, phrases or regexes as one pattern (None for no terms).

    Whole words and phrases go into the run's shared phrase index (`text.phrases`): one
    walk over a text's tokens finds every such list's matches, whole tokens only, with
    styled letters folded; `forms="inflected"` adds each word's inflections in language
    `lang` (`text.forms`), and `forms="graded"` an adjective's comparative and superlative
    too (cheap: cheaper, cheapest). Regexes, and words that may match inside other words, are a
    `Words` pattern searched in the folded text where a cheap test of its words says it
    may match; escaped words make a `linear` pattern. Whole words are also found after
    the elided articles of `elide` (a language, `*` for all; default `lang`): `l'iPhone`."""
    if forms not in FORMS:
        raise ValueError(f"forms: expected one of {', '.join(FORMS)}, got {forms!r}")
    terms = tuple(terms)
    if not all(isinstance(term, str) for term in terms):  # (YAML reads `2024` as a number)
        terms = tuple(term if isinstance(term, str) else _term(term) for term in terms)
    return handed_out(_word_pattern(terms, ignorecase, whole_words, is_regex,
                                    forms, lang, elide))


FORMS = ("inflected", "exact", "graded")


class BadTerm(ValueError):
    """An item of a word list that is no word; `item` is it, for the error to find."""

    def __init__(self, item, message: str):
        super().__init__(message)
        self.item = item


def _term(item) -> str:
    """A number in a word list as the word it is written as; anything else is a mistake
    of the rule (a mapping, a list, null) that would otherwise fail deep in matching."""
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return str(item)
    raise BadTerm(item, f"expected a word, a phrase or a regex in the list, got {item!r}"
                     + (" ({from: KEY} stands for a whole list here, not for one item)"
                        if isinstance(item, dict) and "from" in item else ""))


@lru_cache(maxsize=512)  # rules compile alike in every linter of a process
def _word_pattern(terms: tuple, ignorecase: bool, whole_words: bool, is_regex: bool,
                  forms: str, lang: str, elide: str | None = None):
    if not terms:
        return None
    if whole_words and not is_regex:
        return Phrases(terms, ignorecase, forms in ("inflected", "graded"), lang, elide=elide,
                       graded=forms == "graded")
    pattern = Words(terms, ignorecase, whole_words, is_regex)
    return pattern if is_regex else linear(pattern)
