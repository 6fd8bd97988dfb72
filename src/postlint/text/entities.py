"""Find URLs, hashtags, mentions and cashtags in a post, as X's twitter-text does.

`extract(text)` returns every entity, sorted and without overlaps; `urls`, `hashtags`,
`mentions` and `cashtags` return one kind. Offsets are code-point indices into the
given string, and `Entity.text == text[start:end]` (sigils such as `#` included).

URL detection follows twitter-text's rules: an optional http(s) scheme, a domain
whose last label is a known TLD (list in `rules/platforms/tlds.txt`, loaded on the
first URL search), then optional port, path and query. Without a scheme only ASCII
domains count.
Domains are matched label by label rather than with one big regex, so a scan stays
linear even on megabyte-long lines without spaces, and a TLD is a set lookup, so no
regex of the TLD list is ever compiled. Text where no dot is followed by a known TLD
cannot hold a URL and is answered before any URL regex is compiled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..load import builtin

__all__ = [
    "Entity", "extract", "tags", "urls", "iter_urls", "hashtags", "mentions", "cashtags",
    "is_valid_url", "is_valid_hashtag", "is_valid_mention",
]


@dataclass(frozen=True)
class Entity:
    """One entity: kind is "url", "hashtag", "mention" or "cashtag"."""

    kind: str
    start: int
    end: int
    text: str


class LazyPattern:
    """A regex compiled on first use, so importing postlint stays cheap."""

    __slots__ = ("_args", "_kwargs", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, **kwargs):
        self._args, self._kwargs, self._compiled = (pattern, flags), kwargs, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = regex.compile(*self._args, **self._kwargs)
        return getattr(self._compiled, name)


# ---------------------------------------------------------------- character sets
SPACES = "\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000"
INVALID = "\\uFFFE\\uFEFF\\uFFFF"
DIRECTIONAL = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069"
# ASCII punctuation as twitter-text lists it (without '"' and '`').
PUNCT = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$"
LATIN_ACCENTS = (
    "\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257"
    "\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF"
)
DOMAIN_CHAR = f"[^{PUNCT}{SPACES}{INVALID}{DIRECTIONAL}]"
# A URL may not start right after one of these.
URL_BLOCKER = f"[A-Za-z0-9@\\uFF20$#\\uFF03{INVALID}]"

_DC = LazyPattern(DOMAIN_CHAR)
_BLOCKER = LazyPattern(URL_BLOCKER)
# Maximal runs of domain characters, dots, hyphens and underscores that hold a dot.
_RUN_CLASS = f"(?:{DOMAIN_CHAR}|[._\\-])"
_DOTTED_RUN = LazyPattern(f"(?<!{_RUN_CLASS})(?=(?:{DOMAIN_CHAR}|[_\\-])*+\\.){_RUN_CLASS}++")
# Where a URL attempt can differ from the one a character earlier: after a
# non-domain character, or after a blocked start.
_START = LazyPattern(f"(?<!{URL_BLOCKER})(?={DOMAIN_CHAR})(?:(?<!{DOMAIN_CHAR})|(?<={URL_BLOCKER}.))")
_SCHEME_BEFORE = LazyPattern(r"https?://\Z", regex.IGNORECASE)

# The path character class is written once and called by name, which halves the
# compile time of the URL tail (a class matches one character, so nothing else changes).
_PATH_CHAR_CLASS = f"[a-z\\u0400-\\u04FF0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~|&@{LATIN_ACCENTS}]"
_PATH_CHAR = "(?&pc)"
_PARENS = f"\\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*))\\)"
_PATH_END = f"(?:[+\\-a-z\\u0400-\\u04FF0-9=_#/{LATIN_ACCENTS}]|{_PARENS})"
_PATH_SEGMENT = f"(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END}|@{_PATH_CHAR}+/)"
_QUERY = "\\?[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]*[a-z0-9\\-_&=#/]"
_URL_TAIL = LazyPattern(f"(?(DEFINE)(?P<pc>{_PATH_CHAR_CLASS}))(?::[0-9]+)?(?P<path>/{_PATH_SEGMENT}*)?(?:{_QUERY})?", regex.IGNORECASE)
_TCO = LazyPattern(f"https?://t\\.co/([a-z0-9]+)(?:{_QUERY})?", regex.IGNORECASE)
_PUNYCODE_TLD = LazyPattern(r"xn--[\-0-9a-z]+", regex.IGNORECASE)
_TLD_FOLLOWER = LazyPattern(r"[0-9a-z@+\-]", regex.IGNORECASE)
_NO_SCHEME_BLOCKER = "-_./"
_NOT_IN_TLD = re.compile(r"[\s.]")
_ASCII_LABEL = LazyPattern(f"[\\-a-z0-9{LATIN_ACCENTS}]++", regex.IGNORECASE)

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_LABEL_LENGTH = 63


# ---------------------------------------------------------------- TLDs
@dataclass(frozen=True)
class _Tlds:
    generic: frozenset[str]
    country: frozenset[str]
    every: frozenset[str]
    longest: int


@lru_cache(maxsize=1)
def _tlds() -> _Tlds:
    generic, country = [], []
    path = builtin.folder() / "platforms" / "tlds.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and line[0] != "#":
            tld, kind = line.split()
            (country if kind == "country" else generic).append(tld)
    every = frozenset(generic + country)
    return _Tlds(frozenset(generic), frozenset(country), every, max(map(len, every)))


def _tld_end(text: str, start: int, stop: int, tlds: _Tlds) -> int | None:
    """End of the TLD that begins `text[start:stop]`, as twitter-text would pick it."""
    for group in (tlds.generic, tlds.country):
        for end in range(min(stop, start + tlds.longest), start, -1):
            if text[start:end].lower() in group and (
                end == len(text) or not _TLD_FOLLOWER.match(text[end])
            ):
                return end
    m = _PUNYCODE_TLD.match(text, start, stop)
    return m.end() if m else None


def _any_tld_end(text: str, start: int, tlds: _Tlds, stop: int | None = None) -> int | None:
    """End of the longest known TLD (else punycode TLD) at `start` that ends a word."""
    stop = len(text) if stop is None else stop
    for end in range(min(stop, start + tlds.longest), start, -1):
        if text[start:end].lower() in tlds.every and (
            end == len(text) or not _TLD_FOLLOWER.match(text[end])
        ):
            return end
    m = _PUNYCODE_TLD.match(text, start)
    return m.end() if m else None


def _may_hold_url(text: str, tlds: _Tlds, a: int = 0, b: int | None = None) -> bool:
    """False when no dot in `text[a:b]` is followed by a known TLD, so no URL can be
    there (most dotted runs of prose are a word and its full stop).

    Cheap (set lookups, no big regex), so text without links costs next to nothing."""
    b = len(text) if b is None else b
    dot = text.find(".", a, b)
    while dot >= 0:
        start = dot + 1
        if start < b and text[start].isalnum():
            stop = _NOT_IN_TLD.search(text, start, min(start + tlds.longest, b))
            if _any_tld_end(text, start, tlds, stop.start() if stop else b):
                return True
        dot = text.find(".", start, b)
    return False


def _ascii_domains(domain: str, tlds: _Tlds) -> Iterator[tuple[int, int]]:
    """Spans of the ASCII domains (labels of ASCII letters, digits, hyphens and Latin
    accents, then a TLD) inside `domain`, found left to right without overlaps.

    A candidate regex walks the labels; the TLD is a set lookup, so no regex of the
    whole TLD list is ever compiled."""
    pos, size = 0, len(domain)
    while pos < size:
        first = _ASCII_LABEL.search(domain, pos)
        if first is None:
            return
        start = dots = first.start()
        tld_starts = []  # after each dot that closes a label, from this start on
        while True:
            label = _ASCII_LABEL.match(domain, dots)
            if label is None or label.end() >= size or domain[label.end()] != ".":
                break
            dots = label.end() + 1
            tld_starts.append(dots)
        end = next((e for q in reversed(tld_starts) if (e := _any_tld_end(domain, q, tlds))), None)
        if end is None:
            # Any later start inside this walk sees fewer candidate TLDs: skip past it.
            pos = max(dots, (label.end() if label else dots), start + 1)
            continue
        yield start, end
        pos = end


# ---------------------------------------------------------------- domains
class _Run:
    """Label table for one dotted run, answering "longest domain from here" in O(1)."""

    def __init__(self, text: str, start: int, end: int, tlds: _Tlds):
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        pos = start
        while True:
            dot = text.find(".", pos, end)
            self.starts.append(pos)
            self.ends.append(end if dot < 0 else dot)
            if dot < 0:
                break
            pos = dot + 1
        n = len(self.starts)
        self.last_underscore = [text.rfind("_", s, e) for s, e in zip(self.starts, self.ends)]
        self.ends_ok = [e > s and bool(_DC.match(text[e - 1])) for s, e in zip(self.starts, self.ends)]
        # tld[i]: end of a TLD at the start of label i; best[i]: see longest().
        self.tld = [None] + [_tld_end(text, self.starts[i], self.ends[i], tlds) for i in range(1, n)]
        self.best: list[int | None] = [None] * n
        for i in range(n - 1, -1, -1):
            self.best[i] = self._best(i, self.starts[i])

    def _best(self, i: int, s: int) -> int | None:
        """Index of the TLD label ending the longest domain starting at s in label i."""
        if s >= self.ends[i] or not self.ends_ok[i] or not _DC.match(self.text[s]):
            return None
        if i + 1 < len(self.starts) and self.best[i + 1] is not None:
            return self.best[i + 1]  # label i serves as a subdomain
        if i + 1 < len(self.starts) and self.tld[i + 1] is not None and s > self.last_underscore[i]:
            return i + 1  # label i is the domain name, label i+1 holds the TLD
        return None

    def domain_end(self, s: int) -> int | None:
        """End offset of the domain twitter-text would match from s, if any."""
        i = self._label_at(s)
        k = self.best[i] if s == self.starts[i] else self._best(i, s)
        return None if k is None else self.tld[k]

    def _label_at(self, s: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= s:
                lo = mid
            else:
                hi = mid - 1
        return lo


def _punycode_length(domain: str) -> int | None:
    """Length of the domain once IDNA-encoded, or None if a label is empty or too long."""
    if domain[:4].lower() == "xn--" and not domain.isascii():
        return None
    total = 0
    for label in domain.split("."):
        if label.isascii():
            size = len(label)
        else:
            try:
                size = 4 + len(label.encode("punycode"))
            except UnicodeError:
                return None
        if not 1 <= size <= MAX_LABEL_LENGTH:
            return None
        total += size + 1
    return total - 1


def _url_candidates(text: str):
    """Yield URL entities (start, end) in order, following twitter-text's extractor."""
    tlds = _tlds()
    min_start = 0  # no URL may start before this (the "preceding char" is consumed)
    for run_match in _DOTTED_RUN.finditer(text):
        a, b = run_match.span()
        if b <= min_start or not _may_hold_url(text, tlds, a, b):  # ("end." of a sentence)
            continue
        run = _Run(text, a, b, tlds)
        starts: list[int] = []
        scheme = _SCHEME_BEFORE.search(text, max(0, a - 8), a)
        if scheme:
            starts.append(scheme.start())
        if min_start > a:
            starts.append(min_start)
        starts.extend(m.start() for m in _START.finditer(text, max(a, min_start), b))
        for s in sorted(set(starts)):
            if s < min_start or (s > 0 and _BLOCKER.match(text[s - 1])):
                continue
            has_scheme = s < a
            domain_start = a if has_scheme else s
            end = run.domain_end(domain_start)
            if end is None:
                continue
            yield from _finish_url(text, s, domain_start, end, has_scheme, tlds)
            min_start = _URL_TAIL.match(text, end).end() + 1
            if min_start > b:
                break


