"""`date`: dates written in a post that cannot be right.

`check: calendar` flags a weekday that does not fit its date ("Wednesday, 15 May 2025"
is a Thursday) and dates that do not exist ("31 February"); `check: past` flags a date
before the draft's publish date (front matter `date:` or `publish:`); `check: weekday`
flags a greeting that names the day it is read ("Happy Friday!", "#tbt") in a draft
published on another day; `check: holiday` a holiday's greeting ("Happy Thanksgiving!")
in a draft published outside the days around that holiday. A date without a year takes the publish date's year, else the
year of "today" (`--today`, else the clock); see `text.dates.resolve`.

Numeric dates are ambiguous and often not dates at all (`24/7`, `1/2 cup`, versions such
as `3.10.12`): a numeric date counts only with a four-digit year or a weekday before
it, and a slash date is wrong only when neither month/day nor day/month fits.
"""

from __future__ import annotations

import bisect
import datetime
from functools import cached_property, lru_cache

import regex

from ..hookspecs import hookimpl
from ..load import builtin, yamlfile
from ..text import dates
from ..text.dates import MONTHS, WEEKDAYS
from .base import ANY, Check, Match, Option, word_pattern

_SENTENCE_END = regex.compile(r"[.!?]+|\n")


def _data() -> dict:
    """rules/data/dates.yaml: month and weekday names by language."""
    return yamlfile.load(builtin.folder() / "data" / "dates.yaml", keep=True) or {}


@lru_cache(maxsize=4)
def names(languages: tuple) -> dates.Names:
    return dates.Names.from_data(_data(), languages)


