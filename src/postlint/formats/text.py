"""`--format text`: one finding a line, `path:line:col: CODE message (rule-name)`."""

from __future__ import annotations

import unicodedata

from ..hookspecs import hookimpl
from ..lint.report import level_counts, riskiest
from ..load.filesystem import printable
from .base import Format

_COLORS = {"error": "31", "warning": "33", "info": "36"}
BLOCK = 1000  # lines written at a time: a large report is never held whole
RISKIEST = 20  # posts of a data export listed after its findings, riskiest first


class Text(Format):
    name = "text"
    description = "one finding a line, then a summary (the default)"

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def render(self, report):
        return "".join(self.pieces(report))

    def pieces(self, report):
        """The report in blocks of about BLOCK lines, the summary last."""
        out = []
        for f in report.findings:
            where = self.paint(f"{f.path}:{f.line}:{f.column}:", "1")
            code = self.paint(f.code, _COLORS[f.level])
            platform = f" [{f.platform}]" if f.platform else ""
            note = f" [{f.note}]" if f.note else ""  # where in a calendar or export
            # (a draft's own characters never reach the terminal as they are: an escape
            # sequence would retitle it or hide lines, a bidi override reorder the report)
            out.append(f"{where} {code} {printable(f.message)}{platform} ({f.name})"
                       f"{printable(note)}")
            if self.show_source and f.path in report.texts:
                out += self.source(report.texts[f.path], f)
            if len(out) >= BLOCK:
                yield "\n".join(out) + "\n"
                out = []
        if self.statistics and report.findings:
            out.append("")
            out += statistics(report.findings)
        out += self.riskiest(report)
        out.append(self.paint(report.summary(), "1"))
        yield "\n".join(out) + "\n"

    def riskiest(self, report) -> list[str]:
        """The posts of data exports with findings, most serious first (what a person
        cleaning up an account reads): level counts, date, link, rules, where."""
        posts = riskiest(report.findings)
        if not posts:
            return []
        out = ["", self.paint(f"Riskiest posts first ({len(posts)} with findings):", "1")]
        for post in posts[:RISKIEST]:
            when = (post.date or "")[:10] or "undated"
            link = post.url or f"{post.path}:{post.line}"
            out.append(f"  {self.paint(post.counts(), _COLORS[post.worst])}  {when}  {link}"
                       f"  ({', '.join(post.rules())})")
        if len(posts) > RISKIEST:
            out.append(f"  ... and {len(posts) - RISKIEST} more (--format json lists every "
                       "finding with its post_id)")
        return out + [""]

    def source(self, text: str, f) -> list[str]:
        lines = text.split("\n")
        line = lines[f.line - 1].rstrip("\r") if f.line <= len(lines) else ""
        end = f.end_column if f.end_line == f.line else len(line) + 1
        shown = [_shown(char, column) for char, column in zip(line, _columns(line))]
        width = sum(w for _, w in shown[f.column - 1:end - 1])
        lead = sum(w for _, w in shown[:f.column - 1])
        caret = " " * lead + "^" * max(1, width)
        return [f"  {f.line:>4} | {''.join(s for s, _ in shown)}",
                f"       | {self.paint(caret, _COLORS[f.level])}"]


TAB = 8


def _columns(line: str):
    """The terminal column each character of `line` starts at (for tab stops)."""
    column = 0
    for char in line:
        yield column
        column += _shown(char, column)[1]


def _shown(char: str, column: int) -> tuple[str, int]:
    """How --show-source prints a character of a draft, and how many terminal columns
    that takes: a tab as spaces to the next stop, a control character (an escape
    sequence's ESC, a bidi override) escaped, wide characters two, combining marks none."""
    if char == "\t":
        return " " * (TAB - column % TAB), TAB - column % TAB
    if not char.isprintable() and char not in "\u200d\ufe0f":
        escaped = printable(char)
        if escaped != char:
            return escaped, len(escaped)
    if unicodedata.combining(char) or char in "\u200d\ufe0f\ufeff":
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in "WF" else 1


def statistics(findings) -> list[str]:
    """One line per rule, most findings first: the count, code, name and levels."""
    by_rule: dict[tuple, list] = {}
    for f in findings:
        by_rule.setdefault((f.code, f.name), []).append(f)
    out = []
    for (code, name), found in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        levels = {f.level for f in found}
        words = next(iter(levels)) if len(levels) == 1 else level_counts(found)
        out.append(f"{len(found):>5}  {code:<6} {name} ({words})")
    return out


@hookimpl
def postlint_formats():
    return [Text]
