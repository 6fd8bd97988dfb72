"""`consistency`: one spelling of a term, used consistently across every draft of a run:
listed pairs (colour/color), and with `variants`, any word written closed in one place
and hyphenated or as two words in another (email/e-mail, livestream/Live Stream)."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from .base import Check, Match, Option, linear, word_pattern

# a word or hyphenated words (e-mail, check-in), not inside a hashtag, mention or cashtag
_WORD = linear(regex.compile(r"(?<![\w#@$-])\p{L}+(?:-\p{L}+)*(?![\w-])"))


class Consistency(Check):
    """For each pair in `pairs` (`first: second`), when both spellings occur in the run,
    flag every occurrence of the one used less (the second on a tie)."""

    type_name = "consistency"
    scope = "run"
    options = {
        "pairs": Option("mapping", required=True, help="variant -> other variant"),
        "ignorecase": Option("bool", True, help="count spellings regardless of case"),
        "skip_names": Option("bool", False,
                             help="skip capitalised uses mid-sentence (Rogers Centre)"),
        "variants": Option("bool", False, help="also compare closed, hyphenated and spaced forms"),
        "particles": Option("list", [], help="second words that make a phrasal verb (log in)"),
        "not_variants": Option("list", [], help="closed words whose split form means something else"),
        "min_letters": Option("int", 3, help="letters each word of a spaced form needs"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.words = [(str(a), str(b)) for a, b in (options["pairs"] or {}).items()]
        # Any spelling of any pair: one search tells whether a draft needs the pairs'
        # own patterns, compiled for the first draft that does.
        self.any = word_pattern([w for pair in self.words for w in pair],
                                ignorecase=options["ignorecase"])
        self._pairs: list | None = None
        self.particles = {str(w).casefold() for w in options["particles"]}
        self.not_variants = {_key(str(w)) for w in options["not_variants"]}

    @property
    def pairs(self) -> list[tuple]:
        """(first, second, first pattern, second pattern) for each pair."""
        if self._pairs is None:
            flags = dict(ignorecase=self.opts["ignorecase"])
            self._pairs = [(a, b, word_pattern([a], **flags), word_pattern([b], **flags))
                           for a, b in self.words]
        return self._pairs

    def relevant(self, draft):
        if self.opts["variants"]:  # any word may be a spelling another draft varies
            return _WORD.search(draft.prose) is not None
        return self.any is not None and self.context.search(self.any, draft.prose) is not None

    def check_run(self, drafts):
        # One pass over the drafts (they may be re-read for each pass), all pairs at once.
        hits = [([], []) for _ in self.words]
        closed: dict = {}  # key -> [(draft, span, spelling)] of closed words
        split: dict = {}   # key -> the same, for hyphenated and two-word forms
        for draft in drafts:
            if self.opts["variants"]:
                self._collect(draft, closed, split)
            if self.any is None or self.context.search(self.any, draft.prose) is None:
                continue
            prose = draft.prose
            for (_, _, first_re, second_re), (firsts, seconds) in zip(self.pairs, hits):
                for pattern, found in ((first_re, firsts), (second_re, seconds)):
                    found += [(draft, m.span()) for m in self.context.finditer(pattern, prose)
                              if not (self.opts["skip_names"] and _is_name(prose, m))]
        yield from self._variants(closed, split)
        for (first, second), (firsts, seconds) in zip(self.words, hits):
            if not firsts or not seconds:
                continue
            rare, common, count = ((firsts, second, len(seconds)) if len(firsts) < len(seconds)
                                   else (seconds, first, len(firsts)))
            for draft, (start, end) in rare:
                yield draft, Match(start, end, {"other": common, "count": count})


    def _collect(self, draft, closed: dict, split: dict) -> None:
        """Each word of `draft` by its key: closed, hyphenated, and each two-word form."""
        least, particles = self.opts["min_letters"], self.particles
        prose = draft.prose
        last = None  # the closed word before: (start, end, key, casefolded, letters)
        for m in _WORD.finditer(prose):
            word = m.group()
            start, end = m.span()
            folded = word.casefold()
            if "-" in word:
                last = None
                if max(map(len, word.split("-"))) < 2:
                    continue  # spelled out letter by letter: J-E-T-S
                split.setdefault(_key(word), []).append((draft, (start, end), folded))
                continue
            key = folded if word.isascii() else _key(word)  # (letters only: the same)
            closed.setdefault(key, []).append((draft, (start, end), folded))
            if last is not None and last[1] + 1 == start and prose[last[1]] == " " and \
                    last[4] >= least and len(word) >= least and folded not in particles:
                # (a key of two words is the two keys: casefold and isalnum go by character)
                split.setdefault(last[2] + key, []).append(
                    (draft, (last[0], end), f"{last[3]} {folded}"))
            last = (start, end, key, folded, len(word))

    def _variants(self, closed: dict, split: dict):
        """Closed words also written hyphenated or as two words in the run: the spellings
        of each are counted and all but the most common flagged."""
        for key, others in split.items():
            if key not in closed or key in self.not_variants:
                continue
            uses: dict = {}
            for draft, span, spelling in closed[key] + others:
                uses.setdefault(spelling, []).append((draft, span))
            if len(uses) < 2:
                continue
            ranked = sorted(uses, key=lambda s: -len(uses[s]))  # ties: the closed form, then the first seen
            common = ranked[0]
            for spelling in ranked[1:]:
                for draft, (start, end) in uses[spelling]:
                    yield draft, Match(start, end, {"other": common, "count": len(uses[common])})


def _key(word: str) -> str:
    """A term with case, hyphens and spaces taken out: e-mail, E Mail and email meet."""
    if word.isascii() and (word.isalpha() or word.replace("-", "").isalpha()):
        return word.lower().replace("-", "")  # (the usual word, without a loop in Python)
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def _is_name(text: str, m) -> bool:
    """A capitalised match after a word in the same sentence, as in `Rogers Centre`."""
    if not m.group(0)[:1].isupper():
        return False
    i = m.start() - 1
    while i >= 0 and text[i].isspace():  # (not text[:start].rstrip(): linear, not quadratic)
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in ",;")


@hookimpl
def postlint_rule_types():
    return [Consistency]
