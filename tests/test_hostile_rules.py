"""Rules and configs written by other people: loaded safely, refused clearly, never a hang."""

from __future__ import annotations

import pytest

from postlint.checks import base as check
from postlint import plugins

RULE = """\
code: X101
name: custom-rule
type: existence
level: warning
message: "'{{match}}' found"
why: a test rule
options:
{options}
examples:
  flag: [aaa]
  pass: [b]
"""


@pytest.fixture
def rule_dir(write):
    """Write a user rule folder with one rule (given its options block) and a config."""

    def _make(options: str, extra: str = "") -> None:
        write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X101]\n")
        write("myrules/custom/rule.yaml", RULE.format(options=options) + extra)

    return _make


def test_catastrophic_user_regex_is_stopped_and_reported(rule_dir, write, run, monkeypatch):
    monkeypatch.setattr(check, "SEARCH_TIMEOUT", 0.2)
    rule_dir('  tokens: ["(a|aa)+$"]\n  regex: true\n  whole_words: false')
    for name in ("d1.md", "d2.md", "d3.md"):
        write(name, "a" * 60 + "!\nWhat a SHAMEFUL mess.\n")
    result = run("d1.md", "d2.md", "d3.md")
    assert ("d1.md: error: rule custom-rule (X101): a pattern search timed out; simplify the "
            "rule's pattern (the rule was stopped for this run)") in result.err
    assert result.err.count("timed out") == 1  # stopped, not retried on every draft
    assert "d3.md:2:8: T101 'SHAMEFUL'" in result.out  # the other rules still ran
    assert result.code == 2


def test_config_regex_on_a_built_in_rule_is_stopped_too(write, run, monkeypatch):
    # built-in rules search without the time limit, but not once a config gives them patterns
    monkeypatch.setattr(check, "SEARCH_TIMEOUT", 0.2)
    write(".postlint.yaml", 'rules:\n  profanity:\n    whole_words: false\n'
                            '    entries: [{tokens: ["(a|aa)+$"]}]\n')
    write("d1.md", "a" * 60 + "!\nWhat a SHAMEFUL mess.\n")
    result = run("d1.md")
    assert ("d1.md: error: rule profanity (R101): a pattern search timed out; simplify the "
            "rule's pattern (the rule was stopped for this run)") in result.err
    assert "d1.md:2:8: T101 'SHAMEFUL'" in result.out
    assert result.code == 2


def test_only_the_built_in_rule_folder_is_trusted(catalog, tmp_path):
    assert all(rule.trusted for rule in catalog.rules.values())
    folder = tmp_path / "myrules" / "custom"
    folder.mkdir(parents=True)
    (folder / "rule.yaml").write_text(RULE.format(options="  tokens: [x]"))
    extra = type(catalog).load(plugins.manager(), [tmp_path / "myrules"])
    assert not extra.rules["custom-rule"].trusted
    assert extra.rules["profanity"].trusted


def test_search_time_limit_really_applies_to_regex():
    pattern = check.regex.compile("(a|aa)+$")
    with pytest.raises(TimeoutError):
        check.Context(timeout=0.05).search(pattern, "a" * 80 + "!")


@pytest.mark.parametrize("options, extra, message", [
    ('  tokens: [x]', "colour: red\n", "rule.yaml:12: colour: unknown key"),
    ('  tokens: [x]\n  ignorecase: "yes"', "",
     "rule.yaml:9: custom-rule.options.ignorecase: expected a bool, got 'yes'"),
    ('  tokens: ["(unclosed"]\n  regex: true', "",
     "rule.yaml:8: custom-rule.options.tokens: invalid regular expression '(unclosed'"),
    ('  tokens: [x]\n  speed: 3', "",
     "rule.yaml:9: custom-rule.options.speed: unknown option for type 'existence'"),
    ('  tokens: 7', "", "rule.yaml:8: custom-rule.options.tokens: expected a list, got 7"),
    ("  tokens: ['room\\s+\\d']\n  regex: true", "",
     "rule.yaml:8: custom-rule.options.tokens: the regular expression 'room\\s+\\d' ends in one "
     "digit or word character, so as a whole word it never matches where more follow"),
])
def test_rule_mistakes_name_file_line_and_key(rule_dir, write, run, options, extra, message):
    rule_dir(options, extra)
    write("a.md", "hello\n")
    result = run("a.md")
    assert message in result.err
    assert result.code == 2 and result.out == ""


