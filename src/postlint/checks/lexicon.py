r"""`lexicon`: word lists in groups, each group with its own level bounds, message values,
suggestions and validator.

    options:
      regex: true
      values: {what: "is profanity"}          # defaults for the message
      entries:
        - tokens: ['f+[u*]+ck']               # or a list with {from: config.key} items
        - tokens: ['damn']
          label: mild words                   # names the group in the rules documentation
          max_level: warning                  # never above warning, whatever the profile
        - swap: {guys: folks}                 # token -> suggestion ({suggestion})
          values: {what: "can exclude people"}
        - tokens: ['\d{4}(?: ?\d{4}){3}']
          validate: luhn                      # a function; keep the match when truthy
        - tokens: ['\+\d[\d ]{6,18}\d']
          validate: phone
          validate_options:                   # keyword arguments of the validator: values,
            regions: {from: regions, default: [US, GB]}   # or a config key with a default
                                              # (a validator with a `lang` parameter is
                                              # also given the post's language)
        - tokens: [Acme Cloud]
          regex: false
          forms: exact                        # not its inflections (words only; swaps never)
          mentions: false                     # flagged even where the word is talked about
          with_link: true                     # only in a draft that holds a link (a URL
                                              # or a Markdown link): "click here" in one
                                              # with none is a joke, not link text
        - swap: {dumb: silly}
          not_in: ['(?:a|my)\s+dumb\s+question']  # regexes of the phrases (an idiom, a word
                                              # said of oneself) in which a token is not
                                              # the word meant: a match inside one of
                                              # their matches is not flagged (items may
                                              # name a shared list, as tokens do:
                                              # {list: given-names, format: [...]})
        - tokens: ['(?:room|bed)\s+\d{1,4}']
          sentence_with: ['surgery|recovering']  # regexes (any case): kept only when the
                                              # sentence that holds the match holds one
                                              # too, before or after it, however long (the
                                              # next sentence too when the match is all
                                              # of its own: "Between us... the merger")
          reach_next: true                    # sentence_with cues may be in the next
                                              # sentence too
          unless: ['\bnever\b|just\s+kidding']  # dropped when its sentence holds one
          unless_next: ['just\s+kidding|jk\b']   # dropped when the next sentence starts
                                              # with one ("We'll sue... just kidding")
          skip_names: [Monday, Friday]        # a match in Title Case that is part of a
                                              # name is not flagged: capitalised mid-
                                              # sentence ("dinner at Stoned Age Pizza"),
                                              # or with a capitalised word after it
                                              # ("Stoned Age Pizza opens"; "Shut Up and
                                              # Dance"), or after an article that starts
                                              # the sentence ("The Jerk is"), except one of
                                              # these ("Hungover Monday"); true: none
      one_per_sentence: true                  # only the first match of each sentence is
                                              # reported (one patient's name and bed)
      mentions:                               # the word talked about, not used: not flagged
        quoted: true                          # in quotes ('blacklist')
        suggestion: true                      # its swap's suggestion near it (a rename;
                                              # suggestions of six letters or more)
        before: ['the\s+(?:word|term)\s+']    # regexes the text just before it ends with
        after: ['\s+is\s+now\s+called']      # regexes the text just after it starts with

The profile sets the rule's level; a group's `min_level`/`max_level` clamp it for that
group's matches (slurs at error everywhere, mild words never above warning). A regex
token with a named group `span` reports only that part of its match. Overlapping matches
of several groups keep the earliest, then the longest.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import regex

from ..hookspecs import hookimpl
from ..text import entities
from ..text.styled import normalize as fold
from ..text.words import Needs, Words, recording
from . import terms
from .base import (Check, Match, MATCHING_OPTIONS, Mentions, Option, given_values,
                   level_bound_problems, level_bounds, view, word_pattern)

GROUP_KEYS = {"tokens", "swap", "regex", "ignorecase", "whole_words", "min_level",
              "max_level", "values", "suggest", "validate", "validate_options", "label",
              "forms", "mentions", "with_link", "not_in", "sentence_with", "unless",
              "unless_next", "skip_names", "reach_next"}
SENTENCE_CUES = ("sentence_with", "unless", "unless_next")
# A sentence ends at . ! ? … before a space or the end, or at a line break; not at the
# full stop of a title or a common abbreviation ("Mrs. Patel", "Dr. Kim", "e.g. this"),
# though at more marks ("etc... Then"). A run of marks is tried from its start only (tried
# at each mark, a long run not followed by a space takes time growing with its square).
_SENTENCE_END = regex.compile(
    r"(?<![.!?…])(?:(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|Drs|St|Prof|Sr|Sra|Srta|Dra|Mme|Mlle|Nr|No|Hr|Fr"
    r"|vs|etc|e\.g|i\.e|z\.B|ca))[.!?…]+|[.!?…]{2,})(?=\s|$)|\n")


class Group:
    """One compiled entry group."""

    def __init__(self, spec: dict, opts: dict, context):
        self.is_regex = spec.get("regex", opts["regex"])
        tokens = terms.expand(spec.get("tokens"), context.config, self.is_regex)
        swap = {str(k): str(v) for k, v in (spec.get("swap") or {}).items()}
        self.swap = {" ".join(k.split()).casefold(): v for k, v in swap.items()}
        self.pattern = word_pattern(tokens + list(swap),
                                    ignorecase=spec.get("ignorecase", opts["ignorecase"]),
                                    whole_words=spec.get("whole_words", opts["whole_words"]),
                                    is_regex=self.is_regex and not swap,
                                    forms="exact" if swap else spec.get(
                                        "forms", opts.get("forms", "inflected")),
                                    lang=context.lang)
        self.levels = level_bounds(spec)
        self.mentions = bool(spec.get("mentions", True))
        self.with_link = bool(spec.get("with_link", False))
        self.not_in = word_pattern(terms.expand(spec.get("not_in") or [], context.config, True),
                                   is_regex=True, lang=context.lang)
        # (searched only in the sentence of a match; the items may name a shared list or a
        # config key, as tokens do). Made apart from the check's recorded word lists: a
        # cue alone never makes a match, so it must not open the check's gate to a post.
        with recording():
            for cue in SENTENCE_CUES:
                setattr(self, cue, word_pattern(terms.expand(spec.get(cue) or [],
                                                             context.config, True),
                                                is_regex=True, lang=context.lang))
        names = spec.get("skip_names", False)
        self.skip_names = names is not False and names is not None
        self.not_names = {str(w).casefold() for w in names} if isinstance(names, list) else set()
        self.reach_next = bool(spec.get("reach_next", False))
        self.sentence_bound = any(getattr(self, cue) is not None for cue in SENTENCE_CUES)
        self.values = {**(opts["values"] or {}), **(spec.get("values") or {})}
        self.suggest = spec.get("suggest")
        self.validate = None
        if spec.get("validate"):
            self.validate = context.functions.get(spec["validate"])
            if self.validate is None:
                raise ValueError(f"unknown validate function {spec['validate']!r} (known: "
                                 f"{', '.join(sorted(context.functions))})")
        self.validate_options = {
            str(name): _setting(value, context.config)
            for name, value in (spec.get("validate_options") or {}).items()}
        # (a validator that reads the post's language: a phone number in a German post
        # is read as dialled in Germany first)
        self.wants_lang = self.validate is not None and "lang" in _parameters(self.validate)

    def valid(self, hit: str, lang=None) -> bool:
        """Whether the validator keeps `hit`; `lang()` gives the post's language."""
        if self.validate is None:
            return True
        if self.wants_lang and lang is not None:
            return bool(self.validate(hit, **self.validate_options, lang=lang()))
        return bool(self.validate(hit, **self.validate_options) if self.validate_options
                    else self.validate(hit))

    def values_for(self, found: str) -> dict:
        suggestion = self.swap.get(" ".join(fold(found).split()).casefold(), self.suggest)
        values = {"suggestion": suggestion or ""}
        for key, value in self.values.items():
            values[key] = value.replace("{suggestion}", suggestion or "") \
                if isinstance(value, str) else value
        return values


