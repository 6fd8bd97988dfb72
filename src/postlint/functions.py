"""Built-in text functions for `metric` rules. Heavy libraries load on first use only."""

from __future__ import annotations

from . import entities
from .hookspecs import hookimpl


def _plain(text: str) -> str:
    """Prose without URLs, hashtags, mentions, cashtags (as `entities` finds them) and
    emoji (for readability)."""
    found = entities.urls(text) + entities.tags(text)
    if found:
        found.sort(key=lambda e: e.start)
        parts, done = [], 0
        for e in found:
            if e.start >= done:
                parts += [text[done:e.start], " "]
                done = e.end
        text = "".join(parts) + text[done:]
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


def sentiment(text: str) -> float:
    """VADER compound score in [-1, 1]: below about -0.5 reads as clearly negative."""
    return _vader().polarity_scores(text)["compound"]


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
