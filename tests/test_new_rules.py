"""The rules of issue #14 through the command line: publish readiness, links,
accessibility, rule packs, boundary strategies and objectives."""

from __future__ import annotations

import random

import pytest

from postlint.text import styled


def lines(result) -> list[str]:
    return result.out.splitlines()[:-1]


# -- publish readiness -------------------------------------------------------------------

def test_placeholders_flagged_at_their_place_in_every_profile(run, write):
    write("a.md", "Hi {{first_name}}, our talk is on [DATE].\n"
                  "TODO: add speaker names\n"
                  "See `{name}` in the docs, and we <3 you [1].\n")
    for profile in ("public", "friends-family", "brand"):
        result = run("--select", "placeholder", "--profile", profile, "a.md")
        assert lines(result) == [
            "a.md:1:4: D101 '{{first_name}}' is a template slot left in the draft; fill it in "
            "or remove it before posting (placeholder)",
            "a.md:1:35: D101 '[DATE]' is a template slot left in the draft; fill it in or "
            "remove it before posting (placeholder)",
            "a.md:2:1: D101 'TODO' is a draft note left in the draft; fill it in or remove it "
            "before posting (placeholder)",
        ]
        assert result.code == 1


def test_a_weekday_that_does_not_fit_takes_the_year_from_today_or_the_publish_date(run, write):
    write("a.md", "Join us Wednesday, May 15!\n")
    assert run("--select", "date-mismatch", "--today", "2024-03-01", "a.md").code == 0
    result = run("--select", "date-mismatch", "--today", "2025-03-01", "a.md")
    assert lines(result) == ["a.md:1:9: D102 'Wednesday, May 15': 15 May 2025 is a Thursday, "
                             "not a Wednesday; correct the date before posting (date-mismatch)"]
    write("b.md", "---\npublish: 2024-05-01\n---\nJoin us Wednesday, May 15!\n")
    assert run("--select", "date-mismatch", "--today", "2025-03-01", "b.md").code == 0


def test_dates_that_do_not_exist_in_four_languages(run, write):
    write("a.md", "31 February 2026. El 31 de abril. Am 31. Juni. Le 30 février.\n")
    result = run("--select", "date-mismatch", "--today", "2026-01-01", "a.md")
    assert [line.split(": ", 1)[1] for line in lines(result)] == [
        "D102 '31 February 2026': February has no day 31 in 2026; correct the date before "
        "posting (date-mismatch)",
        "D102 '31 de abril': April has no day 31; correct the date before posting "
        "(date-mismatch)",
        "D102 '31. Juni': June has no day 31; correct the date before posting (date-mismatch)",
        "D102 '30 février': February has no day 30; correct the date before posting "
        "(date-mismatch)",
    ]


def test_a_text_states_the_dates_a_search_of_all_of_it_finds():
    """A text is searched only around its digits: the same dates, whatever the spaces,
    lines and names between a date's parts, in short texts and long ones."""
    from postlint.checks.dates import names
    from postlint.text import dates

    table = names(())
    pieces = ["Mon", "Monday,", "the", "May", "15", "15th", "of", "de", "mayo", "2025",
              "5/15", "15.05.", "2025-05-15", "Mittwoch,", "15.", "Mai", "le", "mercredi",
              "Wed.", ",", "x", "\n", "\n\n", "\t"]
    rnd = random.Random(7)
    for size in [rnd.randint(1, 30) for _ in range(300)] + [1000] * 50:
        text = "".join(rnd.choice(pieces) + rnd.choice([" ", "", "   ", "\n"])
                       for _ in range(size))
        pattern = dates._pattern(table)
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for lo, hi in dates._windows(text, table)
                for m in pattern.finditer(text, lo, hi)] == whole
        assert [stated.end for stated in dates.find(text, table)] == [end for _, end in whole]


def test_today_must_be_a_date(run, write):
    write("a.md", "Hello.\n")
    result = run("--today", "2025-02-30", "a.md")
    assert result.code == 2
    assert "--today" in result.err


