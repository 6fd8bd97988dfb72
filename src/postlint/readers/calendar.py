"""Content calendars: CSV, TSV and XLSX files in which each row is a post.

The `calendar:` section of the config names the columns (`columns: {text: Caption}`) or
a scheduler's export layout (`format:`); without either, the layout is recognised from
the first row. CSV and TSV cells are located exactly: a finding's line and column are
those of the character in the file, quotes and doubled quotes accounted for, so `--fix`
writes a cell back (quoted as needed) with every other byte unchanged. XLSX files are
read with openpyxl (the `xlsx` extra), never written; their positions are the row and
the character in the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..text.draft import BOM, DraftError, decode
from ..hookspecs import hookimpl
from ..load.yamlfile import ConfigError, Errors, line_of
from .base import Reader, Record, Source, Span, line_starts_of, runs_locator

KEYS = ("text", "date", "time", "platform", "profile", "link", "media", "alt", "lang")
SETTINGS = {
    "format": "a scheduler's layout: generic, hootsuite, sprout or publer",
    "columns": "column of each key (header name, or 1-based number without a header)",
    "header": "whether the first row names the columns (default: the format's)",
    "date-format": "strptime format(s) of the date column, e.g. '%d/%m/%Y %H:%M'",
    "min-gap": "least time between two posts on one platform (minutes, or '1h', '90s')",
    "suppress-column": "column holding 'disable: RULE,...' for its row (default postlint)",
}
DEFAULT_GAP = dt.timedelta(minutes=10)
SUPPRESS_COLUMN = "postlint"


@dataclass(frozen=True)
class Layout:
    """How a scheduler's file is laid out: header or not, and the column of each key."""

    name: str
    header: bool
    columns: dict  # key -> header name (normalised) or 1-based position
    date_formats: tuple = ()
    signature: tuple = ()  # header names that identify the layout


# The dates each layout's exports hold; ISO dates are always understood as well.
US_DATES = ("%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%Y")
LAYOUTS = {
    # Hootsuite's bulk composer: no header; A date and time, B message, C link.
    "hootsuite": Layout("hootsuite", False, {"date": 1, "text": 2, "link": 3},
                        ("%m/%d/%Y %H:%M", "%m/%d/%y %H:%M")),
    # Sprout Social's bulk scheduling template.
    "sprout": Layout("sprout", True, {"date": "date", "time": "time_24hr",
                                      "text": "message_text", "link": "link_url",
                                      "media": "image_url", "platform": "network",
                                      "profile": "profile"},
                     US_DATES, ("message_text",)),
    # Publer's bulk template (12 columns; headers carry a hint after " - ").
    "publer": Layout("publer", True, {"date": "date", "text": "text", "link": "link(s)",
                                      "media": "media url(s)", "alt": "alt text(s)"},
                     ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M"),
                     ("text", "link(s)", "media url(s)")),
    "generic": Layout("generic", True, {key: key for key in KEYS}, US_DATES, ("text",)),
}
# The headers a team's own spreadsheet names each key by (the generic layout, after the
# key itself), in the order they are looked for
HEADERS = {
    "text": ("post", "post text", "post copy", "copy", "caption", "message", "content",
             "tweet", "body"),
    "date": ("publish date", "post date", "scheduled date", "publish on", "date and time",
             "date/time", "datetime", "scheduled for", "day", "scheduled at", "publish at",
             "post at", "post on", "posting date", "send at", "send date", "go live date",
             "publication date", "date to post", "when"),
    "time": ("publish time", "post time", "scheduled time", "time (24h)", "posting time",
             "send time"),
    "platform": ("network", "channel", "social network", "platforms", "networks",
                 "channels"),
    "profile": ("audience",),
    "link": ("url", "link url", "links"),
    "media": ("image", "image url", "media url", "asset", "visual"),
    "alt": ("alt text", "alt-text", "image alt text", "image description"),
    "lang": ("language",),
}
UNAMBIGUOUS_DATES = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d",
    # dates with the month's English name, as people type them (Dec 10, 2026; 10 December
    # 2026), with or without a time: never ambiguous either
    *(day + hour for day in ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y",
                             "%a, %b %d, %Y", "%A, %B %d, %Y")
      for hour in ("", " %H:%M", " %I:%M %p")))
