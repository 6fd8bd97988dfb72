"""The config's declared shape: every key checked, with the closest name suggested; keys
given twice refused; the JSON Schema generated from the same declaration and current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from postlint.load import schema
from postlint.lint.engine import config_reads

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "docs" / "postlint.schema.json"


@pytest.mark.parametrize("config, error", [
    ("brand:\n  term: [GitHub]\n",
     ".postlint.yaml:2: brand.term: unknown key (did you mean 'terms'?)"),
    ("work: {employee: Initech}\n",
     ".postlint.yaml:1: work.employee: unknown key (did you mean 'employer'?)"),
    ("brand:\n  hashtags:\n    require: ['#x']\n",
     ".postlint.yaml:3: brand.hashtags.require: unknown key (did you mean 'required'?)"),
    ("profiel: brand\n", ".postlint.yaml:1: profiel: unknown key (did you mean 'profile'?)"),
    ("front-matter: {strikt: true}\n",
     ".postlint.yaml:1: front-matter.strikt: unknown key (did you mean 'strict'?)"),
    ("respect-gitignore: sometimes\n",
     ".postlint.yaml:1: respect-gitignore: expected true or false, got 'sometimes'"),
    ("extend-exlude: [a]\n",
     ".postlint.yaml:1: extend-exlude: unknown key (did you mean 'extend-exclude'?)"),
    ("brand: {terms: {GitHub: 1}}\n",
     ".postlint.yaml:1: brand.terms: expected a list of names, got {'GitHub': 1}"),
    ("brand: {preferred: {e-mail: [email]}}\n",
     ".postlint.yaml:1: brand.preferred.e-mail: expected a string, got ['email']"),
    # `rules:` names one rule: a code in lower case (as selectors take it) names the one
    # meant, not the closest other code ('U101'), and a prefix or ALL says where they go
    ("rules: {t101: off}\n", ".postlint.yaml:1: rules.t101: unknown rule (did you mean "
     "'T101'?)"),
    ("rules:\n  T1: off\n", ".postlint.yaml:2: rules.T1: unknown rule: rules: takes one "
     "rule's name or code; to turn off or on every rule 'T1' selects, use ignore: [T1] or "
     "extend-select: [T1]"),
    # another linter's key says what does its work here, not the closest spelling
    # ('respect-gitignore')
    ("per-file-ignores:\n  'drafts/*': [shouting]\n", ".postlint.yaml:1: per-file-ignores: "
     "unknown key: postlint has no per-file-ignores; turn rules off for one draft with its "
     "front matter (disable: [RULE]), or for a folder with a .postlint.yaml of its own"),
    ("ignore: [all]\n", ".postlint.yaml:1: ignore[0]: 'all' names no rule (did you mean "
     "'ALL'?)"),
    # several selectors in one string, as the command line takes them
    ("ignore: shouting, T104\n", ".postlint.yaml:1: ignore[0]: 'shouting, T104' names no rule "
     "(several rules in one string; write a list: [shouting, T104])"),
    # a level spelt as other tools spell it names the one meant
    ("rules:\n  shouting: warn\n", ".postlint.yaml:2: rules.shouting: expected a level (info, "
     "warning, error) or off, got 'warn' (did you mean 'warning'?)"),
    ("rules:\n  shouting: {level: Error}\n", ".postlint.yaml:2: rules.shouting.level: expected "
     "one of info, warning, error, got 'Error' (did you mean 'error'?)"),
    ("fail-on: warn\n", ".postlint.yaml:1: fail-on: expected one of info, warning, error, got "
     "'warn' (did you mean 'warning'?)"),
    ("rules:\n  banned-term: {forms: exakt}\n", ".postlint.yaml:2: rules.banned-term.forms: "
     "expected one of inflected, exact, graded, got 'exakt' (did you mean 'exact'?)"),
    # a `plugins.prefer` entry that settles nothing was passed over without a word
    ("plugins:\n  prefer:\n    existance: acme-rules\n",
     ".postlint.yaml:3: plugins.prefer.existance: no rule type, format, function, reader or "
     "rule is named 'existance' (did you mean 'existence'?); postlint would prefer nothing"),
    ("plugins: {prefer: {existence: postlnt, B101: postlint, json: postlint}}\n",
     ".postlint.yaml:1: plugins.prefer.existence: 'postlnt' offers no 'existence' (did you "
     "mean 'postlint'?); it is offered by postlint: name one of them, or remove the entry"),
    # the key of the other number, for a value that fits it
    ("profile:\n  mine: {extends: public}\n", ".postlint.yaml:1: profile: expected a string, "
     "got {'mine': {'extends': 'public'}} (did you mean 'profiles'?)"),
    ("platform: [x, linkedin]\n", ".postlint.yaml:1: platform: expected a string, got ['x', "
     "'linkedin'] (did you mean 'platforms'?)"),
    # a key with nothing after it says so, not "got None"
    ("ignore:\n", ".postlint.yaml:1: ignore: expected a list of names, got nothing (an empty "
     "value); give a value, or remove the key"),
    ("fail-on:\n", ".postlint.yaml:1: fail-on: expected one of info, warning, error, got "
     "nothing (an empty value); give a value, or remove the key"),
    ("brand:\n  terms: [GitHub]\n  hashtags:\n", ".postlint.yaml:3: brand.hashtags: expected "
     "a mapping, got nothing (an empty value); give a value, or remove the key"),
    # settings under a namespace, as pyproject.toml's [tool.postlint], or written in TOML
    ("postlint:\n  profile: brand\n", ".postlint.yaml:1: postlint: unknown key: postlint's "
     "settings go at the top of the file, without a namespace (profile: ..., not postlint: "
     "{profile: ...})"),
    ("tool:\n  postlint:\n    profile: brand\n", ".postlint.yaml:1: tool: unknown key: "
     "postlint's settings go at the top of the file, without a namespace (profile: ..., not "
     "tool: {postlint: {profile: ...}})"),
    ("# ours\n[tool.postlint]\nprofile = 'brand'\n", ".postlint.yaml:2: .postlint.yaml is YAML "
     "(key: value), and this is TOML; write it as YAML, or put it in pyproject.toml under "
     "[tool.postlint]"),
    ("profile = 'brand'\n", ".postlint.yaml:1: .postlint.yaml is YAML (key: value), and this "
     "is TOML; write it as YAML, or put it in pyproject.toml under [tool.postlint]"),
])
def test_unknown_or_wrong_nested_keys_are_errors(run, write, config, error):
    write(".postlint.yaml", config)
    write("a.md", "We use Github.\n")
    result = run("a.md")
    assert (result.code, result.out, result.err) == (2, "", error + "\n")


def test_a_key_a_rule_from_rule_dirs_reads_is_accepted(run, write):
    write(".postlint.yaml", "rule-dirs: [house]\nbrand:\n  slogans: [Ship it]\n  slogan: [x]\n")
    write("house/brand/slogan.yaml", """\
