"""Front matter from real content tools, and names in it checked like the config's."""

from __future__ import annotations

import datetime

import pytest

from postlint.text.draft import Draft

HUGO = """\
---
title: "Spring launch"
date: 2026-03-02T09:30:00+01:00
draft: true
tags: [launch, spring]
author: Dana
slug: spring-launch
---
Our launch is AMAZING.
"""
JEKYLL = "---\nlayout: post\ntitle: Launch\npublished: false\ncategories: news\n---\nHi all.\n"
ASTRO = "---\ntitle: Launch\npubDate: 'Mar 2 2026'\nheroImage: /a.png\n---\nHi all.\n"
NOTION = "---\nstatus: Ready\nowner: Dana\nplatform: linkedin\n---\nHi all.\n"


@pytest.mark.parametrize("text", [HUGO, JEKYLL, ASTRO, NOTION])
def test_other_tools_keys_are_ignored(run, write, text):
    write("a.md", text)
    result = run("--format", "json", "a.md")
    assert result.code in (0, 1), result.err
    assert result.err == ""


def test_the_body_is_still_linted_at_its_own_positions(run, write):
    write("a.md", HUGO)
    result = run("a.md")
    assert result.out.splitlines()[0] == (
        "a.md:9:15: T101 'AMAZING' reads as shouting; write it in sentence case and let the "
        "words carry the emphasis (shouting)")


def test_strict_front_matter_reports_other_keys(run, write):
    write(".postlint.yaml", "front-matter: {strict: true}\n")
    write("a.md", HUGO)
    write("b.md", "---\nprofile: public\npublish: 2026-03-02\n---\nHi.\n")
    result = run("a.md", "b.md")
    assert result.code == 2
    assert result.err == (
        "a.md: error: line 2: front matter: unknown key 'title' (postlint reads profile, "
        "platform, platforms, disable, packs, objective, lang and publish, publishDate, "
        "pubDate, date, language, locale; front-matter.strict is on)\n")


@pytest.mark.parametrize("text, message", [
    ("---\nprofle: public\n---\nHi\n",
     "line 2: front matter: unknown key 'profle' (did you mean 'profile'?)"),
    ("---\ntitle: x\ndisabled: [shouting]\n---\nHi\n",
     "line 3: front matter: unknown key 'disabled' (did you mean 'disable'?)"),
    ("---\ndisable: [chatspeak, shoutng]\n---\nHi\n",
     "line 2: front matter: disable: 'shoutng' names no rule (did you mean 'shouting'?)"),
    # several rules in one string: the rule meant was one of them ('chatspeak')
    ("---\ndisable: shouting, chatspeak\n---\nHi\n",
     "line 2: front matter: disable: 'shouting, chatspeak' names no rule (several rules in "
     "one string; write a list: [shouting, chatspeak])"),
    ("---\ndisable:\n  - T104\n  - Q9\n---\nHi\n",
     "line 4: front matter: disable: 'Q9' names no rule (see postlint --list-rules)"),
    ("---\ntitle: Hi\nprofile: brnd\n---\nHi\n",
     "line 3: front matter: unknown profile 'brnd' (did you mean 'brand'?)"),
    ("---\nplatform: linkdin\n---\nHi\n",
     "line 2: front matter: unknown platform 'linkdin' (did you mean 'linkedin'?)"),
    ("---\npublish: next tuesday\n---\nHi\n",
     "line 2: front matter: 'publish' must be a date (YYYY-MM-DD, optionally with a time), "
     "got 'next tuesday'"),
    # postlint's own keys under a namespace, and other tools' words for `disable`, would
    # leave the rules on
    ("---\ntitle: x\npostlint:\n  disable: [hype]\n---\nHi\n",
     "line 3: front matter: unknown key 'postlint': postlint's keys go at the top of the "
     "front matter, without a namespace (profile, platform, platforms, disable, packs, "
     "objective, lang, publish)"),
    ("---\npostlint-disable: hype\n---\nHi\n",
     "line 2: front matter: unknown key 'postlint-disable': postlint's keys go at the top "
     "of the front matter, without a namespace (did you mean 'disable'?)"),
    ("---\npostlint_profile: brand\n---\nHi\n",
     "line 2: front matter: unknown key 'postlint_profile': postlint's keys go at the top "
     "of the front matter, without a namespace (did you mean 'profile'?)"),
    ("---\nignore: [hype]\n---\nHi\n",
     "line 2: front matter: unknown key 'ignore' (did you mean 'disable'? it turns rules "
     "off for this draft)"),
    ('+++\ndisable_rules = ["hype"]\n+++\nHi\n',
     "line 2: front matter: unknown key 'disable_rules' (did you mean 'disable'? it turns "
     "rules off for this draft)"),
    # a time that is no time would be a scheduler's error later, not postlint's now
    ("---\npublish: 2026-12-10 25:00\n---\nHi\n",
     "line 2: front matter: 'publish': '25:00' is not a time of day; write YYYY-MM-DD HH:MM "
     "(24-hour, or with am/pm), optionally with a time zone"),
    ("---\nplatforms: x, linkedin\n---\nHi\n",
     "line 2: front matter: unknown platform 'x, linkedin': for several platforms, write a "
     "list, [x, linkedin]"),
    ("---\npublish: 2026-02-30\n---\nHi\n",
     "line 2: front matter: invalid YAML: '2026-02-30' is not a date (day is out of range "
     "for month)"),
])
def test_names_in_front_matter_are_checked_with_their_line(run, write, text, message):
    write("a.md", text)
    write("b.md", "Fine.\n")
    result = run("a.md", "b.md")
    assert result.code == 2
    assert result.err.startswith(f"a.md: error: {message}")


