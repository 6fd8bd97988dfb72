"""`--format github`: GitHub Actions workflow commands that annotate a pull request.

Each finding becomes `::error|warning|notice file=..,line=..,endLine=..,col=..,endColumn=..,
title=..::message`. GitHub accepts `col`/`endColumn` only when the finding starts and ends
on one line, so they are left out otherwise; `endColumn` is exclusive like postlint's own.
GitHub shows only a few annotations per step, so the plain text report follows.
"""

from __future__ import annotations

from ..hookspecs import hookimpl
from .base import Format
from .text import Text

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (after `::`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (`file=`, `title=`): data escapes plus `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    props = [("file", finding.path), ("line", finding.line), ("endLine", finding.end_line)]
    if finding.end_line == finding.line:
        props += [("col", finding.column),
                  ("endColumn", max(finding.end_column, finding.column))]
    props.append(("title", f"postlint {finding.code} ({finding.name})"))
    platform = f" [{finding.platform}]" if finding.platform else ""
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return (f"::{COMMANDS[finding.level]} {properties}::"
            f"{escape_data(finding.message + platform)}")


class GitHub(Format):
    name = "github"
    description = ("GitHub Actions annotations, then the text report"
                   " (the default when GITHUB_ACTIONS=true)")

    def render(self, report):
        lines = [annotation(f) for f in report.findings]
        for path, message in report.errors:
            where = "" if path.startswith("<") else f"file={escape_property(path)},"
            lines.append(f"::error {where}title=postlint::{escape_data(message)}")
        text = Text(color=False, show_source=self.show_source, statistics=self.statistics)
        return "".join(line + "\n" for line in lines) + text.render(report)


@hookimpl
def postlint_formats():
    return [GitHub]
