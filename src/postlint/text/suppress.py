"""Suppression comments in drafts.

    <!-- postlint-disable [CODE|name ...] -->   off from this line on (bare: every rule)
    <!-- postlint-enable [CODE|name ...] -->    back on
    <!-- postlint-disable-line [...] -->       off for the comment's own line
    <!-- postlint-disable-next-line [...] -->  off for the next line only
    <!-- postlint-disable-file [...] -->       off for the whole file

Targets are rule codes or names, code prefixes (`T1`) or `ALL` (every rule), separated
by spaces or commas (a colon after the
directive, as in `postlint-disable: T101`, is allowed); a reason may follow ` -- `, as in
ESLint (`postlint-disable-line B101 -- the product is spelt so`). A suppression that
suppresses nothing is reported by the `unused-suppression` rule (M001), which only a
comment naming it (`M001` or `unused-suppression`) can silence. A comment
`<!-- postlint-WORD ... -->` with any other WORD is kept as a Suppression of kind
`unknown` that covers nothing, for the `unknown-directive` rule (M002) to report; so is
a comment meant as a directive but spelt otherwise (`postlint disable`, `POSTLINT-DISABLE`,
`postlint_disable-line`): its WORD is or is close to a directive. Other comments that
start with the word (`<!-- postlint is run in CI -->`) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import Draft

_COMMENT = re.compile(r"<!--\s*(postlint[-_:\s]+[A-Za-z][\w-]*)(.*?)-->",
                      re.DOTALL | re.IGNORECASE)
_SEPARATOR = re.compile(r"[-_:\s]+")
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")  # what follows is why, not rules
DIRECTIVES = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
ALL = "*"
UNKNOWN = "unknown"


@dataclass
class Suppression:
    """One comment: where it is, what it names (ALL for every rule), lines it covers."""

    kind: str
    start: int
    end: int
    targets: frozenset
    first_line: int
    last_line: int | None  # None: to the end of the file
    used: set = field(default_factory=set)
    excluded: frozenset = frozenset()  # rules an `enable` turned back on (of a bare disable)
    continued: bool = False  # the rest of a `disable` after an `enable` of part of it

    def covers(self, line: int, code: str, name: str) -> str | None:
        """The target that silences (code, name) on `line`, or None."""
        if line < self.first_line or (self.last_line is not None and line > self.last_line):
            return None
        if code in self.excluded or name in self.excluded:
            return None
        for target in (ALL, code, name):
            if target in self.targets:
                return target
        for target in self.targets:  # a code prefix, as selectors take it: `T1`
            if is_prefix(target) and code.startswith(target):
                return target
        return None


_PREFIX = re.compile(r"[A-Z]+\d{0,2}")


def is_prefix(target: str) -> bool:
    """Whether a target is written as a code prefix (`T`, `T1`, `T10`), not a code or name."""
    return _PREFIX.fullmatch(target) is not None


def names_rule(target: str, names) -> bool:
    """Whether `target` names one of `names` (codes and names), also as a code prefix."""
    return target in names or (is_prefix(target) and any(n.startswith(target) for n in names))


def parse(draft: Draft, spellings: dict | None = None) -> list[Suppression]:
    """The suppression comments of a draft, with `enable` comments closing open ranges.

    `spellings` maps a rule's code and name to both (`T101` -> {T101, shouting}), so that
    `enable shouting` ends `disable T101`. An `enable` of some of the rules of a `disable`
    ends it for those alone, and one of some rules after a bare `disable` turns those
    back on; each `enable` is kept (covering nothing) with the targets it ended in `used`,
    so that one ending nothing (`enable shoutng`, a typo that would leave the rule off to
    the end of the file) is reported."""
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for m in _COMMENT.finditer(draft.text, draft.body_start):
        head = m.group(1)
        kind = head[len("postlint-"):] if head.startswith("postlint-") else ""
        if kind not in DIRECTIVES:
            if kind or meant(head):
                found.append(Suppression(UNKNOWN, m.start(), m.end(),
                                         frozenset([" ".join(head.split())]), 0, -1))
            continue
        named = m.group(2).strip()
        named = named[1:] if named.startswith(":") else named  # `postlint-disable: T101`
        named = _REASON.split(named, 1)[0]  # `T101 -- a brand name`, as ESLint takes it
        targets = frozenset(ALL if t == "ALL" else t for t in re.split(r"[\s,]+", named) if t) \
            or {ALL}
        line = draft.position(m.start())[0]
        if kind == "enable":
            enable = Suppression(kind, m.start(), m.end(), frozenset(targets), 0, -1)
            found.append(enable)
            still = []
            for sup in open_ranges:
                for rest in _enable(sup, enable, line, spellings or {}):
                    if rest is not sup:
                        found.append(rest)
                    still.append(rest)
            open_ranges = still
            continue
        first, last = {"disable-next-line": (line + 1, line + 1), "disable-line": (line, line),
                       "disable-file": (1, None), "disable": (line, None)}[kind]
        sup = Suppression(kind, m.start(), m.end(), frozenset(targets), first, last)
        found.append(sup)
        if kind == "disable":
            open_ranges.append(sup)
    return found


def _enable(sup: Suppression, enable: Suppression, line: int, spellings: dict) -> list:
    """End the open `disable` `sup` on `line` for what `enable` names; the part of it
    that stays open (none, `sup` itself, or a continuation of it)."""
    def spelt(target):
        return spellings.get(target, frozenset([target]))

    if ALL in enable.targets:
        sup.last_line = line
        enable.used.add(ALL)
        return []
    named = frozenset(s for t in enable.targets for s in spelt(t))
    if ALL in sup.targets:
        ended = {t for t in enable.targets if not spelt(t) <= sup.excluded}
        if not ended:
            return [sup]
        enable.used |= ended
        rest = frozenset(sup.excluded | named)
    else:
        ended = {t for t in enable.targets if spelt(t) & sup.targets}
        if not ended:
            return [sup]
        enable.used |= ended
        rest = frozenset(t for t in sup.targets if not spelt(t) & named)
        if not rest:
            sup.last_line = line
            return []
    sup.last_line = line
    # (`used` is shared: the comment is unused only if no part of it silenced anything)
    return [Suppression(sup.kind, sup.start, sup.end,
                        sup.targets if ALL in sup.targets else rest, line + 1, None,
                        sup.used, rest if ALL in sup.targets else sup.excluded, True)]


def directive_word(head: str) -> str:
    """The directive a comment's head means, in postlint's spelling: `POSTLINT disable`
    -> `disable`."""
    return _SEPARATOR.sub("-", head.lower()).split("-", 1)[1]


def meant(head: str) -> bool:
    """Whether a comment head not spelt as a directive is one all the same."""
    from ..load.suggest import did_you_mean  # (only for a comment that is no directive)

    word = directive_word(head)
    return word in DIRECTIVES or bool(did_you_mean(word, DIRECTIVES))


def apply(findings: list, suppressions: list[Suppression], named_only: bool = False) -> list:
    """The findings no suppression covers; marks the suppressions that were used.

    `named_only`: only comments that name the rule count (bare ones do not), so that a
    bare comment cannot silence the report that it is itself unused.
    """
    kept = []
    for finding in findings:
        silenced = False
        for sup in suppressions:
            target = sup.covers(finding.line, finding.code, finding.name)
            if target and not (named_only and target == ALL):
                sup.used.add(target)
                silenced = True
        if not silenced:
            kept.append(finding)
    return kept