def test_disable_by_code_prefix_and_name_still_works(run, write):
    write("a.md", "---\ndisable: [T1, profanity]\n---\nThis is AMAZING bullshit lol.\n")
    assert [f["code"] for f in run("--format", "json", "a.md").json()] == []


@pytest.mark.parametrize("disable", ["ALL", "[t1, r]", "[t101, r101]"])
def test_disable_takes_every_selector_that_passes_its_check(run, write, disable):
    # ALL and codes in lower case were accepted as naming rules, and then turned none off
    write("a.md", f"---\ndisable: {disable}\n---\nThis is AMAZING bullshit.\n")
    result = run("--format", "json", "--select", "T101,R101", "a.md")
    assert (result.code, result.json()) == (0, [])


@pytest.mark.parametrize("text, date, line", [
    (HUGO, datetime.date(2026, 3, 2), 3),
    ("---\npublish: 2026-04-01\ndate: 2025-01-01\n---\nHi\n", datetime.date(2026, 4, 1), 2),
    ("---\ndate: '2026-05-06 10:00'\n---\nHi\n", datetime.date(2026, 5, 6), 2),
    ("---\npublish: 2026-05-06 9:30 PM EST\n---\nHi\n", datetime.date(2026, 5, 6), 2),
    ("---\npublish: '2026-05-06T09:00:00.000+01:00'\n---\nHi\n", datetime.date(2026, 5, 6), 2),
    ("---\npublish: 2026-05-06 09:00 Europe/Berlin\n---\nHi\n", datetime.date(2026, 5, 6), 2),
    ("---\npublishDate: 2026-05-07\ndate: 2026-01-01\n---\nHi\n", datetime.date(2026, 5, 7), 2),
    ("---\ntitle: x\npubDate: 'Mar 2 2026'\ndate: 2026-01-03\n---\nHi\n",
     datetime.date(2026, 1, 3), 4),
    (ASTRO, None, 0),
    ("No front matter.\n", None, 0),
])
def test_publish_date(text, date, line):
    draft = Draft.from_text(text)
    assert (draft.publish_date, draft.publish_date_line) == (date, line)


# -- platforms by other names --------------------------------------------------------

THREAD = "Big news today.\n---\nMore below.\n---\nThird part.\n"


def test_platform_aliases_say_which_platform_was_meant(run, write):
    write("t.md", "x" * 300 + "\n")
    result = run("--platform", "twitter", "--platform", "fb", "t.md")
    assert result.err == ("postlint: note: --platform twitter is taken as 'x' (X)\n"
                          "postlint: note: --platform fb is taken as 'facebook' (Facebook)\n")
    assert "[x] (post-length)" in result.out


