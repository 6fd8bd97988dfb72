"""Regex word lists skip texts that cannot hold a match: never at the cost of a match.
(Whole words and phrases go through the phrase index: tests/test_phrases.py.)"""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings, strategies as st

from postlint import plugins
from postlint.text import words
from postlint.lint.catalog import Catalog
from postlint.checks.base import word_pattern
from postlint.load.config import Config
from postlint.text.draft import Draft
from postlint.lint.engine import Choices, Linter
from postlint.load.yamlfile import Map

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tweets.tsv"


def spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def fresh(terms, ignorecase=True, whole_words=True, is_regex=False) -> words.Words:
    """A list not yet searched (`word_pattern` hands out one list per terms)."""
    return words.Words(tuple(terms), ignorecase, whole_words, is_regex)


def tried(made: words.Words, text: str) -> list:
    """The spans of `made` tried at every place a match can start, however many."""
    return [m.span() for m in words._matches_at(made.compiled, text, made.starts_in(text))]


def built_in_lists() -> list:
    """The distinct regex word lists of every built-in rule in every profile."""
    os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
    linter = Linter(Catalog.load(plugins.manager()), Config(), Choices(select=["ALL"]))
    for profile in linter.catalog.profiles:
        linter.active(profile)
    return [w for w in {id(w): w for w in linter._word_lists}.values()
            if isinstance(w, words.Words)]


EVERYTHING = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_fold_table_holds_every_character_regex_matches_with_an_ascii_letter():
    for letter in string.ascii_letters + string.digits + "_":
        for found in set(regex.findall(regex.escape(letter), EVERYTHING, regex.IGNORECASE)):
            assert found.translate(words._FOLD).lower() == letter.lower(), (letter, found)


def test_folding_a_text_keeps_its_words_where_they_are():
    folded = EVERYTHING.translate(words._FOLD).lower()
    assert len(folded) == len(EVERYTHING)
    assert regex.sub(r"\w", "w", folded) == regex.sub(r"\w", "w", EVERYTHING)


@pytest.mark.parametrize("body, heads", [
    (r"retard(?:s|ed)?|spaz(?:z?ed|zes)?|tard", {"reta", "spaz", "tard"}),
    (r"#?views?myown", {"view"}),  # a word starts after the `#`
    (r"(?-i:[Hh]ome\s+alone)(?!\s+\d)", {"home"}),
    (r"(?<!(?:went|were)\s+)(?:away|gone)\s+for", {"away", "gone"}),
    (r"the\s+hell|to\s+be", {"hell", "to "}),  # " ": the word ends there
    (r"f[u\*@#]*ck", {"f ", "fu ", "fuu ", "fck ", "fuck", "fuuc", "fuuu"}),  # (a repeat
    # of a few characters is read one by one)
    (r"f[u\*@#]*ck|f\w*", {"f"}),  # (and no longer head that starts with a shorter one)
    (r"a?b", {"ab ", "b "}),
    (r"(?:ab)+c", {"ab"}),  # `c` or another `a` may follow
    (r"he's|he\s+is|hi\W", {"he ", "hi "}),
    (r"hé|h\w", {"h"}),
    (r"(?:my|our)\s+(?:boss|manager)", {"boss", "mana"}),  # the rarer word
    (r"(?:I'm|we\s+are)\s+(?:so\s+)?drunk", {"drun"}),  # (a word may be left out)
    (r"(?:the|a)\s+(?:[\w-]+\s+){1,3}?(?:market|world)", {"mark", "worl"}),  # after a
    # repeat that ends in a space
    (r"(?:is|was)\s+(?:on\s+the\s+market|in\s+the\s+(?:world|industry))",
     {"mark", "worl", "indu"}),  # each alternative's rarest word
    (r"(?:ab|cd)\.\s+(?:final|period)", {"fina", "peri"}),
    (r"my\s*boss", {"my ", "mybo"}),  # `\s*` may separate nothing
    (r"(?:a|b){2}x", {"aax ", "abx ", "bax ", "bbx "}),
    (r"a{2,3}b", {"aab ", "aaab"}),
    (r"[a-e]{2}x", {"a", "b", "c", "d", "e"}),  # (of more than four: its first)
    (r"café|cab", {"caf", "cab "}),  # only ASCII letters are compared
    (r"écrit|cab", None),
    (r"[^a]x", None),
    (r"\w+ing", None),
    (r"hi|", None),  # an empty alternative may match anywhere
    (r"(?:abc){e<=1}", None),  # regex's fuzzy matching
    (r"\p{L}+", None),  # regex-only syntax
])
def test_heads_read_from_the_pattern(body, heads):
    needs = words.pattern_needs(body)
    if heads is None:
        assert needs is None or not needs.heads
    else:
        assert needs == words.Needs(frozenset(heads), "", False)