def _finish_url(text: str, s: int, domain_start: int, domain_end: int, has_scheme: bool, tlds: _Tlds):
    tail = _URL_TAIL.match(text, domain_end)
    end = tail.end()
    domain = text[domain_start:domain_end]
    puny = _punycode_length(domain)
    scheme_len = domain_start - s if has_scheme else len("https://")
    if puny is None or scheme_len + (end - s) + puny - len(domain) > MAX_URL_LENGTH:
        return
    if has_scheme:
        tco = _TCO.match(text, s, end)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                return
            end = tco.end()
        yield (s, end)
        return
    if s > 0 and text[s - 1] in _NO_SCHEME_BLOCKER:
        return
    # Only ASCII domains count without a scheme; the last one keeps the path.
    found = list(_ascii_domains(domain, tlds))
    for n, (x, y) in enumerate(found):
        last = n == len(found) - 1
        yield (domain_start + x, end if last and tail.group("path") is not None else domain_start + y)


# ---------------------------------------------------------------- hashtags, mentions, cashtags
_HASHTAG_ALPHA = "\\p{L}\\p{M}"
_HASHTAG_ALNUM = (
    "\\p{L}\\p{M}\\p{Nd}_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c"
    "\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7"
)
_HASHTAG = LazyPattern(
    f"(?:(?<=[\\uFE0E\\uFE0F])|(?<![&{_HASHTAG_ALNUM}]))[#\\uFF03](?![\\uFE0F\\u20E3])"
    f"(?=[{_HASHTAG_ALNUM}]*?[{_HASHTAG_ALPHA}])[{_HASHTAG_ALNUM}]++(?![#\\uFF03]|://)"
)
_MENTION = LazyPattern(
    "(?:(?<![a-zA-Z0-9_!#$%&*@\\uFF20])|(?<=(?:^|[^a-zA-Z0-9_+~.\\-])(?:rt|RT|rT|Rt):?))"
    f"[@\\uFF20][a-zA-Z0-9_]{{1,20}}+(?P<list>/[a-zA-Z][a-zA-Z0-9_\\-]{{0,24}}+)?+"
    f"(?![@\\uFF20{LATIN_ACCENTS}]|://)"
)
# Mastodon: @user or @user@domain, not after a word character, '=' or '/'.
_FEDI_MENTION = LazyPattern(
    r"(?<![=/\w])@[a-z0-9_]+(?:[a-z0-9_.\-]+[a-z0-9_]+)?(?:@[\w.\-]+\w)?", regex.IGNORECASE
)
_CASHTAG = LazyPattern(
    f"(?<![^{SPACES}{DIRECTIONAL}])\\$[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?(?=$|\\s|[{PUNCT}])",
    regex.IGNORECASE,
)


