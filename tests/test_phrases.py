"""Matching by words: one token walk for every list, whole tokens, word forms, styled
letters folded with exact positions, cashtags left alone."""

from __future__ import annotations

import pytest

from postlint.checks.base import word_pattern
from postlint.text import styled
from postlint.text.phrases import PhraseIndex, Phrases
from postlint.text.tokens import CASHTAG, HASHTAG, MENTION, NUMBER, URL, WORD, tokenize

BRAND = "brand:\n  terms: [GitHub, Acme]\n  banned: [guarantee, Acme Cloud]\n"


def spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def test_tokens_have_kinds_and_exact_offsets():
    text = "Ask @jane about $ACME, #ad and e-mail https://x.co/a 1,000 times"
    found = [(t.kind, text[t.start:t.end]) for t in tokenize(text) if t.kind != "punct"]
    assert found == [(WORD, "Ask"), (MENTION, "@jane"), (WORD, "about"), (CASHTAG, "$ACME"),
                     (HASHTAG, "#ad"), (WORD, "and"), (WORD, "e-mail"),
                     (URL, "https://x.co/a"), (NUMBER, "1,000"), (WORD, "times")]


def test_styled_letters_fold_one_for_one():
    text = "𝗿𝗲𝘃𝗼𝗹𝘂𝘁𝗶𝗼𝗻𝗮𝗿𝘆 ｆｕｌｌ Ⓐⓑ ⒜ ᴀʙᴄ 🅐 I’ll 𝟏𝟐"
    assert styled.normalize(text) == "revolutionary full Ab a abc A I'll 12"
    assert styled.fold(text) == "revolutionary full Ab a abc A I’ll 12"  # letters only
    assert len(styled.normalize(text)) == len(text)
    assert styled.styled("𝗿") and not styled.styled("r") and not styled.styled("’")
    assert not styled.styled("é")


def test_one_walk_finds_every_list():
    index = PhraseIndex()
    a = Phrases(("web site", "log in"), index=index)
    b = Phrases(("site",), index=index)
    text = "Log  in to our web site, or log-in."
    assert index.hits(text) == {a.id: [(0, 7), (15, 23)], b.id: [(19, 23)]}


def test_phrases_match_whole_tokens_only():
    pattern = word_pattern(["ad", "github", "u", "idiot"])
    text = "#ad @idiot github.com U.S. u-turn $U ad GitHub u"
    assert [text[s:e] for s, e in spans(pattern, text)] == ["ad", "GitHub", "u"]


def test_case_kept_where_a_list_does_not_ignore_it():
    pattern = word_pattern(["r u"], ignorecase=False)
    assert spans(pattern, "R U there? r u there?") == [(11, 14)]


def test_the_longest_term_wins_and_matches_never_overlap():
    pattern = word_pattern(["thanks", "thanks guys", "guys"])
    assert spans(pattern, "thanks guys guys") == [(0, 11), (12, 16)]


def test_inflections_match_unless_exact():
    inflected = word_pattern(["liar", "lie", "guarantee"], forms="inflected")
    text = "Liars lied, lying about what they guaranteed; he lay down."
    assert [text[s:e] for s, e in spans(inflected, text)] == \
        ["Liars", "lied", "lying", "guaranteed"]
    assert spans(word_pattern(["liar"], forms="exact"), text) == []


def test_an_unknown_forms_value_is_an_error():
    with pytest.raises(ValueError, match="forms: expected one of inflected, exact"):
        word_pattern(["x"], forms="all")


def test_styled_hype_is_found_at_the_styled_characters(write, run):
    write("a.md", "Our 𝗿𝗲𝘃𝗼𝗹𝘂𝘁𝗶𝗼𝗻𝗮𝗿𝘆 app is live.\n")
    result = run("--select", "hype", "--fail-on", "info", "--format", "json", "a.md")
    (finding,) = result.json()
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 5, 18)
    assert "𝗿𝗲𝘃𝗼𝗹𝘂𝘁𝗶𝗼𝗻𝗮𝗿𝘆" in finding["message"]


