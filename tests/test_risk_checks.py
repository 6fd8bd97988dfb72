"""Unit tests of the rule types behind the risk rules: lexicon, near, disclosure, the
term lists that read the config, and the validators."""

from __future__ import annotations

import pytest

from postlint.checks import terms
from postlint.checks.base import Context, Match
from postlint.checks.disclosure import Disclosure
from postlint.checks.lexicon import Lexicon
from postlint.checks.near import Near
from postlint.text.draft import Draft
from postlint.lint.engine import clamp
from postlint.checks.validators import card, luhn, us_ssn


def build(check_type, config=None, functions=None, **options):
    opts = {k: spec.default for k, spec in check_type.options.items()}
    opts.update(options)
    assert list(check_type.problems(opts)) == []
    return check_type(opts, Context(config=config or {}, functions=functions or {}))


def spans(check, text):
    post = Draft.from_text(text).posts[0]
    return [(text[m.start:m.end], m.values) for m in check.check(post)]


@pytest.mark.parametrize("number, valid", [
    ("4111 1111 1111 1111", 1.0), ("4111-1111-1111-1112", 0.0), ("378282246310005", 1.0),
    ("0000 0000 0000 0000", 0.0), ("1234", 0.0)])
def test_luhn(number, valid):
    assert luhn(number) == valid


@pytest.mark.parametrize("number, valid", [
    ("4111 1111 1111 1111", 1.0), ("378282246310005", 1.0), ("6011 1111 1111 1117", 1.0),
    ("5555 5555 5555 4444", 1.0), ("2223 0031 2200 3222", 1.0),
    # Luhn-valid by chance, but no card starts so: a number dialled with 00, a gift card
    ("00441212345678", 0.0), ("9000 1234 5678 9016", 0.0), ("4111 1111 1111 1112", 0.0)])
def test_card_is_luhn_and_a_card_industry_digit(number, valid):
    assert card(number) == valid


@pytest.mark.parametrize("number, valid", [
    ("123-45-6789", 1.0), ("000-12-3456", 0.0), ("666-12-3456", 0.0), ("912-12-3456", 0.0),
    ("123-00-4567", 0.0), ("123-45-0000", 0.0), ("12-345-678", 0.0)])
def test_us_ssn(number, valid):
    assert us_ssn(number) == valid


def test_terms_expand_reads_config_and_formats():
    config = {"work": {"employer": "Acme Corp", "clients": ["Initech", "Umbrella"]}}
    items = ["plain", {"from": "work.clients"},
             {"from": "work.employer", "format": ["we at {term}"]}, {"from": "work.missing"}]
    assert terms.expand(items, config, False) == \
        ["plain", "Initech", "Umbrella", "we at Acme Corp"]
    assert terms.expand(items[2:3], config, True) == [r"we at Acme\s+Corp"]


def test_terms_problems_reject_bad_items():
    assert list(terms.problems([{"from": 3}], "tokens"))
    assert list(terms.problems([["nested"]], "tokens"))
    assert list(terms.problems(["ok", {"from": "a.b", "format": ["{term}"]}], "tokens")) == []


def test_lexicon_groups_carry_values_levels_and_suggestions():
    check = build(Lexicon, entries=[
        {"tokens": ["darn"], "max_level": "warning", "values": {"kind": "mild"}},
        {"swap": {"blacklist": "blocklist"}, "values": {"kind": "try '{suggestion}'"}},
    ])
    assert spans(check, "Darn, the blacklist again.") == [
        ("Darn", {"suggestion": "", "kind": "mild"}),
        ("blacklist", {"suggestion": "blocklist", "kind": "try 'blocklist'"}),
    ]
    post = Draft.from_text("Darn, the blacklist again.").posts[0]
    assert [(m.min_level, m.max_level) for m in check.check(post)] == [
        (None, "warning"), (None, None)]


def test_lexicon_validator_span_group_and_overlaps():
    check = build(Lexicon, regex=True, functions={"luhn": luhn}, entries=[
        {"tokens": [r"\d{4}(?: \d{4}){3}"], "validate": "luhn", "values": {"kind": "card"}},
        {"tokens": [r"\d{3} \d{4}"], "values": {"kind": "short"}},
        {"tokens": [r"ref (?P<span>[A-Z]{3})"], "values": {"kind": "ref"}},
    ])
    text = "Card 4111 1111 1111 1111, bad 4111 1111 1111 1112, ref ABC."
    assert [(hit, v["kind"]) for hit, v in spans(check, text)] == [
        ("4111 1111 1111 1111", "card"), ("ABC", "ref")]


