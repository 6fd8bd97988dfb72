r"""`sentiment`: a post that reads as clearly negative, by VADER's compound score with
the rule's own adjustments to VADER's lexicon.

    options:
      min: -0.65            # flag a compound score below this
      min_dense: -0.45      # ... or below this when negative words are a large share
      dense: 0.2            # ... the share (VADER's `neg`, 0-1) that counts as large
      min_words: 2
      lexicon: {slay: 2.2, idiots: -2.3}      # valences (-4..4) added to VADER's or replacing them
      read_as: {'a\s+beast\s+of\s+a': great}  # regex -> text to score in its place
      names: true           # leave out the negative words of names (Death Valley)
      advice: ['don''t\s+click']  # a post with such advice is a warning: its
      dangers: [scam, fake]        # `dangers` (what it warns of) are not scored

`read_as` is how slang VADER misreads is scored for what it means ("this release is
sick" reads as praise; "no idea" carries no sentiment). A word stretched for emphasis
("sooo", "LAAAME") is scored as the lexicon word it stretches. Posts of more than
`functions.PIECE_WORDS` words are scored in pieces of whole sentences, as `sentiment`
does, so the cost stays linear.

VADER's score can be negative only if the text holds a word of negative valence, a
negation (`not`, `n't`, `least`, ...), an idiom of negative valence, or an emoji whose
description holds one of those: a post without any is not scored when the thresholds
are negative (most posts, and VADER is slow).
"""

from __future__ import annotations

import importlib.util
import json
import os
import string
from functools import cached_property

import regex

from .base import Check, Match, Option
from .functions import _pieces
from ..hookspecs import hookimpl
from ..load import cache
from ..text.words import (FAST_TEXT, TRY_FROM, Blocks, Sieve, Starts, known_first, known_needs,
                          replace_at)

_STRETCH = regex.compile(r"(\p{L})\1{2,}")
_EDGE = "\"'.,!?;:()[]{}…“”‘’"


# capitalised words, one or a run (Dick Van Dyke, Bank of America), and whether a plain
# lower-case word comes before them in the sentence
# (a name may stand in quotes, 'Killer Queen'; an apostrophe inside a word is not one)
_CAPITALISED = regex.compile(r"(?<![\w@#$-])(?<![\w'’]['’])\p{Lu}\p{Ll}+"
                             r"(?:\s+(?:of\s+|the\s+)?\p{Lu}\p{Ll}+)*(?![\w-])(?!['’]\w)")
_AFTER_WORD = regex.compile(r"(?:^|[\s(\"“])\p{Ll}+\s+['‘\"“]?$")


