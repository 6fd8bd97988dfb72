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
    extra: dict | None = None  # a record's fields (row, column_name, cell, post_id, url...)
    note: str | None = None  # a record's note for text output ("cell C12")
    key: str | None = None  # a record's key (`engine.key_of`); None for a draft file

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["start"], data["end"], data["note"], data["key"]
        for key in ("replacement", "platform"):
            if data[key] is None:
                del data[key]
        extra = data.pop("extra") or {}
        data.update((k, v) for k, v in extra.items() if k not in data)
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
    # For formats that show the posts themselves (`Format.needs_drafts`, the HTML report):
    # the drafts and records read, and a function giving a draft's platform names.
    kept: list = field(default_factory=list)
    platforms_of: object = None
    profile_of: object = None  # a draft's profile name
    platforms: dict = field(default_factory=dict)  # name -> Platform, as the run used them
    notices: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was skipped)

    @property
    def failing(self) -> list[Finding]:
        rank = level_rank(self.fail_on)
        return [f for f in self.findings if level_rank(f.level) >= rank]

    @property
    def only_posts(self) -> bool:
        """Whether every finding is on a post of a data export (then counts say posts)."""
        return bool(self.findings) and all(f.extra and "post_id" in f.extra
                                           for f in self.findings)

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
        n = len(self.findings)
        if self.only_posts:  # an archive audit counts posts
            where, what = len(riskiest(self.findings)), "post"
        else:
            where, what = len({f.path for f in self.findings}), "draft"
        found = (f"Found {n} problem{'s' * (n != 1)} ({level_counts(self.findings)}) in "
                 f"{where} of {self.drafts} {what}{'s' * (self.drafts != 1)}")
        return f"{found}; {failed} (see the errors above)." if failed else found + "."

    def _failed(self) -> str:
        """What went wrong besides findings, in words ('' if nothing did)."""
        unread = self.unread
        other = len(self.errors) - unread
        parts = [f"{unread} draft{'s' * (unread != 1)} could not be read"] if unread else []
        if other:
            parts.append(f"{other} other error{'s' * (other != 1)}")
        return " and ".join(parts)


def level_counts(findings) -> str:
    """"1 error, 2 warnings, 3 info": how many findings of each level, worst first."""
    levels = Counter(f.level for f in findings)
    return ", ".join(f"{levels[lvl]} {lvl}{'s' if levels[lvl] != 1 and lvl != 'info' else ''}"
                     for lvl in reversed(LEVELS) if levels[lvl])


@dataclass
class PostRisk:
    """A post of a data export and its findings, as a person cleaning up an account
    reads them: the worst level, how many, which rules, and where the post is."""

    path: str
    line: int
    post_id: str
    date: str | None
    url: str | None
    findings: list[Finding]

    @property
    def worst(self) -> str:
        return max((f.level for f in self.findings), key=level_rank)

    def counts(self) -> str:
        return level_counts(self.findings)

    def rules(self) -> list[str]:
        return list(dict.fromkeys(f.name for f in self.findings))


def riskiest(findings: list[Finding]) -> list[PostRisk]:
    """The posts of data exports that have findings, riskiest first: by how many
    findings of the most serious level they have, then of the next level, and so on (two
    errors before one error and a warning, which is before one error alone), then in
    file order."""
    posts: dict[tuple, PostRisk] = {}
    for f in findings:
        extra = f.extra or {}
        if "post_id" not in extra:
            continue
        key = (f.path, extra["post_id"])
        if key not in posts:
            posts[key] = PostRisk(f.path, f.line, str(extra["post_id"]), extra.get("date"),
                                  extra.get("url"), [])
        posts[key].findings.append(f)
    order = {key: i for i, key in enumerate(posts)}
    def weight(post: PostRisk) -> tuple:
        levels = Counter(f.level for f in post.findings)
        return (*(-levels[level] for level in reversed(LEVELS)), order[post.path, post.post_id])
    return sorted(posts.values(), key=weight)
