"""Compare libraries that give the forms of a word-list entry (`liar` -> `liars`), by
accuracy on a small gold set, installed size and the time to the first answer.

    python scripts/compare_forms.py          # in an environment with the candidates

Each library answers "is WORD a form of ENTRY?" the way postlint would use it:

  lemminflect   the entry's noun and verb inflections (`getAllInflections`), less a form
                that has a lemma other than the entry in the same part of speech (`lay` is
                a verb of its own, not only a form of `lie`)
  simplemma     the words of its English dictionary whose lemma is the entry's lemma
  inflect       the entry's plural and present participle (its only generators)

The gold set holds forms that must match and words that must not (other words, or
forms shared with another word, which would turn a rule on ordinary text).
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

# (entry, word, whether the word is a form of the entry that a rule should find)
GOLD = [
    ("liar", "liars", True), ("lie", "lied", True), ("lie", "lying", True),
    ("lie", "lies", True), ("lie", "lay", False), ("lie", "lain", False),
    ("guarantee", "guaranteed", True), ("guarantee", "guarantees", True),
    ("guarantee", "guaranteeing", True), ("cure", "cured", True), ("cure", "cures", True),
    ("cure", "curing", True), ("thief", "thieves", True), ("fraud", "frauds", True),
    ("scam", "scammed", True), ("scam", "scams", True), ("scam", "scammer", False),
    ("hate", "hated", True), ("hate", "hating", True), ("hate", "hateful", False),
    ("idiot", "idiots", True), ("idiot", "idiotic", False), ("sue", "sued", True),
    ("sue", "suing", True), ("sue", "suet", False), ("ship", "shipped", True),
    ("ship", "shipping", True), ("child", "children", True), ("run", "ran", True),
    ("run", "running", True), ("go", "went", True), ("go", "gone", True),
    ("leverage", "leveraging", True), ("leverage", "leveraged", True),
    ("synergy", "synergies", True), ("supercharge", "supercharged", True),
    ("disrupt", "disrupting", True), ("disrupt", "disruptive", False),
    ("game-changer", "game-changers", True), ("damn", "damned", True),
    ("crap", "crappy", False), ("piss", "pissed", True), ("bitch", "bitches", True),
    ("leak", "leaked", True), ("embargo", "embargoed", True), ("sponsor", "sponsored", True),
    ("gift", "gifted", True), ("partner", "partnered", True), ("partner", "partnership", False),
    ("mouse", "mice", True), ("good", "better", False), ("see", "saw", True),
    ("saw", "see", False), ("leave", "left", True), ("left", "leave", False),
    ("ban", "banned", True), ("cheap", "cheaper", False), ("proof", "proven", False),
    ("prove", "proven", True), ("miracle", "miracles", True), ("harm", "harmed", True),
]


def compound(forms):
    """Forms of a hyphenated entry are those of its last part (`game-changers`)."""
    def of(entry: str) -> set[str]:
        head, _, last = entry.rpartition("-")
        return forms(entry) if not head else {f"{head}-{f}" for f in forms(last)}
    return of


def lemminflect_forms():
    import lemminflect

    def forms(entry: str) -> set[str]:
        found = {entry}
        for tag, words in lemminflect.getAllInflections(entry).items():
            pos = "NOUN" if tag.startswith("NN") else "VERB" if tag.startswith("VB") else None
            for word in words if pos else ():
                if set(lemminflect.getAllLemmas(word, upos=pos).get(pos, ())) <= {entry}:
                    found.add(word)
        return found
    return compound(forms)


def simplemma_forms():
    import simplemma
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("en")
    inverse: dict[str, set[str]] = {}
    for form, lemma in table.items():
        form = form.decode() if isinstance(form, bytes) else form
        lemma = lemma.decode() if isinstance(lemma, bytes) else lemma
        inverse.setdefault(lemma, set()).add(form)

    def forms(entry: str) -> set[str]:
        lemma = simplemma.lemmatize(entry, "en")
        return {entry} | inverse.get(lemma, set()) | inverse.get(entry, set())
    return compound(forms)


def inflect_forms():
    import inflect

    engine = inflect.engine()

    def forms(entry: str) -> set[str]:
        return {entry, engine.plural(entry), engine.present_participle(entry)}
    return compound(forms)


CANDIDATES = {"lemminflect": lemminflect_forms, "simplemma": simplemma_forms,
              "inflect": inflect_forms}


def size_mb(dist: str) -> float:
    files = importlib.metadata.distribution(dist).files or []
    return sum(Path(f.locate()).stat().st_size for f in files if Path(f.locate()).is_file()) / 1e6


def first_answer_seconds(name: str) -> float:
    """In a new interpreter: import, build, answer one question."""
    code = (f"import time; t = time.perf_counter(); import compare_forms as c; "
            f"c.CANDIDATES[{name!r}]()('lie'); print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent,
                         capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> int:
    print(f"{'library':<12}{'right':>7}{'of':>5}{'wrong answers':>15}  size MB  first s")
    for name, make in CANDIDATES.items():
        try:
            forms = make()
        except ImportError:
            print(f"{name:<12} not installed")
            continue
        cache: dict[str, set[str]] = {}
        wrong = [(e, w) for e, w, ok in GOLD
                 if (w in cache.setdefault(e, forms(e))) != ok]
        print(f"{name:<12}{len(GOLD) - len(wrong):>7}{len(GOLD):>5}{len(wrong):>15}"
              f"  {size_mb(name):7.1f}  {first_answer_seconds(name):7.2f}")
        print("   wrong:", ", ".join(f"{e}->{w}" for e, w in wrong) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
