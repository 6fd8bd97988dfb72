"""`--format text`: one finding a line, `path:line:col: CODE message (rule-name)`."""

from __future__ import annotations

from collections import Counter

from ..hookspecs import hookimpl
from .base import Format

_COLORS = {"error": "31", "warning": "33", "info": "36"}
BLOCK = 1000  # lines written at a time: a large report is never held whole


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
            out.append(f"{where} {code} {f.message}{platform} ({f.name})")
            if self.show_source and f.path in report.texts:
                out += self.source(report.texts[f.path], f)
            if len(out) >= BLOCK:
                yield "\n".join(out) + "\n"
                out = []
        if self.statistics and report.findings:
            out.append("")
            counts = Counter((f.code, f.name, f.level) for f in report.findings)
            for (code, name, level), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(f"{n:>5}  {code:<6} {name} ({level})")
        out.append(self.paint(report.summary(), "1"))
        yield "\n".join(out) + "\n"

    def source(self, text: str, f) -> list[str]:
        lines = text.split("\n")
        line = lines[f.line - 1].rstrip("\r") if f.line <= len(lines) else ""
        width = (f.end_column if f.end_line == f.line else len(line) + 1) - f.column
        caret = " " * (f.column - 1) + "^" * max(1, width)
        return [f"  {f.line:>4} | {line}", f"       | {self.paint(caret, _COLORS[f.level])}"]


@hookimpl
def postlint_formats():
    return [Text]