def test_a_publish_date_that_is_no_date_is_a_read_error(run, write):
    write("a.md", "---\ndate: next tuesday\n---\nHello.\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err == ("a.md: error: line 2: front matter: 'date' must be a date "
                          "(YYYY-MM-DD, optionally with a time), got 'next tuesday'\n")


def test_past_date_needs_a_publish_date(run, write):
    text = "Join us on 3 May for the spring meetup!\n"
    write("a.md", text)
    write("b.md", "---\ndate: 2025-05-10\n---\n" + text)
    result = run("--select", "past-date", "a.md", "b.md")
    assert lines(result) == [
        "b.md:4:12: D103 '3 May' (3 May 2025) is before this draft's publish date 2025-05-10; "
        "readers will see a date that has passed: update it, or say that it happened "
        "(past-date)"]


def test_a_greeting_of_another_day_than_the_publish_date(run, write):
    write("a.md", "---\ndate: 2026-12-03\n---\nHappy Friday! Here is what we shipped.\n")
    write("b.md", "---\ndate: 2026-12-04\n---\nHappy Friday! Here is what we shipped.\n")
    write("c.md", "---\ndate: 2026-12-03\n---\nHave a happy Friday tomorrow, all!\n")
    # (`published` is another tool's key in a draft: a Jekyll post, still judged)
    write("e.md", "---\ndate: 2026-12-03\npublished: true\n---\nTGIF!\n")
    write("d.csv", "date,time,text\n2026-12-03,09:00,Ready for the weekend? TGIF!\n"
                   "2026-12-04,09:00,TGIF!\n")
    result = run("--select", "wrong-day", "a.md", "b.md", "c.md", "d.csv", "e.md")
    assert lines(result) == [
        "a.md:4:1: D106 'Happy Friday' greets a Friday, but this draft is published on "
        "3 December 2026, a Thursday: change the greeting or the publish date (wrong-day)",
        "d.csv:2:41: D106 'TGIF' greets a Friday, but this draft is published on "
        "3 December 2026, a Thursday: change the greeting or the publish date (wrong-day) "
        "[row 2]",
        "e.md:5:1: D106 'TGIF' greets a Friday, but this draft is published on "
        "3 December 2026, a Thursday: change the greeting or the publish date (wrong-day)"]


def test_a_holiday_greeting_far_from_the_publish_date(run, write):
    write("a.md", "---\ndate: 2026-12-10\n---\nHappy Thanksgiving to all our customers!\n")
    write("b.md", "---\ndate: 2026-11-26\n---\nHappy Thanksgiving to all our customers!\n")
    write("c.md", "---\ndate: 2026-10-12\n---\nHappy Thanksgiving, Canada!\n")  # (its own)
    write("d.md", "---\ndate: 2026-12-03\n---\nA belated happy Thanksgiving to all!\n")
    write("e.md", "---\ndate: 2027-01-05\n---\nHappy New Year! And happy Easter.\n")
    write("f.csv", "date,text\n2026-12-24,Merry Christmas from all of us\n"
                   "2027-01-20,Merry Christmas from all of us\n")
    result = run("--select", "wrong-holiday", "a.md", "b.md", "c.md", "d.md", "e.md", "f.csv")
    assert lines(result) == [
        "a.md:4:1: D107 'Happy Thanksgiving' greets Thanksgiving (26 November 2026), but this "
        "draft is published on 10 December 2026: change the greeting or the publish date "
        "(wrong-holiday)",
        "e.md:4:21: D107 'happy Easter' greets Easter (28 March 2027), but this draft is "
        "published on 5 January 2027: change the greeting or the publish date (wrong-holiday)",
        "f.csv:3:12: D107 'Merry Christmas' greets Christmas (25 December 2026), but this draft"
        " is published on 20 January 2027: change the greeting or the publish date "
        "(wrong-holiday) [row 3]"]