@pytest.mark.parametrize("body, marks, digits", [
    (r"\d{3}-\d{4}", "", True),  # any script's digit
    (r"\$[A-Za-z]{1,5}", "$", False),
    (r"\+\d|\(?\d{3}", "(+", True),
    (r"🍺|🍷", "🍷🍺", False),
    (r"#\w+Partner|#ad", "#", False),  # `#ad` is found by the word `ad`
    (r"\.\w+|x?\w", None, None),
    (r"\{(?!hugs\})[A-Za-z_]\w{1,30}\}", "{", False),  # an escaped brace is no fuzzy one
    (r"%%?[A-Z][A-Z0-9_]{2,30}%%?", "%", False),  # rarer than a word of any letter
    (r"[a@][s\$\*]{2}holes?", "@", False),  # (each first character on its own)
    (r"[\w.+-]+@[\w-]+\.[a-z]{2,}", "@", False),  # a symbol every match holds
    (r"(?-i:[A-Z]{2}\d{2}[A-Z0-9]{4})", "", True),
    (r'["“][^"“”]{10,200}["”]\s*-\s*\p{Lu}[\p{Ll}-]+', "\"“", False),  # (a property
])                                                                    # in a set)
def test_marks_read_from_the_pattern(body, marks, digits):
    needs = words.pattern_needs(body)
    if marks is None:
        assert needs is None
    else:
        assert (needs.marks, needs.digits) == (marks, digits)


def test_a_choice_too_long_to_read_leaves_the_rest_of_the_term_read():
    choice = "|".join(rf"w{i}x\s+(?:[a-z]+\s+){{0,2}}?y{i}" for i in range(400))
    assert words.pattern_needs(rf"(?:{choice})\s+zebra") == \
        words.Needs(frozenset({"zebr"}), "", False)


def test_texts_without_a_head_are_not_searched():
    pattern = fresh(["github", "web site"])
    assert pattern.needs.heads == {"gith", "site"}
    assert not pattern.may_match("Git is not a hub.")
    assert spans(pattern, "Web  site on GITHUB") == [(0, 9), (13, 19)]
    assert "compiled" not in vars(word_pattern(["never searched"], is_regex=True))


def test_a_text_is_searched_for_the_terms_that_may_match_in_it():
    pattern = fresh(["github", "web site", "linkedin"])
    assert spans(pattern, "Our web site and LinkedIn page") == [(4, 12), (17, 25)]
    assert spans(pattern, "See our website") == []
    subset = pattern.pattern_for("Our web site and LinkedIn page")
    assert subset.pattern.count("(?:") == 3  # two terms of three (and the list's group)
    assert "compiled" not in vars(pattern)


def test_a_list_is_compiled_whole_once_subsets_cost_as_much():
    terms = ("apple banana cherry damson elder fig grape hazel iris juniper kiwi lemon mango "
             "nectar olive peach quince rowan sloe tomato").split()
    pattern = fresh(terms)
    for i in range(3):  # a subset costs its terms and 5 more; the list 20 and 5
        text = f"{terms[i]} and {terms[i + 10]}"
        assert spans(pattern, text) == [(0, len(terms[i])), (len(terms[i]) + 5, len(text))]
        assert "compiled" not in vars(pattern)
    assert spans(pattern, "fig") == [(0, 3)]
    assert pattern.pattern_for("fig") is pattern.compiled
    every = fresh(terms)
    assert every.pattern_for(" ".join(terms)) is every.compiled  # all terms: the list


