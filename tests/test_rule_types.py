"""Each built-in rule type on its own: exact spans, values and replacements."""

from __future__ import annotations

import pytest

from postlint.checks.base import Context, word_pattern
from postlint.checks.capitalization import Capitalization
from postlint.checks.conditional import Conditional
from postlint.checks import consistency
from postlint.checks.consistency import Consistency
from postlint.checks.existence import Existence
from postlint.checks.metric import Metric
from postlint.checks.occurrence import Occurrence
from postlint.checks.substitution import Substitution, match_case
from postlint.text.draft import Draft
from postlint.checks.functions import postlint_functions


def make(check_type, **options):
    full = {k: spec.default for k, spec in check_type.options.items()}
    full.update(options)
    return check_type(full, Context(functions=postlint_functions()))


def spans(check, text):
    """(matched text, start, end) of every match in the first post of `text`."""
    post = Draft.from_text(text).posts[0]
    return [(post.text[m.start:m.end], m.start, m.end) for m in check.check(post)]


# -- existence ------------------------------------------------------------------------

def test_existence_words_and_phrases_whole_words_ignoring_case():
    check = make(Existence, tokens=["bad", "very bad idea"])
    assert spans(check, "A Very  bad idea, bad. badly #bad @bad") == \
        [("Very  bad idea", 2, 16), ("bad", 18, 21)]


def test_existence_case_sensitive_and_partial_words():
    check = make(Existence, tokens=["Go"], ignorecase=False, whole_words=False)
    assert spans(check, "Go go Gopher") == [("Go", 0, 2), ("Go", 6, 8)]


def test_existence_regex_and_exceptions():
    check = make(Existence, tokens=[r"\d{3}-\d{4}"], regex=True, exceptions=["555-0100"])
    assert spans(check, "Call 555-0100 or 555-1234") == [("555-1234", 17, 25)]


def test_existence_skips_code_unless_raw():
    text = "`secret` and secret"
    assert spans(make(Existence, tokens=["secret"]), text) == [("secret", 13, 19)]
    assert spans(make(Existence, tokens=["secret"], raw=True), text) == \
        [("secret", 1, 7), ("secret", 13, 19)]


def test_whole_words_around_dots_and_hyphens():
    pattern = word_pattern(["github", "u"])
    assert [m.group(0) for m in pattern.finditer("github.com U.S. u-turn github, u")] == \
        ["github", "u"]


# -- substitution ---------------------------------------------------------------------

def test_substitution_replacements_keep_case():
    check = make(Substitution, swap={"e-mail": "email", "web site": "website"})
    post = Draft.from_text("E-mail us. Our web  site. E-MAIL. email").posts[0]
    assert [(m.start, m.end, m.replacement) for m in check.check(post)] == \
        [(0, 6, "Email"), (15, 24, "website"), (26, 32, "EMAIL")]


def test_substitution_case_sensitive():
    check = make(Substitution, swap={"Javascript": "JavaScript"}, ignorecase=False)
    post = Draft.from_text("Javascript and javascript").posts[0]
    assert [(m.start, m.replacement) for m in check.check(post)] == [(0, "JavaScript")]


def test_match_case():
    assert match_case("Colour", "color") == "Color"
    assert match_case("COLOUR", "color") == "COLOR"
    assert match_case("colour", "color") == "color"
    assert match_case("A", "an") == "An"


# -- occurrence -----------------------------------------------------------------------

def test_occurrence_max_points_at_the_first_one_over():
    check = make(Occurrence, tokens=["#\\w+"], regex=True, whole_words=False, max=2)
    post = Draft.from_text("#a #b #c #d").posts[0]
    matches = list(check.check(post))
    assert [(m.start, m.end, m.values["count"]) for m in matches] == [(6, 8, 4)]


def test_occurrence_min_points_at_the_first_line():
    check = make(Occurrence, tokens=["thanks"], min=1)
    post = Draft.from_text("\n  Great work all.\nSee you.").posts[0]
    assert [(m.start, m.end, m.values["count"]) for m in check.check(post)] == [(3, 18, 0)]
    assert list(check.check(Draft.from_text("Thanks all").posts[0])) == []


def test_occurrence_counts_per_post():
    check = make(Occurrence, tokens=["wow"], max=1)
    draft = Draft.from_text("wow wow\n---\nwow\n")
    assert [len(list(check.check(p))) for p in draft.posts] == [1, 0]


# -- conditional ----------------------------------------------------------------------

def test_conditional_second_must_appear():
    check = make(Conditional, first=["use my code"], second=["#ad"])
    assert spans(check, "Hi. Use my code X1!") == [("Use my code", 4, 15)]
    assert spans(check, "#ad Use my code X1!") == []
    assert spans(check, "No trigger here #ad") == []


def test_conditional_second_must_not_appear():
    check = make(Conditional, first=["guaranteed"], second=["returns", "profit"],
                 second_must="not-appear")
    post = Draft.from_text("Guaranteed profit every month").posts[0]
    matches = list(check.check(post))
    assert [(m.start, m.end, m.values["second"]) for m in matches] == [(0, 10, "profit")]
    assert spans(check, "Guaranteed fun") == []


# -- metric ---------------------------------------------------------------------------

def test_metric_word_count_limits():
    check = make(Metric, function="word-count", max=3)
    post = Draft.from_text("\n  one two three four  \n").posts[0]
    matches = list(check.check(post))
    assert [(m.start, m.end, m.values["value"]) for m in matches] == [(3, 21, 4.0)]
    assert list(make(Metric, function="word-count", min=5).check(post))[0].values["min"] == 5
    assert list(make(Metric, function="word-count", max=4).check(post)) == []


