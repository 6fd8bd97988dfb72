"""`schedule-date` and `schedule-gap`: when the posts of a content calendar go out.

Both read what a reader found in a record (see postlint.readers): `front_matter` `date`
and `datetime` (None when the cell could not be read) and the `date`/`time` spans, whose
cells the findings point at.
"""

from __future__ import annotations

import datetime as dt

from .base import ANY, Check, Match, Option
from ..hookspecs import hookimpl
from ..load.template import fill
from ..readers.calendar import DEFAULT_GAP, parse_gap




def _blank(span) -> bool:
    return span is None or not span.value.strip()


class ScheduleDate(Check):
    """A record's date or time that cannot be read, that reads both ways where another
    row writes it the other way round (`ambiguous`), or that lies before today
    (`--today`, else the system's date; with a time and no `--today`, before now)."""

    languages = ANY  # reads no words of one language

    type_name = "schedule-date"
    values = ("detail",)
    scope = "draft"
    records_only = True
    options = {
        "unreadable": Option("template", required=True, names=("value", "field", "expected"),
                             help="message for a date or time that "
                             "cannot be read: {value}, {field}, {expected}"),
        "past": Option("template", required=True, names=("value", "ago", "today"),
                       help="message for a past date: {value}, "
                       "{ago}, {today}"),
        "ambiguous": Option("template", names=("value", "read", "other", "evidence", "first",
                                               "read_first"),
                            help="message for a date that reads both ways (04/05/2026) in a "
                            "calendar another row of which writes the day and month the "
                            "other way round: {value}, {read}, {other}, {evidence}, {first}, "
                            "{read_first}"),
    }

    def check_draft(self, draft):
        spans = getattr(draft, "spans", None)
        if not spans:
            return
        date, time = spans.get("date"), spans.get("time")
        front = draft.front_matter
        if not _blank(date) and front.get("date") is None:
            yield self._unreadable("date", date)
            return
        if not _blank(time) and front.get("date") is not None and front.get("datetime") is None:
            yield self._unreadable("time", time)
            return
        day = front.get("date")
        if day is None:
            return
        if date is not None and date.doubt and self.opts["ambiguous"]:
            detail = fill(self.opts["ambiguous"], {"value": " ".join(date.value.split()),
                                                    **date.doubt})
            yield Match(0, len(date.value), {"detail": detail}, at="date")
            return
        today = self.context.now_date()
        when = front.get("datetime")
        late = (day < today if self.context.today is not None or when is None
                else when < dt.datetime.now())
        if late:
            at = "time" if day == today and not _blank(time) else "date"
            span = spans[at]
            days = (today - day).days
            ago = f"{days} day{'s' * (days != 1)} ago" if days else "earlier today"
            shown = when.strftime("%Y-%m-%d %H:%M") if when else day.isoformat()
            detail = fill(self.opts["past"], {"value": shown, "today": today.isoformat(),
                                               "ago": ago})
            yield Match(0, len(span.value), {"detail": detail}, at=at)

    def _unreadable(self, field: str, span) -> Match:
        detail = fill(self.opts["unreadable"], {"value": " ".join(span.value.split()),
                                                 "field": field, "expected": span.expected})
        return Match(0, len(span.value), {"detail": detail}, at=field)


class ScheduleGap(Check):
    """Two records for one platform scheduled closer together than `calendar.min-gap`
    of the config (default 10 minutes); the later one is flagged."""

    languages = ANY  # reads no words of one language

    type_name = "schedule-gap"
    values = ("other", "gap", "min_gap", "when")
    scope = "run"
    records_only = True

    def __init__(self, options, context):
        super().__init__(options, context)
        section = context.config.get("calendar")
        value = section.get("min-gap") if isinstance(section, dict) else None
        try:
            self.gap = DEFAULT_GAP if value is None else parse_gap(value, "", None)
        except Exception:  # the calendar reader reports a bad value with its line
            self.gap = DEFAULT_GAP

    def relevant(self, draft):
        return draft.front_matter.get("datetime") is not None

    def check_run(self, drafts):
        slots: dict[str, list] = {}
        for draft in drafts:
            when = draft.front_matter.get("datetime")
            if when is None:
                continue
            names = draft.front_matter.get("platforms") or self.context.default_platforms
            for name in names or (ANY,):
                slots.setdefault(name, []).append((when, draft))
        for platform, items in slots.items():
            items.sort(key=lambda item: item[0])
            for (before, first), (after, second) in zip(items, items[1:]):
                if after - before >= self.gap:
                    continue
                spans = getattr(second, "spans", {})
                at = "time" if not _blank(spans.get("time")) else "date"
                span = spans.get(at)
                other = first.note or "another post"
                if first.path != second.path:
                    other += f" of {first.path}"
                values = {"other": other, "gap": _duration(after - before),
                          "min_gap": _duration(self.gap), "when": before.strftime("%H:%M")}
                yield second, Match(0, len(span.value) if span else 0, values,
                                    at=at if span else None,
                                    platform=None if platform == ANY else platform)


ANY = "(any platform)"  # the slot of records that name no platform in a run that has none


def _duration(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds == 0:
        return "0 minutes"
    if seconds % 3600 == 0:
        n = seconds // 3600
        return f"{n} hour{'s' * (n != 1)}"
    if seconds % 60 == 0:
        n = seconds // 60
        return f"{n} minute{'s' * (n != 1)}"
    return f"{seconds} seconds"


@hookimpl
def postlint_rule_types():
    return [ScheduleDate, ScheduleGap]