def test_rule_files_cannot_construct_objects(write, run, tmp_path):
    write(".postlint.yaml", "rule-dirs: [myrules]\n")
    write("myrules/custom/evil.yaml",
          "code: X102\nname: evil\ntype: !!python/object/apply:os.system ['touch pwned']\n")
    write("a.md", "hello\n")
    result = run("a.md")
    assert "evil.yaml:3: invalid YAML: could not determine a constructor" in result.err
    assert not (tmp_path / "pwned").exists() and result.code == 2


def test_alias_bomb_is_refused(write, run):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    write(".postlint.yaml", "brand:\n  " + "\n  ".join(lines) + "\n")
    write("a.md", "hello\n")
    result = run("a.md")
    assert ".postlint.yaml: invalid YAML: its aliases expand to more than 1,000,000 values" \
        in result.err
    assert result.code == 2


def test_alias_references_are_counted_not_mapping_keys(write, run):
    """More than 100 alias references are refused; a file with many mappings and a few
    aliases (a rule with many examples) is read."""
    examples = "\n".join(f"  - {{text: 'Post {i}', config: {{lang: de}}}}" for i in range(150))
    write(".postlint.yaml", "brand:\n  terms: &t [Acme]\n  other: *t\nrules:\n  hype: warning\n"
                            f"work:\n  notes:\n{examples}\n")
    write("a.md", "hello\n")
    assert "alias" not in run("a.md").err
    write(".postlint.yaml", "brand:\n  terms: &t [Acme]\n  more: [" + ", ".join(["*t"] * 101) + "]\n")
    result = run("a.md")
    assert "more than 100 alias references" in result.err and result.code == 2


def test_huge_config_is_refused_before_parsing(write, run):
    write(".postlint.yaml", "brand:\n  terms:\n" + "    - word\n" * 300_000)
    write("a.md", "hello\n")
    result = run("a.md")
    assert ".postlint.yaml: file is larger than 2048 KiB" in result.err
    assert result.code == 2


def test_config_mistakes_name_file_line_and_key(write, run):
    write(".postlint.yaml", "profile: public\nfail-on: sometimes\nspeed: fast\n")
    write("a.md", "hello\n")
    result = run("a.md")
    assert ".postlint.yaml:3: speed: unknown key" in result.err
    assert ".postlint.yaml:2: fail-on: expected one of info, warning, error" in result.err
    assert result.code == 2


@pytest.mark.parametrize("rule_type, options", [
    ("conditional", '  regex: true\n  first: ["(unclosed"]\n  second: [abc]'),
    ("near", '  regex: true\n  pairs: [{first: ["(unclosed"], second: [abc]}]'),
    ("disclosure", '  regex: true\n  triggers: ["(unclosed"]\n  disclosures: ["#ad"]'),
])
def test_bad_regex_in_any_word_list_type_is_a_rule_error(write, run, rule_type, options):
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X101]\n")
    write("myrules/custom/rule.yaml",
          RULE.replace("type: existence", f"type: {rule_type}").format(options=options))
    write("a.md", "hello abc\n")
    result = run("a.md")
    assert ("rule.yaml:1: custom-rule.options: invalid regular expression '(unclosed': "
            "missing ) at position 9") in result.err
    assert result.code == 2 and result.out == "" and "Traceback" not in result.err


