"""Built-in text functions for `metric` rules. Heavy libraries load on first use only."""

from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..text import entities, syllables


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
    return text if text.isascii() else _NOT_ASCII.sub(_kept, text)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _kept(run) -> str:
    """Of a run of characters beyond ASCII, the letters, spaces and typographic quotes
    and dashes (`_plain` keeps every ASCII character)."""
    return "".join(ch for ch in run.group() if ch.isalpha() or ch.isspace() or ch in "’‘“”–—…")


def flesch_kincaid_grade(text: str) -> float:
    textstat = syllables.textstat()
    return max(0.0, textstat.flesch_kincaid_grade(_plain(text)))


def coleman_liau_index(text: str) -> float:
    textstat = syllables.textstat()
    return max(0.0, textstat.coleman_liau_index(_plain(text)))


def automated_readability_index(text: str) -> float:
    textstat = syllables.textstat()
    return max(0.0, textstat.automated_readability_index(_plain(text)))


_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
PIECE_WORDS = 60  # VADER's cost grows with the square of the number of words it scores


def sentiment(text: str) -> float:
    """VADER compound score in [-1, 1]: below about -0.5 reads as clearly negative.

    A post of up to PIECE_WORDS words is scored whole. A longer text is scored in pieces
    of whole sentences (long sentences cut) of up to PIECE_WORDS words, averaged by
    length, as VADER's authors suggest for longer texts; the cost stays linear.
    """
    pieces = _pieces(text)
    if len(pieces) == 1:
        return _vader().polarity_scores(text)["compound"]
    scores = [(_vader().polarity_scores(p)["compound"], len(p)) for p in pieces]
    return sum(score * size for score, size in scores) / sum(size for _, size in scores)


def _pieces(text: str) -> list[str]:
    """Runs of whole sentences of at most PIECE_WORDS words (longer sentences cut)."""
    pieces, words = [], []
    for sentence in _SENTENCE_END.split(text):
        found = sentence.split()
        if words and len(words) + len(found) > PIECE_WORDS:
            pieces.append(" ".join(words))
            words = []
        words += found
        if len(words) > PIECE_WORDS:
            cut = len(words) - len(words) % PIECE_WORDS or len(words) - PIECE_WORDS
            pieces += [" ".join(words[i:i + PIECE_WORDS]) for i in range(0, cut, PIECE_WORDS)]
            words = words[cut:]
    if words or not pieces:
        pieces.append(" ".join(words))
    return pieces


_analyzer = None


def _vader():
    global _analyzer
    if _analyzer is None:
        from ..text.vader import Analyzer
        _analyzer = Analyzer()
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