code: X801
name: slogan-case
type: existence
level: warning
message: "'{match}' is our slogan: write it as given"
why: The slogan is written one way.
options:
  tokens: [{from: brand.slogans}]
  ignorecase: true
examples:
  flag: [SHIP IT now, ship it now, Ship It now]
  pass: [Ship fast, It ships, Shipping it]
""")
    write("a.md", "Hi\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err == (".postlint.yaml:4: brand.slogan: unknown key "
                          "(did you mean 'slogans'?)\n")


@pytest.mark.parametrize("text, error", [
    ("profile: public\nfail-on: warning\nprofile: brand\n",
     ".postlint.yaml:3: duplicate key 'profile' (also on line 1); give each key once"),
    ("rules:\n  shouting: off\n  chatspeak: error\n  shouting: error\n",
     ".postlint.yaml:4: duplicate key 'shouting' (also on line 2); give each key once"),
    ("brand: {terms: [A], terms: [B]}\n",
     ".postlint.yaml:1: duplicate key 'terms' (also on this line); give each key once"),
])
def test_a_key_given_twice_is_an_error(run, write, text, error):
    write(".postlint.yaml", text)
    write("a.md", "Hi\n")
    result = run("a.md")
    assert (result.code, result.err) == (2, error + "\n")


def test_merge_keys_may_override_what_they_merge(run, write):
    write(".postlint.yaml", "profiles:\n  a: &a {extends: public, description: A}\n"
                            "  b:\n    <<: *a\n    description: B\n")
    write("a.md", "Hi\n")
    assert run("--profile", "b", "a.md").code == 0


def test_a_key_twice_in_a_rule_file_or_front_matter_is_an_error(run, write):
    write(".postlint.yaml", "rule-dirs: [house]\n")
    write("house/tone/x.yaml", "code: X1\nname: x\ncode: X2\n")
    write("a.md", "Hi\n")
    result = run("a.md")
    assert (result.code, result.err) == (
        2, "house/tone/x.yaml:3: duplicate key 'code' (also on line 1); give each key once\n")
    write(".postlint.yaml", "")
    write("a.md", "---\nprofile: public\nprofile: brand\n---\nHi\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith("a.md: error: line 3: front matter: duplicate key 'profile' "
                                 "(also on line 2)")


# -- the JSON Schema -------------------------------------------------------------------

def test_schema_file_is_current(script):
    gen = script("gen_schema")
    assert SCHEMA_FILE.read_text("utf-8") == gen.render(), \
        f"{SCHEMA_FILE.name} is stale: run `{gen.COMMAND}`"
    assert gen.main(["--check"]) == 0


def test_check_mode_reports_a_stale_schema(script, tmp_path):
    stale = tmp_path / "s.json"
    stale.write_text("{}\n")
    assert script("gen_schema").main(["--check", "--output", str(stale)]) == 1


CONFIGS = [  # (config, whether postlint accepts it)
    ("profile: brand\nfail-on: warning\nignore: shouting\n", True),
    ("platforms: [x, linkedin]\nselect: [T, R101]\nextend-select: [B]\n", True),
    ("brand:\n  terms: [GitHub]\n  preferred: {e-mail: email}\n  banned: cheap\n"
     "  hashtags: {required: ['#a'], forbidden: ['#b']}\n  voice: we\n", True),
    ("work: {employer: Initech, clients: [Globex], codenames: [Bluebird]}\n", True),
    ("exclude: [archive]\nextend-exclude: ['*.draft.md']\nrespect-gitignore: false\n"
     "force-exclude: true\nfront-matter: {strict: true}\n", True),
    ("front-matter: {strict: yes please}\n", False),
    ("rules:\n  shouting: off\n  chatspeak: error\n  emoji-overload: {level: error, max: 2}\n", True),
    ("profiles:\n  team: {extends: public, description: Team, rules: {shouting: info}}\n", True),
    ("platform-settings:\n  mastodon: {length: {graphemes: 1000}}\n", True),
    ("colour: red\n", False),
    ("brand: {term: [GitHub]}\n", False),
    ("brand: {hashtags: {require: [a]}}\n", False),
    ("work: {employee: Initech}\n", False),
    ("fail-on: loud\n", False),
    ("select: 3\n", False),
    ("brand: [a]\n", False),
    ("brand: {preferred: {a: [b]}}\n", False),
    ("profiles: {team: {extend: public}}\n", False),
    ("platform-settings: {x: {lenght: {x: 1}}}\n", False),
    ("rules: {shouting: loud}\n", False),
]


@pytest.mark.parametrize("text, accepted", CONFIGS)
def test_postlint_and_the_json_schema_agree(run, write, text, accepted):
    write(".postlint.yaml", text)
    write("a.md", "Hi\n")
    result = run("a.md")
    assert (result.code != 2) is accepted, result.err
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text("utf-8")))
    assert validator.is_valid(yaml.safe_load(text)) is accepted


def test_every_key_is_declared_documented_and_in_the_json_schema(catalog):
    doc = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    published = json.loads(SCHEMA_FILE.read_text("utf-8"))
    for dotted in schema.keys_of():
        node = published
        for part in dotted.split("."):
            node = node["properties"][part]
        assert node.get("description"), dotted
        assert re.search(rf"`{re.escape(dotted)}[`.: ]|^#+ .*\b{re.escape(dotted)}\b", doc,
                         re.MULTILINE), f"docs/configuration.md does not describe {dotted}"
    declared = set(schema.keys_of())
    for rule in catalog.rules.values():  # what the built-in rules read is declared
        assert config_reads(rule.options) <= declared, rule.name


@pytest.mark.parametrize("config, args, error", [
    ("rules:\n  shoutng: off\n", [],
     ".postlint.yaml:2: rules.shoutng: unknown rule (did you mean 'shouting'?)"),
    ("profiles:\n  team:\n    rules: {chatspek: info}\n", [],
     ".postlint.yaml:3: profiles.team.rules.chatspek: unknown rule "
     "(did you mean 'chatspeak'?)"),
    ("ignore: [readablity]\n", [],
     ".postlint.yaml:1: ignore[0]: 'readablity' names no rule (did you mean 'readability'?)"),
    ("", ["--select", "profanty"],
     "<command line>: --select: 'profanty' names no rule (did you mean 'profanity'?)"),
])
def test_unknown_rule_names_suggest_the_rule_meant(run, write, config, args, error):
    write(".postlint.yaml", config)
    write("a.md", "Hi\n")
    result = run(*args, "a.md")
    assert (result.code, result.err) == (2, error + "\n")


WRONG = {"string": 3, "boolean": "yes please", "integer": "x", "names": {"a": 1},
         "section": [1], "table": [1], "checked": [1], "any": None}
RIGHT = {"string": "x", "boolean": True, "integer": 3, "names": ["a"], "section": {},
         "table": {}, "checked": {}, "any": []}


def json_enum(path):
    node = json.loads(SCHEMA_FILE.read_text("utf-8"))
    for part in path:
        node = node["properties"][part]
    return node["enum"]


def _declared(tree=schema.SCHEMA, prefix=()):
    for key, spec in tree.items():
        yield prefix + (key,), spec
        if spec.kind == "section":
            yield from _declared(spec.keys, prefix + (key,))


def _nested(path, value):
    for key in reversed(path):
        value = {key: value}
    return value


@pytest.mark.parametrize("path, spec", list(_declared()), ids=lambda v: ".".join(v)
                         if isinstance(v, tuple) else "")
def test_every_key_is_checked_alike_by_postlint_and_the_json_schema(path, spec):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text("utf-8")))
    for value, accepted in ((RIGHT[spec.kind], True), (WRONG[spec.kind], False)):
        if value is None:
            continue  # (a value of several shapes, which its rule checks)
        if spec.choices or spec.enum_from:
            value = (spec.choices or json_enum(path))[0] if accepted else 3
        data = _nested(path, value)
        assert (schema.check(data, "c.yaml") == []) is accepted, (path, value)
        assert validator.is_valid(data) is accepted, (path, value)
