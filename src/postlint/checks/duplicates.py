"""`duplicate-post`: the same or nearly the same post twice in one run, for one platform.

Each post's prose (URLs, code and markup left out) is reduced to its words, case
folded. Two posts are the same when those words are, and nearly the same when their
sets of words overlap by `similarity` or more (Jaccard index). Candidates are found with
MinHash signatures in bands (locality-sensitive hashing), so the cost grows with the
number of posts, not with its square; each candidate pair is then measured exactly.
Posts of fewer than `min_words` words are not compared ("Thank you!" may well repeat).
Drafts without a platform (front matter, `--platform` or config) are not compared.
The later post is flagged and told which one it repeats.
"""

from __future__ import annotations

import zlib

import regex

from ..hookspecs import hookimpl
from ..text.platforms import targets
from .base import ANY, Check, Match, Option

_WORDS = regex.compile(r"[\p{L}\p{N}_'’]+")
_SEEDS = tuple(range(1, 17))  # 16 hash functions, in 8 bands of 2
_BAND = 2


def _signature(words: frozenset) -> tuple:
    hashes = [zlib.crc32(w.encode("utf-8")) for w in words]
    return tuple(min((h * (2 * seed + 1) + seed) & 0xFFFFFFFF for h in hashes)
                 for seed in _SEEDS)


class DuplicatePost(Check):
    """A post whose words repeat an earlier post of the run for the same platform."""

    languages = ANY  # reads no words of one language

    type_name = "duplicate-post"
    scope = "run"
    options = {
        "min_words": Option("int", 5, help="shorter posts are not compared"),
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
        seen: dict = {}     # (platform, exact words) -> (draft path, line, post index)
        bands: dict = {}    # (platform, band, values) -> [(words, where)]
        for draft in drafts:
            platforms = [p.name for p in targets(draft, self.context)]
            if not platforms:  # not known to go to the same place as another
                continue
            for post in draft.posts:
                words = [w.casefold() for w in _WORDS.findall(post.prose)]
                if len(words) < self.opts["min_words"]:
                    continue
                found = self._earlier(platforms, words, seen, bands, draft, post)
                if found:
                    yield draft, self._match(post, *found)

    def _earlier(self, platforms, words, seen, bands, draft, post):
        """(where, how, platforms) of the earlier post this one repeats, or None; notes
        this post for the ones after it."""
        exact, unique = " ".join(words), frozenset(words)
        signature = _signature(unique)
        line = draft.position(post.start + len(post.text) - len(post.text.lstrip()))[0]
        # a record (a calendar row, an export's post) is named by its note too
        where = (draft.path, line, post.index, getattr(draft, "note", None))
        result, shared = None, []
        for platform in platforms:
            other = seen.get((platform, exact))
            how = "repeats"
            if other is None:
                other, how = self._near(platform, unique, signature, bands), "nearly repeats"
            if other is not None:
                result = result or (other, how)
                shared.append(platform)
            seen.setdefault((platform, exact), where)
            for band in range(0, len(_SEEDS), _BAND):
                bands.setdefault((platform, band, signature[band:band + _BAND]), []).append(
                    (unique, where))
        return (*result, shared) if result else None

    def _near(self, platform, unique, signature, bands):
        least, size, tried = self.opts["similarity"], len(unique), set()
        for band in range(0, len(_SEEDS), _BAND):
            for words, where in bands.get((platform, band, signature[band:band + _BAND]), ()):
                other = len(words)
                # (the Jaccard index is at most the smaller set's share of the larger; a
                # post met in an earlier band was measured there)
                if min(size, other) / max(size, other) < least or id(words) in tried:
                    continue
                tried.add(id(words))
                common = len(unique & words)
                if common / (size + other - common) >= least:
                    return where
        return None

    def _match(self, post, where, how, platforms) -> Match:
        text = post.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        path, line, index, note = where
        other = f"{path}:{line}" if path != post.draft.path else f"line {line}"
        if note:
            other += f" ({note})"
        return Match(post.start + start, post.start + end,
                     {"other": other, "how": how, "on": ", ".join(platforms)})


@hookimpl
def postlint_rule_types():
    return [DuplicatePost]