def test_lexicon_unknown_validator_is_a_value_error():
    with pytest.raises(ValueError, match="unknown validate function 'nope'"):
        build(Lexicon, entries=[{"tokens": ["x"], "validate": "nope"}])


def test_lexicon_problems_name_the_group():
    bad = {"entries": [{"tokens": ["a"], "swap": {"b": "c"}}, {"tokens": ["("], "regex": True},
                       {"words": ["x"]}]}
    messages = [m for _, m in Lexicon.problems(bad)]
    assert any("entries[0]: give either 'tokens' or 'swap'" in m for m in messages)
    assert any("entries[1]: invalid regular expression" in m for m in messages)
    assert any("entries[2]: unknown key(s) words" in m for m in messages)


def test_lexicon_not_in_phrases_keep_a_token_unflagged_inside_them():
    check = build(Lexicon, entries=[
        {"swap": {"dumb": "silly"}, "not_in": [r"(?<!what\s)a\s+dumb\s+question"]}])
    assert [hit for hit, _ in spans(check, "Maybe a dumb question: why?")] == []
    assert [hit for hit, _ in spans(check, "What a dumb question. You're dumb.")] == \
        ["dumb", "dumb"]
    bad = {"entries": [{"swap": {"a": "b"}, "not_in": ["("]}, {"tokens": ["a"], "not_in": "x"}]}
    messages = [m for _, m in Lexicon.problems(bad)]
    assert any("entries[0].not_in: invalid regular expression" in m for m in messages)
    assert any("entries[1].not_in: expected a list of regexes" in m for m in messages)


def test_disclosure_trigger_shapes_are_regexes_beside_a_word_list():
    check = build(Disclosure, triggers=["gracias por el regalo"], disclosures=["#publi"],
                  trigger_shapes=[r"gracias\s+a\s+@\w+\s+por\s+el\s+regalo"])
    assert [hit for hit, _ in spans(check, "Gracias a @marca por el regalo!")] == \
        ["Gracias a @marca por el regalo"]
    assert spans(check, "#publi Gracias a @marca por el regalo!") == []
    assert spans(check, "Gracias a @marca por la invitación.") == []
    assert any(k == "trigger_shapes" for k, _ in Disclosure.problems(
        {"triggers": [], "disclosures": [], "trigger_shapes": ["("]}))


def test_lexicon_reads_configured_names_case_sensitively():
    check = build(Lexicon, config={"work": {"codenames": ["Bluebird"]}},
                  entries=[{"tokens": [{"from": "work.codenames"}], "ignorecase": False}])
    assert [hit for hit, _ in spans(check, "Bluebird, not a bluebird.")] == ["Bluebird"]


def test_clamp_bounds_the_profile_level():
    assert clamp("info", Match(0, 1, min_level="error")) == "error"
    assert clamp("error", Match(0, 1, max_level="warning")) == "warning"
    assert clamp("warning", Match(0, 1)) == "warning"


def test_near_within_words_and_same_sentence():
    check = build(Near, within=3, pairs=[{"first": ["layoffs"], "second": ["ahead of"]}])
    assert [(h, v["other"]) for h, v in spans(check, "Layoffs are coming ahead of Friday.")] == \
        [("Layoffs", "ahead of")]
    assert spans(check, "Layoffs are coming, many of them, ahead of Friday.") == []
    assert spans(check, "Layoffs happened. Ahead of us lies work.") == []


def test_near_finds_the_close_pairs_among_many_far_apart():
    """Only the companions within reach are tried: the first of them in text order is
    the one reported, on either side, with the gap's words counted as in a short post."""
    check = build(Near, within=2, same_sentence=False,
                  pairs=[{"first": ["layoffs"], "second": ["sell", "buy now"]}])
    far = " word" * 3
    text = ("sell" + far + " layoffs" + far + " ") * 50 + "layoffs, buy now! sell x x " \
        "layoffs sell-off" + far * 20 + " layoffs"
    found = [(h, v["other"]) for h, v in spans(check, text)]
    assert found == [("layoffs", "buy now"), ("layoffs", "sell")]
    assert [(h, v["other"]) for h, v in spans(check, "sell a b layoffs c d sell")] == \
        [("layoffs", "sell")]
    assert spans(check, "sell a b c layoffs d e f sell") == []


