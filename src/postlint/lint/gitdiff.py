"""What changed relative to a git ref, for `--diff-base` (lint only what a branch changed).

The working tree (committed or not, plus untracked files that git does not ignore) is
compared with the merge base of REF and HEAD, as `git diff REF...` does, so commits that
landed on REF after the branch started do not count; when the two share no commit (a
shallow clone), REF itself is the base. Renamed files count as changed; only their
edited lines count as changed lines.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class GitError(Exception):
    """Git is missing, this is not a repository, or the ref does not exist (one line)."""


@dataclass
class Changes:
    """Changed files (absolute, resolved paths) and, for each, its added or edited lines;
    `None` means every line (an untracked file)."""

    root: Path
    lines: dict[Path, set[int] | None] = field(default_factory=dict)

    def changed(self, path: str) -> bool:
        return _resolve(path) in self.lines

    def changed_line(self, path: str, first: int, last: int) -> bool:
        """Whether any line from `first` to `last` of `path` was added or edited."""
        lines = self.lines.get(_resolve(path), set())
        return lines is None or any(n in lines for n in range(first, last + 1))


def _resolve(path: str) -> Path:
    return Path(os.path.abspath(path)).resolve()


def _git(*args: str, cwd: str | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-c", "core.quotePath=true", *args], cwd=cwd,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --diff-base)") from None


def changes(ref: str, cwd: str | None = None) -> Changes:
    """The files and lines changed since `ref`; GitError with a one-line message if not."""
    top = _git("rev-parse", "--show-toplevel", cwd=cwd)
    if top.returncode:
        raise GitError("--diff-base needs a git repository, and "
                       f"{os.path.abspath(cwd or '.')} is not inside one")
    root = Path(os.fsdecode(top.stdout.strip())).resolve()
    if _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=root).returncode:
        raise GitError(f"--diff-base: no commit named {ref!r} in this repository (fetch it "
                       "first, e.g. 'git fetch origin main', or check the spelling)")
    base = _git("merge-base", ref, "HEAD", cwd=root)
    base_rev = os.fsdecode(base.stdout.strip()) if base.returncode == 0 else ref
    diff = _git("diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", "-M",
                "--diff-filter=AMR", "--src-prefix=a/", "--dst-prefix=b/", base_rev, "--",
                cwd=root)
    if diff.returncode:
        message = os.fsdecode(diff.stderr).strip().splitlines() or ["git diff failed"]
        raise GitError(f"--diff-base: {message[0]}")
    result = Changes(root, _parse(diff.stdout, root))
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z", cwd=root)
    for name in untracked.stdout.split(b"\0"):
        if name:
            result.lines[(root / os.fsdecode(name)).resolve()] = None
    return result


def _parse(patch: bytes, root: Path) -> dict[Path, set[int] | None]:
    """Added and edited lines per file from `git diff -U0` output."""
    out: dict[Path, set[int] | None] = {}
    current: set[int] | None = None
    for raw in patch.split(b"\n"):
        if raw.startswith(b"+++ "):
            name = _unquote(raw[4:])
            if name is None:  # /dev/null: the file was deleted
                current = None
                continue
            current = out.setdefault((root / name).resolve(), set())
        elif raw.startswith(b"diff --git "):
            current = None
        elif raw.startswith(b"rename to ") and current is None:
            out.setdefault((root / _unquote_name(raw[10:])).resolve(), set())
        elif raw.startswith(b"@@") and current is not None:
            match = HUNK.match(raw.decode("utf-8", "replace"))
            if match:
                start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
                current.update(range(start, start + count))
    return out


def _unquote(field_: bytes) -> str | None:
    """The path of a `+++ b/path` line (C-quoted when unusual), None for /dev/null."""
    name = _unquote_name(field_.rstrip(b"\t"))
    if name == "/dev/null":
        return None
    return name[2:] if name.startswith("b/") else name


def _unquote_name(text: bytes) -> str:
    if not text.startswith(b'"'):
        return os.fsdecode(text)
    body, out, i = text[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i]
        if char == 92 and i + 1 < len(body):  # backslash
            nxt = chr(body[i + 1])
            if nxt in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(ESCAPES.get(nxt, body[i + 1]))
            i += 2
            continue
        out.append(char)
        i += 1
    return os.fsdecode(bytes(out))


def restrict(report, changes: Changes, lines_only: bool = False):
    """The report cut down to changed drafts (and, if `lines_only`, changed lines).

    Every draft was linted, so rules that compare drafts saw the whole set; standard
    input counts as changed.
    """
    def keep(path: str) -> bool:
        return path == "-" or path.startswith("<") or changes.changed(path)

    report.findings = [f for f in report.findings if keep(f.path) and (
        not lines_only or f.path == "-" or changes.changed_line(f.path, f.line, f.end_line))]
    report.errors = [(path, message) for path, message in report.errors if keep(path)]
    for path in [path for path in report.texts if not keep(path)]:
        del report.texts[path]  # by name: a large run's texts are read only on demand
    report.drafts = len(report.texts)
    return report
