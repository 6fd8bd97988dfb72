"""Configuration: discovery, every key, the command line winning, and one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postlint.load import schema

SHOUT = "Our launch is AMAZING.\n"  # T101 at 1:15
RANT = "Honestly this is bullshit.\n"  # R101 at 1:18
OVERHYPE_RULE = (Path(__file__).parent / "data" / "overhype.yaml").read_text(encoding="utf-8")


def codes(result):
    return [(f["code"], f["line"], f["column"], f["level"]) for f in result.json()]


@pytest.mark.parametrize("name", [".postlint.yaml", ".postlint.yml"])
def test_found_in_the_current_folder(run, write, name):
    write(name, "profile: professional\n")
    write("a.md", "lol\n")
    assert codes(run("--format", "json", "a.md")) == [("T104", 1, 1, "warning")]


def test_found_in_a_parent_folder_with_paths_relative_to_it(run, write, tmp_path):
    write(".postlint.yaml", "exclude: [drafts/old]\nrule-dirs: [myrules]\n")
    write("myrules/tone/overhype.yaml", OVERHYPE_RULE)
    write("drafts/a.md", "This is epic.\n")
    write("drafts/old/b.md", "This is epic.\n")
    os.chdir(tmp_path / "drafts")
    result = run("--format", "json", "--select", "overhype", ".")
    assert [(f["path"], f["code"], f["column"]) for f in result.json()] == [("a.md", "X901", 9)]


def test_both_yaml_spellings_in_one_folder_are_a_mistake(run, write):
    # .postlint.yml was passed over without a word: here its `shouting: off`
    write(".postlint.yaml", "profile: public\n")
    write(".postlint.yml", "rules:\n  shouting: off\n")
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == (".postlint.yaml: .postlint.yml is in the same folder, and only one "
                          "of them is read; merge them into one file\n")
    assert run("--config", ".postlint.yml", "--format", "json", "a.md").json() == []


def test_yaml_wins_over_pyproject_in_the_same_folder(run, write):
    write(".postlint.yaml", "profile: professional\n")
    write("pyproject.toml", "[tool.postlint]\nprofile = 'friends-family'\n")
    write("a.md", "lol\n")
    assert codes(run("--format", "json", "a.md")) == [("T104", 1, 1, "warning")]


def test_pyproject_table(run, write):
    write("pyproject.toml", "[project]\nname = 'x'\n\n[tool.postlint]\nprofile = 'professional'\n"
                            "ignore = ['shouting']\n\n[tool.postlint.rules]\nchatspeak = 'error'\n")
    write("a.md", "lol " + SHOUT)
    result = run("--format", "json", "a.md")
    assert codes(result) == [("T104", 1, 1, "error")]
    assert result.code == 1


def test_a_misspelt_pyproject_table_is_a_mistake(run, write, tmp_path):
    # it was found as a config (for its "[tool.postlint"), read as an empty one, and so
    # also hid the .postlint.yaml of the folder above
    write(".postlint.yaml", "profile: professional\n")
    write("sub/pyproject.toml", "[project]\nname = 'x'\n\n[tool.postlintt]\nprofile = 'brand'\n")
    write("sub/a.md", "lol\n")
    os.chdir(tmp_path / "sub")
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == ("pyproject.toml:4: tool.postlintt: unknown table (did you mean "
                          "[tool.postlint]?); postlint reads only that one, so none of these "
                          "settings would apply\n")



@pytest.mark.parametrize("text, line, table", [
    # neither was found as a config at all: postlint ran on its defaults without a word
    ("[tool.post-lint]\nprofile = 'brand'\n", 1, "post-lint"),
    ("[tool.Postlint.rules]\nshouting = 'off'\n", 1, "Postlint"),
    # beside the table, one spelt otherwise was passed over
    ("[tool.postlint]\nprofile = 'public'\n\n[tool.post_lint]\nfail-on = 'info'\n", 4,
     "post_lint"),
])
def test_a_pyproject_table_spelt_otherwise_is_a_mistake(run, write, text, line, table):
    write("pyproject.toml", "[project]\nname = 'x'\n" + text)
    write("a.md", "lol\n")
    result = run("a.md")
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"pyproject.toml:{line + 2}: tool.{table}: unknown table (did you "
                          "mean [tool.postlint]?); postlint reads only that one, so none of "
                          "these settings would apply\n")


def test_a_plugins_own_table_beside_postlints_is_left_alone(run, write):
    write("pyproject.toml", "[tool.postlint]\nprofile = 'public'\n[tool.postlint-acme]\nx = 1\n"
                            "[tool.pylint]\nx = 1\n")
    write("a.md", "Fine.\n")
    assert run("a.md").code == 0


@pytest.mark.parametrize("name, text, error", [
    # it ran on the defaults, as if no config had been named
    ("pyproject.toml", "[project]\nname = 'x'\n",
     "pyproject.toml: no [tool.postlint] table: --config names a file without postlint settings"),
    # it said "invalid YAML", or "expected a mapping of settings"
    ("ci.toml", "profile = 'brand'\n",
     "ci.toml: postlint reads TOML only from a pyproject.toml's [tool.postlint] table; name "
     "that file, or write this one as YAML (.postlint.yaml)"),
])
def test_a_toml_file_named_with_config_without_postlint_settings(run, write, name, text, error):
    write(name, text)
    write("a.md", "Fine.\n")
    result = run("--config", name, "a.md")
    assert (result.code, result.out, result.err) == (2, "", error + "\n")

def test_pyproject_without_table_is_not_a_config(run, write, tmp_path):
    write(".postlint.yaml", "profile: professional\n")
    write("sub/pyproject.toml", "[project]\nname = 'x'\n")
    write("sub/a.md", "lol\n")
    os.chdir(tmp_path / "sub")
    assert codes(run("--format", "json", "a.md")) == [("T104", 1, 1, "warning")]


def test_pyproject_error_names_the_keys_line(run, write):
    write("pyproject.toml", "[project]\nname = 'x'\n[tool.postlint]\nprofile = 3\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err == "pyproject.toml:4: profile: expected a string, got 3\n"
    # in a sub-table, and in an inline table (the line of its key)
    write("pyproject.toml", "[tool.postlint]\nprofile = 'public'\n\n[tool.postlint.rules]\n"
                            "# house style\nshouting = 'warn'\n")
    assert run("a.md").err.startswith("pyproject.toml:6: rules.shouting: expected a level")
    write("pyproject.toml", "[tool.postlint]\nbrand = { terms = ['GitHub'], preferred = 3 }\n")
    assert run("a.md").err == "pyproject.toml:2: brand.preferred: expected a mapping, got 3\n"


def test_pyproject_error_in_a_list_names_the_items_line(run, write):
    # it named the line of `select =`
    write("pyproject.toml", '[tool.postlint]\n# rules\nselect = [\n  "T101",  # loud\n'
                            '  "shoutng",\n]\n')
    result = run("a.md")
    assert (result.code, result.err) == (2, "pyproject.toml:5: select[1]: 'shoutng' names no "
                                            "rule (did you mean 'shouting'?)\n")


def test_config_option_and_isolated(run, write):
    write(".postlint.yaml", "profile: professional\n")
    write("other.yaml", "profile: friends-family\nextend-select: [chatspeak]\nrules:\n"
                        "  chatspeak: info\n")
    write("a.md", "lol\n")
    assert codes(run("--format", "json", "--config", "other.yaml", "a.md")) == \
        [("T104", 1, 1, "info")]
    assert codes(run("--format", "json", "--isolated", "a.md")) == []  # public: no chatspeak
    result = run("--config", "nope.yaml", "a.md")
    assert result.code == 2 and result.err == "nope.yaml: config file not found\n"


def test_isolated_ignores_a_broken_config(run, write):
    write(".postlint.yaml", "profile: [\n")
    write("a.md", "Calm.\n")
    assert run("a.md").code == 2
    assert run("--isolated", "a.md").code == 0


def test_select_ignore_extend_select_in_config(run, write):
    write("a.md", "lol " + SHOUT + RANT)
    write(".postlint.yaml", "select: [T]\n")  # replaces the profile's rules: chatspeak joins
    assert [c[0] for c in codes(run("--format", "json", "a.md"))] == ["T104", "T101"]
    write(".postlint.yaml", "ignore: [shouting]\nextend-select: T104\n")
    assert [c[0] for c in codes(run("--format", "json", "a.md"))] == ["T104", "R101"]


def test_command_line_wins_over_config(run, write):
    write("a.md", "lol " + SHOUT + RANT)
    write(".postlint.yaml", "profile: professional\nignore: [shouting]\nplatform: x\n")
    # --select starts afresh: the config's ignore no longer applies
    assert [c[0] for c in codes(run("--format", "json", "--select", "T101", "a.md"))] == ["T101"]
    # --profile replaces the config's profile
    result = run("--format", "json", "--profile", "public", "a.md").json()
    assert {f["profile"] for f in result} == {"public"}
    # --extend-select adds to what the config chose; --ignore removes more
    assert [c[0] for c in codes(run("--format", "json", "--ignore", "R", "a.md"))] == ["T104"]


def test_fail_on_in_config(run, write):
    write("a.md", SHOUT)
    write(".postlint.yaml", "fail-on: info\n")
    assert run("a.md").code == 1


def test_per_rule_levels_options_and_off(run, write):
    write("a.md", "Launch 🚀🚀 today " + SHOUT)
    write(".postlint.yaml", "rules:\n  emoji-overload: {level: error, max: 1}\n"
                            "  T101: off\n")
    result = run("--format", "json", "a.md")
    assert codes(result) == [("T103", 1, 9, "error")]
    assert result.json()[0]["message"].startswith("2 emoji in one post (limit 1)")
    assert result.code == 1


def test_config_rules_apply_on_top_of_the_drafts_profile(run, write):
    write(".postlint.yaml", "rules:\n  chatspeak: error\n")
    write("a.md", "---\nprofile: professional\n---\nlol\n")
    write("b.md", "lol\n")  # public: chatspeak is not enabled, and the config enables it
    assert codes(run("--format", "json", "a.md", "b.md")) == \
        [("T104", 4, 1, "error"), ("T104", 1, 1, "error")]


def test_include_and_exclude_globs(run, write):
    write(".postlint.yaml", "include: ['*.post']\nexclude: ['drafts/archive', 'skip-*']\n")
    write("drafts/a.post", SHOUT)
    write("drafts/b.md", SHOUT)
    write("drafts/skip-me.post", SHOUT)
    write("drafts/archive/c.post", SHOUT)
    result = run("drafts")
    assert [line.split(":")[0] for line in result.out.splitlines()[:-1]] == ["drafts/a.post"]


def test_globs_written_from_the_config_folder_with_dot_slash(run, write):
    # `./drafts/archive` matched no path (they are matched without the `./`): nothing
    # was excluded, without a word
    write(".postlint.yaml", "extend-exclude: ['./drafts/archive', './drafts/skip-*']\n")
    write("drafts/a.md", SHOUT)
    write("drafts/skip-me.md", SHOUT)
    write("drafts/archive/c.md", SHOUT)
    result = run(".")
    assert [line.split(":")[0] for line in result.out.splitlines()[:-1]] == ["drafts/a.md"]


def test_brand_vocabulary(run, write):
    write(".postlint.yaml", "brand:\n  terms: [GitHub, Acme Sync]\n  preferred:\n"
                            "    e-mail: email\n")
    write("a.md", "Try acme sync on Github.\nSend an e-mail.\n")
    data = run("--format", "json", "a.md").json()
    assert [(f["code"], f["line"], f["column"], f.get("replacement")) for f in data] == \
        [("B101", 1, 5, "Acme Sync"), ("B101", 1, 18, "GitHub"), ("B102", 2, 9, "email")]


def test_brand_rules_silent_without_brand(run, write):
    write("a.md", "Try acme sync on Github.\nSend an e-mail.\n")
    assert run("--format", "json", "a.md").json() == []


def test_platform_in_config_and_command_line(run, write):
    write(".postlint.yaml", "platform: x\n")
    write("a.md", "Calm.\n")
    assert run("a.md").code == 0
    write(".postlint.yaml", "platforms: [x, linkedin]\n")
    assert run("--platform", "x", "a.md").code == 0


# -- errors ---------------------------------------------------------------------------

def test_invalid_config_one_line_per_problem(run, write):
    write(".postlint.yaml", "profile: public\n"
                            "fail-on: loud\n"
                            "colour: red\n"
                            "select: 3\n"
                            "brand: [a]\n"
                            "rules:\n"
                            "  shouting:\n"
                            "    max: x\n")
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [  # in file order
        ".postlint.yaml:2: fail-on: expected one of info, warning, error, got 'loud'",
        f".postlint.yaml:3: colour: unknown key (known: {', '.join(schema.SCHEMA)})",
        ".postlint.yaml:4: select: expected a list of names, got 3",
        ".postlint.yaml:5: brand: expected a mapping, got ['a']",
    ]


def test_invalid_rule_entries(run, write):
    write(".postlint.yaml", "rules:\n"
                            "  emoji-overload:\n"
                            "    level: error\n"
                            "    max: x\n"
                            "  profanity:\n"
                            "    max: 3\n"
                            "  chatspeak: loud\n"
                            "  no-such-rule: error\n"
                            "select: [T101, Q9]\n")
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.code == 2
    assert sorted(result.err.splitlines()) == sorted([
        ".postlint.yaml:4: rules.emoji-overload.max: expected an integer, got 'x'",
        # (an option of other rules says so: it was meant for one of them)
        ".postlint.yaml:6: rules.profanity.max: unknown option for type 'lexicon': max is an "
        "option of emoji-overload, hashtag-count, link-count, mention-count and 1 more, not of "
        "this rule (known here: entries, exceptions, forms, ignorecase, literal, mentions, "
        "one_per_sentence, raw, regex, values, whole_words)",
        ".postlint.yaml:7: rules.chatspeak: expected a level (info, warning, error) or off, "
        "got 'loud'",
        ".postlint.yaml:8: rules.no-such-rule: unknown rule",
        ".postlint.yaml:9: select[1]: 'Q9' names no rule (use a code, a code prefix, a rule "
        "name or ALL)",
    ])


def test_a_rule_set_twice_by_code_and_name_is_a_mistake(run, write):
    # the later entry quietly won: here `off` was undone by the line below it
    write(".postlint.yaml", "rules:\n  T101: off\n  shouting: error\n"
                            "profiles:\n  team:\n    rules: {shouting: off, T101: info}\n")
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert sorted(result.err.splitlines()) == [
        ".postlint.yaml:3: rules.shouting: T101 and shouting are one rule, already set as "
        "'T101' (also on line 2); give each rule once",
        ".postlint.yaml:6: profiles.team.rules.T101: T101 and shouting are one rule, already "
        "set as 'shouting' (also on line 6); give each rule once",
    ]


@pytest.mark.parametrize("setting, message", [
    # an empty selector was a prefix of every code: it selected or ignored every rule
    ('ignore: [""]', "ignore[0]: '' names no rule (use a code, a code prefix, a rule name "
                     "or ALL)"),
    ('select: [shouting, ""]', "select[1]: '' names no rule (use a code, a code prefix, a "
                               "rule name or ALL)"),
])
def test_an_empty_selector_names_no_rule(run, write, setting, message):
    write(".postlint.yaml", setting + "\n")
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == f".postlint.yaml:1: {message}\n"


def test_an_empty_rule_in_front_matter_disable_names_no_rule(run, write):
    write("a.md", '---\ndisable: [""]\n---\n' + SHOUT)
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith("a.md: error: line 2: front matter: disable: '' names no rule")


@pytest.mark.parametrize("setting, message", [
    # `level` is read beside the options, so its typo was told only the options
    ("shouting: {levle: error}", "rules.shouting.levle: unknown option for type 'caps' (did "
                                 "you mean 'level'?)"),
    ("shouting: {min_leters: 3}", "rules.shouting.min_leters: unknown option for type 'caps' "
                                  "(did you mean 'min_letters'?)"),
    # YAML reads an unquoted off as false: the message said only "got False"
    ("shouting: {level: off}", "rules.shouting.level: expected one of info, warning, error, "
                               "got False; to turn the rule off, write shouting: off"),
])
def test_a_misspelt_option_or_level_names_the_key_meant(mistake, setting, message):
    assert mistake(f"rules:\n  {setting}\n", SHOUT) == [f".postlint.yaml:2: {message}"]


@pytest.mark.parametrize("setting, message", [
    ("negative-tone: {min: -2}", "rules.negative-tone.min: expected a number from -1 to 1, got -2"),
    ("emoji-overload: {max: -1}", "rules.emoji-overload.max: expected 0 or more, got -1"),
])
def test_a_setting_off_its_scale_is_a_mistake_not_a_rule_turned_off(mistake, setting, message):
    draft = "I hate this awful, useless product. Worst purchase ever.\n"
    assert mistake(f"rules:\n  {setting}\n", draft) == [f".postlint.yaml:2: {message}"]


@pytest.mark.parametrize("regions, message", [
    ("[US, UK]", "regions[1]: unknown region 'UK' (did you mean 'GB'?)"),
    ("[US, XX]", "regions[1]: unknown region 'XX' (expected an ISO 3166 region code such as "
                 "'US', 'GB' or 'DE')"),
    ("[1]", "regions[0]: expected an ISO 3166 region code such as 'US' or 'GB', got 1"),
])
def test_a_region_phonenumbers_does_not_know_is_a_mistake(mistake, regions, message):
    # `UK` used to pass and make personal-info find no British number at all
    assert mistake(f"regions: {regions}\n", "Call me at 020 7946 0958 today.\n") == [
        f".postlint.yaml:1: {message}"]


def test_regions_in_any_case_are_read(run, write):
    write(".postlint.yaml", "regions: gb\n")
    write("a.md", "Call me at 020 7946 0958 today.\n")
    result = run("--format", "json", "a.md")
    assert [f["code"] for f in result.json()] == ["R102"]


def test_invalid_yaml(run, write):
    write(".postlint.yaml", "profile: public\nrules: [\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith(".postlint.yaml:3: invalid YAML")


def test_a_tab_in_yaml_is_named(run, write):
    write(".postlint.yaml", "rules:\n\tprofanity: off\n")
    write("b.md", "---\nplatform: x\ntags:\n\t- launch\n---\nHi\n")
    result = run("a.md")
    assert (result.code, result.err) == (2, ".postlint.yaml:2: invalid YAML: a tab, where YAML "
                                            "indents with spaces only; indent with spaces\n")
    assert run("--isolated", "b.md").err.startswith(
        "b.md: error: line 4: front matter: invalid YAML: a tab, where YAML indents with spaces")


def test_unknown_profile_in_config_and_command_line(run, write):
    write(".postlint.yaml", "\nprofile: nobody\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith(".postlint.yaml:2: profile: unknown profile 'nobody' (known: "
                                 "brand, colleagues, friends-family, professional, public)")
    result = run("--isolated", "--profile", "nobody", "a.md")
    assert result.code == 2 and "profile: unknown profile 'nobody'" in result.err


def test_missing_rule_dir(run, write, tmp_path):
    # named with its line and index (the line was missing), and a file is no folder
    write(".postlint.yaml", "profile: public\nrule-dirs:\n  - a.md\n  - nowhere\n")
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    root = tmp_path.resolve()
    assert result.err.splitlines() == [
        f".postlint.yaml:3: rule-dirs[0]: rule folder 'a.md' is not a folder (in {root})",
        f".postlint.yaml:4: rule-dirs[1]: rule folder 'nowhere' does not exist (in {root})",
    ]


@pytest.mark.parametrize("entry, error", [
    ("shouting: on", "rules.shouting: expected a level or off, got true (YAML reads on, yes and "
                     "true alike); to run the rule, give its level: shouting: warning"),
    ("chatspeak: yes", "rules.chatspeak: expected a level or off, got true (YAML reads on, yes "
                       "and true alike); to run the rule, give its level: chatspeak: warning"),
    ("chatspeak:", "rules.chatspeak: expected a level, off, or a mapping of level and options, "
                   "got nothing (an empty value)"),
])
def test_a_rule_switched_on_with_true_says_to_give_its_level(mistake, entry, error):
    assert mistake(f"rules:\n  {entry}\n") == [f".postlint.yaml:2: {error}"]


@pytest.mark.parametrize("config, error", [
    ("ignore: [shouting]\nrules:\n  shouting: error\n",
     ".postlint.yaml:3: rules.shouting: shouting is set here, but ignore: [shouting] (line 1) "
     "turns shouting off, so it never applies; take it out of ignore, or remove this entry"),
    ("ignore: [T]\nrules:\n  T101: {level: error}\n",
     ".postlint.yaml:3: rules.T101: shouting is set here, but ignore: [T] (line 1) turns "
     "shouting off, so it never applies; take it out of ignore, or remove this entry"),
    ("select: [R]\nrules:\n  profanity: error\n  shouting: error\n  chatspeak: off\n",
     ".postlint.yaml:4: rules.shouting: shouting is set here, but select: (line 1) does not "
     "include shouting, so it never applies; add shouting to select or extend-select, or "
     "remove this entry"),
])
def test_a_rule_set_in_rules_that_the_configs_selection_turns_off_is_a_mistake(
        mistake, config, error):
    # the level set was never used, and the rule never ran, unsaid
    assert mistake(config, SHOUT) == [error]


def test_a_rule_set_in_rules_and_chosen_again_runs(run, write):
    write(".postlint.yaml", "ignore: [T]\nextend-select: [shouting]\nrules:\n  T101: error\n")
    write("a.md", SHOUT)
    assert run("a.md").code == 1
    write(".postlint.yaml", "ignore: [shouting]\nrules:\n  shouting: error\n")
    assert run("--select", "shouting", "a.md").code == 1  # the command line chooses afresh


@pytest.mark.parametrize("text, error", [
    ('[tool.postlint]\nprofile = "public"\n\nprofile = "brand"\n',
     "pyproject.toml:4: duplicate key 'profile' (also on line 2); give each key once"),
    ('[tool.postlint]\nfail-on = "error"\n[tool.postlint.rules]\nshouting = "off"\n'
     'shouting = "error"\n',
     "pyproject.toml:5: duplicate key 'shouting' (also on line 4); give each key once"),
    ('[tool.postlint]\nx = 1\n[tool.postlint]\n',
     "pyproject.toml:3: duplicate table [tool.postlint] (also on line 1); give each table "
     "once"),
    ('[tool.postlint]\nselect = [T101]\n',
     'pyproject.toml:2: invalid TOML: Invalid value (column 11): a string is written in '
     'quotes in TOML: "T101"'),
    ('[tool.postlint]\nselect = ["T101"\n',
     "pyproject.toml:2: invalid TOML: Unclosed array at the end of the file"),
])
def test_invalid_toml_in_pyproject_names_its_line(run, write, text, error):
    # the line was only inside the message, "(at line 4, column 18)", and the file had none
    write("pyproject.toml", text)
    write("a.md", "Hello.\n")
    result = run("a.md")
    assert (result.code, result.out, result.err) == (2, "", error + "\n")


@pytest.mark.parametrize("config, message", [
    ("lang: english", "lang: expected a BCP 47 language tag, got 'english' (did you mean "
                      "'en'?)"),
    ("lang: Deutsch", "lang: expected a BCP 47 language tag, got 'Deutsch' (did you mean "
                      "'de'?)"),
    ("lang: en_US", "lang: expected a BCP 47 language tag, got 'en_US' (did you mean 'en-US'? "
                    "BCP 47 joins its parts with '-')"),
    ("packs: [Finance]", "packs: unknown pack 'Finance' (did you mean 'finance'?)"),
    ("packs: [helth]", "packs: unknown pack 'helth' (did you mean 'health'?)"),
])
def test_a_language_or_pack_written_otherwise_names_the_one_meant(mistake, config, message):
    assert mistake(config + "\n") == [f".postlint.yaml:1: {message}"]


def test_a_language_written_by_name_in_front_matter_names_its_tag(run, write):
    write("a.md", "---\nlang: French\n---\nBonjour.\n")
    result = run("a.md")
    assert (result.code, result.err.splitlines()[0]) == (
        2, "a.md: error: line 2: front matter: lang: expected a BCP 47 language tag, got "
           "'French' (did you mean 'fr'?)")