def test_a_list_kept_compiled_is_searched_whole_at_once():
    terms = ["github", "web site", "linkedin", "mastodon instance"]
    fresh(terms).compiled  # (kept from now on, as it is from an earlier run)
    pattern = fresh(terms)
    assert spans(pattern, "Our web site and LinkedIn page") == [(4, 12), (17, 25)]
    assert pattern.pattern_for("Our web site") is pattern.compiled
    assert pattern._subsets == {}


@pytest.mark.parametrize("terms", [[r"(a)x", r"b\1"], ["(?x) a b", "c d"],
                                   [r"(?P<p>a)x", r"(?(p)b|c)"]])
def test_terms_tied_together_are_searched_as_one_list(terms):
    pattern = fresh(terms, is_regex=True)
    assert pattern.term_needs is None and pattern.needs is None
    assert pattern.pattern_for("zzz") is pattern.compiled


def test_escaped_brackets_do_not_tie_terms():
    pattern = fresh([r"\(?\d{3}\)? 555", r"\\1 x", "call"], is_regex=True)
    assert pattern.term_needs is not None
    assert spans(pattern, "call (212) 555") == [(0, 4), (5, 14)]


def test_lists_that_may_match_inside_words_are_always_searched():
    pattern = word_pattern(["damn"], whole_words=False)
    assert pattern.needs is None and spans(pattern, "goddamnit") == [(3, 7)]


WORDS = st.text(st.sampled_from("abikmsIKS#-' "), min_size=1, max_size=6).filter(str.strip)
# what a word may look like in a text: any case, odd case partners (`ı` matches `I`)
PARTNERS = {"i": "iIıİ", "k": "kK\u212a", "s": "sSſ", "a": "aAá", "m": "mM", "b": "bB"}
PARTNERS.update({c.upper(): v for c, v in PARTNERS.items()})


@st.composite
def texts_of(draw, terms):
    pieces = draw(st.lists(st.one_of(st.sampled_from(terms), WORDS), max_size=6))
    text = draw(st.sampled_from([" ", "#", "-", "", "."])).join(pieces)
    return "".join(draw(st.sampled_from(PARTNERS.get(c, c))) for c in text)


@settings(max_examples=400, deadline=None)
@given(st.data(), st.lists(WORDS, min_size=1, max_size=4), st.booleans())
def test_skipping_never_loses_a_match(data, terms, ignorecase):
    text = data.draw(texts_of(terms))
    assert spans(fresh(terms, ignorecase=ignorecase), text) == \
        [m.span() for m in fresh(terms, ignorecase=ignorecase).compiled.finditer(text)]


FRAGMENTS = st.sampled_from([r"\d", r"\d{2}", r"\$", "#", "a", "bi", r"(?:a|\d)", "k?",
                             r"\s+", "🍺", "'", "[ab]", r"\w", r"(?<!x)", "(?:s|🍷)", "(?i:k)"])
# pieces of text such fragments match (`٣` is a digit too), in any case
PIECES = st.sampled_from(["\u0663", "7", "42", "$", "#", "a", "A", "bi", "BI", "ı", "İ", "k",
                          "\u212a", "s", "ſ", "🍺", "🍷", "'", "x", "-"])


# lists of 1 to 4 regex terms made of the fragments, and texts of the pieces
REGEX_LISTS = st.lists(st.lists(FRAGMENTS, min_size=1, max_size=4).map("".join), min_size=1,
                       max_size=4)
REGEX_TEXTS = st.lists(st.lists(PIECES, max_size=4).map("".join), max_size=6).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(FRAGMENTS, min_size=1, max_size=4).map("".join), min_size=1,
                max_size=3),
       st.lists(st.lists(PIECES, max_size=4).map("".join), max_size=4).map(" ".join))
