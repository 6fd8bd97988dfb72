"""Tone and brand rules as a user sees them: exact findings, silence without a brand
section, levels per profile, and the mechanisms behind the new rule types."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from postlint.checks.alt_text import code_spans
from postlint.checks.emoji_count import EMOJI
from postlint.checks.hashtags import HashtagCase, in_dictionary
from postlint.checks.base import Context

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "tweets.tsv"

BRAND = """\
brand:
  terms: [GitHub]
  preferred: {e-mail: email}
  banned: [cheap]
  hashtags:
    required: ["#SpringLaunch"]
    forbidden: ["#BlackFriday"]
  voice: we
"""
BRAND_DRAFT = "I moved our cheap code to Github.\nSend an e-mail. #BlackFriday\n"


def lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith(("Found", "All"))]


def test_shouting_and_exclamation_exact(run, write):
    write("a.md", "Hello team.\nWe are SO EXCITED to share this!!\nNASA and the CEO agree.\n")
    result = run("a.md", "--isolated", "--select", "shouting,exclamation-run")
    assert lines(result.out) == [
        "a.md:2:8: T101 'SO EXCITED' reads as shouting; write it in sentence case and let"
        " the words carry the emphasis (shouting)",
        "a.md:2:32: T102 repeated punctuation: '!!'; one '!' is enough, and only where it"
        " counts (exclamation-run)",
    ]


def test_exclaimed_share_points_at_first_exclaimed_sentence(run, write):
    write("a.md", "Big day. Great news! New office! Free coffee!\n")
    found = run("a.md", "--isolated", "--select", "exclamation-run", "--format", "json").json()
    assert [(f["line"], f["column"], f["end_column"], f["message"]) for f in found] == [
        (1, 10, 21, "3 of 4 sentences end in '!': 'Great news!'; one '!' is enough, and"
                    " only where it counts")]


def test_emoji_run_counts_sequences_once(run, write):
    write("a.md", "Team 👩🏽‍💻 👨‍👩‍👧‍👦 🇫🇷 and 🚀🚀🚀🚀 now\n")
    found = run("a.md", "--isolated", "--select", "emoji-overload", "--format", "json").json()
    assert [(f["column"], f["end_column"], f["message"]) for f in found] == [
        (26, 30, "a run of 4 emoji (limit 3): '🚀🚀🚀🚀'; keep the few that add meaning"
                 " (screen readers read each one aloud)")]


def test_hostile_language_exact_and_near_miss(run, write):
    write("a.md", "We will kill it at the keynote.\nOnly an idiot would ship this.\n")
    result = run("a.md", "--isolated", "--select", "hostile-language")
    assert lines(result.out) == [
        "a.md:2:9: T108 'idiot' attacks a person; criticise the idea or the action, not the"
        " people (hostile-language)"]


def test_brand_rules_silent_without_brand_section(run, write):
    write("a.md", BRAND_DRAFT)
    result = run("a.md", "--isolated", "--profile", "brand", "--select", "B")
    assert result.code == 0 and lines(result.out) == []


def test_brand_rules_with_config(run, write):
    write(".postlint.yaml", BRAND)
    write("a.md", BRAND_DRAFT)
    found = run("a.md", "--profile", "brand", "--select", "B", "--format", "json").json()
    assert [(f["line"], f["column"], f["code"], f["level"]) for f in found] == [
        (1, 1, "B104", "warning"),  # no #SpringLaunch: one finding for the draft
        (1, 1, "B107", "warning"),  # "I" on a brand account
        (1, 13, "B103", "error"),   # cheap
        (1, 27, "B101", "warning"),  # Github
        (2, 9, "B102", "warning"),  # e-mail
        (2, 17, "B105", "error"),   # #BlackFriday
    ]
    by_code = {f["code"]: f for f in found}
    assert by_code["B101"]["replacement"] == "GitHub"
    assert by_code["B102"]["replacement"] == "email"
    assert by_code["B104"]["message"] == ("this draft has no #SpringLaunch; add the campaign"
                                         " hashtag (brand.hashtags.required)")
    assert by_code["B107"]["message"] == ("'I' breaks the brand voice ('we'); write in the"
                                         " first-person plural ('we')")


def test_word_forms_of_banned_and_preferred_terms(run, write):
    """banned-term finds an adjective's degrees (cheaper, cheapest) and preferred-term an
    inflection, suggesting the same inflection of the replacement (e-mails: emails)."""
    write(".postlint.yaml", BRAND)
    write("a.md", "We're cheaper than ever.\nThanks for the e-mails, we e-mailed back.\n")
    found = run("a.md", "--profile", "brand", "--select", "B102,B103",
                "--format", "json").json()
    assert [(f["line"], f["column"], f["code"], f.get("replacement")) for f in found] == [
        (1, 7, "B103", None),
        (2, 16, "B102", "emails"),
        (2, 28, "B102", "emailed"),
    ]
    assert found[0]["message"] == ("'cheaper' is on the brand's list of words never to use"
                                   " (brand.banned); rephrase")


def test_fixing_an_inflected_preferred_term(run, write):
    write(".postlint.yaml", BRAND)
    write("a.md", "Our E-mails go out on Monday.\n")
    run("a.md", "--profile", "brand", "--select", "B102", "--fix")
    assert (Path.cwd() / "a.md").read_text() == "Our Emails go out on Monday.\n"


def test_names_in_capitals_beside_a_word_that_says_so(run, write):
    """A band or a place whose name is a word is a name next to a cue (seeing OASIS, the
    QUEEN tribute); alone it shouts. A title after watching that ends the clause is a
    title; one holding a shouted word is not."""
    write("a.md", "Seeing OASIS in June.\nThe QUEEN tribute was great.\n"
                  "Watching THE BEAR tonight.\nYou are a QUEEN.\nWe watched THE BEST film.\n")
    result = run("a.md", "--isolated", "--select", "shouting")
    assert lines(result.out) == [
        "a.md:4:11: T101 'QUEEN' reads as shouting; write it in sentence case and let the"
        " words carry the emphasis (shouting)",
        "a.md:5:12: T101 'THE BEST' reads as shouting; write it in sentence case and let the"
        " words carry the emphasis (shouting)",
    ]


def test_chat_shorthand_that_starts_a_product_name(run, write):
    write("a.md", "---\nprofile: professional\n---\nOur LOL Surprise dolls are back. "
                  "OMG Thank you all!\n")
    result = run("a.md", "--isolated", "--select", "chatspeak")
    assert lines(result.out) == [
        "a.md:4:34: T104 'OMG' is chat shorthand; leave it out or say it in words for this"
        " audience (chatspeak)"]


def test_required_hashtag_once_per_thread(run, write):
    write(".postlint.yaml", BRAND)
    write("a.md", "First post.\n\n---\n\nSecond post.\n")
    write("b.md", "First post.\n\n---\n\nSecond post #springlaunch\n")
    found = run(".", "--select", "required-hashtag", "--format", "json").json()
    assert [(f["path"], f["line"], f["column"]) for f in found] == [("a.md", 1, 1)]


@pytest.mark.parametrize("profile", ["brand", "public"])
def test_bad_brand_voice_is_a_config_error(run, write, profile):
    # blamed on the config's line (it was the rule file's), and whether or not the
    # profile runs brand-voice: a draft's front matter may pick `brand` later
    write(".postlint.yaml", "profile: public\nbrand:\n  voice: they\n")
    write("a.md", "Hello.\n")
    result = run("a.md", "--profile", profile)
    assert result.code == 2 and result.out == ""
    assert result.err == ".postlint.yaml:3: brand.voice: expected one of we, I, got 'they'\n"


def test_brand_voice_is_read_in_any_case(run, write):
    write(".postlint.yaml", "brand:\n  voice: We\n")
    write("a.md", "I did it.\n")
    assert "B107 'I' breaks the brand voice ('we')" in run("a.md", "--profile", "brand").out


@pytest.mark.parametrize("profile, expected", [
    ("friends-family", {"hostile-language": "warning"}),
    ("public", {"hostile-language": "warning", "hype": "info"}),
    ("professional", {"chatspeak": "warning", "hostile-language": "error", "hype": "warning"}),
    ("brand", {"chatspeak": "warning", "hostile-language": "error", "hype": "warning"}),
])
def test_levels_per_profile(run, write, profile, expected):
    write("a.md", "lol this game-changer is gonna be great, you idiot.\n")
    found = run("a.md", "--isolated", "--profile", profile, "--format", "json").json()
    levels = {f["name"]: f["level"] for f in found
              if f["name"] in ("chatspeak", "hype", "hostile-language")}
    assert levels == expected


def test_profile_option_overrides(run, write):
    write("a.md", "We did it 🎉🎉🎉 thanks all 🙌\n")
    assert run("a.md", "--isolated", "--profile", "friends-family", "--format", "json").json() == []
    found = run("a.md", "--isolated", "--profile", "professional", "--select", "emoji-overload",
                "--format", "json").json()
    assert [f["message"].split(":")[0] for f in found] == ["a run of 3 emoji (limit 2)"]


def test_readability_needs_no_network(monkeypatch, run, write):
    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    text = ("Notwithstanding considerable organizational restructuring, interdepartmental "
            "communication methodologies necessitate comprehensive reconsideration. "
            "Consequently, management recommends implementing standardized documentation "
            "procedures, establishing accountability frameworks, and institutionalizing "
            "quarterly performance evaluations across international subsidiaries immediately.\n")
    write("a.md", text)
    found = run("a.md", "--isolated", "--select", "readability", "--format", "json").json()
    assert [f["code"] for f in found] == ["T109"]
    write("a.md", "Congrats!\n")
    assert run("a.md", "--isolated", "--select", "readability", "--format", "json").json() == []


def test_hashtag_split_and_dictionary():
    check = HashtagCase({"min_parts": 2, "words": [], "short_words": ["it", "now"],
                         "not_words": [], "terms": ["Acme Sync"]}, Context())
    assert check.split("socialmedia") == ["social", "media"]
    assert check.split("nowplaying") == ["now", "playing"]
    assert check.split("loveit") == ["love", "it"]
    assert check.split("foodstagram") is None  # 'tag' and 'ram' are not trusted short words
    assert check.camel(check.split("acmesynctips")) == "#AcmeSyncTips"
    # a word of `words` the web's counts cut apart is kept whole ("funday")
    check = HashtagCase({"min_parts": 2, "words": ["funday"], "short_words": ["one", "day", "fun"],
                         "not_words": [], "terms": []}, Context())
    assert check.camel(check.split("sundayfunday")) == "#SundayFunday"
    assert check.camel(check.split("oneday")) == "#OneDay"
    assert in_dictionary("football") and not in_dictionary("socialmedia")


def test_dictionary_lookup_finds_every_word_it_lists():
    from postlint.checks.hashtags import _cmudict
    words = [line.split(b" ", 1)[0].split(b"(")[0].decode()
             for line in _cmudict().splitlines() if line]
    sample = words[::41] + words[:3] + words[-3:] + [
        "sepulveda", "sepultura", "stilton", "stilted"]  # two pairs out of order in the file
    assert all(in_dictionary(word) for word in sample)
    assert not any(in_dictionary(word + "qx") for word in sample[::7])


def test_emoji_pattern_units():
    text = "👨‍👩‍👧‍👦 🇯🇵 1️⃣ ™ © 😀"
    assert [m.group(0) for m in EMOJI.finditer(text)] == ["👨‍👩‍👧‍👦", "🇯🇵", "1️⃣", "😀"]


def test_code_spans_cover_fences_and_inline_code():
    text = "a `![](x)` b\n```\n<img src=x>\n```\nc"
    spans = code_spans(text)
    assert any(a <= text.index("![") < b for a, b in spans)
    assert any(a <= text.index("<img") < b for a, b in spans)
    assert not any(a <= text.index("c", text.index("```\nc")) < b for a, b in spans)


def test_hashtag_rules_see_what_x_links(run, write):
    write(".postlint.yaml", BRAND)
    # A full-width '＃' makes a hashtag; a '#' in a bare domain's path or after a
    # letter does not, so #SpringLaunch is still missing.
    write("a.md", "Sale! ＃BlackFriday\nexample.com/#SpringLaunch and x#SpringLaunch\n")
    found = run("a.md", "--profile", "brand", "--select", "B104,B105", "--format", "json").json()
    assert [(f["line"], f["column"], f["end_column"], f["code"]) for f in found] == [
        (1, 1, 19, "B104"), (1, 7, 19, "B105")]


def test_shouting_skips_tags_of_every_kind(run, write):
    write("a.md", "Hi @TEAM_LEAD and @ALERTS@MASTODON.SOCIAL, $TSLA #BIGNEWS today.\n"
                  "Read ACME.COM/ABOUT-US or AMAZING\n")
    result = run("a.md", "--isolated", "--select", "shouting")
    assert lines(result.out) == [
        "a.md:2:27: T101 'AMAZING' reads as shouting; write it in sentence case and let"
        " the words carry the emphasis (shouting)"]


def test_every_capital_python_knows_starts_a_run_that_shouting_reads():
    from postlint.checks import caps
    capitals = "".join(chr(c) for c in range(0x110000)
                       if not 0xD800 <= c < 0xE000 and chr(c).isupper())
    assert caps.regex.sub(r"\p{Uppercase}", "", capitals) == ""


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["BIG", "NEWS", "Big", "news", "A", "I", "ÉTÉ", "ÀÉÈ", "ΑΒΓ",
                                 "DON'T", "RE-ELECT", "x-RAY", "NASA", "IV", "5G", "#LAUNCH", "@TEAM",
                                 "$ACME", "a/BIG", "b.BIG", "&", ",", " - ", ":", "\n", "日本",
                                 "NOW!", "(OK)", "'", "’"]), max_size=14)
       .map(lambda words: " ".join(words)))
def test_shouting_reads_only_the_runs_with_a_capital_and_finds_what_reading_every_word_finds(
        text):
    from postlint.checks import caps
    from postlint.text.draft import Draft
    options = {"acronyms": ["NASA"], "acronym_pattern": caps.ROMAN, "min_letters": 4,
               "min_run": 2, "labels": True, "words_only": False}
    post = Draft.from_text(text or "x").posts[0]
    found = [(m.start, m.end) for m in caps.Caps(options, Context()).check(post)]
    every_word = caps._capital_words
    try:
        caps._capital_words = lambda text: caps._WORD.finditer(text)
        assert found == [(m.start, m.end) for m in caps.Caps(options, Context()).check(post)]
    finally:
        caps._capital_words = every_word


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/tweets.tsv")
def test_negative_tone_quotes_the_words_that_weigh_most(run, write):
    # as the post writes them ("Worst"), most negative first; a name's words (Death
    # Valley) and praise slang read as praise ("is sick!") are not quoted, and a post
    # negative by its negations alone quotes none
    write("a.md", "We drove to Death Valley: the docs are sooo LAAAME, the hotel was a "
                  "total disaster and the food awful. Worst week ever.\n")
    write("b.md", "This release is sick! But the install was horrible, the docs "
                  "terrible and support useless.\n")
    write("c.md", "I am not happy, not at all, and it is not fine.\n")
    result = run("a.md", "b.md", "c.md", "--isolated", "--select", "negative-tone")
    assert [line.split(" T107 ")[1].split(" check ")[0] for line in lines(result.out)] == [
        "this post reads as clearly negative (sentiment -0.95 on a scale of -1 to 1; most "
        "negative: 'disaster', 'Worst', 'awful');",
        "this post reads as clearly negative (sentiment -0.83 on a scale of -1 to 1; most "
        "negative: 'horrible', 'terrible', 'useless');",
        "this post reads as clearly negative (sentiment -0.56 on a scale of -1 to 1);",
    ]


def test_negative_tone_reads_only_the_read_as_a_text_can_hold_as_applying_them_all_would():
    import yaml

    from postlint.checks.sentiment import Scorer

    rule = yaml.safe_load((ROOT / "rules" / "tone" / "negative-tone.yaml").read_text("utf-8"))
    options = rule["options"]
    scorer = Scorer(options["lexicon"], options["read_as"])

    def every(text):  # each pattern in turn, as `read_as` says
        for pattern, replacement in scorer.read_as:
            text = pattern.sub(replacement, text)
        return text

    posts = [line.split("\t", 1)[-1] for line in CORPUS.read_text("utf-8").splitlines()[1:]]
    posts += ["This set was sick", "that gig is fire 🔥", "An absolute beast of a talk",
              "I can't stand it, this keynote is fire"]  # (a second pattern after a first)
    readings = [scorer.read(post) for post in posts]
    assert readings == [every(post) for post in posts]
    assert sum(reading != post for reading, post in zip(readings, posts)) >= 3
    long = "\n\n".join(posts)  # (read block by block)
    assert scorer.read(long) == every(long)


def test_text_functions_leave_out_links_and_tags():
    from postlint.checks.functions import word_count
    assert word_count("Hi @jane see example.com/x and https://t.co/abc #Launch $TSLA now") == 4
    assert word_count("Mail jane@example.com about #2024 plans") == 5


def test_caps_skips_only_texts_without_two_capitals_in_a_word():
    from postlint.checks import caps
    from postlint.text.draft import Draft
    capitals = "".join(chr(c) for c in range(0x110000)
                       if not 0xD800 <= c < 0xE000 and chr(c).isalpha() and chr(c).isupper())
    # every letter Python calls a capital is one to the quick test
    assert caps.regex.sub(r"\p{Lu}", "", capitals) == ""
    check = caps.Caps({"acronyms": [], "acronym_pattern": caps.ROMAN, "min_letters": 2,
                  "min_run": 2}, Context())
    shouted = [Draft.from_text(t).posts[0] for t in ("D'O", "A-B", "ΑΒ", "ÉT")]
    assert all(list(check.check(post)) for post in shouted)


@pytest.mark.parametrize("uses, times", [(1, "once"), (2, "twice"), (3, "3 times")])
def test_term_consistency_says_how_often_the_other_spelling_is_used_in_words(
        run, write, uses, times):
    write("a.md", "Send us an e-mail today.\n")
    for i in range(uses):
        write(f"b{i}.md", "Our email newsletter is out.\n")
    result = run("--select", "term-consistency", ".")
    assert (f"a.md:1:12: B106 'e-mail' is also written 'email' ({times}) in these drafts; "
            "pick one (term-consistency)") in result.out


def test_inflected_pairs_of_preferred_terms():
    from postlint.checks.substitution import inflected_pairs

    pairs = inflected_pairs({"e-mail": "email", "cheap": "affordable", "big": "large",
                             "sign-up": "registration"})
    assert pairs["e-mails"] == "emails" and pairs["e-mailed"] == "emailed"
    assert pairs["cheaper"] == "more affordable" and pairs["cheapest"] == "most affordable"
    assert pairs["bigger"] == "larger" and pairs["biggest"] == "largest"
    assert not any(key.startswith("sign-") for key in pairs)  # ("up" is too short to inflect)
