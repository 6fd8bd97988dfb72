"""Suppression comments in drafts, and reports of suppressions that suppress nothing."""

from __future__ import annotations


def found(run, write, text, *args):
    write("a.md", text)
    data = run("--format", "json", "--profile", "professional", *args, "a.md").json()
    return [(f["code"], f["line"], f["column"]) for f in data]


def test_disable_enable_range_by_code(run, write):
    text = ("AMAZING one\n"
            "<!-- postlint-disable T101 -->\n"
            "AMAZING two lol\n"
            "<!-- postlint-enable T101 -->\n"
            "AMAZING three\n")
    assert found(run, write, text) == [("T101", 1, 1), ("T104", 3, 13), ("T101", 5, 1)]


def test_disable_by_name_several_targets(run, write):
    text = "<!-- postlint-disable shouting, chatspeak -->\nAMAZING lol bullshit\n"
    assert found(run, write, text) == [("R101", 2, 13)]


def test_bare_disable_and_enable(run, write):
    text = "<!-- postlint-disable -->\nAMAZING lol\n<!-- postlint-enable -->\nlol\n"
    assert found(run, write, text) == [("T104", 4, 1)]


def test_disable_to_end_of_file(run, write):
    assert found(run, write, "lol\n<!-- postlint-disable chatspeak -->\nlol\n\nlol\n") == \
        [("T104", 1, 1)]


def test_disable_next_line(run, write):
    text = "<!-- postlint-disable-next-line T101 -->\nAMAZING lol\nAMAZING\n"
    assert found(run, write, text) == [("T104", 2, 9), ("T101", 3, 1)]


def test_bare_disable_next_line(run, write):
    text = "<!-- postlint-disable-next-line -->\nAMAZING lol\nAMAZING\n"
    assert found(run, write, text) == [("T101", 3, 1)]


def test_disable_file_anywhere(run, write):
    assert found(run, write, "AMAZING lol\n<!-- postlint-disable-file chatspeak -->\n") == \
        [("T101", 1, 1)]
    assert found(run, write, "AMAZING lol\n\n<!-- postlint-disable-file -->\n") == []


def test_comment_in_a_thread_and_after_front_matter(run, write):
    text = ("---\nprofile: professional\n---\n"
            "<!-- postlint-disable-next-line chatspeak -->\nlol\n---\nlol\n")
    assert found(run, write, text) == [("T104", 7, 1)]


def test_comment_in_front_matter_is_not_a_suppression(run, write):
    text = "---\ntitle: \"<!-- postlint-disable-file -->\"\n---\nlol\n"
    assert found(run, write, text) == [("T104", 4, 1)]


def test_unused_suppressions_are_reported(run, write):
    text = ("<!-- postlint-disable-next-line -->\n"           # 1: bare, nothing on line 2
            "A calm line.\n"
            "<!-- postlint-disable-next-line T101 lol -->\n"  # 3: T101 used, 'lol' unknown
            "AMAZING\n"
            "<!-- postlint-disable chatspeak -->\n"           # 5: nothing to suppress
            "Fine.\n"
            "<!-- postlint-enable chatspeak -->\n")
    write("a.md", text)
    data = run("--format", "json", "--profile", "professional", "a.md").json()
    assert [(f["code"], f["line"], f["column"], f["end_column"], f["message"]) for f in data] == [
        ("M001", 1, 1, 36, "suppression of every rule is unused (nothing to suppress here); "
                           "correct the comment or remove it"),
        ("M001", 3, 1, 45, "suppression of lol is unused (unknown rule lol); correct the "
                           "comment or remove it"),
        ("M001", 5, 1, 36, "suppression of chatspeak is unused (nothing to suppress here); "
                           "correct the comment or remove it"),
    ]


def test_suppression_of_a_rule_the_profile_does_not_run_is_not_reported(run, write):
    # chatspeak is off in `public`: a draft shared between profiles may keep the comment
    write("a.md", "<!-- postlint-disable-next-line chatspeak -->\nlol\n")
    assert run("--format", "json", "a.md").json() == []


def test_unused_suppression_can_be_ignored_and_suppressed(run, write):
    text = "<!-- postlint-disable-next-line chatspeak -->\nFine.\n"
    assert found(run, write, text, "--ignore", "M001") == []
    text = "<!-- postlint-disable-file M001 -->\n<!-- postlint-disable-next-line T101 -->\nok\n"
    assert found(run, write, text) == []


