"""Plugins: a throwaway package adds a rule type, a rule folder and an output format.

The package is installed the way pip would (a module plus a `.dist-info` folder with
`entry_points.txt`) into a temporary folder put on `sys.path`, so postlint finds it
through the real `postlint` entry-point group.
"""

from __future__ import annotations

import sys
import textwrap

import pytest

from postlint import plugins
from postlint.lint.catalog import Catalog

MODULE = "postlint_testplugin_longpost"

PLUGIN = '''
"""A throwaway postlint plugin: the `max-length` rule type, its rules, a `tsv` format."""

from pathlib import Path

from postlint.checks import Check, Match, Option
from postlint.hookspecs import hookimpl
from postlint.formats import Format


class MaxLength(Check):
    """A post longer than `max` characters (counting what is written, trailing space aside)."""

    type_name = "max-length"
    options = {"max": Option("int", required=True)}

    def check(self, post):
        text = post.text.rstrip()
        if len(text) > self.opts["max"]:
            yield Match(self.opts["max"], len(text), {"length": len(text)})


class Tsv(Format):
    name = "tsv"
    description = "tab-separated findings"

    def render(self, report):
        return "".join(f"{f.path}\\t{f.line}\\t{f.column}\\t{f.code}\\t{f.level}\\n"
                       for f in report.findings)


@hookimpl
def postlint_rule_types():
    return [MaxLength]


@hookimpl
def postlint_rule_dirs():
    return [Path(__file__).parent / "longpost_rules"]


@hookimpl
def postlint_formats():
    return [Tsv]
'''

RULE = '''
code: L101
name: long-post
type: max-length
level: warning
message: "this post is {length} characters; keep it under {max}"
why: Short posts are read to the end.
options:
  max: 20
examples:
  flag: ["This post is far too long to read.", "Twenty-one characters", "{x}" ]
  pass: ["Short.", "Also short.", "Fine."]
'''