def test_a_holiday_with_an_unreadable_date_is_a_config_error(run, write):
    write("a.md", "---\ndate: 2026-12-10\n---\nHappy Diwali!\n")
    write(".postlint.yaml", "rules:\n  wrong-holiday:\n    holidays:\n      diwali:\n"
                            "        greetings: ['happy diwali']\n        dates: ['13-08']\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.strip() == (
        ".postlint.yaml:3: rules.wrong-holiday.holidays: diwali: dates: cannot read '13-08' as "
        "MM-DD, {month, weekday, nth} or {easter: N}")


def test_thread_numbering(run, write):
    write("a.md", "1/4 What we learned.\n---\n2/4 Ship small.\n---\n2/4 Listen.\n---\n"
                  "4/4 Thank you.\n")
    write("b.md", "🧵 1/5 What we learned.\n---\n2/5 Ship small.\n---\nListen. 3/5\n")
    result = run("--select", "thread-numbering", "a.md", "b.md")
    assert lines(result) == [
        "a.md:5:1: D104 '2/4' says post 2, but it is post 3 of the thread; number the posts "
        "1, 2, 3... and give the real total (thread-numbering)",
        "b.md:1:3: D104 '1/5' says the thread has 5 posts, but it has 3; number the posts "
        "1, 2, 3... and give the real total (thread-numbering)",
    ]


def test_duplicate_post_names_the_draft_it_repeats(run, write):
    write("one.md", "Our spring sale starts Monday with 20% off every plan.\n")
    write("two.md", "Our spring sale starts Monday with 20% off every plan! https://acme.com\n")
    write("three.md", "---\nplatform: linkedin\n---\n"
                      "Our spring sale starts Monday with 20% off every plan.\n")
    result = run("--select", "duplicate-post", "--platform", "x", "one.md", "two.md",
                 "three.md")
    assert lines(result) == [
        "two.md:1:1: D105 this post repeats one.md:1 on x; feeds rank repeated posts down, "
        "and X rejects exact repeats: rewrite one of them or drop it (duplicate-post)"]
    assert run("--select", "duplicate-post", "one.md", "two.md").code == 0  # no platform


def test_duplicate_post_names_the_first_of_the_posts_it_repeats(run, write):
    sale = "Our spring sale starts Monday with twenty percent off every plan."
    write("one.md", sale + "\n")
    write("two.md", sale + "\n")
    write("three.md", sale[:-1] + " today.\n")  # near both: the first is named
    write("four.md", sale[:-1] + " today!\n")  # an exact repeat beats an earlier near one
    result = run("--select", "duplicate-post", "--platform", "x", "one.md", "two.md",
                 "three.md", "four.md")
    assert [line.split(" on x;")[0] for line in lines(result)] == [
        "two.md:1:1: D105 this post repeats one.md:1",
        "three.md:1:1: D105 this post nearly repeats one.md:1",
        "four.md:1:1: D105 this post repeats three.md:1"]


@pytest.mark.parametrize("similarity", [0.3, 0.5, 0.8, 1])
def test_duplicate_post_finds_what_comparing_every_pair_finds(run, write, similarity):
    # posts from a small vocabulary, many of them close to many others: each flagged post
    # names the first exact repeat, else the first post close enough, as measuring every
    # earlier post would
    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(11)]
    posts = [" ".join(rng.sample(vocabulary, rng.randint(5, 10))) + "." for _ in range(90)]
    posts += [rng.choice(posts) for _ in range(10)]  # exact repeats too
    rng.shuffle(posts)
    write(".postlint.yaml", f"rules:\n  duplicate-post: {{similarity: {similarity}}}\n")
    write("posts.md", "\n---\n".join(posts) + "\n")
    expected = []
    for n, post in enumerate(posts):
        words = post.rstrip(".").split()
        earlier = [post.rstrip(".").split() for post in posts[:n]]
        exact = next((i for i, other in enumerate(earlier) if other == words), None)
        near = next((i for i, other in enumerate(earlier)
                     if len(set(words) & set(other)) / len(set(words) | set(other))
                     >= similarity), None)
        if exact is not None or near is not None:
            how = "repeats" if exact is not None else "nearly repeats"
            expected.append(f"posts.md:{2 * n + 1}:1: D105 this post {how} line "
                            f"{2 * (near if exact is None else exact) + 1}")
    result = run("--select", "duplicate-post", "--platform", "x", "posts.md")
    assert [line.split(" on x;")[0] for line in lines(result)] == expected
    nearly = sum("nearly" in line for line in expected)
    assert nearly > 10 or similarity == 1  # (at 1, only the same words in another order)


