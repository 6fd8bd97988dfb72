"""`--format gitlab`: GitLab Code Quality JSON for merge-request widgets.

A JSON array of issues with `description`, `check_name`, a stable and unique
`fingerprint` (see `fingerprints.py`), `severity` and `location.lines`.
"""

from __future__ import annotations

import json

from ..hookspecs import hookimpl
from .base import Format
from .fingerprints import fingerprints

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitLab(Format):
    name = "gitlab"
    description = "GitLab Code Quality JSON (codequality report artifact)"

    def render(self, report):
        issues = []
        for f, digest in zip(report.findings, fingerprints(report)):
            platform = f" [{f.platform}]" if f.platform else ""
            issues.append({
                "type": "issue",
                "description": f"{f.code} {f.message}{platform} ({f.name})",
                "check_name": f.code,
                "categories": ["Style"],
                "fingerprint": digest,
                "severity": SEVERITIES[f.level],
                "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
            })
        return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


@hookimpl
def postlint_formats():
    return [GitLab]
