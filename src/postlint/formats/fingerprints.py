"""Stable identities for findings, for reports that track problems across commits.

A fingerprint must not change when lines are added above a finding, and must differ
between two findings of one run. It is built from the path, the rule, the platform, the
flagged text (whitespace collapsed) and how many earlier findings of the same file share
all of those, never from line numbers.
"""

from __future__ import annotations

from collections import Counter

from ..lint.report import Finding, Report


def flagged_text(report: Report, finding: Finding) -> str:
    """The text a finding covers, whitespace collapsed (the message if the text is unknown)."""
    text = report.texts.get(finding.path)
    if text is None or finding.end <= finding.start:
        return finding.message
    return " ".join(text[finding.start:finding.end].split())


def fingerprints(report: Report) -> list[str]:
    """One hex digest per finding of `report`, in the same order; all distinct."""
    import hashlib

    seen: Counter = Counter()
    out = []
    for finding in report.findings:
        key = (finding.path, finding.code, finding.platform or "", flagged_text(report, finding))
        occurrence = seen[key]
        seen[key] += 1
        data = "\0".join((*key, str(occurrence)))
        out.append(hashlib.sha256(data.encode("utf-8")).hexdigest())
    return out
