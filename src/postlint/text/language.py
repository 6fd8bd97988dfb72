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
clearly the most. Where pycld2 calls such a sentence English ("La hostia consagrada se
reparte al final de la misa") or names a language the function words contradict, and
for a post whose sentences are all too short to look like anything ("Endlich Freitag!",
"Merci pour tout ❤️"), the word forms of simplemma's dictionaries decide: the language
with clearly more words of its own than English has (`_by_forms`); else it is English.
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
FORMS_SHARE = 0.5  # of a short text's words, the share that must be a language's forms
FORMS_ALONE = 2  # ... and how many more of them are its alone than English's alone
FORMS_LANGUAGES = ("de", "es", "fr")
MAX_WORD = 30  # a longer "word" is no language's ("aaaaaaaa...")  # asked when neither pycld2 nor function words name one
_WORDS = re.compile(r"\w+")
# (a full stop after a number that goes on with a number or a lower-case word is a date's
# or an ordinal's: "vom 1. bis 15. August", "am 24.12. ab 18 Uhr")
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d|\s+(?:\d|[^\W\d_A-Z])))+[.!?]*|[.!?\n]+")


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
    return _forms("en", "english-forms", str)


@lru_cache(maxsize=None)
def word_forms(lang: str) -> "Hashed":
    """simplemma's dictionary of another language, in lower case ("Freitag", "freitag"),
    as `Hashed` and kept between runs as English's is (made on first need only: German's
    1.1 million forms take about a second to read)."""
    return _forms(lang, f"word-forms-{lang}", str.lower)


def _forms(lang: str, name: str, fold) -> "Hashed":
    store = cache.Store(name, f"{cache.code_stamp(__file__)} "
                        f"{cache.data_stamp(_simplemma_data(lang))} {sys.byteorder}", limit=4)
    packed = store.get(lang)
    if not isinstance(packed, bytes) or len(packed) % 8:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
        forms = DefaultDictionaryFactory().get_dictionary(lang)
        packed = Hashed.pack(map(fold, forms.keys()))
        store.put(lang, packed)
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
    common = english_looking()
    english = sum(w in common for w in words)
    if english * 2 == len(words) and any(w in _foreign_function_words() for w in words):
        return False  # (half loan words and a German "ist": "Neues Video ist online!")
    return english >= ENGLISH_SHARE * len(words)


@lru_cache(maxsize=1)
def _foreign_function_words() -> frozenset:
    """German, Spanish and French function words that are no English words at all."""
    return _others_only() - common_english()


def _others_only() -> frozenset:
    """German, Spanish and French function words that English's own list lacks."""
    lists = _function_lists()
    others = frozenset().union(*(lists.get(lang, frozenset()) for lang in FORMS_LANGUAGES))
    return others - lists.get(ENGLISH, frozenset())


@lru_cache(maxsize=1)
def english_looking() -> frozenset:
    """The common English words less the German, Spanish and French function words
    among them that English's own list lacks ("die", "hat", "den", "son", "pour"): "August
    an die Ostsee, endlich Meer" is not half English."""
    return common_english() - _others_only()


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


def _cld2_guess(text: str) -> str | None:
    """pycld2's best guess at `text`, however unsure."""
    try:
        import pycld2
        _, _, found = pycld2.detect(text, bestEffort=True)
    except (ImportError, Exception):  # pragma: no cover - pycld2.error, a dependency
        return None
    return primary(found[0][1]) if found and found[0][1] not in ("un", "xxx") else None


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


def _other_language(shown: str, words: list[str], short: bool) -> str:
    """The language of sentences that do not look English (`short`: of a post whose
    sentences are all too short to look like anything). pycld2's answer stands for a
    longer text unless function words name another language ("Paella de domingo, como
    manda la tradición" is not Galician), and function words stand when pycld2 is unsure;
    otherwise, and for any short post, the word forms decide (`_by_forms`): pycld2
    calls "La hostia consagrada se reparte al final de la misa" English and "Bonjour
    from Montreal!" French."""
    if short and not _outside_english(words):
        return ENGLISH  # (every word an English one: "Sushi night!", "Ciao for now.")
    found = _cld2(shown)
    told = by_function_words(words)
    if not short:
        if found not in (None, ENGLISH) and told in (None, found):
            return found
        if found is None and told is not None:
            return told
    known = function_words()
    candidates = [lang for lang in dict.fromkeys((found, told))
                  if lang not in (None, ENGLISH) and lang in known]
    # (pycld2 sure of English, no function words otherwise: a name or an abbreviation
    # in another language's dictionary, "Leeds", "BBC", "Dec", is not enough; pycld2's
    # own answer needs only one word more: "Bonne année" holds "bonne", an English form)
    # and against pycld2's English, only words in lower case count: the German
    # dictionary holds names, "Ron Paul on CNN")
    need = FORMS_ALONE + (found == ENGLISH and told is None)
    if found == ENGLISH:
        capital = {w.casefold() for w in _WORDS.findall(shown) if w[0].isupper()}
        words = [w for w in words if w not in capital]
    return _by_forms(words, candidates or FORMS_LANGUAGES, need, found, shown)


