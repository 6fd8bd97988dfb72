"""Text read out of an export's encodings, with a map back to where each character was.

An export does not hold a post's text as the user typed it: X escapes it as a JSON string
of HTML (`&amp;`), Mastodon as a JSON string of HTML paragraphs, Facebook and Instagram
as JSON strings whose UTF-8 bytes were escaped one by one (`\\u00c3\\u00a9` for "é"),
LinkedIn as a CSV cell. Each decoder here comes in two forms: a fast one that returns
the text (what a run lints), and `*_map`, which returns the same text with `offsets`:
`offsets[i]` is where the text's character `i` starts in the raw input (one more entry,
the end). A finding's position needs the map, so only posts with findings pay for it.
`compose` chains two maps (the raw input of the second is the text of the first).
"""

from __future__ import annotations

import html
import json
import re
from html.entities import html5

Map = list  # list[int]: raw offset of each character, plus the end

_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
                 "r": "\r", "t": "\t"}
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))", re.DOTALL)
_SURROGATE = re.compile(r"\\u([dD][c-fC-F][0-9a-fA-F]{2})")


def identity(text: str, start: int = 0) -> Map:
    return list(range(start, start + len(text) + 1))


def compose(outer: Map, inner: Map) -> Map:
    """The map of a text decoded in two steps: `outer` points into the text `inner` maps."""
    return [inner[i] for i in outer]


# -- JSON strings ----------------------------------------------------------------------

def json_string(raw: str) -> str:
    """The value of a JSON string, given what stands between its quotes."""
    if "\\" not in raw:
        return raw
    return json.loads('"' + raw + '"')


def json_string_map(raw: str) -> tuple[str, Map]:
    """`json_string(raw)` and its map: an escape's character maps to its backslash, a
    surrogate pair written as two escapes to the first."""
    if "\\" not in raw:
        return raw, identity(raw)
    out: list[str] = []
    offsets: Map = []
    done = 0
    for match in _ESCAPE.finditer(raw):
        if match.start() < done:  # the low half of a pair, already taken
            continue
        plain = raw[done:match.start()]
        out.append(plain)
        offsets += range(done, match.start())
        code, char = match.group(1), match.group(2)
        end = match.end()
        if code is None:
            if char not in _JSON_ESCAPES:
                raise ValueError(f"invalid escape \\{char}")
            value = _JSON_ESCAPES[char]
        else:
            number = int(code, 16)
            low = _SURROGATE.match(raw, end) if 0xD800 <= number < 0xDC00 else None
            if low:
                number = 0x10000 + ((number - 0xD800) << 10) + (int(low.group(1), 16) - 0xDC00)
                end = low.end()
            value = chr(number)
        out.append(value)
        offsets.append(match.start())
        done = end
    out.append(raw[done:])
    offsets += range(done, len(raw) + 1)
    return "".join(out), offsets


# -- HTML ------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")


def _entity(text: str) -> str:
    """The character(s) a reference stands for; an unknown name stays as written."""
    if text[1] == "#":
        return html.unescape(text)
    return html5.get(text[1:], text)


def entities(text: str) -> str:
    """HTML character references decoded (`&amp;` is "&"), as X stores tweets."""
    return _ENTITY.sub(lambda m: _entity(m.group(0)), text) if "&" in text else text


def entities_map(text: str) -> tuple[str, Map]:
    return _substitute_map(text, _ENTITY, lambda m: _entity(m.group(0)))


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|" +
                  _ENTITY.pattern)
_BREAKS = {"br": "\n"}  # opening (or void) tags that stand for text
_ENDS = {"p": "\n\n", "blockquote": "\n\n", "pre": "\n\n", "li": "\n", "h1": "\n\n",
         "h2": "\n\n", "h3": "\n\n", "h4": "\n\n", "ul": "\n", "ol": "\n", "div": "\n"}


def _html_piece(match: re.Match) -> str:
    if match.group(0).startswith("&"):
        return _entity(match.group(0))
    closing, name = match.group(1), match.group(2).lower()
    return (_ENDS if closing else _BREAKS).get(name, "")


def html_text(source: str) -> str:
    """The text of an HTML fragment as Mastodon stores a post: tags dropped, a `<br>` a
    newline, paragraphs separated by a blank line, entities decoded."""
    return _TAG.sub(_html_piece, source).rstrip("\n")


def html_text_map(source: str) -> tuple[str, Map]:
    """`html_text(source)` and its map: a newline that stands for a tag maps to the tag."""
    text, offsets = _substitute_map(source, _TAG, _html_piece)
    kept = len(text.rstrip("\n"))
    return text[:kept], offsets[:kept] + [offsets[-1]]


def _substitute_map(text: str, pattern: re.Pattern, replace) -> tuple[str, Map]:
    out: list[str] = []
    offsets: Map = []
    done = 0
    for match in pattern.finditer(text):
        out.append(text[done:match.start()])
        offsets += range(done, match.start())
        value = replace(match)
        out.append(value)
        offsets += [match.start()] * len(value)
        done = match.end()
    out.append(text[done:])
    offsets += range(done, len(text) + 1)
    return "".join(out), offsets


# -- Facebook's and Instagram's escaped bytes -------------------------------------------

_HIGH = re.compile(r"[\x80-\xff]")
_WIDE = re.compile(r"[^\x00-\xff]")


def mojibake(text: str) -> str:
    """Text whose UTF-8 bytes were each written as a character (U+0080-U+00FF), as
    Facebook and Instagram write their JSON, repaired ("cafÃ©" is "café"); text that
    is not such a spelling of UTF-8 comes back as it was."""
    if not _HIGH.search(text) or _WIDE.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return text


def mojibake_map(text: str) -> tuple[str, Map]:
    """`mojibake(text)` and its map: each character maps to the first of its bytes."""
    repaired = mojibake(text)
    if repaired is text:
        return text, identity(text)
    offsets: Map = []
    at = 0
    for char in repaired:
        offsets.append(at)
        at += len(char.encode("utf-8"))
    offsets.append(at)
    return repaired, offsets


# -- CSV cells -------------------------------------------------------------------------

def csv_cell(raw: str, quoted: bool) -> str:
    """A CSV cell's value from what stands between its quotes (doubled quotes undone)."""
    return raw.replace('""', '"') if quoted else raw


def csv_cell_map(raw: str, quoted: bool) -> tuple[str, Map]:
    if not quoted or '""' not in raw:
        return raw, identity(raw)
    return _substitute_map(raw, re.compile('""'), lambda m: '"')
