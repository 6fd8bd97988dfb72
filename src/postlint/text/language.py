"""The language of a post: front matter `lang:`, else the config's `lang:`, else
detected, sentence by sentence where a post mixes languages.

Tags are BCP 47 (`de`, `es-MX`, `zh-Hant`); rules know languages by the primary subtag
(`es`). Detection costs nothing for the usual post: a sentence of at least
MIN_WORDS words of which at least ENGLISH_SHARE are among the 3,000 common English words
that textstat ships (`easy_words.txt`) is English, and a short one follows the rest of
the post; a post with CLEARLY_ENGLISH of its words common English ones is English whole,
and so is a sentence with ALL_ENGLISH of its words among simplemma's English word forms
(rarer English words: "Cold plunges reverse aging"). Only sentences that look otherwise
go to pycld2 (Compact Language Detector 2, chosen over py3langid, langdetect and
simplemma by `scripts/compare_langdetect.py`: as accurate on short posts, and 0.2 s to a
first answer against 2 s or more), imported on first need, and given the sentences' words
alone (a handle or a link is no language's). A sentence too short for it to call is told
by its function words (`rules/data/function-words.yaml`: "Este suplemento cura la
diabetes en un mes" holds five Spanish ones and no English one), when one language has
clearly the most; else it counts as English.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from array import array
from bisect import bisect_left
from functools import lru_cache
from hashlib import blake2b
from pathlib import Path
from typing import Iterable

from ..load import builtin, cache, yamlfile
from ..load.languages import primary
from .tokens import MENTION, URL, WORD, tokens_of

ENGLISH = "en"
MIN_WORDS = 4
ENGLISH_SHARE = 0.5
CLEARLY_ENGLISH = 0.75  # a post with this share of common English words is English
ALL_ENGLISH = 0.9  # a sentence with this share of English word forms is English
# pycld2 calls informal English ("ugh sorry girlie", "leafs gotta bring kadri up") Scots
READ_AS_ENGLISH = frozenset({"sco"})
FUNCTION_SHARE = 0.3  # of a text's words, the share a language's function words need
FUNCTION_MIN = 2  # ... and how many at least
FUNCTION_LEAD = 1.2  # ... and how much more they weigh than any other language's
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*|[.!?\n]+")


@lru_cache(maxsize=1)
def common_english() -> frozenset:
    """The Dale-Chall list of about 3,000 words familiar to most readers (from textstat)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations)), "resources", "en",
                "easy_words.txt")
    return frozenset(w.strip().lower() for w in path.read_text("utf-8").split())


@lru_cache(maxsize=1)
def english_forms() -> "Hashed":
    """simplemma's English dictionary (about 180,000 word forms: inflections and rarer
    words the common list lacks) as `Hashed`, kept between runs: loading the
    dictionary takes about 0.3 s, reading the kept hashes well under a millisecond."""
    store = cache.Store("english-forms", f"{cache.code_stamp(__file__)} "
                        f"{cache.data_stamp(_simplemma_data('en'))} {sys.byteorder}", limit=4)
    packed = store.get("en")
    if not isinstance(packed, bytes) or len(packed) % 8:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
        forms = DefaultDictionaryFactory().get_dictionary("en")
        packed = Hashed.pack(forms.keys())
        store.put("en", packed)
    return Hashed(packed)


def _simplemma_data(code: str) -> str:
    """The file of simplemma's dictionary for language `code` (found without importing
    simplemma, whose import takes about 0.1 s)."""
    spec = importlib.util.find_spec("simplemma")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return "?"
    return str(Path(next(iter(spec.submodule_search_locations)), "strategies",
                    "dictionaries", "data", f"{code}.plzma"))


class Hashed:
    """A set of words held as the sorted 64-bit hashes (blake2b) of their UTF-8, for
    `word in hashed`: read in one copy, where a set of 180,000 strings takes 70 ms to
    rebuild. (Two words share a hash with odds of about 1 in 10^14.)"""

    def __init__(self, packed: bytes):
        self._hashes = array("q")
        self._hashes.frombytes(packed)

    @staticmethod
    def _hash(word: str) -> int:
        return int.from_bytes(blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8)
                              .digest(), "little", signed=True)

    @classmethod
    def pack(cls, words: Iterable[str]) -> bytes:
        return array("q", sorted({cls._hash(w) for w in words})).tobytes()

    def __contains__(self, word: str) -> bool:
        found = self._hash(word)
        at = bisect_left(self._hashes, found)
        return at < len(self._hashes) and self._hashes[at] == found


def _looks_english(words: list[str]) -> bool | None:
    """True or False for enough words; None when too few to tell."""
    if len(words) < MIN_WORDS:
        return None
    common = common_english()
    return sum(w in common for w in words) >= ENGLISH_SHARE * len(words)


