"""`disclosure`: a post that needs a clear disclosure (sponsorship, a "views are my own"
disclaimer) when a trigger appears.

A disclosure counts only when it is not buried in the trailing block of hashtags (at
least `buried_min` of them) and, for a draft whose front matter names a platform with a
`fold`, when it starts before the fold. `weak` terms (`#sp`, `#spon`) never count; the
message says which problem applies through `{problem}` (one of the `say_*` options, in
which `{found}` is the disclosure or weak tag that was found). `url_triggers` are
regexes searched in each link of the raw text (`amzn.to/`, `?tag=`), the links being
the URLs, with or without scheme, that `entities.urls` finds; a link to one of
`own_domains` (the brand's own site, `{from: brand.domains}`) is never one. The trailing
block is found with `entities.tags`, so `bad#ad` or an email address ends it.
`announcements` are triggers that no disclosure makes right (`say_announcement`): a
"views are my own" line does not make company news yours to announce. `own_offers`
(set by a profile that speaks for a brand) are triggers that are the account's own offer:
a brand's "use code SPRING20" is its own sale, not an endorsement. `self_offers` are the
same on any profile, in a post that holds one of `own_signs`: words that say the goods are
the author's own ("our shop", "my Etsy store", "I made these"), so "Link in bio to shop"
under a maker's personal profile sells their own work, while "Link in bio to shop" under
"Obsessed with this blush from @glowco" is an affiliate push. With `endorsement_signs`, a
self offer in a post that holds none of them (no handle, no "from Brand", no "obsessed
with") is the author's own too: a bare "Use code FLOOD20 for 20% off everything" names
no one else's goods.
`gift_disclosures` ("gifted by @brand", "#gifted") say a product was free, and count as
a disclosure only when the post has none of `paid_triggers` (a code or link that earns
the author money, or one of `url_triggers`): a gift label does not tell readers that the
author is paid for each sale (`say_gift`).
`name_codes` are regexes whose group `word` holds the letters of a discount code
(`EMMA20`): a code whose letters are no common English word (the Dale-Chall list that
language detection reads, give or take a plural or two such words run together) nor one
of `code_words` (occasions: XMAS, BFCM) names a person, so a self offer in a post that
holds one is a creator's code, not the shop's own, unless an own sign says otherwise
("Use code EMMA20 for 20% off" flags; "Use code SUMMER20" and "Use code FLOOD20" do not).
With `dictionary_words`, letters that simplemma's English dictionary holds (ESPRESSO,
GELATO, CYCLING), or a common word run together with one of five letters or more
(GLUTENFREE), are a word too, unless they are one of `name_words` (first names the
dictionary also lists: LUNA, JAKE, HOLLY), so a bakery's "Use code ESPRESSO15" is its
own offer while "Use code LUNA10" stays a creator's. With `person_names` (given names),
letters that are no word name a person only when they are one of those names (or one
with an initial or two, SARAHJ10): a code of a word no dictionary holds (MACRAME20,
KOMBUCHA15), or of one the post writes in lower case ("our kombucha"), is the shop's.
`trigger_shapes` are triggers that are regexes whatever `regex` says: the sentence shapes
that a language's word list cannot hold ("gracias a @marca por el regalo", where any
handle comes between the words).
"""

from __future__ import annotations

import unicodedata

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from ..text import entities
from ..text.language import common_english, english_forms
from . import terms
from .base import MATCHING_OPTIONS, Check, Match, Option, word_pattern

_TOKEN = regex.compile(r"\S+")
_SEPARATORS = ".,;:!·|-–—"


