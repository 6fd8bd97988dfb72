"""The inflected forms of a word-list entry's words (`liar` -> `liars`, `lie` -> `lied`,
`lying`), from libraries whose data ships in their wheels; kept between runs.

English comes from lemminflect: the entry's noun and verb inflections, less any form
that has another lemma in the same part of speech (`lay` is a verb of its own, so
`lie` does not find it). Other languages come from simplemma's dictionary for the
language: the words whose lemma is the entry's. `scripts/compare_forms.py` compares
these and `inflect` on a gold set (see docs/plugins.md). A hyphenated word takes the
forms of its last part (`game-changers`). Words shorter than MIN_LETTERS, and words of
anything but letters, have no other forms.

A run asks a library only for words no earlier run asked about (`load.cache`), so it
imports neither in the usual case.
"""

from __future__ import annotations

import os

from ..load import cache

MIN_LETTERS = 3
ENGLISH = "en"


def versions() -> str:
    """The installed versions of the word-form libraries, for the stamps of what they made."""
    return ", ".join(f"{dist} {_version(dist)}" for dist in ("lemminflect", "simplemma"))


def _version(dist: str) -> str:
    """The installed version of `dist`, read off the name of the metadata folder beside
    the package (`lemminflect-0.2.3.dist-info`), else from importlib.metadata (which
    takes tens of milliseconds to import); "-" when it is not installed."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(dist)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return "-"
    folder = os.path.dirname(os.path.dirname(spec.origin))
    try:
        found = [name[len(dist) + 1:-len(".dist-info")] for name in os.listdir(folder)
                 if name.startswith(dist + "-") and name.endswith(".dist-info")]
    except OSError:
        found = []
    if len(found) == 1:
        return found[0]
    import importlib.metadata

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


_store: cache.Store | None = None


def _kept() -> cache.Store:
    global _store
    if _store is None:
        _store = cache.Store("forms", f"{cache.code_stamp(__file__)} {versions()}",
                             limit=50_000)
    return _store


_known: dict[tuple[str, str], tuple[str, ...]] = {}


def forms(word: str, lang: str = ENGLISH, graded: bool = False) -> tuple[str, ...]:
    """`word` (lower case) and its inflected forms in language `lang` (a primary
    language subtag such as `en`, `de`); just `word` when none are known. With `graded`,
    an English adjective's comparative and superlative too (`degrees`)."""
    if graded:
        found = forms(word, lang)
        return found + tuple(f for f in degrees(word, lang) if f not in found)
    key = (word, lang)
    found = _known.get(key)
    if found is not None:
        return found
    head, _, last = word.rpartition("-")
    if not last.isalpha() or len(last) < MIN_LETTERS:
        found = (word,)
    else:
        stored = _kept().get(f"{lang}:{last}")
        if isinstance(stored, list) and all(isinstance(f, str) for f in stored):
            inflected = stored
        else:
            inflected = sorted(_inflect(last, lang) - {last})
            _kept().put(f"{lang}:{last}", inflected)
        found = (word, *(f"{head}-{f}" if head else f for f in inflected))
    _known[key] = found
    return found


_graded: dict[tuple[str, str], tuple[str, ...]] = {}


def degrees(word: str, lang: str = ENGLISH) -> tuple[str, ...]:
    """The comparative and superlative of `word` as an English adjective or adverb
    (cheap: cheaper, cheapest; easy: easier, easiest) that are English words and keep the
    word's letters but its last (better is not a degree of "good" a word list means);
    none in other languages, where simplemma's forms of a lemma hold them already."""
    key = (word, lang)
    found = _graded.get(key)
    if found is not None:
        return found
    head, _, last = word.rpartition("-")
    found = ()
    if lang == ENGLISH and last.isalpha() and len(last) >= MIN_LETTERS:
        stored = _kept().get(f"{lang}:{last}:graded")
        if isinstance(stored, list) and all(isinstance(f, str) for f in stored):
            graded = stored
        else:
            graded = sorted(_english_degrees(last))
            _kept().put(f"{lang}:{last}:graded", graded)
        found = tuple(f"{head}-{f}" if head else f for f in graded)
    _graded[key] = found
    return found


def _english_degrees(word: str) -> set[str]:
    try:
        import lemminflect
    except ImportError:  # pragma: no cover - a dependency
        return set()
    from .language import english_forms

    found = {f.lower() for upos in ("ADJ", "ADV")
             for tag, words in lemminflect.getAllInflections(word, upos=upos).items()
             if tag in ("JJR", "JJS", "RBR", "RBS")
             for f in words if f.lower().startswith(word[:-1]) and f.lower() != word}
    # (the dictionary of English forms, half a second to build on a first run, only for
    # a word that has degrees to check: most words of a brand's list have none)
    return {f for f in found if f in english_forms()} if found else found


def _inflect(word: str, lang: str) -> set[str]:
    try:
        return _english(word) if lang == ENGLISH else _from_dictionary(word, lang)
    except ImportError:  # pragma: no cover - both are dependencies
        return set()


def _english(word: str) -> set[str]:
    import lemminflect

    found = set()
    for tag, words in lemminflect.getAllInflections(word).items():
        pos = "NOUN" if tag.startswith("NN") else "VERB" if tag.startswith("VB") else None
        for form in words if pos else ():
            if set(lemminflect.getAllLemmas(form, upos=pos).get(pos, ())) <= {word}:
                found.add(form.lower())
    return found


_inverse: dict[str, dict[str, str]] = {}


def _from_dictionary(word: str, lang: str) -> set[str]:
    """The words of simplemma's `lang` dictionary whose lemma is `word`'s lemma."""
    if lang not in _inverse:
        _inverse[lang] = _invert(lang)
    import simplemma

    try:
        lemma = simplemma.lemmatize(word, lang).lower()
    except (ValueError, KeyError):  # a language simplemma does not know
        return set()
    table = _inverse[lang]
    found = f"{table.get(lemma, '')}\0{table.get(word, '')}".split("\0")
    return {f for f in found if f.isalpha()}


def _invert(lang: str) -> dict[str, str]:
    """Each lemma of simplemma's `lang` dictionary -> its forms, lower case, joined by
    NUL characters (one string a lemma: a set of strings each takes several times the
    memory, about 110 MB for Spanish)."""
    from simplemma.strategies import dictionaries

    # the copy `simplemma.lemmatize` reads, where simplemma shares one (not a second)
    factory = getattr(dictionaries.dictionary_factory, "DEFAULT_DICTIONARY_FACTORY", None) \
        or dictionaries.DefaultDictionaryFactory()
    inverse: dict[str, str] = {}
    try:
        table = factory.get_dictionary(lang)
    except (ValueError, KeyError, OSError):
        return inverse
    for form, lemma in table.items():
        form = form.decode() if isinstance(form, bytes) else form
        lemma = (lemma.decode() if isinstance(lemma, bytes) else lemma).lower()
        known = inverse.get(lemma)
        inverse[lemma] = form.lower() if known is None else f"{known}\0{form.lower()}"
    return inverse