def _say(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class DateCheck(Check):
    """Dates a post states that do not exist, whose weekday is wrong, or (`check: past`)
    that fall before the publish date."""

    languages = ANY  # reads no words of one language

    type_name = "date"
    values = ("problem", "weekday", "date", "publish", "actual", "holiday", "when")
    options = {
        "check": Option("str", "calendar", choices=("calendar", "past", "weekday", "holiday"),
                        help="calendar: wrong weekdays and impossible dates; past: dates "
                        "before the publish date; weekday: greetings of another day than "
                        "the publish date's; holiday: greetings of a holiday the publish "
                        "date is not near"),
        "holidays": Option("mapping", {}, help="holiday: name -> {greetings: [regex], dates: "
                           "[MM-DD, {month, weekday, nth} (nth 1-4, or -1: the last) or {easter: "
                           "days after Easter Sunday}], before: days, after: days} (the "
                           "greeting fits from `before` days before one of the dates to "
                           "`after` days after it)"),
        "greetings": Option("list", [], help="weekday: regexes of a greeting that names "
                            "the day it is read, {day} standing for the weekday's full "
                            "names (rules/data/dates.yaml)"),
        "day_words": Option("mapping", {}, help="weekday: English weekday -> regexes that "
                            "name it without its name (TGIF, #tbt)"),
        "ahead_words": Option("list", [], help="weekday, holiday: a sentence holding one of "
                              "these words looks ahead (\"tomorrow\", \"in advance\") and "
                              "is left alone (holiday: before the holiday)"),
        "knows_day": Option("list", [], help="weekday: regexes ({day} as in greetings) of a "
                            "sentence that says which day it is (\"it's only Monday\"): "
                            "when one names the publish date's weekday, the writer knows the "
                            "day and a greeting of another is a joke or a wish"),
        "languages": Option("list", [], help="languages of rules/data/dates.yaml to read "
                            "(default: all)"),
        "max_days": Option("int", 365, low=0, help="past: ignore dates longer ago than this"),
        "past_words": Option("list", [], help="past, holiday: a sentence holding one of these"
                             " words tells of the past (\"last\", \"belated\") and is left "
                             "alone (holiday: after the holiday)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.names = names(tuple(options["languages"]))
        self.past_words = word_pattern(options["past_words"])
        self.ahead_words = word_pattern(options["ahead_words"])
        weekday = options["check"] == "weekday"
        self.greetings = self._greetings(options, "greetings", True) if weekday else []
        self.knows = dict(self._greetings(options, "knows_day", False)) if weekday else {}
        self.holidays = [(name, word_pattern(spec["greetings"], is_regex=True), spec)
                         for name, spec in options["holidays"].items()]

    @classmethod
    def problems(cls, options):
        for name, spec in (options.get("holidays") or {}).items():
            yield from (("holidays", f"{name}: {problem}") for problem in _holiday_problems(spec))
        for day in options.get("day_words") or {}:
            if str(day).capitalize() not in WEEKDAYS:
                yield "day_words", f"{day}: expected a weekday in English, lower case " \
                                   f"({', '.join(d.lower() for d in WEEKDAYS)})"
        for key, pattern in [("greetings", p) for p in options.get("greetings") or ()] + [
                ("greetings", p) for ps in (options.get("day_words") or {}).values()
                for p in ps or ()] + [("knows_day", p) for p in options.get("knows_day") or ()]:
            try:
                regex.compile(str(pattern).replace("{day}", "day"))
            except regex.error as exc:
                yield key, f"invalid regular expression {pattern!r}: {exc}"

    def _greetings(self, options, key: str, words: bool) -> list:
        """(weekday 0-6, pattern) of each weekday's regexes of option `key` (with `words`,
        and its `day_words`)."""
        data, languages = _data(), options["languages"]
        found = []
        for day, english in enumerate(WEEKDAYS):
            full = {form for lang, tables in data.items() if not languages or lang in languages
                    for listed in (tables.get("weekdays") or ())[day:day + 1] if listed
                    for form in dates.forms(listed[0])}
            names = "(?:%s)" % "|".join(regex.escape(n) for n in sorted(full))
            terms = [str(g).replace("{day}", names) for g in options[key]]
            if words:
                terms += [str(w) for w in (options["day_words"] or {}).get(english.lower())
                          or ()]
            pattern = word_pattern(terms, is_regex=True)
            if pattern is not None:
                found.append((day, pattern))
        return found

    def check(self, post):
        publish = dates.publish_date(post.draft.front_matter)
        if self.opts["check"] in ("past", "weekday", "holiday") and publish is None:
            return
        if self.opts["check"] == "weekday":
            yield from self._weekday(post, publish)
            return
        if self.opts["check"] == "holiday":
            yield from self._holiday(post, publish)
            return
        reference = publish  # (today is asked for once a date is found: most posts have none)
        text = post.prose
        sentences = Sentences(text)
        for stated in dates.find(text, self.names):
            if self.opts["check"] == "past":
                found = self._past(sentences, stated, publish)
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

    def _weekday(self, post, publish: datetime.date):
        """Greetings of a weekday the publish date is not, in a draft (not a post of an
        export, `Record.published`: a greeting of the wrong day long ago hurts no one)."""
        if getattr(post.draft, "published", False):
            return
        text, sentences = post.prose, Sentences(post.prose)
        knows = self.knows.get(publish.weekday())
        if knows is not None and self.context.search(knows, text):
            return  # "TGIF! Wait, it's only Monday": the writer knows which day it is
        for day, pattern in self.greetings:
            if day == publish.weekday():
                continue
            for m in self.context.finditer(pattern, text):
                if self.ahead_words is not None and self.context.search(
                        self.ahead_words, sentences.at(m.start())):
                    continue
                yield Match(m.start(), m.end(), {
                    "weekday": WEEKDAYS[day], "date": _say(publish),
                    "actual": WEEKDAYS[publish.weekday()], "publish": publish.isoformat()})

    def _holiday(self, post, publish: datetime.date):
        """Greetings of a holiday whose days (around each of its dates in the years about
        the publish date) do not hold the publish date; not in a post of an export."""
        if getattr(post.draft, "published", False):
            return
        text, sentences = post.prose, Sentences(post.prose)
        for name, pattern, spec in self.holidays:
            if pattern is None or not self.context.search(pattern, text):
                continue
            days = sorted(day for year in (publish.year - 1, publish.year, publish.year + 1)
                          for day in holiday_dates(spec["dates"], year))
            before, after = spec.get("before", 0), spec.get("after", 0)
            if any(-before <= (publish - day).days <= after for day in days):
                continue
            coming = min((d for d in days if d > publish), default=None)
            gone = max((d for d in days if d < publish), default=None)
            for m in self.context.finditer(pattern, text):
                sentence = sentences.at(m.start())
                if (self.ahead_words is not None and coming is not None
                        and self.context.search(self.ahead_words, sentence)) or \
                        (self.past_words is not None and gone is not None
                         and self.context.search(self.past_words, sentence)):
                    continue
                near = min(filter(None, (coming, gone)), key=lambda d: abs((d - publish).days))
                yield Match(m.start(), m.end(), {
                    "holiday": spec.get("title") or name, "when": _say(near),
                    "date": _say(publish), "publish": publish.isoformat()})

    def _past(self, sentences: "Sentences", stated: dates.Stated,
              publish: datetime.date) -> dict | None:
        if stated.numeric and not stated.long_year and stated.weekday is None:
            return None
        meant = [d for d in (dates.resolve(*r, publish) for r in stated.readings
                             if dates.exists(*r)) if d]
        if not meant or any(d >= publish for d in meant):
            return None
        day = max(meant)
        if (publish - day).days > self.opts["max_days"]:
            return None
        if self.past_words is not None and \
                self.context.search(self.past_words, sentences.at(stated.start)):
            return None
        return {"date": _say(day), "publish": publish.isoformat()}


def holiday_dates(listed: list, year: int) -> list[datetime.date]:
    """The dates in `year` of a holiday's `dates` (see the `holidays` option)."""
    found = []
    for when in listed:
        if isinstance(when, str):
            month, day = (int(part) for part in when.split("-"))
            found.append(datetime.date(year, month, day))
        elif "easter" in when:
            found.append(easter(year) + datetime.timedelta(days=int(when["easter"])))
        else:  # the nth (1 to 4, or -1: the last) such weekday of the month
            month, weekday = int(when["month"]), WEEKDAYS.index(str(when["weekday"]).capitalize())
            nth = int(when["nth"])
            if nth not in (1, 2, 3, 4, -1):
                raise ValueError(nth)
            first = datetime.date(year, month, 1)
            fitting = [d for d in (first + datetime.timedelta(days=n) for n in range(31))
                       if d.month == month and d.weekday() == weekday]
            found.append(fitting[nth - 1 if nth > 0 else nth])
    return found


def easter(year: int) -> datetime.date:
    """Western (Gregorian) Easter Sunday, by the Meeus/Jones/Butcher computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _holiday_problems(spec) -> list[str]:
    """What is wrong with one entry of `holidays`."""
    if not isinstance(spec, dict):
        return ["expected a mapping with greetings and dates"]
    unknown = set(spec) - {"greetings", "dates", "before", "after", "title"}
    if unknown:
        return [f"unknown key {sorted(map(str, unknown))[0]!r} (known: after, before, dates, "
                "greetings, title)"]
    problems = []
    if not isinstance(spec.get("greetings"), list) or not spec["greetings"]:
        problems.append("greetings: expected a list of regexes")
    else:
        for pattern in spec["greetings"]:
            try:
                regex.compile(str(pattern))
            except regex.error as exc:
                problems.append(f"greetings: invalid regular expression {pattern!r}: {exc}")
    for key in ("before", "after"):
        if not isinstance(spec.get(key, 0), int) or spec.get(key, 0) < 0:
            problems.append(f"{key}: expected a number of days, 0 or more")
    if not isinstance(spec.get("dates"), list) or not spec["dates"]:
        return problems + ["dates: expected a list of MM-DD, {month, weekday, nth} or "
                           "{easter: N}"]
    for when in spec["dates"]:
        try:
            holiday_dates([when], 2024)
            holiday_dates([when], 2025)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            problems.append(f"dates: cannot read {when!r} as MM-DD, {{month, weekday, nth}} "
                            "or {easter: N}")
    return problems


class Sentences:
    """The sentences of a text (each with the stops that end it), found on the first
    question and then by bisection: a long text with many dates is read once."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def ends(self) -> list[int]:
        return [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def at(self, offset: int) -> str:
        """The sentence that holds `offset`."""
        i = bisect.bisect_right(self.ends, offset)
        return self.text[self.ends[i - 1] if i else 0:
                         self.ends[i] if i < len(self.ends) else len(self.text)]


@hookimpl
def postlint_rule_types():
    return [DateCheck]