def iter_urls(text: str) -> Iterator[Entity]:
    """URLs with or without scheme, as X links them, in order."""
    return iter(_urls(text))


def urls(text: str) -> list[Entity]:
    """URLs with or without scheme, as X links them."""
    return list(_urls(text))


@lru_cache(maxsize=16)
def _urls(text: str) -> tuple[Entity, ...]:
    """(The texts of the last few posts, kept: several rules of a post ask for them.)"""
    if "." not in text or not _may_hold_url(text, _tlds()):
        return ()
    return tuple(Entity("url", s, e, text[s:e]) for s, e in _url_candidates(text))


def hashtags(text: str) -> list[Entity]:
    """Hashtags (`#tag` or `＃tag`), leaving out any that fall inside a URL."""
    if "#" not in text and "\uFF03" not in text:  # no regex compiled for nothing
        return []
    found = [Entity("hashtag", m.start(), m.end(), m.group()) for m in _HASHTAG.finditer(text)]
    return _outside(found, urls(text)) if found else []


def mentions(text: str, *, fediverse: bool = False) -> list[Entity]:
    """X mentions (`@user`, not `@user/list`); with fediverse=True, Mastodon's `@user@domain` too."""
    if "@" not in text and "\uFF20" not in text:
        return []
    if fediverse:  # the look-behind already keeps URL paths and queries out
        return [Entity("mention", m.start(), m.end(), m.group()) for m in _FEDI_MENTION.finditer(text)]
    return [
        Entity("mention", m.start(), m.end(), m.group())
        for m in _MENTION.finditer(text)
        if m.group("list") is None
    ]


