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
    notices: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was skipped)

    @property
    def failing(self) -> list[Finding]:
        rank = level_rank(self.fail_on)
        return [f for f in self.findings if level_rank(f.level) >= rank]

    def summary(self) -> str:
        if not self.findings:
            return f"All clear: {self.drafts} draft{'s' * (self.drafts != 1)} checked."
        levels = Counter(f.level for f in self.findings)
        parts = ", ".join(f"{levels[lvl]} {lvl}{'s' if levels[lvl] != 1 and lvl != 'info' else ''}"
                          for lvl in reversed(LEVELS) if levels[lvl])
        paths = len({f.path for f in self.findings})
        n = len(self.findings)
        return (f"Found {n} problem{'s' * (n != 1)} ({parts}) in {paths} of {self.drafts}"
                f" draft{'s' * (self.drafts != 1)}.")