def test_near_function_scores_the_sentence():
    check = build(Near, functions={"score": lambda s: -1.0 if "awful" in s else 0.0},
                  pairs=[{"first": ["my boss"], "function": "score", "below": -0.5}])
    assert [(h, v["other"]) for h, v in spans(check, "Fine day. My boss is awful.")] == \
        [("My boss", "score -1.00")]
    assert spans(check, "My boss is fine. The food was awful.") == []


def test_near_unless_a_term_is_in_the_sentence():
    check = build(Near, functions={"score": lambda s: -1.0 if "sad" in s else 0.0},
                  pairs=[{"first": ["our colleague"], "function": "score", "below": -0.5,
                          "unless": ["passed away"]}])
    assert spans(check, "Our colleague Sam passed away; we are sad. Our colleague is sad.") \
        == [("Our colleague", {"other": "score -1.00"})]


def test_near_problems():
    messages = [m for _, m in Near.problems({"pairs": [{"first": ["a"]},
                                                       {"first": ["a"], "function": "f"}]})]
    assert "pairs[0]: give either 'second' or 'function' with 'below'" in messages
    assert "pairs[1].below: expected a number" in messages


def disclosure(**options):
    base = dict(triggers=["use my code"], disclosures=["#ad"], weak=["#sp"])
    base.update(options)
    return build(Disclosure, **base)


@pytest.mark.parametrize("text, problem", [
    ("Use my code X1.", "there is no disclosure"),
    ("Use my code X1. #sp", "'#sp' is not a clear disclosure"),
    ("Use my code X1. #a #b #ad", "'#ad' is buried in the trailing hashtags"),
    ("Use my code X1. #adventure", "there is no disclosure"),
    ("#ad Use my code X1. #a #b #c", None),
    ("Use my code X1 #ad, thanks!", None),
    ("Nothing to see. #ad", None),
])
def test_disclosure_problems(text, problem):
    found = spans(disclosure(), text)
    assert [v["problem"] for _, v in found] == ([problem] if problem else [])


def test_disclosure_own_offers_are_not_triggers():
    check = disclosure(triggers=["use my code", "use code"], own_offers=["use code"])
    assert spans(check, "Our sale is on: use code SPRING at checkout.") == []
    assert [hit for hit, _ in spans(check, "Use code SPRING, or use my code JO.")] == \
        ["use my code"]


def test_disclosure_fold_uses_front_matter_platform():
    check = disclosure(fold={"instagram": 20})
    assert [v["problem"] for _, v in spans(check, "---\nplatform: instagram\n---\n"
                                                   "Use my code X1 for a discount. #ad")] == \
        ["'#ad' comes after the fold (20 characters)"]
    assert spans(check, "Use my code X1 for a discount. #ad") == []


def test_disclosure_url_triggers_see_links():
    check = disclosure(url_triggers=[r"amzn\.to/\S+"])
    assert [h for h, _ in spans(check, "Love it: https://amzn.to/abc")] == ["amzn.to/abc"]


@pytest.mark.parametrize("text, problem", [
    # Mastodon mentions and separators belong to the trailing block...
    ("Use my code X1. #a · @jane@mastodon.social #b, #ad", "'#ad' is buried in the trailing hashtags"),
    # ...an email address or a '#' inside a word does not.
    ("Use my code X1. #a jane@example.com #b #ad", None),
    ("Use my code X1. #a bad#b #c #ad", None),
])
def test_disclosure_trailing_block_uses_the_extractor(text, problem):
    check = disclosure(buried_min=3)
    found = spans(check, text)
    assert [v["problem"] for _, v in found] == ([problem] if problem else [])


def test_disclosure_url_triggers_match_inside_links_with_or_without_scheme():
    check = disclosure(url_triggers=[r"amzn\.to/\S*", r"[?&]tag=\S+"])
    assert [h for h, _ in spans(check, "Mine: amzn.to/abc.")] == ["amzn.to/abc"]
    assert [h for h, _ in spans(check, "See https://shop.example.com/x?tag=me-20, ok")] == \
        ["?tag=me-20"]
    # Text that only looks like a link is not one.
    assert spans(check, "The amzn.tox/abc page and ?tag=x") == []


