"""`--format junit`: JUnit XML for CI systems that show test reports.

One `testsuite` for the run, one `testcase` per draft (named by its path), one `failure`
per finding and one `error` per draft that could not be read.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..hookspecs import hookimpl
from .base import Format

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", str(text))


class JUnit(Format):
    name = "junit"
    description = "JUnit XML: a test case per draft, a failure per finding"

    def render(self, report):
        from xml.etree import ElementTree as ET

        by_path = defaultdict(list)
        for finding in report.findings:
            by_path[finding.path].append(finding)
        errors = defaultdict(list)
        for path, message in report.errors:
            errors[path].append(message)
        paths = list(dict.fromkeys([*report.texts, *by_path, *errors]))
        counts = {"tests": len(paths), "failures": len(report.findings),
                  "errors": len(report.errors), "skipped": 0}
        root = ET.Element("testsuites", name="postlint",
                          **{k: str(v) for k, v in counts.items() if k != "skipped"})
        suite = ET.SubElement(root, "testsuite", name="postlint",
                              **{k: str(v) for k, v in counts.items()})
        for path in paths:
            case = ET.SubElement(suite, "testcase", name=clean(path), classname="postlint",
                                 file=clean(path))
            for f in by_path[path]:
                where = f"{f.path}:{f.line}:{f.column}"
                platform = f" [{f.platform}]" if f.platform else ""
                failure = ET.SubElement(case, "failure", type=f.level,
                                        message=clean(f"{f.code} {f.message}{platform}"))
                failure.text = clean(f"{where}: {f.code} {f.message}{platform} ({f.name})")
            for message in errors[path]:
                ET.SubElement(case, "error", type="read-error", message=clean(message))
        ET.indent(root)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                + ET.tostring(root, encoding="unicode") + "\n")


@hookimpl
def postlint_formats():
    return [JUnit]