TIMES = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I %p")
PLATFORM_NAMES = {"twitter": "x", "x (twitter)": "x", "twitter/x": "x", "linkedin page": "linkedin",
                  "facebook page": "facebook", "instagram business": "instagram"}


def normalised(header: str) -> str:
    """A header as layouts name it: lower case, single spaces, without a ' - hint'."""
    return " ".join(header.split(" - ")[0].split()).lower()


def parse_gap(value, path: str, line: int | None) -> dt.timedelta:
    """`min-gap`: minutes as a number, or a number with s, m or h ('90s', '1h')."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return dt.timedelta(minutes=value)
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?|h|hours?)\s*",
                         str(value))
    if not found:
        raise ConfigError(f"expected minutes (10) or a duration such as '90s', '15m' or "
                          f"'1h', got {value!r}", path, line, "calendar.min-gap")
    unit = {"s": "seconds", "m": "minutes", "h": "hours"}[found.group(2)[0]]
    return dt.timedelta(**{unit: float(found.group(1))})


@dataclass
class Settings:
    """The checked `calendar:` section."""

    format: str | None = None
    columns: dict = field(default_factory=dict)
    header: bool | None = None
    date_formats: tuple = ()
    min_gap: dt.timedelta = DEFAULT_GAP
    suppress_column: str = SUPPRESS_COLUMN

    @classmethod
    def from_config(cls, config) -> "Settings":
        section = config.get("calendar")
        path = config.path or "<config>"
        if section is None:
            return cls()
        base = line_of(config.data, "calendar")
        if not isinstance(section, dict):
            raise ConfigError(f"expected a mapping of {', '.join(SETTINGS)}", path, base,
                              "calendar")
        errors, out = [], cls()
        for key, value in section.items():
            line = line_of(section, key, base)
            try:
                out._set(str(key), value, path, line)
            except ConfigError as exc:
                errors.append(exc)
        if errors:
            raise Errors(errors)
        return out

    def _set(self, key: str, value, path: str, line: int) -> None:
        where = f"calendar.{key}"
        if key not in SETTINGS:
            raise ConfigError(f"unknown key{_suggest(key, SETTINGS)} (known: "
                              f"{', '.join(SETTINGS)})", path, line, where)
        if key == "format":
            if value not in LAYOUTS:
                raise ConfigError(f"unknown format {value!r}{_suggest(str(value), LAYOUTS)} "
                                  f"(known: {', '.join(sorted(LAYOUTS))})", path, line, where)
            self.format = value
        elif key == "columns":
            if not isinstance(value, dict):
                raise ConfigError("expected a mapping such as {text: Caption, date: Publish}",
                                  path, line, where)
            for name, column in value.items():
                at = line_of(value, name, line)
                if name not in KEYS:
                    raise ConfigError(f"unknown column key{_suggest(str(name), KEYS)} "
                                      f"(known: {', '.join(KEYS)})", path, at, f"{where}.{name}")
                if isinstance(column, bool) or not isinstance(column, (str, int)) or \
                        (isinstance(column, int) and column < 1):
                    raise ConfigError("expected a header name, or a column number from 1, "
                                      f"got {column!r}", path, at, f"{where}.{name}")
                self.columns[name] = column if isinstance(column, int) else normalised(column)
        elif key == "header":
            if not isinstance(value, bool):
                raise ConfigError(f"expected true or false, got {value!r}"
                                  + ("; write true or false, without quotes"
                                     if isinstance(value, str) else ""), path, line, where)
            self.header = value
        elif key == "date-format":
            formats = [value] if isinstance(value, str) else value
            if not isinstance(formats, list) or not formats or \
                    not all(isinstance(f, str) and "%" in f for f in formats):
                raise ConfigError("expected a strptime format such as '%d/%m/%Y %H:%M' "
                                  "(or a list of them)", path, line, where)
            for form in formats:  # (a bad directive would only make every date unreadable)
                problem = _format_problem(form)
                if problem:
                    raise ConfigError(f"{problem}; see the strptime codes such as %d, %m, %Y, "
                                      "%H, %M", path, line, where)
            self.date_formats = tuple(formats)
        elif key == "min-gap":
            self.min_gap = parse_gap(value, path, line)
        elif key == "suppress-column":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError("expected a column name", path, line, where)
            self.suppress_column = normalised(value)


def _suggest(word: str, known) -> str:
    import difflib  # (only for a mistake)

    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


# -- reading CSV and TSV with positions --------------------------------------------------


@dataclass
class Cell:
    """One cell: its value, where it is in the file (`start`/`end` of the raw cell,
    quotes included), and anchors from value offsets to file offsets."""

    value: str
    start: int
    end: int
    runs: list
    quoted: bool = False


def delimiter_of(path: str, text: str) -> tuple[str, int]:
    """The delimiter of a CSV/TSV text and where its rows start: a tab for `.tsv`; for
    `.csv` the one Excel's `sep=;` first line names (that line is no row), else a
    semicolon when the first line holds more of them than commas outside quotes (Excel
    saves CSV so where the decimal mark is a comma: German, French, Spanish...), else a
    comma."""
    if path.lower().endswith(".tsv"):
        return "\t", 0
    first = text.split("\n", 1)[0].rstrip("\r")
    if len(first) == 5 and first.startswith("sep=") and first[4] in ",;\t":
        return first[4], min(len(text), len(first) + (2 if text.startswith("\r\n", 5) else 1))
    unquoted = "".join(first.split('"')[::2])
    return (";" if unquoted.count(";") > unquoted.count(",") else ","), 0


def scan(text: str, delimiter: str, start: int = 0) -> list[list[Cell]]:
    """The rows of a CSV/TSV text from `start`, as the `csv` module reads them (RFC 4180:
    a quote opens a cell only at its start, a doubled quote inside is one quote), with
    the position of every character. Blank lines are no rows."""
    rows, row, i, n = [], [], start, len(text)
    while i <= n:
        start = i
        if i < n and text[i] == '"':
            parts, runs, length, i = [], [], 0, i + 1
            piece = i
            while True:
                close = text.find('"', i)
                if close == -1:  # never closed: the rest of the file is the cell
                    runs.append((length, piece))
                    parts.append(text[piece:])
                    length += n - piece
                    i = n
                    break
                if close + 1 < n and text[close + 1] == '"':  # a doubled quote
                    runs.append((length, piece))
                    parts.append(text[piece:close + 1])
                    length += close + 1 - piece
                    i = piece = close + 2
                    continue
                runs.append((length, piece))
                parts.append(text[piece:close])
                length += close - piece
                i = close + 1
                break
            stop = _cell_end(text, i, delimiter)
            if stop > i:  # text after the closing quote belongs to the cell, as in csv
                runs.append((length, i))
                parts.append(text[i:stop])
            cell = Cell("".join(parts), start, stop, runs, True)
            i = stop
        else:
            stop = _cell_end(text, i, delimiter)
            cell = Cell(text[i:stop], start, stop, [(0, start)])
            i = stop
        row.append(cell)
        if i < n and text[i] == delimiter:
            i += 1
            continue
        if not (len(row) == 1 and not row[0].value and not row[0].quoted):
            rows.append(row)
        row = []
        if i >= n:
            break
        i += 2 if text.startswith("\r\n", i) else 1
    return rows


_CELL_ENDS = {",": re.compile(r"[,\r\n]"), ";": re.compile(r"[;\r\n]"),
              "\t": re.compile(r"[\t\r\n]")}


def _cell_end(text: str, i: int, delimiter: str) -> int:
    """Where an unquoted stretch from `i` ends: at the delimiter or the line end."""
    found = _CELL_ENDS[delimiter].search(text, i)
    return found.start() if found else len(text)


def quote(value: str, delimiter: str, was_quoted: bool) -> str:
    """A cell's value as written in the file: quoted (quotes doubled) when it holds the
    delimiter, a quote or a line break, or when it was quoted before."""
    if was_quoted or any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


# -- the reader -------------------------------------------------------------------------


class Calendar(Reader):
    """Rows of a content calendar as records, one a post."""

    name = "calendar"
    description = "content calendars (.csv, .tsv, .xlsx): each row is a post"
    patterns = ("*.csv", "*.tsv", "*.xlsx")
    writable = True

    def __init__(self, config):
        super().__init__(config)
        self.settings = Settings.from_config(config)
        self.configured = config.get("calendar") is not None

    def in_folders(self) -> bool:
        return self.configured

    def read(self, source: Source) -> list[Record]:
        if source.path.lower().endswith(".xlsx"):
            return self._read_xlsx(source)
        text = _decode(source.data())
        rows = scan(text, *delimiter_of(source.path, text))
        starts = line_starts_of(text)
        return self._records(source, rows, text, lambda row, cell, value, runs:
                             runs_locator(text, runs, starts))

    def _records(self, source: Source, rows: list, text: str | None, locator) -> list[Record]:
        """Records from rows of cells (`locator(row, cell)` gives each cell's `locate`)."""
        if not rows:
            return []
        layout, columns = self._layout(rows[0], source)
        first = 1 if layout.header else 0
        header = [c.value for c in rows[0]] if layout.header else []
        suppress_at = next((i for i, h in enumerate(header)
                            if normalised(h) == self.settings.suppress_column), None)
        formats = self.settings.date_formats or layout.date_formats
        records = []
        for number, row in enumerate(rows[first:], first + 1):
            cells = {}
            for key, index in columns.items():
                if index < len(row):
                    cell = row[index]
                    cells[key] = (cell, locator(number, index, cell.value, cell.runs))
            if "text" not in cells or not any(c.value.strip() for c in row):
                continue  # a short or empty row (a sheet's trailing lines): no post
            cell, locate = cells["text"]
            front = {}
            platforms = _platforms(cells.get("platform"))
            if platforms:
                front["platforms"] = platforms
            for key in ("profile", "lang"):
                if key in cells and cells[key][0].value.strip():
                    front[key] = cells[key][0].value.strip()
            if suppress_at is not None and suppress_at < len(row):
                disable = _disable(row[suppress_at].value)
                if disable is None:
                    line = locate(0)[0]
                    raise DraftError(f"line {line}: column {header[suppress_at]!r}: expected "
                                     f"'disable: RULE,...', got {row[suppress_at].value!r}")
                if disable:
                    front["disable"] = disable
            day, when = schedule(cells, formats)
            if day is not None:
                front["date"] = day
            if when is not None:
                front["datetime"] = when
            shown = {key: self._where(number, columns[key], header, text is None)
                     for key in cells}
            fields, note = shown["text"]
            expected = {"date": " or ".join(_shown(f) for f in (*formats, "%Y-%m-%d")),
                        "time": "HH:mm (24-hour) or h:mm AM/PM"}
            spans = {key: Span(cells[key][0].value, cells[key][1], *shown[key],
                               expected=expected[key])
                     for key in ("date", "time") if key in cells}
            records.append(Record(path=source.display, text=cell.value, front_matter=front,
                                  key=f"{source.display}#{number}", locate=locate,
                                  fields=fields, note=note, source_text=text,
                                  reader=self.name, spans=spans,
                                  data={"cell": cell}))
        _doubt_dates(records, formats)
        return records

    @staticmethod
    def _where(number: int, index: int, header: list, sheet: bool) -> tuple[dict, str]:
        """What findings on a cell show: JSON fields, and the note of text output."""
        fields = {"row": number, "column_name": header[index] if header else _letter(index)}
        if sheet:
            fields["cell"] = f"{_letter(index)}{number}"
            return fields, f"cell {fields['cell']}"
        return fields, f"row {number}"

    def _layout(self, first: list[Cell], source: Source) -> tuple[Layout, dict]:
        """The layout of a file and the 0-based index of each key's column."""
        names = [normalised(c.value) for c in first]
        settings = self.settings
        if settings.format:
            layout = LAYOUTS[settings.format]
        elif settings.columns:
            layout = LAYOUTS["generic"] if settings.header is not False else \
                Layout("columns", False, {})
        else:
            layout = _recognise(names, first)
            if layout is None:
                shown = ", ".join(repr(c.value[:30]) for c in first[:6])
                raise DraftError(f"line 1: calendar: cannot tell the layout from the first row "
                                 f"({shown}); set calendar.format to one of "
                                 f"{', '.join(sorted(LAYOUTS))}, or name the columns under "
                                 "calendar.columns")
        header = layout.header if settings.header is None else settings.header
        wanted = {**layout.columns, **settings.columns}
        if not header:
            wanted = {k: v for k, v in wanted.items() if isinstance(v, int)}
        columns = {}
        for key, column in wanted.items():
            if isinstance(column, int):
                if column <= len(first):
                    columns[key] = column - 1
                elif key in settings.columns or key == "text":
                    raise DraftError(f"line 1: calendar: column {column} for {key!r} is past "
                                     f"the {len(first)} columns of the first row")
            elif column in names:
                columns[key] = names.index(column)
            elif key in settings.columns:
                raise DraftError(f"line 1: calendar: no column {column!r} for {key!r} "
                                 f"(the header has: {', '.join(c.value for c in first)})"
                                 f"{_suggest(column, names)}")
        if "text" not in columns:
            raise DraftError(f"line 1: calendar: no column for the post text (the "
                             f"{layout.name} layout reads it from {wanted.get('text')!r}; the "
                             f"header has: {', '.join(c.value for c in first)}); name it "
                             "under calendar.columns.text")
        if header != layout.header:
            layout = Layout(layout.name, header, layout.columns, layout.date_formats)
        return layout, columns

    def _read_xlsx(self, source: Source) -> list[Record]:
        try:
            import openpyxl  # (the `xlsx` extra; imported only for spreadsheets)
        except ImportError:
            raise DraftError("reading .xlsx files needs openpyxl: pip install "
                             "'postlint[xlsx]'") from None
        import io
        import zipfile

        data = source.data()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as members:
                for info in members.infolist():
                    _check_part(info)
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError,
                RecursionError) as exc:  # (SyntaxError: the XML parser's ParseError)
            raise DraftError(f"not a readable .xlsx workbook ({exc})") from None
        try:
            sheet = book.worksheets[0]
            rows = []
            for values in sheet.iter_rows(values_only=True):
                cells = [Cell(_cell_text(v), 0, 0, [(0, 0)]) for v in values]
                rows.append(cells)
        except (SyntaxError, RecursionError, ValueError) as exc:
            # an entity bomb or a sheet nested without end, which the parser refuses
            raise DraftError(f"not a readable .xlsx workbook ({exc})") from None
        finally:
            book.close()
        while rows and not any(c.value for c in rows[-1]):
            rows.pop()

        def locator(row, index, value, runs):
            return lambda offset: (row, offset + 1)

        # blank rows keep their numbers: rows are numbered as the sheet numbers them
        return self._records(source, rows, None, locator)

    def write(self, source: Source, edits) -> bytes:
        """The CSV/TSV file with each edited record's text cell rewritten, quoted as
        needed; every other byte is kept."""
        if source.path.lower().endswith(".xlsx"):
            raise DraftError(".xlsx calendars are never written; edit the spreadsheet, "
                             "or export it as CSV")
        data = source.data()
        bom = data.startswith(BOM.encode("utf-8"))
        text = _decode(data)
        delimiter = delimiter_of(source.path, text)[0]
        parts, pos = [], 0
        for record, new in sorted(edits, key=lambda e: e[0].data["cell"].start):
            cell = record.data["cell"]
            parts += [text[pos:cell.start], quote(new, delimiter, cell.quoted)]
            pos = cell.end
        parts.append(text[pos:])
        return ((BOM if bom else "") + "".join(parts)).encode("utf-8")


