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
    assert hooks == ["postlint_formats", "postlint_functions", "postlint_rule_dirs",
                     "postlint_rule_types"]
    assert all(getattr(hookspecs, h).__doc__ for h in hooks)
    assert textwrap.dedent(hookspecs.__doc__).strip()