class Scorer:
    """VADER with a lexicon of its own; one per set of adjustments (compiled once).
    VADER itself is loaded on first use: `may_be_negative` needs only its negative
    words, which are kept between runs (`cache`)."""

    def __init__(self, lexicon: dict, read_as: dict):
        self.lexicon = {str(k).casefold(): float(v) for k, v in lexicon.items()}
        self.read_as = [(regex.compile(rf"(?<!\w)(?:{pattern})(?!\w)", regex.IGNORECASE | regex.V0),
                         str(text)) for pattern, text in read_as.items()]
        # each pattern is tried only on a text that holds what it needs, and there only
        # at the words (or symbols) its matches can start with
        self.read_sieve = Sieve([known_needs(str(pattern)) for pattern in read_as])
        self.read_starts = [None if first is None else Starts(first)
                            for first in map(known_first, map(str, read_as))]
        key = json.dumps(sorted(self.lexicon.items()))
        kept = _negatives().get(key)
        if not (isinstance(kept, list) and len(kept) == 2):
            words = self._negative_words()
            kept = [sorted(words), sorted(self._negative_emoji(words))]
            _negatives().put(key, kept)
        self.negative, self.negative_emoji = frozenset(kept[0]), frozenset(kept[1])

    @cached_property
    def vader(self):
        from ..text.vader import Analyzer
        vader = Analyzer()
        vader.lexicon.update(self.lexicon)
        return vader

    @cached_property
    def known(self):
        from vaderSentiment.vaderSentiment import BOOSTER_DICT
        return BOOSTER_DICT.keys() | self.vader.lexicon.keys()

    def _negative_words(self) -> set:
        """The words (lower case) without which no text scores below 0."""
        from vaderSentiment.vaderSentiment import NEGATE, SPECIAL_CASES

        words = {word for word, valence in self.vader.lexicon.items() if valence < 0}
        words |= {word.lower() for word in NEGATE} | {"least", "no"}
        for idiom, valence in SPECIAL_CASES.items():
            if valence < 0:
                words |= set(idiom.split())
        return words

    def _negative_emoji(self, negative: set) -> set:
        """The emoji whose description holds one of the `negative` words."""
        return {char for char, description in self.vader.emojis.items()
                if not negative.isdisjoint(description.lower().split())}

    def may_be_negative(self, text: str) -> bool:
        """Whether VADER may score `text` (after `read_as`) below 0."""
        if not text.isascii() and not self.negative_emoji.isdisjoint(text):
            return True
        lower = text.lower()  # (a stretch or "n't" never spans the space between words)
        if "n't" in lower or _STRETCH.search(lower):
            return True
        negative, words = self.negative, lower.split()
        return not (negative.isdisjoint(words)
                    and negative.isdisjoint([word.strip(string.punctuation) for word in words]))

    def read(self, text: str) -> str:
        """`text` as it is scored: `read_as` applied (to a long text block by block)."""
        if not self.read_as:
            return text
        if len(text) <= FAST_TEXT:
            return self._read(text)
        bounds = Blocks.of(text).bounds
        return "".join(self._read(text[start:end], True) for start, end in zip(bounds, bounds[1:]))

    def _read(self, text: str, alone: bool = False) -> str:
        """`text` with the `read_as` patterns applied in turn, those it can hold."""
        met = self.read_sieve.met
        todo, i = met(text, alone), 0
        # (a short text, or a block of a long one, costs less searched than placed)
        placed = not alone and len(text) >= TRY_FROM
        while i < len(todo):
            pattern, replacement = self.read_as[todo[i]]
            starts = self.read_starts[todo[i]]
            changed = replace_at(pattern, replacement, text, starts.places(text)) \
                if placed and starts is not None else pattern.sub(replacement, text)
            if changed != text:  # (what it put in may meet a later pattern's needs)
                text = changed
                todo = todo[:i + 1] + [later for later in met(text, alone) if later > todo[i]]
            i += 1
        return text

    def unnamed(self, text: str) -> str:
        """`text` with the negative words of names left out (Death Valley, I met Bad
        Bunny): the `names` option."""
        return text if text.islower() else _CAPITALISED.sub(self._unnamed, text)

    def _unnamed(self, found) -> str:
        """A name's words with the negative ones left out: a name inside a sentence
        (after a lower-case word), or a run of two or more that starts one (its first
        word is scored: "Terrible Customer Service"). A run of words that all carry a
        sentiment is not a name ("Damn Damn Damn")."""
        words, lexicon = found.group().split(), self.vader.lexicon
        if all(word.lower() in lexicon for word in words):
            return found.group()
        inside = _AFTER_WORD.search(found.string, max(0, found.start() - 40), found.start())
        if inside is None and len(words) < 2:
            return found.group()
        first = 0 if inside else 1
        return " ".join(word if i < first or lexicon.get(word.lower(), 0) >= 0 else "Name"
                        for i, word in enumerate(words))

    def scores(self, text: str) -> dict:
        """VADER's `compound` and `neg` for `text` (after `read`), weighted by length
        over its pieces."""
        text = (" ".join(self._unstretch(word) for word in text.split())
                if _STRETCH.search(text) else " ".join(text.split()))  # (no word to unstretch)
        pieces = _pieces(text)
        found = [(self.vader.polarity_scores(p), len(p) or 1) for p in pieces]
        total = sum(size for _, size in found)
        return {key: sum(s[key] * size for s, size in found) / total
                for key in ("compound", "neg")}

    def heaviest(self, original: str, scored: str, count: int = 3) -> list[str]:
        """Up to `count` words of `original` that weigh most negative in `scored` (the
        text as scored: a word `read_as` or `names` took out is not among them), as the
        post writes them, most negative first."""
        lexicon, weights = self.vader.lexicon, {}
        for word in scored.split():
            core = self._unstretch(word.strip(_EDGE)).casefold()
            if lexicon.get(core, 0) < 0:
                weights[core] = lexicon[core]
        found: dict[str, tuple] = {}
        for at, word in enumerate(original.split()):
            written = word.strip(_EDGE)
            core = self._unstretch(written).casefold()
            if core in weights and core not in found:
                found[core] = (weights[core], at, written)
        return [written for _, _, written in sorted(found.values())[:count]]

    def _unstretch(self, word: str) -> str:
        """`word` with a letter repeated three or more times cut to two, then to one,
        when that makes a word VADER knows ("sooo" -> "so", "LAAAME" -> "LAME")."""
        core = word.strip(_EDGE)
        if not _STRETCH.search(core) or core.casefold() in self.known:
            return word
        for keep in (2, 1):
            short = _STRETCH.sub(lambda m: m.group(1) * keep, core)
            if short.casefold() in self.known:
                return word.replace(core, short)
        return word


_store: cache.Store | None = None


def _negatives() -> cache.Store:
    """Each lexicon's negative words and emoji; stamped with this module, VADER's module
    and the sizes of its lexicon files (found, not imported; hashing those would cost
    more than they save)."""
    global _store
    if _store is None:
        spec = importlib.util.find_spec("vaderSentiment")
        folder = os.path.dirname(getattr(spec, "origin", None) or "")
        _store = cache.Store("vader", " ".join([
            cache.code_stamp(__file__, os.path.join(folder, "vaderSentiment.py")),
            cache.data_stamp(*(os.path.join(folder, name)
                               for name in ("vader_lexicon.txt", "emoji_utf8_lexicon.txt")))]),
            limit=100)
    return _store