def _holds_link(post) -> bool:
    """Whether the draft of `post` (any of its posts: a thread's link may come later)
    holds a URL or a Markdown link."""
    draft = getattr(post, "draft", post)
    text = getattr(draft, "text", "") or ""
    return "](" in text or bool(entities.urls(text))


_HAS_WORD = regex.compile(r"\w")
_TITLE_WORD = regex.compile(r"\p{Lu}[\p{Ll}'’]\S*")
# the small words inside a title ("Shut Up and Dance", "Dumb and Dumber", "Lord of the Flies")
_JOINER = regex.compile(r"(?:and|of|the|in|on|to|for|&)[ \t]+(?=\p{Lu}[\p{Ll}'’])")
_ARTICLE = ("The", "A", "An")


def _name_like(text: str, start: int, end: int, not_names: set) -> bool:
    """Whether the match at `start:end`, each word in Title Case, is part of a name: a
    word in Title Case (not one of `not_names`) follows it ("Stoned Age Pizza"), perhaps
    after a title's small word ("Shut Up and Dance"), or one comes before it inside the
    sentence ("at The Hangover"; not "Got Stoned at the gig", whose first word is
    capitalised as a sentence's is, nor a word after a label's colon, "Memphis: Crazy
    traffic"), or an article that starts the sentence does ("The Jerk is Steve Martin's
    best film": nothing else capitalises the word after it)."""
    if not all(_TITLE_WORD.match(word) for word in text[start:end].split()):
        return False  # (a word in lower case or in capitals: "So hungover", "STONED")
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j > end:
        joiner = _JOINER.match(text, j)
        if joiner is not None:
            j = joiner.end()
    following = _TITLE_WORD.match(text, j) if j > end else None
    if following is not None \
            and following.group(0).rstrip(".,;:!?'’\"").casefold() not in not_names:
        return True
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start:
        return False
    word_start = i
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    before = text[word_start:i]
    if not _TITLE_WORD.match(before) or before[-1] in ":;":
        return False  # (a label's colon ends it: "Heads-up Memphis: Crazy number of wrecks")
    k = word_start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if text[word_start:i] in _ARTICLE:
        return True  # (an article before it, at the start of a sentence or after a word)
    return k > 0 and k < word_start and (text[k - 1].isalnum() or text[k - 1] in ",;")