def _all_english(words: list[str]) -> bool:
    """Whether (nearly) every word is an English word form: a sentence of rarer English
    words ("Cold plunges reverse aging") that the common list does not hold, which
    pycld2 may take for Danish. (No sentence of the other languages' judged drafts comes
    near: their words are at most three quarters English forms.)"""
    try:
        forms = english_forms()
    except (ImportError, ValueError, KeyError, OSError):  # pragma: no cover - damaged install
        return False
    return sum(w in forms for w in words) >= ALL_ENGLISH * len(words)


def _unsure_parts(text: str, tokens, spans: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """The text of `spans` (sorted) without the handles and links in them (no language's
    words, which make pycld2 unsure of a short sentence), and their words' norms; each
    span's tokens found by bisection, so a long text is walked once."""
    pieces, words = [], []
    starts = tokens.starts
    for s, e in spans:
        at, i = s, bisect_left(starts, s)
        while i < len(starts) and starts[i] < e:
            kind = tokens.kinds[i]
            if kind is MENTION or kind is URL:
                pieces.append(text[at:starts[i]])
                at = tokens.ends[i]
            elif kind is WORD:
                words.append(tokens.norms[i])
            i += 1
        pieces.append(text[at:e])
    return " ".join(pieces), words


def _cld2(text: str) -> str | None:
    """pycld2's answer for `text`, None when it is not sure."""
    try:
        import pycld2
    except ImportError:  # pragma: no cover - a dependency
        return None
    try:
        reliable, _, found = pycld2.detect(text)
    except pycld2.error:
        return None
    code = found[0][1] if found else "un"
    if code in READ_AS_ENGLISH:
        return ENGLISH
    return primary(code) if reliable and code not in ("un", "xxx") else None


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset]:
    """Language -> its function words; another language's less the common English words
    that are not English function words (`die`, `was`; `a` and `in` are kept, shared)."""
    data = yamlfile.load(builtin.folder() / "data" / "function-words.yaml", keep=True) or {}
    lists = {primary(str(lang)): frozenset(str(w).lower() for w in words)
             for lang, words in data.items()}
    common = common_english() - lists.get(ENGLISH, frozenset())  # (`a`, `in` are shared)
    return {lang: words if lang == ENGLISH else words - common
            for lang, words in lists.items()}


def by_function_words(words: list[str]) -> str | None:
    """The language whose function words weigh most in `words` (a word of several
    languages' lists weighs 1/n in each), when they are FUNCTION_MIN words at least and
    FUNCTION_SHARE of them, and FUNCTION_LEAD times any other language's; None
    when no language does."""
    lists = function_words()
    weights: dict[str, float] = dict.fromkeys(lists, 0.0)
    hits: dict[str, int] = dict.fromkeys(lists, 0)
    for word in words:
        own = [lang for lang, listed in lists.items() if word in listed]
        for lang in own:
            weights[lang] += 1 / len(own)
            hits[lang] += 1
    ranked = sorted(weights, key=lambda lang: (-weights[lang], lang))
    if not ranked:
        return None
    best, second = ranked[0], weights[ranked[1]] if len(ranked) > 1 else 0.0
    if hits[best] >= max(FUNCTION_MIN, FUNCTION_SHARE * len(words)) and \
            weights[best] > FUNCTION_LEAD * second:
        return best
    return None


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) runs of `text`'s sentences; one run for a one-language text."""
    tokens = tokens_of(text)
    common = common_english()
    plain = [norm for kind, norm in zip(tokens.kinds, tokens.norms) if kind is WORD]
    if sum(map(common.__contains__, plain)) >= CLEARLY_ENGLISH * len(plain):
        return [(0, len(text), ENGLISH)]  # (the usual post: no sentence needs a look)
    words = [(start, norm) for kind, start, norm in zip(tokens.kinds, tokens.starts, tokens.norms)
             if kind is WORD and norm.isalpha()]
    found: list[list] = []  # [start, end, looks English (True/False/None)]
    i = 0
    for m in _SENTENCE.finditer(text):
        own = []
        while i < len(words) and words[i][0] < m.end():
            own.append(words[i][1])
            i += 1
        look = _looks_english(own)
        if look is False and _all_english(own):
            look = True
        found.append([m.start(), m.end(), look])
    if all(look is not False for _, _, look in found):
        return [(0, len(text), ENGLISH)]
    shown, unsure = _unsure_parts(text, tokens, [(s, e) for s, e, look in found
                                                 if look is False])
    other = _cld2(shown) or by_function_words(unsure) or ENGLISH
    if other == ENGLISH:
        return [(0, len(text), ENGLISH)]
    main = other if sum(e - s for s, e, look in found if look is False) >= \
        sum(e - s for s, e, look in found if look) else ENGLISH
    runs: list[tuple[int, int, str]] = []
    for start, end, look in found:
        lang = ENGLISH if look else other if look is False else main
        if runs and runs[-1][2] == lang:
            runs[-1] = (runs[-1][0], end, lang)
        else:
            runs.append((start, end, lang))
    runs[0] = (0, runs[0][1], runs[0][2])
    runs[-1] = (runs[-1][0], len(text), runs[-1][2])
    return runs