def test_aliases_in_config_and_front_matter(run, write):
    write(".postlint.yaml", "platforms: [twitter]\n")
    write("a.md", "x" * 300 + "\n")
    write("b.md", "---\nplatform: ig\n---\n" + "#a " * 31 + "\n")
    result = run("--format", "json", "a.md", "b.md")
    assert result.err == ".postlint.yaml:1: platforms: note: 'twitter' is taken as 'x' (X)\n"
    assert {(f["path"], f["code"], f["platform"]) for f in result.json()} >= {
        ("a.md", "P101", "x"), ("b.md", "P102", "instagram")}


def test_an_unknown_platform_suggests_the_closest(run, write):
    write("a.md", "Hi\n")
    result = run("--platform", "linkdin", "a.md")
    assert (result.code, result.err) == (
        2, "<command line>: --platform: unknown platform 'linkdin' (did you mean 'linkedin'?)\n")


@pytest.mark.parametrize("platform, title", [("linkedin", "LinkedIn"),
                                             ("instagram", "Instagram")])
def test_a_thread_for_a_platform_without_threads(run, write, platform, title):
    write("t.md", THREAD)
    result = run("--platform", platform, "t.md")
    assert result.out.splitlines()[0] == (
        f"t.md:3:1: P107 {title} has no threads, but this draft holds 3 posts separated by "
        "'---': 'More below.' starts post 2, the first over; merge posts or split the thread"
        f" [{platform}] (thread-length)")
    assert run("--platform", "x", "t.md").code == 0


# -- profiles blamed on the right place -----------------------------------------------

def test_a_profile_typo_is_blamed_where_it_was_made(run, write):
    write(".postlint.yaml", "fail-on: warning\n")
    write("a.md", "Hi\n")
    result = run("--profile", "brnd", "a.md")
    assert (result.code, result.err) == (
        2, "<command line>: --profile: unknown profile 'brnd' (did you mean 'brand'?)\n")
    write(".postlint.yaml", "fail-on: warning\nprofile: profesional\n")
    result = run("a.md")
    assert (result.code, result.err) == (
        2, ".postlint.yaml:2: profile: unknown profile 'profesional' "
           "(did you mean 'professional'?)\n")
    assert run("--profile", "brand", "a.md").code == 0  # the command line wins


def test_a_misspelt_alias_names_the_platform_it_stands_for(run, write):
    write("a.md", "Hi\n")
    result = run("--platform", "twiter", "a.md")
    assert (result.code, result.err) == (
        2, "<command line>: --platform: unknown platform 'twiter' "
           "(did you mean 'twitter', that is 'x'?)\n")


HUGO_TOML = """\
+++
title = "Our AMAZING spring launch"
date = 2026-03-02T09:30:00+01:00
draft = true
profile = "professional"
platforms = ["x"]

[params]
author = "Dana"
+++
Our launch is AMAZING lol.
"""


def test_hugo_toml_front_matter_is_read_not_linted(run, write):
    # it was post text: its title shouted, it counted towards post-length, and its
    # profile and platforms were never read
    write("a.md", HUGO_TOML)
    result = run("--format", "json", "a.md")
    assert result.err == ""
    assert [(f["code"], f["line"], f["column"]) for f in result.json()] == [
        ("T101", 11, 15), ("T104", 11, 23)]  # chatspeak: professional's, not public's
    draft = Draft.from_text(HUGO_TOML)
    assert draft.publish_date == datetime.date(2026, 3, 2)
    assert draft.front_matter["platforms"] == ["x"]