def _decode(data: bytes) -> str:
    text = decode(data, "a CSV calendar", "export the calendar as 'CSV UTF-8'")
    return text[1:] if text.startswith(BOM) else text


# (not a column that says whether to post: "Publish", "Scheduled" yes or no)
_DATED = re.compile(r"date|time|\bwhen\b|[ _-](?:at|on)$")


def _recognise(names: list[str], first: list[Cell]) -> Layout | None:
    """The layout whose signature headers the first row holds (most specific first), the
    generic one read by the usual names of its columns (`HEADERS`) when one names the
    text, or Hootsuite's headerless layout when the first cell is a date."""
    for name in ("publer", "sprout", "generic"):
        if all(s in names for s in LAYOUTS[name].signature):
            return LAYOUTS[name]
    # (a team's own headers are read with `_` and `-` as spaces: scheduled_at, go-live)
    spaced = {" ".join(n.replace("_", " ").replace("-", " ").split()): n for n in reversed(names)}
    named = {key: next((spaced[h] for h in (key, *HEADERS[key]) if h in spaced), None)
             for key in KEYS}
    if named["text"] is not None:  # (a team's own headers: Post Copy, Network, Publish date)
        if named["date"] is None:
            dated = next((c.value for c, n in zip(first, names)
                          if _DATED.search(n) and n not in named.values()), None)
            if dated is not None:  # (the date rules would be silently off)
                raise DraftError(f"line 1: calendar: no column is read as the publish date, "
                                 f"but {dated!r} looks like one; name it under "
                                 "calendar.columns.date (or the one that is)")
        return Layout("generic", True, {k: h for k, h in named.items() if h is not None},
                      LAYOUTS["generic"].date_formats)
    if len(first) >= 2 and _datetime(first[0].value, LAYOUTS["hootsuite"].date_formats):
        return LAYOUTS["hootsuite"]
    return None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.time() != dt.time() else "%Y-%m-%d")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()[:5] if isinstance(value, dt.time) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column (0 -> A, 26 -> AA)."""
    out, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _platforms(entry) -> list[str]:
    if entry is None:
        return []
    names = [p.strip().lower() for p in re.split(r"[,;|/]| and ", entry[0].value) if p.strip()]
    return list(dict.fromkeys(PLATFORM_NAMES.get(n, n) for n in names))


def _disable(value: str) -> list[str] | None:
    """The rules a suppression cell names ([] for an empty cell), or None if malformed."""
    if not value.strip():
        return []
    found = re.fullmatch(r"\s*disable\s*:\s*(.*?)\s*", value, re.DOTALL)
    if not found:
        return None
    names = [n for n in re.split(r"[\s,]+", found.group(1)) if n]
    return names or None


def _format_problem(form: str) -> str | None:
    """Why strptime cannot use `form` (a bad or stray % directive), or None."""
    try:
        dt.datetime.strptime("", form)
    except ValueError as exc:
        if "directive" in str(exc) or "stray %" in str(exc):
            return str(exc)
    return None


def _datetime(value: str, formats) -> dt.datetime | None:
    value = " ".join(value.split())
    for form in (*formats, *UNAMBIGUOUS_DATES):
        try:
            return dt.datetime.strptime(value, form)
        except ValueError:
            continue
    return None


def _swapped(form: str) -> str:
    """`form` with its day and month exchanged (%d/%m/%Y for %m/%d/%Y)."""
    return form.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")


def _first(form: str) -> str:
    return "day" if form.find("%d") < form.find("%m") else "month"


def _doubt_dates(records: list[Record], formats) -> None:
    """Mark the dates that read both ways (04/05/2026) in a calendar whose other rows write
    the day and month the other way round (31/05/2026 where MM/DD/YYYY is read): the
    reading taken may not be the one meant. The rows written the other way are told the
    setting that reads them."""
    numeric = tuple(f for f in formats if "%d" in f and "%m" in f  # (not year first)
                    and max(f.find("%Y"), f.find("%y")) > max(f.find("%d"), f.find("%m")))
    if not numeric:
        return
    other_way = tuple(_swapped(f) for f in numeric)
    shown, taken = None, []  # the first row written the other way; the rows read both ways
    for record in records:
        span = record.spans.get("date")
        if span is None or not span.value.strip():
            continue
        value = " ".join(span.value.split())
        read, form = _reading(value, numeric)
        other, other_form = _reading(value, other_way)
        if read is None and other is not None:
            shown = shown or (record.note, _first(other_form))
            span.expected += (f"; or, if the calendar writes the {_first(other_form)} first, "
                              f"set calendar.date-format to '{other_form}'")
        elif read is not None and other is not None and read.date() != other.date():
            taken.append((span, read, other, form))
    if shown is None:
        return
    for span, read, other, form in taken:
        span.doubt = {"read": _day(read), "other": _day(other), "evidence": shown[0],
                      "first": shown[1], "read_first": _first(form)}


def _reading(value: str, forms) -> tuple[dt.datetime | None, str | None]:
    for form in forms:
        try:
            return dt.datetime.strptime(value, form), form
        except ValueError:
            continue
    return None, None


def _day(when: dt.datetime) -> str:
    return f"{when.day} {when:%B %Y}"


def schedule(cells: dict, formats) -> tuple[dt.date | None, dt.datetime | None]:
    """When a row is to be posted: its date, and its date and time when it has a time
    (None for what is missing or cannot be read; `schedule-date` reports those)."""
    if "date" not in cells or not cells["date"][0].value.strip():
        return None, None
    raw = " ".join(cells["date"][0].value.split())
    stamp = _datetime(raw, formats)
    if stamp is None:
        return None, None
    if "time" in cells and cells["time"][0].value.strip():
        clock = _time(cells["time"][0].value)
        return stamp.date(), clock and dt.datetime.combine(stamp.date(), clock)
    return stamp.date(), stamp if ":" in raw else None


def _time(value: str) -> dt.time | None:
    value = " ".join(value.split()).upper()
    for form in TIMES:
        try:
            return dt.datetime.strptime(value, form).time()
        except ValueError:
            continue
    return None


def _shown(form: str) -> str:
    return (form.replace("%Y", "YYYY").replace("%y", "YY").replace("%m", "MM")
            .replace("%d", "DD").replace("%H", "HH").replace("%I", "hh").replace("%M", "mm")
            .replace("%S", "SS").replace("%p", "AM/PM"))



XLSX_RATIO = 100  # XML compresses some 5-20 times; a zip bomb, thousands of times
XLSX_FLOOR = 1 << 20  # (a part smaller than this may compress as it likes)


def _check_part(info) -> None:
    """Refuse a part of a workbook that would expand like a zip bomb: openpyxl would
    parse every byte of it (minutes for a 5 MB file that holds gigabytes of spaces)."""
    if info.file_size > XLSX_FLOOR and info.file_size > XLSX_RATIO * max(info.compress_size, 1):
        raise ValueError(f"its part {info.filename} expands "
                         f"{info.file_size // max(info.compress_size, 1)} times, to "
                         f"{info.file_size >> 20} MB; no spreadsheet compresses more than "
                         f"{XLSX_RATIO} times, so this looks like a zip bomb; refusing it")

@hookimpl
def postlint_readers():
    return [Calendar]