def test_styled_email_is_personal_info(write, run):
    write("a.md", "Write to 𝗷𝗮𝗻𝗲@𝗴𝗺𝗮𝗶𝗹.𝗰𝗼𝗺 today.\n")
    result = run("--select", "personal-info", "--format", "json", "a.md")
    (finding,) = result.json()
    assert (finding["column"], finding["end_column"]) == (10, 24)
    assert "an e-mail address" in finding["message"]


def test_inflected_banned_term_found_and_exact_opt_out(write, run):
    write(".postlint.yaml", BRAND)
    write("a.md", "Delivery guaranteed in two days.\n")
    assert "a.md:1:10: B103 'guaranteed'" in run("--select", "banned-term", "a.md").out
    write(".postlint.yaml", BRAND + "rules:\n  banned-term: {forms: exact}\n")
    assert "All clear" in run("--select", "banned-term", "a.md").out


def test_cashtags_are_tickers_not_brand_names(write, run):
    write(".postlint.yaml", BRAND)
    path = write("a.md", "$ACME is up 5% today; ACME ships on Monday.\n")
    result = run("--select", "brand-term-case", "a.md")
    assert result.out.count("B101") == 1 and "a.md:1:23: B101 write 'Acme', not 'ACME'" in result.out
    run("--fix", "--select", "brand-term-case", "a.md")
    assert path.read_text() == "$ACME is up 5% today; Acme ships on Monday.\n"


def test_styled_chatspeak_swap_suggests_the_plain_words(write, run):
    write("a.md", "𝘁𝗯𝗵 the keynote was long.\n")
    result = run("--select", "chatspeak", "a.md")
    assert "a.md:1:1: T104 '𝘁𝗯𝗵' is chat shorthand; write 'to be honest'" in result.out


def test_a_clitic_leaves_the_word_before_it_whole(write, run):
    write(".postlint.yaml", BRAND)
    write("a.md", "Github's new app is out, and y'all should see 2day's demo.\n")
    out = run("--select", "brand-term-case,chatspeak", "a.md").out
    assert "a.md:1:1: B101 write 'GitHub', not 'Github'" in out
    assert "a.md:1:30: T104 'y'all'" in out and "a.md:1:47: T104 '2day'" in out


def test_a_french_or_italian_list_matches_the_word_after_an_elided_prefix():
    index = PhraseIndex()
    fr = Phrases(("immigration", "avortement", "procès", "obligation vaccinale"),
                 lang="fr", index=index)
    it = Phrases(("azienda",), lang="it", index=index)
    text = "L’immigration, d'avortement, qu'un procès ; de l'obligation vaccinale. dell'azienda"
    found = index.hits(text)
    # the match is the bare word, at its exact offsets (the prefix is left out)
    assert [text[s:e] for s, e in found[fr.id]] == \
        ["immigration", "avortement", "procès", "obligation vaccinale"]
    assert found[fr.id][0] == (2, 13)
    assert [text[s:e] for s, e in found[it.id]] == ["azienda"]
    # each language its own prefixes: no `dell'` in French, no `qu'` in Italian
    assert index.hits("dell'immigration qu'azienda") == {}


def test_a_term_with_the_prefix_still_matches_the_whole_token_and_wins():
    index = PhraseIndex()
    fr = Phrases(("l'obligation", "obligation", "vaccinale"), lang="fr", index=index)
    text = "l'obligation d'obligation vaccinale"
    assert [text[s:e] for s, e in index.hits(text)[fr.id]] == \
        ["l'obligation", "obligation", "vaccinale"]


def test_an_elided_prefix_keeps_case_where_the_list_does():
    index = PhraseIndex()
    fr = Phrases(("Orion",), ignorecase=False, lang="fr", index=index)
    text = "l'Orion d'orion"
    assert index.hits(text) == {fr.id: [(2, 7)]}


def test_lists_of_other_languages_do_not_look_behind_an_apostrophe():
    index = PhraseIndex()
    en = Phrases(("angelo", "immigration"), index=index)
    de = Phrases(("angelo",), lang="de", index=index)
    assert index.hits("D'Angelo on l'immigration") == {}
    assert en.id and de.id  # (the lists exist; they just find nothing)