def test_skipping_never_loses_a_regex_match(tokens, text):
    assert spans(fresh(tokens, is_regex=True), text) == \
        [m.span() for m in word_pattern(tokens, is_regex=True).compiled.finditer(text)]


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_built_in_word_lists_find_the_same_on_the_corpus():
    os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
    config = Config(Map({"brand": Map({"terms": ["GitHub", "iPhone"],
                                       "preferred": {"e-mail": "email"}}),
                         "work": Map({"employer": "Acme", "codenames": ["Falcon"]})}))
    linter = Linter(Catalog.load(plugins.manager()), config, Choices(select=["ALL"]))
    for profile in linter.catalog.profiles:
        linter.active(profile)
    filtered = {id(w): w for w in linter._word_lists
                if isinstance(w, words.Words) and w.needs is not None}
    assert len(filtered) >= 25
    texts = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]:
        post = Draft.from_text(line.split("\t", 1)[-1]).posts[0]
        texts += [post.text, post.prose]
    for text in texts:
        for pattern in filtered.values():
            assert pattern.may_match(text) or pattern.compiled.search(text) is None, text


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_built_in_word_lists_searched_term_by_term_find_the_same_on_the_corpus(monkeypatch):
    monkeypatch.setattr(words, "SUBSET_BUDGET", 10**9)  # never compile a list whole
    os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
    linter = Linter(Catalog.load(plugins.manager()), Config(), Choices(select=["ALL"]))
    linter.active("public")
    lists = {id(w): w for w in linter._word_lists
             if isinstance(w, words.Words) and w.term_needs is not None}
    assert len(lists) >= 25
    pairs = [(fresh(w.terms, w.flags != 0, w.whole_words, w.is_regex), w.compiled)
             for w in lists.values()]
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]:
        text = line.split("\t", 1)[-1]
        for by_terms, whole in pairs:
            assert spans(by_terms, text) == [m.span() for m in whole.finditer(text)], text


def apart(made: words.Words, text: str) -> list:
    """The spans of `made` searched term by term, each term that `text` may hold."""
    return [m.span() for m in made._matches_apart(text, made._sieve.met(text))]


def test_a_list_asked_about_many_texts_searches_only_the_terms_a_text_may_hold():
    made = fresh([r"zebras?\s+(?:is|are)\s+out", r"lions?\s+roar", r"(?:a|the)\s+zebras?",
                  r"tigers?\s+sleep"], is_regex=True)
    text = "The zebras are out. Zebras are out!"
    assert made._apart(text, {}) is None  # (a list new to the run is searched whole)
    made._asked = words.APART_AFTER + 1
    assert made._apart(text, {}) == [0, 1]  # (longest first; not the lions or tigers)
    assert made._apart("the zebras are out, the lions roar", {}) is None  # (3 of 4: whole)
    assert [text[a:b] for a, b in spans(made, text)] == ["The zebras", "Zebras are out"]
    assert spans(made, "A zebra") == [(0, 7)]


@settings(max_examples=500, deadline=None)
@given(REGEX_LISTS, REGEX_TEXTS, st.booleans())
def test_searching_term_by_term_never_changes_a_match(tokens, text, ignorecase):
    made = fresh(tokens, ignorecase=ignorecase, is_regex=True)
    if made._sieve is not None:
        assert apart(made, text) == spans(made.compiled, text)


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_built_in_word_lists_searched_term_by_term_as_in_a_large_run_find_the_same():
    lists = [w for w in built_in_lists() if w._sieve is not None]
    assert len(lists) >= 25
    texts = [words.fold(line.split("\t", 1)[-1])
             for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]]
    for made in lists:
        for text in texts:
            assert apart(made, text) == spans(made.compiled, text), (made.parts, text)


