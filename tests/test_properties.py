"""Over arbitrary text: no crash, every finding inside the draft, spans that hold the quote."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings, strategies as st

from postlint import plugins
from postlint.lint.catalog import Catalog
from postlint.load.config import Config
from postlint.text.draft import Draft, DraftError
from postlint.lint.engine import Choices, Linter
from postlint.load.yamlfile import Map

os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
CATALOG = Catalog.load(plugins.manager())
CONFIG = Map({"brand": Map({"terms": ["GitHub", "iPhone"], "preferred": {"e-mail": "email"}})})
LINTER = Linter(CATALOG, Config(CONFIG), Choices(select=["ALL"]))

# Text made of the pieces rules look at, mixed with arbitrary characters.
PIECES = st.sampled_from([
    "lol", "LOL", "OMG", "WORST", "github", "Github", "e-mail", "email", "shit", "sh1t", "#ad",
    "sponsored", "!!", "?!?", "😀", "🚀🚀🚀", "\n", "\r\n", "---", "\n---\n", "```", "`x`",
    "<!-- postlint-disable -->", "<!-- postlint-disable-next-line T101 -->", "http://x.co/a",
    "[a](http://b)", " ", ". ", "\ufeff", "é", "\u0301", "\t", "💩", "I", "we", "idiot",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _lint(text: str):
    try:
        draft = Draft.from_bytes("p.md", text.encode("utf-8", "surrogatepass"))
    except (DraftError, UnicodeDecodeError):
        return None, []
    return draft, LINTER.lint([draft])


@SETTINGS
@given(TEXTS)
def test_findings_lie_inside_the_draft_and_hold_the_quote(text):
    draft, findings = _lint(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(draft.text)
        assert (f.line, f.column) == draft.position(f.start)
        assert (f.end_line, f.end_column) == draft.position(f.end)
        assert 1 <= f.line <= draft.text.count("\n") + 1
        span = draft.text[f.start:f.end]
        if f.replacement is not None:
            assert span and span != f.replacement


@SETTINGS
@given(TEXTS)
def test_quotes_are_taken_from_the_reported_span(text):
    draft, findings = _lint(text)
    for f in findings:
        if f.code in ("T101", "T104", "R101", "B101", "B102"):  # rules whose message quotes
            span = " ".join(draft.text[f.start:f.end].split())
            assert f"'{span}'" in f.message or f"'{span[:59]}…'" in f.message


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_are_a_draft_or_a_clear_error(data):
    try:
        draft = Draft.from_bytes("b.md", data)
    except DraftError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for f in LINTER.lint([draft]):
        assert 0 <= f.start <= f.end <= len(draft.text)
