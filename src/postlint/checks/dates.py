"""`date`: dates written in a post that cannot be right.

`check: calendar` flags a weekday that does not fit its date ("Wednesday, 15 May 2025"
is a Thursday) and dates that do not exist ("31 February"); `check: past` flags a date
before the draft's publish date (front matter `date:` or `publish:`). A date without a
year takes the publish date's year, else the year of "today" (`--today`, else the
clock); see `text.dates.resolve`.

Numeric dates are ambiguous and often not dates at all (`24/7`, `1/2 cup`, versions such
as `3.10.12`): a numeric date counts only with a four-digit year or a weekday before
it, and a slash date is wrong only when neither month/day nor day/month fits.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import regex

from ..hookspecs import hookimpl
from ..load import builtin, yamlfile
from ..text import dates
from ..text.dates import MONTHS, WEEKDAYS
from .base import ANY, Check, Match, Option, word_pattern

_SENTENCE = regex.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


@lru_cache(maxsize=4)
def names(languages: tuple) -> dates.Names:
    data = yamlfile.load(builtin.folder() / "data" / "dates.yaml", keep=True) or {}
    return dates.Names.from_data(data, languages)


def _say(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class DateCheck(Check):
    """Dates a post states that do not exist, whose weekday is wrong, or (`check: past`)
    that fall before the publish date."""

    languages = ANY  # reads no words of one language

    type_name = "date"
    values = ("problem", "weekday", "date", "publish")
    options = {
        "check": Option("str", "calendar", choices=("calendar", "past"),
                        help="calendar: wrong weekdays and impossible dates; past: dates "
                        "before the publish date"),
        "languages": Option("list", [], help="languages of rules/data/dates.yaml to read "
                            "(default: all)"),
        "max_days": Option("int", 365, low=0, help="past: ignore dates longer ago than this"),
        "past_words": Option("list", [], help="past: a sentence holding one of these words"
                             " tells of the past (\"last\", \"ago\") and is left alone"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.names = names(tuple(options["languages"]))
        self.past_words = word_pattern(options["past_words"])

    def check(self, post):
        publish = dates.publish_date(post.draft.front_matter)
        if self.opts["check"] == "past" and publish is None:
            return
        reference = publish  # (today is asked for once a date is found: most posts have none)
        text = post.prose
        for stated in dates.find(text, self.names):
            if self.opts["check"] == "past":
                found = self._past(text, stated, publish)
            else:
                reference = reference or self.context.now_date()
                found = self._calendar(stated, reference)
            if found:
                yield Match(stated.start, stated.end, found)

    def _calendar(self, stated: dates.Stated, reference: datetime.date) -> dict | None:
        if stated.numeric and not stated.long_year and stated.weekday is None:
            return None
        possible = [r for r in stated.readings if dates.exists(*r)]
        if not possible:
            months = [r for r in stated.readings if r[1] <= 12]
            if not months:
                return {"problem": f"there is no month {stated.readings[0][1]}"}
            year, month, day = months[0]
            where = f" in {year}" if year is not None else ""
            return {"problem": f"{MONTHS[month - 1]} has no day {day}{where}"}
        if stated.weekday is None:
            return None
        meant = [d for d in (dates.resolve(*r, reference) for r in possible) if d]
        if not meant or any(d.weekday() == stated.weekday for d in meant):
            return None
        said = WEEKDAYS[stated.weekday]
        readings = " or ".join(f"{_say(d)} is a {WEEKDAYS[d.weekday()]}" for d in meant)
        return {"problem": f"{readings}, not a {said}", "weekday": said}

    def _past(self, text: str, stated: dates.Stated, publish: datetime.date) -> dict | None:
        if stated.numeric and not stated.long_year and stated.weekday is None:
            return None
        meant = [d for d in (dates.resolve(*r, publish) for r in stated.readings
                             if dates.exists(*r)) if d]
        if not meant or any(d >= publish for d in meant):
            return None
        day = max(meant)
        if (publish - day).days > self.opts["max_days"]:
            return None
        if self.past_words is not None:
            sentence = next((m for m in _SENTENCE.finditer(text)
                             if m.start() <= stated.start < max(m.end(), m.start() + 1)), None)
            if sentence and self.context.search(self.past_words, sentence.group(0)):
                return None
        return {"date": _say(day), "publish": publish.isoformat()}


@hookimpl
def postlint_rule_types():
    return [DateCheck]