@pytest.mark.parametrize("message, problem", [
    # str.format followed attributes and padded as told: a rule file could print the
    # internals of objects, or build a line of 100 million spaces per finding
    ("no {match.__class__}", "message: '{match.__class__}' is not a placeholder: a template "
                             "names a value in braces and nothing else (did you mean '{match}'?)"),
    ("no {match:>99999999}", "message: '{match:>99999999}' is not a placeholder: a template "
                             "names a value in braces and nothing else (did you mean '{match}'?)"),
    ("no {0}", "message: '{0}' is not a placeholder: a template names a value in braces and "
               "nothing else"),
    ("no {match", "message: a single '{' at character 4; write '{{' for a brace, or a "
                  "placeholder such as '{match}'"),
    # names no match of the rule fills: each was printed as written in every finding
    ("'{mach}' found", "message: unknown placeholder '{mach}' (did you mean '{match}'?)"),
    ("'{match}' found (or {nope})", "message: unknown placeholder '{nope}' (known: {match}, "
     "{platform}, {regex}, {ignorecase}, {whole_words}, {raw}, {forms}, {literal}, {tokens}, "
     "{exceptions}, {mentions}, {parts})"),
])
def test_a_message_template_is_filled_by_name_only(write, run, message, problem):
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X101]\n")
    write("myrules/custom/rule.yaml",
          RULE.format(options="  tokens: [aaa]").replace("'{match}' found", message))
    write("a.md", "aaa\n")
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == f"myrules/custom/rule.yaml:5: {problem}\n"


def test_a_message_fills_names_and_keeps_doubled_braces(write, run):
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X101]\n")
    write("myrules/custom/rule.yaml", RULE.format(options="  tokens: [aaa]").replace(
        "'{match}' found", "{{x}} '{match}' on {platform} ({ignorecase})"))
    write("a.md", "---\nplatforms: [bluesky]\n---\naaa\n")
    assert "a.md:4:1: X101 {x} 'aaa' on {platform} (True) (custom-rule)" in run("a.md").out


LEXICON_RULE = """\
- code: X101
  name: custom-rule
  type: lexicon
  level: warning
  message: "{message}"
  why: a test rule
  options:
    values: {{kind: a word to avoid}}
    entries:
      - swap: {{aaa: bbb}}
      - tokens: [ccc]
        values: {{todo: drop it}}
  languages:
    en:
    de:
      values: {{art: ein Wort}}
  examples:
    flag: [aaa]
    pass: [b]
"""


@pytest.mark.parametrize("message, problem", [
    ("'{match}' is {kind}: {todo} {art} (use '{suggestion}')", None),
    ("'{match}' is {knd}", "unknown placeholder '{knd}' (did you mean '{kind}'?)"),
    ("'{match}': use '{sugestion}'", "unknown placeholder '{sugestion}' (did you mean "
     "'{suggestion}'?)"),
])
def test_a_lexicon_message_may_name_its_groups_and_languages_values(write, run, message,
                                                                   problem):
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X101]\n")
    write("myrules/custom/rules.yaml", LEXICON_RULE.format(message=message))
    write("a.md", "aaa\n")
    result = run("a.md")
    if problem is None:
        # (a value of another group, or of another language, is not this match's)
        assert "X101 'aaa' is a word to avoid: {todo} {art} (use 'bbb')" in result.out
    else:
        assert result.code == 2 and result.out == ""
        assert result.err == f"myrules/custom/rules.yaml:5: message: {problem}\n"


@pytest.mark.parametrize("template, problem", [
    # these stopped the run with an internal KeyError or ValueError, or printed internals
    ("{count.__class__}", "'{count.__class__}' is not a placeholder: a template names a value "
                          "in braces and nothing else (did you mean '{count}'?)"),
    ("{count", "a single '{' at character 1; write '{{' for a brace, or a placeholder such as "
               "'{match}'"),
])
def test_a_message_part_set_in_the_config_is_a_template_too(mistake, template, problem):
    config = f"rules:\n  emoji-overload:\n    max: 1\n    count_problem: \"{template}\"\n"
    assert mistake(config, "Hi 😀 there 🎉 and so on 🎉\n") == [
        f".postlint.yaml:4: rules.emoji-overload.count_problem: {problem}"]


