"""`--show-settings PATH`: what applies to one draft, and where each part comes from."""

from __future__ import annotations

import os

from ..lint import files
from ..text.draft import DraftError
from .explain import in_words


def show(session, path: str) -> str:
    """The config file, profile, platforms and rule levels that apply to `path` (a draft,
    or a folder: a draft without front matter in it)."""
    return answer(session, path)[0]


def answer(session, path: str) -> tuple[str, str]:
    """`show`'s text, and the read error of the draft at `path` ('' if none), which the
    run would report and exit 2 for."""
    full = os.path.abspath(path)
    folder = full if os.path.isdir(full) else os.path.dirname(full)
    own = session.for_folder(folder)
    linter, config = own.linter, own.config
    front: dict = {}
    problem = ""
    if os.path.isfile(full):
        try:
            draft = files.read(path)
            linter.accept(draft)
            front = draft.front_matter
        except (DraftError, ValueError) as exc:
            problem = str(exc)
    where = _shown(config.path) if config.path else "none (the defaults)"
    if session.fixed and config.path:
        where += " (--config)"
    elif session.fixed:
        where = "none (--isolated)"
    profile = front.get("profile") or linter.default_profile
    source = ("front matter" if front.get("profile") else "--profile" if linter.choices.profile
              else "config" if config.get("profile") else "default")
    named = linter.platforms_of(draft) if front and not problem else linter.choices.platforms
    platform_source = ("front matter" if front.get("platforms") or front.get("platform")
                       else "--platform" if session.choices.platforms
                       else "config" if named else "none")
    # (a misspelt path would show the settings of some other folder as if they were its)
    missing = "" if os.path.exists(full) else \
        " (no such file: the settings a draft there would get)"
    out = [f"path: {path}{missing}", f"config: {where}", f"profile: {profile} ({source})",
           f"platforms: {', '.join(named) or '-'} ({platform_source})"]
    if front.get("disable"):
        out.append(f"disabled in front matter: {', '.join(map(str, front['disable']))}")
    if problem:
        out.append(f"error: {problem}")
    out.append("rules:")
    if profile in linter.catalog.profiles:
        settings = linter.settings(profile)
        for rule in sorted(linter.catalog.rules.values(), key=lambda r: r.code):
            setting = settings.get(rule.name)
            if setting is None:
                continue
            options = in_words(setting.options)
            out.append(f"  {rule.code:<6} {rule.name:<24} {setting.level}"
                       + (f" ({options})" if options else ""))
    return "\n".join(out) + "\n", problem


def _shown(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative.replace(os.sep, "/")
