"""`substitution`: a word or phrase that has a better replacement (fixable)."""

from __future__ import annotations

import json

import regex

from ..hookspecs import hookimpl
from ..load import cache
from ..text import forms
from ..text.styled import normalize as fold
from .base import Check, Match, Option, word_pattern


def match_case(found: str, replacement: str) -> str:
    """Give `replacement` the capitalisation of `found` (Title, UPPER or as written)."""
    if found.isupper() and len(found) > 1 and not replacement.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_LAST = regex.compile(r"([\p{L}]+)$")


def inflected_pairs(swap: dict) -> dict:
    """For each wrong -> right pair whose last words are English words of three letters
    or more, each noun or verb inflection of the wrong one's last word paired with the
    same inflection of the right one's (e-mail -> email: e-mails -> emails, e-mailed ->
    emailed); an inflection the right word lacks (an adjective, a phrase's preposition,
    a verb form of a word that is no verb: kid -> child has no "kidding") adds no pair,
    nor does a verb form that is a noun of its own paired with one that is not
    (shop -> store: "shopping" is no "storing"). Kept between runs: lemminflect takes about a quarter of a second to
    import and read its dictionary."""
    key = json.dumps(sorted(swap.items()))
    found = _kept().get(key)
    if isinstance(found, dict) and all(isinstance(v, str) for v in found.values()):
        return found
    found = _inflected_pairs(swap)
    _kept().put(key, found)
    return found


_store: cache.Store | None = None


def _kept() -> cache.Store:
    global _store
    if _store is None:
        _store = cache.Store("inflected", f"{cache.code_stamp(__file__, forms.__file__)} "
                                          f"{forms.versions()}", limit=1_000)
    return _store


def _inflected_pairs(swap: dict) -> dict:
    try:
        import lemminflect
    except ImportError:  # pragma: no cover - a dependency
        return {}
    pairs = {}
    for wrong, right in swap.items():
        w, r = _LAST.search(wrong), _LAST.search(right)
        if not (w and r and len(w.group(1)) >= 3 and len(r.group(1)) >= 3):
            continue
        lower_w, lower_r = w.group(1).lower(), r.group(1).lower()
        # (a word lemminflect does not know, "webinar", takes a regular noun's plural)
        known = lemminflect.getAllInflections(lower_w) \
            or lemminflect.getAllInflectionsOOV(lower_w, upos="NOUN")
        for tag, found in known.items():
            if not tag.startswith(("NN", "VB")):
                continue
            # (a verb's forms only from a right word that is a verb: kid -> child makes no
            # "childing" of "no kidding")
            theirs = lemminflect.getAllInflections(lower_r).get(tag) if tag.startswith("VB") \
                else lemminflect.getInflection(lower_r, tag) \
                or lemminflect.getInflection(lower_r, tag, inflect_oov=True)
            for form in found:
                if form == lower_w or not theirs or theirs[0] == lower_r:
                    continue
                if tag.startswith("VB") and _own_noun(form) and not _own_noun(theirs[0]):
                    continue  # ("happy shopping" is no "storing": shop -> store)
                pairs.setdefault(wrong[:w.start(1)] + form, right[:r.start(1)] + theirs[0])
        if " " not in right:
            pairs.update((k, v) for k, v in _degree_pairs(wrong, right, w, r).items()
                         if k not in pairs)
    return pairs


def _own_noun(form: str) -> bool:
    """Whether a verb's form is also a noun of its own (shopping, booking, meeting): a
    noun lemminflect inflects (read from the inflections it has loaded already, not its
    lemma dictionary, a fifth of a second more on a first run)."""
    import lemminflect

    return bool(lemminflect.getAllInflections(form, upos="NOUN"))


def _degree_pairs(wrong: str, right: str, w, r) -> dict:
    """An adjective's comparative and superlative (cheap -> affordable: cheaper -> more
    affordable, cheapest -> most affordable; big -> large: bigger -> larger): the right
    word's own degree where it has one, else "more"/"most" before it."""
    import lemminflect

    from ..text.forms import degrees

    found = set(degrees(w.group(1).lower()))
    pairs = {}
    for tag, extra in (("JJR", "more"), ("JJS", "most")):
        for form in lemminflect.getAllInflections(w.group(1).lower(), upos="ADJ").get(tag, ()):
            if form.lower() not in found:
                continue
            theirs = [f for f in lemminflect.getAllInflections(r.group(1).lower(), upos="ADJ")
                      .get(tag, ()) if f.lower() in degrees(r.group(1).lower())]
            said = right[:r.start(1)] + theirs[0] if theirs else f"{extra} {right}"
            pairs[wrong[:w.start(1)] + form.lower()] = said
    return pairs


class Substitution(Check):
    """Each occurrence of a key of `swap`, with its value as the suggested replacement."""

    type_name = "substitution"
    values = ("replacement",)
    gated = True
    options = {
        "swap": Option("mapping", required=True, help="wrong -> right"),
        "ignorecase": Option("bool", True, help="match regardless of case"),
        "whole_words": Option("bool", True, help="match whole words only"),
        "forms": Option("str", "exact", choices=("inflected", "exact"),
                        help="inflected: an English key's inflections too, each with the "
                        "same inflection of its replacement (e-mails: emails)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        swap = {str(k): str(v) for k, v in (options["swap"] or {}).items()}
        if options.get("forms") == "inflected" and context.lang == "en":
            swap = {**inflected_pairs(swap), **swap}
        self.lookup = {k.casefold(): v for k, v in swap.items()}
        self.pattern = word_pattern(swap, ignorecase=options["ignorecase"],
                                    whole_words=options["whole_words"],
                                    elide="*" if context.any_language else None)

    def check(self, post):
        if self.pattern is None:
            return
        for m in self.context.finditer(self.pattern, post.prose):
            found = m.group(0)
            key = " ".join(fold(found).split()).casefold()
            right = self.lookup.get(key)
            if right is None or right == found:
                continue
            right = match_case(found, right) if self.opts["ignorecase"] else right
            yield Match(m.start(), m.end(), {"replacement": right}, replacement=right)


@hookimpl
def postlint_rule_types():
    return [Substitution]
