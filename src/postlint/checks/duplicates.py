"""`duplicate-post`: the same or nearly the same post twice in one run, for one platform.

Each post's prose (URLs, code and markup left out) is reduced to its words, case
folded. Two posts are the same when those words are, and nearly the same when their
sets of words overlap by `similarity` or more (Jaccard index). Candidates are found with
MinHash signatures in bands (locality-sensitive hashing), so the cost grows with the
number of posts, not with its square; each candidate pair is then measured exactly.
Posts of fewer than `min_words` words are not compared ("Thank you!" may well repeat).
Drafts without a platform (front matter, `--platform` or config) are not compared.
The later post is flagged and told which one it repeats. For each post the run keeps
a digest of its words, their ids in one vocabulary of the run, its band entries and
where it is: about 0.55 kB a post.
"""

from __future__ import annotations

import zlib
from array import array
from hashlib import blake2b

import regex

from ..hookspecs import hookimpl
from ..text.platforms import targets
from .base import ANY, Check, Match, Option

_WORDS = regex.compile(r"[\p{L}\p{N}_'’]+")
_SEEDS = tuple(range(1, 17))  # 16 hash functions, in 8 bands of 2
_BAND = 2


def _signature(words: set) -> tuple:
    hashes = [zlib.crc32(w.encode("utf-8")) for w in words]
    return tuple(min((h * (2 * seed + 1) + seed) & 0xFFFFFFFF for h in hashes)
                 for seed in _SEEDS)


def _band_keys(signature: tuple) -> list:
    """One int per band, packing the band's first index and its values."""
    keys = []
    for band in range(0, len(_SEEDS), _BAND):
        key = band
        for value in signature[band:band + _BAND]:
            key = key << 32 | value
        keys.append(key)
    return keys


class _Seen:
    """What a run keeps of the posts met so far; a post is named by its ordinal."""

    def __init__(self):
        self.ids: dict = {}     # word -> id, for the whole run
        self.words: list = []   # ordinal -> its distinct word ids, sorted, in an array
        self.wheres: list = []  # ordinal -> (draft path, line, note)
        self.exact: dict = {}   # platform -> {digest of the exact words: ordinal}
        self.bands: dict = {}   # platform -> {band key: ordinal, or [ordinals] in order}


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
        least = options.get("min_words", 5)
        if isinstance(least, int) and not isinstance(least, bool) and least < 1:
            yield "min_words", f"expected 1 or more (a post without words is not compared), got {least}"

    def relevant(self, draft):
        """Only drafts placed on a platform, with a post long enough to compare."""
        return bool(targets(draft, self.context)) and any(
            len(_WORDS.findall(post.prose)) >= self.opts["min_words"] for post in draft.posts)

    def check_run(self, drafts):
        seen = _Seen()
        for draft in drafts:
            platforms = [p.name for p in targets(draft, self.context)]
            if not platforms:  # not known to go to the same place as another
                continue
            for post in draft.posts:
                words = [w.casefold() for w in _WORDS.findall(post.prose)]
                if len(words) < self.opts["min_words"]:
                    continue
                found = self._earlier(platforms, words, seen, draft, post)
                if found:
                    yield draft, self._match(post, *found)

    def _earlier(self, platforms, words, seen, draft, post):
        """(where, how, platforms) of the earlier post this one repeats, or None; notes
        this post for the ones after it."""
        unique = set(words)
        signature = _signature(unique)
        keys = _band_keys(signature)
        exact = blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
        ids = {seen.ids.setdefault(w, len(seen.ids)) for w in unique}
        line = draft.position(post.start + len(post.text) - len(post.text.lstrip()))[0]
        ordinal = len(seen.wheres)
        # a record (a calendar row, an export's post) is named by its note too
        seen.wheres.append((draft.path, line, getattr(draft, "note", None)))
        seen.words.append(array("I", sorted(ids)))
        result, shared = None, []
        for platform in platforms:
            exacts = seen.exact.setdefault(platform, {})
            buckets = seen.bands.setdefault(platform, {})
            other = exacts.get(exact)
            how = "repeats"
            if other is None:
                other, how = self._near(ids, keys, buckets, seen.words), "nearly repeats"
            if other is not None:
                result = result or (seen.wheres[other], how)
                shared.append(platform)
            exacts.setdefault(exact, ordinal)
            for key in keys:
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = ordinal
                elif type(bucket) is int:
                    buckets[key] = [bucket, ordinal]
                else:
                    bucket.append(ordinal)
        return (*result, shared) if result else None

    def _near(self, ids, keys, buckets, words):
        """The ordinal of the first earlier post met in `buckets`, band by band, whose
        word ids overlap `ids` by `similarity` or more, or None."""
        least, size, tried = self.opts["similarity"], len(ids), set()
        for key in keys:
            bucket = buckets.get(key, ())
            for ordinal in (bucket,) if type(bucket) is int else bucket:
                if ordinal in tried:  # (a post met in an earlier band was measured there)
                    continue
                tried.add(ordinal)
                other = len(words[ordinal])
                # (the Jaccard index is at most the smaller set's share of the larger)
                if (other / size if other < size else size / other) < least:
                    continue
                common = len(ids.intersection(words[ordinal]))
                if common / (size + other - common) >= least:
                    return ordinal
        return None

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


@hookimpl
def postlint_rule_types():
    return [DuplicatePost]
