"""`duplicate-post`: the same or nearly the same post twice in one run, for one platform.

Each post's prose (URLs, code and markup left out) is reduced to its words, case
folded. Two posts are the same when those words are, and nearly the same when their
sets of words overlap by `similarity` or more (Jaccard index). Posts of fewer than
`min_words` words are not compared ("Thank you!" may well repeat). Drafts without a
platform (front matter, `--platform` or config) are not compared. The later post is
flagged and told which one it repeats: the first exact repeat, else the first post it
nearly repeats.

Every pair that is nearly the same is found, without comparing every pair: a first pass
over the drafts counts in how many posts each word occurs; then each post's words are
ordered rarest first, and two posts can only be nearly the same if the first few of
their words (as many as the similarity allows to differ, plus one) share one (prefix
filtering, as in Bayardo, Ma and Srikant's All-Pairs, 2007). Those are measured exactly.
Rare words tell posts apart, so a post meets few others; on an account's real posts
the cost grows with the number of posts. A second pass reports the posts found, and
where the posts they repeat are. For each post the run keeps a digest of its words,
their ids in one vocabulary of the run and its place among the drafts.
"""

from __future__ import annotations

import itertools
import math
import operator
from array import array
from hashlib import blake2b

import regex

from ..hookspecs import hookimpl
from ..text.platforms import targets
from .base import ANY, Check, Match, Option

_WORDS = regex.compile(r"[\p{L}\p{N}_'’]+")


class _Posts:
    """What the first pass keeps of the posts it compares; a post is named by its
    ordinal."""

    def __init__(self):
        self.ids: dict = {}          # word -> id, for the whole run
        self.counts = array("I")     # word id -> the number of posts it occurs in
        self.words: list = []        # ordinal -> its distinct word ids, in an array
        self.digests: list = []      # ordinal -> a digest of its words, in order
        self.platforms: list = []    # ordinal -> the names of its platforms (shared tuples)
        self.drafts = array("I")     # ordinal -> the number of its draft in the run
        self.posts = array("I")      # ordinal -> its number in the draft

    def add(self, words: list, platforms: tuple, draft: int, post: int) -> None:
        ids = self.ids
        unique = array("I", sorted({ids.setdefault(w, len(ids)) for w in set(words)}))
        self.counts.extend([0] * (len(ids) - len(self.counts)))
        for i in unique:
            self.counts[i] += 1
        self.words.append(unique)
        self.digests.append(blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest())
        self.platforms.append(platforms)
        self.drafts.append(draft)
        self.posts.append(post)