def _outside_english(words: list[str]) -> bool:
    """Whether a word of `words` is neither an English word form nor a common word."""
    try:
        english = english_forms()
    except (ImportError, ValueError, KeyError, OSError):  # pragma: no cover - damaged install
        return True
    common = common_english()
    return any(w.isalpha() and len(w) <= MAX_WORD and w not in english and w not in common
               for w in words)


def _by_forms(words: list[str], candidates: Iterable[str], need: int,
              named: str | None = None, shown: str = "") -> str:
    """Of `candidates`, the language with the most of `words` among its word forms
    (simplemma's dictionaries, which leave out a word that is its own lemma, so with its
    function words), when they are FORMS_SHARE of two words or more, `need` more of them
    are its alone than English's alone (German's dictionary holds "shot", "on" and
    "free"; one more for `named`, pycld2's answer), and English function words do not
    outnumber its own ("Bonjour from Montreal!"); else English. Two languages that tie
    (German's dictionary holds "quelle" and "merde" too) are told apart by pycld2's
    best guess at `shown`, if it names one of them."""
    words, candidates = [w for w in words if w.isalpha() and len(w) <= MAX_WORD], \
        tuple(candidates)
    if len(words) < 2:
        return ENGLISH
    lists = _function_lists()
    try:
        english, own = english_forms(), lists.get(ENGLISH, frozenset())
        in_english = [w in english or w in own for w in words]
        foreign = frozenset().union(*(lists.get(lang, frozenset()) for lang in candidates))
        outside = sum(not e or w in foreign for w, e in zip(words, in_english))
        if outside < (1 if named in candidates else need):
            return ENGLISH  # (too few words English lacks for any language to win: no
            # dictionary need be read)
        best, most, tied = ENGLISH, 0, []
        for lang in candidates:
            if not Path(_simplemma_data(lang)).is_file():
                continue
            forms, listed = word_forms(lang), lists.get(lang, frozenset())
            hits = [w in forms or w in listed for w in words]
            # (its function words that English's list lacks are its own: "die" in "Halt
            # die Klappe!", which VADER reads as English "die")
            mine = [w in listed and w not in own for w in words]
            alone = sum(h and (not e or m) for h, e, m in zip(hits, in_english, mine)) - \
                sum(e and not h for h, e in zip(hits, in_english))
            if alone >= (1 if lang == named else need) and alone >= most \
                    and sum(hits) >= FORMS_SHARE * len(words):
                tied = tied + [lang] if alone == most else [lang]
                best, most = tied[0], alone
        if len(tied) > 1:
            guess = _cld2_guess(shown)
            best = guess if guess in tied else ENGLISH
    except (ImportError, ValueError, KeyError, OSError):  # pragma: no cover - damaged install
        return ENGLISH
    if best == ENGLISH:
        return ENGLISH
    lists = function_words()
    own, theirs = lists.get(ENGLISH, frozenset()), lists.get(best, frozenset())
    if sum(w in own and w not in theirs for w in words) > \
            sum(w in theirs and w not in own for w in words):
        return ENGLISH
    return best


@lru_cache(maxsize=1)
def _function_lists() -> dict[str, frozenset]:
    """Language -> its function words as listed (`function_words` less nothing)."""
    data = yamlfile.load(builtin.folder() / "data" / "function-words.yaml", keep=True) or {}
    return {primary(str(lang)): frozenset(str(w).lower() for w in words)
            for lang, words in data.items()}


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) runs of `text`'s sentences; one run for a one-language text."""
    tokens = tokens_of(text)
    common = english_looking()
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
        if any(found_look for _, _, found_look in found) or not words:
            return [(0, len(text), ENGLISH)]
        # (every sentence too short to tell: "Endlich Freitag!", "Merci pour tout ❤️")
        shown, unsure = _unsure_parts(text, tokens, [(0, len(text))])
        return [(0, len(text), _other_language(shown, unsure, short=True))]
    shown, unsure = _unsure_parts(text, tokens, [(s, e) for s, e, look in found
                                                 if look is False])
    other = _other_language(shown, unsure, short=False)
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
