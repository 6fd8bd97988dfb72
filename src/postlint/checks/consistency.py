"""`consistency`: one spelling of a term, used consistently across every draft of a run:
listed pairs (colour/color), and with `variants`, any word written closed in one place
and hyphenated or as two words in another (email/e-mail, livestream/Live Stream)."""

from __future__ import annotations

import re
from array import array

import regex

from ..hookspecs import hookimpl
from ..text import forms as word_forms
from ..text.styled import normalize as fold
from .base import Check, Match, Option, linear, word_pattern

# a word or hyphenated words (e-mail, check-in), not inside a hashtag, mention or cashtag
_WORD = linear(regex.compile(r"(?<![\w#@$-])\p{L}+(?:-\p{L}+)*(?![\w-])"))
_WORDS = re.compile(r"\w+")
# occurrences a run holds before it counts them instead (see `Consistency.check_run`)
HELD = 250_000


class Consistency(Check):
    """For each pair in `pairs` (`first: second`), when both spellings occur in the run,
    flag every occurrence of the one used less (the second on a tie)."""

    type_name = "consistency"
    values = ("other", "count", "times")  # times: "once", "twice", "3 times"
    scope = "run"
    options = {
        "pairs": Option("mapping", required=True, help="variant -> other variant"),
        "ignorecase": Option("bool", True, help="count spellings regardless of case"),
        "skip_names": Option("bool", False,
                             help="skip capitalised uses mid-sentence of the pairs and of "
                             "closed words (Rogers Centre, John Goodman)"),
        "variants": Option("bool", False, help="also compare closed, hyphenated and spaced forms"),
        "particles": Option("list", [], help="second words that make a phrasal verb (log in)"),
        "not_variants": Option("list", [], help="closed words whose split form means something else"),
        "min_letters": Option("int", 3, low=0, help="letters each word of a spaced form needs"),
        "forms": Option("str", "exact", choices=("inflected", "exact"),
                        help="a one-word spelling also stands for its inflections "
                        "(organise: organised, organising); exact: as written"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.words = [(str(a), str(b)) for a, b in (options["pairs"] or {}).items()]
        # each spelling with the forms it stands for (itself, or its inflections too)
        inflected = options.get("forms") == "inflected"
        self.spelled = [(_forms(a, inflected), _forms(b, inflected)) for a, b in self.words]
        spellings = [w for pair in self.spelled for side in pair for w in side]
        # Any spelling of any pair: one search tells whether a draft needs the pairs'
        # own patterns, compiled for the first draft that does.
        self.any = word_pattern(spellings, ignorecase=options["ignorecase"])
        # ... after a cheaper test that the text holds the first word of one (the phrase
        # index tokenizes the text: this is for the parent of a large run, which reads
        # each draft only for the checks that compare drafts)
        self.first_words = _first_words(spellings, options["ignorecase"])
        self._pairs: list | None = None
        self.particles = {str(w).casefold() for w in options["particles"]}
        self.not_variants = {_key(str(w)) for w in options["not_variants"]}

    @property
    def pairs(self) -> list[tuple]:
        """(first, second, first pattern, second pattern) for each pair."""
        if self._pairs is None:
            flags = dict(ignorecase=self.opts["ignorecase"])
            self._pairs = [(a, b, word_pattern(list(fa), **flags), word_pattern(list(fb), **flags))
                           for (a, b), (fa, fb) in zip(self.words, self.spelled)]
        return self._pairs

    def relevant(self, draft):
        if self.opts["variants"]:  # any word may be a spelling another draft varies
            return _WORD.search(draft.prose) is not None
        return self._holds_a_pair(draft.prose)

    def _holds_a_pair(self, prose: str) -> bool:
        if self.any is None:
            return False
        folded = fold(prose)
        words = _WORDS.findall(folded.casefold() if self.opts["ignorecase"] else folded)
        return not self.first_words.isdisjoint(words) \
            and self.context.search(self.any, prose) is not None

    def check_run(self, drafts):
        """All pairs and variants in one pass over the drafts, holding each occurrence;
        a run with more than HELD of them goes on counting instead and takes one or two
        more passes (`drafts` may be re-read), so what it holds does not grow with the
        run. (An occurrence is held as numbers, its draft once in `seen`: a word's
        spelling is its text casefolded.)"""
        hits = [(array("I"), array("I")) for _ in self.words]  # each pair's uses of each
        closed: dict = {}  # key -> (draft number, start, end) of each closed use, in turn
        split: dict = {}   # key -> the same, for hyphenated and two-word forms
        seen: list = []  # the drafts with an occurrence, by number
        held = 0
        passing = iter(drafts)
        for draft in passing:
            number, before = len(seen), held
            for key, start, end, hyphen in self._spellings(draft):
                place = split if hyphen else closed
                uses = place.get(key)
                if uses is None:
                    uses = place[key] = array("I")
                uses.extend((number, start, end))
                held += 1
            for pair, side, (start, end) in self._pair_uses(draft):
                hits[pair][side].extend((number, start, end))
                held += 1
            if held > before:
                seen.append(draft)
            if held > HELD:  # (the occurrences go, and the drafts they held)
                counts = [[len(firsts) // 3, len(seconds) // 3] for firsts, seconds in hits]
                closed, split, hits, seen = set(closed), _Seen(split), None, None
                yield from self._counted(drafts, passing, closed, split, counts)
                return
        yield from self._variants(closed, split, seen)
        for (first, second), (firsts, seconds) in zip(self.words, hits):
            if not firsts or not seconds:
                continue
            rare, common, count = ((firsts, second, len(seconds) // 3)
                                   if len(firsts) < len(seconds)
                                   else (seconds, first, len(firsts) // 3))
            for i in range(0, len(rare), 3):
                yield seen[rare[i]], Match(rare[i + 1], rare[i + 2],
                                           _values(common, count))

    def _counted(self, drafts, passing, closed_keys: set, split_keys: _Seen, counts: list):
        """`check_run` for a large run, from the keys and counts of the first pass so
        far and the rest of it (`passing`); then the second pass counts the spellings of
        each key written both ways and holds their uses, and those of the rarer spelling
        of each pair, to flag the rarer ones (a third pass finds them again instead if
        they are more than HELD)."""
        for draft in passing:
            for key, _, _, hyphen in self._spellings(draft):
                if hyphen:
                    split_keys.add(key)
                else:
                    closed_keys.add(key)
            for pair, side, _ in self._pair_uses(draft):
                counts[pair][side] += 1
        # a key of a closed word that may also be split (`_Seen` may say yes wrongly;
        # the counts below are exact)
        both = {key for key in closed_keys - self.not_variants if key in split_keys}
        rare = {pair: (0, second, m) if n < m else (1, first, n)  # (side, other, count)
                for pair, ((first, second), (n, m)) in enumerate(zip(self.words, counts))
                if n and m}
        if not both and not rare:
            return
        uses: dict = {}  # key -> ({closed spelling: count}, {split spelling: count})
        held: list | None = []  # (draft, span, key or None for a pair, spelling or pair)
        for draft in drafts:
            for span, key, what, hyphen in self._uses(draft, both, rare):
                if key is not None:
                    own = uses.setdefault(key, ({}, {}))[hyphen]
                    own[what] = own.get(what, 0) + 1
                if held is not None:
                    held.append((draft, span, key, what))
            if held is not None and len(held) > HELD:
                held = None  # (the drafts they held go: a third pass finds them again)
        flagged: dict = {}  # key -> (most common spelling, its count, the others)
        for key, (closed_uses, split_uses) in uses.items():
            if closed_uses and split_uses:
                spellings = {**closed_uses, **split_uses}  # (in the order met, as `_variants`)
                ranked = sorted(spellings, key=lambda s: -spellings[s])
                flagged[key] = (ranked[0], spellings[ranked[0]], set(ranked[1:]))
        if not flagged and not rare:
            return
        if held is None:
            held = ((draft, span, key, what) for draft in drafts
                    for span, key, what, _ in self._uses(draft, flagged, rare))
        for draft, (start, end), key, what in held:
            if key is None:
                _, common, count = rare[what]
            elif key in flagged and what in flagged[key][2]:
                common, count, _ = flagged[key]
            else:
                continue
            yield draft, Match(start, end, _values(common, count))

    def _uses(self, draft, keys, rare: dict):
        """(span, key, spelling, hyphenated or split) of each use in `draft` of a key in
        `keys`, then (span, None, pair, None) of each use of the rarer spelling of a pair
        in `rare`."""
        for key, start, end, hyphen in self._spellings(draft) if keys else ():
            if key in keys:
                yield (start, end), key, draft.prose[start:end].casefold(), hyphen
        for pair, side, span in self._pair_uses(draft) if rare else ():
            if pair in rare and rare[pair][0] == side:
                yield span, None, pair, None

    def _pair_uses(self, draft):
        """(pair, 0 for its first spelling or 1, span) of each use of a listed spelling."""
        if not self._holds_a_pair(draft.prose):
            return
        prose, names = draft.prose, self.opts["skip_names"]
        for pair, (_, _, first_re, second_re) in enumerate(self.pairs):
            for side, pattern in enumerate((first_re, second_re)):
                for m in self.context.finditer(pattern, prose):
                    if not (names and _is_name(prose, m)):
                        yield pair, side, m.span()

    def _spellings(self, draft):
        """(key, start, end, hyphenated or split) of each word of `draft` and of each
        two-word form, when the rule compares variants (its spelling is its text
        casefolded: two words are one space apart)."""
        if not self.opts["variants"]:
            return
        least, particles = self.opts["min_letters"], self.particles
        names = self.opts["skip_names"]
        prose = draft.prose
        last = None  # the closed word before: (start, end, key, letters)
        for m in _WORD.finditer(prose):
            word = m.group()
            start, end = m.span()
            folded = word.casefold()
            if "-" in word:
                last = None
                if max(map(len, word.split("-"))) < 2:
                    continue  # spelled out letter by letter: J-E-T-S
                yield _key(word), start, end, True
                continue
            key = folded if word.isascii() else _key(word)  # (letters only: the same)
            if not (names and word[0].isupper() and _is_name(prose, m)):  # (Goodman is
                yield key, start, end, False                              # not good man)
            if last is not None and last[1] + 1 == start and prose[last[1]] == " " and \
                    last[3] >= least and len(word) >= least and folded not in particles:
                # (a key of two words is the two keys: casefold and isalnum go by character)
                yield last[2] + key, last[0], end, True
            last = (start, end, key, len(word))

    def _variants(self, closed: dict, split: dict, seen: list):
        """Closed words also written hyphenated or as two words in the run: the spellings
        of each are counted and all but the most common flagged."""
        for key, others in split.items():
            if key not in closed or key in self.not_variants:
                continue
            uses: dict = {}
            for places in (closed[key], others):
                for i in range(0, len(places), 3):
                    number, start, end = places[i:i + 3]
                    spelling = seen[number].prose[start:end].casefold()
                    uses.setdefault(spelling, []).append((number, (start, end)))
            if len(uses) < 2:
                continue
            ranked = sorted(uses, key=lambda s: -len(uses[s]))  # ties: the closed form, then the first seen
            common = ranked[0]
            for spelling in ranked[1:]:
                for number, (start, end) in uses[spelling]:
                    yield seen[number], Match(start, end,
                                              _values(common, len(uses[common])))


def _values(other: str, count: int) -> dict:
    """A finding's values: the other spelling and how often it is used, in words too."""
    times = {1: "once", 2: "twice"}.get(count, f"{count} times")
    return {"other": other, "count": count, "times": times}


class _Seen:
    """A set of strings in a fixed 4 MB (a Bloom filter): `in` may say yes for a string
    never added (about 1 in 100 at 3 million strings), never no for one added."""

    BITS = 1 << 25

    def __init__(self, strings=()):
        self.bits = bytearray(self.BITS >> 3)
        for string in strings:
            self.add(string)

    def _places(self, string: str):
        hashed = hash(string)
        step = (hashed >> 32) | 1
        return [(hashed + i * step) & (self.BITS - 1) for i in range(4)]

    def add(self, string: str) -> None:
        for place in self._places(string):
            self.bits[place >> 3] |= 1 << (place & 7)

    def __contains__(self, string: str) -> bool:
        return all(self.bits[place >> 3] >> (place & 7) & 1 for place in self._places(string))


def _forms(spelling: str, inflected: bool) -> tuple[str, ...]:
    """A pair's spelling and, when `inflected` and it is one word, its inflections
    (colour: colours, coloured); a phrase (all right) stands for itself alone."""
    if not inflected or not spelling.isalpha():
        return (spelling,)
    found = word_forms.forms(spelling.lower())
    return (spelling,) + tuple(f for f in found if f != spelling.lower())


def _first_words(spellings: list[str], ignorecase: bool) -> frozenset:
    """The first word (a run of word characters) of each spelling: a text whose words
    (its styled letters folded; casefolded with `ignorecase`) hold none of them holds no
    spelling. A set test costs a few microseconds a post, where a pattern of every
    spelling (a few hundred) took about a quarter of a millisecond."""
    found = set()
    for spelling in spellings:
        first = _WORDS.search(spelling.casefold() if ignorecase else spelling)
        if first is not None:
            found.add(first.group())
    return frozenset(found)


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