class Disclosure(Check):
    """A trigger without a clear, visible disclosure in the same post."""

    type_name = "disclosure"
    values = ("problem",)
    options = {
        "triggers": Option("list", required=True, help="what makes a disclosure necessary"),
        "trigger_shapes": Option("list", [], help="triggers that are regexes whatever `regex` "
                                 "says (sentence shapes a word list cannot hold)"),
        "url_triggers": Option("list", [], help="regexes searched in each link (URLs with "
                                                "or without scheme)"),
        "disclosures": Option("list", required=True, help="what counts as a disclosure"),
        "weak": Option("list", [], help="tags that look like a disclosure but are not one"),
        "gift_disclosures": Option("list", [], help="disclosures of a free product only, which "
                                   "do not cover `paid_triggers`"),
        "paid_triggers": Option("list", [], help="triggers that mean the author earns from the "
                                "post (a code, an affiliate link): a gift disclosure is not "
                                "enough for them"),
        "announcements": Option("list", [], help="triggers that no disclosure makes right"),
        "own_domains": Option("list", [], help="domains whose links are never url_triggers"),
        "own_offers": Option("list", [], help="triggers that are the account's own offer, not "
                             "an endorsement (a brand's own promo code), for a profile that "
                             "speaks for the brand"),
        "self_offers": Option("list", [], help="triggers that are the author's own offer in a "
                              "post that holds one of `own_signs`, on any profile"),
        "own_signs": Option("list", [], help="words that say the goods are the author's own "
                            "(our shop, my Etsy store, I made these)"),
        "endorsement_signs": Option("list", [], help="words that say the post speaks of "
                                    "another's goods (a handle, 'from Brand', 'obsessed with'): "
                                    "a self offer in a post with none of them is the author's "
                                    "own too (empty: not used)"),
        "name_codes": Option("list", [], help="regexes whose group `word` is a discount "
                             "code's letters: a code that is no common word nor one of "
                             "`code_words` (EMMA20, not SUMMER20) is a creator's, so a self "
                             "offer beside it is no own offer"),
        "code_words": Option("list", [], help="letters of a code that name no person "
                             "(occasions the common-word list lacks: XMAS, BFCM)"),
        "dictionary_words": Option("bool", False, help="a code's letters that simplemma's "
                                   "English dictionary holds (about 180,000 word forms) are a "
                                   "word too (ESPRESSO15, GELATO10), unless one of "
                                   "`name_words`"),
        "name_words": Option("list", [], help="first names that the English dictionary also "
                             "holds (LUNA, JAKE): a code made of one stays a person's"),
        "person_names": Option("list", [], help="given names: a code that is no word is a "
                               "person's only when its letters are one of them, or one with "
                               "an initial or two (EMMA20, SARAHJ10); other letters are the "
                               "shop's own word (MACRAME20, KOMBUCHA15). Empty: every code "
                               "that is no word is a person's"),
        "buried_min": Option("int", 3, low=0, help="hashtags in a trailing block that hides a "
                                            "disclosure (0: never hidden)"),
        "fold": Option("mapping", {}, help="platform -> characters visible before 'more'"),
        "regex": Option("bool", False, help="triggers and disclosures are regular expressions"),
        "ignorecase": Option("bool", True, help="match regardless of case"),
        "forms": MATCHING_OPTIONS["forms"],
        "say_missing": Option("template", "there is no disclosure", names=(),
                              help="what {problem} says when no disclosure is found"),
        "say_weak": Option("template", "'{found}' is not a clear disclosure", names=("found",),
                           help="what {problem} says when only a weak tag is found"),
        "say_buried": Option("template", "'{found}' is buried in the trailing hashtags",
                             names=("found", "fold"),
                             help="what {problem} says for a disclosure among trailing tags"),
        "say_fold": Option("template", "'{found}' comes after the fold ({fold} characters)",
                           names=("found", "fold"),
                           help="what {problem} says when the disclosure starts after the fold"),
        "say_announcement": Option("template", "no disclosure makes this yours to announce",
                                   names=(),
                                   help="what {problem} says for one of `announcements`"),
        "say_gift": Option("template", "'{found}' says it was a gift, not that you earn from it",
                           names=("found",),
                           help="what {problem} says when a gift disclosure meets a paid "
                           "trigger"),
        "disclose_with": Option("str", "#ad", help="the disclosure a message names as the "
                                "fix ({disclose_with}): one readers of the post's language "
                                "know (#anzeige, #publicidad)"),
    }

    @classmethod
    def problems(cls, options):
        for key in ("triggers", "disclosures", "weak", "announcements", "own_domains",
                    "own_offers", "gift_disclosures", "paid_triggers", "trigger_shapes",
                    "self_offers", "own_signs", "endorsement_signs", "name_words",
                    "person_names"):
            yield from terms.problems(options.get(key), key)
        shapes = [t for t in options.get("trigger_shapes") or () if isinstance(t, str)]
        problem = shapes and word_pattern(shapes, is_regex=True).problem()
        if problem:
            yield "trigger_shapes", problem
        for pattern in options.get("name_codes") or ():
            try:
                compiled = regex.compile(str(pattern))
            except regex.error as exc:
                yield "name_codes", f"invalid regular expression {pattern!r}: {exc}"
                continue
            if "word" not in compiled.groupindex:
                yield "name_codes", f"{pattern!r} has no group named 'word'"
        for pattern in options.get("url_triggers") or ():
            try:
                regex.compile(str(pattern))
            except regex.error as exc:
                yield "url_triggers", f"invalid regular expression {pattern!r}: {exc}"

    def __init__(self, options, context):
        super().__init__(options, context)
        (self.triggers, self.disclosures, self.weak, self.announcements, self.own_offers,
         self.gifts, self.paid, self.self_offers, self.own_signs, self.endorsing) = (
            word_pattern(terms.expand(options[key], context.config, options["regex"]),
                         ignorecase=options["ignorecase"], is_regex=options["regex"],
                         forms=options.get("forms", "inflected"), lang=context.lang)
            for key in ("triggers", "disclosures", "weak", "announcements", "own_offers",
                        "gift_disclosures", "paid_triggers", "self_offers", "own_signs",
                        "endorsement_signs"))
        self.shapes = word_pattern(
            terms.expand(options["trigger_shapes"], context.config, True),
            ignorecase=options["ignorecase"], is_regex=True, lang=context.lang)
        self.own = tuple(d.casefold().strip().lstrip(".") for d in
                         terms.expand(options["own_domains"], context.config, False) if d.strip())
        codes = [str(p) for p in options["name_codes"]]
        self.name_codes = regex.compile("|".join(f"(?:{p})" for p in codes), regex.V0) \
            if codes else None
        self.code_words = frozenset(str(w).casefold() for w in options["code_words"])
        self.dictionary = options["dictionary_words"]
        self.name_words = frozenset(w.casefold() for w in terms.expand(
            options["name_words"], context.config, False))
        self.person_names = frozenset(w.casefold() for w in terms.expand(
            options["person_names"], context.config, False))
        urls = [str(p) for p in options["url_triggers"]]
        self.gated = not urls  # (links are searched apart from the word lists)
        self.urls = regex.compile("|".join(f"(?:{p})" for p in urls), regex.I) if urls else None

    def check(self, post):
        prose = post.prose
        news = self.context.search(self.announcements, prose) if self.announcements else None
        if news is not None:
            yield Match(news.start(), news.end(),
                        {"problem": fill(self.opts["say_announcement"], {})})
            return
        trigger = self._trigger(prose)
        start = 0
        linked = None
        if self.urls is not None and (trigger is None or self.gifts is not None):
            for link in entities.iter_urls(post.text):
                if self._own(link.text):
                    continue
                linked = self.context.search(self.urls, link.text)
                if linked:
                    if trigger is None:
                        trigger, start = linked, link.start
                    break
        if trigger is None:
            return
        paid = self.gifts is not None and (
            linked is not None or (self.paid is not None
                                   and self.context.search(self.paid, prose) is not None))
        problem = self.problem(post, prose, paid)
        if problem:
            yield Match(start + trigger.start(), start + trigger.end(), {"problem": problem})

    def _trigger(self, prose: str):
        """The first trigger (or trigger shape) in `prose` that is not one of `own_offers`
        (nor of `self_offers`, in a post that holds one of `own_signs`)."""
        signed: list = []  # whether the post holds an own sign, found on a first self offer
        found = [m for m in (self._first(pattern, prose, signed)
                             for pattern in (self.triggers, self.shapes)) if m is not None]
        return min(found, key=lambda m: m.start()) if found else None

    def _first(self, pattern, prose: str, signed: list):
        """The first match of `pattern` in `prose` that is not the account's own offer."""
        if pattern is None:
            return None
        if self.own_offers is None and self.self_offers is None:
            return self.context.search(pattern, prose)
        return next((m for m in self.context.finditer(pattern, prose)
                     if not self._own_offer(m.group(), prose, signed)), None)

    def _own_offer(self, trigger: str, prose: str, signed: list) -> bool:
        search = self.context.search
        if self.own_offers is not None and search(self.own_offers, trigger) is not None:
            return True
        if self.self_offers is None or self.own_signs is None and self.endorsing is None \
                or search(self.self_offers, trigger) is None:
            return False
        if not signed:
            # (the author's own goods, said so, or no one else's named: "Use code FLOOD20 for
            # 20% off everything this weekend")
            signed.append(self.own_signs is not None and search(self.own_signs, prose) is not None
                          or self.endorsing is not None and search(self.endorsing, prose) is None
                          and not self._name_code(prose))
        return signed[0]

    def _name_code(self, prose: str) -> bool:
        """Whether `prose` holds a discount code made of a person's name (EMMA20): its
        letters are none of the common English words, nor one of `code_words`, nor two of
        them run together (BLACKFRIDAY), nor a word the post itself writes in lower case
        (a bakery's "fresh kombucha ... code KOMBUCHA15"); with `person_names`, they are
        one of those names too (or one with an initial or two: SARAHJ10), so a code of an
        uncommon word (MACRAME20, SHIBORI15) is the shop's own, not a creator's."""
        if self.name_codes is None:
            return False
        told: set | None = None
        for m in self.name_codes.finditer(prose):
            letters = (m.group("word") or "").casefold()
            if not letters or self._word_like(letters):
                continue
            if told is None:
                told = _lower_words(prose)
            if letters in told or letters + "s" in told:
                continue  # (the post's own word for its goods: "our kombucha")
            if self._person(letters):
                return True
        return False

    def _person(self, letters: str) -> bool:
        """Whether a code's letters (no word) name a person."""
        names = self.person_names
        if not names or letters in self.name_words:
            return True
        return letters in names or any(
            letters[:-k] in names for k in (1, 2) if len(letters) - k >= 3)

    def _word_like(self, letters: str) -> bool:
        words, own = common_english(), self.code_words

        def common(w):
            return w in words or w in own or (w.endswith("s") and (w[:-1] in words
                                                                   or w[:-1] in own))

        def rarer(w):  # (ESPRESSO, GELATO; not a name the dictionary holds, LUNA)
            return self.dictionary and w not in self.name_words and _dictionary_word(w)

        # (two common words of three letters or more: BLACKFRIDAY, NEWYEAR; not EM+MA; or a
        # common word and a rarer one of five letters or more, GLUTENFREE; not TIFF+ANY)
        return common(letters) or len(letters) >= 3 and rarer(letters) or any(
            common(a) and (common(b) or len(b) >= 5 and rarer(b))
            or common(b) and len(a) >= 5 and rarer(a)
            for a, b in ((letters[:i], letters[i:]) for i in range(3, len(letters) - 2)))

    def _own(self, url: str) -> bool:
        """Whether `url` points at one of `own_domains` (or a subdomain of one)."""
        if not self.own:
            return False
        host = regex.sub(r"^[a-z][\w+.-]*://", "", url.casefold(), count=1)
        host = regex.split(r"[/?#:]", host, maxsplit=1)[0]
        return any(host == d or host.endswith("." + d) for d in self.own)

    def problem(self, post, prose: str, paid: bool = False) -> str | None:
        """Why the post's disclosure is not clear enough (None: it is); `paid`: the post
        earns its author money, which a gift disclosure does not say."""
        found = list(self.context.finditer(self.disclosures, prose)) if self.disclosures else []
        gifts = list(self.context.finditer(self.gifts, prose)) if self.gifts else []
        if not paid:
            found = sorted(found + gifts, key=lambda m: m.start())
        block = self._trailing_block(prose)
        fold = self._fold(post)
        lead = len(prose) - len(prose.lstrip())
        first_problem = None
        for m in found:
            if m.start() >= block:
                problem = self.opts["say_buried"]
            elif fold is not None and m.start() - lead >= fold:
                problem = self.opts["say_fold"]
            else:
                return None
            first_problem = first_problem or fill(problem, {"found": m.group(0), "fold": fold})
        if first_problem:
            return first_problem
        if paid and gifts:
            return fill(self.opts["say_gift"], {"found": gifts[0].group(0)})
        weak = self.context.search(self.weak, prose) if self.weak else None
        if weak:
            return fill(self.opts["say_weak"], {"found": weak.group(0)})
        return fill(self.opts["say_missing"], {})

    def _trailing_block(self, prose: str) -> int:
        """Start of the trailing run of hashtags and mentions (words that are one of them,
        give or take separators, or only separators), when it holds at least
        `buried_min` hashtags (else the end of the text)."""
        if not self.opts["buried_min"]:
            return len(prose)
        kinds = {(e.start, e.end): e.kind for e in entities.tags(prose)}
        start, hashtags = len(prose), 0
        for token in reversed(list(_TOKEN.finditer(prose))):
            word = token.group(0)
            core = word.strip(_SEPARATORS)
            if core:
                at = token.start() + word.index(core)
                kind = kinds.get((at, at + len(core)))
                if kind not in ("hashtag", "mention"):
                    break
                hashtags += kind == "hashtag"
            start = token.start()
        return start if hashtags >= self.opts["buried_min"] else len(prose)

    def _fold(self, post) -> int | None:
        meta = post.draft.front_matter
        names = list(meta.get("platforms") or ()) + ([meta["platform"]] if meta.get("platform")
                                                      else [])
        folds = [self.opts["fold"][n] for n in names if n in (self.opts["fold"] or {})]
        return min(folds) if folds else None


_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{M}]*")


def _lower_words(prose: str) -> set:
    """The words `prose` writes in lower case, folded to ASCII letters where they can be
    ("macramé" is "macrame")."""
    out = set()
    for m in _LOWER_WORD.finditer(prose):
        folded = unicodedata.normalize("NFKD", m.group()).casefold()
        out.add("".join(ch for ch in folded if not unicodedata.combining(ch)))
    return out


def _dictionary_word(word: str) -> bool:
    """Whether simplemma's English dictionary holds `word` (False on a damaged install)."""
    try:
        return word in english_forms()
    except (ValueError, KeyError, OSError):  # pragma: no cover - a damaged install
        return False


@hookimpl
def postlint_rule_types():
    return [Disclosure]