@pytest.mark.parametrize("terms, lead", [
    (["idiots?", "morons?"], "(?=[im])"),
    ([r"(?<!x)\$\d+", r"\d{3}-\d{4}"], r"(?=[\$\d])"),
    ([r"(?:bull)?s\w+", "[a-c]at"], "(?=[a-cbs])"),
    ([r"\w+ing"], ""),  # (any word character: no use)
    (["a?"], ""),  # (a match may be empty)
    ([r"(?i:a)b"], ""),  # (case partners of a case-sensitive list's start)
    ([r"[^a]b"], ""),
])
def test_the_lead_names_every_character_a_match_can_start_with(terms, lead):
    assert fresh(terms, is_regex=True).lead == lead


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(FRAGMENTS, min_size=1, max_size=4).map("".join), min_size=1,
                max_size=3),
       st.lists(st.lists(PIECES, max_size=4).map("".join), max_size=4).map(" ".join),
       st.booleans(), st.booleans())
def test_the_lead_never_loses_a_match(tokens, text, ignorecase, whole_words):
    made = fresh(tokens, ignorecase=ignorecase, whole_words=whole_words, is_regex=True)
    fast = words.compile_fast(made._source(made.parts), made.flags, made.lead)
    assert spans(fast, text) == spans(made.compiled, text)


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_built_in_word_lists_find_the_same_by_re_after_their_lead():
    pairs = [(words.compile_fast(w._source(w.parts), w.flags, w.lead), w.compiled)
             for w in built_in_lists()]
    assert sum(fast.pattern.startswith("(?=[") for fast, _ in pairs) >= 40
    text = "\n".join(line.split("\t", 1)[-1]
                     for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:])
    for fast, whole in pairs:
        assert spans(fast, text) == spans(whole, text), whole.pattern


def test_a_long_text_is_searched_in_the_blocks_with_what_a_list_needs_and_beside_them():
    made = fresh([r"(?:a|the)\s+zebras?", r"zebras?\s+(?:is|are)\s+out"], is_regex=True)
    assert made.needs.heads == {"zebr"}
    filler = "\n\n".join(["Lovely weather for a walk in the park today."] * 60)
    text = f"{filler}\n\nWe saw the\n\nzebras today.\n\n{filler}\n\nThe zebras are\n \n\n" \
        f"out\n\n{filler}\n\nzebras are\n\nout"
    assert len(text) > words.FAST_TEXT
    regions = made._regions(text, made.compiled)
    assert sum(end - start for start, end, _ in regions) < 400  # (not the filler)
    assert [text[a:b] for a, b in spans(made, text)] == \
        ["the\n\nzebras", "The zebras", "zebras are\n\nout"]
    assert spans(made, text) == spans(made.compiled, text)


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_built_in_word_lists_find_the_same_in_a_long_text_searched_by_blocks():
    """A long text is searched in the blocks that hold what a list needs and those beside
    them: the corpus as one text of paragraphs gives every match a search of all of it
    gives, after searching much less of it."""
    lists = [w for w in built_in_lists() if w.needs is not None]
    posts = [line.split("\t", 1)[-1]
             for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:1500]]
    text = words.fold("\n\n".join(posts))
    searched = 0
    for made in lists:
        made._asked = words.FAST_AFTER + 1  # (blocks searched by `re`, as in a large run)
        searched += sum(end - start for start, end, _ in made._regions(text, made.compiled))
        assert spans(made, text) == spans(made.compiled, text), made.compiled.pattern
    assert searched < 0.7 * len(text) * len(lists)


@pytest.mark.parametrize("body, first", [
    (r"cure[sd]?|treat(?:s|ed)?", {"cure", "trea"}),
    (r"(?<!\bour\s)(?=cure|heal)(?:cure|heal)s?", {"cure", "heal"}),  # (zero width first)
    (r"he's|he\s+is", {"he "}),  # (the word `he`: "he's" holds it)
    (r"#(?:ad|spon)|\$\d+", {"#", "$"}),
    (r"\d{3}-\d{4}", {words.DIGIT}),
    (r"#?views?myown", {"#", "view"}),
    (r"(?:\d+|two)\s+kids", {words.DIGIT, "two "}),  # (each alternative on its own)
    (r"(?-i:(?i:Ab)c)", {"abc "}),
    (r"f[u\*]*ck", {"f ", "fu ", "fuu ", "fck ", "fuck", "fuuc", "fuuu"}),
    (r"[\da]x", None),  # (a digit or the heads of a word, in one set)
    (r"[^a]b", None),
    (r"\s+x", None),
    (r"a?", None),
])
def test_the_first_heads_are_where_every_match_can_start(body, first):
    assert words.first_heads(body) == (None if first is None else frozenset(first))


