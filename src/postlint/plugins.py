"""The plugin manager: built-ins first, then third-party plugins from entry points."""

from __future__ import annotations

import importlib
import os
import sys
import types

import pluggy

from . import hookspecs
from .load.yamlfile import ConfigError

DEFAULT_PLUGINS = (
    "postlint.checks.existence",
    "postlint.checks.substitution",
    "postlint.checks.occurrence",
    "postlint.checks.conditional",
    "postlint.checks.metric",
    "postlint.checks.sentiment",
    "postlint.checks.capitalization",
    "postlint.checks.consistency",
    "postlint.checks.suppression",
    "postlint.checks.lexicon",
    "postlint.checks.near",
    "postlint.checks.disclosure",
    "postlint.checks.validators",
    "postlint.checks.caps",
    "postlint.checks.exclamation",
    "postlint.checks.emoji_count",
    "postlint.checks.hashtags",
    "postlint.checks.alt_text",
    "postlint.checks.voice",
    "postlint.checks.platform",
    "postlint.checks.schedule",
    "postlint.checks.links",
    "postlint.checks.styled_text",
    "postlint.checks.emoji_placement",
    "postlint.checks.dates",
    "postlint.checks.thread",
    "postlint.checks.duplicates",
    "postlint.checks.strategy",
    "postlint.checks.functions",
    "postlint.formats.text",
    "postlint.formats.json",
    "postlint.formats.github",
    "postlint.formats.sarif",
    "postlint.formats.junit",
    "postlint.formats.gitlab",
    "postlint.formats.html",
    "postlint.load.builtin",
    # readers are asked in this order: data exports are recognised by their structure
    # before a calendar claims LinkedIn's Shares.csv by its extension
    "postlint.readers.archive.reader",
    "postlint.readers.calendar",
)
AUTOLOAD_SWITCH = "POSTLINT_DISABLE_PLUGIN_AUTOLOAD"
GROUP = "postlint"  # the entry-point group of third-party plugins


class _Manager(pluggy.PluginManager):
    """pluggy's manager, quicker to register a module: a name in the module that is not
    a function carrying the hook marker is passed over without pluggy's lookup (which
    looks at every name with inspect.getattr_static, about 10 ms for the built-ins)."""

    def parse_hookimpl_opts(self, plugin, name):
        if isinstance(plugin, types.ModuleType):
            value = plugin.__dict__.get(name)
            if isinstance(value, types.FunctionType) and f"{self.project_name}_impl" not in \
                    value.__dict__:
                return None
            if not isinstance(value, (types.FunctionType, staticmethod, classmethod,
                                      types.MethodType)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def manager(extra_plugins=()) -> pluggy.PluginManager:
    """A plugin manager with the built-ins, entry-point plugins and `extra_plugins`."""
    pm = _Manager("postlint")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name)
    if not os.environ.get(AUTOLOAD_SWITCH) and _declared_anywhere(GROUP):
        load_entry_points(pm)
    for plugin in extra_plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise ConfigError(str(exc), "<plugins>") from None
    return pm


def _declared_anywhere(group: str) -> bool:
    """Whether any installed distribution's entry_points.txt has a `[group]` section.

    A quick scan of the metadata folders on sys.path; it spares every run the import of
    importlib.metadata (tens of milliseconds) when no plugin is installed.
    """
    header = f"[{group}]"
    for folder in installed_path():
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder, name, "entry_points.txt"),
                              encoding="utf-8") as handle:
                        if any(line.strip() == header for line in handle):
                            return True
                except OSError:
                    continue
    return False


def installed_path() -> list[str]:
    """`sys.path` without the current folder, which Python puts first when started as
    `python -m postlint` or `python -c`: plugins (and the code they import) come from
    the installed environment, never from the repository being linted."""
    cwd = os.path.realpath(os.getcwd())
    return [folder for folder in sys.path
            if folder not in ("", ".") and os.path.realpath(folder) != cwd]


def load_entry_points(pm: pluggy.PluginManager) -> None:
    """Register the plugins of the `postlint` entry-point group one by one (pluggy's own
    loader), so that a plugin that cannot be imported becomes a ConfigError naming it;
    found and imported with `installed_path` as the path."""
    from importlib import metadata

    saved = sys.path[:]
    sys.path[:] = installed_path()
    try:
        for ep in metadata.entry_points(group=GROUP):
            try:
                pm.load_setuptools_entrypoints(GROUP, name=ep.name)
            except Exception as exc:  # a broken third-party plugin must not crash the run
                raise ConfigError(f"cannot load plugin {ep.name!r} ({ep.value}): "
                                  f"{type(exc).__name__}: {exc}", "<plugins>", None,
                                  ep.name) from None
    finally:
        sys.path[:] = saved


BUILT_IN = "postlint (built-in)"


def offers(pm: pluggy.PluginManager, hook: str) -> list[tuple[str, object]]:
    """(owner, result) for each plugin implementing `hook`, in the order they were
    registered; the owner names the distribution (`name version`) or the plugin."""
    owners = owner_names(pm)
    return [(owners.get(id(impl.plugin), impl.plugin_name), impl.function() or ())
            for impl in getattr(pm.hook, hook).get_hookimpls()]


def owner_names(pm: pluggy.PluginManager) -> dict[int, str]:
    """id(plugin) -> who offers it: the built-ins, or the installed distribution."""
    names = {id(pm.get_plugin(name)): BUILT_IN for name in DEFAULT_PLUGINS}
    for plugin, dist in pm.list_plugin_distinfo():
        names[id(plugin)] = f"{dist.project_name} {dist.version}"
    return names


def distribution(owner: str) -> str:
    """The distribution's name in an owner's description (what `plugins.prefer` names)."""
    return owner.split(" ", 1)[0]