def test_unknown_rule_name_in_a_used_comment_is_still_reported(run, write):
    text = "<!-- postlint-disable-next-line shoutting -->\nAMAZING\n"
    assert found(run, write, text) == [("M001", 1, 1), ("T101", 2, 1)]


def test_a_misspelt_rule_name_is_reported_with_the_rule_meant(run, write):
    write("a.md", "<!-- postlint-disable-next-line shoutng, T1O4 -->\nAMAZING lol\n")
    data = run("--format", "json", "--profile", "professional", "a.md").json()
    assert [(f["code"], f["message"]) for f in data][0] == (
        "M001", "suppression of T1O4, shoutng is unused (unknown rule T1O4, did you mean "
        "'T104'?; unknown rule shoutng, did you mean 'shouting'?); correct the comment or "
        "remove it")


def test_a_directive_spelt_otherwise_is_reported_not_passed_over(run, write):
    # a space for the hyphen, or capitals, made the comment no comment of postlint's at
    # all: it suppressed nothing and nothing said so
    write("a.md", "<!-- postlint disable shouting -->\nSo AMAZING.\n"
                  "<!-- POSTLINT-DISABLE-NEXT-LINE T101 -->\nSo AMAZING.\n"
                  "<!-- postlint is run in CI on every draft -->\n")
    result = run("--select", "T101,M002", "a.md")
    assert result.out.splitlines()[:4] == [
        "a.md:1:1: M002 'postlint disable' is not a postlint directive (did you mean "
        "'postlint-disable'?); the comment suppresses nothing (unknown-directive)",
        "a.md:2:4: T101 'AMAZING' reads as shouting; write it in sentence case and let the "
        "words carry the emphasis (shouting)",
        "a.md:3:1: M002 'POSTLINT-DISABLE-NEXT-LINE' is not a postlint directive (did you mean "
        "'postlint-disable-next-line'?); the comment suppresses nothing (unknown-directive)",
        "a.md:4:4: T101 'AMAZING' reads as shouting; write it in sentence case and let the "
        "words carry the emphasis (shouting)",
    ]
    assert "a.md:5" not in result.out  # a comment about postlint is no directive


def test_a_colon_after_the_directive_is_allowed(run, write):
    # it was read as a rule named ':', reported as "suppression of : is unused"
    text = "<!-- postlint-disable-next-line: shouting -->\nAMAZING lol\n"
    assert found(run, write, text) == [("T104", 2, 9)]


def test_enable_by_name_ends_a_disable_by_code_and_the_other_way_round(run, write):
    text = ("<!-- postlint-disable T101 -->\nAMAZING one\n<!-- postlint-enable shouting -->\n"
            "AMAZING two\n<!-- postlint-disable chatspeak -->\nlol\n<!-- postlint-enable T104 -->\n"
            "lol\n")
    assert found(run, write, text) == [("T101", 4, 1), ("T104", 8, 1)]


def test_enable_of_some_rules_ends_the_disable_for_those_alone(run, write):
    text = ("<!-- postlint-disable shouting, chatspeak -->\nAMAZING lol\n"
            "<!-- postlint-enable chatspeak -->\nAMAZING lol\n")
    assert found(run, write, text) == [("T104", 4, 9)]
    text = "<!-- postlint-disable -->\nAMAZING lol\n<!-- postlint-enable T101 -->\nAMAZING lol\n"
    assert found(run, write, text) == [("T101", 4, 1)]


def test_an_enable_that_ends_nothing_is_reported_with_the_rule_meant(run, write):
    # a typo in the enable would leave shouting off to the end of the file, unsaid
    write("a.md", "<!-- postlint-disable shouting -->\nAMAZING one\n"
                  "<!-- postlint-enable shoutng -->\nAMAZING two\n<!-- postlint-enable T104 -->\n")
    data = run("--format", "json", "--profile", "professional", "a.md").json()
    assert [(f["code"], f["line"], f["message"]) for f in data] == [
        ("M001", 3, "suppression of shoutng is unused (unknown rule shoutng, did you mean "
                    "'shouting'?); correct the comment or remove it"),
        ("M001", 5, "suppression of T104 is unused (this postlint-enable ends no "
                    "postlint-disable of it); correct the comment or remove it")]
    # a bare enable with nothing open is harmless, and an enable that ends something is used
    assert found(run, write, "lol\n<!-- postlint-enable -->\n") == [("T104", 1, 1)]


