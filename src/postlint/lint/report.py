"""Findings and the report of a run."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from ..load.rules import LEVELS, Rule


@dataclass(slots=True)  # a large run holds hundreds of thousands
class Finding:
    """One problem: where (1-based line and column in characters; end exclusive), which rule,
    how serious, the message, and the replacement `--fix` would write, if any."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    level: str
    message: str
    profile: str
    replacement: str | None = None
    platform: str | None = None
    start: int = 0  # code-point offsets into the decoded draft (for --fix)
    end: int = 0

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["start"], data["end"]
        for key in ("replacement", "platform"):
            if data[key] is None:
                del data[key]
        return data


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass
class Report:
    """Everything a format may show: the findings, what was checked, and read errors."""

    findings: list[Finding]
    drafts: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    rules: dict[str, Rule] = field(default_factory=dict)  # by name
    texts: dict[str, str] = field(default_factory=dict)  # path -> decoded text
    sources: dict[str, str] = field(default_factory=dict)  # path shown -> file read (--fix)
    fail_on: str = "error"
    unread: int = 0  # of `errors`, the drafts that could not be read (or were refused)

    @property
    def failing(self) -> list[Finding]:
        rank = level_rank(self.fail_on)
        return [f for f in self.findings if level_rank(f.level) >= rank]

    def summary(self) -> str:
        """One line: what was found in how many drafts, and what could not be checked."""
        plural = "s" * (self.drafts != 1)
        failed = self._failed()
        if not self.findings:
            if not failed:
                return f"All clear: {self.drafts} draft{plural} checked."
            if not self.drafts:
                return f"Nothing checked: {failed} (see the errors above)."
            return (f"No problems in {self.drafts} draft{plural} checked, but {failed}"
                    " (see the errors above).")
        levels = Counter(f.level for f in self.findings)
        parts = ", ".join(f"{levels[lvl]} {lvl}{'s' if levels[lvl] != 1 and lvl != 'info' else ''}"
                          for lvl in reversed(LEVELS) if levels[lvl])
        paths = len({f.path for f in self.findings})
        n = len(self.findings)
        found = (f"Found {n} problem{'s' * (n != 1)} ({parts}) in {paths} of {self.drafts}"
                 f" draft{plural}")
        return f"{found}; {failed} (see the errors above)." if failed else found + "."

    def _failed(self) -> str:
        """What went wrong besides findings, in words ('' if nothing did)."""
        unread = self.unread
        other = len(self.errors) - unread
        parts = [f"{unread} draft{'s' * (unread != 1)} could not be read"] if unread else []
        if other:
            parts.append(f"{other} other error{'s' * (other != 1)}")
        return " and ".join(parts)