def cashtags(text: str) -> list[Entity]:
    """Cashtags such as `$TEST` or `$BRK.B`."""
    if "$" not in text:
        return []
    return [Entity("cashtag", m.start(), m.end(), m.group()) for m in _CASHTAG.finditer(text)]


def extract(text: str, *, fediverse: bool = False) -> list[Entity]:
    """All entities sorted by start; where two overlap, the earlier one wins."""
    found = urls(text) + mentions(text, fediverse=fediverse) + hashtags(text) + cashtags(text)
    return _first_of_overlaps(found)


def tags(text: str) -> list[Entity]:
    """Hashtags, cashtags and mentions in either form (X's `@user`, Mastodon's
    `@user@host`), sorted and without overlaps: for rules that read drafts whatever
    the platform."""
    found = mentions(text, fediverse=True) + mentions(text) + hashtags(text) + cashtags(text)
    return _first_of_overlaps(found)


def _first_of_overlaps(found: list[Entity]) -> list[Entity]:
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[Entity] = []
    for entity in found:
        if not kept or entity.start >= kept[-1].end:
            kept.append(entity)
    return kept


def _outside(found: list[Entity], links: list[Entity]) -> list[Entity]:
    if not links:
        return found
    return [e for e in found if not any(u.start < e.end and e.start < u.end for u in links)]


