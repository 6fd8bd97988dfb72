"""Link rule types: where a URL points (`link`), tracking junk in its query
(`link-params`) and the campaign tags brand links must carry (`link-tags`).

Links are read from what the reader sees (`post.literal`: code and comments skipped):
the URLs X would link (`entities.urls`) and anything from `http://` or `https://` to the
next space, so `http://localhost:8000` and `http://10.0.0.5/admin` count too.

    type: link
    options:
      entries:
        - domains: [localhost, internal, {from: work.internal-domains}]  # the host or below it
          values: {what: "an internal host"}
        - hosts: ['(?:.+[.-])?staging(?:[.-].+)?\\..+\\..+']              # regexes on the host
        - urls: ['docs\\.google\\.com/document/d/[^/]+/edit']            # regexes on host/path?query
        - private: true                # IP addresses of private, loopback and link-local ranges
        - any: true                    # every link (with `platforms:`, e.g. captions)
          max_level: warning           # never above warning, whatever the profile (min_level too)
      exceptions: [{from: brand.domains}]   # domains never flagged
      platforms: [instagram, tiktok]        # only drafts for these platforms
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

import regex

from ..hookspecs import hookimpl
from ..text import entities
from ..text.platforms import targets
from . import terms
from .base import (ANY, Check, Match, Option, given_values, level_bound_problems,
                   level_bounds, linear)

_SCHEME_URL = linear(regex.compile(r"(?<![\w/])https?://[^\s<>()\[\]\"'`]+", regex.IGNORECASE))
_TRAILING = ".,;:!?*_~'\""
_MATCHING = {"domains", "hosts", "urls", "private", "any"}
ENTRY_KEYS = _MATCHING | {"values", "min_level", "max_level"}
# RFC 1035: no name the DNS resolves is longer; a longer "host" is no host, and host
# patterns, which split a host into labels, would take the square of its length on it
MAX_HOST = 253


@dataclass
class Link:
    """One link of a text: its span and its parts (host lower-cased, without `www.`
    only where noted)."""

    start: int
    end: int
    url: str

    @cached_property
    def _parts(self):
        text = self.url if "://" in self.url[:10] else "http://" + self.url
        try:
            return urlsplit(text)
        except ValueError:  # e.g. an unbalanced [ in the host
            return urlsplit("http://invalid.invalid")

    @property
    def host(self) -> str:
        try:
            host = self._parts.hostname or ""
        except ValueError:
            host = ""
        host = host.rstrip(".").lower()
        return host if len(host) <= MAX_HOST else ""

    @property
    def query_span(self) -> tuple[int, int] | None:
        """Offsets in the text of the query, its `?` included (None without one)."""
        start = self.url.find("?")
        if start < 0:
            return None
        hash_at = self.url.find("#", start)
        end = len(self.url) if hash_at < 0 else hash_at
        return self.start + start, self.start + end

    @property
    def target(self) -> str:
        """host/path?query, for URL patterns."""
        parts = self._parts
        return self.host + parts.path + (f"?{parts.query}" if parts.query else "")


def find_links(text: str) -> list[Link]:
    """The links of a (literal) text, in order, without overlaps."""
    found = [(e.start, e.end) for e in entities.urls(text)]
    if "://" in text:
        for m in _SCHEME_URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING:
                end -= 1
            found.append((m.start(), end))
    found.sort(key=lambda span: (span[0], -span[1]))
    links, last_end = [], -1
    for start, end in found:
        if start >= last_end:
            links.append(Link(start, end, text[start:end]))
            last_end = end
    return links


def under(host: str, domain: str) -> bool:
    """Whether `host` is `domain` or a host below it (`a.b.example.com` under `example.com`)."""
    domain = domain.strip().lower().removeprefix("www.").rstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def private_ip(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local \
        or address.is_unspecified


def _compile_all(patterns, key: str) -> list:
    out = []
    for pattern in patterns or ():
        try:
            out.append(regex.compile(str(pattern), regex.IGNORECASE))
        except regex.error as exc:
            raise ValueError(f"{key}: invalid regular expression {pattern!r}: {exc}") from None
    return out


class _Entry:
    def __init__(self, spec: dict, index: int, config: dict):
        self.domains = terms.expand(spec.get("domains"), config, False)
        self.hosts = _compile_all(spec.get("hosts"), f"entries[{index}].hosts")
        self.urls = _compile_all(spec.get("urls"), f"entries[{index}].urls")
        self.private, self.any = bool(spec.get("private")), bool(spec.get("any"))
        self.values = dict(spec.get("values") or {})
        self.levels = level_bounds(spec)
        for problem in level_bound_problems(spec, f"entries[{index}]"):
            raise ValueError(problem)

    def matches(self, link: Link, search) -> bool:
        host = link.host
        if self.any:
            return True
        if self.private and (host == "localhost" or private_ip(host)):
            return True
        if any(under(host, d) for d in self.domains):
            return True
        if any(p.fullmatch(host) for p in self.hosts):
            return True
        return any(search(p, link.target) for p in self.urls)


class LinkCheck(Check):
    """Each link that an entry matches, with that entry's message values."""

    languages = ANY  # reads no words of one language

    type_name = "link"
    values = ("title",)
    options = {
        "entries": Option("list", required=True, help="groups of domains, host or URL"
                          " patterns, private: true or any: true (see the module doc)"),
        "exceptions": Option("list", [], help="domains never flagged; may hold {from: ...}"),
        "platforms": Option("list", [], help="only drafts for these platforms (default: all)"),
        "values": Option("mapping", {}, help="default message values"),
        "names_when": Option("regex", None, help="with a match of this in the post (\"link "
                             "in bio\"), a bare domain without a path is a name, not a link"),
        "bare_names": Option("bool", False, help="a bare domain without a scheme or path is "
                             "always a name, not a link (\"bit.ly's competitor\")"),
    }

    @classmethod
    def message_names(cls, options):
        """Also the keys of its `values` and of its entries' `values`."""
        given = given_values(options, "entries")
        return None if given is None else (*super().message_names(options), *given)

    @classmethod
    def problems(cls, options):
        for index, spec in enumerate(options.get("entries") or ()):
            if not isinstance(spec, dict) or not set(spec) & _MATCHING:
                yield "entries", f"entries[{index}]: expected a mapping with domains, " \
                                 "hosts, urls, private or any"
                continue
            unknown = set(spec) - ENTRY_KEYS
            if unknown:
                yield "entries", f"entries[{index}]: unknown key(s) " \
                                 f"{', '.join(sorted(unknown))} (known: {', '.join(sorted(ENTRY_KEYS))})"
            try:
                _Entry(spec, index, {})
            except ValueError as exc:
                yield "entries", str(exc)

    def __init__(self, options, context):
        super().__init__(options, context)
        config = context.config
        self.entries = [_Entry(spec, i, config) for i, spec in enumerate(options["entries"])]
        self.exceptions = terms.expand(options["exceptions"], config, False)
        self.platforms = [str(p) for p in options["platforms"]]
        names_when = options["names_when"]
        self.names_when = regex.compile(names_when, regex.IGNORECASE) if names_when else None

    def check(self, post):
        where = [None]
        if self.platforms:
            where = [p for p in targets(post.draft, self.context) if p.name in self.platforms]
            if not where:
                return
        named = None  # (whether the post sends readers elsewhere: read on a bare domain)
        for link in find_links(post.literal):
            if any(under(link.host, d) for d in self.exceptions):
                continue
            if self.opts["bare_names"] and _bare(link.url):
                continue
            if self.names_when is not None and _bare(link.url):
                if named is None:
                    named = self.context.search(self.names_when, post.literal) is not None
                if named:
                    continue
            entry = next((e for e in self.entries if e.matches(link, self.context.search)), None)
            if entry is None:
                continue
            for platform in where:
                values = {**self.opts["values"], **entry.values}
                if platform is not None:
                    values.update(platform=platform.name, title=platform.title)
                yield Match(link.start, link.end, values,
                            platform=platform.name if platform is not None else None,
                            **entry.levels)


