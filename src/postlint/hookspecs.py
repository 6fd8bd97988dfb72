"""The hooks of postlint: every extension point, and so the map of its architecture.

A plugin is a module or object with functions marked `@hookimpl` whose names are the
hooks below. Built-in rule types, formats, metric functions and the built-in rule folder
are plugins of exactly this kind (see `plugins.DEFAULT_PLUGINS`); third-party packages
add theirs through the `postlint` entry-point group. Hooks take keyword arguments only,
and an implementation may accept fewer arguments than the spec names.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("postlint")
hookimpl = pluggy.HookimplMarker("postlint")


@hookspec
def postlint_rule_types():
    """Return a list of `postlint.checks.Check` subclasses: what a rule's `type:` may name."""


@hookspec
def postlint_rule_dirs():
    """Return a list of folders of YAML rules; their `profiles/` and `platforms/`
    subfolders hold audience profiles and platform definitions."""


@hookspec
def postlint_functions():
    """Return a dict of named text functions (text -> number) for `metric` rules."""


@hookspec
def postlint_formats():
    """Return a list of `postlint.formats.Format` subclasses: what `--format` may name."""
