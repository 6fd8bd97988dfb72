"""Calendar dates written in a post, and a draft's publish date.

`find(text, names)` yields each date a text states, in the common formats:
`Wed, May 15`, `Wednesday, May 15th, 2025`, `15 May 2025`, `Mittwoch, 15. Mai`,
`miércoles 15 de mayo de 2025`, `le mercredi 15 mai`, `5/15`, `5/15/2025`, `15/05/2025`,
`15.05.2025` and `2025-05-15`, with the weekday named before it if there is one. Month
and weekday names come from `rules/data/dates.yaml` (`Names.load`). A numeric date
with a slash or dots may be month/day or day/month: both readings are kept, unless a
weekday named in a language that writes the day first comes before it ("Samstag,
11.12.2026", "mercredi 03/04/2026": day/month only).

`publish_date(front_matter)` reads front matter `date:` or `publish:` (a YAML date, or a
string that starts with YYYY-MM-DD).
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _bare(word: str) -> str:
    """Lower case without accents: `Miércoles` -> `miercoles`."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                   if not unicodedata.combining(c))


def forms(name) -> tuple[str, str]:
    """A name as written and without accents, lower case: `miércoles`, `miercoles`."""
    return str(name).casefold(), _bare(str(name))


@dataclass(frozen=True)
class Names:
    """Month and weekday names (accents optional) -> month 1-12 / weekday 0-6."""

    months: dict = field(default_factory=dict)
    weekdays: dict = field(default_factory=dict)
    # weekday names that only languages writing the day first have ("Samstag",
    # "sábado", "samedi"): a numeric date after one is day/month ("Samstag, 11.12.2026")
    day_first: frozenset = frozenset()

    @classmethod
    def from_data(cls, data: dict, languages=()) -> "Names":
        """From the mapping of `rules/data/dates.yaml`, for `languages` (default: all)."""
        months, weekdays, english, other = {}, {}, set(), set()
        for lang, tables in data.items():
            if languages and lang not in languages:
                continue
            for index, names in enumerate(tables.get("months") or ()):
                months.update((form, index + 1) for n in names for form in forms(n))
            for index, names in enumerate(tables.get("weekdays") or ()):
                weekdays.update((form, index) for n in names for form in forms(n))
                (english if lang == "en" else other).update(
                    form for n in names for form in forms(n))
        return cls(months, weekdays, frozenset(other - english))

    def __hash__(self):
        return hash((tuple(sorted(self.months.items())), tuple(sorted(self.weekdays.items())),
                     tuple(sorted(self.day_first))))


@dataclass
class Stated:
    """A date as a post states it: its span, the readings (year, month, day) it may
    have (year None when the text gives none), and the weekday named with it."""

    start: int
    end: int
    readings: list
    weekday: int | None = None
    numeric: bool = False
    long_year: bool = False  # the year is written with four digits


_DAY = r"(?:3[01]|[12]\d|0?[1-9])"


@lru_cache(maxsize=8)
def _pattern(names: Names) -> "regex.Pattern":
    def alternation(table):
        words = sorted(table, key=len, reverse=True)
        return "|".join(regex.escape(w) for w in words)
    wd = rf"(?P<wd>{alternation(names.weekdays)})(?P<wdot>\.)?"
    weekday = rf"(?:{wd}(?P<wsep>,?\s+(?:(?:le|el|den|der|am|the)\s+)?))"
    month = rf"(?P<mon>{alternation(names.months)})(?:\.(?=\s+\d))?"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    ordinal = r"(?:st|nd|rd|th|er|º|\.)?"
    forms = [
        # Wed, May 15 / May 15th, 2025
        rf"{weekday}?{month}\s+(?P<day>{_DAY})(?:st|nd|rd|th)?(?!\d)(?:,?\s+{year})?",
        # 15 May 2025 / 15. Mai / 15 de mayo de 2025 / the 15th of May
        rf"{weekday}?(?P<day2>{_DAY}){ordinal}\s+(?:(?:de|of)\s+)?(?P<mon2>{alternation(names.months)})(?:\.(?=\s+\d))?"
        rf"(?:,?\s+(?:de\s+)?(?P<year2>(?:19|20)\d\d)(?!\d))?",
        # 2025-05-15
        rf"{weekday}?(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d)",
        # 5/15, 5/15/2025, 15/05/25
        rf"{weekday}?(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})(?:/(?P<ny>\d{{4}}|\d{{2}}))?(?![\d/])",
        # 15.05.2025, 15.05.
        rf"{weekday}?(?P<d1>\d{{1,2}})\.(?P<m1>\d{{1,2}})\.(?P<y1>\d{{4}}|\d{{2}}(?!\d))?(?![\d.]\d)",
    ]
    body = "|".join(f"(?:{f})" for f in forms)
    return regex.compile(rf"(?<![\w/.-])(?:{body})(?![\w/])", regex.IGNORECASE | regex.V0)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