def _post_language(post, text: str, config) -> str:
    """The language the engine reads the post in (front matter or config `lang`, see
    `languages.given`), else the language of most of `text`."""
    from ..load import languages
    from ..text.language import spans
    draft = getattr(post, "draft", None)
    tag = languages.given(getattr(draft, "front_matter", None) or {},
                          config if isinstance(config, dict) else {})
    if tag:
        return tag
    size: dict[str, int] = {}
    for start, end, found in spans(text):
        size[found] = size.get(found, 0) + end - start
    return max(size, key=size.__getitem__) if size else "en"


def _parameters(function) -> tuple[str, ...]:
    """The names of `function`'s parameters (none for one that cannot be inspected)."""
    import inspect
    try:
        return tuple(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # pragma: no cover - a builtin
        return ()


def _setting(value, config: dict):
    """A validator option: a value, or `{from: config.key, default: value}`."""
    if isinstance(value, dict) and "from" in value:
        found = terms.lookup(config, str(value["from"]))
        return value.get("default") if found in (None, [], {}, "") else found
    return value


class Lexicon(Check):
    """Each occurrence of any group's tokens, with that group's values and level bounds."""

    type_name = "lexicon"
    values = ("suggestion",)
    gated = True
    options = {
        **MATCHING_OPTIONS,
        "entries": Option("list", required=True, help="groups of tokens (see the module doc)"),
        "values": Option("mapping", {}, help="default message values for every group"),
        "exceptions": Option("list", [], help="matched texts never to flag (any case)"),
        "mentions": Option("mapping", {}, help="where a match is the word talked about, not "
                           "used: quoted (bool), before/after (regexes around it)"),
        "one_per_sentence": Option("bool", False, help="report only the first match of each "
                                   "sentence (the parts of one thing told in it: a patient's "
                                   "name and bed)"),
    }

    @classmethod
    def message_names(cls, options):
        """Also the keys of its `values` and of its entries' `values`."""
        given = given_values(options, "entries")
        return None if given is None else (*super().message_names(options), *given)

    @classmethod
    def problems(cls, options):
        for index, group in enumerate(options.get("entries") or ()):
            key = f"entries[{index}]"
            if not isinstance(group, dict):
                yield "entries", f"{key}: expected a mapping with tokens or swap"
                continue
            unknown = set(group) - GROUP_KEYS
            if unknown:
                yield "entries", f"{key}: unknown key(s) {', '.join(sorted(unknown))} " \
                                 f"(known: {', '.join(sorted(GROUP_KEYS))})"
            if not isinstance(group.get("validate_options", {}), dict):
                yield "entries", f"{key}.validate_options: expected a mapping of option: value"
            if ("tokens" in group) == ("swap" in group):
                yield "entries", f"{key}: give either 'tokens' or 'swap'"
            for flag in ("mentions", "with_link", "reach_next"):
                if not isinstance(group.get(flag, True), bool):
                    yield "entries", f"{key}.{flag}: expected true or false"
            names = group.get("skip_names", False)
            if not isinstance(names, bool) and not (
                    isinstance(names, list) and all(isinstance(w, str) for w in names)):
                yield "entries", f"{key}.skip_names: expected true, false or a list of words"
            if group.get("forms", "inflected") not in ("inflected", "exact", "graded"):
                yield "entries", f"{key}.forms: expected inflected, exact or graded"
            for problem in level_bound_problems(group, key):
                yield "entries", problem
            yield from terms.problems(group.get("tokens"), "entries")
            yield from cls._pattern_problems(group, options, key)
            for cue in ("not_in", *SENTENCE_CUES):
                listed = group.get(cue, [])
                if not isinstance(listed, list) or not all(
                        isinstance(p, (str, dict)) for p in listed):
                    yield "entries", f"{key}.{cue}: expected a list of regexes"
                    continue
                yield from terms.problems(listed, "entries")
                plain = [p for p in listed if isinstance(p, str)]
                problem = plain and word_pattern(plain, is_regex=True).problem()
                if problem:
                    yield "entries", f"{key}.{cue}: {problem}"
        for problem in Mentions.problems(options.get("mentions"),
                                         Mentions.KEYS + ("suggestion",)):
            yield "mentions", problem

    @classmethod
    def _pattern_problems(cls, group: dict, options: dict, key: str):
        """A regex token of the group that does not compile."""
        def setting(name):
            return group.get(name, options.get(name, cls.options[name].default))
        literal = [t for t in group.get("tokens") or () if isinstance(t, str)]
        pattern = word_pattern(literal + [str(k) for k in group.get("swap") or ()],
                               ignorecase=setting("ignorecase"),
                               whole_words=setting("whole_words"),
                               is_regex=setting("regex") and "swap" not in group)
        problem = pattern and pattern.problem()
        if problem:
            yield "entries", f"{key}: {problem}"

    @classmethod
    def level_notes(cls, options) -> list[str]:
        """Human-readable level bounds of the groups, for the rules documentation."""
        notes = []
        for group in options.get("entries") or ():
            bounds = [f"at least {group['min_level']}" if "min_level" in group else "",
                      f"at most {group['max_level']}" if "max_level" in group else ""]
            bounds = " and ".join(b for b in bounds if b)
            if bounds:
                label = group.get("label") or "some entries"
                notes.append(f"{label}: {bounds}")
        return notes

    def __init__(self, options, context):
        super().__init__(options, context)
        self.groups = [Group(spec, options, context) for spec in options["entries"]]
        self.exceptions = {e.casefold() for e in options["exceptions"]}
        mentions = options["mentions"] or {}
        self.talked_about = Mentions(mentions, context)
        self.with_suggestion = bool(mentions.get("suggestion"))

    def mentioned(self, text: str, start: int, end: int, group: Group) -> bool:
        """Whether the match at `start:end` is the word talked about ("the word
        'blacklist'", "blacklist is now called blocklist"), not the word used: in quotes,
        after or before one of the `before`/`after` patterns, or with its swap's
        suggestion close by ("Master/slave is now primary/replica")."""
        if self.with_suggestion and group.swap:
            suggestion = group.values_for(text[start:end])["suggestion"].split(" (")[0]
            near = text[max(0, start - 80):start] + " " + text[end:end + 80]
            # (of six letters or more: a short everyday one such as 'wild' or 'dull' is
            # near by chance)
            if len(suggestion) >= 6 and regex.search(r"(?<!\w)%s(?!\w)" % regex.escape(suggestion),
                                           near, regex.I):
                return True
        return self.talked_about(text, start, end)

    @cached_property
    def needs(self) -> "Needs | None":
        """What a text must hold for a regex group to match in it (one test for them all;
        the phrase index tells the other groups' matches)."""
        regexes = [g.pattern for g in self.groups if isinstance(g.pattern, Words)]
        return Needs.union(p.needs for p in regexes) if regexes else Needs(frozenset(), "", False)

    @cached_property
    def searched(self) -> list[tuple]:
        """(order, group, whether its pattern is a regex list) of the groups that have a
        pattern."""
        return [(order, group, isinstance(group.pattern, Words))
                for order, group in enumerate(self.groups) if group.pattern is not None]

    def in_context(self, text: str, start: int, end: int, group: Group, ends: list) -> bool:
        """Whether the sentence around `start:end` keeps the match: it holds one of the
        group's `sentence_with` cues (outside the match) if it has any, none of its
        `unless` cues, and the next sentence starts with none of its `unless_next` cues.
        `ends` holds the sentence ends of `text` (filled on the first call)."""
        index = _sentence_of(text, start, ends)
        begin, stop = (ends[index - 1] if index else 0), ends[min(index, len(ends) - 1)]
        stop = max(stop, end)
        search = self.context.search
        if group.sentence_with is not None:
            before, after = text[begin:start], text[end:stop]
            if (group.reach_next or not _HAS_WORD.search(before)
                    and not _HAS_WORD.search(after)) and stop < len(text):
                # (a sentence that is the match alone, "Between us...", "Off the record:",
                # governs the next one; with `reach_next`, any sentence does: "Thank you
                # Mrs. Ortiz for the card! So glad your recovery is going well")
                after = text[end:ends[min(bisect.bisect_right(ends, stop), len(ends) - 1)]]
            if search(group.sentence_with, before) is None \
                    and search(group.sentence_with, after) is None:
                return False
        if group.unless is not None and search(group.unless, text[begin:stop]) is not None:
            return False
        if group.unless_next is not None and stop < len(text):
            nxt = text[stop:ends[min(bisect.bisect_right(ends, stop), len(ends) - 1)]]
            m = search(group.unless_next, nxt)
            if m is not None and not nxt[:m.start()].strip(" \t\n([-–—,.…"):
                return False
        return True

    def check(self, post):
        text = view(post, self.opts)
        ends: list[int] = []  # sentence ends, found on the first match of a sentence-bound group
        regexes = self.needs is None or self.needs.met_by(text)
        found = []
        finditer, exceptions = self.context.finditer, self.exceptions
        linked = None
        known: list = []  # the post's language, found when a validator first asks

        def lang() -> str:
            if not known:
                known.append(_post_language(post, text, self.context.config))
            return known[0]
        for order, group, is_regex in self.searched:
            phrases = None  # the spans of the group's `not_in` phrases (found on a first match)
            if is_regex and not regexes:
                continue
            for m in finditer(group.pattern, text):
                if group.with_link:  # (the draft is searched for links on a first match)
                    if linked is None:
                        linked = _holds_link(post)
                    if not linked:
                        break
                start, end = m.span("span") if "span" in m.re.groupindex \
                    and m.start("span") >= 0 else m.span()
                hit = text[start:end]
                if hit.casefold() in exceptions:
                    continue
                if not group.valid(hit, lang):
                    continue
                if group.mentions and (self.talked_about or self.with_suggestion) \
                        and self.mentioned(text, start, end, group):
                    continue
                if group.not_in is not None:
                    if phrases is None:
                        phrases = [m.span() for m in finditer(group.not_in, text)]
                    if any(s <= start and end <= e for s, e in phrases):
                        continue
                if group.skip_names and hit[:1].isupper() \
                        and _name_like(text, start, end, group.not_names):
                    continue
                if group.sentence_bound and not self.in_context(text, start, end, group, ends):
                    continue
                found.append((start, -(end - start), order, end, group, hit))
        if not found:
            return
        last_end = -1
        told = set()  # the sentences reported, with `one_per_sentence`
        for start, _, _, end, group, hit in sorted(found, key=lambda f: f[:3]):
            if start < last_end:
                continue
            if self.opts["one_per_sentence"]:
                index = _sentence_of(text, start, ends)
                if index in told:
                    continue
                told.add(index)
            last_end = end
            yield Match(start, end, group.values_for(hit), **group.levels)


def _sentence_of(text: str, start: int, ends: list) -> int:
    """The number of the sentence of `text` that holds `start`; `ends` holds the sentence
    ends of `text`, found on the first call."""
    if not ends:
        ends += [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    return bisect.bisect_right(ends, start)


@hookimpl
def postlint_rule_types():
    return [Lexicon]