@settings(max_examples=500, deadline=None)
@given(REGEX_LISTS, REGEX_TEXTS, st.booleans())
def test_trying_a_list_only_where_a_match_can_start_never_loses_one(tokens, text, ignorecase):
    made = fresh(tokens, ignorecase=ignorecase, is_regex=True)
    if made.first_heads is not None:
        assert tried(made, text) == spans(made.compiled, text)


@pytest.mark.parametrize("text", ["\u017fun kit", "\u212ait ink", "\u0131nk is", "\u0130s sun",
                                  "x \u0130\u0130 \u017fun \u212aIT"])
def test_letters_that_match_an_ascii_letter_start_the_words_they_start(text):
    made = fresh(["sun", "kit", "ink", "is"])
    assert tried(made, text) == spans(made.compiled, text) != []


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_built_in_word_lists_tried_only_where_a_match_can_start_find_the_same_on_the_corpus():
    lists = [w for w in built_in_lists() if w.first_heads is not None]
    assert len(lists) >= 50
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]:
        text = words.fold(line.split("\t", 1)[-1])
        assert words._heads(text) == words.Places(text).heads  # (short texts, long ones)
        for made in lists:
            assert tried(made, text) == spans(made.compiled, text), text


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_read_as_tried_only_where_a_match_can_start_reads_the_same_on_the_corpus():
    """negative-tone's `read_as` patterns, tried only at the words they can start with
    (`replace_at`), replace what `sub` replaces, in every corpus post."""
    from postlint.checks.sentiment import scorer
    from postlint.load.yamlfile import load

    rule = Path(__file__).resolve().parents[1] / "rules" / "tone" / "negative-tone.yaml"
    options = load(rule)["options"]
    made = scorer(options.get("lexicon") or {}, options["read_as"])
    assert sum(starts is not None for starts in made.read_starts) >= 80
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]:
        text = line.split("\t", 1)[-1]
        for (pattern, replacement), starts in zip(made.read_as, made.read_starts):
            if starts is not None:
                assert words.replace_at(pattern, replacement, text, starts.places(text)) \
                    == pattern.sub(replacement, text), (pattern.pattern[:60], text)


@pytest.mark.parametrize("term, cut", [
    (r"room\s+\d", True),
    (r"till\s+\d|rn", True),
    (r"at\s+\d(?:am|pm)?", True),
    (r"top\s+\w", True),
    (r"room\s+\d+", False),
    (r"at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?", False),
    (r"\d{3}-\d{4}", False),
    (r"\d(?=\s)", False),  # (what follows is the term's own choice)
    (r"colou?r", False),
])
def test_a_term_that_ends_inside_a_number_is_told(term, cut):
    assert words.ends_cut(term) is cut
    problem = fresh([term], is_regex=True).problem()
    assert (problem is not None and "ends in one digit" in problem) is cut


def test_built_in_word_lists_are_sound():
    os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
    config = Config(Map({"work": Map({"employer": "Acme", "codenames": ["Falcon"]})}))
    linter = Linter(Catalog.load(plugins.manager()), config, Choices(select=["ALL"]))
    for profile in linter.catalog.profiles:
        linter.active(profile)
    lists = {id(w): w for w in linter._word_lists if isinstance(w, words.Words)}
    assert len(lists) >= 40
    assert [p for p in (w.problem() for w in lists.values()) if p] == []


def test_shortest_heads_leave_out_only_those_another_head_starts():
    import random

    from postlint.text.words import _shortest

    chance = random.Random(7)
    for _ in range(500):
        heads = frozenset("".join(chance.choice("ab") for _ in range(chance.randint(0, 4)))
                          for _ in range(chance.randint(0, 8)))
        assert _shortest(heads) == {h for h in heads
                                    if not any(h[:n] in heads for n in range(1, len(h)))}