def test_duplicate_post_needs_at_least_one_word_to_compare(run, write):
    write(".postlint.yaml", "rules:\n  duplicate-post: {min_words: 0}\n")
    write("one.md", "🎉🎉\n")
    result = run("--select", "duplicate-post", "--platform", "x", "one.md")
    assert result.code == 2
    assert ".postlint.yaml:2: rules.duplicate-post.min_words: expected 1 or more" in result.err


# -- links ----------------------------------------------------------------------------------

def test_internal_links_by_profile_and_configured_domains(run, write):
    write("a.md", "Demo: http://localhost:3000/demo and https://wiki.acme.example/page\n"
                  "Code: `http://localhost:8000`\n")
    result = run("--select", "internal-link", "a.md")
    assert lines(result) == [
        "a.md:1:7: U101 'http://localhost:3000/demo' is an internal address; a public post "
        "must never link to it: link the published page instead (internal-link)"]
    assert result.code == 1
    write(".postlint.yaml", "work:\n  internal-domains: [acme.example]\n")
    result = run("--select", "internal-link", "--format", "json", "a.md")
    assert [(f["column"], f["level"]) for f in result.json()] == [(7, "error"), (38, "error")]
    result = run("--profile", "friends-family", "--format", "json", "a.md")
    assert [(f["name"], f["level"]) for f in result.json()] == \
        [("internal-link", "warning"), ("internal-link", "warning")]


def test_a_file_shared_from_drive_is_a_warning_to_check_not_an_error(run, write):
    write("a.md", "Slides: https://drive.google.com/file/d/1AbC/view?usp=sharing\n"
                  "Notes: https://docs.google.com/document/d/1xYz/edit\n")
    result = run("--select", "internal-link", "--format", "json", "a.md")
    assert [(f["line"], f["level"], f["message"].split("; ", 1)[1]) for f in result.json()] == [
        (1, "warning", "check that anyone with the link may only view it, and that it holds "
                       "nothing private; link a published copy if there is one"),
        (2, "error", "a public post must never link to it: link the published page instead")]


def test_a_link_entry_level_bound_must_be_a_level(run, write):
    write("myrules/links/x.yaml", "code: X901\nname: any-link\ntype: link\nlevel: error\n"
                                  "message: \"'{match}' links\"\nwhy: a test rule\n"
                                  "options:\n  entries:\n    - any: true\n"
                                  "      max_level: warn\n"
                                  "examples:\n  flag: [https://a.com/x]\n  pass: [b]\n")
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X901]\n")
    write("a.md", "See https://example.com/x\n")
    result = run("a.md")
    assert result.code == 2 and "entries[0].max_level: expected one of" in result.err


def test_tracking_parameters_fixed_and_nothing_else(run, write, tmp_path):
    write("a.md", "Guide: https://acme.com/guide?utm_source=x&fbclid=IwAR2&page=2#top\n"
                  "Song: https://open.spotify.com/track/4uLU6hMC?si=abc123.\n")
    result = run("--select", "tracking-parameter", "--fix", "a.md")
    assert result.code == 0
    assert (tmp_path / "a.md").read_text() == (
        "Guide: https://acme.com/guide?utm_source=x&page=2#top\n"
        "Song: https://open.spotify.com/track/4uLU6hMC.\n")