PROFILE = '''
name: terse
description: Public, and short.
extends: public
rules:
  long-post: error
'''


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """The plugin package, pip-style, in a site folder on sys.path; autoloading on."""
    site = tmp_path / "site"
    (site / "longpost_rules" / "length").mkdir(parents=True)
    (site / "longpost_rules" / "profiles").mkdir()
    (site / f"{MODULE}.py").write_text(PLUGIN)
    (site / "longpost_rules" / "length" / "long-post.yaml").write_text(
        RULE.replace('"{x}"', '"' + "x" * 30 + '"'))
    (site / "longpost_rules" / "profiles" / "terse.yaml").write_text(PROFILE)
    info = site / "postlint_testplugin_longpost-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: postlint-testplugin-longpost\n"
                                   "Version: 1.0\n")
    (info / "entry_points.txt").write_text(f"[postlint]\nlongpost = {MODULE}\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(plugins.AUTOLOAD_SWITCH, raising=False)
    yield site
    sys.modules.pop(MODULE, None)


def test_plugin_rule_type_folder_profile_and_format_through_the_cli(installed_plugin, run, write):
    write("a.md", "Short one.\n---\nThis post is far too long.\n")
    result = run("--profile", "terse", "--format", "tsv", "a.md")
    assert result.out == "a.md\t3\t21\tL101\terror\n"
    assert result.code == 1
    result = run("--select", "long-post", "a.md")
    assert result.out.splitlines()[0] == \
        "a.md:3:21: L101 this post is 26 characters; keep it under 20 (long-post)"
    assert "L101   long-post" in run("--list-rules").out
    assert "tsv      tab-separated findings" in run("--list-formats").out
    assert "  terse: error" in run("--explain", "L101").out


def test_plugin_rules_pass_their_own_examples(installed_plugin):
    from postlint.lint import selftest
    catalog = Catalog.load(plugins.manager())
    assert selftest.problems(catalog, catalog.rules["long-post"]) == []


def test_a_plugin_type_that_declares_no_values_keeps_its_messages_as_they_were(
        installed_plugin, run, write, monkeypatch):
    # `max-length` declares no `values`: its rules' messages are not checked, and an
    # unknown placeholder is printed as written (as every message's was before)
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [L201]\n")
    write("myrules/length/rule.yaml", RULE.replace("L101", "L201").replace(
        "long-post", "longer-post").replace("{length}", "{lenght}").replace(
        '"{x}"', '"' + "x" * 30 + '"'))
    write("a.md", "This post is far too long.\n")
    result = run("a.md")
    assert result.code == 0 and result.err == ""
    assert "L201 this post is {lenght} characters; keep it under 20 (longer-post)" in result.out
    # once it declares them, the same rule is refused when it is loaded
    module = __import__(MODULE)
    monkeypatch.setattr(module.MaxLength, "values", ("length",), raising=False)
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == ("myrules/length/rule.yaml:6: message: unknown placeholder "
                          "'{lenght}' (did you mean '{length}'?)\n")


def test_autoload_switch_turns_entry_points_off(installed_plugin, run, write, monkeypatch):
    write("a.md", "This post is far too long.\n")
    monkeypatch.setenv(plugins.AUTOLOAD_SWITCH, "1")
    result = run("--format", "tsv", "a.md")
    assert result.code == 2 and "unknown format 'tsv'" in result.err
    assert "long-post" not in run("--list-rules").out
    assert MODULE not in sys.modules


def test_a_plugin_that_fails_to_load_is_one_error_line(installed_plugin, run, write):
    (installed_plugin / f"{MODULE}.py").write_text("raise RuntimeError('broken plugin')\n")
    write("a.md", "Hi.\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err == ("<plugins>: longpost: cannot load plugin 'longpost' "
                          f"({MODULE}): RuntimeError: broken plugin\n")


def test_a_misspelled_hook_is_reported(run, write, monkeypatch):
    class Typo:
        from postlint.hookspecs import hookimpl

        @hookimpl
        def postlint_rule_type(self):  # missing "s"
            return []

    from postlint.load.yamlfile import ConfigError
    with pytest.raises(ConfigError) as info:
        plugins.manager([Typo()])
    assert str(info.value).startswith("<plugins>: unknown hook 'postlint_rule_type'")


def test_a_throwaway_object_registered_directly(tmp_path):
    """`plugins.manager(extra_plugins)` is the seam for embedding postlint in Python."""
    from postlint.checks.base import Check, Match
    from postlint.hookspecs import hookimpl

    class Everything(Check):
        type_name = "everything"

        def check(self, post):
            yield Match(0, 1)

    class Plugin:
        @hookimpl
        def postlint_rule_types(self):
            return [Everything]

        @hookimpl
        def postlint_functions(self):
            return {"letters": lambda text: sum(c.isalpha() for c in text)}

    catalog = Catalog.load(plugins.manager([Plugin()]))
    assert catalog.types["everything"] is Everything
    assert catalog.functions["letters"]("ab1") == 2
    assert "word-count" in catalog.functions  # the built-ins are still there


def test_hookspecs_module_documents_every_hook():
    from postlint import hookspecs
    hooks = [name for name in dir(hookspecs) if name.startswith("postlint_")]
    assert hooks == ["postlint_formats", "postlint_functions", "postlint_readers",
                     "postlint_rule_dirs", "postlint_rule_types"]
    assert all(getattr(hookspecs, h).__doc__ for h in hooks)
    assert textwrap.dedent(hookspecs.__doc__).strip()


CLASHING = '''
"""A plugin whose names clash with the built-ins' (and so with each other's)."""

from postlint.checks import Check, Match
from postlint.hookspecs import hookimpl
from postlint.formats import Format


class Existence(Check):
    """Flags every post: a stand-in that must never silently replace the built-in."""

    type_name = "existence"

    def check(self, post):
        yield Match(0, 1)


class Json(Format):
    name = "json"
    description = "not the real json"

    def render(self, report):
        return "clash\\n"


@hookimpl
def postlint_rule_types():
    return [Existence]


@hookimpl
def postlint_formats():
    return [Json]


@hookimpl
def postlint_functions():
    return {"sentiment": lambda text: 0.0}
'''


def install(site, module: str, dist: str, source: str):
    """A module and its dist-info, as pip leaves them, registered under entry point `module`."""
    (site / f"{module}.py").write_text(source)
    info = site / f"{dist.replace('-', '_')}-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 2.0\n")
    (info / "entry_points.txt").write_text(f"[postlint]\n{module} = {module}\n")


@pytest.fixture
def clashing_plugin(tmp_path, monkeypatch):
    site = tmp_path / "clash-site"
    site.mkdir()
    install(site, "postlint_testplugin_clash", "postlint-clash", CLASHING)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(plugins.AUTOLOAD_SWITCH, raising=False)
    yield site
    sys.modules.pop("postlint_testplugin_clash", None)


