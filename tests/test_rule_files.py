"""Rule files in YAML: a broken rule stops the run with one line per problem, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

GOOD = (Path(__file__).parent / "data" / "overhype.yaml").read_text(encoding="utf-8")


def lint_with_rules(run, write, files: dict[str, str], *args):
    write(".postlint.yaml", "rule-dirs: [house-rules]\n")
    for name, text in files.items():
        write(f"house-rules/{name}", text)
    write("a.md", "An epic launch.\n")
    return run(*args, "a.md")


def test_a_good_rule_from_rule_dirs_runs(run, write):
    result = lint_with_rules(run, write, {"tone/overhype.yaml": GOOD}, "--select", "overhype")
    assert result.out.splitlines()[0] == \
        "a.md:1:4: X901 'epic' is overhype; say what happened (overhype)"
    assert "X901   overhype                 tone       off" in run("--list-rules").out


def test_a_list_of_rules_in_one_file(run, write):
    second = GOOD.replace("X901", "X902").replace("name: overhype", "name: overhype-two")
    text = "- " + GOOD.replace("\n", "\n  ").rstrip() + "\n- " + \
        second.replace("\n", "\n  ").rstrip() + "\n"
    result = lint_with_rules(run, write, {"house.yml": text}, "--select", "X9")
    assert [line.split(" ")[1] for line in result.out.splitlines()[:-1]] == ["X901", "X902"]


@pytest.mark.parametrize("change, expected", [
    (("why: Hype words promise more than a post can show.\n", ""),
     "house-rules/tone/overhype.yaml:1: why: missing required key"),
    (("level: warning\n", "level: warning\ncolour: red\n"),
     "house-rules/tone/overhype.yaml:5: colour: unknown key (known: category, code, examples, "
     "fixable, languages, level, message, name, options, source, type, why)"),
    (("code: X901", "code: x9"),
     "house-rules/tone/overhype.yaml:1: code: expected a code such as T101 (capital letters, then "
     "three digits), got 'x9'"),
    (("name: overhype", "name: Hype_Words"),
     "house-rules/tone/overhype.yaml:2: name: expected a kebab-case name such as 'all-caps', got "
     "'Hype_Words'"),
    (("level: warning", "level: loud"),
     "house-rules/tone/overhype.yaml:4: level: expected one of info, warning, error, got 'loud'"),
    (("level: warning", "level: warn"),
     "house-rules/tone/overhype.yaml:4: level: expected one of info, warning, error, got 'warn' "
     "(did you mean 'warning'?)"),
    (("type: existence", "type: existance"),
     "house-rules/tone/overhype.yaml:3: type: unknown rule type 'existance' (did you mean "
     "'existence'?)"),
    (("type: existence", "type: vibes"),
     "house-rules/tone/overhype.yaml:3: type: unknown rule type 'vibes' (known: below-the-fold, capitalization, "),
    (("tokens: [epic, insane]", "tokens: [epic]\n  ignorecase: 'yes'"),
     "house-rules/tone/overhype.yaml:9: overhype.options.ignorecase: expected a bool, got 'yes'"),
    (("tokens: [epic, insane]", "tokens: [epic]\n  colour: red"),
     "house-rules/tone/overhype.yaml:9: overhype.options.colour: unknown option for type 'existence' "
     "(known: exceptions, forms, ignorecase, literal, mentions, parts, raw, regex, tokens, whole_words)"),
    (("tokens: [epic, insane]", "tokens: [epic, no, insane]"),
     "house-rules/tone/overhype.yaml:8: overhype.options.tokens: item 2 is False, not a word: "
     "YAML reads an unquoted no, yes, on or off as true/false; quote it ('no', 'on')"),
    (("tokens: [epic, insane]", "tokens: [epic]\n  mentions: {before: ['(unclosed']}"),
     "house-rules/tone/overhype.yaml:9: overhype.options.mentions: before: invalid regular "
     "expression"),
    (("tokens: [epic, insane]", "tokens: [epic]\n  mentions: {quotes: true}"),
     "house-rules/tone/overhype.yaml:9: overhype.options.mentions: unknown key(s) quotes "
     "(known: after, at, before, quoted)"),
    (("tokens: [epic, insane]", "tokens: ['(unclosed']\n  regex: true"),
     "house-rules/tone/overhype.yaml:8: overhype.options.tokens: invalid regular expression"),
    (("  pass: [\"This is good.\", \"A calm launch.\", \"Epicurean food\"]\n", ""),
     "house-rules/tone/overhype.yaml:9: examples: expected 'flag' and 'pass' lists of examples"),
    (("options:", "options: [\n"),
     "house-rules/tone/overhype.yaml:"),
])
def test_invalid_rule_file(run, write, change, expected):
    old, new = change
    assert old in GOOD
    result = lint_with_rules(run, write, {"tone/overhype.yaml": GOOD.replace(old, new)})
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines()[0].startswith(expected)


def test_every_problem_reported_at_once(run, write):
    bad = GOOD.replace("code: X901", "code: x9").replace("level: warning", "level: loud")
    other = GOOD.replace("X901", "X902").replace("name: overhype", "name: calm").replace(
        "type: existence", "type: vibes")
    result = lint_with_rules(run, write, {"a/one.yaml": bad, "b/two.yaml": other})
    assert result.code == 2
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in result.err.splitlines()] \
        == ["house-rules/a/one.yaml:1: code", "house-rules/a/one.yaml:4: level",
            "house-rules/b/two.yaml:3: type"]


def test_missing_required_option(run, write):
    text = GOOD.replace("options:\n  tokens: [epic, insane]\n", "")
    result = lint_with_rules(run, write, {"tone/overhype.yaml": text})
    assert result.code == 2
    assert result.err == "house-rules/tone/overhype.yaml:1: overhype.options.tokens: missing required option\n"


@pytest.mark.parametrize("clash", [("name: overhype", "name: shouting"), ("code: X901", "code: T101")])
def test_duplicate_name_or_code(run, write, clash):
    result = lint_with_rules(run, write, {"tone/overhype.yaml": GOOD.replace(*clash)})
    assert result.code == 2
    line = result.err.splitlines()[0]
    assert line.startswith("house-rules/tone/overhype.yaml:1: name: rule ")
    assert "is already defined at" in line and "shouting.yaml:1" in line


def test_duplicate_within_the_same_folder(run, write):
    twin = GOOD.replace("X901", "X902")
    result = lint_with_rules(run, write, {"a.yaml": GOOD, "b.yaml": twin})
    assert result.code == 2
    assert result.err.startswith("house-rules/b.yaml:1: name: rule overhype (X902) is already "
                                 "defined at ")


def test_invalid_profile_file(run, write):
    result = lint_with_rules(run, write, {
        "tone/overhype.yaml": GOOD,
        "profiles/loud.yaml": "name: loud\nextends: public\nrules:\n  overhype: error\n"
                              "  nothing: warning\ncolour: red\n",
    })
    assert result.code == 2
    assert result.err.splitlines() == [
        "house-rules/profiles/loud.yaml:6: colour: unknown key (known: description, extends, "
        "name, rules, strictness)",
    ]


def test_profile_in_a_rule_folder(run, write):
    result = lint_with_rules(run, write, {
        "tone/overhype.yaml": GOOD,
        "profiles/loud.yaml": "name: loud\nextends: public\nrules:\n  overhype: error\n",
    }, "--profile", "loud")
    assert result.code == 1
    assert result.out.startswith("a.md:1:4: X901 ")


def test_a_rule_that_fails_to_compile_stops_the_run(run, write):
    metric = GOOD.replace("type: existence", "type: metric").replace(
        "tokens: [epic, insane]", "function: nosuch\n  max: 3")
    result = lint_with_rules(run, write, {"tone/overhype.yaml": metric}, "--select", "overhype")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("house-rules/tone/overhype.yaml:1: overhype.options: unknown function "
                                 "'nosuch' (known: ")


@pytest.mark.parametrize("change, error", [
    # a misnamed required option is one mistake, with the option meant (it said the
    # option was missing, and offered whole_words for words)
    (("tokens: [epic, insane]", "words: [epic, insane]"),
     "house-rules/tone/overhype.yaml:8: overhype.options.words: unknown option for type "
     "'existence' (did you mean 'tokens'? it is required, and missing)"),
    # examples under another name, or not in a list, were never run as examples
    (("  flag:", "  fail:"), "house-rules/tone/overhype.yaml:10: examples.fail: unknown key "
                             "(did you mean 'flag'?)"),
    (("examples:\n", "examples:\n  passes: [\"Calm.\"]\n"),
     "house-rules/tone/overhype.yaml:10: examples.passes: unknown key (did you mean 'pass'?)"),
    (("examples:\n", "fixable: maybe\nexamples:\n"),
     "house-rules/tone/overhype.yaml:9: fixable: expected true or false, got 'maybe'"),
])
def test_a_misnamed_option_or_example_list_names_the_one_meant(run, write, change, error):
    old, new = change
    assert old in GOOD
    result = lint_with_rules(run, write, {"tone/overhype.yaml": GOOD.replace(old, new)})
    assert (result.code, result.out, result.err) == (2, "", error + "\n")