@pytest.mark.parametrize("template, problem", [
    # a name its rule does not fill stopped the run with an internal KeyError
    ("{cnt} emoji", "unknown placeholder '{cnt}' (did you mean '{count}'?)"),
    ("{run} emoji", "unknown placeholder '{run}' (known: {count}, {max})"),
])
def test_a_config_message_part_names_only_values_its_rule_fills(mistake, template, problem):
    config = f"rules:\n  emoji-overload: {{max: 1, count_problem: '{template}'}}\n"
    assert mistake(config, "Hi 😀 there 🎉 and so on 🎉\n") == [
        f".postlint.yaml:2: rules.emoji-overload.count_problem: {problem}"]


@pytest.mark.parametrize("rule, key, template, problem", [
    # say_gift stopped the run with an internal KeyError; the others printed it as written
    ("missing-disclosure", "say_gift", "'{fund}' was a gift",
     "unknown placeholder '{fund}' (did you mean '{found}'?)"),
    ("exclamation-run", "run_problem", "{count} marks", "unknown placeholder '{count}' "
                                                        "(known: none)"),
    ("readability", "sentence_problem", "{word} words",
     "unknown placeholder '{word}' (did you mean '{words}'?)"),
    ("below-the-fold", "hook_problem", "is cut at {fld}",
     "unknown placeholder '{fld}' (did you mean '{fold}'?)"),
])
def test_every_message_part_a_config_sets_names_only_values_its_rule_fills(
        mistake, rule, key, template, problem):
    config = f"rules:\n  {rule}:\n    {key}: \"{template}\"\n"
    assert mistake(config) == [f".postlint.yaml:3: rules.{rule}.{key}: {problem}"]


def test_a_gift_message_set_in_the_config_is_filled(write, run):
    write(".postlint.yaml", "rules:\n  missing-disclosure:\n"
                            "    say_gift: \"{found} is a gift {{not pay}}\"\n")
    write("a.md", "Gifted by Acme! Use my code SAVE20 for 20% off.\n")
    assert "but Gifted by is a gift {not pay}; put #ad" in run("a.md").out


@pytest.mark.parametrize("name, text, error", [
    # each listed every key or profile, or said "unknown rule" alone, for a near miss
    ("custom/rule.yaml", RULE.format(options="  tokens: [aaa]").replace("why:", "wyh:"),
     "myrules/custom/rule.yaml:6: wyh: unknown key (did you mean 'why'?)"),
    ("packs/acme.yaml", "name: acme\ndescription: x\nrules:\n  shoutng: error\n",
     "myrules/packs/acme.yaml:4: rules.shoutng: unknown rule (did you mean 'shouting'?)"),
    ("profiles/team.yaml", "name: team\ndescription: x\nextends: publc\n",
     "myrules/profiles/team.yaml:3: extends: unknown profile 'publc' (did you mean 'public'?)"),
    ("profiles/team.yaml", "name: team\ndescrption: x\n",
     "myrules/profiles/team.yaml:2: descrption: unknown key (did you mean 'description'?)"),
    ("platforms/club.yaml", "name: club\nlenght: {code-points: 5}\n",
     "myrules/platforms/club.yaml:2: lenght: unknown key (did you mean 'length'?)"),
])
def test_a_near_miss_in_a_rule_folder_file_names_the_key_meant(write, run, name, text, error):
    write(".postlint.yaml", "rule-dirs: [myrules]\n")
    write(f"myrules/{name}", text)
    write("a.md", "Hello.\n")
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert error in result.err.splitlines()


