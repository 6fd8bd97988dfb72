"""Boundary strategies: how a team keeps personal and professional apart, as settings.

The config's `strategy:` is one of

- `open` (the default): no extra checks; every draft uses its own profile. The risky
  one: a post written for friends can reach colleagues and clients unchecked.
- `audience`: each platform reaches one audience (`networks:`, platform -> profile;
  `DEFAULT_NETWORKS` for the platforms it does not name). A draft without a profile of
  its own is linted with the strictest audience of its platforms, and a draft whose
  profile is more personal than a platform it targets gets `audience-mismatch`.
- `content`: everything may reach everyone, so each draft is linted with the strictest
  profile among the audiences in `networks:` (or its own, if stricter).
- `custom`: each draft must say its audience (front matter `profile:`), else
  `missing-profile`.

Strictness comes from the profiles (`strictness:`, inherited through `extends`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .profiles import strictness
from .suggest import did_you_mean
from .yamlfile import ConfigError, line_of

STRATEGIES = ("open", "audience", "content", "custom")
OBJECTIVES = ("traffic", "engagement", "awareness")
DEFAULT_NETWORKS = {"linkedin": "professional", "facebook": "friends-family",
                    "instagram": "friends-family", "x": "public", "threads": "public",
                    "bluesky": "public", "mastodon": "public"}


@dataclass
class Strategy:
    """The run's strategy, its networks (platform -> profile) and profile strictness."""

    kind: str = "open"
    networks: dict = field(default_factory=dict)
    ranks: dict = field(default_factory=dict)  # profile -> strictness
    chosen: str | None = None  # --profile
    default: str = "public"    # the config's profile, else public

    @classmethod
    def from_config(cls, config, profiles: dict, platforms: dict, chosen: str | None = None,
                    default: str = "public") -> tuple["Strategy", list[ConfigError]]:
        """The strategy of a `load.config.Config`, and the problems with its keys."""
        errors, path = [], config.path
        kind = config.get("strategy") or "open"
        if kind not in STRATEGIES:
            errors.append(ConfigError(_choice(kind, STRATEGIES), path, config.line("strategy"),
                                      "strategy"))
            kind = "open"
        given = config.get("networks") or {}
        networks = {k: v for k, v in DEFAULT_NETWORKS.items() if k in platforms}
        other = {alias: key for key, p in platforms.items()  # `twitter` is `x`, as elsewhere
                 for alias in getattr(p, "aliases", ()) if alias not in platforms}
        for name, profile in given.items():
            line = line_of(given, name, config.line("networks"))
            name = other.get(str(name), str(name))
            if name not in platforms:
                errors.append(ConfigError(f"unknown platform {name!r}" + (did_you_mean(
                    name, [*platforms, *other]) or f" (known: {', '.join(sorted(platforms))})"),
                    path, line, f"networks.{name}"))
            elif str(profile) not in profiles:
                errors.append(ConfigError(f"unknown profile {profile!r}" + (did_you_mean(
                    profile, profiles) or f" (known: {', '.join(sorted(profiles))})"),
                    path, line, f"networks.{name}"))
            else:
                networks[name] = str(profile)
        objective = config.get("objective")
        if objective is not None and objective not in OBJECTIVES:
            errors.append(ConfigError(_choice(objective, OBJECTIVES), path,
                                      config.line("objective"), "objective"))
        ranks = {name: strictness(name, profiles) for name in profiles}
        return cls(kind, networks, ranks, chosen, default), errors

    def strictest(self, names) -> str | None:
        """The strictest of the profiles `names` (the first of equals), or None."""
        names = [n for n in names if n in self.ranks]
        return max(names, key=lambda n: self.ranks[n]) if names else None

    def profile_for(self, own: str | None, platforms: list[str]) -> str:
        """The profile a draft is linted with, from `own` (its front matter's), --profile,
        the config's and its platforms' audiences, as the strategy has it."""
        chosen, default = self.chosen, self.default
        if self.kind == "content":
            return self.strictest([own or chosen or default, *self.networks.values()]) \
                or own or chosen or default
        if own or chosen:
            return own or chosen
        if self.kind == "audience":
            return self.strictest(self.networks.get(p) for p in platforms) or default
        return default

    def mismatches(self, profile: str, platforms: list[str]) -> list[tuple[str, str]]:
        """(platform, audience) pairs whose audience is stricter than `profile`
        (strategy audience only)."""
        if self.kind != "audience":
            return []
        rank = self.ranks.get(profile, 0)
        return [(p, self.networks[p]) for p in platforms
                if p in self.networks and self.ranks.get(self.networks[p], 0) > rank]


def _choice(value, choices) -> str:
    """`expected one of ..., got 'x'`, with the likely meant one when there is one."""
    import difflib

    close = difflib.get_close_matches(str(value), choices, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"expected one of {', '.join(choices)}, got {value!r}{hint}"
