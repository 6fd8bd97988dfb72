"""`postlint --measure`: each post's length on each of its platforms, and where each
preview fold falls, whether or not a rule would complain.

    drafts/launch.md (platforms: x, linkedin)
      post 1, line 4
        x: 291/280 weighted characters, 11 over from 6:12
        linkedin: 254/3000 characters
          fold 'mobile' after 140 characters at 5:17: "...the whole team |shipped it..."
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..checks.platform import fold_offset, measure
from ..lint import discovery, files
from ..lint.phases import checked_records
from ..load.filesystem import printable
from ..text.draft import DraftError
from ..text.platforms import UNIT_NAMES, posted

CONTEXT = 20  # characters shown each side of a fold


def answer(linter, paths: list[str], config, stdin_filename=None) -> tuple[str, list]:
    """The measurements of every draft, and (path, message) read errors."""
    names = discovery.discover(paths, discovery.Scope.of(config, linter.readers))
    stdin = sys.stdin.buffer.read() if "-" in names else None
    out, errors = [], []
    for path in names:
        display = (stdin_filename or "-") if path == "-" else _display(path)
        try:
            drafts = files.read_all(path, stdin, display, linter.readers)
        except (DraftError, ValueError) as exc:
            errors.append((display, str(exc)))
            continue
        if len(drafts) > 1:  # (a calendar's or an export's records: a row in error is one)
            drafts = checked_records(linter, drafts, errors)
        for draft in drafts:
            try:
                names_here = linter.platforms_of(draft)
            except ValueError as exc:
                errors.append((display, str(exc)))
                continue
            out += draft_lines(draft, [linter.platforms[n] for n in names_here])
    return "".join(line + "\n" for line in out), errors


def draft_lines(draft, platforms) -> list[str]:
    name = draft.path + (f" [{draft.note}]" if getattr(draft, "note", None) else "")
    if not platforms:
        return [f"{name}: no platform; name one with --platform, `platforms:` in the "
                "config or in the draft's front matter"]
    lines = [f"{name} (platforms: {', '.join(p.name for p in platforms)})"]
    for post in draft.posts:
        text = posted(post)
        line, _ = draft.position(text.offset(0) if text.text else post.start)
        if not text.text:
            lines.append(f"  post {post.index + 1}, line {line}: empty")
            continue
        lines.append(f"  post {post.index + 1}, line {line}")
        for platform in platforms:
            lines += platform_lines(draft, text, platform)
    return lines


def platform_lines(draft, text, platform) -> list[str]:
    counts = []
    for unit, limit in platform.length.items():
        count, cross = measure(text.text, platform, unit)
        entry = f"{count}/{limit} {UNIT_NAMES[unit]}"
        if cross is not None:
            entry += f", {count - limit} over from {_where(draft, text.offset(cross))}"
        counts.append(entry)
    lines = [f"    {platform.name}: {'; '.join(counts) or 'no length limit'}"]
    for name, at in platform.folds.items():
        head = f"      fold '{name}' after {at} {UNIT_NAMES[platform.fold_unit]}"
        cut = fold_offset(text.text, platform, at)
        if cut is None:
            lines.append(f"{head}: not reached, the whole post shows")
            continue
        before = text.text[max(0, cut - CONTEXT):cut]
        after = text.text[cut:cut + CONTEXT]
        quote = ("..." if cut > CONTEXT else "") + before + "|" + after + \
                ("..." if cut + CONTEXT < len(text.text) else "")
        quote = printable(quote)  # (a newline as \n, and no escape sequence of the draft's)
        lines.append(f'{head} at {_where(draft, text.offset(cut))}: "{quote}"')
    return lines


def _where(draft, offset: int) -> str:
    line, column = draft.position(offset)
    return f"{line}:{column}"


def _display(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path
