"""Built-in text functions for `metric` rules. Heavy libraries load on first use only."""

from __future__ import annotations

import re

from .hookspecs import hookimpl

_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|[#@$]\w+")


def _plain(text: str) -> str:
    """Prose without URLs, hashtags, mentions, cashtags and emoji (for readability)."""
    text = _NOT_WORDS.sub(" ", text)
    return "".join(ch for ch in text if ch.isascii() or ch.isalpha() or ch.isspace()
                   or ch in "’‘“”–—…")


def flesch_kincaid_grade(text: str) -> float:
    import textstat
    return max(0.0, textstat.flesch_kincaid_grade(_plain(text)))


def coleman_liau_index(text: str) -> float:
    import textstat
    return max(0.0, textstat.coleman_liau_index(_plain(text)))


def automated_readability_index(text: str) -> float:
    import textstat
    return max(0.0, textstat.automated_readability_index(_plain(text)))


_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
WHOLE_TEXT_LIMIT = 2000  # characters; VADER's cost grows with the square of the length


def sentiment(text: str) -> float:
    """VADER compound score in [-1, 1]: below about -0.5 reads as clearly negative.

    A short post is scored whole. A longer text is scored in pieces of whole sentences of
    up to WHOLE_TEXT_LIMIT characters, averaged by length (VADER's authors suggest sentence
    scores for longer texts), which keeps the cost linear.
    """
    if len(text) <= WHOLE_TEXT_LIMIT:
        return _vader().polarity_scores(text)["compound"]
    total = weight = 0.0
    for piece in _pieces(text):
        if piece.strip():
            total += _vader().polarity_scores(piece)["compound"] * len(piece)
            weight += len(piece)
    return total / weight if weight else 0.0


def _pieces(text: str):
    """Runs of whole sentences of at most WHOLE_TEXT_LIMIT characters (longer ones cut)."""
    piece = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > WHOLE_TEXT_LIMIT:
            yield sentence[:WHOLE_TEXT_LIMIT]
            sentence = sentence[WHOLE_TEXT_LIMIT:]
        if len(piece) + len(sentence) + 1 > WHOLE_TEXT_LIMIT:
            yield piece
            piece = ""
        piece = f"{piece} {sentence}" if piece else sentence
    yield piece


_analyzer = None


def _vader():
    global _analyzer
    if _analyzer is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _analyzer = SentimentIntensityAnalyzer()
    return _analyzer


def word_count(text: str) -> float:
    return float(len(_plain(text).split()))


@hookimpl
def postlint_functions():
    return {
        "flesch-kincaid-grade": flesch_kincaid_grade,
        "coleman-liau-index": coleman_liau_index,
        "automated-readability-index": automated_readability_index,
        "sentiment": sentiment,
        "word-count": word_count,
    }