def test_all_and_code_prefixes_suppress_as_selectors_name_rules(run, write):
    # front matter's `disable` takes them; a comment said "unknown rule T1, did you mean
    # 'T109'?" and suppressed nothing
    assert found(run, write, "<!-- postlint-disable-next-line T1 -->\nAMAZING lol\nlol\n") == \
        [("T104", 3, 1)]
    assert found(run, write, "<!-- postlint-disable-file ALL -->\nAMAZING lol\n") == []
    assert found(run, write, "<!-- postlint-disable-next-line T1 -->\nFine.\n") == [("M001", 1, 1)]


def test_a_comment_that_nothing_closes_is_reported_not_left_to_hide_the_rest(write, run):
    # one missing '-' turned every rule off to the end of the file, without a word
    write("a.md", "Doors open at nine.\n<!-- postlint-disable-line shouting ->\nThis is BIG NEWS!!\n")
    out = run("--select", "unclosed-comment,shouting,exclamation-run", "a.md").out
    assert out.splitlines()[:-1] == [
        "a.md:2:1: M003 '<!-- postlint-disable-line shouting ->' opens a comment that nothing "
        "closes, so the rest of the draft is left out of the post and no rule checks it; end "
        "the comment with '-->' (unclosed-comment)"]
    write("a.md", "Doors open at nine.\n<!-- postlint-disable-line shouting -->\nThis is BIG NEWS!!\n")
    out = run("--select", "unclosed-comment,shouting,exclamation-run", "a.md").out
    assert "M003" not in out and "a.md:3:9: T101 'BIG NEWS'" in out
    write("b.md", "Start a comment with `<!--`.\n\n```html\n<!-- an example\n```\nSee you!\n")
    assert "All clear" in run("--select", "unclosed-comment", "b.md").out


def test_an_enable_of_a_rule_the_profile_does_not_run_says_how_to_run_it(run, write):
    # chatspeak is off in `public`: the comment turned nothing on, and said nothing
    write("a.md", "<!-- postlint-enable chatspeak -->\nlol gonna be gr8\n")
    result = run("a.md")
    assert (result.code, result.out.splitlines()) == (0, [
        "a.md:1:1: M001 suppression of chatspeak is unused (profile 'public' does not run "
        "chatspeak, and postlint-enable only ends a postlint-disable; to run it, add "
        "extend-select: [chatspeak] to the config, or give --extend-select chatspeak); "
        "correct the comment or remove it (unused-suppression)",
        "Found 1 problem (1 warning) in 1 of 1 draft."])
    # one that ends a disable is used, whatever the profile runs; so is one the profile runs
    write("a.md", "<!-- postlint-disable T104 -->\nlol\n<!-- postlint-enable chatspeak -->\n")
    assert run("a.md").out == "All clear: 1 draft checked.\n"
    assert found(run, write, "<!-- postlint-enable chatspeak -->\nlol\n", "--extend-select",
                 "T104") == [("M001", 1, 1), ("T104", 2, 1)]


def test_a_reason_after_two_dashes_is_no_rule(run, write):
    # ESLint's `-- reason`: its words were taken for rules, and each reported as unknown
    text = "Foo ULTRA ships. <!-- postlint-disable-line T101 -- the product's name -->\nlol\n"
    assert found(run, write, text) == [("T104", 2, 1)]
    text = "<!-- postlint-disable-next-line -- a quote, kept as said -->\nAMAZING lol\n"
    assert found(run, write, text) == []


def test_words_of_a_reason_without_the_dashes_say_where_a_reason_goes(run, write):
    write("a.md", "Foo ULTRA ships. <!-- postlint-disable-line T101 the product name -->\n")
    data = run("--format", "json", "a.md").json()
    assert [(f["code"], f["message"]) for f in data] == [(
        "M001", "suppression of name, product, the is unused (unknown rule name; unknown rule "
        "product; unknown rule the; words of a reason go after ' -- ' (T101 -- why)); correct "
        "the comment or remove it")]