def _bare(url: str) -> bool:
    """A domain alone, as a name is written (`cookwithmia.com`): no scheme, no path."""
    return "://" not in url and "/" not in url.rstrip("/")


def _param_name(piece: str) -> str:
    return piece.split("=", 1)[0]


class LinkParams(Check):
    """Query parameters that only track clicks; the fix removes them and nothing else."""

    languages = ANY  # reads no words of one language

    type_name = "link-params"
    values = ("params",)
    options = {
        "entries": Option("list", required=True,
                          help="mappings of params (names) and optional domains they apply to"),
    }

    @classmethod
    def problems(cls, options):
        for index, spec in enumerate(options.get("entries") or ()):
            if not isinstance(spec, dict) or not isinstance(spec.get("params"), list) \
                    or set(spec) - {"params", "domains"}:
                yield "entries", f"entries[{index}]: expected a mapping of params: [...] " \
                                 "and optionally domains: [...]"

    def __init__(self, options, context):
        super().__init__(options, context)
        self.everywhere = {str(p) for spec in options["entries"] if not spec.get("domains")
                           for p in spec["params"]}
        self.by_domain = [({str(p) for p in spec["params"]}, [str(d) for d in spec["domains"]])
                          for spec in options["entries"] if spec.get("domains")]

    def _junk(self, link: Link) -> set[str]:
        junk = set(self.everywhere)
        for params, domains in self.by_domain:
            if any(under(link.host, d) for d in domains):
                junk |= params
        return junk

    def check(self, post):
        text = post.literal
        if "?" not in text:
            return
        for link in find_links(text):
            span = link.query_span
            if span is None:
                continue
            query = text[span[0] + 1:span[1]]
            pieces = query.split("&")
            junk = self._junk(link)
            found = [p for p in pieces if _param_name(p) in junk]
            if not found:
                continue
            kept = "&".join(p for p in pieces if _param_name(p) not in junk)
            names = ", ".join(dict.fromkeys(_param_name(p) for p in found))
            yield Match(span[0], span[1], {"params": names}, "?" + kept if kept else "")


