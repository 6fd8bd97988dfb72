"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every rule of the catalog is described (`shortDescription`, `fullDescription`, `help`,
default level); results point at paths relative to the folder postlint ran in
(`uriBaseId` `%SRCROOT%`), with columns counted in code points (`columnKind`), and carry a
`partialFingerprints` entry that survives lines moving (see `fingerprints.py`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..hookspecs import hookimpl
from .base import Format
from .fingerprints import fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "postlintFindingHash/v1"


def _flat(text: str) -> str:
    return " ".join(str(text).split())


def _first_sentence(text: str) -> str:
    flat = _flat(text)
    end = flat.find(". ")
    return flat if end < 0 else flat[:end + 1]


def _example(example) -> str:
    if isinstance(example, dict):
        text = (_flat(example["text"]) if "text" in example
                else " / ".join(_flat(d) for d in example.get("drafts", ())))
        if example.get("config"):
            config = json.dumps(example["config"], ensure_ascii=False)
            return f"`{text}` (with config `{config}`)"
        return f"`{text}`"
    return f"`{_flat(example)}`"


def describe(rule) -> dict:
    """The SARIF `reportingDescriptor` of one rule."""
    why = _flat(rule.why)
    flagged = [_example(e) for e in rule.examples.get("flag", ())[:3]]
    passing = [_example(e) for e in rule.examples.get("pass", ())[:3]]
    markdown = [f"**{rule.code} {rule.name}** ({rule.level} by default)", "", why]
    if flagged:
        markdown += ["", "Flagged:", *[f"- {e}" for e in flagged]]
    if passing:
        markdown += ["", "Not flagged:", *[f"- {e}" for e in passing]]
    markdown += ["", f"Run `postlint --explain {rule.code}` for the profiles that enable it."]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.name}: {_first_sentence(rule.why)}"},
        "fullDescription": {"text": why},
        "help": {"text": f"{why} Run 'postlint --explain {rule.code}' for examples.",
                 "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"tags": ["postlint", rule.category]},
    }


def artifact(path: str) -> dict:
    """A relative URI below `%SRCROOT%`, or a file URI for a path given as absolute."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": "%SRCROOT%"}


def location(path: str, region: dict | None = None) -> dict:
    physical: dict = {"artifactLocation": artifact(path)}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


class Sarif(Format):
    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning, IDE viewers)"

    def render(self, report):
        rules = sorted(report.rules.values(), key=lambda r: r.code)
        index = {rule.code: i for i, rule in enumerate(rules)}
        results = []
        for finding, digest in zip(report.findings, fingerprints(report)):
            platform = f" [{finding.platform}]" if finding.platform else ""
            result = {
                "ruleId": finding.code,
                "level": LEVELS[finding.level],
                "message": {"text": f"{finding.message}{platform}"},
                "locations": [location(finding.path, {
                    "startLine": finding.line, "startColumn": finding.column,
                    "endLine": finding.end_line, "endColumn": finding.end_column})],
                "partialFingerprints": {FINGERPRINT_KEY: digest},
                "properties": {"profile": finding.profile},
            }
            if finding.code in index:
                result["ruleIndex"] = index[finding.code]
            if finding.platform:
                result["properties"]["platform"] = finding.platform
            results.append(result)
        notifications = [{"level": "error", "message": {"text": message},
                          **({"locations": [location(path)]} if not path.startswith("<")
                             else {})}
                         for path, message in report.errors]
        run = {
            "tool": {"driver": {"name": "postlint", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": [describe(rule) for rule in rules]}},
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


@hookimpl
def postlint_formats():
    return [Sarif]