_SCORERS: dict = {}


def scorer(lexicon: dict, read_as: dict) -> Scorer:
    key = (tuple(sorted((str(k), float(v)) for k, v in lexicon.items())),
           tuple(read_as.items()))
    if key not in _SCORERS:
        _SCORERS[key] = Scorer(lexicon, read_as)
    return _SCORERS[key]


class Sentiment(Check):
    """A post whose VADER compound score is below `min`, or below `min_dense` when
    negative words weigh at least `dense` of it."""

    type_name = "sentiment"
    values = ("value", "min", "min_dense", "negative_share", "words")
    options = {
        "min": Option("number", -0.65, low=-1, high=1, help="flag a compound score below this"),
        "min_dense": Option("number", None, low=-1, high=1,
                            help="flag below this when the negative share is at least `dense`"),
        "dense": Option("number", 0.2, low=0, high=1,
                        help="VADER's negative share (0-1) that makes `min_dense` apply"),
        "min_words": Option("int", 2, low=0, help="skip posts with fewer words"),
        "lexicon": Option("mapping", {}, help="word -> VADER valence (-4 to 4), added or replacing"),
        "read_as": Option("mapping", {}, help="regex -> text scored in its place"),
        "names": Option("bool", False, help="leave out the negative words of names: "
                        "capitalised inside a sentence or in a run (Death Valley)"),
        "advice": Option("list", [], help="regexes of advice that protects the reader "
                         "(don't click the link): a post with one is a warning"),
        "dangers": Option("list", [], help="words a warning names the danger by (scam, "
                          "fake): not scored in a post with `advice`"),
    }

    @classmethod
    def problems(cls, options):
        for word, value in (options.get("lexicon") or {}).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -4 <= value <= 4:
                yield "lexicon", f"{word}: expected a valence from -4 to 4, got {value!r}"
        for pattern in [*(options.get("read_as") or {}), *(options.get("advice") or [])]:
            try:
                regex.compile(str(pattern))
            except regex.error as error:
                yield "read_as", f"{pattern}: {error}"

    def __init__(self, options, context):
        super().__init__(options, context)
        self.scorer = None
        advice = [f"(?:{pattern})" for pattern in options["advice"] or []]
        self.advice = regex.compile(rf"(?<!\w){'|'.join(advice)}(?!\w)", regex.IGNORECASE) \
            if advice else None
        dangers = sorted({regex.escape(str(w)) for w in options["dangers"] or []},
                         key=lambda w: (-len(w), w))  # (the same pattern in every process)
        self.dangers = regex.compile(rf"(?<![\w#@-])(?:{'|'.join(dangers)})(?![\w-])",
                                     regex.IGNORECASE) if dangers else None
        # what a text must hold for each to match (most posts name no danger: neither
        # is searched then)
        self.warning_needs = (known_needs("|".join(dangers)) if dangers else None,
                              known_needs("|".join(advice)) if advice else None)

    def check(self, post):
        text = post.prose
        if len(text.split()) < self.opts["min_words"]:
            return
        if self.scorer is None:
            self.scorer = scorer(self.opts["lexicon"] or {}, self.opts["read_as"] or {})
        low, dense_low = self.opts["min"], self.opts["min_dense"]
        read = self.scorer.read(text)
        if low <= 0 and (dense_low is None or dense_low <= 0) \
                and not self.scorer.may_be_negative(read):
            return  # (its score is 0 or more: never below the thresholds)
        scored = self.scorer.unnamed(read) if self.opts["names"] else read
        if self.dangers is not None and self.advice is not None \
                and self._may_warn(text, scored) and self.advice.search(text) is not None:
            scored = self.dangers.sub("thing", scored)  # (a warning names the danger)
        found = self.scorer.scores(scored)
        value = found["compound"]
        if value < low or (dense_low is not None and value < dense_low
                           and found["neg"] >= self.opts["dense"]):
            start = len(text) - len(text.lstrip())
            heaviest = self.scorer.heaviest(text, scored)
            yield Match(start, len(text.rstrip()),
                        {"value": round(value, 2), "min": low, "min_dense": dense_low,
                         "negative_share": round(found["neg"], 2),
                         "words": "; most negative: " + ", ".join(f"'{w}'" for w in heaviest)
                         if heaviest else ""})

    def _may_warn(self, text: str, scored: str) -> bool:
        """Whether `text` may hold advice and `scored` name a danger (`warning_needs`;
        a long text is searched at once: it holds most words)."""
        dangers, advice = self.warning_needs
        return len(text) > FAST_TEXT or (advice is None or advice.met_by(text)) and \
            (dangers is None or dangers.met_by(scored))


@hookimpl
def postlint_rule_types():
    return [Sentiment]