def test_utm_tags_only_when_configured(run, write):
    write("a.md", "New: https://acme.com/new?utm_source=x and https://example.org/x\n")
    assert run("--select", "utm-tags", "a.md").code == 0
    write(".postlint.yaml", "links:\n  utm: {utm_source: [linkedin], utm_medium: null}\n"
                            "brand:\n  domains: [acme.com]\n")
    result = run("--select", "utm-tags", "a.md")
    assert lines(result) == [
        "a.md:1:6: U103 'https://acme.com/new?utm_source=x' lacks utm_medium and has "
        "utm_source=x (allowed: linkedin): links to your own site need the campaign tags set "
        "in links.utm (utm-tags)"]


def test_link_shortener_is_info_and_a_warning_for_brands(run, write):
    write("a.md", "Report: https://bit.ly/3xYz\n")
    levels = {profile: run("--profile", profile, "--format", "json", "a.md").json()
              for profile in ("public", "brand")}
    assert [f["level"] for f in levels["public"] if f["name"] == "link-shortener"] == ["info"]
    assert [f["level"] for f in levels["brand"] if f["name"] == "link-shortener"] == ["warning"]


def test_caption_link_only_on_instagram_and_tiktok(run, write):
    write("a.md", "New drop: https://acme.com/drop\n")
    assert run("--select", "caption-link", "--platform", "x", "a.md").code == 0
    result = run("--select", "caption-link", "--platform", "instagram", "a.md")
    assert lines(result) == [
        "a.md:1:11: U105 'https://acme.com/drop' is not clickable in Instagram captions; say "
        "\"link in bio\" or use the platform's link sticker [instagram] (caption-link)"]


# -- accessibility --------------------------------------------------------------------------

def test_styled_text_fixed_to_plain_letters(run, write, tmp_path):
    write("a.md", "We are 𝗵𝗶𝗿𝗶𝗻𝗴 in 𝘉𝘦𝘳𝘭𝘪𝘯 and ＴＯＫＹＯ.\n")
    result = run("--select", "styled-text", "a.md")
    assert [line.split(" '")[0] for line in lines(result)] == \
        ["a.md:1:8: A101", "a.md:1:18: A101", "a.md:1:29: A101"]
    run("--select", "styled-text", "--fix", "a.md")
    assert (tmp_path / "a.md").read_text() == "We are hiring in Berlin and TOKYO.\n"


def test_styled_folding_keeps_offsets():
    text = "𝗷𝗮𝗻𝗲@𝗴𝗺𝗮𝗶𝗹.𝗰𝗼𝗺 Ⓐ ᴀᴄᴍᴇ ⒜"
    assert styled.fold(text) == "jane@gmail.com A acme a"
    assert len(styled.fold(text)) == len(text)
    assert styled.kind("ᴍ") == "small capitals" and styled.kind("m") is None


def test_emoji_placement_and_vague_link_text(run, write):
    write("a.md", "Why Acme:\n✅ Fast\n✅ Fair\n\nThis 👏 is 👏 how 👏 it's done. Click here: "
                  "https://acme.com\n")
    result = run("--select", "emoji-placement,vague-link-text", "a.md")
    assert [line.split(" '")[0] + " " + line.rsplit("(", 1)[1] for line in lines(result)] == [
        "a.md:2:1: A102 emoji-placement)", "a.md:5:6: A102 emoji-placement)",
        "a.md:5:30: A103 vague-link-text)"]


# -- packs ----------------------------------------------------------------------------------

PROMISE = "This fund will double your money within a year.\n"


def test_packs_turn_rules_on_from_config_or_front_matter(run, write):
    write("a.md", PROMISE)
    write("b.md", "---\npacks: [finance]\n---\n" + PROMISE)
    result = run("--format", "json", "a.md", "b.md")
    assert [(f["path"], f["level"]) for f in result.json() if f["name"] == "performance-promise"] \
        == [("b.md", "error")]
    write(".postlint.yaml", "packs: [finance]\nprofile: friends-family\n")
    result = run("--format", "json", "a.md")
    assert [f["level"] for f in result.json() if f["name"] == "performance-promise"] == ["error"]
    ignored = run("--ignore", "performance-promise", "--format", "json", "a.md").json()
    assert [f for f in ignored if f["name"] == "performance-promise"] == []