# ---------------------------------------------------------------- validation
_URL_PARTS = LazyPattern(r"(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?", regex.DOTALL)
_UNRESERVED = "a-z\\u0400-\\u04FF0-9\\-._~"
_SUB_DELIMS = "!$&'()*+,;="
_PCHAR = f"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|%[0-9a-f]{{2}})"
_PATH_RE = LazyPattern(f"(?:/{_PCHAR}*)*", regex.IGNORECASE)
_QUERY_RE = LazyPattern(f"(?:{_PCHAR}|[/?])*", regex.IGNORECASE)
_AUTHORITY = LazyPattern(
    f"(?:(?P<user>(?:[{_UNRESERVED}{_SUB_DELIMS}:]|%[0-9a-f]{{2}})*)@)?"
    r"(?P<host>\[[^\]]*\]|[^:]*)(?::(?P<port>[0-9]*))?",
    regex.IGNORECASE,
)
_U = "[a-z0-9]|[^\\x00-\\x7f]"
_HOST_LABEL = LazyPattern(f"(?:{_U})(?:(?:[a-z0-9_\\-]|[^\\x00-\\x7f])*(?:{_U}))?", regex.IGNORECASE)
_DOMAIN_LABEL = LazyPattern(f"(?:{_U})(?:(?:[a-z0-9\\-]|[^\\x00-\\x7f])*(?:{_U}))?", regex.IGNORECASE)
_TLD_LABEL = LazyPattern(
    "(?:[a-z]|[^\\x00-\\x7f])(?:(?:[a-z0-9\\-]|[^\\x00-\\x7f])*(?:[a-z0-9]|[^\\x00-\\x7f]))?", regex.IGNORECASE
)
_IPV4 = LazyPattern(r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])")


def _valid_host(host: str) -> bool:
    if host.startswith("["):
        import ipaddress  # (here: bracketed hosts are rare)

        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return False
        return host.endswith("]")
    if _IPV4.fullmatch(host):
        return True
    labels = host.split(".")
    if len(labels) < 2:
        return False
    *subs, name, tld = labels
    return (
        all(_HOST_LABEL.fullmatch(x) for x in subs)
        and bool(_DOMAIN_LABEL.fullmatch(name))
        and bool(_TLD_LABEL.fullmatch(tld))
    )


def is_valid_url(text: str, *, require_scheme: bool = True) -> bool:
    """Whether the whole text is one well-formed http(s) URL (RFC 3986 with Unicode hosts)."""
    parts = _URL_PARTS.fullmatch(text) if text else None
    if not parts:
        return False
    scheme, authority, path, query, fragment = parts.groups()
    if scheme is None and require_scheme:
        return False
    if scheme is not None and scheme.lower() not in ("http", "https"):
        return False
    if not _PATH_RE.fullmatch(path):
        return False
    if any(x is not None and not _QUERY_RE.fullmatch(x) for x in (query, fragment)):
        return False
    auth = _AUTHORITY.fullmatch(authority)
    return bool(auth) and _valid_host(auth.group("host"))


def is_valid_hashtag(text: str) -> bool:
    """Whether the whole text is exactly one hashtag."""
    found = hashtags(text)
    return len(found) == 1 and found[0].text == text


def is_valid_mention(text: str) -> bool:
    """Whether the whole text is exactly one X mention."""
    found = mentions(text)
    return len(found) == 1 and found[0].text == text
