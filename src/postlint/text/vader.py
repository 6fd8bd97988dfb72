"""VADER (vaderSentiment 3.3) with the same scores at less cost.

VADER lower-cases a text's whole word list again for each sentiment word it weighs
(`_negation_check`, `_special_idioms_check`), though both read only the three words
before and the two after it, and tests a word for negation against each of its
negations in turn; and it rebuilds a text character by character to spell out its
emoji. Here both checks read only that window of words, negations are a set, and a text
without emoji is not rebuilt; its lexicon and emoji descriptions, which it parses from its
files each time (a third of a short run's scoring), are kept between runs. A test
compares the scores with the package's own on the shared corpus.
"""

from __future__ import annotations

import os

import vaderSentiment.vaderSentiment as _module
from vaderSentiment.vaderSentiment import (BOOSTER_DICT, N_SCALAR, NEGATE,
                                           SentimentIntensityAnalyzer, SentiText)

from ..load import cache

__all__ = ["Analyzer", "BOOSTER_DICT"]

LEXICON_FILES = ("vader_lexicon.txt", "emoji_utf8_lexicon.txt")  # (in VADER's folder)

_Plain = SentimentIntensityAnalyzer
_NEGATE = frozenset(NEGATE)


class Analyzer(SentimentIntensityAnalyzer):
    """`SentimentIntensityAnalyzer`, scoring as it does."""

    def __init__(self):
        kept = _kept().get("lexicons")
        if _sound(kept):
            self.lexicon, self.emojis = dict(kept[0]), dict(kept[1])
        else:
            super().__init__()
            _kept().put("lexicons", [dict(self.lexicon), dict(self.emojis)])
        # (a text is read one character at a time: longer keys never match)
        self.emoji_chars = frozenset(key for key in self.emojis if len(key) == 1)

    def spelled(self, text: str) -> str:
        """`text` with each emoji replaced by its description, spaced as VADER does: a
        space before it unless the text or a space comes first, none after it."""
        if self.emoji_chars.isdisjoint(text):
            return text.strip()
        out, space = [], True
        for char in text:
            if char in self.emoji_chars:
                out.append(self.emojis[char] if space else " " + self.emojis[char])
                space = False
            else:
                out.append(char)
                space = char == " "
        return "".join(out).strip()

    def polarity_scores(self, text: str) -> dict:
        text = self.spelled(text)
        sentitext = SentiText(text)
        words = sentitext.words_and_emoticons
        sentiments = []
        for i, item in enumerate(words):
            lower = item.lower()
            if lower in BOOSTER_DICT or (lower == "kind" and i < len(words) - 1
                                         and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence, words, start_i, i):
        """VADER's reading of the `start_i + 1` words before word `i`: "never so" and
        "never this" strengthen it, "without doubt" leaves it, a negation before it
        (`negated`: one of NEGATE or a word with "n't") turns it over."""
        before = [word.lower() for word in words[i - start_i - 1:i]]  # (in order)
        far = before[0]
        if start_i == 1 and far == "never" and before[1] in ("so", "this") \
                or start_i == 2 and (far == "never" and before[1] in ("so", "this")
                                     or before[2] in ("so", "this")):
            return valence * 1.25
        if start_i and far == "without" and "doubt" in before[1:]:
            return valence
        return valence * N_SCALAR if far in _NEGATE or "n't" in far else valence

    @staticmethod
    def _special_idioms_check(valence, words, i):
        # (called only for i >= 3: the window always holds the three words before)
        return _Plain._special_idioms_check(valence, words[i - 3:i + 3], 3)


_store: cache.Store | None = None


def _kept() -> cache.Store:
    """VADER's lexicon and emoji descriptions as it reads them; stamped with its module
    and this one and the sizes of its lexicon files."""
    global _store
    if _store is None:
        folder = os.path.dirname(_module.__file__)
        _store = cache.Store("vader-lexicon", " ".join([
            cache.code_stamp(__file__, _module.__file__),
            cache.data_stamp(*(os.path.join(folder, name) for name in LEXICON_FILES))]),
            limit=10)
    return _store


def _sound(kept) -> bool:
    return (isinstance(kept, list) and len(kept) == 2
            and isinstance(kept[0], dict) and isinstance(kept[1], dict)
            and all(type(v) is float for v in kept[0].values())
            and all(type(v) is str for v in kept[1].values()))