def test_an_unknown_pack_stops_the_run(run, write):
    write("a.md", "---\npacks: [fnance]\n---\nHello.\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err == ("a.md: error: line 2: front matter: unknown pack 'fnance' (did you "
                          "mean 'finance'?)\n")
    write(".postlint.yaml", "packs: [helth]\n")
    write("b.md", "Hello.\n")
    result = run("b.md")
    assert result.code == 2
    assert result.err == ".postlint.yaml:1: packs: unknown pack 'helth' (did you mean 'health'?)\n"


def test_list_packs_and_explain_show_packs_and_sources(run):
    result = run("--list-packs")
    assert result.code == 0
    assert "  F101 performance-promise: error" in result.out
    assert "  H103 patient-info: error" in result.out
    assert "FINRA Rule 2210(d)(1)(B)" in result.out
    explained = run("--explain", "disease-claim").out
    assert "Packs (on top of any profile" in explained and "  health: error" in explained
    assert "Source: FTC Health Products Compliance Guidance" in explained


def test_health_pack_on_a_clinic_post(run, write):
    write(".postlint.yaml", "packs: [health]\n")
    write("a.md", "So proud of our patient Maria Lopez! Our tea helps prevent colds.\n")
    result = run("--select", "H", "a.md")
    assert [line.split(" '")[0] for line in lines(result)] == ["a.md:1:13: H103",
                                                              "a.md:1:46: H101"]


# -- strategies and objectives --------------------------------------------------------------

RISKY = "This is bullsh1t, lol\n"


def profiles_used(result) -> set:
    return {(f["path"], f["profile"]) for f in result.json()}


def test_audience_strategy_lints_with_the_platform_audience(run, write):
    write(".postlint.yaml", "strategy: audience\n")
    write("in.md", "---\nplatform: linkedin\n---\n" + RISKY)
    write("fb.md", "---\nplatform: facebook\n---\n" + RISKY)
    write("ff.md", "---\nprofile: friends-family\nplatform: linkedin\n---\n" + RISKY)
    result = run("--format", "json", "in.md", "fb.md", "ff.md")
    assert profiles_used(result) == {("in.md", "professional"), ("fb.md", "friends-family"),
                                     ("ff.md", "friends-family")}
    mismatch = [f for f in result.json() if f["name"] == "audience-mismatch"]
    assert [(f["path"], f["line"], f["message"]) for f in mismatch] == [
        ("ff.md", 2, "this draft is written for 'friends-family', but linkedin reaches a "
                     "'professional' audience; lint it as professional (profile: professional) "
                     "or take linkedin off its platforms")]


def test_networks_override_the_defaults(run, write):
    write(".postlint.yaml", "strategy: audience\nnetworks: {facebook: colleagues}\n")
    write("fb.md", "---\nplatform: facebook\n---\n" + RISKY)
    assert profiles_used(run("--format", "json", "fb.md")) == {("fb.md", "colleagues")}


def test_networks_take_a_platform_alias_and_suggest_a_misspelt_name(run, write):
    # `twitter` is `x` wherever a platform is named; in networks it was an error that
    # listed the platforms, as were the near misses, without the one meant
    write(".postlint.yaml", "strategy: audience\nnetworks: {twitter: colleagues}\n")
    write("x.md", "---\nplatform: x\n---\n" + RISKY)
    assert profiles_used(run("--format", "json", "x.md")) == {("x.md", "colleagues")}
    write(".postlint.yaml", "strategy: audience\nnetworks: {linkdin: profesional}\n")
    result = run("x.md")
    assert result.code == 2
    assert result.err == ".postlint.yaml:2: networks.linkdin: unknown platform 'linkdin' (did " \
                         "you mean 'linkedin'?)\n"


def test_content_strategy_uses_the_strictest_audience(run, write):
    write(".postlint.yaml", "strategy: content\n")
    write("a.md", "---\nprofile: friends-family\n---\n" + RISKY)
    assert profiles_used(run("--format", "json", "a.md")) == {("a.md", "professional")}


def test_custom_strategy_wants_a_profile(run, write):
    write(".postlint.yaml", "strategy: custom\n")
    write("a.md", "---\ntitle: x\n---\nHello there.\n")
    result = run("--select", "missing-profile", "a.md")
    assert lines(result) == [
        "a.md:4:1: N102 this draft does not say its audience, and the config's strategy is "
        "custom; add 'profile:' to its front matter (it was linted as 'public') "
        "(missing-profile)"]


def test_a_mistyped_strategy_or_objective_suggests_the_meant_one(mistake):
    assert mistake("strategy: contnet\nobjective: trafic\nnetworks: {x: pro}\n") == [
        ".postlint.yaml:1: strategy: expected one of open, audience, content, custom, got "
        "'contnet' (did you mean 'content'?)",
        ".postlint.yaml:3: networks.x: unknown profile 'pro' (known: brand, colleagues, "
        "friends-family, professional, public)",
        ".postlint.yaml:2: objective: expected one of traffic, engagement, awareness, got "
        "'trafic' (did you mean 'traffic'?)",
    ]


def test_objective_fit(run, write):
    write(".postlint.yaml", "objective: traffic\n")
    write("a.md", "Our spring collection is here.\n")
    write("b.md", "Our spring collection is here, link in bio.\n")
    write("c.md", "---\nobjective: engagement\n---\nWe shipped dark mode.\n---\n"
                  "What should we build next?\n")
    result = run("--select", "objective-fit", "a.md", "b.md", "c.md")
    assert lines(result) == [
        "a.md:1:1: N103 this draft's objective is traffic, but it has no link and does not "
        "point to one (\"link in bio\"): add the link (objective-fit)"]


def test_duplicate_post_across_parallel_workers(run, write, monkeypatch):
    from postlint.lint import parallel

    for n in range(8):
        write(f"d/{n:02}.md", f"Post number {n} about something else entirely today.\n")
    write("d/03.md", "Our spring sale starts Monday with 20% off every plan.\n")
    write("d/06.md", "Our spring sale starts Monday with 20% off every plan.\n")
    serial = run("--select", "duplicate-post", "--platform", "x", "d")
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    chunked = run("--select", "duplicate-post", "--platform", "x", "d")
    assert chunked.out == serial.out
    assert lines(chunked) == [
        "d/06.md:1:1: D105 this post repeats d/03.md:1 on x; feeds rank repeated posts "
        "down, and X rejects exact repeats: rewrite one of them or drop it (duplicate-post)"]


def test_links_utm_without_brand_domains_is_a_config_error(mistake, run, write):
    # utm-tags needs both; links.utm is read by no other rule, so alone it can only be a
    # config half written: the rule would stay silent
    draft = "Read it: https://acme.com/story\n"
    assert mistake("profile: professional\nlinks:\n  utm: [utm_source]\n", draft) == [
        ".postlint.yaml:3: links.utm: utm-tags reads links.utm together with brand.domains, "
        "which is not set, so it would never run; add brand.domains (or remove links.utm)"]
    # brand.domains alone is fine: other rules read it (missing-disclosure, link-shortener)
    write(".postlint.yaml", "brand:\n  domains: [acme.com]\n")
    assert run("a.md").code == 0
    write(".postlint.yaml", "brand:\n  domains: [acme.com]\nlinks:\n  utm: [utm_source]\n")
    assert "U103 'https://acme.com/story' lacks utm_source" in run("a.md").out


def test_a_wrong_links_section_is_a_config_error(run, write):
    write(".postlint.yaml", "links:\n  utm: 5\n  utn: [a]\n")
    write("a.md", "Hello.\n")
    result = run("a.md")
    assert result.code == 2
    assert sorted(result.err.splitlines()) == [
        ".postlint.yaml:2: links.utm: expected a list of parameter names, or a mapping of "
        "name -> allowed values, got 5",
        ".postlint.yaml:3: links.utn: unknown key (did you mean 'utm'?)",
    ]