def test_a_clash_with_a_built_in_is_an_error_naming_both(clashing_plugin, run, write):
    write("a.md", "Fine.\n")
    result = run("a.md")
    assert result.code == 2
    lines = result.err.splitlines()
    assert "<plugins>: rule type 'existence' is offered by both postlint (built-in) and " \
        "postlint-clash 2.0; choose one with plugins: {prefer: {existence: DISTRIBUTION}} " \
        "in the config" in lines
    assert any(line.startswith("<plugins>: format 'json' is offered by both postlint "
                               "(built-in) and postlint-clash 2.0") for line in lines)
    assert any(line.startswith("<plugins>: function 'sentiment' is offered by "
                               "both postlint (built-in) and postlint-clash 2.0")
               for line in lines)


def test_the_config_says_which_plugin_wins(clashing_plugin, run, write):
    write("a.md", "Fine.\n")
    write(".postlint.yaml", "plugins:\n  prefer: {existence: postlint, sentiment: "
                            "postlint, json: postlint-clash}\n")
    result = run("--format", "json", "a.md")
    assert (result.err, result.out) == ("", "clash\n")  # the plugin's format won
    result = run("--format", "text", "--select", "profanity", "a.md")
    assert (result.code, result.out) == (0, "All clear: 1 draft checked.\n")  # built-ins won


def test_two_rule_folders_defining_one_code_clash_unless_preferred(installed_plugin, run,
                                                                    write):
    write("mine/length/long.yaml", RULE.replace("name: long-post", "name: my-long-post")
          .replace('"{x}"', '"' + "x" * 30 + '"'))
    write(".postlint.yaml", "rule-dirs: [mine]\n")
    write("a.md", "This post is far too long to read.\n")
    result = run("a.md")
    assert result.code == 2
    assert "rule my-long-post (L101) of rule-dirs (the config's) is already defined at " \
        in result.err
    assert "by postlint-testplugin-longpost 1.0" in result.err
    write(".postlint.yaml", "rule-dirs: [mine]\nplugins: {prefer: {L101: "
                            "postlint-testplugin-longpost}}\n")
    result = run("--select", "L101", "a.md")
    assert "(long-post)" in result.out and result.code == 0


BROKEN_TYPES = '''
from postlint.checks import Check, Option
from postlint.hookspecs import hookimpl


class DraftScopeWithPostMethod(Check):
    type_name = "wrong-method"
    scope = "draft"

    def check(self, post):
        return ()


class Unknown(Check):
    type_name = "bad-scope"
    scope = "thread"


class NotACheck:
    type_name = "not-a-check"


class BadOption(Check):
    type_name = "bad-option"
    options = {"max": 3}

    def check(self, post):
        return ()


@hookimpl
def postlint_rule_types():
    return [DraftScopeWithPostMethod, Unknown, NotACheck, BadOption]
'''


def test_a_rule_type_whose_scope_and_method_disagree_is_refused(tmp_path, monkeypatch, run,
                                                                write):
    site = tmp_path / "broken-site"
    site.mkdir()
    install(site, "postlint_testplugin_broken", "postlint-broken", BROKEN_TYPES)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(plugins.AUTOLOAD_SWITCH, raising=False)
    write("a.md", "Fine.\n")
    try:
        result = run("a.md")
    finally:
        sys.modules.pop("postlint_testplugin_broken", None)
    assert result.code == 2
    assert result.err.splitlines() == [
        "<plugins>: rule type 'wrong-method' of postlint-broken 2.0 has scope 'draft' but does "
        "not implement check_draft()",
        "<plugins>: rule type 'bad-scope' of postlint-broken 2.0 has scope 'thread', not one "
        "of post, draft, run",
        "<plugins>: rule type 'not-a-check' of postlint-broken 2.0 is not a subclass of "
        "postlint.checks.Check",
        "<plugins>: rule type 'bad-option' of postlint-broken 2.0 declares option 'max' as "
        "int, not an Option",
    ]


def test_list_plugins_shows_each_distribution_and_what_it_adds(installed_plugin, run):
    lines = run("--list-plugins").out.splitlines()
    mine = lines.index("postlint-testplugin-longpost 1.0")
    assert lines[mine + 1:mine + 4] == ["  rule types (1): max-length", "  formats (1): tsv",
                                        "  rules (1): L101 long-post"]
    assert run("--explain-type", "max-length").out.splitlines()[:3] == [
        "## `max-length`", "",
        "A post longer than `max` characters (counting what is written, trailing space aside)."]
