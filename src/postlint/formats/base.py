"""The base class of output formats: what a format plugin subclasses."""

from __future__ import annotations

from typing import ClassVar, Iterator

from ..lint.report import Report


class Format:
    """An output format. Subclasses set `name` and implement `render`."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, color: bool = False, show_source: bool = False,
                 statistics: bool = False):
        self.color, self.show_source, self.statistics = color, show_source, statistics

    def render(self, report: Report) -> str:
        raise NotImplementedError

    def pieces(self, report: Report) -> Iterator[str]:
        """The rendered report in pieces, to write as they are made (a format whose
        output is a sequence of lines can give them a block at a time)."""
        yield self.render(report)