@pytest.mark.parametrize("front, error", [
    ('profle = "brand"', "a.md: error: line 3: front matter: unknown key 'profle' (did you "
                         "mean 'profile'?)"),
    ('profile = "brnd"', "a.md: error: line 3: front matter: unknown profile 'brnd' (did you "
                         "mean 'brand'?)"),
    ('title = "open', "a.md: error: line 3: front matter: invalid TOML: Illegal character "
                      "'\\n' (column 14)"),
    # a key given twice names both lines; a word where a value goes, the quotes it needs
    ("title = 'Again'", "a.md: error: line 3: front matter: duplicate key 'title' (also on "
                        "line 2); give each key once"),
    ("profile = brand", "a.md: error: line 3: front matter: invalid TOML: Invalid value "
                        "(column 11): a string is written in quotes in TOML: \"brand\""),
])
def test_toml_front_matter_mistakes_name_their_line(run, write, front, error):
    write("a.md", f"+++\ntitle = 'Launch'\n{front}\n+++\nHello.\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.splitlines()[0] == error


def test_toml_front_matter_never_closed(run, write):
    write("a.md", "+++\nprofile = 'brand'\nHello.\n")
    assert run("a.md").err.splitlines()[0] == (
        "a.md: error: line 1: front matter opened with '+++' is never closed; end it with a "
        "line '+++'")


@pytest.mark.parametrize("text", ["--- \nprofile: brnd\n---\nHi\n",
                                  "---\r\nprofile: brnd\r\n---\t\r\nHi\r\n",
                                  "+++  \nprofile = 'brnd'\n+++ \nHi\n"])
def test_white_space_after_a_fence_still_opens_front_matter(run, write, text):
    # `--- ` was read as a thread separator: the keys became an empty post and post text
    write("a.md", text)
    result = run("a.md")
    assert (result.code, result.out.splitlines()[0], result.err) == (
        2, "Nothing checked: 1 draft could not be read (see the errors above).",
        "a.md: error: line 2: front matter: unknown profile 'brnd' (did you mean 'brand'?)\n")


@pytest.mark.parametrize("front, error", [
    ("enable: [chatspeak]", "unknown key 'enable': a draft's front matter turns rules off "
     "only (disable: [...]); to run a rule its profile leaves off, add it to extend-select in "
     "the config, or name a profile that runs it (profile: ...)"),
    ("Extend_Select: [T104]", "unknown key 'Extend_Select': a draft's front matter turns "
     "rules off only (disable: [...]); to run a rule its profile leaves off, add it to "
     "extend-select in the config, or name a profile that runs it (profile: ...)"),
    ("fail-on: warning", "unknown key 'fail-on': it is a config key (.postlint.yaml), not "
     "read in front matter; a draft sets profile, platforms and disable"),
    ("rules:\n  shouting: off", "unknown key 'rules': it is a config key (.postlint.yaml), "
     "not read in front matter; a draft sets profile, platforms and disable"),
])
def test_front_matter_that_would_turn_rules_on_or_set_the_config_is_a_mistake(
        run, write, front, error):
    # they were left as another tool's keys: chatspeak stayed off, shouting on, unsaid
    write("a.md", f"---\ntitle: Launch\n{front}\n---\nOur launch is AMAZING lol.\n")
    result = run("a.md")
    assert (result.code, result.err.splitlines()[0]) == (2, f"a.md: error: line 3: front "
                                                          f"matter: {error}")


def test_another_tools_rules_text_in_front_matter_is_left_alone(run, write):
    write("a.md", "---\nrules: house rules apply\n---\nA calm post.\n")
    assert (run("a.md").code, run("a.md").err) == (0, "")


def test_toml_front_matter_mistakes_in_lists_and_tables_name_their_own_line(run, write):
    # the line of `disable = [`, or of a key inside a multi-line string, was named
    write("a.md", '+++\ntitle = "Launch"\ndisable = [\n  "T101",\n  "shoutng",\n]\n+++\n'
                  'Hello.\n')
    result = run("a.md")
    assert (result.code, result.err.splitlines()[0]) == (2, "a.md: error: line 5: front "
                                                          "matter: disable: 'shoutng' names "
                                                          "no rule (did you mean 'shouting'?)")
    write("a.md", '+++\nsummary = """\nprofile = "public"\n"""\nprofile = "brnd"\n'
                  '[params]\nprofile = "x"\n+++\nHello.\n')
    assert run("a.md").err.splitlines()[0] == ("a.md: error: line 5: front matter: unknown "
                                               "profile 'brnd' (did you mean 'brand'?)")
