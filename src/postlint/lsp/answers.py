"""postlint's findings, fixes, suppressions and measurements as LSP answers:
diagnostics, code actions, hovers, inlay hints and code lenses."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types as lsp

from ..text import suppress
from ..checks.platform import measure
from ..text.draft import BOM
from ..text.platforms import UNIT_NAMES, posted
from ..lint.report import Finding
from ..load.yamlfile import ConfigError
from .positions import Positions
from .projects import Document

SOURCE = "postlint"
FIX_ALL = "source.fixAll.postlint"
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}


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
        line, character = self.positions.position(offset + self.shift)
        return lsp.Position(line, character)

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(self.position(start), self.position(end))

    def offset(self, position: lsp.Position) -> int:
        return max(0, self.positions.offset(position.line, position.character) - self.shift)

    # -- diagnostics ---------------------------------------------------------------------

    def diagnostics(self) -> list[lsp.Diagnostic]:
        if self.doc.problem:
            return [self._problem()]
        return [self.diagnostic(f) for f in self.doc.findings]

    def diagnostic(self, finding: Finding) -> lsp.Diagnostic:
        rule = self.linter.catalog.rules.get(finding.name) if self.linter else None
        link = None
        if self.rules_url and rule is not None and rule.trusted:  # (docs/rules.md has these)
            anchor = f"{finding.code}-{finding.name}".lower()
            link = lsp.CodeDescription(href=f"{self.rules_url}#{anchor}")
        return lsp.Diagnostic(range=self.range(finding.start, finding.end),
                              message=f"{finding.message} ({finding.name})",
                              severity=SEVERITY[finding.level], code=finding.code,
                              code_description=link, source=SOURCE)

    def _problem(self) -> lsp.Diagnostic:
        """A draft that cannot be linted: at its `line N:` when the message names one."""
        message, line = self.doc.problem, 0
        head, _, rest = message.partition(": ")
        if head.startswith("line ") and head[5:].isdigit():
            line, message = int(head[5:]) - 1, rest
        start = self.positions.starts[min(line, len(self.positions.starts) - 1)]
        end = self.positions.line_end(min(line, len(self.positions.starts) - 1))
        return lsp.Diagnostic(range=lsp.Range(lsp.Position(*self.positions.position(start)),
                                              lsp.Position(*self.positions.position(end))),
                              message=message, severity=lsp.DiagnosticSeverity.Error,
                              source=SOURCE)

    # -- code actions --------------------------------------------------------------------

    def at(self, range: lsp.Range) -> list[Finding]:
        """The findings whose span meets the range."""
        start, end = self.offset(range.start), self.offset(range.end)
        return [f for f in self.doc.findings if f.start <= end and start <= f.end]

    def code_actions(self, range: lsp.Range, only=None) -> list[lsp.CodeAction]:
        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(k + ".") for k in only)

        actions = []
        if wanted(lsp.CodeActionKind.QuickFix):
            for finding in self.at(range):
                diagnostic = self.diagnostic(finding)
                if finding.replacement is not None:
                    actions.append(self._action(self._fix_title(finding), [diagnostic], [
                        lsp.TextEdit(self.range(finding.start, finding.end),
                                     finding.replacement)], preferred=True))
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

    def _fix_title(self, finding: Finding) -> str:
        old, new = self.doc.draft.text[finding.start:finding.end], finding.replacement
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
        before = self.doc.text
        if not count or after == before:
            return None
        head = 0
        while head < min(len(before), len(after)) and before[head] == after[head]:
            head += 1
        tail = 0
        while tail < min(len(before), len(after)) - head and \
                before[-1 - tail] == after[-1 - tail]:
            tail += 1
        start = lsp.Position(*self.positions.position(head))
        end = lsp.Position(*self.positions.position(len(before) - tail))
        return lsp.TextEdit(lsp.Range(start, end), after[head:len(after) - tail])

    # -- hover ---------------------------------------------------------------------------

    def hover(self, position: lsp.Position) -> lsp.Hover | None:
        offset = self.offset(position)
        found = [f for f in self.doc.findings if f.start <= offset <= f.end]
        if not found:
            return None
        parts = [self._explain(f) for f in found]
        first = min(found, key=lambda f: f.start)
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n---\n\n".join(parts)),
                         range=self.range(first.start, max(f.end for f in found)))

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
        """(draft offset where a post starts, label, tooltip) for each post, measured on
        each of the draft's platforms: `x 262/280 · bluesky 251/300`."""
        draft = self.doc.draft
        if draft is None or self.linter is None:
            return []
        platforms = [self.linter.platforms[n] for n in self.linter.platforms_of(draft)]
        out = []
        for post in draft.posts if platforms else ():
            text = posted(post)
            if not text.text:
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
            out.append((text.offset(0), " · ".join(labels), "\n".join(tips)))
        return out

    def inlay_hints(self) -> list[lsp.InlayHint]:
        hints = []
        for offset, label, tip in self.lengths():
            line = self.position(offset).line
            end = lsp.Position(*self.positions.position(self.positions.line_end(line)))
            hints.append(lsp.InlayHint(end, label, tooltip=tip, padding_left=True))
        return hints

    def code_lenses(self) -> list[lsp.CodeLens]:
        lenses = []
        for offset, label, _ in self.lengths():
            at = lsp.Position(self.position(offset).line, 0)
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


