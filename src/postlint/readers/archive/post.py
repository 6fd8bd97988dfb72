"""One post of an export: its text, what it was, and where its text stands in the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import textmap

# How `raw` (the text as the file spells it) decodes to `text`: the steps, in order.
DECODERS = {
    "plain": (),
    "json": (textmap.json_string_map,),
    "json+entities": (textmap.json_string_map, textmap.entities_map),
    "json+html": (textmap.json_string_map, textmap.html_text_map),
    "json+mojibake": (textmap.json_string_map, textmap.mojibake_map),
    "csv": (lambda raw: textmap.csv_cell_map(raw, False),),
    "csv-quoted": (lambda raw: textmap.csv_cell_map(raw, True),),
}


@dataclass(slots=True)
class ArchivePost:
    """A post read from a platform's data export.

    `file` is the export file as shown in findings (`archive.zip/data/tweets.js`), and
    `line`/`column` (1-based, in characters) where `raw` starts in it; `decode` names
    the steps from `raw` to `text` (see `DECODERS`). `date` is timezone-aware (UTC
    when the export gives no zone); `url` is None where the platform has no link to a
    post. `reply` marks answers to other people (a thread's own follow-ups are not),
    `repost` shares of someone else's post.
    """

    platform: str
    id: str
    date: datetime | None
    url: str | None
    text: str
    file: str
    line: int
    column: int
    raw: str
    decode: str
    reply: bool = False
    repost: bool = False

    def offsets(self) -> list[int] | None:
        """Where each character of `text` starts in `raw` (plus the end); None if the
        raw spelling does not decode to the text (then positions fall back to its start)."""
        text, offsets = self.raw, textmap.identity(self.raw)
        try:
            for step in DECODERS[self.decode]:
                text, inner = step(text)
                offsets = textmap.compose(inner, offsets)
        except ValueError:
            return None
        return offsets if text == self.text else None

    def positions(self, indexes) -> dict[int, tuple[int, int]]:
        """The file's (line, column) of each offset into `text` (exact where the raw
        spelling is known; else the start of the raw text)."""
        offsets = self.offsets()
        out = {}
        for index in indexes:
            if offsets is None:
                out[index] = (self.line, self.column)
                continue
            at = offsets[max(0, min(index, len(offsets) - 1))]
            newlines = self.raw.count("\n", 0, at)
            if newlines:
                out[index] = (self.line + newlines, at - self.raw.rfind("\n", 0, at))
            else:
                out[index] = (self.line, self.column + at)
        return out

    def position(self, index: int) -> tuple[int, int]:
        return self.positions([index])[index]
