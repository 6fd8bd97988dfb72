"""`caps`: words and runs of words written in capitals, acronyms aside."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..text import entities
from ..text.entities import LazyPattern
from ..text.language import english_forms
from .base import ANY, Check, Match, Option, linear
from .hashtags import in_dictionary

# A word: letters and digits, with inner apostrophes or hyphens (DON'T, RE-ELECT), not
# part of a path or dotted name.
_WORD = linear(LazyPattern(r"(?<![\p{L}\p{N}/_.])[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*"))
_GAP = LazyPattern(r"[ \t,;:&+-]*")
# Two capitals in one word, as every shouted word has (a digit makes a word an acronym):
# a text without them is skipped.
_TWO_CAPITALS = linear(regex.compile(r"\p{Lu}['’-]?\p{Lu}"))
_CLOSING = {"[": "]", "{": "}", "<": ">"}
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}
_SLOT_OPEN = regex.compile(r"([\[{<])\{?[\p{Lu}\p{N}_ /-]*$")
_SLOT_CLOSE = regex.compile(r"[\p{Lu}\p{N}_ /-]*\}?([\]}>])")
# what may come before a label at a line's start: a thread's number ("1/", "(2/7)", "3.")
# or emoji
_LINE_START = regex.compile(r"\s*(?:(?:\(?\d{1,3}\s*/\s*\d{0,3}\)?|\d{1,3}[.)])\s+)?"
                            r"(?:[\p{So}\p{Sk}\uFE0F\u200D]+\s*)?")
ROMAN = r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$"


# A run of non-spaces with a capital, found from its start: no word of the text outside
# such runs is in capitals.
_WITH_CAPITAL = linear(regex.compile(r"(?<!\S)\S*?\p{Uppercase}\S*"))


def _capital_words(text: str):
    """The words (`_WORD`) of the runs of non-spaces that hold a capital: the others hold
    no word in capitals, and the text between two words that are (only a gap, or not)
    says whether they are one run of capitals."""
    for chunk in _WITH_CAPITAL.finditer(text):
        yield from _WORD.finditer(text, chunk.start(), chunk.end())


class Caps(Check):
    """Flags a run holding `min_run` or more capitalised non-acronyms, or one such word of
    `min_letters` letters or more. Words in `acronyms`, words with a digit and words
    matching `acronym_pattern` count as acronyms: never flagged alone, and a run made
    only of acronyms is not shouting. Hashtags, mentions and cashtags (`entities.tags`)
    are skipped and end a run. With `labels`, one word that starts a line and ends at a
    colon is a label or a dateline ("UPDATE:", "LONDON:"), not shouting ("BIG NEWS:" is).
    With `quoted`, a run that is all of a quotation is text quoted as written (a sign,
    a button, a caller's name, a title), not the author shouting."""

    languages = ANY  # reads no words of a language

    type_name = "caps"
    values = ("words",)
    options = {
        "acronyms": Option("list", [], help="all-caps words that are names, not shouting"),
        "model_names": Option("bool", False, help="a short run beside a model number is a product's name"),
        "not_in_names": Option("list", [], help="words no product name holds (THE, AND): a run "
                               "with one is a sentence, not a name"),
        "acronym_pattern": Option("regex", ROMAN, help="other words that count as acronyms"),
        "min_letters": Option("int", 5, low=0,
                              help="a single capitalised word this long is shouting"),
        "min_run": Option("int", 2, low=0,
                          help="this many capitalised words in a row are shouting"),
        "words_only": Option("bool", False, help="only dictionary words shout: other "
                             "all-caps words (CCNA, ITIL, SKU-XL) are codes or acronyms"),
        "labels": Option("bool", False, help="a word in capitals that starts a line and "
                         "ends at a colon is a label (UPDATE:, LONDON:)"),
        "code_words": Option("list", [], help="words after which one word in capitals is "
                             "a code to type, not shouting (code STRONG, coupon SPRING, "
                             "the code is SPRING)"),
        "quoted": Option("bool", False, help="a run that is all of a quotation is quoted "
                         "text (a sign's \"CLOSED\", a caller 'UNKNOWN'), not shouting"),
        "emphasis_words": Option("list", [], help="with quoted: words after which quotes "
                                 "mark emphasis, not a quotation (it is \"AMAZING\")"),
        "names": Option("bool", False, help="a word in capitals that the CMU dictionary "
                        "lists and simplemma's English word forms do not is a name (a "
                        "band, a city, a singer: METALLICA, LISBON), not shouting unless "
                        "a run of capitals holds it with other words"),
        "not_names": Option("list", [], help="with names: words of that shape that are "
                            "no names but colloquial words (GONNA, CONGRATS)"),
        "word_names": Option("list", [], help="names that are also words (bands, places: "
                             "OASIS, QUEEN, READING), not shouting in capitals next to one "
                             "of name_before or name_after"),
        "name_before": Option("list", [], help="with word_names: words right before a "
                              "name (saw, tickets for, in, from; \"the\" may follow)"),
        "name_after": Option("list", [], help="with word_names: words right after a name "
                             "(tour, tickets, gig, reunion)"),
        "title_before": Option("list", [], help="words after which a run of capitals "
                               "names what is watched, read or seen (watching THE BEAR, "
                               "seeing TAYLOR SWIFT) when it ends the clause or one of "
                               "title_after follows"),
        "title_after": Option("list", [], help="with title_before: words that may follow "
                              "such a title (tonight, in, season, live)"),
        "shout_words": Option("list", [], help="with title_before: words that make a run "
                              "shouting wherever it is (SO, NOTHING, BEST)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.acronyms = {str(a) for a in options["acronyms"]}
        self.acronym_re = regex.compile(options["acronym_pattern"])
        self.not_names = {str(w).lower() for w in options.get("not_names") or ()}
        words = [regex.escape(str(w)) for w in options.get("code_words") or ()]
        # a code word just before a word: "code STRONG", "Code: SPRING", "code 'SAVE'",
        # "the code is SHIBORI" (not a dress code: "the dress code is SMART casual")
        self.code_before = regex.compile(
            r"(?<![\p{L}\p{N}])(?<!dress\s)(?:" + "|".join(words) + r")(?:\s+(?:is|was))?\s*[:=]?\s*"
            r"[\"'“‘]?$",
            regex.IGNORECASE) if words else None
        emphasis = [str(w) for w in options.get("emphasis_words") or ()]
        # a word just before an opening quote that makes the quotes emphasis: is "AMAZING"
        # (a contraction's ending, 's or 're, follows its word's letters)
        whole = "|".join(regex.escape(w) for w in emphasis if w[:1] not in "'’")
        endings = "|".join(regex.escape(w) for w in emphasis if w[:1] in "'’")
        self.emphasis_before = regex.compile(
            r"(?:(?<![\p{L}\p{N}'’])(?:" + (whole or "(?!)") + r")|(?:" + (endings or "(?!)")
            + r"))[ \t]*$", regex.IGNORECASE) if emphasis else None
        # names that are words, in capitals beside a word that says a name comes
        # (seeing OASIS, the QUEEN tribute, a weekend in READING): "you're a QUEEN" shouts
        self.word_names = {" ".join(str(n).upper().split()) for n in
                           options.get("word_names") or ()}
        before = [r"[ \t]+".join(regex.escape(w) for w in str(c).split())
                  for c in options.get("name_before") or ()]
        after = [r"[ \t]+".join(regex.escape(w) for w in str(c).split())
                 for c in options.get("name_after") or ()]
        self.name_before = regex.compile(
            r"(?<![\p{L}\p{N}'’])(?:" + "|".join(before) + r")[ \t]+(?:the[ \t]+)?$",
            regex.IGNORECASE) if before else None
        self.name_after = regex.compile(
            r"(?:['’]s)?[ \t]+(?:" + "|".join(after) + r")(?![\p{L}\p{N}])",
            regex.IGNORECASE) if after else None
        cues = [r"[ \t]+".join(regex.escape(w) for w in str(c).split())
                for c in options.get("title_before") or ()]
        self.title_before = regex.compile(
            r"(?<![\p{L}\p{N}'’])(?:" + "|".join(cues) + r")[ \t]+$",
            regex.IGNORECASE) if cues else None
        ends = [r"[ \t]+".join(regex.escape(w) for w in str(c).split())
                for c in options.get("title_after") or ()]
        self.title_after = regex.compile(
            r"[ \t]+(?:" + "|".join(ends) + r")(?![\p{L}\p{N}])",
            regex.IGNORECASE) if ends else None
        self.shout_words = {str(w).upper() for w in options.get("shout_words") or ()}

    def _is_acronym(self, word: str) -> bool:
        bare = word.replace("’", "'")
        if (bare in self.acronyms or bare.rstrip("s") in self.acronyms
                or any(ch.isdigit() for ch in word) or bool(self.acronym_re.match(word))):
            return True
        return bool(self.opts.get("words_only")) and self._is_code(bare)

    @staticmethod
    def _is_code(word: str) -> bool:
        """A word of up to six letters no dictionary lists (CCNA, CISSP), or short parts
        joined by hyphens (SKU-XL-RED); not a word stretched for emphasis (SOOO, NOOOO)
        or a long made-up one (OMGOMGOMG, WHATCHOO)."""
        if regex.search(r"(\p{L})\1\1", word):
            return False
        parts = word.split("-")
        if len(parts) > 1 and all(len(p) <= 3 for p in parts):
            return True
        from .hashtags import in_dictionary
        return len(word) <= 6 and not all(in_dictionary(p.lower()) for p in parts if p)

    def check(self, post):
        text = post.prose
        if not self.context.search(_TWO_CAPITALS, text):
            return
        tags, next_tag = entities.tags(text), 0
        run: list = []
        for m in _capital_words(text):
            while next_tag < len(tags) and tags[next_tag].end <= m.start():
                next_tag += 1
            if next_tag < len(tags) and tags[next_tag].start < m.end():  # in a tag
                yield from self._judge(run, text)
                run = []
                continue
            word = m.group(0)
            if word.isascii():  # (its letters are its cased characters)
                capital = word.isupper()
            else:
                letters = [ch for ch in word if ch.isalpha()]
                capital = bool(letters) and all(ch.isupper() for ch in letters)
            joined = run and _GAP.fullmatch(text, run[-1].end(), m.start())
            if capital and (joined or not run):
                run.append(m)
                continue
            yield from self._judge(run, text)
            run = [m] if capital else []
        yield from self._judge(run, text)

    def _is_label(self, run, text: str) -> bool:
        """One word that starts a line and ends at a colon ("UPDATE:"), perhaps after a
        thread's number or an emoji ("1/ THREAD:", "🧵 THREAD:")."""
        start, end = run[0].start(), run[-1].end()
        return (len(run) == 1 and text.startswith(":", end)
                and _LINE_START.fullmatch(text[text.rfind("\n", 0, start) + 1:start])
                is not None)

    @staticmethod
    def _in_slot(run, text: str) -> bool:
        """Whether the run fills a template slot on its own ("[PARTNER NAME]", "{{FIRST
        NAME}}", "<LINK>"): a label for what goes there, which `placeholder` reports."""
        opened = _SLOT_OPEN.search(text, max(0, run[0].start() - 40), run[0].start())
        closed = opened and _SLOT_CLOSE.match(text, run[-1].end(), run[-1].end() + 40)
        return bool(closed) and closed.group(1) == _CLOSING[opened.group(1)]

    def _is_typed_code(self, run, text: str) -> bool:
        """One word just after a code word ("use code STRONG"): a code to type."""
        start = run[0].start()
        return (len(run) == 1 and self.code_before is not None
                and self.code_before.search(text, max(0, start - 30), start) is not None)

    def _is_quotation(self, run, text: str) -> bool:
        """Whether the run lies inside a quotation with no lower-case letter in it
        ("CLOSED", 'UNKNOWN CALLER', “SOLD OUT!”, "THE SUBTLE ART OF NOT GIVING A F*CK"),
        on one line: an opening quote mark before it that follows no letter, and its
        closing one after it that no letter follows (an apostrophe, IT'S, is neither).
        Quotes right after one of `emphasis_words` (is, so, really) mark emphasis."""
        start, end = run[0].start(), run[-1].end()
        i = start - 1
        while i >= 0 and text[i] not in _QUOTES and text[i] != "\n" \
                and not text[i].islower():
            i -= 1
        if i < 0 or text[i] not in _QUOTES or i and text[i - 1].isalpha():
            return False
        if self.emphasis_before is not None and \
                self.emphasis_before.search(text, max(0, i - 30), i) is not None:
            return False  # scare quotes for emphasis: it is "AMAZING", we're "SO" excited
        closing = _QUOTES[text[i]]
        j = end
        while j < len(text) and text[j] != closing and text[j] != "\n" \
                and not text[j].islower():
            j += 1
        return j < len(text) and text[j] == closing \
            and not (j + 1 < len(text) and text[j + 1].isalpha())

    def _is_name(self, word: str) -> bool:
        """A word the CMU Pronouncing Dictionary lists (it holds some 40,000 names) but
        simplemma's English word forms do not (they are words, written in lower case): the
        name of a band, a place or a person (METALLICA, LISBON, BEYONCE); not a word with
        its g dropped (TALKIN is "talking")."""
        if not (self.opts.get("names") and word.isascii() and word.isalpha()):
            return False
        key = word.lower()
        if key in self.not_names:
            return False
        forms = english_forms()
        if key.endswith("in") and key + "g" in forms:
            return False  # a dropped g, as speech is spelled: TALKIN, NOTHIN
        return in_dictionary(key) and key not in forms

    def _is_title(self, run, text: str) -> bool:
        """Whether the run names what is watched, read, seen or heard: one of
        `title_before` right before it, the clause's end (a mark, a line's end) or one
        of `title_after` right after it, and none of `shout_words` in it ("watching THE
        BEAR season 3", "seeing TAYLOR SWIFT tonight"; not "saw SO MANY people")."""
        if self.title_before is None or len(run) > 4 or any(
                m.group(0).upper().replace("’", "'") in self.shout_words for m in run):
            return False
        start, end = run[0].start(), run[-1].end()
        if self.title_before.search(text, max(0, start - 40), start) is None:
            return False
        rest = text[end:end + 40]
        after = rest.lstrip(" \t")[:1]
        # (the clause ends: a mark, the line's end, an emoji; not a word, a quote or "&")
        return not after or after in ".,;:!?)\n" or not (after.isalnum() or after in
                                                         "'’\"“‘&+-/@#$") \
            or self.title_after is not None and self.title_after.match(rest) is not None

    def _is_word_name(self, run, text: str) -> bool:
        """Whether the run is one of `word_names` (a leading THE aside: "THE CURE"), or a
        list of them ("ELBOW, THE CORAL"), with one of `name_before` right before it or
        one of `name_after` right after it."""
        # (a list of them, split at its commas: "ELBOW, THE CORAL, KEANE")
        parts, part = [], [run[0]]
        for before, m in zip(run, run[1:]):
            if regex.search(r"[,;&+]", text[before.end():m.start()]):
                parts.append(part)
                part = []
            part.append(m)
        parts.append(part)
        for part in parts:
            words = [m.group(0).upper() for m in part]
            if words and words[0] == "THE" and len(words) > 1:
                words = words[1:]
            if " ".join(w.replace("’", "'") for w in words) not in self.word_names:
                return False
        start, end = run[0].start(), run[-1].end()
        return (self.name_before is not None
                and self.name_before.search(text, max(0, start - 40), start) is not None
                or self.name_after is not None
                and self.name_after.match(text, end, min(len(text), end + 40)) is not None)

    _MODEL = regex.compile(r"(?i)(?=[a-z]*\d)[a-z]{0,4}\d{1,5}[a-z]{0,3}")
    _NOT_MODEL = regex.compile(r"(?i)\d{1,2}(?:am|pm|h|hrs?|th|st|nd|rd)")
    _MODEL_AFTER = regex.compile(r"[ \t]+((?=[A-Za-z]{0,4}\d)[A-Za-z]{0,4}\d{1,5}[A-Za-z]{0,3})\b(?![%.,:/]?\d)(?!\s*%)")
    _MODEL_BEFORE = regex.compile(r"(?<![$£€#\d.,])\b((?=[A-Za-z]{0,6}\d)[A-Za-z]{0,6}\d{1,5}[A-Za-z]{0,3})[ \t]+$")
    _NAME_BEFORE = regex.compile(r"(\S+)[ \t]+$")

    def _is_model(self, run, text: str) -> bool:
        """Whether the run is a product's name with its model number, as makers write
        them in capitals ("NIKE AIR MAX 90", "iPhone 15 PRO MAX", "GALAXY S24 ULTRA",
        "MACBOOK PRO M3 MAX"): at most four words, none of `shout_words` nor a function
        word (`not_in_names`), and a model number in it or right beside it (not a price, a percentage, a
        time or a date: "DOORS OPEN 7PM" still shouts)."""
        words = [m.group(0).upper().replace("’", "'") for m in run]
        not_in = {str(w).upper() for w in self.opts.get("not_in_names") or ()}
        if len(run) > 4 or any(w in self.shout_words or w in not_in for w in words):
            return False
        def model(token: str) -> bool:  # (a time or an ordinal is no model: 7PM, 5TH)
            return bool(self._MODEL.fullmatch(token)) and not self._NOT_MODEL.fullmatch(token)
        if any(any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w) and model(w)
               for w in words):
            return True
        start, end = run[0].start(), run[-1].end()
        # (a bare number after one word counts, "NUMBER 1", "DAY 3", "TOP 10"; one before
        # is a model only after a name with a capital, "iPhone 15 PRO", not "finish 09
        # STRONG")
        after = self._MODEL_AFTER.match(text, end, min(len(text), end + 12))
        if after and model(after.group(1)) and (len(run) > 1 or not after.group(1).isdigit()):
            return True
        before = self._MODEL_BEFORE.search(text, max(0, start - 14), start)
        if not before or not model(before.group(1)):
            return False
        if not before.group(1).isdigit():
            return True
        name = self._NAME_BEFORE.search(text, max(0, before.start() - 30), before.start())
        return bool(name and any(ch.isupper() for ch in name.group(1)))

    def _judge(self, run, text: str):
        if not run or self.opts.get("labels") and self._is_label(run, text) \
                or self.opts.get("model_names") and self._is_model(run, text) \
                or self._in_slot(run, text) or self._is_typed_code(run, text) \
                or self.opts.get("quoted") and self._is_quotation(run, text) \
                or self.word_names and self._is_word_name(run, text) \
                or self._is_title(run, text):
            return
        words = [m.group(0) for m in run]
        long_words = [w for w in words if sum(ch.isalpha() for ch in w) >= 2]
        loud = [w for w in long_words if not self._is_acronym(w)]
        if not loud or all(self._is_name(w) for w in loud):
            return  # (names alone: "saw METALLICA last night", "two nights in MADRID")
        if len(loud) >= self.opts["min_run"] or any(
                sum(ch.isalpha() for ch in w) >= self.opts["min_letters"] for w in loud):
            # Trim single letters (I, A) at the edges of the span.
            while run and sum(ch.isalpha() for ch in run[0].group(0)) < 2:
                run = run[1:]
            while run and sum(ch.isalpha() for ch in run[-1].group(0)) < 2:
                run = run[:-1]
            yield Match(run[0].start(), run[-1].end(), {"words": len(run)})


@hookimpl
def postlint_rule_types():
    return [Caps]
