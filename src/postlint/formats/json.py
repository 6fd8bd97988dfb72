"""`--format json`: a JSON list of findings."""

from __future__ import annotations

import json

from ..hookspecs import hookimpl
from .base import Format


class Json(Format):
    name = "json"
    description = "a JSON list of findings, one object each"

    def render(self, report):
        return json.dumps([f.as_dict() for f in report.findings], indent=2,
                          ensure_ascii=False) + "\n"


@hookimpl
def postlint_formats():
    return [Json]
