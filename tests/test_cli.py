"""The command line as a user sees it: output lines, summary, JSON, exit codes, options."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SHOUT = "Our launch is AMAZING.\n"  # T101 at 1:15-1:22 (warning in public)
RANT = "Honestly this is bullshit.\n"  # R101 profanity at 1:18 (warning in public); T107
# negative-tone at 1:1 (info in public)


def test_default_output_line_and_summary(run, write):
    write("a.md", SHOUT)
    result = run("a.md")
    assert result.out.splitlines() == [
        "a.md:1:15: T101 'AMAZING' reads as shouting; write it in sentence case and let the"
        " words carry the emphasis (shouting)",
        "Found 1 problem (1 warning) in 1 of 1 draft.",
    ]
    assert result.code == 0  # a warning does not fail by default (--fail-on error)


def test_clean_run_summary_and_exit_zero(run, write):
    write("a.md", "A calm and friendly post.\n")
    write("b.txt", "Another calm one.\n")
    result = run(".")
    assert result.out == "All clear: 2 drafts checked.\n"
    assert result.code == 0


def test_json_fields(run, write):
    write("a.md", "---\nprofile: professional\n---\nThis is AMAZING.\n")
    result = run("--format", "json", "a.md")
    assert result.code == 0  # a warning; the default --fail-on is error
    data = result.json()
    assert data == [{
        "path": "a.md", "line": 4, "column": 9, "end_line": 4, "end_column": 16,
        "code": "T101", "name": "shouting", "level": "warning",
        "message": "'AMAZING' reads as shouting; write it in sentence case and let the words"
                   " carry the emphasis",
        "profile": "professional",
    }]


def test_json_replacement_present_when_one_exists(run, write):
    write(".postlint.yaml", "brand:\n  terms: [GitHub]\n")
    write("a.md", "We moved to Github.\n")
    data = run("--format", "json", "a.md").json()
    assert [(f["code"], f["column"], f["end_column"], f["replacement"]) for f in data] == \
        [("B101", 13, 19, "GitHub")]


def test_exit_codes_and_fail_on(run, write):
    write("a.md", SHOUT)
    assert run("a.md").code == 0
    assert run("--fail-on", "warning", "a.md").code == 1
    assert run("--fail-on", "info", "a.md").code == 1
    assert run("--fail-on", "warning", "--exit-zero", "a.md").code == 0
    write(".postlint.yaml", "fail-on: warning\n")
    assert run("a.md").code == 1
    assert run("--fail-on", "error", "a.md").code == 0  # the command line wins


def test_exit_one_on_error_level(run, write):
    write("a.md", "---\nprofile: professional\n---\n" + RANT)
    result = run("a.md")
    assert result.code == 1
    assert "a.md:4:18: R101 'bullshit' is profanity" in result.out
    assert run("--exit-zero", "a.md").code == 0


def test_exit_two_for_usage_and_read_errors(run, write):
    assert run("--format", "nope", "x.md").code == 2
    assert run("--fail-on", "loud", "x.md").code == 2
    result = run("missing.md")
    assert result.code == 2
    assert "missing.md: error: no such file" in result.err
    write("bad.md", b"caf\xe9\n")
    result = run("bad.md")
    assert result.code == 2 and "bad.md: error: line 1: not valid UTF-8" in result.err


def test_read_error_does_not_hide_other_findings(run, write):
    write("a.md", SHOUT)
    result = run("a.md", "missing.md", "--fail-on", "warning")
    assert result.code == 2
    assert "a.md:1:15: T101" in result.out


@pytest.mark.parametrize("selector", ["T101", "T1", "T", "shouting", "t101", "ALL"])
def test_select_by_code_prefix_name(run, write, selector):
    write("a.md", SHOUT + RANT)
    codes = {f["code"] for f in run("--format", "json", "--select", selector, "a.md").json()}
    assert "T101" in codes and ("R101" in codes) == (selector == "ALL")


@pytest.mark.parametrize("selector", ["T101", "T1", "shouting"])
def test_ignore_by_code_prefix_name(run, write, selector):
    write("a.md", SHOUT + RANT)
    codes = [f["code"] for f in run("--format", "json", "--ignore", selector, "a.md").json()]
    assert codes == ["R101"]


def test_extend_select_adds_a_rule_the_profile_leaves_off(run, write):
    write("a.md", "lol that was fun\n")
    assert run("--format", "json", "a.md").json() == []  # public has no chatspeak
    data = run("--format", "json", "--extend-select", "chatspeak", "a.md").json()
    assert [(f["code"], f["line"], f["column"], f["level"]) for f in data] == \
        [("T104", 1, 1, "warning")]


def test_select_comma_list_and_more_precise_ignore(run, write):
    write("a.md", SHOUT + RANT)
    data = run("--format", "json", "--select", "T,R", "--ignore", "R101", "a.md").json()
    assert [f["code"] for f in data] == ["T101"]
    data = run("--format", "json", "--ignore", "R", "--select", "R101", "a.md").json()
    assert [f["code"] for f in data] == ["R101"]  # a code is more precise than a prefix


def test_unknown_selector_is_a_usage_error(run, write):
    write("a.md", SHOUT)
    result = run("--select", "Z9", "a.md")
    assert result.code == 2
    assert result.err == ("<command line>: --select: 'Z9' names no rule (use a code, a code "
                          "prefix, a rule name or ALL)\n")


def test_a_code_typed_with_a_letter_for_a_digit_suggests_the_code(run, write):
    write("a.md", SHOUT)
    assert run("--ignore", "R1O1", "a.md").err == (
        "<command line>: --ignore: 'R1O1' names no rule (did you mean 'R101'?)\n")
    write(".postlint.yaml", "ignore: [Tl04]\n")
    assert "ignore[0]: 'Tl04' names no rule (did you mean 'T104'?)" in run("a.md").err


def test_a_pack_named_as_a_rule_is_told_how_packs_are_turned_on(run, write):
    write("a.md", SHOUT)
    result = run("--extend-select", "Finance", "a.md")
    assert result.code == 2
    assert result.err == (
        "<command line>: --extend-select: 'Finance' names no rule ('finance' is a rule pack: "
        "turn it on with `packs: [finance]` in the config or the draft's front matter, or "
        "select its rules: forward-looking, performance-promise, testimonial)\n")
    write(".postlint.yaml", "select: [health]\n")
    assert "select[0]: 'health' names no rule ('health' is a rule pack" in run("a.md").err


def test_statistics(run, write):
    write("a.md", "WORST day. AGAIN and AGAIN.\n" + RANT)
    lines = run("--statistics", "--ignore", "negative-tone", "a.md").out.splitlines()
    assert lines[-4:] == [
        "",
        "    3  T101   shouting (warning)",
        "    1  R101   profanity (warning)",
        "Found 4 problems (4 warnings) in 1 of 1 draft.",
    ]


def test_show_source(run, write):
    write("a.md", "Title\n\nOur launch is AMAZING.\n")
    lines = run("--show-source", "a.md").out.splitlines()
    assert lines[1:3] == [
        "     3 | Our launch is AMAZING.",
        "       |               ^^^^^^^",
    ]


def test_color(run, write, monkeypatch):
    write("a.md", SHOUT)
    assert "\x1b[" not in run("a.md").out  # not a terminal
    assert "\x1b[" not in run("--color", "never", "a.md").out
    colored = run("--color", "always", "a.md").out
    assert "\x1b[33mT101\x1b[0m" in colored and "\x1b[1ma.md:1:15:\x1b[0m" in colored
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("a.md").out
    assert "\x1b[" in run("--color", "always", "a.md").out  # an explicit choice wins


def test_use_color_auto_follows_the_terminal(monkeypatch):
    from postlint.cli import main as cli  # the module

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(cli.sys, "stdout", Tty())
    assert cli.use_color("auto") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_color("auto") is False
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset
    assert cli.use_color("auto") is True


def test_list_rules(run):
    result = run("--list-rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["code", "name", "category", "in", "'public'"]
    assert "T101   shouting                 tone       warning" in lines
    assert "T104   chatspeak                tone       off" in lines
    assert "B101   brand-term-case          brand      warning, silent until brand.terms is set" \
        in lines


def test_list_rules_follows_profile(run):
    lines = run("--list-rules", "--profile", "professional").out.splitlines()
    assert lines[0].split() == ["code", "name", "category", "in", "'professional'"]
    assert "T104   chatspeak                tone       warning" in lines
    assert "T103   emoji-overload           tone       warning (max: 3, max_run: 2)" in lines
    lines = run("--list-rules", "--profile", "brand").out.splitlines()
    assert "T101   shouting                 tone       error" in lines
    assert "R114   employer-voice           risk       off" in lines


def test_list_rules_shows_the_config_on_top_of_the_profile(run, write):
    write(".postlint.yaml", "brand: {terms: [GitHub]}\nrules:\n  shouting: {level: info}\n"
                            "  readability: {max: 10}\n")
    lines = run("--list-rules").out.splitlines()
    assert "B101   brand-term-case          brand      warning" in lines
    assert "T101   shouting                 tone       info" in lines
    assert "T109   readability              tone       info (max: 10)" in lines


def test_list_profiles_in_words(run):
    out = run("--list-profiles").out
    assert "  ~ T103 emoji-overload: info -> warning (max: 3, max_run: 2)\n" in out
    assert "{" not in out


def test_explain_by_code_and_name(run):
    result = run("--explain", "T101")
    assert result.code == 0
    out = result.out
    assert out.startswith("T101 shouting\n")
    assert "Flags:\n  - THIS IS UNACCEPTABLE and we will not stand for it." in out
    assert "Does not flag:\n  - NASA and the ESA announced the mission today." in out
    assert "Profiles:\n  brand: error\n  colleagues: warning\n  friends-family: info\n" in out
    assert run("--explain", "shouting").out == out
    assert "Profiles:" in run("--explain", "chatspeak").out
    assert "  public: off" in run("--explain", "chatspeak").out


def test_explain_unknown_rule(run):
    result = run("--explain", "nope")
    assert result.code == 2
    assert (result.out, result.err) == (
        "", "postlint: --explain: no rule named 'nope' (see --list-rules)\n")
    result = run("--explain", "shoutin")
    assert (result.code, result.err) == (
        2, "postlint: --explain: no rule named 'shoutin' (did you mean 'shouting'?)\n")


def test_list_formats(run):
    out = run("--list-formats").out
    assert "json " in out and "text " in out


def test_folder_as_written_and_nested_output(run, write):
    write("drafts/a.md", SHOUT)
    write("drafts/sub/b.markdown", RANT)
    write("drafts/notes.rst", SHOUT)  # not a draft extension: skipped in folders
    write("drafts/.hidden/c.md", SHOUT)  # hidden folders are skipped
    result = run("drafts/")
    assert [line.split(" ")[0] for line in result.out.splitlines()[:-1]] == \
        ["drafts/a.md:1:15:", "drafts/sub/b.markdown:1:1:", "drafts/sub/b.markdown:1:18:"]
    assert result.out.splitlines()[-1] == \
        "Found 3 problems (2 warnings, 1 info) in 2 of 2 drafts."


def test_named_file_read_whatever_its_extension(run, write):
    write("post.rst", SHOUT)
    assert run("post.rst").out.startswith("post.rst:1:15: T101")


def test_stdin_with_filename(run):
    result = run("-", "--stdin-filename", "drafts/new.md", stdin=SHOUT)
    assert result.out.startswith("drafts/new.md:1:15: T101")
    result = run("-", stdin=SHOUT)
    assert result.out.startswith("-:1:15: T101")


def test_display_path_keeps_symlinks(run, write, tmp_path):
    write("real/a.md", SHOUT)
    try:
        (tmp_path / "link").symlink_to(tmp_path / "real")
    except OSError:
        pytest.skip("symbolic links not available")
    assert run("link/a.md").out.startswith("link/a.md:1:15:")
    assert run(str(tmp_path / "link" / "a.md")).out.startswith("link/a.md:1:15:")


def test_paths_outside_the_folder_shown_as_given(run, write, tmp_path):
    write("inner/a.md", SHOUT)
    write("other/b.md", SHOUT)
    import os
    os.chdir(tmp_path / "inner")
    assert run("../other/b.md").out.startswith("../other/b.md:1:15:")


@pytest.mark.parametrize("given, shown", [
    ("./a.md", "a.md"), ("sub/../a.md", "a.md"), ("sub//b.md", "sub/b.md"),
    ("ABS/sub/b.md", "sub/b.md"), (".", "a.md")])
def test_paths_below_the_folder_shown_relative_and_tidy(run, write, tmp_path, given, shown):
    write("a.md", SHOUT)
    write("sub/b.md", SHOUT)
    out = run(given.replace("ABS", str(tmp_path))).out
    assert out.startswith(f"{shown}:1:15:")


def test_examples_folder_runs(run, tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copy(ROOT / ".postlint.yaml", tmp_path / ".postlint.yaml")
    result = run("examples/drafts/")
    assert result.code == 1
    codes = {line.split(" ")[1] for line in result.out.splitlines()[:-1]}
    assert {c[0] for c in codes} >= {"T", "B", "R"}
    assert result.out.splitlines()[-1].endswith("of 12 drafts.")


def test_explain_shows_example_platforms_config_and_drafts(run):
    out = run("--explain", "forbidden-hashtag").out
    assert "  - Summer sale starts now #BlackFriday  (config: brand.hashtags.forbidden=" \
        "[#BlackFriday])\n" in out
    assert "Does not flag:\n  - Summer sale starts now #BlackFriday\n" in out
    out = run("--explain", "mention-count").out
    assert "  - [club] Thanks @ana @bo  (config: platform-settings.club.length.code-points=500," \
        " platform-settings.club.max_mentions=1)\n" in out
    # A long example is cut in the middle, so its end (here the 21st mention) shows.
    assert "  - [instagram] Thanks @a1 @a2 " in out and " @a20 @a21\n" in out
    out = run("--explain", "term-consistency").out
    assert "  - 2 drafts: Send us an e-mail today. | Our email is open. Email us!\n" in out


def test_profile_rules_times_the_drafts_of_every_folders_config(run, write):
    # (a draft under another config is linted by that config's linter: timed as well)
    write("sub/.postlint.yaml", "profile: professional\n")
    write("sub/a.md", "This is AMAZING, lol.\n")
    write("b.md", "Calm and plain.\n")
    result = run("--profile-rules", "--select", "shouting,chatspeak", "sub/a.md", "b.md")
    rows = {line.split()[0]: line.split() for line in result.err.splitlines()[1:-1]}
    assert rows["shouting"][1] == "T101" and rows["shouting"][-1] == "2"


def test_profile_rules_prints_each_rules_time_slowest_first(run, write):
    write("a.md", "This is AMAZING, lol.\n---\nA second post, calm and plain.\n")
    result = run("--profile-rules", "--select", "shouting,chatspeak,readability", "a.md")
    assert result.out.startswith("a.md:1:9: T101 ")  # the report is unchanged
    lines = result.err.splitlines()
    assert lines[0].split() == ["rule", "code", "seconds", "share", "checks"]
    rows = {line.split()[0]: line.split() for line in lines[1:-1]}
    assert set(rows) == {"shouting", "chatspeak", "readability"}
    # at most once per post (a rule whose words cannot be in a post is skipped)
    assert all(1 <= int(row[-1]) <= 2 for row in rows.values()) and rows["shouting"][-1] == "2"
    seconds = [float(row[2]) for row in rows.values()]
    assert seconds == sorted(seconds, reverse=True)
    assert lines[-1].split()[:2] == ["all", "rules"]
    assert abs(float(lines[-1].split()[2]) - sum(seconds)) < 0.002


@pytest.mark.parametrize("option", ["--config", "--profile", "--format", "--output-file",
                                    "--diff-base", "--rule-dir", "--platform", "--select"])
def test_an_empty_option_value_is_a_usage_error(run, write, option):
    # `--config "$CONFIG"` with the variable unset meant no option: the config found
    # instead, no report written, every draft linted, or the current folder read as rules
    write("a.md", "Hello there.\n")
    result = run(option, "", "a.md")
    assert result.code == 2 and result.out == ""
    assert f"Invalid value for '{option}': expected a value, got '' (an empty variable?)" \
        in result.err


def test_stdin_filename_without_standard_input_is_a_usage_error(run, write):
    # it was ignored: the name the user meant the report to carry was never used
    write("a.md", "Hello there.\n")
    result = run("--stdin-filename", "post.md", "a.md")
    assert result.code == 2 and result.out == ""
    assert "--stdin-filename names the draft read from standard input; give '-' among the " \
           "paths to read it" in result.err


def test_a_missing_rule_dir_is_blamed_on_the_command_line(run, write):
    # it was blamed on the config: ".postlint.yaml: rule-dirs: rule folder 'nonexist' ..."
    write(".postlint.yaml", "profile: public\n")
    write("a.md", "Fine.\n")
    result = run("--rule-dir", "nonexist", "a.md")
    assert (result.code, result.out, result.err) == (
        2, "", "<command line>: --rule-dir: rule folder 'nonexist' does not exist\n")


def test_a_misspelt_choice_on_the_command_line_names_the_one_meant(run, write):
    write("a.md", "Fine.\n")
    result = run("--fail-on", "warn", "a.md")
    assert result.code == 2
    assert ("Error: Invalid value for '--fail-on': 'warn' is not one of 'info', 'warning', "
            "'error' (did you mean 'warning'?)") in result.err


def test_a_format_in_another_case_names_the_one_meant(run, write):
    write("a.md", "Fine.\n")
    result = run("--format", "JSON", "a.md")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == (
        "Error: Invalid value for --format: unknown format 'JSON' (did you mean 'json'?); "
        "known: github, gitlab, html, json, junit, sarif, text")


@pytest.mark.parametrize("args, error", [
    (["--fix", "--diff"], "--diff shows what --fix would change and writes nothing; give one "
                          "of them"),
    (["--fix-read-only"], "--fix-read-only lets --fix rewrite more drafts; give --fix too, or "
                          "leave it out"),
    (["--diff", "--fix-hard-links"], "--fix-hard-links lets --fix rewrite more drafts; give "
                                     "--fix too, or leave it out"),
    (["--list-rules", "--fix"], "--fix does nothing with --list-rules, which prints its answer "
                                "and exits, linting nothing; give one of them"),
    (["--explain", "T101", "--output-file", "out.json"],
     "--output-file does nothing with --explain, which prints its answer and exits, linting "
     "nothing; give one of them"),
])
def test_options_that_do_nothing_with_the_others_given_are_a_usage_error(run, write, args,
                                                                         error):
    # each was passed over: --fix --diff wrote nothing, --list-rules --fix fixed nothing
    write("a.md", "We moved to Github.\n")
    write(".postlint.yaml", "brand:\n  terms: [GitHub]\n")
    result = run(*args, "a.md")
    assert (result.code, result.out, result.err.splitlines()[-1]) == (2, "", f"Error: {error}")
    assert (Path("a.md").read_text(), Path("out.json").exists()) == ("We moved to Github.\n",
                                                                     False)


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select", "--platform"])
def test_a_selection_of_only_commas_is_a_usage_error(run, write, option):
    # `--select ,` (a list variable left empty) selected nothing and ran the profile's rules
    write("a.md", "Fine.\n")
    result = run(option, ", ,", "a.md")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == (f"Error: Invalid value for '{option}': expected a "
                                           f"name, got ', ,'")