def test_metric_min_words_skips_short_posts():
    check = make(Metric, function="word-count", max=1, min_words=10)
    assert list(check.check(Draft.from_text("one two three").posts[0])) == []


def test_metric_unknown_function():
    with pytest.raises(ValueError, match="unknown function 'nope'"):
        make(Metric, function="nope")


def test_readability_and_sentiment_functions():
    funcs = postlint_functions()
    assert funcs["sentiment"]("I love this, it is wonderful!") > 0.5
    assert funcs["sentiment"]("This is awful, I hate it.") < -0.5
    simple = funcs["coleman-liau-index"]("The cat sat on the mat. It was a good day.")
    hard = funcs["coleman-liau-index"]("Institutional interoperability necessitates "
                                       "comprehensive organizational reconsideration.")
    assert simple < hard


# -- capitalization -------------------------------------------------------------------

def test_capitalization():
    check = make(Capitalization, terms=["GitHub", "Acme Sync"])
    post = Draft.from_text("github, GitHub, acme  sync, github.com, GITHUB").posts[0]
    assert [(post.text[m.start:m.end], m.replacement) for m in check.check(post)] == \
        [("github", "GitHub"), ("acme  sync", "Acme Sync"), ("GITHUB", "GitHub")]


# -- consistency ----------------------------------------------------------------------

def test_consistency_flags_the_rarer_variant_across_drafts():
    check = make(Consistency, pairs={"e-mail": "email"})
    one = Draft.from_text("Send an e-mail.", "one.md")
    two = Draft.from_text("Email us. Our email is open.", "two.md")
    found = [(d.path, d.text[m.start:m.end], m.values["other"], m.values["count"])
             for d, m in check.check_run([one, two])]
    assert found == [("one.md", "e-mail", "email", 2)]


def test_consistency_tie_flags_the_second_and_single_variant_passes():
    check = make(Consistency, pairs={"colour": "color"})
    drafts = [Draft.from_text("colour", "a.md"), Draft.from_text("color", "b.md")]
    assert [(d.path, m.start) for d, m in check.check_run(drafts)] == [("b.md", 0)]
    assert list(check.check_run([Draft.from_text("colour colour")])) == []


def test_consistency_finds_pairs_in_styled_letters_and_across_line_breaks():
    # (a draft is read for the pairs only after a cheap test of its text as written:
    # the test must let through everything the phrase index finds)
    check = make(Consistency, pairs={"colour": "color", "all right": "alright"})
    drafts = [Draft.from_text("𝗰𝗼𝗹𝗼𝘂𝗿 it in", "a.md"), Draft.from_text("COLOUR", "b.md"),
              Draft.from_text("color", "c.md"), Draft.from_text("it is all\nright", "d.md"),
              Draft.from_text("all right then", "e.md"), Draft.from_text("alright", "f.md")]
    assert sorted((d.path, m.start) for d, m in check.check_run(drafts)) == \
        [("c.md", 0), ("f.md", 0)]
    assert not check.relevant(Draft.from_text("colour-blind and all, right?"))


def test_consistency_of_a_large_run_counts_and_finds_the_same(run, write, monkeypatch):
    # Past HELD occurrences a run counts spellings instead of holding every draft's words
    # (bounded memory) and passes over the drafts again: the findings stay the same, at
    # whatever point of the run it switches.
    drafts = ["Send us an e-mail. Our e-mail is open.", "Email us, or e-mail the team.",
              "Email us any time. Email!", "Join the Live Stream.", "The livestream is on.",
              "The live-stream is free. Pick a colour.", "Pick a color. The Colour Room.",
              "Colour is in. Check out the checkout.", "Every day counts. Everyday wins.",
              "Meet us in the centre, at Rogers Center.", "The center of town."]
    for number, text in enumerate(drafts):
        write(f"{number:02d}.md", text + "\n")
    args = ("--format", "json", "--select", "term-consistency", ".")
    held = run(*args).json()
    assert len(held) > 5  # (e-mail, live stream, live-stream, colour, ...)
    for limit in (0, 3, 20):
        monkeypatch.setattr(consistency, "HELD", limit)
        assert run(*args).json() == held


def test_consistency_of_a_large_run_lets_each_draft_go(monkeypatch):
    # A run of many drafts must not hold them all (the parent's memory would grow with
    # the run): once it counts, a draft read is let go before the next one comes.
    import gc
    import weakref

    check = make(Consistency, pairs={"colour": "color"}, variants=True)
    read, most = [], []

    class Drafts:  # read again on each pass, as `parallel.Drafts` is
        def __iter__(self):
            for number in range(40):
                gc.collect()
                most.append(sum(ref() is not None for ref in read))
                draft = Draft.from_text(f"Pick a colour for the e-mail, then email us {number}.")
                read.append(weakref.ref(draft))
                yield draft

    for held in (10**6, 5):
        monkeypatch.setattr(consistency, "HELD", held)
        read.clear(), most.clear()
        found = [(m.start, m.values["other"]) for _, m in check.check_run(Drafts())]
        assert found == [(22, "email")] * 40  # (e-mail in every draft, either way)
        if held > 5:  # every draft held to the end of the first pass
            assert max(most) >= 39
        else:  # (5 occurrences: counting from the first draft on, and then holding at
            # most 5 uses of the spellings to flag, so a few drafts, not every one)
            assert max(most[2:]) <= 6


def test_consistency_through_the_cli_across_files(run, write):
    write("a.md", "Send us an e-mail.\n")
    write("b.md", "Email us. Our email is open.\n")
    data = run("--format", "json", "--select", "term-consistency", ".").json()
    assert [(f["path"], f["line"], f["column"], f["end_column"]) for f in data] == \
        [("a.md", 1, 12, 18)]
