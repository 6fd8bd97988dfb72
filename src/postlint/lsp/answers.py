"""postlint's findings, fixes, suppressions and measurements as LSP answers:
diagnostics, code actions, hovers, inlay hints and code lenses."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lsprotocol import types as lsp

from ..checks.platform import measure
from ..lint import files, fix as fixing
from ..lint.engine import key_of
from ..lint.report import Finding
from ..load.yamlfile import ConfigError
from ..readers import Source
from ..text import suppress
from ..text.draft import BOM
from ..text.platforms import UNIT_NAMES, posted
from .positions import Positions
from .projects import Document

SOURCE = "postlint"
FIX_ALL = "source.fixAll.postlint"
_LINE = re.compile(r"line (\d+)(?::\s*| (?=\())")  # `line 3: ...`, `line 3 (cell C3): ...`
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}


@functools.lru_cache(maxsize=1)
def rules_doc() -> str | None:
    """A link to the local docs/rules.md (the wheel's copy, else the checkout's), if any."""
    here = Path(__file__).resolve().parents[1]
    for path in (here / "docs" / "rules.md", here.parents[1] / "docs" / "rules.md"):
        if path.is_file():
            return path.as_uri()
    return None


class Answers:
    """The answers about one linted document, in the client's position encoding."""

    def __init__(self, doc: Document, uri: str, encoding: str, rules_url: str | None,
                 linter=None):
        self.doc, self.uri, self.linter, self.rules_url = doc, uri, linter, rules_url
        self.positions = Positions(doc.text, encoding)
        # postlint's offsets are into the text without a BOM; the editor's include it
        self.shift = 1 if doc.text.startswith(BOM) else 0
        self.eol = "\r\n" if "\r\n" in doc.text else "\n"

    def position(self, offset: int) -> lsp.Position:
        """The LSP position of an offset into the (draft) document's own draft."""
        line, character = self.positions.position(offset + self.shift)
        return lsp.Position(line, character)

    def offset(self, position: lsp.Position) -> int:
        """The code-point offset in the document's text of an LSP position."""
        return self.positions.offset(position.line, position.character)

    def span(self, finding: Finding) -> tuple[int, int]:
        """Where a finding is, as offsets into the document's text: from a draft's
        offsets, or from the line and column a record's reader located in the file."""
        if self.doc.reader is None:
            return finding.start + self.shift, finding.end + self.shift
        return (self.positions.at_column(finding.line - 1, finding.column - 1),
                self.positions.at_column(finding.end_line - 1, finding.end_column - 1))

    def at_draft(self, draft, offset: int) -> int:
        """The document offset of an offset into one of its drafts (or records)."""
        if self.doc.reader is None:
            return offset + self.shift
        line, column = draft.position(offset)
        return self.positions.at_column(line - 1, column - 1)

    def _range(self, start: int, end: int) -> lsp.Range:
        """The range between two offsets into the document's text."""
        return lsp.Range(lsp.Position(*self.positions.position(start)),
                         lsp.Position(*self.positions.position(end)))

    # -- diagnostics ---------------------------------------------------------------------

    def diagnostics(self) -> list[lsp.Diagnostic]:
        return [self._problem(p) for p in self.doc.problems] + [
            self.diagnostic(f) for f in self.doc.findings]

    def diagnostic(self, finding: Finding) -> lsp.Diagnostic:
        rule = self.linter.catalog.rules.get(finding.name) if self.linter else None
        link = None
        if self.rules_url and rule is not None and rule.trusted:  # (docs/rules.md has these)
            anchor = f"{finding.code}-{finding.name}".lower()
            link = lsp.CodeDescription(href=f"{self.rules_url}#{anchor}")
        return lsp.Diagnostic(range=self._range(*self.span(finding)),
                              message=f"{finding.message} ({finding.name})",
                              severity=SEVERITY[finding.level], code=finding.code,
                              code_description=link, source=SOURCE)

    def _problem(self, message: str) -> lsp.Diagnostic:
        """What keeps a draft (or a record) from being linted, on the line it names
        (`line N: ...`, `line N (cell C3): ...`), else the first."""
        line, named = 0, _LINE.match(message)
        if named:
            line, message = int(named.group(1)) - 1, message[named.end():]
        line = min(max(line, 0), len(self.positions.starts) - 1)
        return lsp.Diagnostic(range=self._range(self.positions.starts[line],
                                                self.positions.line_end(line)),
                              message=message, severity=lsp.DiagnosticSeverity.Error,
                              source=SOURCE)

    # -- code actions --------------------------------------------------------------------

    def at(self, range: lsp.Range) -> list[Finding]:
        """The findings whose span meets the range."""
        start, end = self.offset(range.start), self.offset(range.end)
        return [f for f in self.doc.findings
                if self.span(f)[0] <= end and start <= self.span(f)[1]]

    def code_actions(self, range: lsp.Range, only=None) -> list[lsp.CodeAction]:
        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(k + ".") for k in only)

        actions = []
        if wanted(lsp.CodeActionKind.QuickFix):
            for finding in self.at(range):
                diagnostic = self.diagnostic(finding)
                if finding.replacement is not None:
                    edit = self._fix(finding)
                    if edit is not None:
                        actions.append(self._action(self._fix_title(finding), [diagnostic],
                                                    [edit], preferred=True))
                if self.doc.draft is None:
                    continue  # (records: no comments in a calendar's cells)
                actions.append(self._action(
                    f"Disable {finding.code} ({finding.name}) for this line", [diagnostic],
                    [self._disable_line(finding)]))
                actions.append(self._action(
                    f"Disable {finding.code} ({finding.name}) in this file", [diagnostic],
                    [self._disable_file(finding)]))
        if wanted(FIX_ALL) and any(f.replacement is not None for f in self.doc.findings):
            edit = self.fix_all()
            if edit is not None:
                actions.append(self._action("Fix all postlint problems that have a fix", [],
                                            [edit], kind=FIX_ALL))
        return actions

    def _action(self, title: str, diagnostics, edits, preferred: bool = False,
                kind: str = lsp.CodeActionKind.QuickFix) -> lsp.CodeAction:
        return lsp.CodeAction(title=title, kind=kind, diagnostics=diagnostics or None,
                              is_preferred=preferred or None,
                              edit=lsp.WorkspaceEdit(changes={self.uri: edits}))

    def _fix(self, finding: Finding) -> lsp.TextEdit | None:
        """The edit of a finding's fix: its span replaced, or for a record, the file as
        its reader writes it with the fix made."""
        if self.doc.reader is None:
            return lsp.TextEdit(self._range(*self.span(finding)), finding.replacement)
        record = self._record(finding)
        if record is None:
            return None
        text, _ = fixing.apply(record.text, [finding])
        data = self.doc.reader.write(Source(self.doc.path, self.doc.path, files.MAX_BYTES,
                                            self.doc.text.encode("utf-8")), [(record, text)])
        return self._between(self.doc.text, data.decode("utf-8"))

    def _record(self, finding: Finding):
        return next((d for d in self.doc.drafts if key_of(d) == finding.key), None)

    def _fix_title(self, finding: Finding) -> str:
        record = self._record(finding) if self.doc.reader is not None else self.doc.draft
        old = record.text[finding.start:finding.end] if record is not None else ""
        new = finding.replacement
        rule = f"({finding.code} {finding.name})"
        if not new:
            return f"Remove {old!r} {rule}"
        return f"Insert {new!r} {rule}" if not old else f"Replace {old!r} with {new!r} {rule}"

    def _disable_line(self, finding: Finding) -> lsp.TextEdit:
        """`<!-- postlint-disable-next-line CODE -->` above the line, or CODE added to
        such a comment already there."""
        line = self.position(finding.start).line
        for sup in self.doc.draft.suppressions:
            if sup.kind == "disable-next-line" and sup.first_line == \
                    self.doc.draft.position(finding.start)[0]:
                return self._add_target(sup, finding.code)
        start = self.positions.starts[line]
        text = self.doc.text[start:self.positions.line_end(line)]
        indent = text[:len(text) - len(text.lstrip(" \t"))]
        return lsp.TextEdit(lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0)),
                            f"{indent}<!-- postlint-disable-next-line {finding.code} -->"
                            f"{self.eol}")

    def _disable_file(self, finding: Finding) -> lsp.TextEdit:
        """`<!-- postlint-disable-file CODE -->` at the top of the body (after any front
        matter), or CODE added to such a comment already there."""
        for sup in self.doc.draft.suppressions:
            if sup.kind == "disable-file":
                return self._add_target(sup, finding.code)
        at = self.position(self.doc.draft.body_start)
        return lsp.TextEdit(lsp.Range(at, at),
                            f"<!-- postlint-disable-file {finding.code} -->{self.eol}")

    def _add_target(self, sup: suppress.Suppression, code: str) -> lsp.TextEdit:
        close = self.doc.draft.text.rindex("-->", sup.start, sup.end)
        before = self.doc.draft.text[sup.start:close].rstrip()
        at = self.position(sup.start + len(before))
        separator = ", " if "," in before else " "
        return lsp.TextEdit(lsp.Range(at, at), f"{separator}{code}")

    def fix_all(self) -> lsp.TextEdit | None:
        """One edit over the changed part of the text: every fix `--fix` would apply."""
        from ..lint.phases import fix_text

        after, count = fix_text(self.linter, self.doc.path, self.doc.text)
        if not count or after == self.doc.text:
            return None
        return self._between(self.doc.text, after)

    def _between(self, before: str, after: str) -> lsp.TextEdit:
        """One edit that turns `before` into `after`: the part between what they share
        at the start and at the end."""
        head = 0
        while head < min(len(before), len(after)) and before[head] == after[head]:
            head += 1
        tail = 0
        while tail < min(len(before), len(after)) - head and \
                before[-1 - tail] == after[-1 - tail]:
            tail += 1
        return lsp.TextEdit(self._range(head, len(before) - tail), after[head:len(after) - tail])

    # -- hover ---------------------------------------------------------------------------

    def hover(self, position: lsp.Position) -> lsp.Hover | None:
        offset = self.offset(position)
        found = [f for f in self.doc.findings if self.span(f)[0] <= offset <= self.span(f)[1]]
        if not found:
            return None
        parts = [self._explain(f) for f in found]
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n---\n\n".join(parts)),
                         range=self._range(min(self.span(f)[0] for f in found),
                                           max(self.span(f)[1] for f in found)))

    def _explain(self, finding: Finding) -> str:
        rule = self.linter.catalog.rules[finding.name]
        levels = self.linter.levels(rule.name)
        profiles = " · ".join(f"{name}: {levels.get(name, 'off')}"
                              for name in sorted(self.linter.catalog.profiles))
        lines = [f"**{finding.code} {finding.name}** ({finding.level} in profile "
                 f"`{finding.profile}`)", "", finding.message, "", f"Why: {rule.why.strip()}"]
        if rule.source:
            lines += ["", f"Source: {rule.source.strip()}"]
        lines += ["", f"Levels: {profiles}"]
        if self.rules_url and rule.trusted:
            lines += ["", f"[{finding.code} in docs/rules.md]"
                          f"({self.rules_url}#{f'{finding.code}-{finding.name}'.lower()})"]
        return "\n".join(lines)

    # -- lengths -------------------------------------------------------------------------

    def lengths(self) -> list[tuple[int, str, str]]:
        """(document offset where a post starts, label, tooltip) for each post, measured on
        each of the draft's platforms: `x 262/280 · bluesky 251/300`."""
        if self.linter is None:
            return []
        out = []
        for draft, post in [(d, p) for d in self.doc.drafts for p in d.posts]:
            platforms = [self.linter.platforms[n] for n in self.linter.platforms_of(draft)]
            text = posted(post)
            if not text.text or not platforms:
                continue
            labels, tips = [], []
            for platform in platforms:
                parts = []
                for i, (unit, limit) in enumerate(platform.length.items()):
                    count, _ = measure(text.text, platform, unit)
                    tips.append(f"{platform.name}: {count}/{limit} {UNIT_NAMES[unit]}")
                    if i == 0:
                        parts.append(f"{count}/{limit}")
                    elif count > limit:  # a second limit shows only when it is crossed
                        parts.append(f"{count}/{limit} {UNIT_NAMES[unit]}")
                labels.append(f"{platform.name} {', '.join(parts)}" if parts else platform.name)
            out.append((self.at_draft(draft, text.offset(0)), " · ".join(labels),
                        "\n".join(tips)))
        return out

    def inlay_hints(self) -> list[lsp.InlayHint]:
        hints = []
        for offset, label, tip in self.lengths():
            line = self.positions.position(offset)[0]
            end = lsp.Position(*self.positions.position(self.positions.line_end(line)))
            hints.append(lsp.InlayHint(end, label, tooltip=tip, padding_left=True))
        return hints

    def code_lenses(self) -> list[lsp.CodeLens]:
        lenses = []
        for offset, label, _ in self.lengths():
            at = lsp.Position(self.positions.position(offset)[0], 0)
            lenses.append(lsp.CodeLens(lsp.Range(at, at), lsp.Command(label, "")))
        return lenses


def config_diagnostics(errors: list[ConfigError], text: str,
                       encoding: str) -> list[lsp.Diagnostic]:
    """Config and rule errors on the lines of the file they are in (its first line when
    the line is not known)."""
    positions = Positions(text, encoding)
    out = []
    for error in errors:
        line = min(max((error.line or 1) - 1, 0), len(positions.starts) - 1)
        start = lsp.Position(line, 0)
        end = lsp.Position(*positions.position(positions.line_end(line)))
        message = f"{error.key}: {error.message}" if error.key else error.message
        out.append(lsp.Diagnostic(lsp.Range(start, end), message,
                                  severity=lsp.DiagnosticSeverity.Error, source=SOURCE))
    return out