def test_lexicon_sentence_cues_bound_a_match_to_its_sentence():
    check = build(Lexicon, regex=True, entries=[
        {"tokens": [r"(?:room|bed)\s+\d{1,4}"], "sentence_with": [r"surgery|recovering"]},
        {"tokens": [r"we'll\s+sue"], "unless": [r"\bnever\b"],
         "unless_next": [r"just\s+kidding|jk\b"]}])
    hits = lambda text: [hit for hit, _ in spans(check, text)]  # noqa: E731
    # a cue anywhere in the sentence, before or after, however far; not in the next one
    assert hits("After her surgery, Mrs. Patel in room 12 took her first steps.") == ["room 12"]
    assert hits("Room 12 is free. Surgery starts at 8.") == []
    # undone in its sentence, or by the start of the next one only
    assert hits("We'll sue... just kidding!") == []
    assert hits("We would never say we'll sue.") == []
    assert hits("We'll sue. They never learn, just kidding") == ["We'll sue"]
    bad = {"entries": [{"tokens": ["a"], "unless": ["("]}, {"tokens": ["a"], "unless_next": "x"}]}
    messages = [m for _, m in Lexicon.problems(bad)]
    assert any("entries[0].unless: invalid regular expression" in m for m in messages)
    assert any("entries[1].unless_next: expected a list of regexes" in m for m in messages)


def test_lexicon_skip_names_leaves_a_word_in_a_title_case_name():
    check = build(Lexicon, entries=[{"tokens": ["stoned", "hungover"],
                                     "skip_names": ["Monday"]}])
    hits = lambda text: [hit for hit, _ in spans(check, text)]  # noqa: E731
    assert hits("Dinner at Stoned Age Pizza.") == []
    assert hits("Stoned Age Pizza opens today.") == []
    assert hits("Hungover Monday, send coffee.") == ["Hungover"]
    assert hits("Stoned at the party. So STONED.") == ["Stoned", "STONED"]
    assert hits("We watched The Hungover Games. Got Stoned at the gig.") == ["Stoned"]
    assert any("skip_names" in m for _, m in Lexicon.problems(
        {"entries": [{"tokens": ["a"], "skip_names": "x"}]}))


def test_disclosure_self_offers_need_a_sign_that_the_goods_are_the_authors():
    check = build(Disclosure, regex=True, triggers=[r"link\s+in\s+bio\s+to\s+shop"],
                  disclosures=["#ad"], self_offers=[r"link\s+in\s+bio"],
                  own_signs=[r"\bour\s+(?:new\s+)?collection\b"])
    assert spans(check, "Our new collection is here, link in bio to shop!") == []
    assert [hit for hit, _ in spans(check, "Love this blush, link in bio to shop!")] == \
        ["link in bio to shop"]


def test_disclosure_name_codes_make_a_bare_code_a_creators():
    # a self offer in a post naming no one else's goods is the author's own, unless its
    # code is made of a name: letters that are no common word nor one of code_words
    check = build(Disclosure, regex=True, triggers=[r"use\s+code\s+[A-Z0-9]{3,}"],
                  disclosures=["#ad"], self_offers=[r"use\s+code\s+[A-Z0-9]{3,}"],
                  endorsement_signs=["@\\w+"], code_words=["xmas"],
                  name_codes=[r"\bcode\s+(?-i:(?P<word>[A-Z]{3,})\d{1,3})\b"])
    assert [hit for hit, _ in spans(check, "Use code EMMA20 for 20% off")] == \
        ["Use code EMMA20"]
    assert spans(check, "Use code SUMMER20 for 20% off") == []       # a common word
    assert spans(check, "Use code XMAS15 for 15% off") == []         # one of code_words
    assert spans(check, "Use code BLACKFRIDAY30 for 30% off") == []  # two words run together
    assert spans(check, "#ad Use code EMMA20 for 20% off") == []
    problems = dict(Disclosure.problems({"triggers": [], "disclosures": [],
                                         "name_codes": [r"code\s+[A-Z]+\d+"]}))
    assert "no group named 'word'" in problems["name_codes"]


def test_lexicon_skip_names_reads_titles_with_small_words_and_a_leading_article():
    check = build(Lexicon, entries=[{"tokens": ["jerk", "shut up"], "skip_names": True}])
    hits = lambda text: [hit for hit, _ in spans(check, text)]  # noqa: E731
    assert hits("The Jerk is still Steve Martin's best film.") == []
    assert hits("Shut Up and Dance is on the radio again.") == []
    # (a sentence's own capital, with no article or title word beside it, is no name)
    assert hits("Jerk. Shut up and listen.") == ["Jerk", "Shut up"]
    assert hits("The jerk next door is at it again.") == ["jerk"]