class DuplicatePost(Check):
    """A post whose words repeat an earlier post of the run for the same platform."""

    languages = ANY  # reads no words of one language

    type_name = "duplicate-post"
    values = ("other", "how", "on")
    scope = "run"
    options = {
        "min_words": Option("int", 5, low=1, help="shorter posts are not compared"),
        "similarity": Option("number", 0.8, help="share of words two posts must have in "
                             "common to be nearly the same (0-1)"),
    }

    @classmethod
    def problems(cls, options):
        value = options.get("similarity", 0.8)
        if isinstance(value, (int, float)) and not 0 < value <= 1:
            yield "similarity", f"expected a number above 0 and at most 1, got {value!r}"

    def relevant(self, draft):
        """Only drafts placed on a platform, with a post long enough to compare."""
        return bool(targets(draft, self.context)) and any(
            len(_WORDS.findall(post.prose)) >= self.opts["min_words"] for post in draft.posts)

    def check_run(self, drafts):
        seen = self._first_pass(drafts)
        found = self._repeats(seen)
        if not found:
            return

        def place(ordinal):
            return seen.drafts[ordinal], seen.posts[ordinal]

        flagged = {place(ordinal): result for ordinal, result in found.items()}
        named = {place(result[0]): result[0] for result in found.values()}
        wanted = {number for number, _ in [*flagged, *named]}
        wheres = {}  # a named post's ordinal -> (draft path, line, note)
        for number, draft in enumerate(drafts):  # the second pass: report them
            if number not in wanted:
                continue
            for index, post in enumerate(draft.posts):
                if (number, index) in named:  # (always before the posts that name it)
                    line = draft.position(post.start + len(post.text) - len(post.text.lstrip()))[0]
                    # a record (a calendar row, an export's post) is named by its note too
                    wheres[named[number, index]] = (draft.path, line,
                                                    getattr(draft, "note", None))
                result = flagged.get((number, index))
                if result is not None:
                    other, how, platforms = result
                    yield draft, self._match(post, wheres[other], how, platforms)

    def _first_pass(self, drafts) -> _Posts:
        seen, shared = _Posts(), {}
        for number, draft in enumerate(drafts):
            platforms = tuple(p.name for p in targets(draft, self.context))
            if not platforms:  # not known to go to the same place as another
                continue
            platforms = shared.setdefault(platforms, platforms)
            for index, post in enumerate(draft.posts):
                words = [w.casefold() for w in _WORDS.findall(post.prose)]
                if len(words) < self.opts["min_words"]:
                    continue
                seen.add(words, platforms, number, index)
        return seen

    def _repeats(self, seen: _Posts) -> dict:
        """Ordinal -> (the ordinal it repeats, how, platforms) for each post that repeats
        an earlier one, going through the posts in order."""
        least = self.opts["similarity"]
        counts = seen.counts
        rank = array("I", [0]) * len(counts)  # word id -> its place, rarest first
        for place, i in enumerate(sorted(range(len(counts)), key=counts.__getitem__)):
            rank[i] = place
        exacts: dict = {}   # platform -> {digest: the first ordinal with it}
        indexes: dict = {}  # platform -> {word rank: {size: [ordinals, by place]}}: the
        # posts of `size` words that have the word at `place` (rarest first), among their first
        needs: dict = {}    # size -> {size of another post: the words they must share}
        found = {}
        for ordinal, ids in enumerate(seen.words):
            ranks = sorted(rank[i] for i in ids)
            size = len(ranks)
            need = needs.get(size)
            if need is None:
                need = needs[size] = _needs(size, least)
            result, shared = None, []
            for platform in seen.platforms[ordinal]:
                exact = exacts.setdefault(platform, {})
                index = indexes.setdefault(platform, {})
                other = exact.get(seen.digests[ordinal])
                how = "repeats"
                if other is None:
                    other, how = _near(ids, ranks, need, index, seen.words), "nearly repeats"
                if other is not None:
                    result = result or (other, how)
                    shared.append(platform)
                exact.setdefault(seen.digests[ordinal], ordinal)
                # (a post nearly the same shares at least `similarity` of this one's words)
                for place in range(size - _at_least(least * size) + 1):
                    places = index.setdefault(ranks[place], {}).setdefault(size, [])
                    while len(places) <= place:
                        places.append(array("I"))
                    places[place].append(ordinal)
            if result:
                found[ordinal] = (*result, shared)
        return found

    def _match(self, post, where, how, platforms) -> Match:
        text = post.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        path, line, note = where
        other = f"{path}:{line}" if path != post.draft.path else f"line {line}"
        if note:
            other += f" ({note})"
        return Match(post.start + start, post.start + end,
                     {"other": other, "how": how, "on": ", ".join(platforms)})


def _near(ids, ranks, need, index, words):
    """The first earlier post in `index` with at least as many words in common with this
    one (`ids`, ranked `ranks`) as `need` says for its size, or None. When posts of `m`
    and `n` words must share `k`, one of the first m - k + 1 of one, rarest first, is
    among the first n - k + 1 of the other."""
    size, met = len(ranks), set()
    for place, word in enumerate(ranks):
        sizes = index.get(word)
        if sizes is None:
            continue
        for other, places in sizes.items():
            common = need.get(other)
            if common is not None and place <= size - common:
                for posts in places[:other - common + 1]:
                    met.update(posts)
        if place >= size - min(need.values(), default=size):
            break
    if not met:
        return None
    ordinals = sorted(met)
    others = [words[ordinal] for ordinal in ordinals]
    # (in C, stopping at the first: share enough words for their sizes)
    enough = map(operator.ge, map(len, map(set(ids).intersection, others)),
                 map(need.__getitem__, map(len, others)))
    return next(itertools.compress(ordinals, enough), None)


def _needs(size: int, least: float) -> dict:
    """Size of another post -> how many words a post of `size` words must share with it
    for a Jaccard index of at least `least` (as common / (size + other - common) counts
    it), for each size that can get there."""
    out = {}
    for other in range(math.ceil(least * size - 1e-9), math.floor(size / least + 1e-9) + 1):
        common = max(1, math.floor(least / (1 + least) * (size + other)) - 1)
        while common <= min(size, other) and common / (size + other - common) < least:
            common += 1
        if common <= min(size, other):
            out[other] = common
    return out


def _at_least(share: float) -> int:
    """The least whole number of words not below `share` (rounded down a hair, so that a
    float's error never asks one word too many)."""
    return max(1, math.ceil(share - 1e-9))


@hookimpl
def postlint_rule_types():
    return [DuplicatePost]