class LinkTags(Check):
    """Links to the brand's domains that lack a required tag or carry a value not allowed.

    `required` is a list of parameter names, or a mapping of name -> allowed value(s)
    (null: any value). Drafts whose platforms are all in `skip_platforms` are not read."""

    languages = ANY  # reads no words of one language

    type_name = "link-tags"
    values = ("problem",)
    options = {
        "required": Option("any", required=True, help="names, or name -> allowed values"),
        "domains": Option("list", required=True, help="the domains whose links need them"),
        "skip_platforms": Option("list", [], help="skip drafts whose platforms are all "
                                 "among these (captions whose links cannot be clicked)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.skip = {str(p) for p in options["skip_platforms"]}
        required = options["required"]
        if isinstance(required, dict):
            self.required = {str(k): _allowed(v) for k, v in required.items()}
        elif isinstance(required, list):
            self.required = {str(k): None for k in required}
        else:
            raise ValueError("links.utm: expected a list of parameter names or a mapping "
                             "of name -> allowed values")
        self.domains = terms.names(options["domains"])

    def check(self, post):
        if self.skip:
            where = {p.name for p in targets(post.draft, self.context)}
            if where and where <= self.skip:
                return
        for link in find_links(post.literal):
            if not any(under(link.host, d) for d in self.domains):
                continue
            span = link.query_span
            query = post.literal[span[0] + 1:span[1]] if span else ""
            given = {}
            for piece in query.split("&"):
                name, _, value = piece.partition("=")
                given.setdefault(name, value)
            missing = [n for n in self.required if not given.get(n)]
            wrong = [f"{n}={given[n]} (allowed: {', '.join(allowed)})"
                     for n, allowed in self.required.items()
                     if allowed and given.get(n) and given[n] not in allowed]
            problems = []
            if missing:
                problems.append("lacks " + ", ".join(missing))
            if wrong:
                problems.append("has " + "; ".join(wrong))
            if problems:
                yield Match(link.start, link.end, {"problem": " and ".join(problems)})


def _allowed(value) -> list[str] | None:
    if value in (None, "", []):
        return None
    return [str(v) for v in (value if isinstance(value, list) else [value])]


@hookimpl
def postlint_rule_types():
    return [LinkCheck, LinkParams, LinkTags]