def test_a_shipped_profiles_patterns_keep_a_rule_trusted_and_a_config_profiles_do_not(
        write, run, monkeypatch):
    from postlint.lint.catalog import Catalog
    from postlint.lint.engine import Choices, Linter
    from postlint.load.config import Config

    linter = Linter(Catalog.load(plugins.manager()), Config(), Choices(select=["ALL"]))
    setting = linter.settings("brand")["missing-disclosure"]
    assert setting.options["own_offers"] and not setting.untrusted  # rules/profiles/brand.yaml
    # a profile of the config that extends it, with patterns of its own: searched with
    # the time limit, so a catastrophic one stops the rule instead of hanging the run
    monkeypatch.setattr(check, "SEARCH_TIMEOUT", 0.2)
    write(".postlint.yaml", "profiles:\n  mine:\n    extends: brand\n    rules:\n"
                            "      profanity:\n        whole_words: false\n"
                            "        entries: [{tokens: ['(a|aa)+$']}]\n")
    write("d1.md", "---\nprofile: mine\n---\n" + "a" * 60 + "!\nWhat a SHAMEFUL mess.\n")
    result = run("d1.md")
    assert ("d1.md: error: rule profanity (R101): a pattern search timed out; simplify the "
            "rule's pattern (the rule was stopped for this run)") in result.err
    assert result.code == 2


def test_a_user_regex_that_matches_an_empty_text_is_refused(rule_dir, write, run):
    # it used to be reported after the draft's last line with nothing quoted: "p.md:2:1 ... ''"
    rule_dir('  tokens: ["aaa", "(b|c)*$"]\n  regex: true')
    write("d.md", "hello world\n")
    result = run("d.md")
    assert result.err == (
        "myrules/custom/rule.yaml:8: custom-rule.options.tokens: the regular expression "
        "'(b|c)*$' matches an empty text, so it would be reported with nothing to show; make "
        "it match at least one character (+ rather than *, or no ? on its only part)\n")
    assert result.code == 2


@pytest.mark.parametrize("items, line, said", [
    ("[aaa, null]", 8, "item 2 is empty (null, or a '-' with nothing after it); write a value "
                       "there or remove it"),
    ("[aaa, [b]]", 8, "item 2 is a list ['b'] inside the list; write a value there or remove it"),
    ("\n    - aaa\n    - {from: brand.banned}", 10,
     "expected a word, a phrase or a regex in the list, got {'from': 'brand.banned'} ({from: "
     "KEY} stands for a whole list here, not for one item)"),
    ("[[b]]", 8, "expected a word, a phrase or a regex in the list, got ['b']"),
])
def test_an_item_of_a_word_list_that_is_no_word_is_one_line_not_a_crash(
        rule_dir, write, run, items, line, said):
    # null and mappings ended in "internal error: AttributeError ... 'isascii'" or
    # "unhashable type: 'Map'" on the rule's first line
    rule_dir(f"  tokens: {items}")
    write("d.md", "hello world\n")
    result = run("d.md")
    assert result.err == f"myrules/custom/rule.yaml:{line}: custom-rule.options.tokens: {said}\n"
    assert result.code == 2


def test_a_number_in_a_word_list_is_the_word_it_is_written_as(rule_dir, write, run):
    rule_dir("  tokens: [aaa, 2024]")
    write("d.md", "See you in 2024\n")
    result = run("d.md")
    assert "d.md:1:12: X101 '2024' found (custom-rule)" in result.out


def test_a_config_item_that_is_no_word_is_blamed_on_the_config(write, run):
    write(".postlint.yaml", "rules:\n  hedging:\n    tokens:\n      - maybe\n"
                            "      - {from: brand.banned}\n")
    write("d.md", "hello world\n")
    result = run("d.md")
    assert result.err.startswith(".postlint.yaml:5: rules.hedging.tokens: expected a word, a "
                                 "phrase or a regex in the list, got {'from': 'brand.banned'}")
    assert result.code == 2