_DECIMAL = re.compile(r"\d")  # a decimal digit (Unicode Nd, what `str.isdecimal` reads)


def has_digit(text: str) -> bool:
    """Whether a character of `text` is a digit (`str.isdigit`): a decimal digit found by
    one search, else (in a text that is not ASCII) a digit such as `²`."""
    return bool(_DECIMAL.search(text)) or not text.isascii() and any(c.isdigit() for c in text)


_RUN = regex.compile(r"\S+")
_DIGITS = re.compile(r"\d+")


def _windows(text: str, names: Names) -> list[tuple[int, int]]:
    """The parts of `text` that can hold a date: around each run of non-space characters
    with a digit, the runs a date may have before it (a weekday with its comma, an
    article, a month) and after it (`of`, a month, `de`, a year), one character more for
    the pattern to look ahead. Every date holds a digit, and searching a text everywhere
    costs more than finding its digits (about 2.4 times as much on the corpus's posts)."""
    spaces = max((n.count(" ") for n in (*names.months, *names.weekdays)), default=0)
    before, after = 3 + 2 * spaces, 4 + 2 * spaces
    runs = [m.span() for m in _RUN.finditer(text)]
    starts = [start for start, _ in runs]
    windows: list[list[int]] = []
    for digit in _DIGITS.finditer(text):
        index = bisect.bisect_right(starts, digit.start()) - 1
        lo = runs[max(index - before, 0)][0]
        hi = runs[min(index + after, len(runs) - 1)][1] + 1
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return [(lo, min(hi, len(text))) for lo, hi in windows]


def find(text: str, names: Names):
    """Each date stated in `text` (see the module doc)."""
    if not has_digit(text):
        return
    pattern = _pattern(names)
    found = itertools.chain.from_iterable(
        pattern.finditer(text, lo, hi) for lo, hi in _windows(text, names))
    for m in found:
        weekday = None
        if m.group("wd"):
            weekday = names.weekdays.get(m.group("wd").casefold())
        numeric = bool(m.group("n1") or m.group("d1") or m.group("iy"))
        short = m.group("wd") and len(m.group("wd")) <= 4 and not m.group("wdot") \
            and "," not in (m.group("wsep") or "")
        start = m.start()
        # "Sat 5/6" and "So 3/4": too often not a weekday; but one before a date with its
        # four-digit year is ("Fri 2026-12-05", "Sat 5/12/2026")
        full_year = bool(m.group("iy")) or len(m.group("ny") or m.group("y1") or "") == 4
        if numeric and short and not full_year:
            weekday, start = None, m.start("n1") if m.group("n1") else m.start()
        if m.group("mon"):
            readings = [(_year(m.group("year")), names.months[m.group("mon").casefold()],
                         int(m.group("day")))]
            long = True
        elif m.group("mon2"):
            readings = [(_year(m.group("year2")), names.months[m.group("mon2").casefold()],
                         int(m.group("day2")))]
            long = True
        elif m.group("iy"):
            readings = [(int(m.group("iy")), int(m.group("im")), int(m.group("id")))]
            long = True
        elif m.group("n1"):
            a, b, y = int(m.group("n1")), int(m.group("n2")), _year(m.group("ny"))
            readings = list(dict.fromkeys([(y, a, b), (y, b, a)]))
            long = len(m.group("ny") or "") == 4
        else:
            a, b, y = int(m.group("d1")), int(m.group("m1")), _year(m.group("y1"))
            readings = list(dict.fromkeys([(y, b, a), (y, a, b)]))  # 15.05. (or 5.15. in US use)
            long = len(m.group("y1") or "") == 4
        if weekday is not None and numeric and not m.group("iy") and \
                m.group("wd").casefold() in names.day_first:
            readings = [(y, b, a)]  # ("vendredi 11/12/2026" is 11 December)
        yield Stated(start, m.end(), readings, weekday, numeric, long)


def resolve(year: int | None, month: int, day: int, reference: datetime.date):
    """The date meant, or None when it does not exist. Without a year, the reference's
    year, or the next one when the date would be more than 90 days before the reference
    (a post of 20 December about "Monday, 5 January" means the coming January)."""
    if year is not None:
        return _date(year, month, day)
    found = _date(reference.year, month, day)
    if found is not None and (reference - found).days > 90:
        found = _date(reference.year + 1, month, day)
    return found


def _date(year: int, month: int, day: int):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def exists(year: int | None, month: int, day: int) -> bool:
    """Whether the date can exist: in `year` if given, else in a leap year."""
    return _date(year if year is not None else 2024, month, day) is not None


def publish_date(front_matter: dict) -> datetime.date | None:
    """The draft's publish date from front matter `date:` or `publish:`, else None."""
    for key in ("publish", "date"):
        value = front_matter.get(key)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            parsed = parse_date(value)
            if parsed:
                return parsed
    return None


def parse_date(text: str) -> datetime.date | None:
    """A date from a string that starts with YYYY-MM-DD, else None."""
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
